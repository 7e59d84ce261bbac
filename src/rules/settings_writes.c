/*
 * settings_writes.c
 *		Writes of the scheme's settings (setting_value): through the view
 *		ismap.settings, or by a superuser to ismap.setting_overrides.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "base/trigger_check.h"
#include "rules/authority.h"
#include "state/settings.h"
#include "store/columns.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_settings_write);
PG_FUNCTION_INFO_V1(ismap_settings_statement);

/*
 * Rows of ismap.settings the statement under way has written: an UPDATE
 * that matches none is refused (ismap_settings_statement).
 */
static uint64 settings_rows_written = 0;
PG_FUNCTION_INFO_V1(ismap_setting_overrides_check);

/*
 * INSTEAD OF INSERT OR UPDATE OR DELETE ON ismap.settings (a view over the
 * defaults and the overrides).  Writing a setting writes its override;
 * the defaults come with the extension and are not dumped, the overrides
 * are, so a dump restores over a fresh CREATE EXTENSION without conflict.
 */
Datum
ismap_settings_write(PG_FUNCTION_ARGS)
{
	static KeptPlan upsert = {
		"INSERT INTO ismap.setting_overrides (name, value) VALUES ($1, $2)"
		" ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value",
		2, {TEXTOID, TEXTOID}
	};
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	HeapTuple	newtup;
	char	   *name;
	char	   *value;
	Datum		args[2];
	RegistryRole role;
	ActingRole	actor = current_actor();

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_INSTEAD(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function ismap_settings_write must be fired INSTEAD OF on a view")));
	require_capacity(&actor, CAPACITY_COMMITTEE, "revise a setting");
	desc = RelationGetDescr(td->tg_relation);

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SETTING_VALUE,
					 "settings cannot be deleted",
					 errdetail("Every rule that reads a setting needs it."),
					 errhint("Update the setting's value instead; the default is in column default_value."));

	newtup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	name = tuple_get_text(newtup, desc, "name");
	value = tuple_get_text(newtup, desc, "value");
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		char	   *old_name = tuple_get_text(td->tg_trigtuple, desc, "name");

		if (name == NULL || strcmp(old_name, name) != 0)
			ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SETTING_VALUE,
						 "a setting cannot be renamed",
						 errdetail("Setting \"%s\" would become \"%s\".", old_name,
								   name ? name : "null"),
						 errhint("Update the value only."));
	}
	if (name == NULL || value == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SETTING_VALUE,
					 "a setting needs a name and a value",
					 errdetail("The name or the value is null."),
					 errhint("Give both."));
	setting_value_check(name, value);
	settings_rows_written++;

	args[0] = CStringGetTextDatum(name);
	args[1] = CStringGetTextDatum(value);
	/*
	 * As the registry's owner: the privilege to write a setting is UPDATE
	 * on the view ismap.settings, which PostgreSQL has checked; the
	 * committee needs none on the table of overrides.
	 */
	SPI_connect();
	registry_role_enter(&role);
	kept_plan_run(&upsert, args, NULL, false, 0);
	registry_role_leave(&role);
	SPI_finish();
	return PointerGetDatum(newtup);
}

/*
 * BEFORE and AFTER UPDATE FOR EACH STATEMENT ON ismap.settings.  An UPDATE
 * whose WHERE clause names no setting (a typo: name = 'auditor_valdity')
 * would say UPDATE 0 and change nothing, silently; it is refused, with the
 * names of the settings.
 */
Datum
ismap_settings_statement(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) || TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function ismap_settings_statement must be fired FOR EACH STATEMENT on UPDATE")));
	if (TRIGGER_FIRED_BEFORE(td->tg_event))
		settings_rows_written = 0;
	else if (settings_rows_written == 0)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SETTING_VALUE,
					 "the UPDATE of ismap.settings matched no setting",
					 errdetail("The settings are: %s.", setting_names()),
					 errhint("Name one of them, e.g. UPDATE ismap.settings SET value = '2 years' WHERE name = 'auditor_validity'."));
	return PointerGetDatum(NULL);
}

/*
 * BEFORE INSERT OR UPDATE OR DELETE ON ismap.setting_overrides: the same
 * checks for a superuser who writes the table directly; and a setting is
 * never silently put back to its default.
 */
Datum
ismap_setting_overrides_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	HeapTuple	newtup;
	char	   *name;
	char	   *value;

	trigger_check(fcinfo, "ismap_setting_overrides_check", true, true);
	settings_written();
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	desc = RelationGetDescr(td->tg_relation);
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SETTING_VALUE,
					 "a changed setting is not deleted",
					 errdetail("Deleting the override would put the setting back to its default unnoticed."),
					 errhint("Update ismap.settings, setting value to default_value."));
	newtup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	name = tuple_get_text(newtup, desc, "name");
	value = tuple_get_text(newtup, desc, "value");
	if (name == NULL || value == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SETTING_VALUE,
					 "a setting needs a name and a value",
					 errdetail("The name or the value is null."),
					 errhint("Give both."));
	setting_value_check(name, value);
	return PointerGetDatum(newtup);
}
