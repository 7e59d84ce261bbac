/*
 * list_spans.c
 *		The periods each cloud service registration spends on the public
 *		list (ismap.service_list_spans), kept with the facts.
 *
 * A registration's status on a day depends only on how the day compares
 * with the dates in its facts (listing_status.c), so its whole future and
 * past on the list is a handful of periods, each with one status and one
 * term in force: valid under its first term, renewal pending in the grace
 * after an expiry, suspended, valid under the next term, and so on.  They
 * are computed in C whenever the facts change, next to the facts copy, and
 * the list on any day is then a plain range filter over them: no status
 * computation per row, so reading the list costs about what a plain SELECT
 * of the registry tables does.  Nothing needs a nightly job: a period ends
 * on a date, and the next one is already there.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/heapam.h"
#include "access/table.h"
#include "nodes/makefuncs.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/datetime.h"
#include "utils/fmgroids.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "base/errors.h"
#include "state/list_spans.h"
#include "state/listing_status.h"
#include "store/direct_writes.h"
#include "store/registry.h"
#include "store/tables.h"

#define SPAN_COLUMNS 11
#define SPAN_LISTED_FROM 4		/* values[4], the key after registration_id */

static int
day_order(const void *a, const void *b)
{
	DateADT		x = *(const DateADT *) a,
				y = *(const DateADT *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

static void
add_day(DateADT *days, int *n, DateADT day)
{
	if (DATE_NOT_FINITE(day))
		return;
	days[(*n)++] = day;
	if (day < DATEVAL_NOEND - 1)
		days[(*n)++] = day + 1;
}

/*
 * The days on which the status may change: every date of the facts and the
 * day after it (the status compares days with <, <= and >), sorted, from the
 * registration on.
 */
static DateADT *
change_days(const RegistrationFacts *facts, int *count)
{
	int			most = 2 * (1 + 2 * facts->nterms + 2 * facts->nrenewals + facts->nchanges);
	DateADT    *days = palloc(sizeof(DateADT) * most);
	int			n = 0,
				kept = 0;

	add_day(days, &n, facts->registered_on);
	for (int i = 0; i < facts->nterms; i++)
	{
		add_day(days, &n, facts->terms[i].in_force_from);
		add_day(days, &n, facts->terms[i].valid_until);
	}
	for (int i = 0; i < facts->nrenewals; i++)
	{
		add_day(days, &n, facts->renewals[i].filed_on);
		add_day(days, &n, facts->renewals[i].resolved_on);
	}
	for (int i = 0; i < facts->nchanges; i++)
		add_day(days, &n, facts->changes[i].effective_on);

	qsort(days, n, sizeof(DateADT), day_order);
	for (int i = 0; i < n; i++)
		if (days[i] >= facts->registered_on && (kept == 0 || days[i] != days[kept - 1]))
			days[kept++] = days[i];
	*count = kept;
	return days;
}

/* The registration's periods on the list, in order, merged where they touch. */
int
list_spans_compute(const RegistrationFacts *facts, ListSpan **spans)
{
	int			ndays;
	DateADT    *days = change_days(facts, &ndays);
	ListSpan   *out = palloc0(sizeof(ListSpan) * (ndays + 1));
	int			n = 0;

	for (int i = 0; i < ndays; i++)
	{
		Standing	s = standing_on(facts, days[i]);
		DateADT		until = (i + 1 < ndays) ? days[i + 1] - 1 : DATEVAL_NOEND;

		if (!in_force_status(s.status) || s.term == NULL)
			continue;
		if (n > 0 && out[n - 1].until == days[i] - 1 &&
			out[n - 1].status == s.status && out[n - 1].term == s.term)
		{
			out[n - 1].until = until;
			continue;
		}
		out[n].from = days[i];
		out[n].until = until;
		out[n].status = s.status;
		out[n].term = s.term;
		n++;
	}
	*spans = out;
	return n;
}

static DirectTable spans_table = {
	"service_list_spans", RULE_SVC_PUBLIC_LIST, SPAN_COLUMNS, 1, InvalidOid
};

/* Whether a stored period holds exactly these values. */
static bool
span_equals(HeapTuple tup, TupleDesc desc, const Datum *values)
{
	for (int i = 0; i < SPAN_COLUMNS; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		bool		isnull;
		Datum		d = heap_getattr(tup, i + 1, desc, &isnull);

		if (isnull)
			return false;
		if (att->attlen == -1)
		{
			/* the stored text may have a short header; compare contents */
			struct varlena *a = PG_DETOAST_DATUM_PACKED(d);
			struct varlena *b = PG_DETOAST_DATUM_PACKED(values[i]);

			if (VARSIZE_ANY_EXHDR(a) != VARSIZE_ANY_EXHDR(b) ||
				memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) != 0)
				return false;
		}
		else if (!datumIsEqual(d, values[i], att->attbyval, att->attlen))
			return false;
	}
	return true;
}

/*
 * Make the registration's stored periods those of 'rows' (nrows rows of
 * values): a stored period that is one of them stays; one that starts on
 * the same day as one of them is updated to it (a renewal moves the end of
 * the period in force); the others are deleted, and the rest of 'rows'
 * inserted.  Most refreshes change no period, and a renewal changes only
 * the last ones.
 */
static void
replace_spans(Relation rel, int64 registration_id, Datum (*rows)[SPAN_COLUMNS], int nrows,
			  bool none_stored)
{
	TupleDesc	desc = RelationGetDescr(rel);
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	Snapshot	snapshot;
	ItemPointerData *stale = palloc(sizeof(ItemPointerData) * 4);
	DateADT    *stale_from = palloc(sizeof(DateADT) * 4);
	int			nstale = 0,
				room = 4;
	bool	   *stored = palloc0(sizeof(bool) * (nrows + 1));
	bool		nulls[SPAN_COLUMNS] = {false};

	if (none_stored)			/* a registration just created */
	{
		for (int i = 0; i < nrows; i++)
			heap_freetuple(direct_insert(&spans_table, rel, rows[i], nulls));
		return;
	}
	snapshot = push_statement_snapshot();
	ScanKeyInit(&key, 1, BTEqualStrategyNumber, F_INT8EQ, Int64GetDatum(registration_id));
	scan = ismap_index_scan(rel, RelationGetPrimaryKeyIndex(rel), snapshot, 1, &key);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		int			same = -1;
		bool		isnull;

		for (int i = 0; i < nrows && same < 0; i++)
			if (!stored[i] && span_equals(tup, desc, rows[i]))
				same = i;
		if (same >= 0)
		{
			stored[same] = true;
			continue;
		}
		if (nstale == room)
		{
			stale = repalloc(stale, sizeof(ItemPointerData) * (room *= 2));
			stale_from = repalloc(stale_from, sizeof(DateADT) * room);
		}
		stale[nstale] = tup->t_self;
		stale_from[nstale++] =
			DatumGetDateADT(heap_getattr(tup, SPAN_LISTED_FROM + 1, desc, &isnull));
	}
	systable_endscan(scan);
	PopActiveSnapshot();

	for (int j = 0; j < nstale; j++)
	{
		int			successor = -1;

		for (int i = 0; i < nrows && successor < 0; i++)
			if (!stored[i] && DatumGetDateADT(rows[i][SPAN_LISTED_FROM]) == stale_from[j])
				successor = i;
		if (successor < 0)
			simple_heap_delete(rel, &stale[j]);
		else
		{
			HeapTuple	updated = heap_form_tuple(desc, rows[successor], nulls);

			direct_update(RULE_SVC_PUBLIC_LIST, rel, &stale[j], updated);
			stored[successor] = true;
		}
	}
	for (int i = 0; i < nrows; i++)
		if (!stored[i])
			heap_freetuple(direct_insert(&spans_table, rel, rows[i], nulls));
}

