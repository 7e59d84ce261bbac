/*
 * ismap.c
 *		Module entry point: the settings (GUCs) of the extension.
 *
 * ismap.timezone names the zone whose calendar days are the scheme's days;
 * ismap.today pins ismap.today() for tests and backfills.  Both are
 * superuser settings (or granted with GRANT SET ON PARAMETER), because they
 * change which dates the rules accept.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "ismap.h"

PG_MODULE_MAGIC;

char	   *ismap_timezone_name = NULL;
char	   *ismap_today_setting = NULL;
char	   *ismap_reason = NULL;

/* today.c */
extern bool check_ismap_timezone(char **newval, void **extra, GucSource source);
extern void assign_ismap_timezone(const char *newval, void *extra);
extern bool check_ismap_today(char **newval, void **extra, GucSource source);
extern void assign_ismap_today(const char *newval, void *extra);

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomStringVariable("ismap.timezone",
							   "Time zone whose calendar days are the ISMAP scheme's days.",
							   "ismap.today() is the current date in this zone, whatever the session's TimeZone.",
							   &ismap_timezone_name,
							   "Asia/Tokyo",
							   PGC_SUSET,
							   0,
							   check_ismap_timezone,
							   assign_ismap_timezone,
							   NULL);

	DefineCustomStringVariable("ismap.today",
							   "Pins ismap.today() to a date (YYYY-MM-DD); empty means the real date.",
							   "For tests and backfills only.",
							   &ismap_today_setting,
							   "",
							   PGC_SUSET,
							   0,
							   check_ismap_today,
							   assign_ismap_today,
							   NULL);

	DefineCustomStringVariable("ismap.reason",
							   "Why the changes of this session or transaction are made.",
							   "Recorded in the decision log (ismap.history) with every change that has no grounds of its own; SET LOCAL it before a correction.",
							   &ismap_reason,
							   "",
							   PGC_USERSET,
							   0,
							   NULL,
							   NULL,
							   NULL);

	MarkGUCPrefixReserved("ismap");
}
