/*
 * investigations.c
 *		Trigger on ismap.investigations: the committee's investigations of
 *		registered cloud services and auditors (ovs_monitoring, 5.1).
 *
 * An investigation is of exactly one subject, a service registration or an
 * auditor, registered (valid, in renewal grace or suspended) on the day it
 * is opened, which is not after today.  It stays open until the committee
 * closes it: closing sets closed_on (from opened_on to today) and the
 * finding together, once; issues_found needs the text of what was found,
 * no_issue may have one.  The subject need not be registered any more when
 * the investigation closes (it may have been removed meanwhile).  An
 * investigation may also be recorded closed at once (one held before it
 * was recorded), under the same checks.  A closed investigation is never
 * changed again, and none is deleted (sec_history); ismap.correct() may
 * fix the mistyped text of a finding, and nothing else.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "executor/spi.h"

#include "base/errors.h"
#include "base/invisible_text.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "log/correction_reason.h"
#include "rules/authority.h"
#include "rules/labels.h"
#include "rules/scheme_start.h"
#include "state/fact_tables.h"
#include "state/listing_status.h"
#include "state/registered_on.h"
#include "store/columns.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_investigations_check);

typedef struct InvestigationRow
{
	int64		investigation_id;
	bool		has_registration;
	int64		registration_id;
	bool		has_auditor;
	int64		auditor_id;
	bool		has_opened_on;
	DateADT		opened_on;
	bool		has_closed_on;
	DateADT		closed_on;
	char	   *finding;		/* "no_issue", "issues_found" or NULL */
	char	   *finding_text;
} InvestigationRow;

static void
read_investigation(HeapTuple tup, TupleDesc desc, InvestigationRow *v)
{
	tuple_get_int64(tup, desc, "investigation_id", &v->investigation_id);
	v->has_registration = tuple_get_int64(tup, desc, "registration_id", &v->registration_id);
	v->has_auditor = tuple_get_int64(tup, desc, "auditor_id", &v->auditor_id);
	v->has_opened_on = tuple_get_date(tup, desc, "opened_on", &v->opened_on);
	v->has_closed_on = tuple_get_date(tup, desc, "closed_on", &v->closed_on);
	v->finding = tuple_get_text(tup, desc, "finding");
	v->finding_text = tuple_get_text(tup, desc, "finding_text");
}

/* Closed: a closing date or a finding recorded (the checks keep them together). */
static bool
is_closed(const InvestigationRow *v)
{
	return v->has_closed_on || v->finding != NULL;
}

static void
check_opening(const InvestigationRow *v)
{
	if (v->has_registration == v->has_auditor)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_MONITORING,
					 "an investigation is of one service registration or one auditor",
					 errdetail("%s", v->has_registration ?
							   "Both registration_id and auditor_id are given." :
							   "Neither registration_id nor auditor_id is given."),
					 errhint("Give exactly one of them."));
	if (!v->has_opened_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_MONITORING,
					 "an investigation needs the day it was opened",
					 errdetail("opened_on is null."),
					 errhint("Give the day the committee opened it."));
	check_recorded_day(v->opened_on, RULE_OVS_MONITORING, "an investigation", "opened_on");
}

/*
 * The closing of an investigation, as recorded on row v: the day and the
 * finding together, the day from opened_on to today, and the text of the
 * finding where one is needed.  On an open row, no finding text either.
 */
static void
check_closing(const InvestigationRow *v)
{
	if (v->has_closed_on != (v->finding != NULL))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_MONITORING,
					 "an investigation is closed with its closing day and its finding together",
					 errdetail("%s", v->has_closed_on ?
							   "closed_on is given without a finding." :
							   "A finding is given without closed_on."),
					 errhint("Set closed_on and finding in the same statement."));
	if (!is_closed(v))
	{
		if (v->finding_text != NULL)
			ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_MONITORING,
						 "an open investigation has no finding text",
						 errdetail("finding_text is given without a finding."),
						 errhint("Give finding_text when the investigation is closed, with its finding."));
		return;
	}
	check_recorded_day(v->closed_on, RULE_OVS_MONITORING, "the closing of an investigation", "closed_on");
	if (v->closed_on < v->opened_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_MONITORING,
					 "an investigation cannot be closed before it was opened",
					 errdetail("Investigation %lld was opened on %s; closed_on is %s.",
							   (long long) v->investigation_id, ismap_date_text(v->opened_on),
							   ismap_date_text(v->closed_on)),
					 errhint("Give a closed_on on or after %s.", ismap_date_text(v->opened_on)));
	if (strcmp(v->finding, "issues_found") == 0 && v->finding_text == NULL)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_MONITORING,
					 "a finding of issues needs the text of what was found",
					 errdetail("finding is issues_found and finding_text is null."),
					 errhint("Say in finding_text what the investigation found."));
	if (v->finding_text != NULL && text_is_invisible(v->finding_text))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_MONITORING,
					 "a finding text cannot be blank",
					 errdetail("finding_text shows nothing."),
					 errhint("%s", strcmp(v->finding, "issues_found") == 0 ?
							 "Say in finding_text what the investigation found." :
							 "Say what was found, or leave finding_text null (no_issue needs none)."));
}

