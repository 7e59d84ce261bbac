/*
 * notice_due.c
 *		When a change notice falls due (svc_change_notice, aud_change_notice):
 *		its effective date plus the setting change_notice_days.
 *
 * A notice is accepted however late it comes (the change happened, and the
 * lists must show it from its effective date); one filed after its due
 * date is late, which ismap.late_filings shows.  The due date is derived
 * when read, from the setting in force then, like every other status.
 */
#include "postgres.h"

#include "fmgr.h"

#include "base/errors.h"
#include "base/today.h"
#include "state/notice_due.h"
#include "state/settings.h"

PG_FUNCTION_INFO_V1(ismap_change_notice_due);

/* The last day on which a notice of a change effective on 'effective_on' is on time. */
DateADT
change_notice_due(DateADT effective_on)
{
	int			days = setting_days("change_notice_days");

	if (DATE_NOT_FINITE(effective_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, RULE_SVC_CHANGE_NOTICE,
					 "a notice's due date cannot be counted from an infinite date",
					 errdetail("The effective date given is %s.", ismap_date_text(effective_on)),
					 errhint("Give a calendar date."));
	/* the setting is at most a year: only the last days of the calendar overflow */
	if (!IS_VALID_DATE((int64) effective_on + days))
		ismap_refuse(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, RULE_SVC_CHANGE_NOTICE,
					 "date out of range",
					 errdetail("A notice of a change effective on %s would fall due after the last day a date can hold.",
							   ismap_date_text(effective_on)),
					 errhint("Use a date between 4713 BC and 5874897 AD."));
	return effective_on + days;
}

/* ismap.change_notice_due(effective_on date) RETURNS date */
Datum
ismap_change_notice_due(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(change_notice_due(PG_GETARG_DATEADT(0)));
}
