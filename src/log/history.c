/*
 * history.c
 *		The decision log, ismap.history (sec_history, 7.1, 9.1).
 *
 * Every insert, update and delete that reaches a registry table writes one
 * log row in the same transaction: which table and row, the row before
 * and after (as jsonb), who (the session user and the role acting), when
 * (the transaction's start: transaction time), and why (the grounds of a
 * status change, or the reason given in ismap.reason, e.g. by
 * ismap.correct()).
 *
 * The rows form a hash chain: each row's hash is SHA-256 over all of its
 * columns and the previous row's hash.  Appends are serialized by a lock
 * held until commit (history_lock), so concurrent writers produce one
 * unbroken chain in commit order; a writer whose snapshot is
 * older than the last append (REPEATABLE READ) cannot fork the chain
 * either: its row would take a sequence number already used, and the
 * primary key refuses it.  ismap.verify_history() recomputes the chain and
 * names the first broken link: a row altered, inserted or deleted in the
 * middle behind the triggers' back (by a superuser with triggers disabled)
 * breaks it.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/cryptohash.h"
#include "common/sha2.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "port/pg_bswap.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/inval.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "base/errors.h"
#include "base/invisible_text.h"
#include "base/module.h"
#include "base/trigger_check.h"
#include "base/xact_scope.h"
#include "log/correction_reason.h"
#include "log/history.h"
#include "log/row_image.h"
#include "store/columns.h"
#include "store/direct_writes.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_log_change);
PG_FUNCTION_INFO_V1(ismap_history_guard);
PG_FUNCTION_INFO_V1(ismap_verify_history);
PG_FUNCTION_INFO_V1(ismap_history_head);

/* One log row, as hashed. */
typedef struct LogRow
{
	int64		seq;
	const char *table_name;
	const char *row_key;
	const char *operation;
	const char *before;			/* canonical jsonb text, or NULL */
	const char *after;
	Datum		before_doc;		/* the same as jsonb, when appending */
	Datum		after_doc;
	const char *session_user_name;
	const char *acting_user_name;
	TimestampTz recorded_at;
	const char *reason;
	uint8		prev_hash[PG_SHA256_DIGEST_LENGTH];
} LogRow;

/* A field: its length as 4 bytes in network order (-1: null), then its bytes. */
static void
hash_field(pg_cryptohash_ctx *ctx, const char *value)
{
	size_t		len = value ? strlen(value) : 0;
	uint32		prefix = pg_hton32(value ? (uint32) len : (uint32) -1);

	pg_cryptohash_update(ctx, (const uint8 *) &prefix, sizeof(prefix));
	if (value)
		pg_cryptohash_update(ctx, (const uint8 *) value, len);
}

/* SHA-256 over every field, each prefixed by its length (-1 for null). */
static void
hash_row(const LogRow *row, uint8 *digest)
{
	pg_cryptohash_ctx *ctx = pg_cryptohash_create(PG_SHA256);
	char		number[32];

	if (ctx == NULL || pg_cryptohash_init(ctx) < 0)
		elog(ERROR, "ismap: could not start a SHA-256 computation");
	pg_lltoa(row->seq, number); /* what INT64_FORMAT prints */
	hash_field(ctx, number);
	hash_field(ctx, row->table_name);
	hash_field(ctx, row->row_key);
	hash_field(ctx, row->operation);
	hash_field(ctx, row->before);
	hash_field(ctx, row->after);
	hash_field(ctx, row->session_user_name);
	hash_field(ctx, row->acting_user_name);
	pg_lltoa((int64) row->recorded_at, number);
	hash_field(ctx, number);
	hash_field(ctx, row->reason);
	pg_cryptohash_update(ctx, row->prev_hash, PG_SHA256_DIGEST_LENGTH);
	if (pg_cryptohash_final(ctx, digest, PG_SHA256_DIGEST_LENGTH) < 0)
		elog(ERROR, "ismap: could not finish a SHA-256 computation");
	pg_cryptohash_free(ctx);
}

