/*
 * service_applications.c
 *		Trigger on ismap.service_applications: a cloud service gets on the
 *		list only through an application for it (svc_application_flow,
 *		svc_application_by_provider) that rests on an audit of that service
 *		by a registered auditor, reported on or before the application
 *		(svc_audit_by_registered_auditor), of a kind that suffices
 *		(svc_audit_kind).  A renewal is filed by the expiry date
 *		(svc_renewal_deadline) and its audit period follows on from the
 *		previous one (svc_audit_period).  Approval creates the registration
 *		(svc_registration_on_approval) or adds a validity term to it
 *		(svc_validity).  A service of ISMAP-LIU also needs what liu_scope
 *		asks, and its terms and numbers follow its own settings (liu.c).
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
#include "rules/audits.h"
#include "rules/corrections.h"
#include "rules/interests.h"
#include "rules/labels.h"
#include "rules/liu.h"
#include "rules/reapplications.h"
#include "rules/registration_number.h"
#include "rules/registration_rows.h"
#include "state/applicant_scan.h"
#include "state/civil_period.h"
#include "state/fact_tables.h"
#include "state/facts_due.h"
#include "state/facts_refresh.h"
#include "state/listing_status.h"
#include "state/registration_facts.h"
#include "state/settings.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_service_applications_check);

static const ApplicationColumns service_application_columns = {
	RULE_SVC_APPLICATION_FLOW, "service_id", "registration_id"
};

/* ---------- lookups ---------- */

/*
 * The service's registrations: how many there are, how many are in force
 * (valid, renewal_pending or suspended) on a day, and one of those.
 */
static int
registrations_in_force(int64 service_id, DateADT day, int64 *in_force,
					   int *total, int64 *latest)
{
	ApplicantRegistration *regs;
	int			count = 0;

	*total = applicant_registrations(&service_applicant_tables, service_id, &regs);
	if (latest)
		*latest = *total > 0 ? regs[0].id : 0;
	for (int i = 0; i < *total; i++)
	{
		RegistrationFacts facts;

		facts_load(&service_queries, regs[i].id, false, CurrentMemoryContext, &facts, NULL);
		if (in_force_status(standing_on(&facts, day).status) && count++ == 0)
			*in_force = regs[i].id;
	}
	return count;
}

static ApplicantQueries service_applicant = {
	&service_applicant_tables,
	{{"SELECT 1 FROM ismap.cloud_services"
	  " WHERE service_id OPERATOR(pg_catalog.=) $1 FOR UPDATE", 1, {INT8OID}},
	 {"cloud_services"}, "service_id"},
};

/* ---------- the audit behind an application ---------- */

/* svc_audit_kind: operating assessment, or design-only in the first year. */
static void
check_audit_kind(const Application *a, const Audit *audit)
{
	DateADT		start,
				window_end;

	if (audit->operating)
		return;
	start = setting_date("scheme_start");
	window_end = civil_period_end(start, setting_months("design_only_window"),
								  RULE_SVC_AUDIT_KIND);
	if (a->applied_on < start || a->applied_on > window_end)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_KIND,
					 "a design-only audit suffices only for applications filed in the scheme's first year",
					 errdetail("The application is dated %s; design-only audits were accepted from %s to %s.",
							   ismap_date_text(a->applied_on), ismap_date_text(start),
							   ismap_date_text(window_end)),
					 errhint("The audit must include the operating-effectiveness assessment (運用状況評価)."));
}

static void
check_audit(const Application *a, Audit *audit)
{
	if (!a->has_audit || !audit_load(a->audit_id, audit))
		ismap_refuse(a->has_audit ? ERRCODE_FOREIGN_KEY_VIOLATION : ERRCODE_NOT_NULL_VIOLATION,
					 RULE_SVC_AUDIT_BY_REGISTERED_AUDITOR,
					 "an application rests on a recorded audit",
					 errdetail(a->has_audit ? "There is no audit %lld." : "audit_id is null.",
							   (long long) a->audit_id),
					 errhint("Record the audit in ismap.audits and give its audit_id."));
	/* the other service may be another provider's: it is not named (sec_confidential) */
	if (audit->service_id != a->subject_id)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_BY_REGISTERED_AUDITOR,
					 "the audit is of another service",
					 errdetail("Audit %lld is not of service %s, the one applied for.",
							   (long long) audit->audit_id, service_label(a->subject_id)),
					 errhint("Give an audit of the service applied for."));
	if (audit->reported_on > a->applied_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_BY_REGISTERED_AUDITOR,
					 "the audit report was issued after the application",
					 errdetail("The report is dated %s; the application %s.",
							   ismap_date_text(audit->reported_on), ismap_date_text(a->applied_on)),
					 errhint("An application rests on an audit reported on or before its date."));
	check_audit_kind(a, audit);
	(void) check_audit_by_registered_auditor(audit);
}

