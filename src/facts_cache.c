/*
 * facts_cache.c
 *		The copy of a registration's facts kept on its row (column facts of
 *		ismap.auditors and ismap.service_registrations), and the change feed.
 *
 * The registry tables are the record; a registration's status on any day
 * depends on its terms, its renewal applications and its status changes.
 * AFTER triggers copy those facts onto the registration row whenever one
 * of them changes, and for a service registration write down the periods
 * it spends on the public list (list_spans.c).  The lists read one row per
 * registration: the auditor list computes each status with
 * ismap.registration_standing(), a pure function; the cloud service list
 * filters the stored periods.  No lookup per row, nothing written on read,
 * fine on a hot standby.  The rule checks read the copy too, while no
 * refresh is due (see "the checks read the copy while it is current").
 *
 * When a refresh changes the registration's place on today's public list
 * (added, dropped, or a new status or expiry), it sends
 * NOTIFY ismap_list_changed with a JSON payload; PostgreSQL delivers it on
 * commit and drops it on rollback.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/async.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "ismap.h"
#include "list_spans.h"
#include "listing_status.h"
#include "registration_facts.h"
#include "scan_table.h"

PG_FUNCTION_INFO_V1(ismap_registration_standing);
PG_FUNCTION_INFO_V1(ismap_facts_refresh);

typedef struct StandingCache
{
	TupleDesc	tupdesc;		/* blessed result type */
	TupleDesc	facts_desc;		/* ismap.registration_facts */
	Datum		status[LISTING_REMOVED + 1];	/* the listing_status values */
} StandingCache;

/* Looked up once per query (per FmgrInfo), not once per row. */
static StandingCache *
standing_cache(FunctionCallInfo fcinfo)
{
	StandingCache *cache = (StandingCache *) fcinfo->flinfo->fn_extra;
	MemoryContext old;
	TupleDesc	tupdesc;

	if (cache != NULL)
		return cache;
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "ismap: registration_standing must return a record");
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	cache = palloc0(sizeof(StandingCache));
	cache->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
	cache->facts_desc =
		lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(PG_GETARG_HEAPTUPLEHEADER(0)), -1);
	for (int st = LISTING_VALID; st <= LISTING_REMOVED; st++)
		cache->status[st] = listing_status_datum((ListingStatus) st,
												 TupleDescAttr(cache->tupdesc, 0)->atttypid);
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = cache;
	return cache;
}

/*
 * ismap.registration_standing(facts ismap.registration_facts, registered_on
 *   date, day date, OUT status, OUT audit_period_start, OUT audit_period_end,
 *   OUT valid_until, OUT audit_id, OUT auditor_id, OUT renewal_filed_on):
 *   the status on a day, the term in force that day, and the filing date of
 *   a renewal pending that day, from a copy of the facts.  Pure: it reads no
 *   table, so the lists need no lookup per row.
 */
