/*
 * keyed_rows.c
 *		One registry row found by its bigint primary key with a direct
 *		index scan, as the statement now sees it.
 *
 * Every application reads the audit it rests on, every audit the service
 * it is of.  As SQL queries these lookups cost an executor start-up and
 * shutdown each; an index scan costs a few microseconds.  The scan sees
 * what the query would have seen (what committed last, and the
 * statement's own writes: push_statement_snapshot), and a row lock, where
 * the rule needs one, is taken by row_lock() before the read.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/sysattr.h"
#include "access/table.h"
#include "catalog/pg_type.h"
#include "utils/fmgroids.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

#include "store/columns.h"
#include "store/keyed_rows.h"
#include "store/tables.h"

/* Open a keyed table for reading (AccessShareLock). */
Relation
keyed_table_open(KeyedTable *t)
{
	return ismap_table_open(t->name, &t->relid, AccessShareLock);
}

/*
 * The row of rel (opened by keyed_table_open) whose column 'key' equals id,
 * as the statement now sees it (a copy in the current context), or NULL.
 * Found by the table's primary key when it is that column, else by
 * reading the table.
 */
HeapTuple
keyed_row(Relation rel, const char *key, int64 id)
{
	TupleDesc	desc = RelationGetDescr(rel);
	AttrNumber	attno = column_number(desc, key);
	Oid			pk = RelationGetPrimaryKeyIndex(rel);
	Bitmapset  *pk_columns = RelationGetIndexAttrBitmap(rel, INDEX_ATTR_BITMAP_PRIMARY_KEY);
	bool		use_pk;
	ScanKeyData scankey;
	SysScanDesc scan;
	HeapTuple	tup,
				found = NULL;

	if (attno <= 0 || TupleDescAttr(desc, attno - 1)->atttypid != INT8OID)
		elog(ERROR, "ismap: ismap.%s has no bigint column %s", RelationGetRelationName(rel), key);
	use_pk = OidIsValid(pk) && bms_num_members(pk_columns) == 1 &&
		bms_is_member(attno - FirstLowInvalidHeapAttributeNumber, pk_columns);
	bms_free(pk_columns);

	ScanKeyInit(&scankey, attno, BTEqualStrategyNumber, F_INT8EQ, Int64GetDatum(id));
	scan = ismap_index_scan(rel, use_pk ? pk : InvalidOid, push_statement_snapshot(), 1, &scankey);
	if (HeapTupleIsValid(tup = systable_getnext(scan)))
		found = heap_copytuple(tup);
	systable_endscan(scan);
	PopActiveSnapshot();
	return found;
}
