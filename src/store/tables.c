/*
 * tables.c
 *		The one way the C code opens a table of schema ismap and scans one
 *		of its indexes, and the snapshot its direct reads see.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/relscan.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_am.h"
#include "executor/tuptable.h"
#include "nodes/makefuncs.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "base/errors.h"
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
 * Find, as 'snapshot' sees it, the first row of rel whose entry in its
 * btree index ismap.<index_name> has values[i] in column i + 1 for each of
 * the first nkeys columns, compared with the equality function equals[i]:
 * a copy in the current context in *row, or NULL.  For an index on
 * expressions, which systable_beginscan cannot scan (it maps its keys to
 * the table's columns).  Returns false if there is no such index (a
 * database whose schema predates it); an index of that name that is not
 * such an index of rel is refused with 'rule'.  The index's lock is kept
 * until the transaction ends, as ismap_index_scan keeps it.
 */
bool
ismap_index_lookup(Relation rel, const char *index_name, const char *rule,
				   Snapshot snapshot, int nkeys, const RegProcedure *equals,
				   const Datum *values, HeapTuple *row)
{
	Oid			index_oid = get_relname_relid(index_name, ismap_namespace());
	Relation	index;
	ScanKeyData keys[INDEX_MAX_KEYS];
	IndexScanDesc scan;
	TupleTableSlot *slot;

	Assert(nkeys > 0 && nkeys <= INDEX_MAX_KEYS);
	*row = NULL;
	if (!OidIsValid(index_oid))
		return false;
	index = index_open(index_oid, AccessShareLock);
	if (index->rd_rel->relam != BTREE_AM_OID ||
		index->rd_index->indrelid != RelationGetRelid(rel) ||
		!index->rd_index->indisvalid ||
		IndexRelationGetNumberOfKeyAttributes(index) < nkeys)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, rule,
					 psprintf("the index ismap.%s is not the one the extension created",
							  index_name),
					 errdetail("The extension's checks read it as a btree index of ismap.%s.",
							   RelationGetRelationName(rel)),
					 errhint("Restore the index's definition from the extension script."));
	for (int i = 0; i < nkeys; i++)
	{
		ScanKeyInit(&keys[i], i + 1, BTEqualStrategyNumber, equals[i], values[i]);
		keys[i].sk_collation = index->rd_indcollation[i];
	}
	slot = table_slot_create(rel, NULL);
	scan = index_beginscan(rel, index, snapshot, nkeys, 0);
	index_rescan(scan, keys, nkeys, NULL, 0);
	if (index_getnext_slot(scan, ForwardScanDirection, slot))
		*row = ExecCopySlotHeapTuple(slot);
	index_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	index_close(index, NoLock);
	return true;
}

/*
 * The number of key columns of the index of that name in schema ismap, or
 * 0 if there is none: an index whose definition grew in a later version
 * (service_registrations_serial_branch) is probed on the columns a schema
 * not yet updated gives it.
 */
int
ismap_index_key_count(const char *index_name)
{
	Oid			index_oid = get_relname_relid(index_name, ismap_namespace());
	Relation	index;
	int			count;

	if (!OidIsValid(index_oid))
		return 0;
	index = index_open(index_oid, AccessShareLock);
	count = IndexRelationGetNumberOfKeyAttributes(index);
	index_close(index, NoLock);
	return count;
}

/*
 * Whether schema ismap has a table of that name: a database whose
 * extension is not yet updated (ALTER EXTENSION UPDATE) runs this library
 * on an older schema, which lacks the tables of later versions.
 */
bool
ismap_table_exists(const char *name)
{
	return OidIsValid(get_relname_relid(name, ismap_namespace()));
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
