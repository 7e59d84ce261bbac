/*
 * settings.c
 *		The figures of the scheme that the committee revises (rules.md marks
 *		them "a setting"), kept in the table ismap.settings.
 *
 * ismap.settings is a view: the defaults that come with the extension
 * (ismap.setting_defaults), overridden by the values the committee set
 * (ismap.setting_overrides, which pg_dump keeps).
 *
 * Each setting is a length in whole months (validity terms, audit period
 * bounds: the Civil Code counts such periods in months and years, never in
 * days), a number of days (the deadlines of reports and notices), or a
 * date (the scheme's start), or the letter that begins a kind of
 * registration number (ISMAP-LIU's).  The writes refuse a
 * value that the rules could not use (setting_value_check, called by
 * rules/settings_writes.c), so the C code that reads a setting can trust
 * it; a read checks the value again all the same (a restored dump or an
 * older version may have stored one that is no longer accepted), except
 * for the bound that moves with today (see parse_day).
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "base/errors.h"
#include "base/today.h"
#include "state/settings.h"
#include "store/kept_plans.h"
#include "store/registry.h"

typedef enum SettingKind
{
	SETTING_MONTHS,
	SETTING_DAYS,
	SETTING_DATE,
	SETTING_PREFIX
} SettingKind;

typedef struct SettingSpec
{
	const char *name;
	SettingKind kind;
	int			min_months;		/* bounds for SETTING_MONTHS, or days for */
	int			max_months;		/* SETTING_DAYS */
} SettingSpec;

/*
 * The bounds keep each figure where the scheme could mean it (README,
 * "Decisions"): a validity term of a month to five years (the scheme's are
 * two years and sixteen months); an audit period of a month to two years
 * (three months to one year); a compliance report due from a month to two
 * years after the application it follows (one year), so that it stays a
 * check between renewals; a design-only window of none to two years (one
 * year, 附則3).  Report and notice deadlines are counted in days (the
 * detailed rules' figures are days): one day to a year.  An audit firm's
 * consulting bars its audits for none to five years before the audit
 * period (twelve months).
 */
static const SettingSpec setting_specs[] = {
	{"auditor_validity", SETTING_MONTHS, 1, 60},
	{"auditor_compliance_report_after", SETTING_MONTHS, 1, 24},
	{"service_validity", SETTING_MONTHS, 1, 60},
	{"audit_period_max", SETTING_MONTHS, 1, 24},
	{"audit_period_min", SETTING_MONTHS, 1, 24},
	{"scheme_start", SETTING_DATE, 0, 0},
	{"design_only_window", SETTING_MONTHS, 0, 24},
	{"incident_first_report_days", SETTING_DAYS, 1, 365},
	{"incident_final_report_days", SETTING_DAYS, 1, 365},
	{"change_notice_days", SETTING_DAYS, 1, 365},
	{"consulting_cooling_off_months", SETTING_MONTHS, 0, 60},
	{"liu_start", SETTING_DATE, 0, 0},
	{"liu_validity_months", SETTING_MONTHS, 1, 60},
	{"liu_number_prefix", SETTING_PREFIX, 0, 0},
};

/*
 * A date setting is no earlier than the year the scheme was founded (its
 * basic regulations are the 2020 draft), and, when it is written, no later
 * than five years after ismap.today(): the scheme's rules date nothing
 * before its start, so a start in the distant past or future would make
 * every date check meaningless.
 */
#define EARLIEST_SETTING_YEAR 2020
#define LATEST_SETTING_YEARS_AHEAD 5

static const SettingSpec *
find_spec(const char *name)
{
	for (int i = 0; i < (int) lengthof(setting_specs); i++)
		if (strcmp(setting_specs[i].name, name) == 0)
			return &setting_specs[i];
	return NULL;
}

/*
 * Run a type input function; turn its syntax error into the setting_value
 * refusal (the error is re-thrown at once, so catching it is safe).
 */
