/*
 * tables.h
 *		Opening a table of schema ismap by its kept oid, scanning its
 *		indexes, and the snapshot of the write path's reads (tables.c).
 */
#ifndef ISMAP_TABLES_H
#define ISMAP_TABLES_H

#include "postgres.h"

#include "access/genam.h"
#include "access/htup.h"
#include "storage/lockdefs.h"
#include "utils/relcache.h"
#include "utils/snapshot.h"

extern Relation ismap_table_open(const char *name, Oid *relid, LOCKMODE mode);
extern SysScanDesc ismap_index_scan(Relation rel, Oid index, Snapshot snapshot,
									int nkeys, ScanKey keys);
/* The number of key columns of an index of schema ismap, or 0 if it has none of that name. */
extern int	ismap_index_key_count(const char *index_name);
extern bool ismap_index_lookup(Relation rel, const char *index_name, const char *rule,
							   Snapshot snapshot, int nkeys, const RegProcedure *equals,
							   const Datum *values, HeapTuple *row);
extern Snapshot push_statement_snapshot(void);
extern bool ismap_table_exists(const char *name);

#endif							/* ISMAP_TABLES_H */
