/*
 * auditor_applications.c
 *		Trigger on ismap.auditor_applications: the application flow of
 *		chapter 4 (aud_application_flow), renewal eligibility
 *		(aud_renewal_grace), and what an approval creates: the auditor with
 *		its registration number, a validity term (aud_validity) and the
 *		compliance report that falls due (aud_compliance_report).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

#include "auditor_facts.h"
#include "ismap.h"
#include "listing_status.h"

PG_FUNCTION_INFO_V1(ismap_auditor_applications_check);

typedef struct Application
{
	int64		application_id;
	bool		has_organization;
	int64		organization_id;
	char	   *kind;			/* "new" or "renewal" */
	bool		has_applied_on;
	DateADT		applied_on;
	char	   *status;
	bool		has_decided_on;
	DateADT		decided_on;
	bool		has_auditor;
	int64		auditor_id;
} Application;

static void
read_application(HeapTuple tup, TupleDesc desc, Application *a)
{
	bool		isnull;
	Datum		d;

	d = SPI_getbinval(tup, desc, SPI_fnumber(desc, "application_id"), &isnull);
	a->application_id = isnull ? 0 : DatumGetInt64(d);
	d = SPI_getbinval(tup, desc, SPI_fnumber(desc, "organization_id"), &isnull);
	a->has_organization = !isnull;
	a->organization_id = isnull ? 0 : DatumGetInt64(d);
	a->kind = SPI_getvalue(tup, desc, SPI_fnumber(desc, "kind"));
	d = SPI_getbinval(tup, desc, SPI_fnumber(desc, "applied_on"), &isnull);
	a->has_applied_on = !isnull;
	a->applied_on = isnull ? 0 : DatumGetDateADT(d);
	a->status = SPI_getvalue(tup, desc, SPI_fnumber(desc, "status"));
	d = SPI_getbinval(tup, desc, SPI_fnumber(desc, "decided_on"), &isnull);
	a->has_decided_on = !isnull;
	a->decided_on = isnull ? 0 : DatumGetDateADT(d);
	d = SPI_getbinval(tup, desc, SPI_fnumber(desc, "auditor_id"), &isnull);
	a->has_auditor = !isnull;
	a->auditor_id = isnull ? 0 : DatumGetInt64(d);
}

static bool
is_renewal(const Application *a)
{
	return strcmp(a->kind, "renewal") == 0;
}

/* returned, approved, rejected and withdrawn end an application. */
static bool
is_final(const char *status)
{
	return strcmp(status, "submitted") != 0 && strcmp(status, "accepted") != 0;
}

/* submitted -> accepted | returned | withdrawn; accepted -> approved | rejected | withdrawn */
static bool
transition_allowed(const char *from, const char *to)
{
	if (strcmp(from, "submitted") == 0)
		return strcmp(to, "accepted") == 0 || strcmp(to, "returned") == 0 ||
			strcmp(to, "withdrawn") == 0;
	if (strcmp(from, "accepted") == 0)
		return strcmp(to, "approved") == 0 || strcmp(to, "rejected") == 0 ||
			strcmp(to, "withdrawn") == 0;
	return false;
}

/* ---------- lookups ---------- */

/*
 * The organization's auditors in force (valid, renewal_pending or
 * suspended) on a day; returns how many, with one of them in *found, and
 * tells whether the organization had one that had expired by then.
 */
