/*
 * keyed_rows.h
 *		A registry row read by its bigint primary key (keyed_rows.c).
 */
#ifndef ISMAP_KEYED_ROWS_H
#define ISMAP_KEYED_ROWS_H

#include "postgres.h"

#include "access/htup.h"
#include "utils/relcache.h"

typedef struct KeyedTable
{
	const char *name;			/* in schema ismap */
	Oid			relid;			/* found on first use */
} KeyedTable;

extern Relation keyed_table_open(KeyedTable *table);
extern HeapTuple keyed_row(Relation rel, const char *key, int64 id);

#endif							/* ISMAP_KEYED_ROWS_H */
