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

/*
 * What to do instead of writing a table the extension maintains: what
 * writes or ends its rows.
 */
static const char *
instead_of_writing(const char *table, bool deleting)
{
	if (strcmp(table, "service_registrations") == 0)
		return deleting ?
			"A registration is never deleted: it ends by a removal (INSERT INTO ismap.service_status_changes ... action 'remove') or by expiry." :
			"A registration is written by the approval of an application (UPDATE ismap.service_applications SET status = 'approved', decided_on = ...).";
	if (strcmp(table, "auditors") == 0)
		return deleting ?
			"An auditor's registration is never deleted: it ends by a removal (INSERT INTO ismap.auditor_status_changes ... action 'remove') or by expiry." :
			"An auditor's registration is written by the approval of an application (UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ...).";
	if (strcmp(table, "service_registration_terms") == 0 || strcmp(table, "auditor_terms") == 0)
		return "Validity terms are written by approvals; a mistyped approval date is corrected with ismap.correct(), which moves its term.";
	if (strcmp(table, "service_list_spans") == 0)
		return "The periods on the list follow from the registrations' facts: write those (applications, status changes).";
	if (strcmp(table, "setting_defaults") == 0)
		return "The defaults come with the extension: change a setting with UPDATE ismap.settings SET value = ... WHERE name = ....";
	return "The extension maintains this table.";
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
					 errhint("%s", instead_of_writing(RelationGetRelationName(td->tg_relation),
												   TRIGGER_FIRED_BY_DELETE(td->tg_event))));
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
