/*
 * liu.c
 *		ISMAP-LIU, the low-impact SaaS programme (liu_scope, liu_list).
 *
 * A service of program 'ismap_liu' is SaaS (cloud_services.c) and follows
 * the service lifecycle of service_applications.c, with these differences:
 * an application for it is dated on or after the setting liu_start and
 * rests on an impact assessment of that service, by a ministry, whose
 * result is 'low' and which is dated on or before the application
 * (liu_scope); its validity terms are counted by liu_validity_months, and
 * its numbers begin with the letter liu_number_prefix and take their
 * serial from ismap.liu_registration_serial (liu_list).  Its registrations
 * are on the LIU list only (src/sql/99_liu.sql).
 *
 * The impact assessments (ismap.impact_assessments) are recorded by the
 * assessing ministry, that is a role of capacity ismap_procurer acting for
 * the organization of the procuring body of kind 'ministry' that assessed
 * (ismap.role_organizations), or by the committee, which may record the
 * assessment a ministry sent it; never changed or deleted (sec_history):
 * applications rest on them.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "rules/authority.h"
#include "rules/labels.h"
#include "rules/liu.h"
#include "state/settings.h"
#include "store/columns.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"
#include "store/tables.h"

PG_FUNCTION_INFO_V1(ismap_impact_assessments_check);

/* The program and model of a service: false if it is not recorded. */
static bool
service_program(int64 service_id, char **program, char **model, bool lock)
{
	static KeptPlan read = {
		"SELECT s.program::pg_catalog.text, s.service_model::pg_catalog.text"
		" FROM ismap.cloud_services s WHERE s.service_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}
	};
	static KeptPlan locked = {
		"SELECT s.program::pg_catalog.text, s.service_model::pg_catalog.text"
		" FROM ismap.cloud_services s WHERE s.service_id OPERATOR(pg_catalog.=) $1"
		" FOR KEY SHARE", 1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(service_id);

	kept_plan_run(lock ? &locked : &read, &arg, NULL, !lock, 1);
	if (SPI_processed != 1)
		return false;
	*program = spi_get_text(0, 1);
	*model = spi_get_text(0, 2);
	return true;
}

bool
service_is_liu(int64 service_id)
{
	char	   *program = NULL,
			   *model = NULL;

	return service_program(service_id, &program, &model, false) &&
		program != NULL && strcmp(program, "ismap_liu") == 0;
}

const char *
service_validity_setting(bool liu)
{
	return liu ? "liu_validity_months" : "service_validity";
}

char
service_number_prefix(bool liu)
{
	return liu ? setting_prefix("liu_number_prefix") : 'C';
}

const char *
service_number_sequence(bool liu)
{
	return liu ? "liu_registration_serial" : "service_registration_serial";
}

void
check_liu_application(int64 service_id, DateADT applied_on)
{
	static KeptPlan low = {
		"SELECT a.assessment_id, a.assessed_on FROM ismap.impact_assessments a"
		" WHERE a.service_id OPERATOR(pg_catalog.=) $1"
		" AND a.result OPERATOR(pg_catalog.=) 'low'::ismap.impact_level"
		" AND a.assessed_on OPERATOR(pg_catalog.<=) $2"
		" ORDER BY a.assessed_on DESC, a.assessment_id DESC LIMIT 1", 2, {INT8OID, DATEOID}
	};
	DateADT		start = setting_date("liu_start");
	char	   *program = NULL,
			   *model = NULL;
	Datum		args[2];

	if (applied_on < start)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_LIU_SCOPE,
					 "ISMAP-LIU takes applications from its start",
					 errdetail("The application is dated %s; ISMAP-LIU started on %s (setting liu_start).",
							   ismap_date_text(applied_on), ismap_date_text(start)),
					 errhint("Date the application on or after %s.", ismap_date_text(start)));
	if (!service_program(service_id, &program, &model, false) ||
		model == NULL || strcmp(model, "SaaS") != 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_LIU_SCOPE,
					 "only SaaS can be registered under ISMAP-LIU",
					 errdetail("Service %s is %s.", service_label(service_id),
							   model ? model : "of no recorded model"),
					 errhint("Register IaaS and PaaS under program 'ismap'."));
	if (!ismap_table_exists("impact_assessments"))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_LIU_SCOPE,
					 "an ISMAP-LIU application rests on an impact assessment",
					 errdetail("This schema has no ismap.impact_assessments yet."),
					 errhint("Update the extension: ALTER EXTENSION ismap UPDATE."));
	args[0] = Int64GetDatum(service_id);
	args[1] = DateADTGetDatum(applied_on);
	kept_plan_run(&low, args, NULL, true, 1);
	if (SPI_processed == 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_LIU_SCOPE,
					 "an ISMAP-LIU application needs an impact assessment of the service whose result is low",
					 errdetail("No assessment of service %s dated on or before %s found its impact low.",
							   service_label(service_id), ismap_date_text(applied_on)),
					 errhint("A ministry records its assessment in ismap.impact_assessments (result 'low') before the provider applies; a service whose impact is not low applies under program 'ismap'."));
}