/*
 * The subject is registered on the day the investigation opens.  It is
 * locked as every decision about it locks it, so that a removal committed
 * first is seen, and one that comes later waits for this write.
 */
static void
check_subject_registered(const InvestigationRow *v)
{
	FactQueries *q = v->has_registration ? &service_queries : &auditor_queries;
	int64		id = v->has_registration ? v->registration_id : v->auditor_id;
	ListingStatus status;
	RegistryRole role;

	SPI_connect();
	registry_role_enter(&role);
	if (!registration_status_locked(q, id, v->opened_on, &status, NULL))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_OVS_MONITORING,
					 psprintf("there is no such %s", q->noun),
					 errdetail("There is no %s %lld.", q->noun, (long long) id),
					 errhint("Give the %s of an existing %s.",
							 v->has_registration ? "registration_id" : "auditor_id", q->noun));
	if (!in_force_status(status))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_MONITORING,
					 psprintf("an investigation is of %s registered on the day it opens",
							  v->has_registration ? "a service" : "an auditor"),
					 errdetail("The %s %s on %s.", fact_subject_label(q->noun, id),
							   standing_phrase(status), ismap_date_text(v->opened_on)),
					 errhint("Open it on a day the %s was valid, in renewal grace or suspended.",
							 q->noun));
	registry_role_leave(&role);
	SPI_finish();
}

/* UPDATE: only closing an open investigation, nothing else of it. */
static void
check_update(const InvestigationRow *o, const InvestigationRow *n)
{
	if (is_closed(o))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_MONITORING,
					 "a closed investigation is never changed",
					 errdetail("Investigation %lld was closed on %s with the finding %s.",
							   (long long) o->investigation_id,
							   o->has_closed_on ? ismap_date_text(o->closed_on) : "(none)",
							   o->finding ? o->finding : "(none)"),
					 errhint("Open a new investigation if there is more to investigate; correct a mistyped finding_text with ismap.correct()."));
	if (n->investigation_id != o->investigation_id ||
		n->has_registration != o->has_registration || n->registration_id != o->registration_id ||
		n->has_auditor != o->has_auditor || n->auditor_id != o->auditor_id ||
		n->has_opened_on != o->has_opened_on || n->opened_on != o->opened_on)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_MONITORING,
					 "an open investigation changes only by being closed",
					 errdetail("The update of investigation %lld would change its id, its subject or opened_on.",
							   (long long) o->investigation_id),
					 errhint("Set closed_on, finding and finding_text only."));
	if (!n->has_closed_on && n->finding == NULL)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_MONITORING,
					 "an open investigation changes only by being closed",
					 errdetail("The update of investigation %lld leaves it open.",
							   (long long) o->investigation_id),
					 errhint("Set closed_on and finding (and finding_text) to close it."));
	check_closing(n);
}

/*
 * An UPDATE made by ismap.correct(): the finding text of a closed
 * investigation, and nothing else of it, to a text the finding allows.
 */
static void
check_correction(const InvestigationRow *o, const InvestigationRow *n)
{
	if (n->investigation_id != o->investigation_id ||
		n->has_registration != o->has_registration || n->registration_id != o->registration_id ||
		n->has_auditor != o->has_auditor || n->auditor_id != o->auditor_id ||
		n->has_opened_on != o->has_opened_on || n->opened_on != o->opened_on ||
		n->has_closed_on != o->has_closed_on || n->closed_on != o->closed_on ||
		(n->finding == NULL) != (o->finding == NULL) ||
		(n->finding != NULL && strcmp(n->finding, o->finding) != 0))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "only the finding text of an investigation can be corrected",
					 errdetail("The correction of investigation %lld would change another column.",
							   (long long) o->investigation_id),
					 errhint("Correct finding_text alone."));
	if (!is_closed(o))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_MONITORING,
					 "an open investigation has no finding to correct",
					 errdetail("Investigation %lld is open.", (long long) o->investigation_id),
					 errhint("Close it with its finding and finding_text."));
	check_closing(n);
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.investigations FOR EACH ROW */
Datum
ismap_investigations_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	InvestigationRow o,
				n;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, "ismap_investigations_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	desc = RelationGetDescr(td->tg_relation);
	read_investigation(td->tg_trigtuple, desc, &o);

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "investigations are never deleted",
					 errdetail("Investigation %lld would be deleted.", (long long) o.investigation_id),
					 errhint("%s", is_closed(&o) ?
							 "A closed investigation stays recorded with its finding." :
							 "Close it with a finding instead."));
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		read_investigation(td->tg_newtuple, desc, &n);
		if (correction_reason() != NULL)
			check_correction(&o, &n);
		else
		{
			require_capacity(&actor, CAPACITY_COMMITTEE, "close an investigation");
			check_update(&o, &n);
		}
		return PointerGetDatum(td->tg_newtuple);
	}
	require_capacity(&actor, CAPACITY_COMMITTEE, "open an investigation");
	check_opening(&o);
	check_closing(&o);
	check_subject_registered(&o);
	return PointerGetDatum(td->tg_trigtuple);
}