static Datum
parse_value(PGFunction input, const char *name, const char *value,
			const char *expected)
{
	MemoryContext cxt = CurrentMemoryContext;
	Datum		result = (Datum) 0;

	PG_TRY();
	{
		result = DirectFunctionCall3(input, CStringGetDatum(value),
									 ObjectIdGetDatum(InvalidOid),
									 Int32GetDatum(-1));
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 psprintf("setting \"%s\" cannot be \"%s\"", name, value),
					 errdetail("%s", edata->message),
					 errhint("Give %s.", expected));
	}
	PG_END_TRY();
	return result;
}

/* A number of months as the settings write it: "1 month", "2 years", "1 year 4 months". */
static char *
months_text(int months)
{
	int			years = months / 12;
	int			rest = months % 12;

	if (years == 0)
		return psprintf("%d month%s", rest, rest == 1 ? "" : "s");
	if (rest == 0)
		return psprintf("%d year%s", years, years == 1 ? "" : "s");
	return psprintf("%d year%s %d month%s", years, years == 1 ? "" : "s",
					rest, rest == 1 ? "" : "s");
}

static int
parse_months(const SettingSpec *spec, const char *value)
{
	Interval   *iv;

	iv = DatumGetIntervalP(parse_value(interval_in, spec->name, value,
									   "a whole number of months or years, such as '2 years' or '1 year 4 months'"));
	if (iv->day != 0 || iv->time != 0 ||
		iv->month < spec->min_months || iv->month > spec->max_months)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 psprintf("setting \"%s\" cannot be \"%s\"", spec->name, value),
					 errdetail("Periods of the scheme are counted in whole months; %s lies between %s and %s.",
							   spec->name, months_text(spec->min_months),
							   months_text(spec->max_months)),
					 errhint("Give a whole number of months or years from %s to %s, such as '1 year 4 months'.",
							 months_text(spec->min_months), months_text(spec->max_months)));
	return iv->month;
}

/* A number of days as the settings write it: "1 day", "30 days". */
static char *
days_text(int days)
{
	return psprintf("%d day%s", days, days == 1 ? "" : "s");
}

static int
parse_days(const SettingSpec *spec, const char *value)
{
	Interval   *iv;

	iv = DatumGetIntervalP(parse_value(interval_in, spec->name, value,
									   "a whole number of days, such as '3 days'"));
	if (iv->month != 0 || iv->time != 0 ||
		iv->day < spec->min_months || iv->day > spec->max_months)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 psprintf("setting \"%s\" cannot be \"%s\"", spec->name, value),
					 errdetail("%s is counted in whole days, from %s to %s.",
							   spec->name, days_text(spec->min_months),
							   days_text(spec->max_months)),
					 errhint("Give a whole number of days from %s to %s, such as '3 days'.",
							 days_text(spec->min_months), days_text(spec->max_months)));
	return iv->day;
}

/* The latest date a date setting may be given today: five years on (29 February: the 28th). */
static DateADT
latest_setting_date(void)
{
	int			y,
				m,
				d;

	j2date(ismap_today() + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	y += LATEST_SETTING_YEARS_AHEAD;
	return date2j(y, m, Min(d, day_tab[isleap(y)][m - 1])) - POSTGRES_EPOCH_JDATE;
}

/*
 * A date setting: a concrete calendar day written YYYY-MM-DD, no earlier
 * than EARLIEST_SETTING_YEAR.  Special values (today, tomorrow, epoch)
 * would move under the rules that read the date, and infinity, eras and
 * times are no day of the scheme.  When writing, it is also no later than
 * five years after today; a read does not check that bound, since it moves
 * with today: a backfill that pins ismap.today to a past day still reads
 * the scheme's start that was accepted when it was written.
 */
static DateADT
parse_day(const SettingSpec *spec, const char *value, bool writing)
{
	DateADT		earliest = date2j(EARLIEST_SETTING_YEAR, 1, 1) - POSTGRES_EPOCH_JDATE;
	DateADT		latest = latest_setting_date();
	DateADT		day;

	if (!iso_date_parse(value, &day) || day < earliest || (writing && day > latest))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 psprintf("setting \"%s\" cannot be \"%s\"", spec->name, value),
					 errdetail("%s is a calendar day written YYYY-MM-DD (no special value such as today, no era, no time), from %s to %d years after today (%s).",
							   spec->name, ismap_date_text(earliest),
							   LATEST_SETTING_YEARS_AHEAD, ismap_date_text(latest)),
					 errhint("Give a date such as 2020-06-01, between %s and %s.",
							 ismap_date_text(earliest), ismap_date_text(latest)));
	return day;
}

