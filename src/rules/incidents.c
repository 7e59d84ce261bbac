/*
 * incidents.c
 *		Trigger on ismap.incidents and ismap.incident_reports: a serious
 *		security incident of a registered cloud service, and its first (速報)
 *		and final (確報) reports (svc_incident_report, 3.7).
 *
 * An incident is filed for a service registration that is registered
 * (valid, in renewal grace or suspended: a suspended service's provider
 * keeps its duties) on the day the provider recognized it, which is not
 * after today.  An incident has at most one first and one final report;
 * the final one needs the first filed, on or before its own day; each is
 * dated from the day of recognition to today.  A report filed after its
 * due date (incident_due.c) is accepted: that it was late shows in
 * ismap.late_filings.  Incidents and reports are facts: never rewritten
 * nor deleted (sec_history); ismap.correct() may fix a mistyped summary
 * or body, and nothing else of them.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/datum.h"
#include "utils/rel.h"

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
#include "store/keyed_rows.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"
#include "store/row_locks.h"

PG_FUNCTION_INFO_V1(ismap_incidents_check);

typedef struct IncidentRow
{
	bool		has_registration;
	int64		registration_id;
	bool		has_recognized_on;
	DateADT		recognized_on;
	char	   *summary;
} IncidentRow;

typedef struct ReportRow
{
	bool		has_incident;
	int64		incident_id;
	char	   *stage;			/* "first", "final" or NULL */
	bool		has_reported_on;
	DateADT		reported_on;
	char	   *body;
} ReportRow;

/*
 * An UPDATE made by ismap.correct() of the free text 'column' (an
 * incident's summary, a report's body): that column alone may change, to
 * a text that shows something.  'what' names the row in messages.
 */
static HeapTuple
checked_text_correction(TriggerData *td, const char *column, const char *what)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	int			corrected = column_number(desc, column);

	for (int attno = 1; attno <= desc->natts; attno++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
		bool		null1,
					null2;
		Datum		d1,
					d2;

		if (attno == corrected || att->attisdropped)
			continue;
		d1 = heap_getattr(td->tg_trigtuple, attno, desc, &null1);
		d2 = heap_getattr(td->tg_newtuple, attno, desc, &null2);
		if (null1 != null2 || (!null1 && !datumIsEqual(d1, d2, att->attbyval, att->attlen)))
			ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
						 psprintf("only the %s of %s can be corrected", column, what),
						 errdetail("The correction would change %s.", NameStr(att->attname)),
						 errhint("Correct %s alone.", column));
	}
	if (text_is_invisible(tuple_get_text(td->tg_newtuple, desc, column)))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 psprintf("the %s of %s cannot be corrected to nothing", column, what),
					 errdetail("The corrected %s is null or blank.", column),
					 errhint("Give the text as it should have been recorded."));
	return td->tg_newtuple;
}

/* ---------- incidents ---------- */

static void
read_incident(HeapTuple tup, TupleDesc desc, IncidentRow *i)
{
	i->has_registration = tuple_get_int64(tup, desc, "registration_id", &i->registration_id);
	i->has_recognized_on = tuple_get_date(tup, desc, "recognized_on", &i->recognized_on);
	i->summary = tuple_get_text(tup, desc, "summary");
}

static void
check_incident_values(const IncidentRow *i)
{
	if (!i->has_registration || !i->has_recognized_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "an incident needs its service registration and the day it was recognized",
					 errdetail("registration_id or recognized_on is null."),
					 errhint("Give the registration_id of the service and the day the provider recognized the incident."));
	if (text_is_invisible(i->summary))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "an incident needs its summary",
					 errdetail("summary is null or blank."),
					 errhint("Say what happened."));
	check_recorded_day(i->recognized_on, RULE_SVC_INCIDENT_REPORT, "an incident", "recognized_on");
}

/*
 * The registration is registered on the day of recognition.  It is locked
 * as every decision about it locks it, so that a removal or a suspension
 * committed first is seen, and one that comes later waits for this
 * incident.
 */