/* ---------- filing ---------- */

/* A renewal keeps the number of the registration it renews: at its filing, and at its approval. */
static void
refuse_renewal_number(const Application *a, bool approving)
{
	ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
				 psprintf("a %s keeps the registration's number", a->kind),
				 errdetail("The %s gives registration_number %s.",
						   approving ? "approval" : a->kind, a->registration_number),
				 errhint("Leave registration_number null when %s a %s.",
						 approving ? "approving" : "filing", a->kind));
}

/*
 * A number filed with an application is checked by the first write that
 * carries it: its form, and that no registration has its serial and
 * branch (its year is checked against the registration date at the
 * approval, which checks the rest again).
 */
static void
check_filed_number(const Application *a)
{
	if (application_is_renewal(a) || application_is_reapplication(a))
		refuse_renewal_number(a, false);
	check_filed_service_number(a->registration_number,
							   service_number_prefix(service_is_liu(a->subject_id)));
}

static void
check_new_filing(const Application *a)
{
	int64		in_force = 0;
	int			total;

	/* one decision about a service at a time: see what committed last */
	if (!lock_applicant(&service_applicant, a->subject_id))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_SVC_APPLICATION_FLOW,
					 "the application is for a recorded cloud service",
					 errdetail("There is no cloud service %lld.", (long long) a->subject_id),
					 errhint("Record the service in ismap.cloud_services and give its service_id."));
	if (a->has_target)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_APPLICATION_FLOW,
					 "a new application names no registration",
					 errdetail("registration_id is %lld; the extension fills it in on approval.",
							   (long long) a->target_id),
					 errhint("Leave registration_id null, or file kind 'renewal' to renew that registration."));
	if (registrations_in_force(a->subject_id, a->applied_on, &in_force, &total, NULL) > 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_APPLICATION_FLOW,
					 "the service is already registered",
					 errdetail("Registration %s of service %s is in force on %s.",
							   registration_label(in_force), service_label(a->subject_id),
							   ismap_date_text(a->applied_on)),
					 errhint("File a renewal (kind 'renewal') instead."));
	if (overlapping_application_exists(&service_applicant, false, a->subject_id, a->applied_on))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_APPLICATION_FLOW,
					 "the service already has an undecided application",
					 errdetail("Service %s has a new application that was undecided on %s or is dated later.",
							   service_label(a->subject_id),
							   ismap_date_text(a->applied_on)),
					 errhint("Decide or withdraw that application first."));
}

/* The registration a renewal renews: the one named, or the only one. */
static int64
renewed_registration(const Application *a)
{
	int64		in_force = 0,
				latest = 0;
	int			total,
				n;

	if (a->has_target)
		return a->target_id;
	n = registrations_in_force(a->subject_id, a->applied_on, &in_force, &total, &latest);
	if (total == 1)
		return latest;
	if (n == 1)
		return in_force;
	if (total > 1 && n == 0)
		return latest;			/* a late renewal: refused as such below */
	if (total == 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_APPLICATION_FLOW,
					 "the service has no registration to renew",
					 errdetail("Service %s has never been registered.",
							   service_label(a->subject_id)),
					 errhint("File a new application (kind 'new')."));
	ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_APPLICATION_FLOW,
				 "the renewal does not say which registration it renews",
				 errdetail("Service %s has %d registrations, %d of them in force on %s.",
						   service_label(a->subject_id), total, n,
						   ismap_date_text(a->applied_on)),
				 errhint("Give registration_id."));
	return 0;					/* not reached */
}

