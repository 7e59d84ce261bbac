/*
 * demands.c
 *		Trigger on ismap.reaudit_demands and ismap.reapplication_demands:
 *		the committee's demands of 5.2 (ovs_reaudit) and 5.3
 *		(ovs_reapplication).
 *
 * A demand is made of a subject registered on the day it is made (a
 * service registration; for a re-application, or an auditor), on a day
 * not after today, with a due date after it.  A re-audit demand rests on
 * exactly one ground the registry records: a control change notice of the
 * registration's service, or an investigation of the registration closed
 * with issues found, either known by the day of the demand.  What fulfils
 * a demand, and when it is overdue, is derived (state/demand_status.c).
 * A demand is a decision: never rewritten or deleted (sec_history).
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
#include "rules/authority.h"
#include "rules/labels.h"
#include "rules/scheme_start.h"
#include "state/fact_tables.h"
#include "state/listing_status.h"
#include "state/registered_on.h"
#include "store/columns.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_demands_check);

typedef struct DemandRow
{
	const char *rule;			/* ovs_reaudit or ovs_reapplication */
	bool		reaudit;
	bool		has_registration;
	int64		registration_id;
	bool		has_auditor;
	int64		auditor_id;
	bool		has_demanded_on;
	DateADT		demanded_on;
	bool		has_due_on;
	DateADT		due_on;
	char	   *grounds;
	bool		has_notice;
	int64		notice_id;
	bool		has_investigation;
	int64		investigation_id;
} DemandRow;

static void
read_demand(HeapTuple tup, TupleDesc desc, bool reaudit, DemandRow *d)
{
	memset(d, 0, sizeof(*d));
	d->reaudit = reaudit;
	d->rule = reaudit ? RULE_OVS_REAUDIT : RULE_OVS_REAPPLICATION;
	d->has_registration = tuple_get_int64(tup, desc, "registration_id", &d->registration_id);
	d->has_demanded_on = tuple_get_date(tup, desc, "demanded_on", &d->demanded_on);
	d->has_due_on = tuple_get_date(tup, desc, "due_on", &d->due_on);
	d->grounds = tuple_get_text(tup, desc, "grounds");
	if (reaudit)
	{
		d->has_notice = tuple_get_int64(tup, desc, "notice_id", &d->notice_id);
		d->has_investigation = tuple_get_int64(tup, desc, "investigation_id",
											   &d->investigation_id);
	}
	else
		d->has_auditor = tuple_get_int64(tup, desc, "auditor_id", &d->auditor_id);
}

static void
check_values(const DemandRow *d)
{
	const char *noun = d->reaudit ? "a re-audit demand" : "a re-application demand";

	if (!d->has_demanded_on || !d->has_due_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 psprintf("%s needs the day it is made and a due date", noun),
					 errdetail("demanded_on or due_on is null."),
					 errhint("Give demanded_on and due_on."));
	if (d->reaudit && !d->has_registration)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a re-audit demand is made of a service registration",
					 errdetail("registration_id is null."),
					 errhint("Give the registration_id of the registered service."));
	if (!d->reaudit && d->has_registration == d->has_auditor)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a re-application demand is made of one service registration or one auditor",
					 errdetail(d->has_auditor ? "Both registration_id and auditor_id are given." :
							   "registration_id and auditor_id are both null."),
					 errhint("Give exactly one of registration_id and auditor_id."));
	if (d->reaudit && d->has_notice == d->has_investigation)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a re-audit demand rests on one change notice or one investigation",
					 errdetail(d->has_notice ? "Both notice_id and investigation_id are given." :
							   "notice_id and investigation_id are both null."),
					 errhint("Give the control change notice (notice_id) or the investigation closed with issues found (investigation_id) it rests on."));
	if (d->grounds != NULL && text_is_invisible(d->grounds))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "the grounds of a demand are not blank",
					 errdetail("grounds holds no visible character."),
					 errhint("State the grounds, or leave them null."));
	check_recorded_day(d->demanded_on, d->rule, noun, "demanded_on");
	if (DATE_NOT_FINITE(d->due_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, d->rule,
					 "a demand's due date is a calendar day",
					 errdetail("due_on is %s.", ismap_date_text(d->due_on)),
					 errhint("Give the day by which the demand is to be met."));
	if (d->due_on <= d->demanded_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a demand falls due after the day it is made",
					 errdetail("demanded_on is %s; due_on is %s.", ismap_date_text(d->demanded_on),
							   ismap_date_text(d->due_on)),
					 errhint("Give a due date after %s.", ismap_date_text(d->demanded_on)));
}

/* The subject is registered on the day of the demand; returns the registration's service, or 0. */
static int64
check_subject(const DemandRow *d)
{
	FactQueries *q = d->has_registration ? &service_queries : &auditor_queries;
	int64		id = d->has_registration ? d->registration_id : d->auditor_id;
	int64		owner = 0;
	ListingStatus status;

	if (!registration_status_locked(q, id, d->demanded_on, &status, &owner))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, d->rule,
					 psprintf("there is no such %s", q->noun),
					 errdetail("There is no %s %lld.", q->noun, (long long) id),
					 errhint("Give the %s of a recorded %s.",
							 d->has_registration ? "registration_id" : "auditor_id", q->noun));
	if (!in_force_status(status))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 psprintf("a demand is made of a %s registered on that day", q->noun),
					 errdetail("The %s %s on %s.", fact_subject_label(q->noun, id),
							   standing_phrase(status),
							   ismap_date_text(d->demanded_on)),
					 errhint("Give a day on which it is valid, in renewal grace or suspended."));
	return d->has_registration ? owner : 0;
}

