/*
 * civil_period.c
 *		Periods counted as the Japanese Civil Code counts them (民法140-143).
 *
 * A period of N months whose first counted day is S ends on the day before
 * the day of the N-th following month that corresponds to S; where that
 * month has no such day (S is the 31st, or 29-31 February), it ends on the
 * last day of that month.  svc_validity starts counting the day after the
 * audit period ends; aud_validity the day after the application (the day
 * of application itself is not counted, 民法140).  Both use the one
 * function below, so the two rules can never drift apart.
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/datetime.h"

#include "base/errors.h"
#include "base/today.h"
#include "state/civil_period.h"
#include "state/settings.h"

PG_FUNCTION_INFO_V1(ismap_auditor_valid_until);
PG_FUNCTION_INFO_V1(ismap_service_valid_until);

static DateADT
make_checked_date(int year, int month, int day, const char *rule)
{
	DateADT		result;

	if (!IS_VALID_JULIAN(year, month, day))
		ismap_refuse(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, rule,
					 "date out of range",
					 errdetail("The period would end in year %d.", year),
					 errhint("Use a date between 4713 BC and 5874897 AD."));
	result = date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(result))
		ismap_refuse(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, rule,
					 "date out of range",
					 errdetail("The period would end in year %d.", year),
					 errhint("Use a date between 4713 BC and 5874897 AD."));
	return result;
}

/* Year and month that lie 'months' after the month of 'day'. */
static void
shift_month(DateADT day, int months, int *year, int *month, int *mday)
{
	int			y,
				m,
				d;
	int64		index;

	j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	index = (int64) y * 12 + (m - 1) + months;
	*year = (int) (index >= 0 ? index / 12 : -((-index + 11) / 12));
	*month = (int) (index - (int64) (*year) * 12) + 1;
	*mday = d;
}

DateADT
civil_period_end(DateADT first_day, int months, const char *rule)
{
	int			y,
				m,
				d;
	int			last;

	shift_month(first_day, months, &y, &m, &d);
	last = day_tab[isleap(y)][m - 1];
	if (d > last)
		return make_checked_date(y, m, last, rule);
	return make_checked_date(y, m, d, rule) - 1;
}

/* The same day 'months' later, or the month's last day if it has none. */
DateADT
date_plus_months(DateADT day, int months)
{
	int			y,
				m,
				d;
	int			last;

	shift_month(day, months, &y, &m, &d);
	last = day_tab[isleap(y)][m - 1];
	return make_checked_date(y, m, Min(d, last), RULE_AUD_COMPLIANCE_REPORT);
}

static DateADT
finite_date_arg(FunctionCallInfo fcinfo, const char *rule, const char *what)
{
	DateADT		day = PG_GETARG_DATEADT(0);

	if (DATE_NOT_FINITE(day))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, rule,
					 "a period cannot be counted from an infinite date",
					 errdetail("The %s given is %s.", what, ismap_date_text(day)),
					 errhint("Give a calendar date."));
	return day;
}

/* ismap.auditor_valid_until(applied_on date): aud_validity */
Datum
ismap_auditor_valid_until(PG_FUNCTION_ARGS)
{
	DateADT		applied_on = finite_date_arg(fcinfo, RULE_AUD_VALIDITY,
											 "application date");

	PG_RETURN_DATEADT(civil_period_end(applied_on + 1,
									   setting_months("auditor_validity"),
									   RULE_AUD_VALIDITY));
}

/* ismap.service_valid_until(audit_period_end date): svc_validity */
Datum
ismap_service_valid_until(PG_FUNCTION_ARGS)
{
	DateADT		period_end = finite_date_arg(fcinfo, "svc_validity",
											 "audit period end");

	PG_RETURN_DATEADT(civil_period_end(period_end + 1,
									   setting_months("service_validity"),
									   "svc_validity"));
}