static int
auditors_in_force(int64 organization_id, DateADT day, int64 *found,
				  bool *had_expired)
{
	static KeptPlan kp = {
		"SELECT auditor_id FROM ismap.auditors"
		" WHERE organization_id OPERATOR(pg_catalog.=) $1"
		" ORDER BY registered_on DESC, auditor_id DESC",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(organization_id);
	int			n,
				count = 0;
	int64	   *ids;

	*had_expired = false;
	kept_plan_run(&kp, &arg, NULL, false, 0);
	n = (int) SPI_processed;
	ids = palloc(sizeof(int64) * (n + 1));
	for (int i = 0; i < n; i++)
		spi_get_int64(i, 1, &ids[i]);

	for (int i = 0; i < n; i++)
	{
		RegistrationFacts facts;
		Standing	s;

		auditor_facts_load(ids[i], false, CurrentMemoryContext, &facts, NULL);
		s = standing_on(&facts, day);
		if (s.status == LISTING_VALID || s.status == LISTING_RENEWAL_PENDING ||
			s.status == LISTING_SUSPENDED)
		{
			if (count++ == 0)
				*found = ids[i];
		}
		else if (s.status == LISTING_EXPIRED)
			*had_expired = true;
	}
	return count;
}

static bool
open_application_exists(const char *sql_kind_column, int64 key)
{
	static KeptPlan by_auditor = {
		"SELECT 1 FROM ismap.auditor_applications"
		" WHERE auditor_id OPERATOR(pg_catalog.=) $1"
		" AND kind OPERATOR(pg_catalog.=) 'renewal'::ismap.application_kind"
		" AND status OPERATOR(pg_catalog.=) ANY ('{submitted,accepted}'::ismap.application_status[])",
		1, {INT8OID}
	};
	static KeptPlan by_organization = {
		"SELECT 1 FROM ismap.auditor_applications"
		" WHERE organization_id OPERATOR(pg_catalog.=) $1"
		" AND kind OPERATOR(pg_catalog.=) 'new'::ismap.application_kind"
		" AND status OPERATOR(pg_catalog.=) ANY ('{submitted,accepted}'::ismap.application_status[])",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(key);

	kept_plan_run(strcmp(sql_kind_column, "auditor") == 0 ? &by_auditor : &by_organization,
				  &arg, NULL, false, 1);
	return SPI_processed > 0;
}

static void
lock_organization(int64 organization_id)
{
	static KeptPlan kp = {
		"SELECT 1 FROM ismap.organizations"
		" WHERE organization_id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(organization_id);

	kept_plan_run(&kp, &arg, NULL, false, 1);
}

/* ---------- filing ---------- */

static void
check_filing_values(const Application *a)
{
	if (!a->has_organization || !a->has_applied_on || a->kind == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "an auditor application needs an organization, a kind and an application date",
					 errdetail("organization_id, kind or applied_on is null."),
					 errhint("Give all three."));
	if (DATE_NOT_FINITE(a->applied_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, RULE_AUD_APPLICATION_FLOW,
					 "an application date must be a calendar day",
					 errdetail("applied_on is %s.", ismap_date_text(a->applied_on)),
					 errhint("Give the day the application was filed."));
	if (a->applied_on > ismap_today())
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "an application cannot be dated in the future",
					 errdetail("applied_on is %s; today is %s.",
							   ismap_date_text(a->applied_on),
							   ismap_date_text(ismap_today())),
					 errhint("Record the application on or after the day it is filed."));
	if (a->status == NULL || strcmp(a->status, "submitted") != 0 || a->has_decided_on)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_AUD_APPLICATION_FLOW,
					 "an application starts as submitted, undecided",
					 errdetail("The new row has status %s and decided_on %s.",
							   a->status ? a->status : "null",
							   a->has_decided_on ? ismap_date_text(a->decided_on) : "null"),
					 errhint("Insert it with status 'submitted', then update its status as it is accepted and decided."));
}

static void
check_new_filing(const Application *a)
{
	int64		in_force = 0;
	bool		had_expired;

	if (a->has_auditor)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "a new application names no auditor",
					 errdetail("auditor_id is %lld; the extension fills it in when the application is approved.",
							   (long long) a->auditor_id),
					 errhint("Leave auditor_id null, or file kind 'renewal' to renew that auditor."));
	if (auditors_in_force(a->organization_id, a->applied_on, &in_force, &had_expired) > 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the organization is already a registered auditor",
					 errdetail("Auditor %lld of organization %lld is in force on %s.",
							   (long long) in_force, (long long) a->organization_id,
							   ismap_date_text(a->applied_on)),
					 errhint("File a renewal (kind 'renewal') instead."));
	if (open_application_exists("organization", a->organization_id))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the organization already has an undecided application",
					 errdetail("Organization %lld has a new application that is submitted or accepted.",
							   (long long) a->organization_id),
					 errhint("Decide or withdraw that application first."));
}