static bytea *
digest_bytea(const uint8 *digest)
{
	bytea	   *b = palloc(VARHDRSZ + PG_SHA256_DIGEST_LENGTH);

	SET_VARSIZE(b, VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
	memcpy(VARDATA(b), digest, PG_SHA256_DIGEST_LENGTH);
	return b;
}

static bool
copy_digest(Datum d, uint8 *out)
{
	bytea	   *b = DatumGetByteaPP(d);

	if (VARSIZE_ANY_EXHDR(b) != PG_SHA256_DIGEST_LENGTH)
		return false;
	memcpy(out, VARDATA_ANY(b), PG_SHA256_DIGEST_LENGTH);
	return true;
}

/* The values of the key columns, comma separated. */
static char *
row_key(TupleDesc desc, const char *const *keys, int nkeys, HeapTuple tup)
{
	StringInfoData key;

	initStringInfo(&key);
	for (int i = 0; i < nkeys; i++)
	{
		char	   *value = tuple_get_text(tup, desc, keys[i]);

		if (i > 0)
			appendStringInfoChar(&key, ',');
		if (value != NULL)
			appendStringInfoString(&key, value);
	}
	return key.data;
}

/* Only the derived facts column changed: a cache refresh, not a decision. */
static bool
only_facts_changed(TriggerData *td)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	int			facts = column_number(desc, "facts");

	if (facts <= 0)
		return false;
	for (int attno = 1; attno <= desc->natts; attno++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
		bool		null1,
					null2;
		Datum		d1,
					d2;

		if (attno == facts || att->attisdropped)
			continue;
		d1 = heap_getattr(td->tg_trigtuple, attno, desc, &null1);
		d2 = heap_getattr(td->tg_newtuple, attno, desc, &null2);
		if (null1 != null2 ||
			(!null1 && !datumIsEqual(d1, d2, att->attbyval, att->attlen)))
			return false;
	}
	return true;
}

/*
 * Why: the reason of a correction under way, else the row's grounds, else
 * the reason set in ismap.reason.
 */
static const char *
change_reason(TupleDesc desc, HeapTuple tup)
{
	char	   *grounds = tuple_get_text(tup, desc, "grounds");
	const char *reason = ismap_reason;

	if (correction_reason() != NULL)
		return correction_reason();
	if (grounds != NULL && !text_is_invisible(grounds))
		return grounds;
	if (reason != NULL && !text_is_invisible(reason))
		return reason;
	return NULL;
}

/*
 * The names of the session's and the acting role, which every log row
 * records: looked up once and again after any role changes (renamed,
 * dropped), instead of a catalog lookup per row.
 */
typedef enum LoggedRole
{
	SESSION_ROLE, ACTING_ROLE
} LoggedRole;

static struct
{
	Oid			role;
	char		name[NAMEDATALEN];
}			role_names[2];

static void
forget_role_names(Datum arg, int cacheid, uint32 hashvalue)
{
	role_names[SESSION_ROLE].role = InvalidOid;
	role_names[ACTING_ROLE].role = InvalidOid;
}

static char *
role_name(LoggedRole which, Oid role)
{
	static bool callback_registered = false;

	if (!callback_registered)
	{
		CacheRegisterSyscacheCallback(AUTHOID, forget_role_names, (Datum) 0);
		callback_registered = true;
	}
	if (role_names[which].role != role)
	{
		role_names[which].role = InvalidOid;
		strlcpy(role_names[which].name, GetUserNameFromId(role, false), NAMEDATALEN);
		role_names[which].role = role;
	}
	return pstrdup(role_names[which].name);
}

/*
 * The lock that serializes appends is an object lock on schema ismap with
 * this sub-id.  No SQL statement can take or wait for it (advisory locks
 * have a lock tag of their own; DDL on the schema locks sub-id 0), so no
 * role can hold up the registry's writers by taking it first.
 */