Datum
ismap_registration_standing(PG_FUNCTION_ARGS)
{
	StandingCache *cache = standing_cache(fcinfo);
	RegistrationFacts facts;
	Standing	s;
	Datum		values[7];
	bool		nulls[7] = {true, true, true, true, true, true, true};
	const Renewal *pending;

	facts_from_composite(PG_GETARG_HEAPTUPLEHEADER(0), cache->facts_desc, PG_GETARG_DATEADT(1),
						 &facts);
	s = standing_on(&facts, PG_GETARG_DATEADT(2));
	if (s.status != LISTING_NONE && s.term != NULL)
	{
		values[0] = cache->status[s.status];
		values[1] = DateADTGetDatum(s.term->valid_from);
		values[2] = DateADTGetDatum(s.term->period_end);
		values[3] = DateADTGetDatum(s.term->valid_until);
		values[4] = Int64GetDatum(s.term->audit_id);
		values[5] = Int64GetDatum(s.term->auditor_id);
		memset(nulls, false, 6 * sizeof(bool));
		pending = renewal_pending_on(&facts, PG_GETARG_DATEADT(2));
		if (pending != NULL)
		{
			values[6] = DateADTGetDatum(pending->filed_on);
			nulls[6] = false;
		}
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
}

static Datum
date_array(int n, const DateADT *days, const bool *nulls)
{
	Datum	   *elems = palloc(sizeof(Datum) * (n + 1));
	int			dims[1] = {n};
	int			lbs[1] = {1};

	for (int i = 0; i < n; i++)
		elems[i] = DateADTGetDatum(days[i]);
	return PointerGetDatum(construct_md_array(elems, (bool *) nulls, 1, dims, lbs,
											  DATEOID, sizeof(DateADT), true, 'i'));
}

static Datum
int64_array(int n, const int64 *ids)
{
	Datum	   *elems = palloc(sizeof(Datum) * (n + 1));

	for (int i = 0; i < n; i++)
		elems[i] = Int64GetDatum(ids[i]);
	return PointerGetDatum(construct_array(elems, n, INT8OID, sizeof(int64),
										   FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* The ten arrays of ismap.registration_facts, in its order, as args[0..9]. */
static void
facts_as_arrays(const RegistrationFacts *facts, Datum *args)
{
	int			nt = facts->nterms,
				nr = facts->nrenewals,
				nc = facts->nchanges;
	int			most = Max(Max(nt, nr), nc) + 1;
	DateADT    *d[7];
	int64	   *audit_ids = palloc(sizeof(int64) * (nt + 1));
	int64	   *auditor_ids = palloc(sizeof(int64) * (nt + 1));
	bool	   *undecided = palloc0(sizeof(bool) * (nr + 1));
	Datum	   *actions = palloc(sizeof(Datum) * (nc + 1));

	for (int k = 0; k < 7; k++)
		d[k] = palloc(sizeof(DateADT) * most);
	for (int i = 0; i < nt; i++)
	{
		d[0][i] = facts->terms[i].in_force_from;
		d[1][i] = facts->terms[i].valid_from;
		d[2][i] = facts->terms[i].period_end;
		d[3][i] = facts->terms[i].valid_until;
		audit_ids[i] = facts->terms[i].audit_id;
		auditor_ids[i] = facts->terms[i].auditor_id;
	}
	for (int i = 0; i < nr; i++)
	{
		d[4][i] = facts->renewals[i].filed_on;
		d[5][i] = facts->renewals[i].resolved_on;
		undecided[i] = (facts->renewals[i].resolved_on == DATEVAL_NOEND);
	}
	for (int i = 0; i < nc; i++)
	{
		StatusAction a = facts->changes[i].action;

		actions[i] = CStringGetTextDatum(a == ACTION_SUSPEND ? "suspend" :
										 a == ACTION_LIFT ? "lift" : "remove");
		d[6][i] = facts->changes[i].effective_on;
	}

	args[0] = date_array(nt, d[0], NULL);
	args[1] = date_array(nt, d[1], NULL);
	args[2] = date_array(nt, d[2], NULL);
	args[3] = date_array(nt, d[3], NULL);
	args[4] = int64_array(nt, audit_ids);
	args[5] = int64_array(nt, auditor_ids);
	args[6] = date_array(nr, d[4], NULL);
	args[7] = date_array(nr, d[5], undecided);
	args[8] = PointerGetDatum(construct_array(actions, nc, TEXTOID, -1, false,
											  TYPALIGN_INT));
	args[9] = date_array(nc, d[6], NULL);
}

static bool
on_list(ListingStatus status)
{
	return in_force_status(status);
}

/*
 * NOTIFY ismap_list_changed when the registration's entry on today's list
 * differs between the old and the new facts.
 */
static void
notify_if_list_changed(FactQueries *q, const char *number,
					   const RegistrationFacts *old_facts,
					   const RegistrationFacts *new_facts)
{
	DateADT		today = ismap_today();
	Standing	before = {LISTING_NONE, NULL};
	Standing	after = standing_on(new_facts, today);
	StringInfoData payload;

	if (old_facts != NULL)
		before = standing_on(old_facts, today);
	if (!on_list(before.status) && !on_list(after.status))
		return;
	if (before.status == after.status && before.term && after.term &&
		before.term->valid_until == after.term->valid_until)
		return;

	initStringInfo(&payload);
	appendStringInfo(&payload, "{\"list\": \"%s\", \"registration_number\": ", q->list_name);
	escape_json(&payload, number);
	appendStringInfo(&payload, ", \"old_status\": %s%s%s, \"new_status\": %s%s%s, \"valid_until\": %s%s%s}",
					 on_list(before.status) ? "\"" : "",
					 on_list(before.status) ? listing_status_label(before.status) : "null",
					 on_list(before.status) ? "\"" : "",
					 on_list(after.status) ? "\"" : "",
					 on_list(after.status) ? listing_status_label(after.status) : "null",
					 on_list(after.status) ? "\"" : "",
					 after.term ? "\"" : "",
					 after.term ? ismap_date_text(after.term->valid_until) : "null",
					 after.term ? "\"" : "");
	Async_Notify("ismap_list_changed", payload.data);
}

/*
 * The facts as the composite ismap.registration_facts, the type of column
 * facts_attno of a registrations table.
 */
Datum
facts_datum(TupleDesc desc, int facts_attno, const RegistrationFacts *facts)
{
	TupleDesc	facts_desc = lookup_rowtype_tupdesc(TupleDescAttr(desc, facts_attno - 1)->atttypid, -1);
	Datum		arrays[10];
	bool		array_nulls[10] = {false};
	HeapTuple	composite;
	Datum		result;

	facts_as_arrays(facts, arrays);
	composite = heap_form_tuple(facts_desc, arrays, array_nulls);
	result = heap_copy_tuple_as_datum(composite, facts_desc);
	ReleaseTupleDesc(facts_desc);
	return result;
}

/* The registration row with its facts replaced by 'facts'. */
static HeapTuple
with_facts(HeapTuple row, TupleDesc desc, int facts_attno, const RegistrationFacts *facts)
{
	Datum	   *values = palloc0(sizeof(Datum) * desc->natts);
	bool	   *nulls = palloc0(sizeof(bool) * desc->natts);
	bool	   *replace = palloc0(sizeof(bool) * desc->natts);

	values[facts_attno - 1] = facts_datum(desc, facts_attno, facts);
	replace[facts_attno - 1] = true;
	return heap_modify_tuple(row, desc, values, nulls, replace);
}

/*
 * The facts a write of a service application gave its registration, in
 * this (sub)transaction, ahead of the application row: the refresh that
 * the application's after trigger would make next reads the same rows and
 * finds the same facts, so it is skipped (facts_written_for).  One at a
 * time: a statement that writes several applications refreshes all but
 * the last.
 */
static struct
{
	XactScope	scope;
	int64		registration_id;
	int64		application_id;
	DateADT		decided_on;		/* DATEVAL_NOEND: undecided */
}			written_facts;

static void
remember_written_facts(int64 registration_id, int64 application_id, DateADT decided_on)
{
	set_xact_scope(&written_facts.scope);
	written_facts.registration_id = registration_id;
	written_facts.application_id = application_id;
	written_facts.decided_on = decided_on;
}

/*
 * A service approval has written registration 'id' (with this number, of
 * this service) and the facts it now has: store its list periods, tell
 * listeners if today's list changed, and spare the after trigger's
 * refresh.  old_facts: the registration's facts before, NULL if it is new.
 */
void
approval_wrote_facts_of(int64 id, const char *number, int64 service_id,
						const RegistrationFacts *old_facts, const RegistrationFacts *new_facts,
						int64 application_id, DateADT decided_on)
{
	list_spans_store(id, number, service_id, new_facts, old_facts == NULL);
	notify_if_list_changed(&service_queries, number, old_facts, new_facts);
	remember_written_facts(id, application_id, decided_on);
}

/* Whether the write of this application row gave registration 'id' its facts. */
static bool
facts_written_for(int64 id, HeapTuple application, TupleDesc desc)
{
	int64		application_id;
	DateADT		decided_on;

	if (!in_xact_scope(&written_facts.scope) || written_facts.registration_id != id ||
		!tuple_get_int64(application, desc, "application_id", &application_id))
		return false;
	if (!tuple_get_date(application, desc, "decided_on", &decided_on))
		decided_on = DATEVAL_NOEND;
	if (application_id != written_facts.application_id || decided_on != written_facts.decided_on)
		return false;
	written_facts.registration_id = 0;
	return true;
}

/*
 * Write 'new_facts' onto registration 'id' (its row 'row', as the statement
 * sees it, locked), rewrite its list periods, and tell listeners if that
 * changed today's list.  The caller is connected to SPI, acting as the
 * registry's owner.
 *
 * The row is updated in place, like a catalog row: the facts are derived,
 * so the update fires no trigger (it is not a decision to log, and the
 * row's keys do not change), and it costs a heap update instead of an
 * UPDATE statement.  The registration's row lock, taken first, keeps
 * anyone else from changing the row meanwhile.
 */
static void
store_facts(FactQueries *q, int64 id, HeapTuple row, const RegistrationFacts *new_facts)
{
	RegistrationFacts old_facts;
	bool		had_facts = false;
	bool		isnull;
	char	   *number;
	DateADT		registered_on = 0;
	Datum		cached;
	Relation	rel = registrations_open(q->tables, RowExclusiveLock);
	TupleDesc	desc = RelationGetDescr(rel);
	int			facts_attno = column_number(desc, "facts");
	HeapTuple	updated;

	if (facts_attno <= 0)
	{
		table_close(rel, NoLock);
		return;
	}
	number = tuple_get_text(row, desc, "registration_number");
	tuple_get_date(row, desc, "registered_on", &registered_on);
	cached = heap_getattr(row, facts_attno, desc, &isnull);
	if (!isnull)
	{
		facts_from_composite(DatumGetHeapTupleHeader(cached), NULL, registered_on, &old_facts);
		had_facts = true;
	}

	updated = with_facts(row, desc, facts_attno, new_facts);
	simple_heap_update(rel, &row->t_self, updated);
	if (!HeapTupleIsHeapOnly(updated))
		direct_index_entries(q == &service_queries ? RULE_SVC_REGISTRATION_ON_APPROVAL :
							 RULE_AUD_APPLICATION_FLOW, rel, updated);
	table_close(rel, NoLock);

	if (q == &service_queries)
	{
		int64		service_id = 0;

		tuple_get_int64(row, desc, "service_id", &service_id);
		list_spans_store(id, number, service_id, new_facts, false);
	}
	notify_if_list_changed(q, number, had_facts ? &old_facts : NULL, new_facts);
}

/* Copy the facts of a registration, as the tables now hold them, onto its row. */
static void
refresh_facts(FactQueries *q, int64 id)
{
	RegistrationFacts facts;
	HeapTuple	row;

	if (!registration_lock(q, id) ||
		!facts_scan(q->tables, id, false, CurrentMemoryContext, &facts, NULL, &row) ||
		facts.nterms == 0)
		return;
	store_facts(q, id, row, &facts);
}

/*
 * The first renewal of service registration 'id' is being filed (as
 * application_id, on filed_on): its facts, 'facts' as read under the
 * registration's lock, gain that one undecided renewal.  Written now, and
 * the refresh the application's after trigger would make is skipped.
 */
void
renewal_filing_writes_facts(int64 id, const RegistrationFacts *facts, int64 application_id,
							DateADT filed_on)
{
	RegistrationFacts renewed = *facts;
	Renewal		renewal = {filed_on, DATEVAL_NOEND};
	Relation	rel;
	HeapTuple	row;

	Assert(facts->nrenewals == 0);
	renewed.nrenewals = 1;
	renewed.renewals = &renewal;
	rel = registrations_open(&service_tables, AccessShareLock);
	row = registration_current_row(&service_tables, rel, id);
	table_close(rel, NoLock);
	if (row == NULL)
		return;					/* the refresh will find nothing either */
	store_facts(&service_queries, id, row, &renewed);
	remember_written_facts(id, application_id, DATEVAL_NOEND);
}

/* ---------- the checks read the copy while it is current ---------- */

/*
 * The rule checks read a registration's facts under its lock.  The copy on
 * its row holds the same facts, for one row read instead of reading its
 * terms, renewals and status changes, except while a write to those tables
 * waits for its refresh: from the moment a check lets the row through (its
 * BEFORE trigger, facts_refresh_due) to the moment the row's refresh runs
 * (its AFTER trigger, at the end of the statement).  Each kind of
 * registration counts such rows per transaction, and while any is due the
 * checks read the tables.
 *
 * A row and its refresh are written in the same subtransaction, so when
 * one aborts, the count goes back to what it was when it began (its rows,
 * and the copies their refreshes wrote, are undone).  A row that never
 * gets its refresh otherwise (a later BEFORE trigger skipped it, the
 * refresh trigger is disabled) keeps the count up, and the checks read the
 * tables for the rest of the transaction, which is always right.
 */
static int
refreshes_due(const FactQueries *q)
{
	return q->refreshes_due_in == MyProc->lxid ? q->refreshes_due : 0;
}

static void
set_refreshes_due(FactQueries *q, int rows)
{
	q->refreshes_due_in = MyProc->lxid;
	q->refreshes_due = Max(rows, 0);
}

/* The counts when each open subtransaction began, by nesting level. */
typedef struct DueAtStart
{
	LocalTransactionId lxid;
	int			auditor_rows;
	int			service_rows;
} DueAtStart;

static DueAtStart *due_at_start = NULL;
static int	due_at_start_size = 0;

static void
restore_due_on_abort(SubXactEvent event, SubTransactionId mySubid,
					 SubTransactionId parentSubid, void *arg)
{
	int			level = GetCurrentTransactionNestLevel();

	if (event == SUBXACT_EVENT_START_SUB)
	{
		if (level >= due_at_start_size)
		{
			int			size = Max(16, 2 * level);

			due_at_start = due_at_start == NULL ?
				MemoryContextAlloc(TopMemoryContext, sizeof(DueAtStart) * size) :
				repalloc(due_at_start, sizeof(DueAtStart) * size);
			due_at_start_size = size;
		}
		due_at_start[level].lxid = MyProc->lxid;
		due_at_start[level].auditor_rows = refreshes_due(&auditor_queries);
		due_at_start[level].service_rows = refreshes_due(&service_queries);
	}
	else if (event == SUBXACT_EVENT_ABORT_SUB && level < due_at_start_size &&
			 due_at_start[level].lxid == MyProc->lxid)
	{
		set_refreshes_due(&auditor_queries, due_at_start[level].auditor_rows);
		set_refreshes_due(&service_queries, due_at_start[level].service_rows);
	}
}

void
facts_refresh_due(FactQueries *q)
{
	static bool callback_registered = false;

	if (!callback_registered)
	{
		RegisterSubXactCallback(restore_due_on_abort, NULL);
		callback_registered = true;
	}
	set_refreshes_due(q, refreshes_due(q) + 1);
}

static void
facts_refresh_ran(FactQueries *q)
{
	set_refreshes_due(q, refreshes_due(q) - 1);
}

/* Whether the copies of this kind of registration are current. */
bool
facts_copy_current(FactQueries *q)
{
	return refreshes_due(q) == 0;
}

/*
 * The facts in the copy on registration row 'row' of rel, allocated in
 * 'cxt'; *owner_id: its service or organization.  False if the row has no
 * copy (or the table no facts column).
 */
bool
facts_of_row(FactQueries *q, Relation rel, HeapTuple row, MemoryContext cxt,
			 RegistrationFacts *facts, int64 *owner_id)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			facts_attno = column_number(desc, "facts");
	Datum		copy;
	bool		isnull;
	MemoryContext old;

	if (facts_attno <= 0)
		return false;
	copy = heap_getattr(row, facts_attno, desc, &isnull);
	if (isnull)
		return false;
	if (owner_id)
		*owner_id = int64_column(&q->tables->registrations, REG_OWNER, row, desc);
	old = MemoryContextSwitchTo(cxt);
	facts_from_composite(DatumGetHeapTupleHeader(copy), NULL,
						 date_column(&q->tables->registrations, REG_REGISTERED_ON, row, desc, 0),
						 facts);
	MemoryContextSwitchTo(old);
	return true;
}

/*
 * The facts of registration 'id' (locked by the caller) from the copy on
 * its row, as the statement now sees it: facts_of_row().  False if the
 * copy is not current or missing: the caller reads the tables.
 */
bool
facts_from_copy(FactQueries *q, int64 id, MemoryContext cxt, RegistrationFacts *facts,
				int64 *owner_id)
{
	Relation	rel;
	HeapTuple	row;
	bool		found = false;

	if (!facts_copy_current(q))
		return false;
	rel = registrations_open(q->tables, AccessShareLock);
	row = registration_current_row(q->tables, rel, id);
	if (row != NULL)
		found = facts_of_row(q, rel, row, cxt, facts, owner_id);
	table_close(rel, NoLock);
	return found;
}

/*
 * An application update changes the facts only if it names another
 * registration or changes the decision date (a decision, or its
 * correction); accepting an application changes nothing the status reads.
 */
static bool
decision_changed(TriggerData *td)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	const char *target = td->tg_trigger->tgargs[1];
	int64		old_id,
				new_id;
	DateADT		old_day,
				new_day;
	bool		had_id = tuple_get_int64(td->tg_trigtuple, desc, target, &old_id);
	bool		has_id = tuple_get_int64(td->tg_newtuple, desc, target, &new_id);
	bool		had_day = tuple_get_date(td->tg_trigtuple, desc, "decided_on", &old_day);
	bool		has_day = tuple_get_date(td->tg_newtuple, desc, "decided_on", &new_day);

	return had_id != has_id || old_id != new_id ||
		had_day != has_day || old_day != new_day;
}

/*
 * AFTER INSERT OR UPDATE FOR EACH ROW on the tables of a registration's
 * facts (applications, status changes).  Arguments: 'auditor' or
 * 'service', and the column of the row that names the registration.
 */
Datum
ismap_facts_refresh(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	tup;
	int64		id;
	FactQueries *q;
	RegistryRole role;

	trigger_check(fcinfo, "ismap_facts_refresh", true, false);
	if (registry_restoring())
		return restored_row(fcinfo);
	if (td->tg_trigger->tgnargs != 2)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" must give ismap_facts_refresh a registry and a column",
						td->tg_trigger->tgname)));
	q = strcmp(td->tg_trigger->tgargs[0], "auditor") == 0 ? &auditor_queries : &service_queries;
	facts_refresh_ran(q);		/* the row's refresh runs now, or is not needed */
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	if (!tuple_get_int64(tup, RelationGetDescr(td->tg_relation), td->tg_trigger->tgargs[1], &id))
		return PointerGetDatum(NULL);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) && !decision_changed(td))
		return PointerGetDatum(NULL);
	if (q == &service_queries && facts_written_for(id, tup, RelationGetDescr(td->tg_relation)))
		return PointerGetDatum(NULL);

	SPI_connect();
	registry_role_enter(&role);
	refresh_facts(q, id);
	registry_role_leave(&role);
	SPI_finish();
	return PointerGetDatum(NULL);
}
