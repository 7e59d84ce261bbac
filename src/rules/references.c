/*
 * references.c
 *		The rows other rows refer to: organizations and cloud services.
 *
 * ismap declares no foreign keys between its registry tables: the trigger
 * that checks a row's rules reads, and locks FOR KEY SHARE or stronger,
 * every row it refers to (an audit's service and auditor, an application's
 * audit and registration, a service's provider), so a declared key would
 * check each reference a second time.  What a foreign key does on the
 * other side, keeping a referenced row from being deleted or renumbered,
 * is done here.  Audits, applications, registrations and auditors are never
 * deleted and keep their ids (their own triggers say so); organizations
 * and cloud services may be deleted while nothing refers to them.
 *
 * A row that refers to one of these was written under a lock on it that
 * conflicts with DELETE, and the row's trigger takes that lock before it
 * checks that the referenced row exists.  So a delete either waits for the
 * writer and then sees its row, or the writer waits for the delete and
 * finds nothing to refer to.  The delete looks with the latest snapshot,
 * so that at REPEATABLE READ it also sees a row that committed after its
 * transaction began.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/snapmgr.h"

#include "base/errors.h"
#include "base/trigger_check.h"
#include "rules/authority.h"
#include "rules/labels.h"
#include "store/columns.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"
#include "store/tables.h"

PG_FUNCTION_INFO_V1(ismap_keep_references);

typedef struct Referrer
{
	const char *table;			/* the referring table */
	const char *what;			/* "cloud service 12" says what refers */
	KeptPlan	query;			/* the id of one row that refers to $1 */
	char	   *(*label) (int64 id);	/* its name in messages; NULL: its id */
} Referrer;

typedef struct Referenced
{
	const char *table;
	const char *what;			/* "organization 3" */
	char	   *(*label) (int64 id);	/* its name in messages */
	const char *key;
	const char *hint;
	int			nreferrers;
	Referrer	referrers[8];
} Referenced;

/* A mapping has no id of its own: "the mapping of a role ... refers to it". */
static char *
role_mapping_label(int64 id)
{
	return "of a role (ismap.role_organizations)";
}

static Referenced organizations = {
	"organizations", "organization", organization_label, "organization_id",
	"Correct its name with ismap.correct(); an organization that others refer to stays recorded.",
	8, {
		{"cloud_services", "cloud service", {"SELECT service_id FROM ismap.cloud_services"
				" WHERE provider_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, service_label},
		{"auditor_applications", "auditor application", {"SELECT application_id FROM ismap.auditor_applications"
				" WHERE organization_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, NULL},
		{"auditors", "auditor", {"SELECT auditor_id FROM ismap.auditors"
				" WHERE organization_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, auditor_label},
		{"organization_change_notices", "change notice", {"SELECT notice_id FROM ismap.organization_change_notices"
				" WHERE organization_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, NULL},
		{"role_organizations", "mapping", {"SELECT 1::bigint FROM ismap.role_organizations"
				" WHERE organization_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, role_mapping_label},
		{"declared_interests", "declared interest", {"SELECT interest_id FROM ismap.declared_interests"
				" WHERE organization_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, NULL},
		{"declared_interests", "declared interest", {"SELECT interest_id FROM ismap.declared_interests"
				" WHERE subject_organization_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, NULL},
		{"procuring_bodies", "procuring body", {"SELECT body_id FROM ismap.procuring_bodies"
				" WHERE organization_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, NULL},
	}
};

static Referenced cloud_services = {
	"cloud_services", "cloud service", service_label, "service_id",
	"Correct its name with ismap.correct(); a service that audits or applications refer to stays recorded.",
	5, {
		{"audits", "audit", {"SELECT audit_id FROM ismap.audits"
				" WHERE service_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, NULL},
		{"service_applications", "service application", {"SELECT application_id FROM ismap.service_applications"
				" WHERE service_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, NULL},
		{"service_registrations", "service registration", {"SELECT registration_id FROM ismap.service_registrations"
				" WHERE service_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, registration_label},
		{"service_change_notices", "change notice", {"SELECT notice_id FROM ismap.service_change_notices"
				" WHERE service_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, NULL},
		{"impact_assessments", "impact assessment", {"SELECT assessment_id FROM ismap.impact_assessments"
				" WHERE service_id OPERATOR(pg_catalog.=) $1 LIMIT 1", 1, {INT8OID}}, NULL},
	}
};

/*
 * The id of a row that refers to 'id' under the latest snapshot, or 0.  A
 * schema not yet updated from 0.1.0 lacks the later tables: nothing there
 * refers.
 */
static int64
referring_row(Referrer *r, int64 id)
{
	Datum		arg = Int64GetDatum(id);
	int64		found = 0;
	int			rc;

	if (!ismap_table_exists(r->table))
		return 0;
	rc = SPI_execute_snapshot(kept_plan(&r->query), &arg, NULL, GetLatestSnapshot(),
							  InvalidSnapshot, true, false, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "ismap: SPI_execute_snapshot failed (%s) for: %s",
			 SPI_result_code_string(rc), r->query.sql);
	if (SPI_processed > 0)
		spi_get_int64(0, 1, &found);
	return found;
}

/*
 * BEFORE UPDATE OR DELETE ON ismap.organizations / ismap.cloud_services
 * FOR EACH ROW: an id never changes; a row is deleted only while nothing
 * refers to it.
 */
Datum
ismap_keep_references(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	Referenced *ref;
	int64		id,
				new_id;
	RegistryRole role;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, "ismap_keep_references", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	if (strcmp(RelationGetRelationName(td->tg_relation), organizations.table) == 0)
		ref = &organizations;
	else if (strcmp(RelationGetRelationName(td->tg_relation), cloud_services.table) == 0)
		ref = &cloud_services;
	else
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function ismap_keep_references does not guard table \"%s\"",
						RelationGetRelationName(td->tg_relation))));
	desc = RelationGetDescr(td->tg_relation);
	tuple_get_int64(td->tg_trigtuple, desc, ref->key, &id);

	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		if (!tuple_get_int64(td->tg_newtuple, desc, ref->key, &new_id) || new_id != id)
		{
			char	   *new_text = tuple_get_text(td->tg_newtuple, desc, ref->key);

			ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
						 psprintf("the id of %s %lld cannot change", ref->what, (long long) id),
						 errdetail("%s would become %s.",
								   ref->key, new_text ? new_text : "null"),
						 errhint("The registry's rows and its history refer to it by this id."));
		}
		return PointerGetDatum(td->tg_newtuple);
	}

	if (ref == &organizations)
		require_capacity(&actor, CAPACITY_COMMITTEE | CAPACITY_OPERATOR,
						 "delete an organization");
	else
		require_provider_of_service(&actor, id, "delete this cloud service");
	SPI_connect();
	registry_role_enter(&role);
	for (int i = 0; i < ref->nreferrers; i++)
	{
		int64		referrer = referring_row(&ref->referrers[i], id);

		if (referrer != 0)
		{
			Referrer   *r = &ref->referrers[i];

			ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_SEC_HISTORY,
						 psprintf("%s %s is referred to and cannot be deleted",
								  ref->what, ref->label(id)),
						 errdetail("The %s %s refers to it.", r->what,
								   r->label ? r->label(referrer) : psprintf("%lld", (long long) referrer)),
						 errhint("%s", ref->hint));
		}
	}
	registry_role_leave(&role);
	SPI_finish();
	return PointerGetDatum(td->tg_trigtuple);
}