#define HISTORY_LOCK_SUBID 1

/*
 * The last row this backend appended.  While the transaction holds the
 * lock, nobody else appends, so the next row follows it without asking the
 * table again.  It is trusted only within the same transaction and
 * subtransaction: a subtransaction that ends (aborted or not) changes the
 * current subtransaction id, and the next append asks the table again.
 */
static struct
{
	XactScope	scope;
	int64		seq;
	uint8		hash[PG_SHA256_DIGEST_LENGTH];
}			last_append;

/* Where the lock that orders appends was last taken. */
static XactScope lock_held;

/*
 * Take the lock that serializes appends to the log.  Every trigger that
 * writes takes it before it locks any registry row, so that all writers
 * lock in one order (the log first) and none deadlocks with another: a
 * writer would otherwise hold a row and wait for the log while the log's
 * holder waits for that row.  Held until the transaction ends.
 */
void
history_lock(void)
{
	if (in_xact_scope(&lock_held))
		return;
	LockDatabaseObject(NamespaceRelationId, ismap_namespace(), HISTORY_LOCK_SUBID,
					   ExclusiveLock);
	set_xact_scope(&lock_held);
}

static DirectTable history_table = {"history", RULE_SEC_HISTORY, 12, 1, InvalidOid};

static bool
last_append_known(void)
{
	return in_xact_scope(&last_append.scope) && last_append.seq > 0;
}

static void
append(LogRow *row)
{
	static KeptPlan last = {
		"SELECT seq, hash FROM ismap.history ORDER BY seq DESC LIMIT 1", 0, {InvalidOid}
	};
	uint8		digest[PG_SHA256_DIGEST_LENGTH];
	Datum		values[12];
	bool		nulls[12];
	bool		isnull;
	MemoryContext cxt = CurrentMemoryContext;
	Relation	rel;

	row->seq = 1;
	memset(row->prev_hash, 0, sizeof(row->prev_hash));
	if (last_append_known())
	{
		row->seq = last_append.seq + 1;
		memcpy(row->prev_hash, last_append.hash, sizeof(row->prev_hash));
	}
	else
	{
		/* the first append of the (sub)transaction reads the log's last row */
		RegistryRole role;
		bool		valid = true;

		history_lock();
		SPI_connect();
		registry_role_enter(&role);
		kept_plan_run(&last, NULL, NULL, false, 1);
		if (SPI_processed == 1)
		{
			spi_get_int64(0, 1, &row->seq);
			row->seq++;
			valid = copy_digest(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2,
											  &isnull),
								row->prev_hash);
		}
		registry_role_leave(&role);
		SPI_finish();
		if (!valid)
			ismap_refuse(ERRCODE_DATA_CORRUPTED, RULE_SEC_HISTORY,
						 "the decision log's last row has no valid hash",
						 errdetail("Row %lld of ismap.history was altered outside the extension.",
								   (long long) (row->seq - 1)),
						 errhint("Run SELECT * FROM ismap.verify_history() and restore the log from a backup."));
	}
	hash_row(row, digest);

	memset(nulls, false, sizeof(nulls));
	values[0] = Int64GetDatum(row->seq);
	values[1] = CStringGetTextDatum(row->table_name);
	values[2] = CStringGetTextDatum(row->row_key);
	values[3] = CStringGetTextDatum(row->operation);
	values[4] = row->before_doc;
	nulls[4] = (row->before == NULL);
	values[5] = row->after_doc;
	nulls[5] = (row->after == NULL);
	values[6] = CStringGetTextDatum(row->session_user_name);
	values[7] = CStringGetTextDatum(row->acting_user_name);
	values[8] = TimestampTzGetDatum(row->recorded_at);
	values[9] = row->reason ? CStringGetTextDatum(row->reason) : (Datum) 0;
	nulls[9] = (row->reason == NULL);
	values[10] = PointerGetDatum(digest_bytea(row->prev_hash));
	values[11] = PointerGetDatum(digest_bytea(digest));
	rel = direct_open(&history_table);
	PG_TRY();
	{
		heap_freetuple(direct_insert(&history_table, rel, values, nulls));
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		if (edata->sqlerrcode != ERRCODE_UNIQUE_VIOLATION)
			PG_RE_THROW();
		FlushErrorState();

		/*
		 * Another transaction appended after this one's snapshot was taken
		 * (REPEATABLE READ, SERIALIZABLE): its row took this seq.  The
		 * chain cannot fork; this transaction must start again.
		 */
		ismap_refuse(ERRCODE_T_R_SERIALIZATION_FAILURE, RULE_SEC_HISTORY,
					 "the decision log moved on since this transaction began",
					 errdetail("Row %lld of ismap.history was written by a transaction this one cannot see.",
							   (long long) row->seq),
					 errhint("Retry the transaction."));
	}
	PG_END_TRY();
	table_close(rel, NoLock);

	set_xact_scope(&last_append.scope);
	last_append.seq = row->seq;
	memcpy(last_append.hash, digest, sizeof(digest));
}