/* The checks of a renewal filed; *facts: the registration's, read under its lock. */
static void
check_renewal_filing(const Application *a, int64 registration_id, const Audit *audit,
					 RegistrationFacts *facts_out)
{
	RegistrationFacts facts;
	int64		service_id = 0;
	const Term *latest;

	if (!registration_lock_facts(&service_queries, registration_id, CurrentMemoryContext,
								 &facts, &service_id))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_SVC_APPLICATION_FLOW,
					 "the registration to renew does not exist",
					 errdetail("There is no registration %lld.", (long long) registration_id),
					 errhint("Give the registration_id of a registered service."));
	if (service_id != a->subject_id)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_APPLICATION_BY_PROVIDER,
					 "a renewal renews a registration of the service applied for",
					 errdetail("Registration %s is of service %s, not %lld.",
							   registration_label(registration_id),
							   service_label(service_id), 
							   (long long) a->subject_id),
					 errhint("Give a registration of this service."));

	latest = &facts.terms[facts.nterms - 1];
	if (is_removed_by(&facts, a->applied_on))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
					 "a removed registration cannot be renewed",
					 errdetail("Registration %s was removed on or before %s; removal is final.",
							   registration_label(registration_id),
							   ismap_date_text(a->applied_on)),
					 errhint("The provider may file a new application."));
	if (a->applied_on < latest->in_force_from)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_RENEWAL_GRACE,
					 "a renewal cannot be dated before the term it renews came into force",
					 errdetail("The term in force since %s runs until %s; the renewal is dated %s.",
							   ismap_date_text(latest->in_force_from),
							   ismap_date_text(latest->valid_until),
							   ismap_date_text(a->applied_on)),
					 errhint("Date the renewal on or after %s.",
							 ismap_date_text(latest->in_force_from)));
	if (a->applied_on > latest->valid_until)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_RENEWAL_DEADLINE,
					 "a renewal filed after the registration expired is not a renewal",
					 errdetail("Registration %s was valid until %s; the renewal is dated %s.",
							   registration_label(registration_id),
							   ismap_date_text(latest->valid_until), 
							   ismap_date_text(a->applied_on)),
					 errhint("File a new application (kind 'new'); it makes a new registration."));
	if (overlapping_application_exists(&service_applicant, true, registration_id, a->applied_on))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_APPLICATION_FLOW,
					 "the registration already has an undecided renewal",
					 errdetail("Registration %s has a renewal that was undecided on %s or is dated later.",
							   registration_label(registration_id),
							   ismap_date_text(a->applied_on)),
					 errhint("Decide or withdraw that renewal first."));
	if (audit->period_start != latest->period_end + 1)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_PERIOD,
					 "a renewal's audit period starts the day after the previous one ended",
					 errdetail("The audit period behind the term in force ended %s; this audit's starts %s.",
							   ismap_date_text(latest->period_end),
							   ismap_date_text(audit->period_start)),
					 errhint("Audit the period from %s on: no gap, no overlap.",
							 ismap_date_text(latest->period_end + 1)));
	*facts_out = facts;
}

/* ---------- approval ---------- */

static DateADT
term_valid_until(const Application *a, const Audit *audit)
{
	bool		liu = service_is_liu(a->subject_id);
	DateADT		valid_until = civil_period_end(audit->period_end + 1,
											   setting_months(service_validity_setting(liu)),
											   liu ? RULE_LIU_LIST : RULE_SVC_VALIDITY);

	if (a->decided_on > valid_until)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_VALIDITY,
					 "the validity term would end before the approval",
					 errdetail("The audit period ended %s, so the term runs until %s; the approval is dated %s.",
							   ismap_date_text(audit->period_end), ismap_date_text(valid_until),
							   ismap_date_text(a->decided_on)),
					 errhint("An application decided after its term would end cannot be approved; reject it."));
	return valid_until;
}

/* The validity term an approval grants: in force from its decision. */
static Term
approved_term(const Application *a, const Audit *audit, DateADT valid_until)
{
	Term		term;

	term.in_force_from = a->decided_on;
	term.valid_from = audit->period_start;
	term.valid_until = valid_until;
	term.period_end = audit->period_end;
	term.audit_id = audit->audit_id;
	term.auditor_id = audit->auditor_id;
	return term;
}

/*
 * A registration's facts once a renewal of it is approved on decided_on:
 * the new term last (it comes into force on the latest day, and has the
 * highest number), and the renewal, the registration's one undecided
 * renewal, decided that day; everything else as before.  False if the
 * facts do not show exactly one undecided renewal: the refresh after the
 * approval then reads them from the tables.
 */
static bool
renewed_facts(const RegistrationFacts *facts, Term term, DateADT decided_on,
			  RegistrationFacts *renewed)
{
	int			undecided = 0;

	*renewed = *facts;
	renewed->terms = palloc(sizeof(Term) * (facts->nterms + 1));
	memcpy(renewed->terms, facts->terms, sizeof(Term) * facts->nterms);
	renewed->terms[renewed->nterms++] = term;
	renewed->renewals = palloc(sizeof(Renewal) * (facts->nrenewals + 1));
	memcpy(renewed->renewals, facts->renewals, sizeof(Renewal) * facts->nrenewals);
	for (int i = 0; i < renewed->nrenewals; i++)
		if (renewed->renewals[i].resolved_on == DATEVAL_NOEND)
		{
			renewed->renewals[i].resolved_on = decided_on;
			undecided++;
		}
	return undecided == 1;
}

