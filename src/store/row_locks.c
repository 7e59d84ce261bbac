/*
 * row_locks.c
 *		The row locks the write path takes, once per (sub)transaction.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"

#include "base/xact_scope.h"
#include "store/kept_plans.h"
#include "store/keyed_rows.h"
#include "store/row_locks.h"

/*
 * Row locks this backend's transaction holds.  A row lock taken by a query
 * (SELECT ... FOR UPDATE, FOR SHARE, FOR KEY SHARE) lasts until the
 * transaction ends, or until the subtransaction that took it aborts; while
 * it is held, taking it again waits for nobody and changes nothing, and
 * the row cannot go away.  A decision locks the same few rows several
 * times (its registration, its service, the auditor of its audit); each
 * lock query runs once per (sub)transaction.  An entry is trusted only in
 * the transaction and subtransaction that took it, so a lock released by
 * a rolled-back savepoint is taken again.
 */
#define HELD_LOCK_SLOTS 64

static struct
{
	XactScope	scope;
	const RowLock *lock;
	int64		id;
	bool		queried;		/* the lock took a query */
}			held_locks[HELD_LOCK_SLOTS];

/*
 * Whether the row version the statement sees was written by this
 * transaction: then no other transaction can lock it before this one
 * ends.  Either the row is new, invisible to every other transaction, or
 * this transaction updated it, and the version others see carries this
 * transaction's update lock, which conflicts with every lock the write
 * path takes (FOR UPDATE, FOR SHARE) and keeps anyone from deleting it
 * (FOR KEY SHARE).  A bulk load in one transaction locks nothing twice.
 */
static bool
written_here(HeapTuple row)
{
	return TransactionIdIsCurrentTransactionId(HeapTupleHeaderGetXmin(row->t_data));
}

/* Lock a row the statement sees, unless this transaction wrote it. */
static bool
lock_found_row(RowLock *lock, int64 id, HeapTuple found)
{
	Datum		arg = Int64GetDatum(id);

	if (written_here(found))
		return true;
	kept_plan_run(&lock->query, &arg, NULL, false, 1);
	return SPI_processed == 1;
}

static int
held_slot(const RowLock *lock, int64 id)
{
	uint64		h = (uint64) id * UINT64CONST(0x9E3779B97F4A7C15) ^ (uint64) (uintptr_t) lock;

	return (int) ((h >> 32) % HELD_LOCK_SLOTS);
}

static bool
is_held(int slot, const RowLock *lock, int64 id)
{
	return in_xact_scope(&held_locks[slot].scope) &&
		held_locks[slot].lock == lock && held_locks[slot].id == id;
}

/*
 * Remember a held lock.  A row the transaction wrote needs no query to be
 * held, only a lookup, so it does not take the slot of a lock that took a
 * query (the few auditors every audit checks, in a load of thousands of
 * new rows).
 */
static void
remember_held(int slot, const RowLock *lock, int64 id, bool queried)
{
	if (!queried && held_locks[slot].queried && in_xact_scope(&held_locks[slot].scope))
		return;
	set_xact_scope(&held_locks[slot].scope);
	held_locks[slot].lock = lock;
	held_locks[slot].id = id;
	held_locks[slot].queried = queried;
}

/*
 * Lock row 'id' with 'lock', unless this (sub)transaction already holds
 * it or wrote the row.  Returns whether the row exists (and is locked).
 * The caller is connected to SPI.
 */
bool
row_lock(RowLock *lock, int64 id)
{
	int			slot = held_slot(lock, id);
	Relation	rel;
	HeapTuple	found;
	bool		locked;

	if (is_held(slot, lock, id))
		return true;
	rel = keyed_table_open(&lock->table);
	found = keyed_row(rel, lock->key, id);
	locked = found != NULL && lock_found_row(lock, id, found);
	table_close(rel, NoLock);
	if (locked)
		remember_held(slot, lock, id, !written_here(found));
	return locked;
}

/*
 * row_lock, and the row as the statement sees it once locked, read from
 * rel (the locked table, open) into *row: one index lookup when the lock
 * is held already or the transaction wrote the row, which the caller
 * would otherwise make again.  The caller is connected to SPI.
 */
bool
row_lock_read(RowLock *lock, int64 id, Relation rel, HeapTuple *row)
{
	int			slot = held_slot(lock, id);
	bool		held = is_held(slot, lock, id);
	bool		queried;

	*row = keyed_row(rel, lock->key, id);
	if (held || *row == NULL)
		return *row != NULL;
	if (!lock_found_row(lock, id, *row))
	{
		*row = NULL;
		return false;
	}
	queried = !written_here(*row);
	if (queried)				/* the lock query may have found a newer version */
		*row = keyed_row(rel, lock->key, id);
	if (*row != NULL)
		remember_held(slot, lock, id, queried);
	return *row != NULL;
}

/*
 * The row of an organization, locked FOR KEY SHARE as a foreign key to it
 * would lock it: every row that refers to an organization takes this one
 * lock, so that a delete of the organization waits for the writer
 * (rules/references.c) and the lock is taken once per transaction whoever
 * takes it.  False if there is no such organization.
 */
bool
organization_lock(int64 organization_id)
{
	static RowLock lock = {
		{"SELECT 1 FROM ismap.organizations"
		 " WHERE organization_id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE", 1, {INT8OID}},
		{"organizations"}, "organization_id"
	};

	return row_lock(&lock, organization_id);
}
