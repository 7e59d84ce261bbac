/*
 * facts_scan.c
 *		Reading a registration's facts with direct index scans.
 *
 * A registration's facts are its row, its terms, its renewal applications
 * and its status changes.  They are read from those tables by the refresh
 * that copies them onto the registration row, by the read-side functions,
 * and by the rule checks while that copy is not current (facts_cache.c).
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

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_index.h"
#include "nodes/makefuncs.h"
#include "storage/lmgr.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "registration_facts.h"
#include "scan_table.h"

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

/* The tables looked up so far, to be looked up again after any invalidation. */
#define MAX_SCAN_TABLES 16
static ScanTable *known_tables[MAX_SCAN_TABLES];
static int	nknown_tables = 0;
static bool callback_registered = false;

/* A relation changed (or the extension was dropped): look everything up again. */
static void
forget_tables(Datum arg, Oid relid)
{
	for (int i = 0; i < nknown_tables; i++)
		known_tables[i]->relid = InvalidOid;
}

/*
 * A valid, plain btree index whose first column is attno, if there is one,
 * and the collation its order follows in *collation.
 */
static Oid
index_led_by(Relation rel, AttrNumber attno, Oid *collation)
{
	List	   *indexes = RelationGetIndexList(rel);
	ListCell   *lc;
	Oid			found = InvalidOid;

	foreach(lc, indexes)
	{
		Relation	index = index_open(lfirst_oid(lc), AccessShareLock);
		bool		plain = index->rd_rel->relam == BTREE_AM_OID &&
			index->rd_index->indisvalid &&
			index->rd_index->indkey.values[0] == attno &&
			heap_attisnull(index->rd_indextuple, Anum_pg_index_indpred, NULL) &&
			heap_attisnull(index->rd_indextuple, Anum_pg_index_indexprs, NULL);

		if (plain)
			*collation = index->rd_indcollation[0];
		index_close(index, NoLock);
		if (plain)
		{
			found = lfirst_oid(lc);
			break;
		}
	}
	list_free(indexes);
	return found;
}

static AttrNumber
column_attno(Relation rel, const char *column)
{
	AttrNumber	attno = get_attnum(RelationGetRelid(rel), column);

	if (attno == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("ismap: column %s of ismap.%s is missing", column,
						RelationGetRelationName(rel)),
				 errhint("Reinstall the extension: ALTER EXTENSION ismap UPDATE, or drop and create it.")));
	return attno;
}

/* Open a registry table, finding its columns and index on first use. */
Relation
open_table(ScanTable *t)
{
	Relation	rel;
	bool		known = false;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(forget_tables, (Datum) 0);
		callback_registered = true;
	}
	if (OidIsValid(t->relid))
		return table_open(t->relid, AccessShareLock);

	for (int i = 0; i < nknown_tables; i++)
		known |= known_tables[i] == t;
	if (!known)
	{
		if (nknown_tables == MAX_SCAN_TABLES)
			elog(ERROR, "ismap: too many scanned tables");
		known_tables[nknown_tables++] = t;
	}
	rel = table_openrv(makeRangeVar("ismap", (char *) t->name, -1), AccessShareLock);
	t->key_attno = column_attno(rel, t->key);
	for (int i = 0; i < MAX_SCAN_COLUMNS && t->columns[i] != NULL; i++)
		t->attno[i] = column_attno(rel, t->columns[i]);
	t->key_collation = TupleDescAttr(RelationGetDescr(rel), t->key_attno - 1)->attcollation;
	t->index = index_led_by(rel, t->key_attno, &t->key_collation);
	t->relid = RelationGetRelid(rel);
	return rel;
}

/* The rows of t (open as rel) whose key is id, in *n; in the current context. */
HeapTuple *
rows_of(ScanTable *t, Relation rel, int64 id, Snapshot snapshot, int *n)
{
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	int			size = 4;
	HeapTuple  *rows = palloc(sizeof(HeapTuple) * size);

	ScanKeyInit(&key, t->key_attno, BTEqualStrategyNumber, F_INT8EQ, Int64GetDatum(id));
	scan = ismap_index_scan(rel, t->index, snapshot, 1, &key);
	*n = 0;
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		if (*n == size)
			rows = repalloc(rows, sizeof(HeapTuple) * (size *= 2));
		rows[(*n)++] = heap_copytuple(tup);
	}
	systable_endscan(scan);
	return rows;
}

/*
 * Whether a row of t (open as rel) has 'value' in its text key, as
 * 'snapshot' sees it.  The comparison uses the collation of the index,
 * the one its order follows.
 */
bool
text_key_exists(ScanTable *t, Relation rel, text *value, Snapshot snapshot)
{
	ScanKeyData key;
	SysScanDesc scan;
	bool		found;

	ScanKeyInit(&key, t->key_attno, BTEqualStrategyNumber, F_TEXTEQ, PointerGetDatum(value));
	key.sk_collation = t->key_collation;
	scan = ismap_index_scan(rel, t->index, snapshot, 1, &key);
	found = HeapTupleIsValid(systable_getnext(scan));
	systable_endscan(scan);
	return found;
}

Datum
column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc, bool *isnull)
{
	return heap_getattr(tup, t->attno[col], desc, isnull);
}

DateADT
date_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc, DateADT if_null)
{
	bool		isnull;
	Datum		d = column(t, col, tup, desc, &isnull);

	return isnull ? if_null : DatumGetDateADT(d);
}

int64
int64_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc)
{
	bool		isnull;
	Datum		d = column(t, col, tup, desc, &isnull);

	return isnull ? 0 : DatumGetInt64(d);
}

/* The label of an enum value (status_action, application_kind), palloc'd. */
char *
enum_label(Datum value)
{
	HeapTuple	tup = SearchSysCache1(ENUMOID, value);
	char	   *label;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "ismap: enum value %u is missing", DatumGetObjectId(value));
	label = pstrdup(NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel));
	ReleaseSysCache(tup);
	return label;
}

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
	Relation	rel = open_table(t);
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
	Relation	rel = open_table(t);
	TupleDesc	desc = RelationGetDescr(rel);
	int			n;
	HeapTuple  *rows = rows_of(t, rel, id, snapshot, &n);
	Keyed	   *order = palloc(sizeof(Keyed) * (n + 1));
	int			nrenewals = 0;

	for (int i = 0; i < n; i++)
	{
		bool		isnull;
		Datum		kind = column(t, APP_KIND, rows[i], desc, &isnull);

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
	Relation	rel = open_table(t);
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
		Datum		action = column(t, CHANGE_ACTION, rows[order[i].index], desc, &isnull);

		facts->changes[i].action = status_action_from_label(isnull ? "" : enum_label(action));
		facts->changes[i].effective_on = order[i].day;
	}
	table_close(rel, NoLock);
}

/* The table of registrations of one kind, opened. */
Relation
registrations_open(FactTables *tables, LOCKMODE mode)
{
	Relation	rel = open_table(&tables->registrations);

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
		table_close(open_table(&tables->registrations), NoLock);
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

	rel = open_table(reg);
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
