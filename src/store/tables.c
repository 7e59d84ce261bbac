/*
 * tables.c
 *		The one way the C code opens a table of schema ismap and scans one
 *		of its indexes, and the snapshot its direct reads see.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/table.h"
#include "access/xact.h"
#include "nodes/makefuncs.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "store/registry.h"
#include "store/tables.h"

/*
 * Open table ismap.<name> with 'mode'.  Its oid, kept in *relid after the
 * first lookup, saves the name lookup next time; it is checked against the
 * name on every open (the table may have been dropped and made again).
 */
Relation
ismap_table_open(const char *name, Oid *relid, LOCKMODE mode)
{
	Relation	rel = NULL;

	if (OidIsValid(*relid))
	{
		rel = try_table_open(*relid, mode);
		if (rel != NULL &&
			(strcmp(RelationGetRelationName(rel), name) != 0 ||
			 RelationGetNamespace(rel) != ismap_namespace()))
		{
			table_close(rel, mode);
			rel = NULL;
		}
	}
	if (rel == NULL)
	{
		rel = table_openrv(makeRangeVar("ismap", (char *) name, -1), mode);
		*relid = RelationGetRelid(rel);
	}
	return rel;
}

/*
 * systable_beginscan() with the index's lock kept until the transaction
 * ends.  systable_beginscan locks the index and systable_endscan unlocks
 * it, and a lock taken anew goes through the shared lock table; while the
 * transaction holds one more lock of its own on the index, both only count
 * in the backend's table.  Which indexes hold that lock is remembered per
 * transaction; a subtransaction's abort releases the lock early, which
 * only makes the next scans of that index cost what they did before.
 * (Tables are closed with NoLock for the same reason: their locks last
 * until the transaction ends, as a query's do.)
 */
#define KEPT_INDEX_SLOTS 32

SysScanDesc
ismap_index_scan(Relation rel, Oid index, Snapshot snapshot, int nkeys, ScanKey keys)
{
	static Oid	kept[KEPT_INDEX_SLOTS];
	static LocalTransactionId kept_in[KEPT_INDEX_SLOTS];

	if (OidIsValid(index))
	{
		int			slot = index % KEPT_INDEX_SLOTS;

		if (kept[slot] != index || kept_in[slot] != MyProc->lxid)
		{
			LockRelationOid(index, AccessShareLock);
			kept[slot] = index;
			kept_in[slot] = MyProc->lxid;
		}
	}
	return systable_beginscan(rel, index, OidIsValid(index), snapshot, nkeys, keys);
}

/*
 * Push the snapshot SPI gives a query that may write: what committed last
 * (at READ COMMITTED) and the statement's own writes so far.  The direct
 * scans of the write path read under it, as their SPI queries did; the
 * caller pops it.
 */
Snapshot
push_statement_snapshot(void)
{
	CommandCounterIncrement();
	PushActiveSnapshot(GetTransactionSnapshot());
	UpdateActiveSnapshotCommandId();
	return GetActiveSnapshot();
}