/*
 * The auditor a renewal renews: the one named, or the organization's only
 * auditor in force on the application date.
 */
static int64
renewed_auditor(const Application *a)
{
	int64		found = 0;
	bool		had_expired;
	int			n;

	if (a->has_auditor)
		return a->auditor_id;
	n = auditors_in_force(a->organization_id, a->applied_on, &found, &had_expired);
	if (n == 1)
		return found;
	if (n == 0 && had_expired)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_RENEWAL_GRACE,
					 "a renewal filed after the registration expired is not a renewal",
					 errdetail("Organization %lld has no auditor registration in force on %s.",
							   (long long) a->organization_id,
							   ismap_date_text(a->applied_on)),
					 errhint("File a new application (kind 'new')."));
	if (n == 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the organization has no auditor registration to renew",
					 errdetail("Organization %lld has no auditor registration in force on %s.",
							   (long long) a->organization_id,
							   ismap_date_text(a->applied_on)),
					 errhint("File a new application (kind 'new')."));
	ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
				 "the renewal does not say which auditor it renews",
				 errdetail("Organization %lld has %d auditor registrations in force on %s.",
						   (long long) a->organization_id, n,
						   ismap_date_text(a->applied_on)),
				 errhint("Give auditor_id."));
	return 0;					/* not reached */
}

static void
check_renewal_filing(const Application *a, int64 auditor_id)
{
	RegistrationFacts facts;
	int64		organization_id = 0;
	const Term *latest;
	Standing	s;

	if (!auditor_lock(auditor_id) ||
		!auditor_facts_load(auditor_id, false, CurrentMemoryContext, &facts,
							&organization_id))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the auditor to renew does not exist",
					 errdetail("There is no auditor %lld.", (long long) auditor_id),
					 errhint("Give the auditor_id of a registered auditor."));
	if (organization_id != a->organization_id)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "an organization renews only its own auditor registration",
					 errdetail("Auditor %lld belongs to organization %lld, not %lld.",
							   (long long) auditor_id, (long long) organization_id,
							   (long long) a->organization_id),
					 errhint("Give the organization that holds the registration."));

	latest = &facts.terms[facts.nterms - 1];
	if (a->applied_on < latest->in_force_from)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_RENEWAL_GRACE,
					 "a renewal cannot be dated before the term it renews came into force",
					 errdetail("The term in force since %s runs until %s; the renewal is dated %s.",
							   ismap_date_text(latest->in_force_from),
							   ismap_date_text(latest->valid_until),
							   ismap_date_text(a->applied_on)),
					 errhint("Date the renewal on or after %s.",
							 ismap_date_text(latest->in_force_from)));

	s = standing_on(&facts, a->applied_on);
	if (s.status == LISTING_REMOVED)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
					 "a removed auditor cannot be renewed",
					 errdetail("Auditor %lld was removed on or before %s; removal is final.",
							   (long long) auditor_id, ismap_date_text(a->applied_on)),
					 errhint("The organization may file a new application."));
	if (a->applied_on > latest->valid_until)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_RENEWAL_GRACE,
					 "a renewal filed after the registration expired is not a renewal",
					 errdetail("Auditor %lld was valid until %s; the renewal is dated %s.",
							   (long long) auditor_id,
							   ismap_date_text(latest->valid_until),
							   ismap_date_text(a->applied_on)),
					 errhint("File a new application (kind 'new')."));
	if (open_application_exists("auditor", auditor_id))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the auditor already has an undecided renewal",
					 errdetail("Auditor %lld has a renewal that is submitted or accepted.",
							   (long long) auditor_id),
					 errhint("Decide or withdraw that renewal first."));
}

