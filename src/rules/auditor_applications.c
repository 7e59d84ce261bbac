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

#include "base/errors.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "log/correction_reason.h"
#include "rules/application_flow.h"
#include "rules/authority.h"
#include "rules/corrections.h"
#include "rules/interests.h"
#include "rules/labels.h"
#include "rules/past_decisions.h"
#include "rules/reapplications.h"
#include "rules/registration_number.h"
#include "state/applicant_scan.h"
#include "state/civil_period.h"
#include "state/fact_tables.h"
#include "state/facts_due.h"
#include "state/listing_status.h"
#include "state/registration_facts.h"
#include "state/settings.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_auditor_applications_check);

static const ApplicationColumns auditor_application_columns = {
	RULE_AUD_APPLICATION_FLOW, "organization_id", "auditor_id"
};

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
	ApplicantRegistration *auditors;
	int			n = applicant_registrations(&auditor_applicant_tables, organization_id, &auditors);
	int			count = 0;

	*had_expired = false;
	for (int i = 0; i < n; i++)
	{
		RegistrationFacts facts;
		Standing	s;

		facts_load(&auditor_queries, auditors[i].id, false, CurrentMemoryContext, &facts, NULL);
		s = standing_on(&facts, day);
		if (in_force_status(s.status))
		{
			if (count++ == 0)
				*found = auditors[i].id;
		}
		else if (s.status == LISTING_EXPIRED)
			*had_expired = true;
	}
	return count;
}

static ApplicantQueries auditor_applicant = {
	&auditor_applicant_tables,
	{{"SELECT 1 FROM ismap.organizations"
	  " WHERE organization_id OPERATOR(pg_catalog.=) $1 FOR UPDATE", 1, {INT8OID}},
	 {"organizations"}, "organization_id"},
};

/* ---------- filing ---------- */

static void
check_new_filing(const Application *a)
{
	int64		in_force = 0;
	bool		had_expired;

	/* one decision about an organization at a time: see what committed last */
	if (!lock_applicant(&auditor_applicant, a->subject_id))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the applicant is a recorded organization",
					 errdetail("There is no organization %lld.", (long long) a->subject_id),
					 errhint("Record the organization in ismap.organizations and give its organization_id."));
	if (a->has_target)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "a new application names no auditor",
					 errdetail("auditor_id is %lld; the extension fills it in when the application is approved.",
							   (long long) a->target_id),
					 errhint("Leave auditor_id null, or file kind 'renewal' to renew that auditor."));
	if (auditors_in_force(a->subject_id, a->applied_on, &in_force, &had_expired) > 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the organization is already a registered auditor",
					 errdetail("Auditor %s of organization %s is in force on %s.",
							   auditor_label(in_force), organization_label(a->subject_id),
							   ismap_date_text(a->applied_on)),
					 errhint("File a renewal (kind 'renewal') instead."));
	if (overlapping_application_exists(&auditor_applicant, false, a->subject_id, a->applied_on))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the organization already has an undecided application",
					 errdetail("Organization %s has a new application that was undecided on %s or is dated later.",
							   organization_label(a->subject_id),
							   ismap_date_text(a->applied_on)),
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

	if (a->has_target)
		return a->target_id;
	n = auditors_in_force(a->subject_id, a->applied_on, &found, &had_expired);
	if (n == 1)
		return found;
	if (n == 0 && had_expired)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_RENEWAL_GRACE,
					 "a renewal filed after the registration expired is not a renewal",
					 errdetail("Organization %s has no auditor registration in force on %s.",
							   organization_label(a->subject_id), 
							   ismap_date_text(a->applied_on)),
					 errhint("File a new application (kind 'new')."));
	if (n == 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the organization has no auditor registration to renew",
					 errdetail("Organization %s has no auditor registration in force on %s.",
							   organization_label(a->subject_id), 
							   ismap_date_text(a->applied_on)),
					 errhint("File a new application (kind 'new')."));
	ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
				 "the renewal does not say which auditor it renews",
				 errdetail("Organization %s has %d auditor registrations in force on %s.",
						   organization_label(a->subject_id), n, 
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

	if (!registration_lock_facts(&auditor_queries, auditor_id, CurrentMemoryContext, &facts,
								 &organization_id))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the auditor to renew does not exist",
					 errdetail("There is no auditor %lld.", (long long) auditor_id),
					 errhint("Give the auditor_id of a registered auditor."));
	if (organization_id != a->subject_id)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "an organization renews only its own auditor registration",
					 errdetail("Auditor %s belongs to organization %s, not %s.",
							   auditor_label(auditor_id),
							   organization_label(organization_id), 
							   organization_label(a->subject_id)),
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
					 errdetail("Auditor %s was removed on or before %s; removal is final.",
							   auditor_label(auditor_id), ismap_date_text(a->applied_on)),
					 errhint("The organization may file a new application."));
	if (a->applied_on > latest->valid_until)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_RENEWAL_GRACE,
					 "a renewal filed after the registration expired is not a renewal",
					 errdetail("Auditor %s was valid until %s; the renewal is dated %s.",
							   auditor_label(auditor_id), 
							   ismap_date_text(latest->valid_until),
							   ismap_date_text(a->applied_on)),
					 errhint("File a new application (kind 'new')."));
	if (overlapping_application_exists(&auditor_applicant, true, auditor_id, a->applied_on))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the auditor already has an undecided renewal",
					 errdetail("Auditor %s has a renewal that was undecided on %s or is dated later.",
							   auditor_label(auditor_id), ismap_date_text(a->applied_on)),
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

