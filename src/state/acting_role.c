/*
 * acting_role.c
 *		Who acts: the capacities of a role and the organizations it acts for.
 *
 * A capacity is one of the seven group roles the extension creates; a role
 * has it when it has that role's privileges (membership with INHERIT, as
 * table privileges and row-level security policies count it).  A provider
 * or auditor role acts for the organizations that ismap.role_organizations
 * maps its own name to; membership of another role does not carry its
 * mappings, so that every mapping names the very role that acts.
 * A superuser or the registry's owner is unrestricted: restores, tests
 * and back-office loading run as one of them, and the log records who.
 */
#include "postgres.h"

#include "access/table.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"

#include "state/acting_role.h"
#include "store/registry.h"
#include "store/scan_table.h"
#include "store/tables.h"

static const struct
{
	Capacity	capacity;
	const char *role_name;
}			capacity_roles[] =
{
	{CAPACITY_COMMITTEE, "ismap_committee"},
	{CAPACITY_OPERATOR, "ismap_operator"},
	{CAPACITY_MINISTRY, "ismap_ministry"},
	{CAPACITY_PROVIDER, "ismap_provider"},
	{CAPACITY_AUDITOR, "ismap_auditor"},
	{CAPACITY_PROCURER, "ismap_procurer"},
	{CAPACITY_READER, "ismap_reader"},
};

const char *
capacity_role_name(Capacity c)
{
	for (size_t i = 0; i < lengthof(capacity_roles); i++)
		if (capacity_roles[i].capacity == c)
			return capacity_roles[i].role_name;
	return "?";
}

/*
 * The capacities of roleid.  The group roles are looked up by name each
 * time (a syscache probe): they are cluster-wide and may be dropped and
 * made again under the registry.
 */
ActingRole
acting_role(Oid roleid)
{
	ActingRole	r;

	r.roleid = roleid;
	/*
	 * A schema not yet updated from 0.1.0 has no capacities (no
	 * role_organizations): there, as in 0.1.0, the privileges alone decide.
	 */
	r.unrestricted = superuser_arg(roleid) || roleid == registry_owner() ||
		!ismap_table_exists("role_organizations");
	r.capacities = 0;
	if (r.unrestricted)
		return r;
	for (size_t i = 0; i < lengthof(capacity_roles); i++)
	{
		Oid			group = get_role_oid(capacity_roles[i].role_name, true);

		if (OidIsValid(group) && has_privs_of_role(roleid, group))
			r.capacities |= capacity_roles[i].capacity;
	}
	return r;
}

/* Whether r is unrestricted or has one of 'capacities'. */
bool
role_has_capacity(const ActingRole *r, int capacities)
{
	return r->unrestricted || (r->capacities & capacities) != 0;
}

static ScanTable mappings_by_organization =
{"role_organizations", "organization_id", {"role_name"}};

/*
 * Whether ismap.role_organizations maps r's own name to organization_id,
 * as 'snapshot' sees it.  An unrestricted role acts for every organization.
 */
bool
role_acts_for(const ActingRole *r, int64 organization_id, Snapshot snapshot)
{
	Relation	rel;
	TupleDesc	desc;
	HeapTuple  *rows;
	int			n;
	bool		found = false;
	char	   *name;

	if (r->unrestricted)
		return true;
	name = GetUserNameFromId(r->roleid, true);
	if (name == NULL)
		return false;
	rel = scan_table_open(&mappings_by_organization);
	desc = RelationGetDescr(rel);
	rows = rows_of(&mappings_by_organization, rel, organization_id, snapshot, &n);
	for (int i = 0; i < n && !found; i++)
	{
		bool		isnull;
		Datum		d = scan_column(&mappings_by_organization, 0, rows[i], desc, &isnull);

		found = !isnull && strcmp(NameStr(*DatumGetName(d)), name) == 0;
	}
	table_close(rel, NoLock);
	return found;
}