/* The organization and kind of a procuring body: false if it is not recorded. */
static bool
body_of(int64 body_id, int64 *organization, char **kind)
{
	static KeptPlan q = {
		"SELECT b.organization_id, b.kind::pg_catalog.text FROM ismap.procuring_bodies b"
		" WHERE b.body_id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE", 1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(body_id);

	if (!ismap_table_exists("procuring_bodies"))
		return false;
	kept_plan_run(&q, &arg, NULL, false, 1);
	if (SPI_processed != 1)
		return false;
	spi_get_int64(0, 1, organization);
	*kind = spi_get_text(0, 2);
	return true;
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.impact_assessments FOR EACH ROW */
Datum
ismap_impact_assessments_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	HeapTuple	tup;
	ActingRole	actor = current_actor();
	RegistryRole role;
	int64		service_id,
				body_id,
				organization = 0;
	DateADT		assessed_on;
	char	   *result,
			   *kind = NULL,
			   *program = NULL,
			   *model = NULL;
	bool		body_found,
				service_found;

	trigger_check(fcinfo, "ismap_impact_assessments_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	require_capacity(&actor, CAPACITY_COMMITTEE | CAPACITY_PROCURER,
					 "record an impact assessment");
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a recorded impact assessment is never changed or deleted",
					 errdetail("ISMAP-LIU applications rest on the assessments recorded."),
					 errhint("Record a new assessment; the latest does not erase the earlier ones."));
	tup = td->tg_trigtuple;
	desc = RelationGetDescr(td->tg_relation);
	result = tuple_get_text(tup, desc, "result");
	if (!tuple_get_int64(tup, desc, "service_id", &service_id) ||
		!tuple_get_int64(tup, desc, "assessed_by", &body_id) ||
		!tuple_get_date(tup, desc, "assessed_on", &assessed_on) || result == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_LIU_SCOPE,
					 "an impact assessment needs its service, the ministry that assessed, its date and its result",
					 errdetail("service_id, assessed_by, assessed_on or result is null."),
					 errhint("Give all four; result is low or not_low."));
	if (assessed_on > ismap_today())
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_LIU_SCOPE,
					 "an impact assessment is recorded once it is made",
					 errdetail("It is dated %s; today is %s.", ismap_date_text(assessed_on),
							   ismap_date_text(ismap_today())),
					 errhint("Date it on or before today."));

	SPI_connect();
	registry_role_enter(&role);
	body_found = body_of(body_id, &organization, &kind);
	service_found = service_program(service_id, &program, &model, true);
	registry_role_leave(&role);
	SPI_finish();

	if (!body_found || strcmp(kind, "ministry") != 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_LIU_SCOPE,
					 "an impact assessment is made by a ministry",
					 errdetail("%s", body_found ?
							   psprintf("Procuring body %lld is of kind %s.", (long long) body_id, kind) :
							   psprintf("There is no procuring body %lld.", (long long) body_id)),
					 errhint("Give as assessed_by a procuring body of kind 'ministry' (ismap.procuring_bodies)."));
	if (!role_has_capacity(&actor, CAPACITY_COMMITTEE))
		require_for_organization(&actor, CAPACITY_PROCURER, organization,
								 "record an impact assessment for this ministry");
	if (!service_found)
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_LIU_SCOPE,
					 "an impact assessment is of a recorded cloud service",
					 errdetail("There is no cloud service %lld.", (long long) service_id),
					 errhint("The provider records the service in ismap.cloud_services first."));
	return PointerGetDatum(tup);
}