static void
check_incident_registered(const IncidentRow *i)
{
	ListingStatus status;
	RegistryRole role;

	SPI_connect();
	registry_role_enter(&role);
	if (!registration_status_locked(&service_queries, i->registration_id, i->recognized_on,
									&status, NULL))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "there is no such service registration",
					 errdetail("There is no registration %lld.", (long long) i->registration_id),
					 errhint("Give the registration_id of a cloud service registration."));
	if (!in_force_status(status))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "an incident is filed for a service registered on the day it was recognized",
					 errdetail("The registration %s %s on %s.",
							   registration_label(i->registration_id), standing_phrase(status),
							   ismap_date_text(i->recognized_on)),
					 errhint("Give a registration that was valid, in renewal grace or suspended on %s.",
							 ismap_date_text(i->recognized_on)));
	registry_role_leave(&role);
	SPI_finish();
}

static HeapTuple
incident_check(TriggerData *td)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	IncidentRow incident;
	ActingRole	actor;

	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) && correction_reason() != NULL)
		return checked_text_correction(td, "summary", "an incident");
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		int64		id;

		tuple_get_int64(td->tg_trigtuple, desc, "incident_id", &id);
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a filed incident is never rewritten or deleted",
					 errdetail("Incident %lld would be %s.", (long long) id,
							   TRIGGER_FIRED_BY_DELETE(td->tg_event) ? "deleted" : "changed"),
					 errhint("Incidents are facts of the registry's history: file what follows as its reports, correct a mistyped summary with ismap.correct()."));
	}
	read_incident(td->tg_trigtuple, desc, &incident);
	check_incident_values(&incident);
	actor = current_actor();
	require_provider_of_registration(&actor, incident.registration_id,
									 "file an incident of this registration");
	check_incident_registered(&incident);
	return td->tg_trigtuple;
}

/* ---------- reports ---------- */

static void
read_report(HeapTuple tup, TupleDesc desc, ReportRow *r)
{
	r->has_incident = tuple_get_int64(tup, desc, "incident_id", &r->incident_id);
	r->stage = tuple_get_text(tup, desc, "stage");
	r->has_reported_on = tuple_get_date(tup, desc, "reported_on", &r->reported_on);
	r->body = tuple_get_text(tup, desc, "body");
}

static void
check_report_values(const ReportRow *r)
{
	if (!r->has_incident || r->stage == NULL || !r->has_reported_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "an incident report needs its incident, its stage and the day it was filed",
					 errdetail("incident_id, stage or reported_on is null."),
					 errhint("Give all three, and the report's body."));
	if (text_is_invisible(r->body))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "an incident report needs its body",
					 errdetail("body is null or blank."),
					 errhint("Give the text of the report."));
	check_recorded_day(r->reported_on, RULE_SVC_INCIDENT_REPORT, "an incident report", "reported_on");
}

/*
 * Lock incident 'id' FOR UPDATE, so that the reports of one incident are
 * filed one at a time (two first reports filed at once: the second sees
 * the first once it has the lock), and read the day it was recognized.
 * False if there is no such incident.  The caller is connected to SPI.
 */
static bool
incident_lock(int64 id, DateADT *recognized_on)
{
	static RowLock lock = {
		{"SELECT 1 FROM ismap.incidents WHERE incident_id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
		 1, {INT8OID}}, {"incidents"}, "incident_id"
	};
	Relation	rel = keyed_table_open(&lock.table);
	HeapTuple	row;
	bool		found = row_lock_read(&lock, id, rel, &row);

	if (found)
		tuple_get_date(row, RelationGetDescr(rel), "recognized_on", recognized_on);
	table_close(rel, NoLock);
	return found;
}

/*
 * The days the incident's first and final reports were filed, if they
 * were.  Read after the incident's lock, and not read-only, so that it
 * sees what committed before the lock was granted and the rows of this
 * statement so far (a first and a final report in one INSERT).
 */
