/*
 * authority.c
 *		Who does what (sec_role_authority, 2.2, 7.1-7.5, 9.3).
 *
 *		provider   registers its organizations' services, files and
 *				   withdraws their applications, files their incidents,
 *				   incident reports and change notices;
 *		auditor    records the audits it performed, files and withdraws its
 *				   own applications, files its compliance reports and its
 *				   organization's change notices;
 *		operator   accepts (受理) or returns (不受理) applications;
 *		committee  approves and rejects, suspends, lifts and removes,
 *				   investigates and demands, maps roles to organizations,
 *				   revises the settings and corrects the record;
 *		procurer   records the procurements of its organizations' procuring
 *				   bodies;
 *		ministry   reads everything and writes nothing.
 *
 * The acting role is current_user when the trigger is entered, before it
 * acts as the registry's owner; so SET ROLE acts as the role set, and the
 * rows the extension writes itself (a registration on approval) are
 * written by the owner, who is unrestricted, as is a superuser.  A role
 * with several capacities has the union.  The checks come before the
 * trigger reads any other row (only the row's own values may be checked
 * first), so that a refusal tells a role nothing about rows it may not
 * see.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/snapmgr.h"

#include "base/errors.h"
#include "rules/authority.h"
#include "state/concerned.h"
#include "store/tables.h"

/* The role that acts: current_user (a trigger asks before it acts as the registry). */
ActingRole
current_actor(void)
{
	return acting_role(GetUserId());
}

/* "ismap_committee or ismap_operator", or "no capacity". */
static char *
capacities_text(int capacities)
{
	StringInfoData s;

	initStringInfo(&s);
	for (int bit = 1; bit <= CAPACITY_READER; bit <<= 1)
		if (capacities & bit)
			appendStringInfo(&s, "%s%s", s.len > 0 ? " or " : "",
							 capacity_role_name((Capacity) bit));
	return s.len > 0 ? s.data : "no capacity";
}

static const char *
role_name(const ActingRole *r)
{
	const char *name = GetUserNameFromId(r->roleid, true);

	return name ? name : "(dropped role)";
}

/*
 * r has one of 'capacities', or is refused: it may not 'act' ("approve an
 * application").  No capacity (0): only a superuser or the registry's owner.
 */
void
require_capacity(const ActingRole *r, int capacities, const char *act)
{
	if (role_has_capacity(r, capacities))
		return;
	if (capacities == 0)
		ismap_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, RULE_SEC_ROLE_AUTHORITY,
					 psprintf("role %s may not %s", role_name(r), act),
					 errdetail("No capacity does; a superuser may, for back-office work."),
					 errhint("Published values change by a change notice; a mistake is corrected with ismap.correct() by the committee."));
	ismap_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, RULE_SEC_ROLE_AUTHORITY,
				 psprintf("role %s may not %s", role_name(r), act),
				 errdetail("To %s is for %s; role %s has the privileges of %s.",
						   act, capacities_text(capacities), role_name(r),
						   capacities_text(r->capacities)),
				 errhint("Act as a member of %s (README, \"Access\").",
						 capacities_text(capacities)));
}

/*
 * r has one of 'capacities' and acts for organization_id, as the write's
 * snapshot sees ismap.role_organizations.  The message names what the
 * caller gave, never the organization, which it may not see.
 */
static void
require_acting_for(const ActingRole *r, int capacities, bool found, int64 organization_id,
				   const char *act)
{
	bool		acts;
	Snapshot	snapshot;

	require_capacity(r, capacities, act);
	if (r->unrestricted)
		return;
	snapshot = push_statement_snapshot();
	acts = found && role_acts_for(r, organization_id, snapshot);
	PopActiveSnapshot();
	if (!acts)
		ismap_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, RULE_SEC_ROLE_AUTHORITY,
					 psprintf("role %s may not %s", role_name(r), act),
					 errdetail("Role %s acts for no organization that this concerns.",
							   role_name(r)),
					 errhint("A role acts for the organizations the committee maps it to in ismap.role_organizations."));
}

