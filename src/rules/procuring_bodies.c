/*
 * procuring_bodies.c
 *		The procuring bodies (2.3, 附則2): recorded by the committee or the
 *		operator, of a recorded organization, and never changed or deleted
 *		(procurements and impact assessments rest on a body and its kind).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"

#include "base/errors.h"
#include "base/trigger_check.h"
#include "rules/authority.h"
#include "rules/organization_recorded.h"
#include "store/columns.h"
#include "store/registry.h"
#include "store/restore.h"
#include "store/row_locks.h"

PG_FUNCTION_INFO_V1(ismap_procuring_bodies_check);

static void
check_organization_recorded(int64 organization)
{
	require_organization_recorded(organization, RULE_USE_PROCURER_SCOPE,
								  "a procuring body is a recorded organization",
								  "Record the organization in ismap.organizations first.");
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.procuring_bodies FOR EACH ROW */
Datum
ismap_procuring_bodies_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	ActingRole	actor = current_actor();
	int64		organization;

	trigger_check(fcinfo, "ismap_procuring_bodies_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	require_capacity(&actor, CAPACITY_COMMITTEE | CAPACITY_OPERATOR, "record a procuring body");
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a recorded procuring body is never changed or deleted",
					 errdetail("Procurements and impact assessments rest on the body and its kind."),
					 errhint("Record the body anew if its kind changed; the scope of each kind is ismap.procurer_scope."));
	desc = RelationGetDescr(td->tg_relation);
	if (!tuple_get_int64(td->tg_trigtuple, desc, "organization_id", &organization) ||
		tuple_get_text(td->tg_trigtuple, desc, "kind") == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_USE_PROCURER_SCOPE,
					 "a procuring body needs its organization and its kind",
					 errdetail("organization_id or kind is null."),
					 errhint("Give the organization and one of ministry, incorporated_agency, designated_corporation, local_government."));
	check_organization_recorded(organization);
	return PointerGetDatum(td->tg_trigtuple);
}
