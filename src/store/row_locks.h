/*
 * row_locks.h
 *		The row locks the write path takes (row_locks.c).
 */
#ifndef ISMAP_ROW_LOCKS_H
#define ISMAP_ROW_LOCKS_H

#include "postgres.h"

#include "access/htup.h"
#include "utils/relcache.h"

#include "store/kept_plans.h"
#include "store/keyed_rows.h"

/*
 * A row lock: query selects the row of table whose bigint column key is
 * $1, FOR some lock strength.
 */
typedef struct RowLock
{
	KeptPlan	query;
	KeyedTable	table;
	const char *key;
} RowLock;

extern bool row_lock(RowLock *lock, int64 id);
extern bool row_lock_read(RowLock *lock, int64 id, Relation rel, HeapTuple *row);
extern bool organization_lock(int64 organization_id);

#endif							/* ISMAP_ROW_LOCKS_H */