void
require_for_organization(const ActingRole *r, int capacities, int64 organization_id,
						 const char *act)
{
	require_acting_for(r, capacities, true, organization_id, act);
}

/*
 * The lookups below read with the write's snapshot (rows written earlier
 * in the same statement included); a row that does not exist makes the
 * role act for nothing, so a restricted role learns nothing of it.
 */
void
require_provider_of_service(const ActingRole *r, int64 service_id, const char *act)
{
	int64		provider = 0;
	bool		found = false;

	if (!r->unrestricted && (r->capacities & CAPACITY_PROVIDER))
	{
		found = service_provider_of(service_id, push_statement_snapshot(), &provider);
		PopActiveSnapshot();
	}
	require_acting_for(r, CAPACITY_PROVIDER, found, provider, act);
}

void
require_provider_of_registration(const ActingRole *r, int64 registration_id, const char *act)
{
	int64		provider = 0;
	bool		found = false;

	if (!r->unrestricted && (r->capacities & CAPACITY_PROVIDER))
	{
		found = registration_provider_of(registration_id, push_statement_snapshot(), &provider);
		PopActiveSnapshot();
	}
	require_acting_for(r, CAPACITY_PROVIDER, found, provider, act);
}

void
require_provider_of_incident(const ActingRole *r, int64 incident_id, const char *act)
{
	int64		provider = 0;
	bool		found = false;

	if (!r->unrestricted && (r->capacities & CAPACITY_PROVIDER))
	{
		found = incident_provider_of(incident_id, push_statement_snapshot(), &provider);
		PopActiveSnapshot();
	}
	require_acting_for(r, CAPACITY_PROVIDER, found, provider, act);
}

/* A procurer role acting for the organization of procuring body body_id. */
void
require_procurer_of_body(const ActingRole *r, int64 body_id, const char *act)
{
	int64		organization = 0;
	bool		found = false;

	if (!r->unrestricted && (r->capacities & CAPACITY_PROCURER))
	{
		found = body_organization_of(body_id, push_statement_snapshot(), &organization);
		PopActiveSnapshot();
	}
	require_acting_for(r, CAPACITY_PROCURER, found, organization, act);
}

void
require_auditor(const ActingRole *r, int64 auditor_id, const char *act)
{
	int64		organization = 0;
	bool		found = false;

	if (!r->unrestricted && (r->capacities & CAPACITY_AUDITOR))
	{
		found = auditor_organization_of(auditor_id, push_statement_snapshot(), &organization);
		PopActiveSnapshot();
	}
	require_acting_for(r, CAPACITY_AUDITOR, found, organization, act);
}

/*
 * An application going from old_status to new_status: the applicant
 * withdraws it (the provider of a service's application, whose service is
 * 'subject_id'; the auditor of an auditor's, whose organization it is);
 * the operator accepts or returns it; the committee approves or rejects
 * it.  An update that keeps the status decides nothing (the application's
 * own rule refuses any other change).
 */
void
require_application_decider(const ActingRole *r, bool service, int64 subject_id,
							const char *old_status, const char *new_status)
{
	if (new_status == NULL || strcmp(old_status, new_status) == 0)
		return;
	if (strcmp(new_status, "withdrawn") == 0)
	{
		if (service)
			require_provider_of_service(r, subject_id, "withdraw this application");
		else
			require_for_organization(r, CAPACITY_AUDITOR, subject_id,
									 "withdraw this application");
	}
	else if (strcmp(new_status, "accepted") == 0)
		require_capacity(r, CAPACITY_OPERATOR, "accept an application (受理)");
	else if (strcmp(new_status, "returned") == 0)
		require_capacity(r, CAPACITY_OPERATOR, "return an application (不受理)");
	else if (strcmp(new_status, "approved") == 0)
		require_capacity(r, CAPACITY_COMMITTEE, "approve an application");
	else if (strcmp(new_status, "rejected") == 0)
		require_capacity(r, CAPACITY_COMMITTEE, "reject an application");
}
