/*
 * registration_facts.c
 *		Loading the facts of a registration from the registry tables.
 *
 * The facts are the registration date, the validity terms, the renewal
 * applications and the status changes; listing_status.c turns them into
 * a status for any day.  The queries of each kind of registration are
 * given by a FactQueries; auditors and cloud services differ only there.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"

#include "registration_facts.h"

#define WRITE_FACTS(table, key) \
	{"UPDATE ismap." table " SET facts ="									\
	 " ROW($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)::ismap.registration_facts" \
	 " WHERE " key " OPERATOR(pg_catalog.=) $1",							\
	 11, {INT8OID, DATEARRAYOID, DATEARRAYOID, DATEARRAYOID, DATEARRAYOID,	\
	 INT8ARRAYOID, INT8ARRAYOID, DATEARRAYOID, DATEARRAYOID, TEXTARRAYOID,	\
	 DATEARRAYOID}}

FactQueries auditor_queries = {
	"auditor", "auditor",
	{"SELECT registered_on, organization_id FROM ismap.auditors"
	 " WHERE auditor_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	{"SELECT in_force_from, valid_from, valid_until, NULL::date, NULL::bigint, NULL::bigint"
	 " FROM ismap.auditor_terms WHERE auditor_id OPERATOR(pg_catalog.=) $1"
	 " ORDER BY in_force_from, term_no", 1, {INT8OID}},
	{"SELECT applied_on, decided_on FROM ismap.auditor_applications"
	 " WHERE auditor_id OPERATOR(pg_catalog.=) $1"
	 " AND kind OPERATOR(pg_catalog.=) 'renewal'::ismap.application_kind", 1, {INT8OID}},
	{"SELECT action::pg_catalog.text, effective_on FROM ismap.auditor_status_changes"
	 " WHERE auditor_id OPERATOR(pg_catalog.=) $1 ORDER BY effective_on, change_id",
	 1, {INT8OID}},
	{"SELECT 1 FROM ismap.auditors WHERE auditor_id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
	 1, {INT8OID}},
	{"SELECT facts, registered_on, registration_number FROM ismap.auditors"
	 " WHERE auditor_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	WRITE_FACTS("auditors", "auditor_id"),
};

FactQueries service_queries = {
	"registration", "cloud_service",
	{"SELECT registered_on, service_id FROM ismap.service_registrations"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	{"SELECT in_force_from, audit_period_start, valid_until, audit_period_end, audit_id, auditor_id"
	 " FROM ismap.service_registration_terms WHERE registration_id OPERATOR(pg_catalog.=) $1"
	 " ORDER BY in_force_from, term_no", 1, {INT8OID}},
	{"SELECT applied_on, decided_on FROM ismap.service_applications"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1"
	 " AND kind OPERATOR(pg_catalog.=) 'renewal'::ismap.application_kind", 1, {INT8OID}},
	{"SELECT action::pg_catalog.text, effective_on FROM ismap.service_status_changes"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1 ORDER BY effective_on, change_id",
	 1, {INT8OID}},
	{"SELECT 1 FROM ismap.service_registrations"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1 FOR UPDATE", 1, {INT8OID}},
	{"SELECT facts, registered_on, registration_number FROM ismap.service_registrations"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	WRITE_FACTS("service_registrations", "registration_id"),
};

static void
load_terms(FactQueries *q, Datum *arg, bool read_only, MemoryContext cxt,
		   RegistrationFacts *facts)
{
	kept_plan_run(&q->terms, arg, NULL, read_only, 0);
	facts->nterms = (int) SPI_processed;
	facts->terms = MemoryContextAllocZero(cxt, sizeof(Term) * (facts->nterms + 1));
	for (int i = 0; i < facts->nterms; i++)
	{
		Term	   *t = &facts->terms[i];

		spi_get_date(i, 1, &t->in_force_from);
		spi_get_date(i, 2, &t->valid_from);
		spi_get_date(i, 3, &t->valid_until);
		spi_get_date(i, 4, &t->period_end);
		spi_get_int64(i, 5, &t->audit_id);
		spi_get_int64(i, 6, &t->auditor_id);
	}
}

static void
load_renewals(FactQueries *q, Datum *arg, bool read_only, MemoryContext cxt,
			  RegistrationFacts *facts)
{
	kept_plan_run(&q->renewals, arg, NULL, read_only, 0);
	facts->nrenewals = (int) SPI_processed;
	facts->renewals = MemoryContextAllocZero(cxt, sizeof(Renewal) * (facts->nrenewals + 1));
	for (int i = 0; i < facts->nrenewals; i++)
	{
		spi_get_date(i, 1, &facts->renewals[i].filed_on);
		if (!spi_get_date(i, 2, &facts->renewals[i].resolved_on))
			facts->renewals[i].resolved_on = DATEVAL_NOEND;
	}
}

static void
load_changes(FactQueries *q, Datum *arg, bool read_only, MemoryContext cxt,
			 RegistrationFacts *facts)
{
	kept_plan_run(&q->changes, arg, NULL, read_only, 0);
	facts->nchanges = (int) SPI_processed;
	facts->changes = MemoryContextAllocZero(cxt, sizeof(StatusChange) * (facts->nchanges + 1));
	for (int i = 0; i < facts->nchanges; i++)
	{
		facts->changes[i].action = status_action_from_label(spi_get_text(i, 1));
		spi_get_date(i, 2, &facts->changes[i].effective_on);
	}
}

/*
 * Load the facts of registration 'id' into 'facts', allocated in 'cxt'.
 * The caller is connected to SPI.  Returns false if there is no such
 * registration.  read_only is true for the read-side functions (they see
 * the caller's snapshot) and false in triggers (each query then sees what
 * committed last, after the trigger has locked the registration).
 */
bool
facts_load(FactQueries *q, int64 id, bool read_only, MemoryContext cxt,
		   RegistrationFacts *facts, int64 *owner_id)
{
	Datum		arg = Int64GetDatum(id);

	memset(facts, 0, sizeof(*facts));
	kept_plan_run(&q->registration, &arg, NULL, read_only, 1);
	if (SPI_processed == 0)
		return false;
	spi_get_date(0, 1, &facts->registered_on);
	if (owner_id)
		spi_get_int64(0, 2, owner_id);

	load_terms(q, &arg, read_only, cxt, facts);
	load_renewals(q, &arg, read_only, cxt, facts);
	load_changes(q, &arg, read_only, cxt, facts);
	return facts->nterms > 0;
}

/* Lock a registration so that decisions about it are taken one at a time. */
bool
registration_lock(FactQueries *q, int64 id)
{
	Datum		arg = Int64GetDatum(id);

	kept_plan_run(&q->lock, &arg, NULL, false, 1);
	return SPI_processed == 1;
}

/* In force, for the purposes of "already registered": not expired nor removed. */
bool
in_force_status(ListingStatus status)
{
	return status == LISTING_VALID || status == LISTING_RENEWAL_PENDING ||
		status == LISTING_SUSPENDED;
}
