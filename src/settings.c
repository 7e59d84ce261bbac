/*
 * settings.c
 *		The figures of the scheme that the committee revises (rules.md marks
 *		them "a setting"), kept in the table ismap.settings.
 *
 * Each setting is either a length in whole months (validity terms, audit
 * period bounds: the Civil Code counts such periods in months and years,
 * never in days) or a date (the scheme's start).  The trigger refuses a
 * value that the rules could not use, so the C code that reads a setting
 * can trust it.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/timestamp.h"

#include "ismap.h"

PG_FUNCTION_INFO_V1(ismap_settings_check);

typedef enum SettingKind
{
	SETTING_MONTHS,
	SETTING_DATE
} SettingKind;

typedef struct SettingSpec
{
	const char *name;
	SettingKind kind;
	int			min_months;		/* bounds for SETTING_MONTHS */
	int			max_months;
} SettingSpec;

static const SettingSpec setting_specs[] = {
	{"auditor_validity", SETTING_MONTHS, 1, 120},
	{"auditor_compliance_report_after", SETTING_MONTHS, 1, 120},
	{"service_validity", SETTING_MONTHS, 1, 120},
	{"audit_period_max", SETTING_MONTHS, 1, 60},
	{"audit_period_min", SETTING_MONTHS, 1, 60},
	{"scheme_start", SETTING_DATE, 0, 0},
	{"design_only_window", SETTING_MONTHS, 0, 120},
};

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
					 errdetail("Periods of the scheme are counted in whole months, here between %d and %d.",
							   spec->min_months, spec->max_months),
					 errhint("Give a whole number of months or years, such as '2 years' or '1 year 4 months'."));
	return iv->month;
}

static DateADT
parse_day(const SettingSpec *spec, const char *value)
{
	DateADT		day = DatumGetDateADT(parse_value(date_in, spec->name, value,
												  "a date written YYYY-MM-DD"));

	if (DATE_NOT_FINITE(day))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 psprintf("setting \"%s\" cannot be \"%s\"", spec->name, value),
					 errdetail("The setting is a calendar day."),
					 errhint("Give a date written YYYY-MM-DD."));
	return day;
}

static char *
setting_text(const char *name)
{
	static KeptPlan kp = {
		"SELECT value FROM ismap.settings WHERE name OPERATOR(pg_catalog.=) $1",
		1, {TEXTOID}
	};
	Datum		arg = CStringGetTextDatum(name);
	char	   *value;
	MemoryContext caller = CurrentMemoryContext;
	RegistryRole role;

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
	return value;
}

int
setting_months(const char *name)
{
	const SettingSpec *spec = find_spec(name);

	Assert(spec && spec->kind == SETTING_MONTHS);
	return parse_months(spec, setting_text(name));
}

DateADT
setting_date(const char *name)
{
	const SettingSpec *spec = find_spec(name);

	Assert(spec && spec->kind == SETTING_DATE);
	return parse_day(spec, setting_text(name));
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

static void
validate(const char *name, const char *value)
{
	const SettingSpec *spec = find_spec(name);

	if (spec == NULL)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 psprintf("there is no setting \"%s\"", name),
					 errdetail("ismap.settings holds only the settings that the rules read."),
					 errhint("Update the value of one of the rows already in ismap.settings."));
	if (spec->kind == SETTING_MONTHS)
		check_audit_period_bounds(name, parse_months(spec, value));
	else
		(void) parse_day(spec, value);
}

/*
 * Insert of a setting that exists updates it instead: pg_dump writes the
 * table's rows back after CREATE EXTENSION has put in the defaults, and the
 * restored value must win.
 */
static bool
upsert_existing(const char *name, Datum value)
{
	static KeptPlan kp = {
		"UPDATE ismap.settings SET value = $2 WHERE name OPERATOR(pg_catalog.=) $1",
		2, {TEXTOID, TEXTOID}
	};
	Datum		args[2];
	bool		updated;

	args[0] = CStringGetTextDatum(name);
	args[1] = value;
	SPI_connect();
	kept_plan_run(&kp, args, NULL, false, 0);
	updated = SPI_processed > 0;
	SPI_finish();
	return updated;
}

Datum
ismap_settings_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	HeapTuple	newtup;
	bool		isnull;
	char	   *name;
	char	   *value;

	trigger_check(fcinfo, "ismap_settings_check", true, true);
	desc = RelationGetDescr(td->tg_relation);

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SETTING_VALUE,
					 "settings cannot be deleted",
					 errdetail("Every rule that reads a setting needs its row."),
					 errhint("Update the setting's value instead."));

	newtup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	name = SPI_getvalue(newtup, desc, SPI_fnumber(desc, "name"));
	value = SPI_getvalue(newtup, desc, SPI_fnumber(desc, "value"));
	if (name == NULL || value == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SETTING_VALUE,
					 "a setting needs a name and a value",
					 errdetail("The name or the value is null."),
					 errhint("Give both."));

	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		char	   *old_name = SPI_getvalue(td->tg_trigtuple, desc,
											SPI_fnumber(desc, "name"));

		if (strcmp(old_name, name) != 0)
			ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SETTING_VALUE,
						 "a setting cannot be renamed",
						 errdetail("Setting \"%s\" would become \"%s\".", old_name, name),
						 errhint("Update the value only."));
	}

	validate(name, value);

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) &&
		upsert_existing(name, SPI_getbinval(newtup, desc,
											SPI_fnumber(desc, "value"), &isnull)))
		return PointerGetDatum(NULL);

	return PointerGetDatum(newtup);
}
