/*
 * status_changes.c
 *		Triggers on ismap.auditor_status_changes and
 *		ismap.service_status_changes: suspension, lifting and removal of a
 *		registration (ovs_suspension).
 *
 * A status change is a fact with an effective date and grounds.  Changes
 * are recorded in effective-date order, none before the scheme's start
 * (checked as a change is recorded, not when its grounds are corrected:
 * a correction moves no date); a suspension needs the
 * registration in force on its effective day; only a suspended
 * registration can be lifted; a removal is final.  Recorded changes are
 * never rewritten or deleted (sec_history).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "base/invisible_text.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "log/correction_reason.h"
#include "rules/authority.h"
#include "rules/demand_grounds.h"
#include "rules/labels.h"
#include "rules/past_decisions.h"
#include "rules/scheme_start.h"
#include "state/fact_tables.h"
#include "state/facts_due.h"
#include "state/listing_status.h"
#include "state/registration_facts.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_auditor_status_changes_check);
PG_FUNCTION_INFO_V1(ismap_service_status_changes_check);

typedef struct ChangeRow
{
	const char *noun;			/* "auditor" or "registration" */
	bool		has_target;
	int64		target_id;
	char	   *action;
	bool		has_effective_on;
	DateADT		effective_on;
	char	   *grounds;
} ChangeRow;

static void
read_change(HeapTuple tup, TupleDesc desc, const char *target_column, ChangeRow *c)
{
	bool		isnull;
	Datum		d;

	d = SPI_getbinval(tup, desc, SPI_fnumber(desc, target_column), &isnull);
	c->has_target = !isnull;
	c->target_id = isnull ? 0 : DatumGetInt64(d);
	c->action = SPI_getvalue(tup, desc, SPI_fnumber(desc, "action"));
	d = SPI_getbinval(tup, desc, SPI_fnumber(desc, "effective_on"), &isnull);
	c->has_effective_on = !isnull;
	c->effective_on = isnull ? 0 : DatumGetDateADT(d);
	c->grounds = SPI_getvalue(tup, desc, SPI_fnumber(desc, "grounds"));
}

static void
check_values(const ChangeRow *c)
{
	if (!c->has_target || c->action == NULL || !c->has_effective_on)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_OVS_SUSPENSION,
					 psprintf("a status change needs the %s, an action and an effective date", c->noun),
					 errdetail("The %s, action or effective_on is null.", c->noun),
					 errhint("Give all three, and the grounds."));
	if (text_is_invisible(c->grounds))
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_OVS_SUSPENSION,
					 "a status change needs its grounds",
					 errdetail("grounds is null or blank."),
					 errhint("State the grounds of the committee's decision."));
	if (DATE_NOT_FINITE(c->effective_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, RULE_OVS_SUSPENSION,
					 "an effective date must be a calendar day",
					 errdetail("effective_on is %s.", ismap_date_text(c->effective_on)),
					 errhint("Give the day from which the change takes effect."));
}

static void
check_against_facts(const ChangeRow *c, const RegistrationFacts *facts)
{
	StatusAction action = status_action_from_label(c->action);
	const StatusChange *last = last_change_before(facts, DATEVAL_NOEND, true, false);
	const StatusChange *last_suspension;
	Standing	s;

	if (c->effective_on < facts->registered_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_SUSPENSION,
					 "a status change cannot take effect before the registration",
					 errdetail("The %s was registered on %s; the change is effective on %s.",
							   fact_subject_label(c->noun, c->target_id),
							   ismap_date_text(facts->registered_on),
							   ismap_date_text(c->effective_on)),
					 errhint("Give an effective date on or after %s.",
							 ismap_date_text(facts->registered_on)));
	if (is_removed_by(facts, DATEVAL_NOEND))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
					 psprintf("a removed %s cannot change status", c->noun),
					 errdetail("The %s is removed; removal is final.",
							   fact_subject_label(c->noun, c->target_id)),
					 errhint("A new application makes a new registration."));
	if (last != NULL &&
		(c->effective_on < last->effective_on ||
		 (c->effective_on == last->effective_on && action != ACTION_REMOVE)))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_SUSPENSION,
					 "status changes are recorded in effective-date order",
					 errdetail("The last change of %s takes effect on %s; this one on %s.",
							   fact_subject_label(c->noun, c->target_id),
							   ismap_date_text(last->effective_on),
							   ismap_date_text(c->effective_on)),
					 errhint("Give an effective date after %s (a removal may share the day).",
							 ismap_date_text(last->effective_on)));

	last_suspension = last_change_before(facts, DATEVAL_NOEND, true, true);
	if (action == ACTION_LIFT &&
		(last_suspension == NULL || last_suspension->action != ACTION_SUSPEND))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
					 psprintf("only a suspended %s can have its suspension lifted", c->noun),
					 errdetail("The %s is not suspended.", fact_subject_label(c->noun, c->target_id)),
					 errhint("Record a suspension first, or nothing."));
	if (action == ACTION_SUSPEND)
	{
		if (last_suspension != NULL && last_suspension->action == ACTION_SUSPEND)
			ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
						 psprintf("the %s is already suspended", c->noun),
						 errdetail("The %s has been suspended since %s.",
								   fact_subject_label(c->noun, c->target_id),
								   ismap_date_text(last_suspension->effective_on)),
						 errhint("Lift the suspension first, or remove the registration."));
		s = standing_on(facts, c->effective_on);
		if (s.status != LISTING_VALID && s.status != LISTING_RENEWAL_PENDING)
			ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
						 "only a registration in force can be suspended",
						 errdetail("The %s %s on %s.", fact_subject_label(c->noun, c->target_id),
								   standing_phrase(s.status),
								   ismap_date_text(c->effective_on)),
						 errhint("Suspend it with an effective date on which it is valid or in renewal grace."));
	}
}

