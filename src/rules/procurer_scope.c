/*
 * procurer_scope.c
 *		The dated scope of 附則2 (use_procurer_scope): from which day each
 *		kind of procuring body procures from the lists.
 *
 * One row per kind, written with the extension (the ministries from the
 * scheme_start setting, the other kinds NULL: not in scope); never
 * inserted nor deleted.  The committee changes a date by UPDATE of
 * in_scope_from, logged, and a change never rewrites a past day:
 *
 *	- the new date is not before today;
 *	- the old date is not before today: a kind in scope since a past day
 *	  stays so (moving its date later, or to NULL, would take past days
 *	  out of scope; moving it earlier is refused by the first point);
 *	- a kind whose date is today or later may be moved to another day from
 *	  today on, or to NULL, unless a procurement of a body of that kind is
 *	  already recorded on a day the change takes out of scope (today's).
 *
 * So the scope of every day before today stays as it was, and so does
 * every procurement recorded under it.  Setting the same date again
 * changes nothing and is accepted.  A superuser's restore replaces the
 * row of the extension's script by the dumped one.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/rel.h"

#include "base/errors.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "rules/authority.h"
#include "store/columns.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_procurer_scope_check);

static const char *
date_or_null(bool given, DateADT day)
{
	return given ? ismap_date_text(day) : "NULL (not in scope)";
}

/*
 * A restored row replaces the row of its kind that the extension's script
 * wrote (the dump holds every row as the committee left it).
 */
static Datum
restored_scope_row(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	char	   *kind = tuple_get_text(td->tg_trigtuple, RelationGetDescr(td->tg_relation), "kind");
	Datum		arg;

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && kind != NULL)
	{
		arg = CStringGetTextDatum(kind);
		SPI_connect();
		if (SPI_execute_with_args("SELECT ctid FROM ismap.procurer_scope"
								  " WHERE kind OPERATOR(pg_catalog.=) $1::ismap.body_kind",
								  1, (Oid[]) {TEXTOID}, &arg, NULL, false, 0) != SPI_OK_SELECT)
			elog(ERROR, "procurer_scope: reading the row of kind %s failed", kind);
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			bool		isnull;
			ItemPointer tid = (ItemPointer) DatumGetPointer(
															SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull));

			simple_heap_delete(td->tg_relation, tid);
		}
		SPI_finish();
		CommandCounterIncrement();
	}
	return restored_row(fcinfo);
}

/* Refused if a procurement of a body of 'kind' is recorded on or after 'from' (before 'until'). */
static void
check_no_procurement_taken_out(const char *kind, DateADT from, bool has_until, DateADT until)
{
	Datum		args[3] = {CStringGetTextDatum(kind), DateADTGetDatum(from),
	DateADTGetDatum(has_until ? until : DATEVAL_NOEND)};
	RegistryRole role;
	uint64		n;

	SPI_connect();
	registry_role_enter(&role);
	if (SPI_execute_with_args("SELECT 1 FROM ismap.procurements p"
							  " JOIN ismap.procuring_bodies b ON b.body_id OPERATOR(pg_catalog.=) p.body_id"
							  " WHERE b.kind OPERATOR(pg_catalog.=) $1::ismap.body_kind"
							  "   AND p.contracted_on OPERATOR(pg_catalog.>=) $2"
							  "   AND p.contracted_on OPERATOR(pg_catalog.<) $3",
							  3, (Oid[]) {TEXTOID, DATEOID, DATEOID}, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "procurer_scope: reading the procurements failed");
	n = SPI_processed;
	registry_role_leave(&role);
	SPI_finish();
	if (n > 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURER_SCOPE,
					 "the change would take a recorded procurement out of scope",
					 errdetail("A procurement of a body of kind %s is recorded on or after %s.",
							   kind, ismap_date_text(from)),
					 errhint("The scope of a day on which procurements are recorded stays as it is."));
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.procurer_scope FOR EACH ROW */
Datum
ismap_procurer_scope_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	ActingRole	actor;
	char	   *old_kind;
	char	   *new_kind;
	DateADT		old_day = 0;
	DateADT		new_day = 0;
	bool		has_old;
	bool		has_new;
	DateADT		today;

	trigger_check(fcinfo, "ismap_procurer_scope_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_scope_row(fcinfo);
	actor = current_actor();
	require_capacity(&actor, CAPACITY_COMMITTEE, "set the scope of a kind of procuring body");
	if (!TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_USE_PROCURER_SCOPE,
					 "the procurer scope has one row per kind, never inserted or deleted",
					 errdetail("The rows of ismap.procurer_scope come with the extension."),
					 errhint("Set a kind's date with UPDATE ismap.procurer_scope SET in_scope_from = ... WHERE kind = ...; NULL means not in scope."));
	desc = RelationGetDescr(td->tg_relation);
	old_kind = tuple_get_text(td->tg_trigtuple, desc, "kind");
	new_kind = tuple_get_text(td->tg_newtuple, desc, "kind");
	if (new_kind == NULL || strcmp(old_kind, new_kind) != 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURER_SCOPE,
					 "the kind of a procurer scope row is never changed",
					 errdetail("kind %s would become %s.", old_kind, new_kind ? new_kind : "NULL"),
					 errhint("Change in_scope_from of the kind's own row."));
	has_old = tuple_get_date(td->tg_trigtuple, desc, "in_scope_from", &old_day);
	has_new = tuple_get_date(td->tg_newtuple, desc, "in_scope_from", &new_day);
	if (has_old == has_new && (!has_old || old_day == new_day))
		return PointerGetDatum(td->tg_newtuple);
	today = ismap_today();
	if (has_new && DATE_NOT_FINITE(new_day))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURER_SCOPE,
					 "a procurer scope date must be a calendar day",
					 errdetail("in_scope_from is %s.", ismap_date_text(new_day)),
					 errhint("Give a day from today on, or NULL for not in scope."));
	if (has_new && new_day < today)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURER_SCOPE,
					 "a procurer scope date cannot be before today",
					 errdetail("in_scope_from of kind %s would be %s; today is %s.", old_kind,
							   ismap_date_text(new_day), ismap_date_text(today)),
					 errhint("Changes never rewrite a past day: give a day from %s on.",
							 ismap_date_text(today)));
	if (has_old && old_day < today)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURER_SCOPE,
					 "the change would take past days out of scope",
					 errdetail("Kind %s is in scope since %s; it would be %s.", old_kind,
							   ismap_date_text(old_day), date_or_null(has_new, new_day)),
					 errhint("Changes never rewrite a past day: a kind in scope since a past day stays in scope."));
	if (has_old && (!has_new || new_day > old_day))
		check_no_procurement_taken_out(old_kind, old_day, has_new, new_day);
	return PointerGetDatum(td->tg_newtuple);
}
