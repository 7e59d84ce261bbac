/*
 * compliance_reports.c
 *		Trigger on ismap.auditor_compliance_reports (aud_compliance_report).
 *
 * A report falls due one year (a setting) after each auditor application
 * that was approved; the extension creates it on approval.  The auditor
 * files it by setting filed_on, once, dated from the application (and the
 * scheme's start) to today: a filing is a fact and stays.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "rules/authority.h"
#include "rules/scheme_start.h"
#include "store/columns.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_compliance_reports_check);

static int64
get_int64(HeapTuple tup, TupleDesc desc, const char *column)
{
	int64		value;

	tuple_get_int64(tup, desc, column, &value);
	return value;
}

static DateADT
application_date(int64 application_id)
{
	static KeptPlan kp = {
		"SELECT applied_on FROM ismap.auditor_applications"
		" WHERE application_id OPERATOR(pg_catalog.=) $1",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(application_id);
	DateADT		applied_on = DATEVAL_NOBEGIN;
	RegistryRole role;

	SPI_connect();
	registry_role_enter(&role);
	kept_plan_run(&kp, &arg, NULL, false, 1);
	if (SPI_processed == 1)
		spi_get_date(0, 1, &applied_on);
	registry_role_leave(&role);
	SPI_finish();
	return applied_on;
}

static void
check_filing(TriggerData *td, TupleDesc desc)
{
	HeapTuple	o = td->tg_trigtuple;
	HeapTuple	n = td->tg_newtuple;
	DateADT		old_filed,
				filed_on,
				d1,
				d2,
				applied_on;
	int64		report_id = get_int64(o, desc, "report_id");

	if (tuple_get_date(o, desc, "filed_on", &old_filed))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_AUD_COMPLIANCE_REPORT,
					 "a filed compliance report cannot be changed",
					 errdetail("Report %lld was filed on %s.", (long long) report_id,
							   ismap_date_text(old_filed)),
					 errhint("A filing is a fact of the registry's history."));
	if (get_int64(n, desc, "report_id") != report_id ||
		get_int64(n, desc, "auditor_id") != get_int64(o, desc, "auditor_id") ||
		get_int64(n, desc, "application_id") != get_int64(o, desc, "application_id") ||
		!tuple_get_date(n, desc, "due_on", &d1) || !tuple_get_date(o, desc, "due_on", &d2) || d1 != d2)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_AUD_COMPLIANCE_REPORT,
					 "only the filing date of a compliance report can be set",
					 errdetail("Report %lld would change another column.", (long long) report_id),
					 errhint("Set filed_on only."));
	if (!tuple_get_date(n, desc, "filed_on", &filed_on))
		return;					/* still not filed: nothing changes */
	if (DATE_NOT_FINITE(filed_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, RULE_AUD_COMPLIANCE_REPORT,
					 "a filing date must be a calendar day",
					 errdetail("filed_on is %s.", ismap_date_text(filed_on)),
					 errhint("Give the day the report was filed."));
	check_not_before_scheme_start(filed_on, RULE_AUD_COMPLIANCE_REPORT, "a compliance report",
								  "filed_on");
	if (filed_on > ismap_today())
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_COMPLIANCE_REPORT,
					 "a compliance report cannot be filed in the future",
					 errdetail("filed_on is %s; today is %s.", ismap_date_text(filed_on),
							   ismap_date_text(ismap_today())),
					 errhint("Record the filing on or after the day it is made."));
	applied_on = application_date(get_int64(o, desc, "application_id"));
	if (filed_on < applied_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_COMPLIANCE_REPORT,
					 "a compliance report cannot be filed before the application it follows",
					 errdetail("The application was filed on %s; the report is dated %s.",
							   ismap_date_text(applied_on), ismap_date_text(filed_on)),
					 errhint("Give a filing date on or after %s.", ismap_date_text(applied_on)));
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.auditor_compliance_reports FOR EACH ROW */
Datum
ismap_compliance_reports_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	ActingRole	actor;

	trigger_check(fcinfo, "ismap_compliance_reports_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	desc = RelationGetDescr(td->tg_relation);

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		if (internal_write_depth <= 0)
			ismap_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, RULE_AUD_COMPLIANCE_REPORT,
						 "compliance reports are created by the extension",
						 errdetail("A report falls due when an auditor application is approved."),
						 errhint("Approve the application; then set filed_on when the report is filed."));
		return PointerGetDatum(td->tg_trigtuple);
	}
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "compliance reports are never deleted",
					 errdetail("Report %lld would be deleted.",
							   (long long) get_int64(td->tg_trigtuple, desc, "report_id")),
					 errhint("A report that is not filed stays overdue."));
	actor = current_actor();
	require_auditor(&actor, get_int64(td->tg_trigtuple, desc, "auditor_id"),
					"file this compliance report");
	check_filing(td, desc);
	return PointerGetDatum(td->tg_newtuple);
}
