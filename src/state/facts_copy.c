/*
 * facts_copy.c
 *		The copy of a registration's facts kept on its row (column facts of
 *		ismap.auditors and ismap.service_registrations, of composite type
 *		ismap.registration_facts): read and made.
 *
 * The copy holds the terms, renewals and status changes as ten parallel
 * arrays, so that the public lists compute each status from one row.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "state/fact_tables.h"
#include "state/facts_copy.h"
#include "state/listing_status.h"
#include "store/columns.h"
#include "store/scan_table.h"


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

/*
 * A read-only view of a one-dimensional array of a fixed-width type, read
 * in place.  The arrays inside a facts value are stored with short (1-byte)
 * headers, and DatumGetArrayTypeP would copy each to realign it: ten
 * allocations and copies per registration, most of the cost of a list of
 * 100,000 rows.  The view reads the same bytes where they lie instead, with
 * memcpy for unaligned elements.
 */
typedef struct ArrayView
{
	int			n;
	const char *data;			/* the non-null elements, packed */
	const bits8 *nulls;			/* null bitmap, or NULL if none */
	int			width;
} ArrayView;

static void
array_view(Datum d, bool isnull, int width, ArrayView *v)
{
	struct varlena *p = (struct varlena *) DatumGetPointer(d);
	const char *start;			/* where ArrayType would begin, header aside */
	int32		ndim,
				dataoffset,
				nitems;

	v->n = 0;
	v->data = NULL;
	v->nulls = NULL;
	v->width = width;
	if (isnull)
		return;
	if (VARATT_IS_EXTERNAL(p) || VARATT_IS_COMPRESSED(p))
		p = detoast_attr(p);
	/* ArrayType's fields follow the varlena header, whatever its size */
	start = VARDATA_ANY(p) - VARHDRSZ;
	memcpy(&ndim, start + offsetof(ArrayType, ndim), sizeof(int32));
	memcpy(&dataoffset, start + offsetof(ArrayType, dataoffset), sizeof(int32));
	if (ndim == 0)
		return;
	if (ndim != 1)
		elog(ERROR, "ismap: a facts array has %d dimensions", ndim);
	memcpy(&nitems, start + sizeof(ArrayType), sizeof(int32));
	v->n = nitems;
	if (dataoffset != 0)
	{
		v->nulls = (const bits8 *) (start + sizeof(ArrayType) + 2 * sizeof(int32));
		v->data = start + dataoffset;
	}
	else
		v->data = start + ARR_OVERHEAD_NONULLS(1);
}

/* Element i: its bytes in *out, or false if it is null (or past the end). */
static bool
array_view_get(const ArrayView *v, int i, void *out)
{
	int			packed = i;

	if (i >= v->n)
		return false;
	if (v->nulls != NULL)
	{
		if (!(v->nulls[i / 8] & (1 << (i % 8))))
			return false;
		packed = 0;
		for (int k = 0; k < i; k++)
			if (v->nulls[k / 8] & (1 << (k % 8)))
				packed++;
	}
	memcpy(out, v->data + (size_t) packed * v->width, v->width);
	return true;
}

static DateADT
date_at(const ArrayView *v, int i, DateADT if_null)
{
	DateADT		day;

	return array_view_get(v, i, &day) ? day : if_null;
}

static int64
int64_at(const ArrayView *v, int i)
{
	int64		id;

	return array_view_get(v, i, &id) ? id : 0;
}

/*
 * The facts held in an ismap.registration_facts value (a registration row's
 * copy, or what the log's images rebuild), allocated in the current memory
 * context.  desc: the type's descriptor if the caller has it at hand.
 */
