/*
 * scheme_start.c
 *		The scheme's first day (the setting scheme_start) bounds every date
 *		it records from below: no application is filed, no audit report
 *		counts, no decision, status change or compliance report is dated
 *		before the scheme existed.  Each family of tables refuses such a
 *		date with its own rule id; an audit period may still begin before
 *		the start (rules.md bounds only its length and its report), as an
 *		audit reported in the scheme's first months does.
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
