/*
 * today.c
 *		ismap.today(): the scheme's current calendar day.
 *
 * The scheme counts Japanese calendar days.  A session whose TimeZone is
 * America/Los_Angeles must still see the Tokyo date, so today() converts
 * the transaction's start time in the zone named by ismap.timezone rather
 * than using current_date.  The same instant is used for the whole
 * transaction, as current_date does, so a transaction never straddles two
 * days.
 */
#include "postgres.h"

#include <time.h>

#include "access/xact.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/guc.h"

#include "base/today.h"

PG_FUNCTION_INFO_V1(ismap_today_sql);

static pg_tz *scheme_tz = NULL;
static bool today_pinned = false;
static DateADT pinned_day = 0;

static char *ismap_timezone_name = NULL;
static char *ismap_today_setting = NULL;

/* The farthest from UTC that a zone of the world is (Pacific/Kiritimati). */
#define MAX_ZONE_OFFSET (14 * SECS_PER_HOUR)

/*
 * Whether the time zone database has a zone of this name, as
 * pg_timezone_names lists them (compared without regard to case, as
 * pg_tzset finds them).
 */
static bool
zone_in_database(const char *name)
{
	pg_tzenum  *zones = pg_tzenumerate_start();
	pg_tz	   *tz;
	bool		found = false;

	while (!found && (tz = pg_tzenumerate_next(zones)) != NULL)
		found = pg_strcasecmp(pg_get_timezone_name(tz), name) == 0;
	pg_tzenumerate_end(zones);
	return found;
}

/*
 * A zone of the time zone database, within 14 hours of UTC now.  pg_tzset
 * alone would also take a POSIX zone specification, such as "FOO-167"
 * (UTC+167 hours: today() a week ahead); the scheme's days are those of a
 * real place.  As a check hook must, it reports a bad value through
 * GUC_check_errdetail and returns false, never throwing (reading the time
 * zone database throws only when its files cannot be read).
 */
static bool
check_ismap_timezone(char **newval, void **extra, GucSource source)
{
	pg_tz	   *tz;
	pg_time_t	now = (pg_time_t) time(NULL);
	struct pg_tm *tm;

	if (*newval == NULL || (*newval)[0] == '\0' || (tz = pg_tzset(*newval)) == NULL)
	{
		GUC_check_errdetail("\"%s\" is not a time zone name known to PostgreSQL.",
							*newval ? *newval : "");
		GUC_check_errhint("Use a name from pg_timezone_names, such as Asia/Tokyo.");
		return false;
	}

	/*
	 * Reading the database opens each of its some 1,200 zone files (about
	 * 50 ms), which the boot value Asia/Tokyo, checked in every backend that
	 * loads the module, would cost every session's first call; that name is
	 * in every time zone database.
	 */
	if (source != PGC_S_DEFAULT && !zone_in_database(*newval))
	{
		GUC_check_errdetail("\"%s\" is not the name of a zone of the time zone database.",
							*newval);
		GUC_check_errhint("Use a name from pg_timezone_names, such as Asia/Tokyo; a POSIX zone specification such as \"JST-9\" is not accepted.");
		return false;
	}

	tm = pg_localtime(&now, tz);
	if (tm == NULL || tm->tm_gmtoff < -MAX_ZONE_OFFSET || tm->tm_gmtoff > MAX_ZONE_OFFSET)
	{
		GUC_check_errdetail("Zone \"%s\" is not within 14 hours of UTC now.", *newval);
		GUC_check_errhint("Use the zone of the scheme's calendar, Asia/Tokyo.");
		return false;
	}
	return true;
}

static void
assign_ismap_timezone(const char *newval, void *extra)
{
	scheme_tz = pg_tzset(newval);
}

/*
 * Parse exactly YYYY-MM-DD, a real calendar day of years 1 to 9999: no
 * special value (today, epoch, infinity), no era, no time, no blank.  Done
 * by hand so that it never throws: a check hook must return a bad value
 * as a GUC error, and the date settings refuse it with their own rule.
 */
bool
iso_date_parse(const char *s, DateADT *out)
{
	int			y,
				m,
				d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 ||
		d > day_tab[isleap(y)][m - 1])
		return false;
	*out = date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
	return true;
}

static bool
check_ismap_today(char **newval, void **extra, GucSource source)
{
	DateADT		day;
	DateADT    *kept;

	if (*newval == NULL || (*newval)[0] == '\0')
		return true;
	if (!iso_date_parse(*newval, &day))
	{
		GUC_check_errdetail("\"%s\" is not a calendar date written YYYY-MM-DD.", *newval);
		GUC_check_errhint("Write a date such as 2024-04-01, or an empty string to use the real date.");
		return false;
	}
	/* GUC extra data is released with free() */
	kept = (DateADT *) malloc(sizeof(DateADT));
	if (kept == NULL)
		return false;
	*kept = day;
	*extra = kept;
	return true;
}

static void
assign_ismap_today(const char *newval, void *extra)
{
	today_pinned = (extra != NULL);
	pinned_day = extra ? *(DateADT *) extra : 0;
}

/*
 * ismap.timezone names the zone whose calendar days are the scheme's days;
 * ismap.today pins ismap.today() for tests and backfills.  Both are
 * superuser settings (or granted with GRANT SET ON PARAMETER), because they
 * change which dates the rules accept.
 */
void
today_define_settings(void)
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
}

DateADT
ismap_today(void)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			tzoffset;

	if (today_pinned)
		return pinned_day;

	if (scheme_tz == NULL)
		scheme_tz = pg_tzset(ismap_timezone_name);
	if (timestamp2tm(GetCurrentTransactionStartTimestamp(), &tzoffset, &tm,
					 &fsec, NULL, scheme_tz) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("the current time cannot be converted to a date in zone \"%s\"",
						ismap_timezone_name)));
	return date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
}

/* A date as YYYY-MM-DD, whatever the session's DateStyle: for messages. */
char *
ismap_date_text(DateADT day)
{
	int			y,
				m,
				d;

	if (DATE_NOT_FINITE(day))
		return pstrdup(DATE_IS_NOBEGIN(day) ? "-infinity" : "infinity");
	j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	return psprintf("%04d-%02d-%02d", y, m, d);
}

Datum
ismap_today_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(ismap_today());
}