/* ---------- approval ---------- */

static DateADT
term_valid_until(const Application *a)
{
	DateADT		valid_until = civil_period_end(a->applied_on + 1,
											   setting_months("auditor_validity"),
											   RULE_AUD_VALIDITY);

	if (a->decided_on > valid_until)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_VALIDITY,
					 "the validity term would end before the approval",
					 errdetail("Applied on %s, the term runs until %s; the approval is dated %s.",
							   ismap_date_text(a->applied_on),
							   ismap_date_text(valid_until),
							   ismap_date_text(a->decided_on)),
					 errhint("An application decided after its term would end cannot be approved; reject it."));
	return valid_until;
}

static void
add_term_and_report(int64 auditor_id, const Application *a, DateADT valid_until)
{
	static KeptPlan term_plan = {
		"INSERT INTO ismap.auditor_terms"
		" (auditor_id, term_no, application_id, in_force_from, valid_from, valid_until)"
		" SELECT $1, COALESCE(pg_catalog.max(term_no), 0) OPERATOR(pg_catalog.+) 1, $2, $3, $4, $5"
		" FROM ismap.auditor_terms WHERE auditor_id OPERATOR(pg_catalog.=) $1",
		5, {INT8OID, INT8OID, DATEOID, DATEOID, DATEOID}
	};
	static KeptPlan report_plan = {
		"INSERT INTO ismap.auditor_compliance_reports (auditor_id, application_id, due_on)"
		" VALUES ($1, $2, $3)",
		3, {INT8OID, INT8OID, DATEOID}
	};
	Datum		term_args[5];
	Datum		report_args[3];

	term_args[0] = Int64GetDatum(auditor_id);
	term_args[1] = Int64GetDatum(a->application_id);
	term_args[2] = DateADTGetDatum(a->decided_on);
	term_args[3] = DateADTGetDatum(a->applied_on);
	term_args[4] = DateADTGetDatum(valid_until);
	kept_plan_write(&term_plan, term_args, NULL, 0);

	report_args[0] = Int64GetDatum(auditor_id);
	report_args[1] = Int64GetDatum(a->application_id);
	report_args[2] = DateADTGetDatum(date_plus_months(a->applied_on,
													  setting_months("auditor_compliance_report_after")));
	kept_plan_write(&report_plan, report_args, NULL, 0);
}

