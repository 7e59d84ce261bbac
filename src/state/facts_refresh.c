/*
 * facts_refresh.c
 *		Keeping the copy of a registration's facts on its row current, and
 *		the change feed.
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
 * refresh is due (facts_due.c).
 *
 * When a refresh changes the registration's place on today's public list
 * (added, dropped, or a new status or expiry), it sends
 * NOTIFY ismap_list_changed with a JSON payload; PostgreSQL delivers it on
 * commit and drops it on rollback.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "commands/async.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/json.h"

#include "base/errors.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "base/xact_scope.h"
#include "state/fact_tables.h"
#include "state/facts_copy.h"
#include "state/facts_due.h"
#include "state/facts_refresh.h"
#include "state/facts_scan.h"
#include "state/list_spans.h"
#include "state/listing_status.h"
#include "state/registration_facts.h"
#include "store/columns.h"
#include "store/direct_writes.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_facts_refresh);

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
	direct_update(q == &service_queries ? RULE_SVC_REGISTRATION_ON_APPROVAL :
				  RULE_AUD_APPLICATION_FLOW, rel, &row->t_self, updated);
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
	if (registry_restoring(fcinfo))
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