/*
 * Log one change to a row of rel: before is NULL for an insert, after for a
 * delete; keys name the columns that identify the row.  The row goes
 * straight into the log's heap and indexes; only the first append of a
 * (sub)transaction runs a query (the log's last row), and connects to SPI
 * as the registry's owner for it, so the log trigger itself needs no SPI
 * connection.  Used by the log trigger and by the extension's own writes,
 * which fire no trigger.
 */
void
history_log_write(Relation rel, const char *const *keys, int nkeys,
				  HeapTuple before, HeapTuple after)
{
	TupleDesc	desc = RelationGetDescr(rel);
	bool		has_facts = column_number(desc, "facts") > 0;
	HeapTuple	current = after ? after : before;
	LogRow		row;

	memset(&row, 0, sizeof(row));
	row.table_name = RelationGetRelationName(rel);
	row.row_key = row_key(desc, keys, nkeys, current);
	row.operation = before == NULL ? "INSERT" : after == NULL ? "DELETE" : "UPDATE";
	if (before)
		row.before = row_image(before, desc, has_facts, &row.before_doc);
	if (after)
		row.after = row_image(after, desc, has_facts, &row.after_doc);
	row.session_user_name = role_name(SESSION_ROLE, GetSessionUserId());
	row.acting_user_name = role_name(ACTING_ROLE, GetOuterUserId());
	row.recorded_at = GetCurrentTransactionStartTimestamp();
	row.reason = change_reason(desc, current);
	append(&row);
}

/*
 * AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW on every registry table;
 * the trigger's arguments name the key columns.
 */
Datum
ismap_log_change(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	before = NULL,
				after = NULL;

	trigger_check(fcinfo, "ismap_log_change", true, false);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) && only_facts_changed(td))
		return PointerGetDatum(NULL);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		before = td->tg_trigtuple;
		after = td->tg_newtuple;
	}
	else if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		after = td->tg_trigtuple;
	else
		before = td->tg_trigtuple;

	history_log_write(td->tg_relation, (const char *const *) td->tg_trigger->tgargs,
					  td->tg_trigger->tgnargs, before, after);
	return PointerGetDatum(NULL);
}

/* BEFORE UPDATE OR DELETE FOR EACH ROW and BEFORE TRUNCATE on the log. */
Datum
ismap_history_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function ismap_history_guard can only be called as a trigger")));
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) &&
		(internal_write_depth > 0 || registry_restoring(fcinfo)))
		return PointerGetDatum(td->tg_trigtuple);
	ismap_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, RULE_SEC_HISTORY,
				 "the decision log is append-only",
				 errdetail("Attempted: %s on ismap.%s.",
						   TRIGGER_FIRED_BY_INSERT(td->tg_event) ? "a direct INSERT" :
						   TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? "UPDATE" :
						   TRIGGER_FIRED_BY_DELETE(td->tg_event) ? "DELETE" : "TRUNCATE",
						   RelationGetRelationName(td->tg_relation)),
				 errhint("Nothing decided is lost: record a correction with ismap.correct() instead."));
	return PointerGetDatum(NULL);
}

