/*
 * facts_scan.c
 *		Reading a registration's facts with direct index scans.
 *
 * A registration's facts are its row, its terms, its renewal applications
 * and its status changes.  They are read from those tables by the refresh
 * that copies them onto the registration row, by the read-side functions,
 * and by the rule checks while that copy is not current (registration_facts.c).
 * An SQL query that assembles them costs an executor start-up and
 * shutdown each time (tens of microseconds, most of a decision's cost);
 * four index scans on the tables' own indexes cost a few.  The result is
 * the same RegistrationFacts that the public lists compute statuses from.
 *
 * The scans see what an SQL query run at the same point would see: the
 * caller's snapshot for the read-side functions, and in triggers a fresh
 * snapshot that includes the statement's own earlier writes (as SPI gives
 * a non-read-only query), so that a trigger that has just locked a
 * registration reads what committed last.
 */
#include "postgres.h"

#include "access/table.h"
#include "storage/lmgr.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "state/fact_tables.h"
#include "state/facts_scan.h"
#include "state/listing_status.h"
#include "store/columns.h"
#include "store/scan_table.h"
#include "store/tables.h"

/* Sort keys: terms by coming into force, changes by effect, then by id. */
typedef struct Keyed
{
	DateADT		day;
	int64		id;
	int			index;
} Keyed;

static int
keyed_cmp(const void *a, const void *b)
{
	const Keyed *x = a,
			   *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return 0;
}

static void
read_terms(ScanTable *t, int64 id, Snapshot snapshot, MemoryContext cxt,
		   RegistrationFacts *facts)
{
	Relation	rel = scan_table_open(t);
	TupleDesc	desc = RelationGetDescr(rel);
	int			n;
	HeapTuple  *rows = rows_of(t, rel, id, snapshot, &n);
	Keyed	   *order = palloc(sizeof(Keyed) * (n + 1));
	bool		with_audit = t->columns[TERM_PERIOD_END] != NULL;

	for (int i = 0; i < n; i++)
	{
		order[i].day = date_column(t, TERM_IN_FORCE_FROM, rows[i], desc, 0);
		order[i].id = int64_column(t, TERM_NO, rows[i], desc);
		order[i].index = i;
	}
	qsort(order, n, sizeof(Keyed), keyed_cmp);
	facts->nterms = n;
	facts->terms = MemoryContextAllocZero(cxt, sizeof(Term) * (n + 1));
	for (int i = 0; i < n; i++)
	{
		HeapTuple	row = rows[order[i].index];
		Term	   *term = &facts->terms[i];

		term->in_force_from = order[i].day;
		term->valid_from = date_column(t, TERM_PERIOD_START, row, desc, 0);
		term->valid_until = date_column(t, TERM_VALID_UNTIL, row, desc, 0);
		if (with_audit)
		{
			term->period_end = date_column(t, TERM_PERIOD_END, row, desc, 0);
			term->audit_id = int64_column(t, TERM_AUDIT_ID, row, desc);
			term->auditor_id = int64_column(t, TERM_AUDITOR_ID, row, desc);
		}
	}
	table_close(rel, NoLock);
}

static void
read_renewals(ScanTable *t, int64 id, Snapshot snapshot, MemoryContext cxt,
		   RegistrationFacts *facts)
{
	Relation	rel = scan_table_open(t);
	TupleDesc	desc = RelationGetDescr(rel);
	int			n;
	HeapTuple  *rows = rows_of(t, rel, id, snapshot, &n);
	Keyed	   *order = palloc(sizeof(Keyed) * (n + 1));
	int			nrenewals = 0;

	for (int i = 0; i < n; i++)
	{
		bool		isnull;
		Datum		kind = scan_column(t, APP_KIND, rows[i], desc, &isnull);

		if (isnull || strcmp(enum_label(kind), "renewal") != 0)
			continue;
		order[nrenewals].day = 0;
		order[nrenewals].id = int64_column(t, APP_ID, rows[i], desc);
		order[nrenewals].index = i;
		nrenewals++;
	}
	qsort(order, nrenewals, sizeof(Keyed), keyed_cmp);
	facts->nrenewals = nrenewals;
	facts->renewals = MemoryContextAllocZero(cxt, sizeof(Renewal) * (nrenewals + 1));
	for (int i = 0; i < nrenewals; i++)
	{
		HeapTuple	row = rows[order[i].index];

		facts->renewals[i].filed_on = date_column(t, APP_APPLIED_ON, row, desc, 0);
		facts->renewals[i].resolved_on = date_column(t, APP_DECIDED_ON, row, desc, DATEVAL_NOEND);
	}
	table_close(rel, NoLock);
}

