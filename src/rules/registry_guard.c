/*
 * registry_guard.c
 *		Guards of the tables that only the extension writes, and of every
 *		registry table against TRUNCATE.
 *
 * auditors and auditor_terms are written when an application is approved;
 * a row that a user wrote there would be a registration no committee
 * decided.  Privileges keep ordinary roles out; these triggers keep out the
 * owner and superusers too, who bypass privileges.
 */
#include "postgres.h"

#include "commands/trigger.h"

#include "base/errors.h"
#include "base/trigger_check.h"
#include "store/kept_plans.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_written_by_extension);
PG_FUNCTION_INFO_V1(ismap_refuse_truncate);

static const char *
rule_argument(TriggerData *td, const char *funcname)
{
	if (td->tg_trigger->tgnargs != 1)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on table \"%s\" must give %s the rule id as its one argument",
						td->tg_trigger->tgname,
						RelationGetRelationName(td->tg_relation), funcname)));
	return td->tg_trigger->tgargs[0];
}

/* BEFORE INSERT OR UPDATE OR DELETE FOR EACH ROW, argument: the rule id */
Datum
ismap_written_by_extension(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	const char *rule;

	trigger_check(fcinfo, "ismap_written_by_extension", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	rule = rule_argument(td, "ismap_written_by_extension");
	if (internal_write_depth <= 0)
		ismap_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, rule,
					 psprintf("table ismap.%s is written only by the extension",
							  RelationGetRelationName(td->tg_relation)),
					 errdetail("A direct %s was attempted.",
							   TRIGGER_FIRED_BY_INSERT(td->tg_event) ? "INSERT" :
							   TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? "UPDATE" : "DELETE"),
					 errhint("The extension maintains this table: approve an application, record a status change or update ismap.settings instead."));
	return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ?
						   td->tg_newtuple : td->tg_trigtuple);
}

/* BEFORE TRUNCATE FOR EACH STATEMENT, argument: the rule id */
Datum
ismap_refuse_truncate(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	trigger_check(fcinfo, "ismap_refuse_truncate", false, true);
	ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
				 rule_argument(td, "ismap_refuse_truncate"),
				 psprintf("table ismap.%s cannot be truncated",
						  RelationGetRelationName(td->tg_relation)),
				 errdetail("Its rows are facts of the registry's history."),
				 errhint("Nothing decided is deleted; record a new fact instead."));
	return PointerGetDatum(NULL);
}