/*
 * A number prefix (liu_number_prefix): one capital letter A to Z, other
 * than A and C, which begin the numbers of auditors (A24-0001) and of ISMAP
 * services (C24-0071-1): a reader tells the list a number is on by its
 * first letter, and no two kinds of number can be mistaken for each other.
 * Numbers already given keep the letter they were given with.
 */
static char
parse_prefix(const SettingSpec *spec, const char *value)
{
	if (strlen(value) != 1 || value[0] < 'A' || value[0] > 'Z' ||
		value[0] == 'A' || value[0] == 'C')
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 psprintf("setting \"%s\" cannot be \"%s\"", spec->name, value),
					 errdetail("%s is one capital letter; A begins auditors' numbers and C those of ISMAP services.",
							   spec->name),
					 errhint("Give one capital letter from B to Z other than C, such as 'L'."));
	return value[0];
}

/*
 * The settings read during the current top-level statement.  The rules
 * read the same few settings for every row they check; reading each once
 * per statement spares a query per rule check.  A rolled-back
 * subtransaction forgets them, and a transaction that writes a setting
 * reads them afresh every time from then on.
 */
#define CACHED_VALUE_SIZE 64
static struct
{
	LocalTransactionId lxid;
	TimestampTz statement;
	bool		known[lengthof(setting_specs)];
	char		value[lengthof(setting_specs)][CACHED_VALUE_SIZE];
	bool		parsed_known[lengthof(setting_specs)];	/* value parsed */
	int32		parsed[lengthof(setting_specs)];	/* months, or a DateADT */
	LocalTransactionId written_in;	/* a transaction that wrote a setting */
}			setting_cache;

static void
forget_settings(void)
{
	setting_cache.lxid = InvalidLocalTransactionId;
}

void
settings_written(void)
{
	forget_settings();
	setting_cache.written_in = MyProc->lxid;
}

static void
forget_settings_on_abort(SubXactEvent event, SubTransactionId mySubid,
						 SubTransactionId parentSubid, void *arg)
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		forget_settings();
}

/* The cache slot of a setting, or -1 if this transaction wrote settings. */
static int
cached_setting(const char *name)
{
	static bool callback_registered = false;
	int			i = find_spec(name) - setting_specs;

	if (!callback_registered)
	{
		RegisterSubXactCallback(forget_settings_on_abort, NULL);
		callback_registered = true;
	}
	if (setting_cache.written_in == MyProc->lxid)
		return -1;
	if (setting_cache.lxid != MyProc->lxid ||
		setting_cache.statement != GetCurrentStatementStartTimestamp())
	{
		memset(setting_cache.known, 0, sizeof(setting_cache.known));
		memset(setting_cache.parsed_known, 0, sizeof(setting_cache.parsed_known));
		setting_cache.lxid = MyProc->lxid;
		setting_cache.statement = GetCurrentStatementStartTimestamp();
	}
	return i;
}

static char *
setting_text(const char *name)
{
	static KeptPlan kp = {
		"SELECT value FROM ismap.settings WHERE name OPERATOR(pg_catalog.=) $1",
		1, {TEXTOID}
	};
	Datum		arg;
	char	   *value;
	MemoryContext caller = CurrentMemoryContext;
	RegistryRole role;
	int			slot = cached_setting(name);

	if (slot >= 0 && setting_cache.known[slot])
		return pstrdup(setting_cache.value[slot]);
	arg = CStringGetTextDatum(name);
	SPI_connect();
	registry_role_enter(&role);
	kept_plan_run(&kp, &arg, NULL, true, 1);
	registry_role_leave(&role);
	if (SPI_processed != 1)
		ismap_refuse(ERRCODE_UNDEFINED_OBJECT, RULE_SETTING_VALUE,
					 psprintf("setting \"%s\" is missing", name),
					 errdetail("The table ismap.settings has no row named \"%s\".", name),
					 errhint("Restore the row, or reinstall the extension's defaults."));
	value = spi_get_text(0, 1);
	value = MemoryContextStrdup(caller, value ? value : "");
	SPI_finish();
	if (slot >= 0 && strlen(value) < CACHED_VALUE_SIZE)
	{
		strlcpy(setting_cache.value[slot], value, CACHED_VALUE_SIZE);
		setting_cache.known[slot] = true;
	}
	return value;
}