void
facts_from_composite(HeapTupleHeader row, TupleDesc desc, DateADT registered_on,
					 RegistrationFacts *facts)
{
	HeapTupleData tuple;
	Datum		values[F_COUNT];
	bool		nulls[F_COUNT];
	ArrayView	f[F_COUNT + 1];
	TupleDesc	looked_up = NULL;

	if (desc == NULL)
		desc = looked_up = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(row),
												  HeapTupleHeaderGetTypMod(row));
	if (desc->natts != F_COUNT)
		elog(ERROR, "ismap: registration_facts has %d attributes, not %d", desc->natts, F_COUNT);
	tuple.t_len = HeapTupleHeaderGetDatumLength(row);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = row;
	heap_deform_tuple(&tuple, desc, values, nulls);
	if (looked_up)
		ReleaseTupleDesc(looked_up);

	for (int attno = 1; attno <= F_COUNT; attno++)
	{
		int			width = (attno == F_TERM_AUDIT_ID || attno == F_TERM_AUDITOR_ID) ?
			sizeof(int64) : sizeof(DateADT);

		if (attno != F_CHANGE_ACTION)
			array_view(values[attno - 1], nulls[attno - 1], width, &f[attno]);
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

	/* the actions are text; few registrations have any: deconstruct them */
	facts->nchanges = 0;
	facts->changes = palloc0(sizeof(StatusChange));
	if (!nulls[F_CHANGE_ACTION - 1])
	{
		Datum	   *actions;
		bool	   *action_nulls;
		int			n;

		deconstruct_array(DatumGetArrayTypeP(values[F_CHANGE_ACTION - 1]), TEXTOID, -1,
						  false, TYPALIGN_INT, &actions, &action_nulls, &n);
		facts->nchanges = n;
		facts->changes = palloc0(sizeof(StatusChange) * (n + 1));
		for (int i = 0; i < n; i++)
		{
			facts->changes[i].action =
				status_action_from_label(action_nulls[i] ? "" : TextDatumGetCString(actions[i]));
			facts->changes[i].effective_on = date_at(&f[F_CHANGE_EFFECTIVE_ON], i, 0);
		}
	}
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

/* The ten arrays of ismap.registration_facts, in its order, as args[0..9]. */
static void
facts_as_arrays(const RegistrationFacts *facts, Datum *args)
{
	int			nt = facts->nterms,
				nr = facts->nrenewals,
				nc = facts->nchanges;
	int			most = Max(Max(nt, nr), nc) + 1;
	DateADT    *d[7];
	int64	   *audit_ids = palloc(sizeof(int64) * (nt + 1));
	int64	   *auditor_ids = palloc(sizeof(int64) * (nt + 1));
	bool	   *undecided = palloc0(sizeof(bool) * (nr + 1));
	Datum	   *actions = palloc(sizeof(Datum) * (nc + 1));

	for (int k = 0; k < 7; k++)
		d[k] = palloc(sizeof(DateADT) * most);
	for (int i = 0; i < nt; i++)
	{
		d[0][i] = facts->terms[i].in_force_from;
		d[1][i] = facts->terms[i].valid_from;
		d[2][i] = facts->terms[i].period_end;
		d[3][i] = facts->terms[i].valid_until;
		audit_ids[i] = facts->terms[i].audit_id;
		auditor_ids[i] = facts->terms[i].auditor_id;
	}
	for (int i = 0; i < nr; i++)
	{
		d[4][i] = facts->renewals[i].filed_on;
		d[5][i] = facts->renewals[i].resolved_on;
		undecided[i] = (facts->renewals[i].resolved_on == DATEVAL_NOEND);
	}
	for (int i = 0; i < nc; i++)
	{
		StatusAction a = facts->changes[i].action;

		actions[i] = CStringGetTextDatum(a == ACTION_SUSPEND ? "suspend" :
										 a == ACTION_LIFT ? "lift" : "remove");
		d[6][i] = facts->changes[i].effective_on;
	}

	args[0] = date_array(nt, d[0], NULL);
	args[1] = date_array(nt, d[1], NULL);
	args[2] = date_array(nt, d[2], NULL);
	args[3] = date_array(nt, d[3], NULL);
	args[4] = int64_array(nt, audit_ids);
	args[5] = int64_array(nt, auditor_ids);
	args[6] = date_array(nr, d[4], NULL);
	args[7] = date_array(nr, d[5], undecided);
	args[8] = PointerGetDatum(construct_array(actions, nc, TEXTOID, -1, false,
											  TYPALIGN_INT));
	args[9] = date_array(nc, d[6], NULL);
}

/*
 * The facts as the composite ismap.registration_facts, the type of column
 * facts_attno of a registrations table.
 */
Datum
facts_datum(TupleDesc desc, int facts_attno, const RegistrationFacts *facts)
{
	TupleDesc	facts_desc = lookup_rowtype_tupdesc(TupleDescAttr(desc, facts_attno - 1)->atttypid, -1);
	Datum		arrays[10];
	bool		array_nulls[10] = {false};
	HeapTuple	composite;
	Datum		result;

	facts_as_arrays(facts, arrays);
	composite = heap_form_tuple(facts_desc, arrays, array_nulls);
	result = heap_copy_tuple_as_datum(composite, facts_desc);
	ReleaseTupleDesc(facts_desc);
	return result;
}

/*
 * The facts in the copy on registration row 'row' of rel, allocated in
 * 'cxt'; *owner_id: its service or organization.  False if the row has no
 * copy (or the table no facts column).
 */
bool
facts_of_row(FactQueries *q, Relation rel, HeapTuple row, MemoryContext cxt,
			 RegistrationFacts *facts, int64 *owner_id)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			facts_attno = column_number(desc, "facts");
	Datum		copy;
	bool		isnull;
	MemoryContext old;

	if (facts_attno <= 0)
		return false;
	copy = heap_getattr(row, facts_attno, desc, &isnull);
	if (isnull)
		return false;
	if (owner_id)
		*owner_id = int64_column(&q->tables->registrations, REG_OWNER, row, desc);
	old = MemoryContextSwitchTo(cxt);
	facts_from_composite(DatumGetHeapTupleHeader(copy), NULL,
						 date_column(&q->tables->registrations, REG_REGISTERED_ON, row, desc, 0),
						 facts);
	MemoryContextSwitchTo(old);
	return true;
}