/* Registration numbers: 'A' + two-digit year of registration + '-' + serial. */
static char *
next_registration_number(DateADT registered_on)
{
	static KeptPlan kp = {
		"SELECT pg_catalog.nextval('ismap.auditor_registration_serial'::pg_catalog.regclass)",
		0, {InvalidOid}
	};
	int64		serial = 0;
	int			y,
				m,
				d;

	kept_plan_run(&kp, NULL, NULL, false, 1);
	spi_get_int64(0, 1, &serial);
	j2date(registered_on + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	return psprintf("A%02d-%04lld", y % 100, (long long) serial);
}

static int64
approve_new(const Application *a)
{
	static KeptPlan kp = {
		"INSERT INTO ismap.auditors"
		" (registration_number, organization_id, registered_on, valid_from, valid_until)"
		" VALUES ($1, $2, $3, $4, $5) RETURNING auditor_id",
		5, {TEXTOID, INT8OID, DATEOID, DATEOID, DATEOID}
	};
	Datum		args[5];
	DateADT		valid_until;
	int64		in_force = 0;
	int64		auditor_id = 0;
	bool		had_expired;

	lock_organization(a->organization_id);
	if (auditors_in_force(a->organization_id, a->decided_on, &in_force, &had_expired) > 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the organization is already a registered auditor",
					 errdetail("Auditor %lld of organization %lld is in force on %s.",
							   (long long) in_force, (long long) a->organization_id,
							   ismap_date_text(a->decided_on)),
					 errhint("Reject or withdraw this application; the organization renews instead."));
	valid_until = term_valid_until(a);

	args[0] = CStringGetTextDatum(next_registration_number(a->decided_on));
	args[1] = Int64GetDatum(a->organization_id);
	args[2] = DateADTGetDatum(a->decided_on);
	args[3] = DateADTGetDatum(a->applied_on);
	args[4] = DateADTGetDatum(valid_until);
	kept_plan_write(&kp, args, NULL, 1);
	spi_get_int64(0, 1, &auditor_id);

	add_term_and_report(auditor_id, a, valid_until);
	return auditor_id;
}

static void
approve_renewal(const Application *a)
{
	static KeptPlan kp = {
		"UPDATE ismap.auditors SET valid_from = $2, valid_until = $3"
		" WHERE auditor_id OPERATOR(pg_catalog.=) $1",
		3, {INT8OID, DATEOID, DATEOID}
	};
	RegistrationFacts facts;
	Datum		args[3];
	DateADT		valid_until;

	auditor_lock(a->auditor_id);
	auditor_facts_load(a->auditor_id, false, CurrentMemoryContext, &facts, NULL);
	if (is_removed_by(&facts, a->decided_on))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
					 "a removed auditor cannot be renewed",
					 errdetail("Auditor %lld was removed on or before %s; removal is final.",
							   (long long) a->auditor_id, ismap_date_text(a->decided_on)),
					 errhint("Reject this renewal; the organization may file a new application."));
	valid_until = term_valid_until(a);

	args[0] = Int64GetDatum(a->auditor_id);
	args[1] = DateADTGetDatum(a->applied_on);
	args[2] = DateADTGetDatum(valid_until);
	kept_plan_write(&kp, args, NULL, 0);
	add_term_and_report(a->auditor_id, a, valid_until);
}

/* ---------- decisions ---------- */

static void
refuse_change_of(const char *column, int64 application_id)
{
	ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_AUD_APPLICATION_FLOW,
				 psprintf("the %s of an application cannot be changed", column),
				 errdetail("Application %lld would change its %s.",
						   (long long) application_id, column),
				 errhint("Only status and decided_on change as an application is decided; withdraw it and file a new one to change anything else."));
}

static void
check_unchanged(const Application *o, const Application *n)
{
	if (o->application_id != n->application_id)
		refuse_change_of("application_id", o->application_id);
	if (n->has_organization != o->has_organization ||
		n->organization_id != o->organization_id)
		refuse_change_of("organization_id", o->application_id);
	if (n->kind == NULL || strcmp(n->kind, o->kind) != 0)
		refuse_change_of("kind", o->application_id);
	if (n->has_applied_on != o->has_applied_on || n->applied_on != o->applied_on)
		refuse_change_of("applied_on", o->application_id);
	if (n->has_auditor != o->has_auditor || n->auditor_id != o->auditor_id)
		refuse_change_of("auditor_id", o->application_id);
}

static void
check_decision_date(const Application *n)
{
	if (!is_final(n->status))
	{
		if (n->has_decided_on)
			ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
						 psprintf("an application that is %s carries no decision date", n->status),
						 errdetail("decided_on is %s.", ismap_date_text(n->decided_on)),
						 errhint("Leave decided_on null until the application is returned, approved, rejected or withdrawn."));
		return;
	}
	if (!n->has_decided_on)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 psprintf("an application that is %s needs its decision date", n->status),
					 errdetail("decided_on is null."),
					 errhint("Set decided_on to the day of the decision."));
	if (DATE_NOT_FINITE(n->decided_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, RULE_AUD_APPLICATION_FLOW,
					 "a decision date must be a calendar day",
					 errdetail("decided_on is %s.", ismap_date_text(n->decided_on)),
					 errhint("Set decided_on to the day of the decision."));
	if (n->decided_on < n->applied_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "an application cannot be decided before it was filed",
					 errdetail("Applied on %s, decided on %s.",
							   ismap_date_text(n->applied_on),
							   ismap_date_text(n->decided_on)),
					 errhint("Set decided_on on or after %s.", ismap_date_text(n->applied_on)));
	if (n->decided_on > ismap_today())
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "a decision cannot be dated in the future",
					 errdetail("decided_on is %s; today is %s.",
							   ismap_date_text(n->decided_on),
							   ismap_date_text(ismap_today())),
					 errhint("Record the decision on or after the day it is taken."));
}