static void
read_changes(ScanTable *t, int64 id, Snapshot snapshot, MemoryContext cxt,
		   RegistrationFacts *facts)
{
	Relation	rel = scan_table_open(t);
	TupleDesc	desc = RelationGetDescr(rel);
	int			n;
	HeapTuple  *rows = rows_of(t, rel, id, snapshot, &n);
	Keyed	   *order = palloc(sizeof(Keyed) * (n + 1));

	for (int i = 0; i < n; i++)
	{
		order[i].day = date_column(t, CHANGE_EFFECTIVE_ON, rows[i], desc, 0);
		order[i].id = int64_column(t, CHANGE_ID, rows[i], desc);
		order[i].index = i;
	}
	qsort(order, n, sizeof(Keyed), keyed_cmp);
	facts->nchanges = n;
	facts->changes = MemoryContextAllocZero(cxt, sizeof(StatusChange) * (n + 1));
	for (int i = 0; i < n; i++)
	{
		bool		isnull;
		Datum		action = scan_column(t, CHANGE_ACTION, rows[order[i].index], desc, &isnull);

		facts->changes[i].action = status_action_from_label(isnull ? "" : enum_label(action));
		facts->changes[i].effective_on = order[i].day;
	}
	table_close(rel, NoLock);
}

/* The table of registrations of one kind, opened. */
Relation
registrations_open(FactTables *tables, LOCKMODE mode)
{
	Relation	rel = scan_table_open(&tables->registrations);

	if (mode != AccessShareLock)
		LockRelationOid(RelationGetRelid(rel), mode);
	return rel;
}

/* Registration 'id' as the statement now sees it (a copy), or NULL. */
HeapTuple
registration_current_row(FactTables *tables, Relation rel, int64 id)
{
	Snapshot	snapshot;
	int			n;
	HeapTuple  *rows;

	if (!OidIsValid(tables->registrations.relid))	/* find its index and columns */
		table_close(scan_table_open(&tables->registrations), NoLock);
	snapshot = push_statement_snapshot();
	rows = rows_of(&tables->registrations, rel, id, snapshot, &n);
	PopActiveSnapshot();
	return n == 1 ? rows[0] : NULL;
}

/*
 * Read registration 'id' of one kind into 'facts' (allocated in 'cxt').
 * read_only: see the caller's snapshot (read-side functions); otherwise
 * see what committed last and the statement's own writes (triggers).
 * Returns false if there is no such registration.  If 'registration' is
 * given, the registration row is copied there (in the caller's context).
 */
bool
facts_scan(FactTables *tables, int64 id, bool read_only, MemoryContext cxt,
		   RegistrationFacts *facts, int64 *owner_id, HeapTuple *registration)
{
	MemoryContext scratch = AllocSetContextCreate(CurrentMemoryContext, "ismap facts scan",
												  ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(scratch);
	Snapshot	snapshot;
	ScanTable  *reg = &tables->registrations;
	Relation	rel;
	int			n;
	HeapTuple  *rows;
	bool		found = false;

	memset(facts, 0, sizeof(*facts));
	if (read_only)
		snapshot = GetActiveSnapshot();
	else
		snapshot = push_statement_snapshot();	/* as SPI runs a query that may write */

	rel = scan_table_open(reg);
	rows = rows_of(reg, rel, id, snapshot, &n);
	if (n == 1)
	{
		TupleDesc	desc = RelationGetDescr(rel);

		found = true;
		facts->registered_on = date_column(reg, REG_REGISTERED_ON, rows[0], desc, 0);
		if (owner_id)
			*owner_id = int64_column(reg, REG_OWNER, rows[0], desc);
		if (registration)
		{
			MemoryContextSwitchTo(old);
			*registration = heap_copytuple(rows[0]);
			MemoryContextSwitchTo(scratch);
		}
		read_terms(&tables->terms, id, snapshot, cxt, facts);
		read_renewals(&tables->applications, id, snapshot, cxt, facts);
		read_changes(&tables->changes, id, snapshot, cxt, facts);
	}
	table_close(rel, NoLock);
	if (!read_only)
		PopActiveSnapshot();
	MemoryContextSwitchTo(old);
	MemoryContextDelete(scratch);
	return found;
}
