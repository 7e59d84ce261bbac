/*
 * scheme_start.c
 *		The scheme's first day (the setting scheme_start) bounds every date
 *		it records from below: no application is filed, no audit report
 *		counts, no decision, status change or compliance report is dated
 *		before the scheme existed.  Each family of tables refuses such a
 *		date with its own rule id; an audit period may still begin before
 *		the start (rules.md bounds only its length and its report), as an
 *		audit reported in the scheme's first months does.
 *		check_recorded_day() adds the two other bounds of a day on which
 *		something was filed, noticed or decided: a calendar day, not after
 *		today.
 */
#include "postgres.h"

#include "base/errors.h"
#include "base/today.h"
#include "rules/scheme_start.h"
#include "state/settings.h"

/*
 * Refuse 'day', the date of 'fact' (an application, a decision, ...), kept
 * in 'column', if it lies before the scheme's start.  The caller has
 * refused infinite dates.
 */
void
check_not_before_scheme_start(DateADT day, const char *rule, const char *fact,
							  const char *column)
{
	DateADT		start = setting_date("scheme_start");

	if (day < start)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, rule,
					 psprintf("%s cannot be dated before the scheme started", fact),
					 errdetail("%s is %s; the scheme started on %s.", column,
							   ismap_date_text(day), ismap_date_text(start)),
					 errhint("Give a date on or after %s, the setting scheme_start.",
							 ismap_date_text(start)));
}

/*
 * Refuse 'day', the day 'fact' was filed, noticed or decided, kept in
 * 'column', unless it is a calendar day (22007) from the scheme's start to
 * today (23514).  A report, notice or decision is recorded on or after the
 * day it happens, never ahead of it.
 */
void
check_recorded_day(DateADT day, const char *rule, const char *fact, const char *column)
{
	if (DATE_NOT_FINITE(day))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, rule,
					 psprintf("the %s of %s must be a calendar day", column, fact),
					 errdetail("%s is %s.", column, ismap_date_text(day)),
					 errhint("Give the day itself."));
	check_not_before_scheme_start(day, rule, fact, column);
	if (day > ismap_today())
		ismap_refuse(ERRCODE_CHECK_VIOLATION, rule,
					 psprintf("%s cannot be dated in the future", fact),
					 errdetail("%s is %s; today is %s.", column, ismap_date_text(day),
							   ismap_date_text(ismap_today())),
					 errhint("Record it on or after the day it happens."));
}
