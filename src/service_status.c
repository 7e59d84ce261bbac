/*
 * service_status.c
 *		Read side of the cloud service registry.
 *
 * ismap.service_status() answers from the registry tables, the record.
 * The public list answers from the copy of the same facts that the
 * triggers keep on each registration row (column facts), through
 * ismap.service_standing(), so that it reads one row per registration and
 * runs on read-only transactions and hot standbys.  Both go through the
 * one status computation of listing_status.c; the test suite checks that
 * they agree on every registration and every day.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "ismap.h"
#include "listing_status.h"
#include "registration_facts.h"

PG_FUNCTION_INFO_V1(ismap_service_status);
PG_FUNCTION_INFO_V1(ismap_service_standing);
PG_FUNCTION_INFO_V1(ismap_service_facts_refresh);

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

/* ismap.service_status(registration_id bigint, as_of date) */
Datum
ismap_service_status(PG_FUNCTION_ARGS)
{
	RegistrationFacts facts;
	RegistryRole role;
	Standing	standing;
	bool		found;
	MemoryContext caller = CurrentMemoryContext;

	SPI_connect();
	registry_role_enter(&role);
	found = facts_load(&service_queries, PG_GETARG_INT64(0), true, caller, &facts, NULL);
	registry_role_leave(&role);
	SPI_finish();
	if (!found)
		PG_RETURN_NULL();
	standing = standing_on(&facts, PG_GETARG_DATEADT(1));
	if (standing.status == LISTING_NONE)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(listing_status_datum(standing.status,
										 ismap_type_oid("listing_status")));
}

/* ---------- the copy of the facts on the registration row ---------- */

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
	int16		typlen;
	bool		typbyval;
	char		typalign;

	out->n = 0;
	out->values = NULL;
	out->nulls = NULL;
	if (isnull)
		return;
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(DatumGetArrayTypeP(d), elemtype, typlen, typbyval, typalign,
					  &out->values, &out->nulls, &out->n);
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

static void
facts_from_row(HeapTupleHeader row, DateADT registered_on, RegistrationFacts *facts)
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
 * ismap.service_standing(facts ismap.registration_facts, registered_on date,
 *   day date, OUT status, OUT audit_period_start, OUT audit_period_end,
 *   OUT valid_until, OUT audit_id, OUT auditor_id): the status on a day and
 *   the term in force that day, from the copy of the facts on the row.
 */
