/*
 * fact_tables.c
 *		The tables of auditors and of cloud service registrations, as the
 *		facts of a registration are read from them.
 */
#include "postgres.h"

#include "catalog/pg_type.h"

#include "state/fact_tables.h"

FactTables auditor_tables = {
	{"auditors", "auditor_id", {"registered_on", "organization_id"}},
	{"auditor_terms", "auditor_id", {"term_no", "in_force_from", "valid_from", "valid_until"}},
	{"auditor_applications", "auditor_id", {"application_id", "kind", "applied_on", "decided_on"}},
	{"auditor_status_changes", "auditor_id", {"change_id", "action", "effective_on"}},
};

FactTables service_tables = {
	{"service_registrations", "registration_id", {"registered_on", "service_id"}},
	{"service_registration_terms", "registration_id",
	{"term_no", "in_force_from", "audit_period_start", "valid_until", "audit_period_end",
	"audit_id", "auditor_id"}},
	{"service_applications", "registration_id", {"application_id", "kind", "applied_on", "decided_on"}},
	{"service_status_changes", "registration_id", {"change_id", "action", "effective_on"}},
};

FactQueries auditor_queries = {
	"auditor", "auditor",
	&auditor_tables,
	{{"SELECT 1 FROM ismap.auditors WHERE auditor_id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
	  1, {INT8OID}}, {"auditors"}, "auditor_id"},
};

FactQueries service_queries = {
	"registration", "cloud_service",
	&service_tables,
	{{"SELECT 1 FROM ismap.service_registrations"
	  " WHERE registration_id OPERATOR(pg_catalog.=) $1 FOR UPDATE", 1, {INT8OID}},
	 {"service_registrations"}, "registration_id"},
};
