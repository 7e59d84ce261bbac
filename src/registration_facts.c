/*
 * registration_facts.c
 *		Loading the facts of a registration: from the registry tables, or
 *		in the triggers from the copy on its row while that copy is current.
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
#include "access/detoast.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "utils/builtins.h"
#include "utils/typcache.h"

#include "registration_facts.h"

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

/*
 * Load the facts of registration 'id' into 'facts', allocated in 'cxt'.
 * Returns false if there is no such registration.  read_only is true for
 * the read-side functions (they see the caller's snapshot, and read the
 * tables: facts_scan.c) and false in triggers (they see what committed
 * last, from the copy on the registration row while that copy is current,
 * else from the tables).
 */
bool
facts_load(FactQueries *q, int64 id, bool read_only, MemoryContext cxt,
		   RegistrationFacts *facts, int64 *owner_id)
{
	if (!read_only && facts_from_copy(q, id, cxt, facts, owner_id))
		return facts->nterms > 0;
	return facts_scan(q->tables, id, read_only, cxt, facts, owner_id, NULL) &&
		facts->nterms > 0;
}

/* Lock a registration so that decisions about it are taken one at a time. */
bool
registration_lock(FactQueries *q, int64 id)
{
	history_lock();
	return row_lock(&q->lock, id);
}

/*
 * registration_lock() and facts_load() (not read-only) in one: while the
 * copy on the registration row is current, the row found for the lock
 * gives the facts, without a second lookup.  False if there is no such
 * registration, or it has no term (facts then empty).
 */
bool
registration_lock_facts(FactQueries *q, int64 id, MemoryContext cxt,
						RegistrationFacts *facts, int64 *owner_id)
{
	memset(facts, 0, sizeof(*facts));
	if (facts_copy_current(q))
	{
		Relation	rel = registrations_open(q->tables, AccessShareLock);
		HeapTuple	row;
		bool		from_copy = false;
		bool		found;

		history_lock();
		found = row_lock_read(&q->lock, id, rel, &row);
		if (found)
			from_copy = facts_of_row(q, rel, row, cxt, facts, owner_id);
		table_close(rel, NoLock);
		if (!found)
			return false;
		if (from_copy)
			return facts->nterms > 0;
	}
	else if (!registration_lock(q, id))
		return false;
	return facts_scan(q->tables, id, false, cxt, facts, owner_id, NULL) && facts->nterms > 0;
}

/* In force, for the purposes of "already registered": not expired nor removed. */
bool
in_force_status(ListingStatus status)
{
	return status == LISTING_VALID || status == LISTING_RENEWAL_PENDING ||
		status == LISTING_SUSPENDED;
}
