/*
 * direct_writes.c
 *		Writing a row the extension owns straight into its table and
 *		indexes, the way PostgreSQL writes catalog rows.
 *
 * Used for the log rows, the list periods and an approval's registration
 * and term (inserts), and for the facts copy on a registration row, a
 * renewed registration and a list period that moves (updates).
 *
 * The decision log receives one row per change to the registry.  Through
 * SPI each of those rows would cost an executor start-up and shutdown and
 * a parse of its jsonb images; written here it costs the heap insert and
 * the index inserts, which is all the row needs: the log has no trigger to
 * fire for the extension's own rows, no default to compute, and the values
 * are built by the extension (NOT NULL and CHECK hold by construction).
 * Unique indexes are checked as the executor checks them (waiting for a
 * concurrent inserter of the same key); partial and expression indexes
 * are maintained; an index kind the executor would treat specially
 * (deferred uniqueness, exclusion) is refused rather than skipped.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/index.h"
#include "catalog/pg_index.h"
#include "commands/sequence.h"
#include "executor/executor.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "base/errors.h"
#include "store/direct_writes.h"
#include "store/tables.h"

/*
 * The IndexInfo of each plain index (no expressions, no predicate: nothing
 * evaluated per executor state), built once instead of for every row, and
 * built again after any relation changes.  An invalidation can arrive
 * while an index is opened; it only marks the infos stale, and they are
 * dropped by the next lookup, once no info is in use.
 */
#define KEPT_INDEX_INFOS 32

static MemoryContext index_infos_cxt = NULL;
static struct
{
	Oid			index;
	IndexInfo  *info;
}			index_infos[KEPT_INDEX_INFOS];
static int	nindex_infos = 0;
static bool index_infos_stale = false;

static void
forget_index_infos(Datum arg, Oid relid)
{
	index_infos_stale = true;
}

static IndexInfo *
index_info(Relation index)
{
	MemoryContext old;
	IndexInfo  *info;

	if (index_infos_cxt == NULL)
	{
		index_infos_cxt = AllocSetContextCreate(CacheMemoryContext, "ismap index infos",
												ALLOCSET_SMALL_SIZES);
		CacheRegisterRelcacheCallback(forget_index_infos, (Datum) 0);
	}
	if (index_infos_stale)
	{
		MemoryContextReset(index_infos_cxt);
		nindex_infos = 0;
		index_infos_stale = false;
	}
	for (int i = 0; i < nindex_infos; i++)
		if (index_infos[i].index == RelationGetRelid(index))
			return index_infos[i].info;

	if (!heap_attisnull(index->rd_indextuple, Anum_pg_index_indexprs, NULL) ||
		!heap_attisnull(index->rd_indextuple, Anum_pg_index_indpred, NULL) ||
		nindex_infos == KEPT_INDEX_INFOS)
		return BuildIndexInfo(index);	/* in the caller's context, not kept */
	old = MemoryContextSwitchTo(index_infos_cxt);
	info = BuildIndexInfo(index);
	MemoryContextSwitchTo(old);
	index_infos[nindex_infos].index = RelationGetRelid(index);
	index_infos[nindex_infos++].info = info;
	return info;
}

/*
 * Insert the index entries of tup (stored in slot) into every index of rel;
 * rule: the rule id of the table, for the refusal of an index it cannot
 * maintain.
 */
static void
insert_index_entries(const char *rule, Relation rel, TupleTableSlot *slot, HeapTuple tup)
{
	List	   *indexes = RelationGetIndexList(rel);
	ListCell   *lc;
	EState	   *estate = NULL;

	/* index locks are kept to the end of the transaction, as the executor keeps them */
	foreach(lc, indexes)
	{
		Relation	index = index_open(lfirst_oid(lc), RowExclusiveLock);
		IndexInfo  *info = index_info(index);
		Datum		values[INDEX_MAX_KEYS];
		bool		isnull[INDEX_MAX_KEYS];

		if (!info->ii_ReadyForInserts)
		{
			index_close(index, NoLock);
			continue;
		}
		if (info->ii_ExclusionOps != NULL || !index->rd_index->indimmediate)
			ismap_refuse(ERRCODE_FEATURE_NOT_SUPPORTED, rule,
						 psprintf("index \"%s\" on ismap.%s is deferred or an exclusion constraint",
								  RelationGetRelationName(index), RelationGetRelationName(rel)),
						 errdetail("The extension writes this table itself and keeps only immediate indexes."),
						 errhint("Drop that index, or make it an ordinary or unique index."));
		if (info->ii_Expressions != NIL || info->ii_Predicate != NIL)
		{
			if (estate == NULL)
			{
				estate = CreateExecutorState();
				GetPerTupleExprContext(estate)->ecxt_scantuple = slot;
			}
			if (info->ii_Predicate != NIL &&
				!ExecQual(ExecPrepareQual(info->ii_Predicate, estate),
						  GetPerTupleExprContext(estate)))
			{
				index_close(index, NoLock);
				continue;
			}
		}
		FormIndexDatum(info, slot, estate, values, isnull);
		index_insert(index, values, isnull, &tup->t_self, rel,
					 index->rd_index->indisunique ? UNIQUE_CHECK_YES : UNIQUE_CHECK_NO,
					 false, info);
		index_close(index, NoLock);
	}
	if (estate != NULL)
		FreeExecutorState(estate);
	list_free(indexes);
}