static void
check_transition(const Application *o, const Application *n)
{
	if (is_final(o->status))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_AUD_APPLICATION_FLOW,
					 "a decided application cannot be changed",
					 errdetail("Application %lld was %s on %s.",
							   (long long) o->application_id, o->status,
							   o->has_decided_on ? ismap_date_text(o->decided_on) : "an unknown day"),
					 errhint("A decision stands; file a new application to ask again."));
	check_unchanged(o, n);
	if (n->status == NULL ||
		(strcmp(o->status, n->status) != 0 && !transition_allowed(o->status, n->status)))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_AUD_APPLICATION_FLOW,
					 psprintf("an application cannot go from %s to %s",
							  o->status, n->status ? n->status : "null"),
					 errdetail("Application %lld is %s.", (long long) o->application_id, o->status),
					 errhint("submitted goes to accepted, returned or withdrawn; accepted goes to approved, rejected or withdrawn."));
	check_decision_date(n);
}

static HeapTuple
set_auditor_id(HeapTuple tup, TupleDesc desc, int64 auditor_id)
{
	int			attnum = SPI_fnumber(desc, "auditor_id");
	Datum		value = Int64GetDatum(auditor_id);
	bool		isnull = false;

	return heap_modify_tuple_by_cols(tup, desc, 1, &attnum, &value, &isnull);
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.auditor_applications FOR EACH ROW */
Datum
ismap_auditor_applications_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	Application old_app,
				new_app;
	HeapTuple	result;
	int64		auditor_id = 0;
	bool		fill_auditor = false;
	RegistryRole role;

	trigger_check(fcinfo, "ismap_auditor_applications_check", true, true);
	desc = RelationGetDescr(td->tg_relation);

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_AUD_APPLICATION_FLOW,
					 "applications are never deleted",
					 errdetail("Application %lld would be deleted.",
							   (long long) DatumGetInt64(SPI_getbinval(td->tg_trigtuple, desc,
																	   SPI_fnumber(desc, "application_id"),
																	   &(bool){false}))),
					 errhint("Withdraw an undecided application by setting its status to 'withdrawn'."));

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		read_application(td->tg_trigtuple, desc, &new_app);
		check_filing_values(&new_app);
		SPI_connect();
		registry_role_enter(&role);
		if (is_renewal(&new_app))
		{
			auditor_id = renewed_auditor(&new_app);
			check_renewal_filing(&new_app, auditor_id);
			fill_auditor = !new_app.has_auditor;
		}
		else
			check_new_filing(&new_app);
		registry_role_leave(&role);
		SPI_finish();
		result = td->tg_trigtuple;
	}
	else
	{
		read_application(td->tg_trigtuple, desc, &old_app);
		read_application(td->tg_newtuple, desc, &new_app);
		check_transition(&old_app, &new_app);
		if (strcmp(new_app.status, "approved") == 0)
		{
			SPI_connect();
			registry_role_enter(&role);
			if (is_renewal(&new_app))
				approve_renewal(&new_app);
			else
			{
				auditor_id = approve_new(&new_app);
				fill_auditor = true;
			}
			registry_role_leave(&role);
			SPI_finish();
		}
		result = td->tg_newtuple;
	}

	if (fill_auditor)
		result = set_auditor_id(result, desc, auditor_id);
	return PointerGetDatum(result);
}
