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

#include "base/errors.h"
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

/* The attributes' names, for messages. */
static const char *const fact_name[F_COUNT + 1] = {
	[F_TERM_IN_FORCE_FROM] = "term_in_force_from",
	[F_TERM_PERIOD_START] = "term_audit_period_start",
	[F_TERM_PERIOD_END] = "term_audit_period_end",
	[F_TERM_VALID_UNTIL] = "term_valid_until",
	[F_TERM_AUDIT_ID] = "term_audit_id",
	[F_TERM_AUDITOR_ID] = "term_auditor_id",
	[F_RENEWAL_FILED_ON] = "renewal_filed_on",
	[F_RENEWAL_DECIDED_ON] = "renewal_decided_on",
	[F_CHANGE_ACTION] = "change_action",
	[F_CHANGE_EFFECTIVE_ON] = "change_effective_on",
};

/*
 * A read-only view of a one-dimensional array of a fixed-width type, read
 * in place.  The arrays inside a facts value are stored with short (1-byte)
 * headers, and DatumGetArrayTypeP would copy each to realign it: ten
 * allocations and copies per registration, most of the cost of a list of
 * 100,000 rows.  The view reads the same bytes where they lie instead, with
 * memcpy for unaligned elements, in order (array_view_next), so that a
 * null bitmap is walked once and not counted again for every element.
 */
typedef struct ArrayView
{
	const char *name;			/* the attribute's, for messages */
	int			n;
	const bits8 *nulls;			/* null bitmap, or NULL if none */
	int			width;
	int			next;			/* index of the element read next */
	const char *at;				/* where the next non-null element lies */
} ArrayView;

/*
 * The view of attribute attno.  A facts value comes from a registration
 * row, or from any caller of ismap.registration_standing(), which the
 * public may call: the shape the rest of this file relies on is checked
 * here, from the array's header, and refused as facts_value.  Subscripts
 * mean nothing in a copy (facts_as_arrays writes them from 1): elements
 * are read by position, whatever the lower bound.
 */
static void
array_view(Datum d, bool isnull, int attno, int width, ArrayView *v)
{
	struct varlena *p;
	const char *start;			/* where ArrayType would begin, header aside */
	int32		ndim,
				dataoffset;

	v->name = fact_name[attno];
	v->n = 0;
	v->nulls = NULL;
	v->width = width;
	v->next = 0;
	v->at = NULL;
	if (isnull)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_FACTS_VALUE,
					 "registration facts need all ten arrays",
					 errdetail("%s is null.", v->name),
					 errhint("Give an empty array ('{}') for a fact that has no elements."));
	p = (struct varlena *) DatumGetPointer(d);
	if (VARATT_IS_EXTERNAL(p) || VARATT_IS_COMPRESSED(p))
		p = detoast_attr(p);
	/* ArrayType's fields follow the varlena header, whatever its size */
	start = VARDATA_ANY(p) - VARHDRSZ;
	memcpy(&ndim, start + offsetof(ArrayType, ndim), sizeof(int32));
	memcpy(&dataoffset, start + offsetof(ArrayType, dataoffset), sizeof(int32));
	if (ndim == 0)
		return;
	if (ndim != 1)
		ismap_refuse(ERRCODE_ARRAY_SUBSCRIPT_ERROR, RULE_FACTS_VALUE,
					 "registration facts are one-dimensional arrays",
					 errdetail("%s has %d dimensions.", v->name, ndim),
					 errhint("Give each fact as a one-dimensional array, '{}' when it has no elements."));
	memcpy(&v->n, start + sizeof(ArrayType), sizeof(int32));
	if (dataoffset != 0)
	{
		v->nulls = (const bits8 *) (start + sizeof(ArrayType) + 2 * sizeof(int32));
		v->at = start + dataoffset;
	}
	else
		v->at = start + ARR_OVERHEAD_NONULLS(1);
}

/* The arrays first..last hold one element per term, renewal or change. */
static void
check_parallel(const ArrayView *f, int first, int last, const char *what)
{
	for (int attno = first + 1; attno <= last; attno++)
		if (f[attno].n != f[first].n)
			ismap_refuse(ERRCODE_ARRAY_SUBSCRIPT_ERROR, RULE_FACTS_VALUE,
						 psprintf("the %s arrays of registration facts differ in length", what),
						 errdetail("Elements: %d in %s, %d in %s.",
								   f[first].n, f[first].name, f[attno].n, f[attno].name),
						 errhint("Give each %s array one element per %s, in the same order.",
								 what, what));
}

/* The next element: its bytes in *out, or false if it is null. */
static bool
array_view_next(ArrayView *v, void *out)
{
	int			i = v->next++;

	Assert(i < v->n);
	if (v->nulls != NULL && !(v->nulls[i / 8] & (1 << (i % 8))))
		return false;
	memcpy(out, v->at, v->width);
	v->at += v->width;
	return true;
}

static void refuse_null_element(const ArrayView *v, int i) pg_attribute_noreturn();