/*
 * Replace the stored periods of a service registration by those of its
 * facts.  Each period also carries the registration's number, service and
 * registration date, so that the list reads no other row of the
 * registration.  The caller holds the registration's row lock (every
 * decision about it takes that lock first), so nobody else rewrites them
 * meanwhile.  none_stored: the registration was just created, so there
 * are no periods to compare with.
 */
void
list_spans_store(int64 registration_id, const char *number, int64 service_id,
				 const RegistrationFacts *facts, bool none_stored)
{
	ListSpan   *spans;
	int			n = list_spans_compute(facts, &spans);
	Oid			status_type = ismap_type_oid("listing_status");
	Relation	rel = direct_open(&spans_table);
	Datum		(*rows)[SPAN_COLUMNS] = palloc(sizeof(*rows) * (n + 1));
	Datum		number_text = CStringGetTextDatum(number);

	if (!OidIsValid(RelationGetPrimaryKeyIndex(rel)))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SVC_PUBLIC_LIST,
					 "ismap.service_list_spans has lost its primary key",
					 errdetail("The periods of a registration are found by that key to be rewritten."),
					 errhint("Restore the table's definition from the extension script."));
	for (int i = 0; i < n; i++)
	{
		Datum	   *values = rows[i];

		values[0] = Int64GetDatum(registration_id);
		values[1] = number_text;
		values[2] = Int64GetDatum(service_id);
		values[3] = DateADTGetDatum(facts->registered_on);
		values[4] = DateADTGetDatum(spans[i].from);
		values[5] = DateADTGetDatum(spans[i].until);
		values[6] = listing_status_datum(spans[i].status, status_type);
		values[7] = DateADTGetDatum(spans[i].term->valid_from);
		values[8] = DateADTGetDatum(spans[i].term->period_end);
		values[9] = DateADTGetDatum(spans[i].term->valid_until);
		values[10] = Int64GetDatum(spans[i].term->auditor_id);
	}
	replace_spans(rel, registration_id, rows, n, none_stored);
	table_close(rel, NoLock);
}
