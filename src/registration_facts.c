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
#include "executor/executor.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

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
	&auditor_tables,
	{"SELECT 1 FROM ismap.auditors WHERE auditor_id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
	 1, {INT8OID}},
	{"SELECT facts, registered_on, registration_number FROM ismap.auditors"
	 " WHERE auditor_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	WRITE_FACTS("auditors", "auditor_id"),
};

FactQueries service_queries = {
	"registration", "cloud_service",
	&service_tables,
	{"SELECT 1 FROM ismap.service_registrations"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1 FOR UPDATE", 1, {INT8OID}},
	{"SELECT facts, registered_on, registration_number FROM ismap.service_registrations"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	WRITE_FACTS("service_registrations", "registration_id"),
};

/* Attribute numbers of ismap.registration_facts, in its declared order. */
enum
{
	F_TERM_IN_FORCE_FROM = 1,
	F_TERM_PERIOD_START,
	F_TERM_PERIOD_END,
	F_TERM_VALID_UNTIL,
	F_TERM_AUDIT_ID,
	F_TERM_AUDITOR_ID,
	F_RENEWAL_FILED_ON,
	F_RENEWAL_DECIDED_ON,
	F_CHANGE_ACTION,
	F_CHANGE_EFFECTIVE_ON,
	F_COUNT = F_CHANGE_EFFECTIVE_ON
};

typedef struct ArrayField
{
	int			n;
	Datum	   *values;
	bool	   *nulls;
} ArrayField;

static void
read_field(HeapTupleHeader facts, int attno, Oid elemtype, ArrayField *out)
{
	bool		isnull;
	Datum		d = GetAttributeByNum(facts, attno, &isnull);

	out->n = 0;
	out->values = NULL;
	out->nulls = NULL;
	if (isnull)
		return;
	/* the element types are fixed: no catalog lookup per row */
	if (elemtype == INT8OID)
		deconstruct_array(DatumGetArrayTypeP(d), INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
						  TYPALIGN_DOUBLE, &out->values, &out->nulls, &out->n);
	else if (elemtype == TEXTOID)
		deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
						  &out->values, &out->nulls, &out->n);
	else
		deconstruct_array(DatumGetArrayTypeP(d), DATEOID, sizeof(DateADT), true,
						  TYPALIGN_INT, &out->values, &out->nulls, &out->n);
}

static DateADT
date_at(const ArrayField *f, int i, DateADT if_null)
{
	return (i < f->n && !f->nulls[i]) ? DatumGetDateADT(f->values[i]) : if_null;
}

static int64
int64_at(const ArrayField *f, int i)
{
	return (i < f->n && !f->nulls[i]) ? DatumGetInt64(f->values[i]) : 0;
}

/*
 * The facts held in an ismap.registration_facts value (a registration row's
 * copy, or what the load query below assembles), allocated in the current
 * memory context.
 */
void
facts_from_composite(HeapTupleHeader row, DateADT registered_on, RegistrationFacts *facts)
{
	ArrayField	f[F_COUNT + 1];

	for (int attno = 1; attno <= F_COUNT; attno++)
	{
		Oid			elemtype = DATEOID;

		if (attno == F_TERM_AUDIT_ID || attno == F_TERM_AUDITOR_ID)
			elemtype = INT8OID;
		else if (attno == F_CHANGE_ACTION)
			elemtype = TEXTOID;
		read_field(row, attno, elemtype, &f[attno]);
	}

	facts->registered_on = registered_on;
	facts->nterms = f[F_TERM_IN_FORCE_FROM].n;
	facts->terms = palloc0(sizeof(Term) * (facts->nterms + 1));
	for (int i = 0; i < facts->nterms; i++)
	{
		Term	   *t = &facts->terms[i];

		t->in_force_from = date_at(&f[F_TERM_IN_FORCE_FROM], i, 0);
		t->valid_from = date_at(&f[F_TERM_PERIOD_START], i, 0);
		t->period_end = date_at(&f[F_TERM_PERIOD_END], i, 0);
		t->valid_until = date_at(&f[F_TERM_VALID_UNTIL], i, 0);
		t->audit_id = int64_at(&f[F_TERM_AUDIT_ID], i);
		t->auditor_id = int64_at(&f[F_TERM_AUDITOR_ID], i);
	}

	facts->nrenewals = f[F_RENEWAL_FILED_ON].n;
	facts->renewals = palloc0(sizeof(Renewal) * (facts->nrenewals + 1));
	for (int i = 0; i < facts->nrenewals; i++)
	{
		facts->renewals[i].filed_on = date_at(&f[F_RENEWAL_FILED_ON], i, 0);
		facts->renewals[i].resolved_on = date_at(&f[F_RENEWAL_DECIDED_ON], i, DATEVAL_NOEND);
	}

	facts->nchanges = f[F_CHANGE_ACTION].n;
	facts->changes = palloc0(sizeof(StatusChange) * (facts->nchanges + 1));
	for (int i = 0; i < facts->nchanges; i++)
	{
		facts->changes[i].action =
			status_action_from_label(TextDatumGetCString(f[F_CHANGE_ACTION].values[i]));
		facts->changes[i].effective_on = date_at(&f[F_CHANGE_EFFECTIVE_ON], i, 0);
	}
}

/*
 * Load the facts of registration 'id' into 'facts', allocated in 'cxt'
 * (facts_scan.c).  Returns false if there is no such registration.  read_only is true for the read-side functions (they see
 * the caller's snapshot) and false in triggers (each query then sees what
 * committed last, after the trigger has locked the registration).
 */
bool
facts_load(FactQueries *q, int64 id, bool read_only, MemoryContext cxt,
		   RegistrationFacts *facts, int64 *owner_id)
{
	return facts_scan(q->tables, id, read_only, cxt, facts, owner_id) &&
		facts->nterms > 0;
}

/* Lock a registration so that decisions about it are taken one at a time. */
bool
registration_lock(FactQueries *q, int64 id)
{
	Datum		arg = Int64GetDatum(id);

	history_lock();
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
