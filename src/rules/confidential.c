/*
 * confidential.c
 *		Whose confidential rows a role sees (sec_confidential): the
 *		functions the row-level security policies of src/sql/98_access.sql
 *		call for every row they filter.
 *
 * The committee, the operator and the ministries see every row (and so do
 * a superuser and the registry's owner, as whom the extension's own
 * queries run).  A provider sees the rows of its organizations' services;
 * an auditor the rows of its organizations as an auditor.  The policies
 * only ever learn whether a row concerns the caller, never whom else it
 * concerns.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/snapmgr.h"

#include "state/acting_role.h"
#include "state/concerned.h"

PG_FUNCTION_INFO_V1(ismap_sees_every_row);
PG_FUNCTION_INFO_V1(ismap_concerns_organization);
PG_FUNCTION_INFO_V1(ismap_concerns_service);
PG_FUNCTION_INFO_V1(ismap_concerns_registration);
PG_FUNCTION_INFO_V1(ismap_concerns_incident);
PG_FUNCTION_INFO_V1(ismap_concerns_auditor);
PG_FUNCTION_INFO_V1(ismap_concerns_body);

/*
 * The calling role, kept for the rest of the query in the call site's
 * fn_extra: a policy calls once per row, and the role cannot change within
 * a query (a SET ROLE is a statement of its own).
 */
static const ActingRole *
caller(FunctionCallInfo fcinfo)
{
	ActingRole *r = (ActingRole *) fcinfo->flinfo->fn_extra;

	if (r == NULL || r->roleid != GetUserId())
	{
		if (r == NULL)
			r = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(ActingRole));
		*r = acting_role(GetUserId());
		fcinfo->flinfo->fn_extra = r;
	}
	return r;
}

static bool
sees_every_row(const ActingRole *r)
{
	return role_has_capacity(r, CAPACITIES_OVERSIGHT);
}

/*
 * Whether the row of organization 'organization' (found with 'found')
 * concerns r in one of 'capacities'.
 */
static bool
acts_as(const ActingRole *r, int capacities, bool found, int64 organization)
{
	return found && (r->capacities & capacities) != 0 &&
		role_acts_for(r, organization, GetActiveSnapshot());
}

Datum
ismap_sees_every_row(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(sees_every_row(caller(fcinfo)));
}

/* A row of an organization: its providers' and auditors' roles see it. */
Datum
ismap_concerns_organization(PG_FUNCTION_ARGS)
{
	const ActingRole *r = caller(fcinfo);

	if (sees_every_row(r))
		PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(acts_as(r, CAPACITY_PROVIDER | CAPACITY_AUDITOR, !PG_ARGISNULL(0),
						   PG_ARGISNULL(0) ? 0 : PG_GETARG_INT64(0)));
}

/* How a row's id leads to the organization it concerns (state/concerned.c). */
typedef bool (*OrganizationOf) (int64 id, Snapshot snapshot, int64 *organization);

/*
 * Whether the row whose id is argument 0 concerns the caller: it does if
 * the caller sees every row, or acts in one of 'capacities' for the
 * organization 'organization_of' finds for the id.
 */
static bool
concerns(FunctionCallInfo fcinfo, OrganizationOf organization_of, int capacities)
{
	const ActingRole *r = caller(fcinfo);
	int64		organization = 0;
	bool		found;

	if (sees_every_row(r))
		return true;
	found = !PG_ARGISNULL(0) &&
		organization_of(PG_GETARG_INT64(0), GetActiveSnapshot(), &organization);
	return acts_as(r, capacities, found, organization);
}

/* A row of a service: its provider's roles see it. */
Datum
ismap_concerns_service(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(concerns(fcinfo, service_provider_of, CAPACITY_PROVIDER));
}

Datum
ismap_concerns_registration(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(concerns(fcinfo, registration_provider_of, CAPACITY_PROVIDER));
}

Datum
ismap_concerns_incident(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(concerns(fcinfo, incident_provider_of, CAPACITY_PROVIDER));
}

/* A row of an auditor: the roles of the audit firm, as auditors. */
Datum
ismap_concerns_auditor(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(concerns(fcinfo, auditor_organization_of, CAPACITY_AUDITOR));
}

/* A procurement: the roles of the procuring body's organization, as procurers. */
Datum
ismap_concerns_body(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(concerns(fcinfo, body_organization_of, CAPACITY_PROCURER));
}