/*
 * Registration numbers: 'A' + two-digit year of registration + '-' +
 * serial (registration_number.c says why two digits of year suffice).
 */
static char *
next_registration_number(DateADT registered_on)
{
	static KeptPlan kp = {
		"SELECT pg_catalog.nextval('ismap.auditor_registration_serial'::pg_catalog.regclass)",
		0, {InvalidOid}
	};
	int			yy = registration_year_digits(registered_on, RULE_AUD_APPLICATION_FLOW);
	int64		serial = 0;

	kept_plan_run(&kp, NULL, NULL, false, 1);
	spi_get_int64(0, 1, &serial);
	return psprintf("A%02d-%04lld", yy, (long long) serial);
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

	lock_applicant(&auditor_applicant, a->subject_id);
	if (auditors_in_force(a->subject_id, a->decided_on, &in_force, &had_expired) > 0 ||
		registered_since(&auditor_applicant, a->subject_id, a->decided_on))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_APPLICATION_FLOW,
					 "the organization is already a registered auditor",
					 errdetail("Auditor %s of organization %s is in force on %s.",
							   auditor_label(in_force), organization_label(a->subject_id),
							   ismap_date_text(a->decided_on)),
					 errhint("Reject or withdraw this application; the organization renews instead."));
	valid_until = term_valid_until(a);

	args[0] = CStringGetTextDatum(next_registration_number(a->decided_on));
	args[1] = Int64GetDatum(a->subject_id);
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

	if (application_is_reapplication(a))
		reapplication_approval_check(true, a, &facts);
	else
		registration_lock_facts(&auditor_queries, a->target_id, CurrentMemoryContext, &facts, NULL);
	if (is_removed_by(&facts, a->decided_on))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
					 "a removed auditor cannot be renewed",
					 errdetail("Auditor %s was removed on or before %s; removal is final.",
							   auditor_label(a->target_id),
							   ismap_date_text(a->decided_on)),
					 errhint("Reject this renewal; the organization may file a new application."));
	valid_until = term_valid_until(a);

	args[0] = Int64GetDatum(a->target_id);
	args[1] = DateADTGetDatum(a->applied_on);
	args[2] = DateADTGetDatum(valid_until);
	kept_plan_write(&kp, args, NULL, 0);
	add_term_and_report(a->target_id, a, valid_until);
}

/*
 * A renewal that ends without an approval (rejected, returned, withdrawn)
 * ends the auditor's renewal grace on its decision date: the audits the
 * auditor reported since must still find it in force (past_decisions.c).
 * pending_until: the renewal's end as recorded before this write
 * (DATEVAL_NOEND while it was undecided).
 */