/*
 * Approve a new application: the registration it creates, with its number
 * (supplied with the approval or assigned) in *number, allocated in 'cxt'.
 */
static int64
approve_new(const Application *a, const Audit *audit, MemoryContext cxt, char **number_out)
{
	DateADT		valid_until;
	int64		in_force = 0,
				registration_id;
	int			total;
	char	   *number;
	Term		term;
	RegistrationFacts facts;
	bool		liu;

	lock_applicant(&service_applicant, a->subject_id);
	if (registrations_in_force(a->subject_id, a->decided_on, &in_force, &total, NULL) > 0 ||
		registered_since(&service_applicant, a->subject_id, a->decided_on))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_APPLICATION_FLOW,
					 "the service is already registered",
					 errdetail("Registration %s of service %s is in force on %s.",
							   registration_label(in_force), service_label(a->subject_id),
							   ismap_date_text(a->decided_on)),
					 errhint("Reject or withdraw this application; the provider renews instead."));
	liu = service_is_liu(a->subject_id);
	valid_until = term_valid_until(a, audit);
	if (a->registration_number != NULL)
	{
		check_supplied_service_number(a->registration_number, a->decided_on,
									  service_number_prefix(liu));
		number = a->registration_number;
	}
	else
		number = assign_service_number(a->decided_on, service_number_prefix(liu),
									   service_number_sequence(liu));

	/* a new registration's facts: its first term, nothing else yet */
	term = approved_term(a, audit, valid_until);
	memset(&facts, 0, sizeof(facts));
	facts.registered_on = a->decided_on;
	facts.nterms = 1;
	facts.terms = &term;
	*number_out = MemoryContextStrdup(cxt, number);
	registration_id = registration_row_insert(number, a->subject_id, a->decided_on, audit,
											  valid_until, &facts);
	registration_term_insert(registration_id, 1, a->application_id, a->decided_on, audit,
							 valid_until);
	approval_wrote_facts_of(registration_id, number, a->subject_id, NULL, &facts,
							a->application_id, a->decided_on);
	return registration_id;
}

static void
approve_renewal(const Application *a, const Audit *audit)
{
	RegistrationFacts facts,
				renewed;
	DateADT		valid_until;
	bool		known;
	char	   *number;
	int64		service_id;

	if (a->registration_number != NULL)
		refuse_renewal_number(a, true);
	registration_lock_facts(&service_queries, a->target_id, CurrentMemoryContext, &facts, NULL);
	if (is_removed_by(&facts, a->decided_on))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
					 "a removed registration cannot be renewed",
					 errdetail("Registration %s was removed on or before %s; removal is final.",
							   registration_label(a->target_id),
							   ismap_date_text(a->decided_on)),
					 errhint("Reject this renewal; the provider may file a new application."));
	valid_until = term_valid_until(a, audit);

	known = renewed_facts(&facts, approved_term(a, audit, valid_until), a->decided_on, &renewed);
	registration_row_renew(a->target_id, audit, valid_until, known ? &renewed : NULL,
						   &number, &service_id);
	registration_term_insert(a->target_id, facts.nterms + 1, a->application_id, a->decided_on,
							 audit, valid_until);
	if (known)
		approval_wrote_facts_of(a->target_id, number, service_id, &facts, &renewed,
								a->application_id, a->decided_on);
}

/* ---------- reapplication (ovs_reapplication) ---------- */

/*
 * A reapplication rests on a new audit: one whose period ends after the
 * period behind the term in force, so that its term does not end before
 * the one it follows.
 */
static void
check_reapplication_audit(const Audit *audit, const RegistrationFacts *facts)
{
	const Term *latest = &facts->terms[facts->nterms - 1];

	if (audit->period_end <= latest->period_end)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_PERIOD,
					 "a reapplication rests on an audit newer than the term in force",
					 errdetail("The audit period behind the term in force ended %s; this audit's ends %s.",
							   ismap_date_text(latest->period_end),
							   ismap_date_text(audit->period_end)),
					 errhint("Give an audit whose period ends after %s.",
							 ismap_date_text(latest->period_end)));
}