/*
 * Insert the index entries of a new row version written by the extension
 * (a non-HOT update: every index needs an entry for it).
 */
static void
direct_index_entries(const char *rule, Relation rel, HeapTuple tup)
{
	TupleTableSlot *slot = MakeSingleTupleTableSlot(RelationGetDescr(rel), &TTSOpsHeapTuple);

	ExecStoreHeapTuple(tup, slot, false);
	insert_index_entries(rule, rel, slot, tup);
	ExecDropSingleTupleTableSlot(slot);
}

/*
 * Open ismap.<table> for writing (RowExclusiveLock, held to the end of the
 * transaction), refusing it if its shape is no longer what the extension
 * created: a column it does not write, or a CHECK constraint it does not
 * evaluate.
 */
Relation
direct_open(DirectTable *table)
{
	Relation	rel = ismap_table_open(table->name, &table->relid, RowExclusiveLock);
	TupleDesc	desc = RelationGetDescr(rel);
	int			nchecks = desc->constr ? desc->constr->num_check : 0;
	bool		dropped = false;

	for (int i = 0; i < desc->natts; i++)
		dropped |= TupleDescAttr(desc, i)->attisdropped;
	if (dropped || desc->natts != table->ncolumns || nchecks > table->nchecks)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, table->rule,
					 psprintf("the columns or constraints of ismap.%s are not the ones the extension created",
							  table->name),
					 errdetail("The extension writes %d columns under %d CHECK constraints; the table has %d columns and %d CHECK constraints.",
							   table->ncolumns, table->nchecks, desc->natts, nchecks),
					 errhint("Restore the table's definition from the extension script."));
	return rel;
}

/*
 * Insert one row (the table's columns, in order) into rel, opened by
 * direct_open(), bypassing its triggers.  The caller has checked that the
 * values satisfy the table's constraints.  Returns the row as stored.
 */
HeapTuple
direct_insert(DirectTable *table, Relation rel, Datum *values, bool *nulls)
{
	HeapTuple	tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
	TupleTableSlot *slot;

	heap_insert(rel, tup, GetCurrentCommandId(true), 0, NULL);
	slot = MakeSingleTupleTableSlot(RelationGetDescr(rel), &TTSOpsHeapTuple);
	ExecStoreHeapTuple(tup, slot, false);
	insert_index_entries(table->rule, rel, slot, tup);
	ExecDropSingleTupleTableSlot(slot);
	return tup;
}

/*
 * Replace the row version at otid of rel (open with RowExclusiveLock, the
 * row locked by the caller) with 'updated', bypassing the table's
 * triggers, and give the new version its index entries unless the update
 * was HOT.  The caller has checked that the values satisfy the table's
 * constraints.
 */
void
direct_update(const char *rule, Relation rel, ItemPointer otid, HeapTuple updated)
{
	simple_heap_update(rel, otid, updated);
	if (!HeapTupleIsHeapOnly(updated))
		direct_index_entries(rule, rel, updated);
}

/* The next value of identity column attnum of rel, as a default would take it. */
int64
identity_nextval(Relation rel, AttrNumber attnum)
{
	static Oid	relid = InvalidOid;
	static AttrNumber column = InvalidAttrNumber;
	static Oid	sequence = InvalidOid;

	if (relid != RelationGetRelid(rel) || column != attnum || !OidIsValid(sequence))
	{
		sequence = getIdentitySequence(RelationGetRelid(rel), attnum, false);
		relid = RelationGetRelid(rel);
		column = attnum;
	}
	return nextval_internal(sequence, false);
}