/*
 * What was recorded since the change takes effect must still stand with it
 * (past_decisions.c): the audits of an auditor after its suspension or
 * removal, the renewals of a registration after its removal.
 */
static void
check_recorded_since(FactQueries *q, const ChangeRow *c, const RegistrationFacts *facts)
{
	StatusAction action = status_action_from_label(c->action);
	RegistrationFacts after = *facts;
	StatusChange *changes;

	if (action == ACTION_LIFT)
		return;
	if (action == ACTION_REMOVE)
		check_renewals_before_removal(c->noun, c->target_id, facts, c->effective_on);
	if (q != &auditor_queries)
		return;
	/* the auditor's changes with this one, last: they are in effective-date order */
	changes = palloc(sizeof(StatusChange) * (facts->nchanges + 1));
	memcpy(changes, facts->changes, sizeof(StatusChange) * facts->nchanges);
	changes[facts->nchanges].action = action;
	changes[facts->nchanges].effective_on = c->effective_on;
	after.changes = changes;
	after.nchanges = facts->nchanges + 1;
	check_audits_still_rest(c->target_id, &after, c->effective_on,
							action == ACTION_SUSPEND ? "a suspension effective on" :
							"a removal effective on");
}

/*
 * ismap.correct() may fix the grounds of a recorded change (a garbled
 * text), and nothing else of it.
 */
static HeapTuple
checked_grounds_correction(TriggerData *td, const char *target_column)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	ChangeRow	o,
				n;

	read_change(td->tg_trigtuple, desc, target_column, &o);
	read_change(td->tg_newtuple, desc, target_column, &n);
	if (o.target_id != n.target_id || strcmp(o.action, n.action) != 0 ||
		o.effective_on != n.effective_on ||
		demand_grounds_differ(td->tg_trigtuple, td->tg_newtuple, desc))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "only the grounds of a recorded status change can be corrected",
					 errdetail("The correction would change its registration, action, effective date or the demand it rests on."),
					 errhint("Record a new status change instead."));
	n.noun = o.noun = "registration";
	check_values(&n);
	return td->tg_newtuple;
}

static Datum
status_changes_check(FunctionCallInfo fcinfo, const char *funcname,
					 FactQueries *q, const char *target_column)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	ChangeRow	change;
	RegistrationFacts facts;
	RegistryRole role;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, funcname, true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	desc = RelationGetDescr(td->tg_relation);

	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) && correction_reason() != NULL)
		return PointerGetDatum(checked_grounds_correction(td, target_column));
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a recorded status change is never rewritten or deleted",
					 errdetail("Status changes are facts of the registry's history."),
					 errhint("Record a new status change (a lift undoes a suspension)."));

	require_capacity(&actor, CAPACITY_COMMITTEE, "suspend, lift or remove a registration");
	change.noun = q->noun;
	read_change(td->tg_trigtuple, desc, target_column, &change);
	check_values(&change);
	check_not_before_scheme_start(change.effective_on, RULE_OVS_SUSPENSION, "a status change",
								  "effective_on");

	SPI_connect();
	registry_role_enter(&role);
	if (!registration_lock_facts(q, change.target_id, CurrentMemoryContext, &facts, NULL))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_OVS_SUSPENSION,
					 psprintf("there is no such %s", q->noun),
					 errdetail("There is no %s %lld.", q->noun, (long long) change.target_id),
					 errhint("Give the %s of an existing %s.", target_column, q->noun));
	check_against_facts(&change, &facts);
	check_demand_grounds(q == &auditor_queries, change.target_id, change.action,
						 change.effective_on, td->tg_trigtuple, desc);
	check_recorded_since(q, &change, &facts);
	registry_role_leave(&role);
	SPI_finish();

	facts_refresh_due(q);		/* the row's after trigger refreshes */
	return PointerGetDatum(td->tg_trigtuple);
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.auditor_status_changes FOR EACH ROW */
Datum
ismap_auditor_status_changes_check(PG_FUNCTION_ARGS)
{
	return status_changes_check(fcinfo, "ismap_auditor_status_changes_check",
								&auditor_queries, "auditor_id");
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.service_status_changes FOR EACH ROW */
Datum
ismap_service_status_changes_check(PG_FUNCTION_ARGS)
{
	return status_changes_check(fcinfo, "ismap_service_status_changes_check",
								&service_queries, "registration_id");
}
