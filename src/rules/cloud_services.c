/*
 * cloud_services.c
 *		Trigger on ismap.cloud_services: what the public list will show of a
 *		service is present (svc_public_list), the service keeps the provider
 *		that applies for it (svc_application_by_provider), and an ISMAP-LIU
 *		service is SaaS (liu_scope).  A new service's provider is a recorded
 *		organization, locked FOR KEY SHARE as a foreign key would lock it
 *		(references.c).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"

#include "base/errors.h"
#include "base/invisible_text.h"
#include "base/trigger_check.h"
#include "log/correction_reason.h"
#include "rules/authority.h"
#include "rules/organization_recorded.h"
#include "rules/labels.h"
#include "store/columns.h"
#include "store/registry.h"
#include "store/restore.h"
#include "store/row_locks.h"

PG_FUNCTION_INFO_V1(ismap_cloud_services_check);

/* The provider of a new service exists; it stays while the service does. */
static void
check_provider_recorded(int64 provider)
{
	require_organization_recorded(provider, RULE_SVC_APPLICATION_BY_PROVIDER,
								  "the provider of a cloud service is a recorded organization",
								  "Record the provider in ismap.organizations and give its organization_id.");
}

/* BEFORE INSERT OR UPDATE ON ismap.cloud_services FOR EACH ROW */
Datum
ismap_cloud_services_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	HeapTuple	tup;
	int64		provider,
				old_provider;
	char	   *model;
	char	   *program;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, "ismap_cloud_services_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	desc = RelationGetDescr(td->tg_relation);
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;

	if (!tuple_get_int64(tup, desc, "provider_id", &provider))
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SVC_APPLICATION_BY_PROVIDER,
					 "a cloud service needs its provider",
					 errdetail("provider_id is null."),
					 errhint("Give the organization that provides the service."));
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) &&
		tuple_get_int64(td->tg_trigtuple, desc, "provider_id", &old_provider) &&
		old_provider != provider)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SVC_APPLICATION_BY_PROVIDER,
					 "the provider of a cloud service cannot change",
					 errdetail("Service provided by organization %s would pass to %s.",
							   organization_label(old_provider),
							   organization_label(provider)),
					 errhint("Its registrations rest on the provider's applications; the new provider registers the service anew."));
	/*
	 * A provider registers its services.  What the lists publish of them
	 * changes by a change notice (3.8), a mistake by ismap.correct() (which
	 * checks its own caller): no capacity rewrites a service in place.
	 */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		require_for_organization(&actor, CAPACITY_PROVIDER, provider,
								 "register a cloud service of this provider");
	else if (correction_reason() == NULL)
		require_capacity(&actor, 0, "change a recorded cloud service in place");
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		check_provider_recorded(provider);
	if (text_is_invisible(tuple_get_text(tup, desc, "name")) ||
		text_is_invisible(tuple_get_text(tup, desc, "statement_scope")))
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SVC_PUBLIC_LIST,
					 "a cloud service needs a name and a statement scope",
					 errdetail("name or statement_scope is null or blank."),
					 errhint("Give the service's name and the scope of the provider's statement (言明の対象範囲), as the public list will show them."));

	model = tuple_get_text(tup, desc, "service_model");
	program = tuple_get_text(tup, desc, "program");
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) &&
		strcmp(program ? program : "", tuple_get_text(td->tg_trigtuple, desc, "program")) != 0)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_LIU_SCOPE,
					 "the program of a cloud service cannot change",
					 errdetail("The service would move from %s to %s.",
							   tuple_get_text(td->tg_trigtuple, desc, "program"),
							   program ? program : "null"),
					 errhint("Each program has its own list and its own registrations; register the service under the other program anew."));
	if (program != NULL && strcmp(program, "ismap_liu") == 0 &&
		(model == NULL || strcmp(model, "SaaS") != 0))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_LIU_SCOPE,
					 "only SaaS can be registered under ISMAP-LIU",
					 errdetail("The service model is %s.", model ? model : "null"),
					 errhint("Register IaaS and PaaS under program 'ismap'."));
	return PointerGetDatum(tup);
}
