/*
 * role_organizations.c
 *		The organizations a role acts for (sec_role_authority), written by
 *		the committee.
 *
 * A mapping names an existing role and a recorded organization; the group
 * roles of the capacities act for no organization (their members do, each
 * under its own name).  A mapping is inserted or deleted, never rewritten,
 * so that the log shows each one begin and end; the organization is locked
 * FOR KEY SHARE, so that it cannot be deleted under a new mapping.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/acl.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "base/trigger_check.h"
#include "rules/authority.h"
#include "rules/organization_recorded.h"
#include "store/columns.h"
#include "store/registry.h"
#include "store/restore.h"
#include "store/row_locks.h"

PG_FUNCTION_INFO_V1(ismap_role_organizations_check);

static bool
is_capacity_role(const char *name)
{
	for (int bit = 1; bit <= CAPACITY_READER; bit <<= 1)
		if (strcmp(name, capacity_role_name((Capacity) bit)) == 0)
			return true;
	return false;
}

static void
check_mapping(HeapTuple tup, TupleDesc desc)
{
	char	   *role = tuple_get_text(tup, desc, "role_name");
	int64		organization;

	if (role == NULL || !tuple_get_int64(tup, desc, "organization_id", &organization))
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SEC_ROLE_AUTHORITY,
					 "a mapping needs a role and an organization",
					 errdetail("role_name or organization_id is null."),
					 errhint("Give the login role's name and the organization it acts for."));
	if (!OidIsValid(get_role_oid(role, true)))
		ismap_refuse(ERRCODE_UNDEFINED_OBJECT, RULE_SEC_ROLE_AUTHORITY,
					 psprintf("role %s does not exist", role),
					 errdetail("A mapping names an existing role."),
					 errhint("CREATE ROLE ... IN ROLE ismap_provider (or ismap_auditor) first (README, \"Access\")."));
	if (is_capacity_role(role))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SEC_ROLE_AUTHORITY,
					 psprintf("the capacity %s acts for no organization", role),
					 errdetail("A capacity is a group role: mapping it would not map its members."),
					 errhint("Map each member role that acts for the organization."));
	require_organization_recorded(organization, RULE_SEC_ROLE_AUTHORITY,
								  "a role acts for a recorded organization",
								  "Record the organization in ismap.organizations first.");
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.role_organizations FOR EACH ROW */
Datum
ismap_role_organizations_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, "ismap_role_organizations_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	require_capacity(&actor, CAPACITY_COMMITTEE, "map a role to an organization");
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		return PointerGetDatum(td->tg_trigtuple);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_ROLE_AUTHORITY,
					 "a mapping is not rewritten",
					 errdetail("The log shows each mapping begin with its insert and end with its delete."),
					 errhint("Delete the mapping and insert the new one."));
	check_mapping(td->tg_trigtuple, RelationGetDescr(td->tg_relation));
	return PointerGetDatum(td->tg_trigtuple);
}