/* A setting's value parsed in this statement, if it was. */
static bool
parsed_setting(int slot, int32 *parsed)
{
	if (slot < 0 || !setting_cache.known[slot] || !setting_cache.parsed_known[slot])
		return false;
	*parsed = setting_cache.parsed[slot];
	return true;
}

/* Keep a parsed value with the cached text: parsed once per statement. */
static void
remember_parsed(int slot, int32 parsed)
{
	if (slot >= 0 && setting_cache.known[slot])
	{
		setting_cache.parsed[slot] = parsed;
		setting_cache.parsed_known[slot] = true;
	}
}

int
setting_months(const char *name)
{
	const SettingSpec *spec = find_spec(name);
	int			slot = cached_setting(name);
	int32		months;

	Assert(spec && spec->kind == SETTING_MONTHS);
	if (!parsed_setting(slot, &months))
	{
		months = parse_months(spec, setting_text(name));
		remember_parsed(slot, months);
	}
	return months;
}

int
setting_days(const char *name)
{
	const SettingSpec *spec = find_spec(name);
	int			slot = cached_setting(name);
	int32		days;

	Assert(spec && spec->kind == SETTING_DAYS);
	if (!parsed_setting(slot, &days))
	{
		days = parse_days(spec, setting_text(name));
		remember_parsed(slot, days);
	}
	return days;
}

/* The names of the settings, comma separated, for messages. */
char *
setting_names(void)
{
	StringInfoData names;

	initStringInfo(&names);
	for (int i = 0; i < (int) lengthof(setting_specs); i++)
		appendStringInfo(&names, "%s%s", i > 0 ? ", " : "", setting_specs[i].name);
	return names.data;
}

/* Parsed once per statement, as the periods are. */
DateADT
setting_date(const char *name)
{
	const SettingSpec *spec = find_spec(name);
	int			slot = cached_setting(name);
	int32		day;

	Assert(spec && spec->kind == SETTING_DATE);
	if (!parsed_setting(slot, &day))
	{
		day = parse_day(spec, setting_text(name), false);
		remember_parsed(slot, day);
	}
	return day;
}

/* The letter a kind of registration number begins with. */
char
setting_prefix(const char *name)
{
	const SettingSpec *spec = find_spec(name);
	int			slot = cached_setting(name);
	int32		letter;

	Assert(spec && spec->kind == SETTING_PREFIX);
	if (!parsed_setting(slot, &letter))
	{
		letter = parse_prefix(spec, setting_text(name));
		remember_parsed(slot, letter);
	}
	return (char) letter;
}

/* The shortest audit period may not exceed the longest one. */
static void
check_audit_period_bounds(const char *name, int months)
{
	int			min_months = months,
				max_months = months;

	if (strcmp(name, "audit_period_min") == 0)
		max_months = setting_months("audit_period_max");
	else if (strcmp(name, "audit_period_max") == 0)
		min_months = setting_months("audit_period_min");
	else
		return;
	if (min_months > max_months)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 psprintf("setting \"%s\" would make the shortest audit period longer than the longest", name),
					 errdetail("audit_period_min would be %d months and audit_period_max %d months.",
							   min_months, max_months),
					 errhint("Keep audit_period_min at or below audit_period_max."));
}

void
setting_value_check(const char *name, const char *value)
{
	const SettingSpec *spec = find_spec(name);

	if (spec == NULL)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 psprintf("there is no setting \"%s\"", name),
					 errdetail("ismap.settings holds only the settings that the rules read."),
					 errhint("Update the value of one of the rows already in ismap.settings."));
	if (spec->kind == SETTING_MONTHS)
		check_audit_period_bounds(name, parse_months(spec, value));
	else if (spec->kind == SETTING_DAYS)
		(void) parse_days(spec, value);
	else if (spec->kind == SETTING_PREFIX)
		(void) parse_prefix(spec, value);
	else
		(void) parse_day(spec, value, true);
}