/* A re-audit demand's ground: a control change notice of the service, known by the day of the demand. */
static void
check_notice_ground(const DemandRow *d, int64 service_id)
{
	static KeptPlan kp = {
		"SELECT service_id, kind::pg_catalog.text, noticed_on FROM ismap.service_change_notices"
		" WHERE notice_id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(d->notice_id);
	int64		notice_service = 0;
	char	   *kind;
	DateADT		noticed_on = 0;

	kept_plan_run(&kp, &arg, NULL, false, 1);
	if (SPI_processed != 1)
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, d->rule,
					 "a re-audit demand rests on a recorded change notice",
					 errdetail("There is no service change notice %lld.", (long long) d->notice_id),
					 errhint("Give the notice_id of a control change notice of the service."));
	spi_get_int64(0, 1, &notice_service);
	kind = spi_get_text(0, 2);
	spi_get_date(0, 3, &noticed_on);
	if (notice_service != service_id)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a re-audit demand rests on a notice of the registration's service",
					 errdetail("Notice %lld is of service %s; registration %s is of service %s.",
							   (long long) d->notice_id, service_label(notice_service),
							   registration_label(d->registration_id), service_label(service_id)),
					 errhint("Give a notice of service %s.", service_label(service_id)));
	if (strcmp(kind, "control_change") != 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a re-audit demand rests on a control change notice",
					 errdetail("Notice %lld is a %s notice.", (long long) d->notice_id, kind),
					 errhint("A change of published information alone is no ground for a re-audit."));
	if (noticed_on > d->demanded_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a re-audit demand follows the notice it rests on",
					 errdetail("Notice %lld was notified on %s; the demand is dated %s.",
							   (long long) d->notice_id, ismap_date_text(noticed_on),
							   ismap_date_text(d->demanded_on)),
					 errhint("Date the demand on or after %s.", ismap_date_text(noticed_on)));
}

/* A re-audit demand's ground: an investigation of the registration closed with issues found by then. */
static void
check_investigation_ground(const DemandRow *d)
{
	static KeptPlan kp = {
		"SELECT registration_id, finding::pg_catalog.text, closed_on FROM ismap.investigations"
		" WHERE investigation_id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(d->investigation_id);
	int64		registration_id = 0;
	char	   *finding;
	DateADT		closed_on = 0;
	bool		closed;

	kept_plan_run(&kp, &arg, NULL, false, 1);
	if (SPI_processed != 1)
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, d->rule,
					 "a re-audit demand rests on a recorded investigation",
					 errdetail("There is no investigation %lld.", (long long) d->investigation_id),
					 errhint("Give the investigation_id of an investigation of the registration."));
	if (!spi_get_int64(0, 1, &registration_id) || registration_id != d->registration_id)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a re-audit demand rests on an investigation of that registration",
					 errdetail("Investigation %lld is not of registration %s.",
							   (long long) d->investigation_id,
							   registration_label(d->registration_id)),
					 errhint("Give an investigation of registration %s.",
							 registration_label(d->registration_id)));
	finding = spi_get_text(0, 2);
	closed = spi_get_date(0, 3, &closed_on);
	if (!closed)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a re-audit demand rests on an investigation closed with issues found",
					 errdetail("Investigation %lld is still open.", (long long) d->investigation_id),
					 errhint("Close the investigation with finding 'issues_found' first."));
	if (finding == NULL || strcmp(finding, "issues_found") != 0 || closed_on > d->demanded_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, d->rule,
					 "a re-audit demand rests on an investigation closed with issues found",
					 errdetail("Investigation %lld was closed on %s with finding %s; the demand is dated %s.",
							   (long long) d->investigation_id, ismap_date_text(closed_on),
							   finding ? finding : "none", ismap_date_text(d->demanded_on)),
					 errhint("Give an investigation closed with finding 'issues_found' on or before the day of the demand."));
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.reaudit_demands / ismap.reapplication_demands FOR EACH ROW */
Datum
ismap_demands_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	bool		reaudit;
	DemandRow	d;
	int64		service_id;
	RegistryRole role;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, "ismap_demands_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	reaudit = strcmp(RelationGetRelationName(td->tg_relation), "reaudit_demands") == 0;
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a recorded demand is never rewritten or deleted",
					 errdetail("Demands are decisions of the committee."),
					 errhint("Record a new demand; a demand ends when it is fulfilled or falls overdue."));

	require_capacity(&actor, CAPACITY_COMMITTEE,
					 reaudit ? "demand a re-audit" : "demand a re-application");
	read_demand(td->tg_trigtuple, RelationGetDescr(td->tg_relation), reaudit, &d);
	check_values(&d);
	SPI_connect();
	registry_role_enter(&role);
	service_id = check_subject(&d);
	if (reaudit && d.has_notice)
		check_notice_ground(&d, service_id);
	else if (reaudit)
		check_investigation_ground(&d);
	registry_role_leave(&role);
	SPI_finish();
	return PointerGetDatum(td->tg_trigtuple);
}
