/*
 * incident_due.c
 *		When the reports of an incident fall due (svc_incident_report, 3.7).
 *
 * The first report (速報) falls due incident_first_report_days after the
 * day the provider recognized the incident, the final report (確報)
 * incident_final_report_days after it: settings in whole days, as the
 * detailed rules give these figures, so a due date is a plain sum and no
 * Civil Code month arithmetic applies (recognized 2024-02-27, three days:
 * due 2024-03-01).  A report filed after its due date is accepted and
 * shown late; one not filed by the end of its due day is overdue from the
 * next day (ismap.late_filings, ismap.overdue_obligations_at).  The
 * arithmetic reads only the settings, so it answers on a hot standby.
 */
#include "postgres.h"

#include "fmgr.h"

#include "base/errors.h"
#include "base/today.h"
#include "state/incident_due.h"
#include "state/settings.h"
#include "store/columns.h"

PG_FUNCTION_INFO_V1(ismap_incident_report_due);

/*
 * The due date of the first (final false) or final report of an incident
 * recognized on 'recognized_on'.  An infinite day counts nothing, and a
 * sum past the last date PostgreSQL can hold is refused, both with the
 * rule's id rather than as an internal error.
 */
DateADT
incident_report_due(DateADT recognized_on, bool final)
{
	const char *setting = final ? "incident_final_report_days" : "incident_first_report_days";
	int			days;
	DateADT		due;

	if (DATE_NOT_FINITE(recognized_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, RULE_SVC_INCIDENT_REPORT,
					 "a report's due date cannot be counted from an infinite date",
					 errdetail("The day the incident was recognized is given as %s.",
							   ismap_date_text(recognized_on)),
					 errhint("Give a calendar date."));
	days = setting_days(setting);
	/* days is 1..365 (settings.c); recognized_on is finite, so no overflow */
	due = recognized_on + days;
	if (!IS_VALID_DATE(due))
		ismap_refuse(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, RULE_SVC_INCIDENT_REPORT,
					 "date out of range",
					 errdetail("Recognized on %s, the report would fall due %d days later.",
							   ismap_date_text(recognized_on), days),
					 errhint("Give a date between 4713 BC and 5874897 AD."));
	return due;
}

/* ismap.incident_report_due(recognized_on date, stage ismap.report_stage) */
Datum
ismap_incident_report_due(PG_FUNCTION_ARGS)
{
	DateADT		recognized_on = PG_GETARG_DATEADT(0);
	char	   *stage = enum_label(PG_GETARG_DATUM(1));

	PG_RETURN_DATEADT(incident_report_due(recognized_on, strcmp(stage, "final") == 0));
}