/*
 * A head recorded outside the database, as ismap.history_head() gave it:
 * its seq and its hash in hex (64 digits, '\x' before them allowed).
 */
static void
read_recorded_head(FunctionCallInfo fcinfo, int64 *seq, uint8 *hash)
{
	const char *hex;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ismap_refuse(ERRCODE_NULL_VALUE_NOT_ALLOWED, RULE_SEC_HISTORY,
					 "a recorded head needs its seq and its hash",
					 errdetail("One of them is null."),
					 errhint("Give what ismap.history_head() returned when you recorded it."));
	*seq = PG_GETARG_INT64(0);
	hex = text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (strncmp(hex, "\\x", 2) == 0)
		hex += 2;
	if (*seq < 1 || strlen(hex) != 2 * PG_SHA256_DIGEST_LENGTH ||
		strspn(hex, "0123456789abcdefABCDEF") != strlen(hex))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SEC_HISTORY,
					 "that is not a head of the decision log",
					 errdetail("A head is a seq of 1 or more and a SHA-256 hash in 64 hexadecimal digits."),
					 errhint("Give what ismap.history_head() returned when you recorded it."));
	hex_decode(hex, 2 * PG_SHA256_DIGEST_LENGTH, (char *) hash);
}

/*
 * ismap.history_first_break([expected_seq bigint, expected_hash text,]
 * OUT seq bigint, OUT problem text): the first broken link of the chain,
 * or nulls if the chain is whole.  Given a head recorded earlier (outside
 * the database), the chain must also still reach it: the row at that seq
 * must be there with that hash.  A log emptied or rewritten and chained
 * again from the start verifies as a chain, but not against its head.
 */