/*
 * Approve a reapplication: a new validity term from its own audit, as a
 * renewal adds one; its facts are left for the refresh after the row.
 */
static void
approve_reapplication(const Application *a, const Audit *audit)
{
	RegistrationFacts facts;
	DateADT		valid_until;
	char	   *number;
	int64		service_id;

	if (a->registration_number != NULL)
		refuse_renewal_number(a, true);
	reapplication_approval_check(false, a, &facts);
	check_reapplication_audit(audit, &facts);
	valid_until = term_valid_until(a, audit);
	registration_row_renew(a->target_id, audit, valid_until, NULL, &number, &service_id);
	registration_term_insert(a->target_id, facts.nterms + 1, a->application_id, a->decided_on,
							 audit, valid_until);
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.service_applications FOR EACH ROW */
Datum
ismap_service_applications_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	Application old_app,
				new_app;
	Audit		audit;
	HeapTuple	result;
	int64		registration_id = 0;
	bool		fill_registration = false;
	char	   *number = NULL;
	MemoryContext trigger_cxt = CurrentMemoryContext;
	RegistryRole role;
	ActingRole	actor = current_actor();
	bool		corrected;

	trigger_check(fcinfo, "ismap_service_applications_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	desc = RelationGetDescr(td->tg_relation);
	read_application(td->tg_trigtuple, desc, &service_application_columns, &old_app);

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		refuse_application_delete(&old_app);

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		new_app = old_app;		/* on INSERT, tg_trigtuple is the new row */
		check_filing_values(&new_app, "a cloud service");
		require_provider_of_service(&actor, new_app.subject_id,
									"file an application for this cloud service");
		SPI_connect();
		registry_role_enter(&role);
		if (new_app.registration_number != NULL)
			check_filed_number(&new_app);
		check_audit(&new_app, &audit);
		if (service_is_liu(new_app.subject_id))
			check_liu_application(new_app.subject_id, new_app.applied_on);
		if (application_is_renewal(&new_app))
		{
			RegistrationFacts facts;

			registration_id = renewed_registration(&new_app);
			check_renewal_filing(&new_app, registration_id, &audit, &facts);
			fill_registration = !new_app.has_target;
			if (facts.nrenewals == 0)
				renewal_filing_writes_facts(registration_id, &facts, new_app.application_id,
											new_app.applied_on);
		}
		else if (application_is_reapplication(&new_app))
		{
			RegistrationFacts facts;

			registration_id = reapplication_filing_target(false, &new_app, &facts);
			check_reapplication_audit(&audit, &facts);
			fill_registration = !new_app.has_target;
		}
		else
			check_new_filing(&new_app);
		registry_role_leave(&role);
		SPI_finish();
		result = td->tg_trigtuple;
	}
	else
	{
		read_application(td->tg_newtuple, desc, &service_application_columns, &new_app);
		if (correction_reason() == NULL)	/* ismap.correct() checks its own */
			require_application_decider(&actor, true, old_app.subject_id, old_app.status,
										new_app.status);
		corrected = check_decision(&old_app, &new_app);
		if (!corrected)			/* a valid decision: by a role with no interest */
			check_decision_interests(&actor, true, &old_app, &new_app);
		if (corrected)
		{
			/* a corrected decision date: the term it granted moves with it */
			SPI_connect();
			registry_role_enter(&role);
			if (strcmp(new_app.status, "approved") == 0)
				correct_approval_date(true, new_app.application_id, new_app.decided_on);
			check_correction_keeps_order(true, new_app.subject_id, new_app.application_id,
										 old_app.decided_on, new_app.decided_on);
			registry_role_leave(&role);
			SPI_finish();
		}
		else if (strcmp(new_app.status, "approved") == 0)
		{
			SPI_connect();
			registry_role_enter(&role);
			check_audit(&new_app, &audit);
			if (application_is_renewal(&new_app))
				approve_renewal(&new_app, &audit);
			else if (application_is_reapplication(&new_app))
				approve_reapplication(&new_app, &audit);
			else
			{
				registration_id = approve_new(&new_app, &audit, trigger_cxt, &number);
				fill_registration = true;
			}
			registry_role_leave(&role);
			SPI_finish();
		}
		result = td->tg_newtuple;
	}

	if (fill_registration)
		result = set_int64_column(result, desc, "registration_id", registration_id);
	if (number != NULL)			/* the number the approval gave, on the application too */
		result = set_text_column(result, desc, "registration_number", number);
	facts_refresh_due(&service_queries);	/* the row's after trigger refreshes */
	return PointerGetDatum(result);
}