static void
check_renewal_end(const Application *a, DateADT pending_until)
{
	RegistrationFacts facts;

	if (!application_is_renewal(a) || !a->has_target || strcmp(a->status, "approved") == 0 ||
		!registration_lock_facts(&auditor_queries, a->target_id, CurrentMemoryContext,
								 &facts, NULL))
		return;
	for (int i = 0; i < facts.nrenewals; i++)
		if (facts.renewals[i].filed_on == a->applied_on &&
			facts.renewals[i].resolved_on == pending_until)
		{
			facts.renewals[i].resolved_on = a->decided_on;
			break;
		}
	check_audits_still_rest(a->target_id, &facts, a->decided_on,
							psprintf("a renewal %s on", a->status));
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
	ActingRole	actor = current_actor();
	bool		corrected;

	trigger_check(fcinfo, "ismap_auditor_applications_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	desc = RelationGetDescr(td->tg_relation);
	read_application(td->tg_trigtuple, desc, &auditor_application_columns, &old_app);

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		refuse_application_delete(&old_app);

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		new_app = old_app;		/* on INSERT, tg_trigtuple is the new row */
		check_filing_values(&new_app, "an organization");
		require_for_organization(&actor, CAPACITY_AUDITOR, new_app.subject_id,
								 "file an auditor application");
		SPI_connect();
		registry_role_enter(&role);
		if (application_is_renewal(&new_app))
		{
			auditor_id = renewed_auditor(&new_app);
			check_renewal_filing(&new_app, auditor_id);
			fill_auditor = !new_app.has_target;
		}
		else if (application_is_reapplication(&new_app))
		{
			RegistrationFacts facts;

			auditor_id = reapplication_filing_target(true, &new_app, &facts);
			fill_auditor = !new_app.has_target;
		}
		else
			check_new_filing(&new_app);
		registry_role_leave(&role);
		SPI_finish();
		result = td->tg_trigtuple;
	}
	else
	{
		read_application(td->tg_newtuple, desc, &auditor_application_columns, &new_app);
		if (correction_reason() == NULL)	/* ismap.correct() checks its own */
			require_application_decider(&actor, false, old_app.subject_id, old_app.status,
										new_app.status);
		corrected = check_decision(&old_app, &new_app);
		if (!corrected)			/* a valid decision: by a role with no interest */
			check_decision_interests(&actor, false, &old_app, &new_app);
		if (corrected)
		{
			/* a corrected decision date: the term it granted moves with it */
			SPI_connect();
			registry_role_enter(&role);
			if (strcmp(new_app.status, "approved") == 0)
				correct_approval_date(false, new_app.application_id, new_app.decided_on);
			check_correction_keeps_order(false, new_app.subject_id, new_app.application_id,
										 old_app.decided_on, new_app.decided_on);
			check_renewal_end(&new_app, old_app.decided_on);
			registry_role_leave(&role);
			SPI_finish();
		}
		else if (strcmp(new_app.status, "approved") == 0)
		{
			SPI_connect();
			registry_role_enter(&role);
			/* a reapplication's term and report are those of a renewal */
			if (application_is_renewal(&new_app) || application_is_reapplication(&new_app))
				approve_renewal(&new_app);
			else
			{
				auditor_id = approve_new(&new_app);
				fill_auditor = true;
			}
			registry_role_leave(&role);
			SPI_finish();
		}
		else if (application_status_is_final(new_app.status) &&
				 !application_status_is_final(old_app.status))
		{
			SPI_connect();
			registry_role_enter(&role);
			check_renewal_end(&new_app, DATEVAL_NOEND);
			registry_role_leave(&role);
			SPI_finish();
		}
		result = td->tg_newtuple;
	}

	if (fill_auditor)
		result = set_int64_column(result, desc, "auditor_id", auditor_id);
	facts_refresh_due(&auditor_queries);	/* the row's after trigger refreshes */
	return PointerGetDatum(result);
}