Datum
ismap_verify_history(PG_FUNCTION_ARGS)
{
	static KeptPlan rows = {
		"SELECT seq, table_name, row_key, operation, before::pg_catalog.text,"
		" after::pg_catalog.text, session_user_name, acting_user_name, recorded_at,"
		" reason, prev_hash, hash FROM ismap.history ORDER BY seq",
		0, {InvalidOid}
	};
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {false, false};
	uint8		expected_prev[PG_SHA256_DIGEST_LENGTH];
	int64		expected_seq = 1;
	char	   *problem = NULL;
	int64		broken_seq = 0;
	RegistryRole role;
	Portal		cursor;
	MemoryContext caller = CurrentMemoryContext;

	bool		with_head = PG_NARGS() == 2;
	int64		head_seq = 0;
	uint8		head_hash[PG_SHA256_DIGEST_LENGTH];

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "ismap: verify_history must return a record");
	tupdesc = BlessTupleDesc(tupdesc);
	memset(expected_prev, 0, sizeof(expected_prev));
	if (with_head)
		read_recorded_head(fcinfo, &head_seq, head_hash);

	SPI_connect();
	registry_role_enter(&role);
	if (rows.plan == NULL)
		kept_plan_run(&rows, NULL, NULL, true, 1);	/* prepares the plan */
	cursor = SPI_cursor_open(NULL, rows.plan, NULL, NULL, true);
	while (problem == NULL)
	{
		SPI_cursor_fetch(cursor, true, 1000);
		if (SPI_processed == 0)
			break;
		for (uint64 i = 0; i < SPI_processed && problem == NULL; i++)
		{
			LogRow		row;
			uint8		stored_prev[PG_SHA256_DIGEST_LENGTH];
			uint8		stored_hash[PG_SHA256_DIGEST_LENGTH];
			uint8		digest[PG_SHA256_DIGEST_LENGTH];
			bool		isnull;
			HeapTuple	t = SPI_tuptable->vals[i];
			TupleDesc	d = SPI_tuptable->tupdesc;

			spi_get_int64(i, 1, &row.seq);
			row.table_name = SPI_getvalue(t, d, 2);
			row.row_key = SPI_getvalue(t, d, 3);
			row.operation = SPI_getvalue(t, d, 4);
			row.before = SPI_getvalue(t, d, 5);
			row.after = SPI_getvalue(t, d, 6);
			row.session_user_name = SPI_getvalue(t, d, 7);
			row.acting_user_name = SPI_getvalue(t, d, 8);
			row.recorded_at = DatumGetTimestampTz(SPI_getbinval(t, d, 9, &isnull));
			row.reason = SPI_getvalue(t, d, 10);
			broken_seq = row.seq;
			if (!copy_digest(SPI_getbinval(t, d, 11, &isnull), stored_prev) ||
				!copy_digest(SPI_getbinval(t, d, 12, &isnull), stored_hash))
				problem = "a hash is not 32 bytes";
			else if (row.seq != expected_seq)
			{
				problem = psprintf("row %lld is missing", (long long) expected_seq);
				broken_seq = expected_seq;
			}
			else if (memcmp(stored_prev, expected_prev, sizeof(expected_prev)) != 0)
				problem = "prev_hash is not the hash of the row before";
			else
			{
				memcpy(row.prev_hash, stored_prev, sizeof(stored_prev));
				hash_row(&row, digest);
				if (memcmp(digest, stored_hash, sizeof(digest)) != 0)
					problem = "the row does not match its hash";
				else if (with_head && row.seq == head_seq &&
						 memcmp(stored_hash, head_hash, sizeof(head_hash)) != 0)
					problem = "the row's hash is not the one recorded as the head: the log was rewritten up to here";
			}
			memcpy(expected_prev, stored_hash, sizeof(stored_hash));
			expected_seq++;
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(cursor);
	if (problem == NULL && with_head && expected_seq <= head_seq)
	{
		problem = psprintf("the log ends at row %lld, before the head recorded at row %lld: rows were removed",
						   (long long) (expected_seq - 1), (long long) head_seq);
		broken_seq = expected_seq;
	}

	if (problem)
		problem = MemoryContextStrdup(caller, problem);
	registry_role_leave(&role);
	SPI_finish();

	if (problem == NULL)
		PG_RETURN_NULL();
	values[0] = Int64GetDatum(broken_seq);
	values[1] = CStringGetTextDatum(problem);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * ismap.history_head(OUT seq bigint, OUT hash text): the last row of the
 * log, to be recorded outside the database and checked later with
 * ismap.verify_history(seq, hash); nulls while the log is empty.
 */
Datum
ismap_history_head(PG_FUNCTION_ARGS)
{
	static KeptPlan last = {
		"SELECT seq, pg_catalog.encode(hash, 'hex') FROM ismap.history ORDER BY seq DESC LIMIT 1",
		0, {InvalidOid}
	};
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {true, true};
	RegistryRole role;
	MemoryContext caller = CurrentMemoryContext;
	int64		seq = 0;
	char	   *hash = NULL;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "ismap: history_head must return a record");
	tupdesc = BlessTupleDesc(tupdesc);
	SPI_connect();
	registry_role_enter(&role);
	kept_plan_run(&last, NULL, NULL, true, 1);
	registry_role_leave(&role);
	if (SPI_processed == 1 && spi_get_int64(0, 1, &seq))
		hash = MemoryContextStrdup(caller, spi_get_text(0, 2));
	SPI_finish();
	if (hash != NULL)
	{
		values[0] = Int64GetDatum(seq);
		values[1] = CStringGetTextDatum(hash);
		nulls[0] = nulls[1] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
