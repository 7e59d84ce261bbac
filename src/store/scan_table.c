/*
 * scan_table.c
 *		Registry tables read with direct index scans on one key column.
 *
 * An SQL query costs an executor start-up and shutdown each time (tens of
 * microseconds, most of a decision's cost); an index scan on the table's
 * own index costs a few.  A ScanTable names a table, the column its rows
 * are found by and the columns read; the first open finds their numbers
 * and the index, and any relation cache reset makes the next open find
 * them again.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/pg_am.h"
#include "catalog/pg_index.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "store/scan_table.h"
#include "store/tables.h"

/*
 * The tables looked up so far, to be looked up again after any
 * invalidation.  Every ScanTable is static (it lives as long as the
 * backend), so they are chained through themselves: there is no limit to
 * how many the rules may name.
 */
static ScanTable *known_tables = NULL;
static bool callback_registered = false;

/* A relation changed (or the extension was dropped): look everything up again. */
static void
forget_tables(Datum arg, Oid relid)
{
	for (ScanTable *t = known_tables; t != NULL; t = t->next_known)
		t->relid = InvalidOid;
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

/*
 * Open a registry table for reading, finding its columns and index when
 * it is found anew (first use, or after a relation cache reset).
 */
Relation
scan_table_open(ScanTable *t)
{
	Relation	rel;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(forget_tables, (Datum) 0);
		callback_registered = true;
	}
	if (OidIsValid(t->relid))
	{
		Oid			known_relid = t->relid;

		rel = ismap_table_open(t->name, &t->relid, AccessShareLock);
		if (t->relid == known_relid)
			return rel;
	}
	else
	{
		if (!t->known)
		{
			t->next_known = known_tables;
			known_tables = t;
			t->known = true;
		}
		rel = ismap_table_open(t->name, &t->relid, AccessShareLock);
	}
	t->key_attno = column_attno(rel, t->key);
	for (int i = 0; i < MAX_SCAN_COLUMNS && t->columns[i] != NULL; i++)
		t->attno[i] = column_attno(rel, t->columns[i]);
	t->key_collation = TupleDescAttr(RelationGetDescr(rel), t->key_attno - 1)->attcollation;
	t->index = index_led_by(rel, t->key_attno, &t->key_collation);
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
scan_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc, bool *isnull)
{
	return heap_getattr(tup, t->attno[col], desc, isnull);
}

DateADT
date_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc, DateADT if_null)
{
	bool		isnull;
	Datum		d = scan_column(t, col, tup, desc, &isnull);

	return isnull ? if_null : DatumGetDateADT(d);
}

int64
int64_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc)
{
	bool		isnull;
	Datum		d = scan_column(t, col, tup, desc, &isnull);

	return isnull ? 0 : DatumGetInt64(d);
}