Datum
ismap_service_standing(PG_FUNCTION_ARGS)
{
	RegistrationFacts facts;
	Standing	s;
	TupleDesc	tupdesc;
	Datum		values[6];
	bool		nulls[6] = {true, true, true, true, true, true};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "ismap: service_standing must return a record");
	tupdesc = BlessTupleDesc(tupdesc);

	facts_from_row(PG_GETARG_HEAPTUPLEHEADER(0), PG_GETARG_DATEADT(1), &facts);
	s = standing_on(&facts, PG_GETARG_DATEADT(2));
	if (s.status != LISTING_NONE && s.term != NULL)
	{
		values[0] = listing_status_datum(s.status, TupleDescAttr(tupdesc, 0)->atttypid);
		values[1] = DateADTGetDatum(s.term->valid_from);
		values[2] = DateADTGetDatum(s.term->period_end);
		values[3] = DateADTGetDatum(s.term->valid_until);
		values[4] = Int64GetDatum(s.term->audit_id);
		values[5] = Int64GetDatum(s.term->auditor_id);
		memset(nulls, false, sizeof(nulls));
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

static Datum
date_array(int n, const DateADT *days, const bool *nulls)
{
	Datum	   *elems = palloc(sizeof(Datum) * (n + 1));
	int			dims[1] = {n};
	int			lbs[1] = {1};

	for (int i = 0; i < n; i++)
		elems[i] = DateADTGetDatum(days[i]);
	return PointerGetDatum(construct_md_array(elems, (bool *) nulls, 1, dims, lbs,
											  DATEOID, sizeof(DateADT), true, 'i'));
}

static Datum
int64_array(int n, const int64 *ids)
{
	Datum	   *elems = palloc(sizeof(Datum) * (n + 1));

	for (int i = 0; i < n; i++)
		elems[i] = Int64GetDatum(ids[i]);
	return PointerGetDatum(construct_array(elems, n, INT8OID, sizeof(int64),
										   FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/*
 * Write the facts of a registration, as the tables now hold them, onto its
 * row.  The caller is connected to SPI, acting as the registry's owner.
 */
static void
refresh_service_facts(int64 registration_id)
{
	static KeptPlan kp = {
		"UPDATE ismap.service_registrations SET facts ="
		" ROW($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)::ismap.registration_facts"
		" WHERE registration_id OPERATOR(pg_catalog.=) $1",
		11, {INT8OID, DATEARRAYOID, DATEARRAYOID, DATEARRAYOID, DATEARRAYOID,
		INT8ARRAYOID, INT8ARRAYOID, DATEARRAYOID, DATEARRAYOID, TEXTARRAYOID, DATEARRAYOID}
	};
	RegistrationFacts facts;
	Datum		args[11];
	int			nt,
				nr,
				nc;
	DateADT    *d[6];
	int64	   *audit_ids,
			   *auditor_ids;
	bool	   *undecided;
	Datum	   *actions;

	if (!facts_load(&service_queries, registration_id, false, CurrentMemoryContext,
					&facts, NULL))
		return;
	nt = facts.nterms;
	nr = facts.nrenewals;
	nc = facts.nchanges;
	for (int k = 0; k < 6; k++)
		d[k] = palloc(sizeof(DateADT) * (Max(Max(nt, nr), nc) + 1));
	audit_ids = palloc(sizeof(int64) * (nt + 1));
	auditor_ids = palloc(sizeof(int64) * (nt + 1));
	undecided = palloc0(sizeof(bool) * (nr + 1));
	actions = palloc(sizeof(Datum) * (nc + 1));

	for (int i = 0; i < nt; i++)
	{
		d[0][i] = facts.terms[i].in_force_from;
		d[1][i] = facts.terms[i].valid_from;
		d[2][i] = facts.terms[i].period_end;
		d[3][i] = facts.terms[i].valid_until;
		audit_ids[i] = facts.terms[i].audit_id;
		auditor_ids[i] = facts.terms[i].auditor_id;
	}
	for (int i = 0; i < nr; i++)
	{
		d[4][i] = facts.renewals[i].filed_on;
		d[5][i] = facts.renewals[i].resolved_on;
		undecided[i] = (facts.renewals[i].resolved_on == DATEVAL_NOEND);
	}

	args[0] = Int64GetDatum(registration_id);
	args[1] = date_array(nt, d[0], NULL);
	args[2] = date_array(nt, d[1], NULL);
	args[3] = date_array(nt, d[2], NULL);
	args[4] = date_array(nt, d[3], NULL);
	args[5] = int64_array(nt, audit_ids);
	args[6] = int64_array(nt, auditor_ids);
	args[7] = date_array(nr, d[4], NULL);
	args[8] = date_array(nr, d[5], undecided);

	/* changes reuse d[0] for their dates */
	for (int i = 0; i < nc; i++)
	{
		StatusAction a = facts.changes[i].action;

		actions[i] = CStringGetTextDatum(a == ACTION_SUSPEND ? "suspend" :
										 a == ACTION_LIFT ? "lift" : "remove");
		d[0][i] = facts.changes[i].effective_on;
	}
	args[9] = PointerGetDatum(construct_array(actions, nc, TEXTOID, -1, false,
											  TYPALIGN_INT));
	args[10] = date_array(nc, d[0], NULL);
	kept_plan_write(&kp, args, NULL, 0);
}

/*
 * AFTER INSERT OR UPDATE ON ismap.service_applications and AFTER INSERT ON
 * ismap.service_status_changes, FOR EACH ROW: the facts of the
 * registration named by the row changed; copy them onto it.
 */
Datum
ismap_service_facts_refresh(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	tup;
	int64		registration_id;
	RegistryRole role;

	trigger_check(fcinfo, "ismap_service_facts_refresh", true, false);
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	if (!tuple_get_int64(tup, RelationGetDescr(td->tg_relation), "registration_id",
						 &registration_id))
		return PointerGetDatum(NULL);

	SPI_connect();
	registry_role_enter(&role);
	refresh_service_facts(registration_id);
	registry_role_leave(&role);
	SPI_finish();
	return PointerGetDatum(NULL);
}