static void
filed_reports(int64 incident_id, bool *has_first, DateADT *first_on,
			  bool *has_final, DateADT *final_on)
{
	static KeptPlan kp = {
		"SELECT pg_catalog.min(reported_on) FILTER"
		" (WHERE stage OPERATOR(pg_catalog.=) 'first'::ismap.report_stage),"
		" pg_catalog.min(reported_on) FILTER"
		" (WHERE stage OPERATOR(pg_catalog.=) 'final'::ismap.report_stage)"
		" FROM ismap.incident_reports WHERE incident_id OPERATOR(pg_catalog.=) $1",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(incident_id);

	kept_plan_run(&kp, &arg, NULL, false, 1);
	*has_first = spi_get_date(0, 1, first_on);
	*has_final = spi_get_date(0, 2, final_on);
}

static void
check_report_order(const ReportRow *r)
{
	bool		final = strcmp(r->stage, "final") == 0;
	const char *noun = final ? "final report" : "first report";
	DateADT		recognized_on;
	bool		has_first,
				has_final;
	DateADT		first_on = 0,
				final_on = 0;
	RegistryRole role;

	SPI_connect();
	registry_role_enter(&role);
	if (!incident_lock(r->incident_id, &recognized_on))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "there is no such incident",
					 errdetail("There is no incident %lld.", (long long) r->incident_id),
					 errhint("File the incident in ismap.incidents first and give its incident_id."));
	if (r->reported_on < recognized_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "an incident report cannot be dated before the incident was recognized",
					 errdetail("Incident %lld was recognized on %s; the %s is dated %s.",
							   (long long) r->incident_id, ismap_date_text(recognized_on), noun,
							   ismap_date_text(r->reported_on)),
					 errhint("Give a reported_on on or after %s.", ismap_date_text(recognized_on)));
	filed_reports(r->incident_id, &has_first, &first_on, &has_final, &final_on);
	if (final ? has_final : has_first)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 psprintf("an incident has one %s", noun),
					 errdetail("Incident %lld already has its %s, filed on %s.",
							   (long long) r->incident_id, noun,
							   ismap_date_text(final ? final_on : first_on)),
					 errhint("%s", final ?
							 "The incident's reports are complete; a report is never replaced." :
							 "File the final report (stage final); it says what the first report could not."));
	if (final && !has_first)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "the final report of an incident follows its first report",
					 errdetail("Incident %lld has no first report.", (long long) r->incident_id),
					 errhint("File the first report (stage first) before the final one, or both in this order."));
	if (final && r->reported_on < first_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_INCIDENT_REPORT,
					 "the final report of an incident cannot be dated before its first report",
					 errdetail("The first report of incident %lld was filed on %s; the final report is dated %s.",
							   (long long) r->incident_id, ismap_date_text(first_on),
							   ismap_date_text(r->reported_on)),
					 errhint("Give a reported_on on or after %s.", ismap_date_text(first_on)));
	registry_role_leave(&role);
	SPI_finish();
}

static HeapTuple
report_check(TriggerData *td)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	ReportRow	report;
	ActingRole	actor;

	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) && correction_reason() != NULL)
		return checked_text_correction(td, "body", "an incident report");
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		int64		id;

		tuple_get_int64(td->tg_trigtuple, desc, "report_id", &id);
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a filed incident report is never rewritten or deleted",
					 errdetail("Report %lld would be %s.", (long long) id,
							   TRIGGER_FIRED_BY_DELETE(td->tg_event) ? "deleted" : "changed"),
					 errhint("Reports are facts of the registry's history: what the first report got wrong goes into the final report; a mistyped body is corrected with ismap.correct()."));
	}
	read_report(td->tg_trigtuple, desc, &report);
	check_report_values(&report);
	actor = current_actor();
	require_provider_of_incident(&actor, report.incident_id, "file a report of this incident");
	check_report_order(&report);
	return td->tg_trigtuple;
}

/*
 * BEFORE INSERT OR UPDATE OR DELETE ON ismap.incidents and
 * ismap.incident_reports FOR EACH ROW
 */
Datum
ismap_incidents_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	const char *table;

	trigger_check(fcinfo, "ismap_incidents_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	table = RelationGetRelationName(td->tg_relation);
	if (strcmp(table, "incidents") == 0)
		return PointerGetDatum(incident_check(td));
	if (strcmp(table, "incident_reports") == 0)
		return PointerGetDatum(report_check(td));
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("function ismap_incidents_check does not guard table \"%s\"", table)));
	PG_RETURN_NULL();
}