static void
refuse_null_element(const ArrayView *v, int i)
{
	ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_FACTS_VALUE,
				 "registration facts hold a null where a value is required",
				 errdetail("Element %d of %s is null.", i + 1, v->name),
				 errhint("Only term_audit_period_end, term_audit_id, term_auditor_id (none for an auditor) and renewal_decided_on (an undecided renewal) may hold nulls."));
}

/* The next date, which the facts cannot do without. */
static DateADT
required_date_next(ArrayView *v)
{
	DateADT		day;

	if (!array_view_next(v, &day))
		refuse_null_element(v, v->next - 1);
	return day;
}

static DateADT
date_next(ArrayView *v, DateADT if_null)
{
	DateADT		day;

	return array_view_next(v, &day) ? day : if_null;
}

static int64
int64_next(ArrayView *v)
{
	int64		id;

	return array_view_next(v, &id) ? id : 0;
}

/*
 * The status changes: their actions are text, which the views do not
 * read; few registrations have any, so only those deconstruct the array.
 */
static void
changes_from_arrays(Datum action_array, ArrayView *actions, ArrayView *effective_on,
					RegistrationFacts *facts)
{
	Datum	   *labels;
	bool	   *label_nulls;
	int			n;

	facts->nchanges = actions->n;
	facts->changes = palloc_extended(sizeof(StatusChange) * (actions->n + 1),
									 MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	if (actions->n == 0)
		return;
	deconstruct_array(DatumGetArrayTypeP(action_array), TEXTOID, -1, false, TYPALIGN_INT,
					  &labels, &label_nulls, &n);
	Assert(n == actions->n);
	for (int i = 0; i < n; i++)
	{
		char	   *label;

		if (label_nulls[i])
			refuse_null_element(actions, i);
		label = TextDatumGetCString(labels[i]);
		if (!status_action_parse(label, &facts->changes[i].action))
			ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_FACTS_VALUE,
						 psprintf("\"%s\" is not a status change", label),
						 errdetail("Element %d of change_action is \"%s\".", i + 1, label),
						 errhint("A status change is suspend, lift or remove."));
		facts->changes[i].effective_on = required_date_next(effective_on);
	}
}

/*
 * The facts held in an ismap.registration_facts value (a registration row's
 * copy, what the log's images rebuild, or a caller's value), allocated in
 * the current memory context.  desc: the type's descriptor if the caller
 * has it at hand.  A value that is not shaped as facts_as_arrays writes it
 * is refused (facts_value); nulls are accepted where the registry itself
 * writes them: an undecided renewal's decision, and the audit period end
 * and audit of a term, which an auditor's terms do not have.
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
		/* the actions are text: their view gives only their number */
		int			width = (attno == F_TERM_AUDIT_ID || attno == F_TERM_AUDITOR_ID) ?
			sizeof(int64) : attno == F_CHANGE_ACTION ? 0 : sizeof(DateADT);

		array_view(values[attno - 1], nulls[attno - 1], attno, width, &f[attno]);
	}
	check_parallel(f, F_TERM_IN_FORCE_FROM, F_TERM_AUDITOR_ID, "term");
	check_parallel(f, F_RENEWAL_FILED_ON, F_RENEWAL_DECIDED_ON, "renewal");
	check_parallel(f, F_CHANGE_ACTION, F_CHANGE_EFFECTIVE_ON, "change");

	/*
	 * Huge allocations, here and for the changes: with nulls (one bit each),
	 * a value within the 1 GB limit of a datum can count more elements than
	 * 1 GB of structs holds.
	 */
	facts->registered_on = registered_on;
	facts->nterms = f[F_TERM_IN_FORCE_FROM].n;
	facts->terms = palloc_extended(sizeof(Term) * (facts->nterms + 1),
								   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	for (int i = 0; i < facts->nterms; i++)
	{
		Term	   *t = &facts->terms[i];

		t->in_force_from = required_date_next(&f[F_TERM_IN_FORCE_FROM]);
		t->valid_from = required_date_next(&f[F_TERM_PERIOD_START]);
		t->period_end = date_next(&f[F_TERM_PERIOD_END], 0);
		t->valid_until = required_date_next(&f[F_TERM_VALID_UNTIL]);
		t->audit_id = int64_next(&f[F_TERM_AUDIT_ID]);
		t->auditor_id = int64_next(&f[F_TERM_AUDITOR_ID]);
	}

	facts->nrenewals = f[F_RENEWAL_FILED_ON].n;
	facts->renewals = palloc_extended(sizeof(Renewal) * (facts->nrenewals + 1),
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	for (int i = 0; i < facts->nrenewals; i++)
	{
		facts->renewals[i].filed_on = required_date_next(&f[F_RENEWAL_FILED_ON]);
		facts->renewals[i].resolved_on = date_next(&f[F_RENEWAL_DECIDED_ON], DATEVAL_NOEND);
	}

	changes_from_arrays(values[F_CHANGE_ACTION - 1], &f[F_CHANGE_ACTION],
						&f[F_CHANGE_EFFECTIVE_ON], facts);
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
