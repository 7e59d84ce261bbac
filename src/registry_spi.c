/*
 * registry_spi.c
 *		How the C code reads and writes the registry tables.
 *
 * Every query is a kept, parameterised SPI plan whose text names every
 * table, function and operator with its schema, so that no caller's
 * search_path can change what it means.  Triggers run their queries as the
 * owner of the registry (the owner of schema ismap): a committee role that
 * may only update applications must still be able to cause the auditor
 * row that an approval creates, without being able to write it directly.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "tcop/pquery.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "ismap.h"
#include "scan_table.h"

int			internal_write_depth = 0;

/* Writes to the auditor tables in this backend so far (see trigger_check). */
uint64		auditor_registry_writes = 0;

/* The plan of kp, prepared and kept on first use. */
SPIPlanPtr
kept_plan(KeptPlan *kp)
{
	if (kp->plan == NULL)
	{
		SPIPlanPtr	plan = SPI_prepare(kp->sql, kp->nargs, kp->argtypes);

		if (plan == NULL)
			elog(ERROR, "ismap: SPI_prepare failed (%s) for: %s",
				 SPI_result_code_string(SPI_result), kp->sql);
		if (SPI_keepplan(plan) != 0)
			elog(ERROR, "ismap: SPI_keepplan failed");
		kp->plan = plan;
	}
	return kp->plan;
}

int
kept_plan_run(KeptPlan *kp, Datum *values, const char *nulls,
			  bool read_only, long count)
{
	int			rc;

	rc = SPI_execute_plan(kept_plan(kp), values, nulls, read_only, count);
	if (rc < 0)
		elog(ERROR, "ismap: SPI_execute_plan failed (%s) for: %s",
			 SPI_result_code_string(rc), kp->sql);
	return rc;
}

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

bool
in_xact_scope(const XactScope *scope)
{
	return scope->lxid == MyProc->lxid && scope->subxid == GetCurrentSubTransactionId();
}

void
set_xact_scope(XactScope *scope)
{
	scope->lxid = MyProc->lxid;
	scope->subxid = GetCurrentSubTransactionId();
}

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
 * Write to a table that only the extension writes (auditors, their terms,
 * compliance reports).  The guard triggers on those tables let a write
 * through only while internal_write_depth is positive; it is restored even
 * when the write fails and the error is caught by a savepoint.
 */
int
kept_plan_write(KeptPlan *kp, Datum *values, const char *nulls, long count)
{
	int			rc;

	internal_write_depth++;
	PG_TRY();
	{
		rc = kept_plan_run(kp, values, nulls, false, count);
	}
	PG_FINALLY();
	{
		internal_write_depth--;
	}
	PG_END_TRY();
	return rc;
}

/*
 * Schema ismap and its owner, looked up once and again after any change to
 * a schema (given to another owner, renamed, dropped with the extension):
 * every trigger call acts as the owner, and every direct write checks that
 * its table is still in the schema.
 */
static Oid	cached_namespace = InvalidOid;
static Oid	cached_owner = InvalidOid;

static void
forget_namespace(Datum arg, int cacheid, uint32 hashvalue)
{
	cached_namespace = InvalidOid;
}

static void
look_up_namespace(void)
{
	static bool callback_registered = false;
	Oid			nspid;
	HeapTuple	tup;

	if (OidIsValid(cached_namespace))
		return;
	if (!callback_registered)
	{
		CacheRegisterSyscacheCallback(NAMESPACEOID, forget_namespace, (Datum) 0);
		callback_registered = true;
	}
	nspid = get_namespace_oid("ismap", false);
	tup = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(nspid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "ismap: cache lookup failed for schema %u", nspid);
	cached_owner = ((Form_pg_namespace) GETSTRUCT(tup))->nspowner;
	ReleaseSysCache(tup);
	cached_namespace = nspid;
}

Oid
ismap_namespace(void)
{
	look_up_namespace();
	return cached_namespace;
}

Oid
registry_owner(void)
{
	look_up_namespace();
	return cached_owner;
}

/* OID of a type of schema ismap, whatever the search_path. */
Oid
ismap_type_oid(const char *name)
{
	Oid			nspid = ismap_namespace();
	Oid			typid;

	typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
							CStringGetDatum(name), ObjectIdGetDatum(nspid));
	if (!OidIsValid(typid))
		elog(ERROR, "ismap: type ismap.%s does not exist", name);
	return typid;
}

/*
 * Act as the registry's owner until registry_role_leave().  An error in
 * between needs no clean-up: transaction and subtransaction abort restore
 * the user id.
 */
void
registry_role_enter(RegistryRole *saved)
{
	GetUserIdAndSecContext(&saved->saved_userid, &saved->saved_sec_context);
	SetUserIdAndSecContext(registry_owner(),
						   saved->saved_sec_context | SECURITY_LOCAL_USERID_CHANGE);
}

void
registry_role_leave(RegistryRole *saved)
{
	SetUserIdAndSecContext(saved->saved_userid, saved->saved_sec_context);
}

bool
spi_get_date(int row, int col, DateADT *out)
{
	bool		isnull;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc,
								  col, &isnull);

	if (!isnull)
		*out = DatumGetDateADT(d);
	return !isnull;
}

bool
spi_get_int64(int row, int col, int64 *out)
{
	bool		isnull;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc,
								  col, &isnull);

	if (!isnull)
		*out = DatumGetInt64(d);
	return !isnull;
}

/* The value as text, or NULL; in the current context (SPI_finish frees it). */
char *
spi_get_text(int row, int col)
{
	return SPI_getvalue(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, col);
}

