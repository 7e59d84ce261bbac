/*
 * scan_table.h
 *		Registry tables read with direct index scans on one key column
 *		(scan_table.c).
 */
#ifndef ISMAP_SCAN_TABLE_H
#define ISMAP_SCAN_TABLE_H

#include "postgres.h"

#include "access/htup.h"
#include "utils/date.h"
#include "utils/rel.h"
#include "utils/snapshot.h"

#define MAX_SCAN_COLUMNS 8

/*
 * A registry table as the scans use it: its key's index, its columns.
 * The key is a bigint, except for text_key_exists().
 */
typedef struct ScanTable
{
	const char *name;
	const char *key;			/* the column the rows are found by */
	const char *columns[MAX_SCAN_COLUMNS];	/* NULL-terminated */
	/* found on first use, forgotten when any relation cache entry is reset */
	Oid			relid;
	Oid			index;			/* btree led by key; InvalidOid: scan the heap */
	AttrNumber	key_attno;
	Oid			key_collation;	/* the index's, else the column's */
	AttrNumber	attno[MAX_SCAN_COLUMNS];
	/* the tables looked up so far, linked from the first lookup on */
	bool		known;
	struct ScanTable *next_known;
} ScanTable;

extern Relation scan_table_open(ScanTable *t);
extern HeapTuple *rows_of(ScanTable *t, Relation rel, int64 id, Snapshot snapshot, int *n);
extern bool text_key_exists(ScanTable *t, Relation rel, text *value, Snapshot snapshot);
extern Datum scan_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc, bool *isnull);
extern DateADT date_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc,
						   DateADT if_null);
extern int64 int64_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc);

#endif							/* ISMAP_SCAN_TABLE_H */