/*
 * SPI_fnumber() for the column readers below and the triggers' other
 * lookups by name, made for every row: the number found is remembered per
 * (name, table row type) and used again once the column at that number is
 * checked to have that name.  That a table has no such column is
 * remembered too (the log asks every table for "facts" and "grounds"),
 * until any relation changes.
 */
#define COLUMN_HINTS 512

static struct
{
	const char *column;
	Oid			rowtype;
	int			attnum;			/* <= 0: no such column */
}			column_hints[COLUMN_HINTS];

static void
forget_column_hints(Datum arg, Oid relid)
{
	memset(column_hints, 0, sizeof(column_hints));
}

int
column_number(TupleDesc desc, const char *column)
{
	static bool callback_registered = false;
	uint64		h = ((uint64) (uintptr_t) column ^ desc->tdtypeid) * UINT64CONST(0x9E3779B97F4A7C15);
	int			slot = (int) ((h >> 32) % COLUMN_HINTS);
	int			attnum = column_hints[slot].attnum;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(forget_column_hints, (Datum) 0);
		callback_registered = true;
	}
	if (column_hints[slot].column == column && column_hints[slot].rowtype == desc->tdtypeid)
	{
		if (attnum > 0 && attnum <= desc->natts &&
			!TupleDescAttr(desc, attnum - 1)->attisdropped &&
			strcmp(NameStr(TupleDescAttr(desc, attnum - 1)->attname), column) == 0)
			return attnum;
		if (attnum <= 0 && desc->tdtypeid != RECORDOID)
			return attnum;		/* a table's row type: changes reset the hints */
	}
	attnum = SPI_fnumber(desc, column);
	column_hints[slot].column = column;
	column_hints[slot].rowtype = desc->tdtypeid;
	column_hints[slot].attnum = attnum;
	return attnum;
}

/*
 * Columns of a trigger's row, looked up by name.  A column that the table
 * does not have reads as null.
 */
bool
tuple_get_int64(HeapTuple tup, TupleDesc desc, const char *column, int64 *out)
{
	int			attnum = column_number(desc, column);
	bool		isnull = true;
	Datum		d = (Datum) 0;

	if (attnum > 0)
		d = SPI_getbinval(tup, desc, attnum, &isnull);
	*out = isnull ? 0 : DatumGetInt64(d);
	return !isnull;
}

bool
tuple_get_date(HeapTuple tup, TupleDesc desc, const char *column, DateADT *out)
{
	int			attnum = column_number(desc, column);
	bool		isnull = true;
	Datum		d = (Datum) 0;

	if (attnum > 0)
		d = SPI_getbinval(tup, desc, attnum, &isnull);
	*out = isnull ? 0 : DatumGetDateADT(d);
	return !isnull;
}

/*
 * The column's value as text (enum labels included), or NULL.  Text,
 * bigints and enum labels are printed directly (as their output functions
 * print them); other types go through their output function.
 */
char *
tuple_get_text(HeapTuple tup, TupleDesc desc, const char *column)
{
	int			attnum = column_number(desc, column);
	Oid			type;
	bool		isnull;
	Datum		d;

	if (attnum <= 0)
		return NULL;
	d = heap_getattr(tup, attnum, desc, &isnull);
	if (isnull)
		return NULL;
	type = TupleDescAttr(desc, attnum - 1)->atttypid;
	if (type == TEXTOID)
		return TextDatumGetCString(d);
	if (type == INT8OID)
	{
		char		buf[MAXINT8LEN + 1];

		pg_lltoa(DatumGetInt64(d), buf);
		return pstrdup(buf);
	}
	if (lookup_type_cache(type, 0)->typtype == TYPTYPE_ENUM)
		return enum_label(d);
	return SPI_getvalue(tup, desc, attnum);
}

/*
 * A superuser's COPY into a registry table restores the registry (this is
 * how pg_restore and psql load a dump's data): the rows are history
 * already decided, logged and chained, so they are taken as they are,
 * without replaying the lifecycle rules or logging them again.  Anyone
 * else's COPY, and every INSERT, goes through the rules.
 */
bool
registry_restoring(void)
{
	return ActivePortal != NULL && ActivePortal->commandTag == CMDTAG_COPY && superuser();
}

/* What a trigger returns when it lets a restored row through. */
Datum
restored_row(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!TRIGGER_FIRED_BEFORE(td->tg_event))
		return PointerGetDatum(NULL);
	return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple);
}

/*
 * Null, empty or only white space: ASCII spaces, the ideographic space
 * U+3000 that Japanese input methods type, and the no-break space U+00A0
 * (both in UTF-8).
 */
bool
text_is_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	while (p && *p)
	{
		if (isspace(*p))
			p++;
		else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
			p += 3;
		else if (p[0] == 0xC2 && p[1] == 0xA0)
			p += 2;
		else
			return false;
	}
	return true;
}

void
trigger_check(FunctionCallInfo fcinfo, const char *funcname,
			  bool row_level, bool before)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function %s can only be called as a trigger", funcname)));
	if ((TRIGGER_FIRED_FOR_ROW(td->tg_event) != 0) != row_level ||
		(TRIGGER_FIRED_BEFORE(td->tg_event) != 0) != before)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function %s on table \"%s\" must be fired %s %s",
						funcname, RelationGetRelationName(td->tg_relation),
						before ? "BEFORE" : "AFTER",
						row_level ? "FOR EACH ROW" : "FOR EACH STATEMENT")));

	/*
	 * A trigger of the extension firing on an auditor table: the auditor
	 * registry is being written, and auditor facts read before are stale.
	 */
	if (strncmp(RelationGetRelationName(td->tg_relation), "auditor", 7) == 0)
		auditor_registry_writes++;
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
