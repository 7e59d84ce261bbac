/*
 * reapplications.c
 *		Applications of kind 'reapplication' (ovs_reapplication, 5.3).
 *
 * The committee may demand that a registered service or auditor re-apply
 * by a due date (ismap.reapplication_demands).  A reapplication is filed
 * only while such a demand of its registration (or auditor) is open; it
 * names that registration, or the extension fills it in when exactly one
 * of the applicant's registrations has an open demand.  It follows the
 * application flow.  While it is pending the registration stays as it is:
 * it gives no renewal grace (the facts count only renewals as grace,
 * state/facts_scan.c).  Its approval adds a validity term, as a renewal
 * does (the callers write it), to a registration still registered on the
 * decision date: a reapplication does not revive an expired registration
 * (a new application does that, with a new number) and nothing revives a
 * removed one.  A rejection leaves the registration to the committee.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"

#include "base/errors.h"
#include "base/today.h"
#include "rules/labels.h"
#include "rules/reapplications.h"
#include "state/applicant_scan.h"
#include "state/demand_status.h"
#include "state/fact_tables.h"
#include "state/registration_facts.h"
#include "store/kept_plans.h"

bool
application_is_reapplication(const Application *a)
{
	return a->kind != NULL && strcmp(a->kind, "reapplication") == 0;
}

/* The applicant's one registration (or auditor) with a demand open on the filing day. */
static int64
demanded_target(bool auditor, const Application *a)
{
	ApplicantRegistration *regs;
	int			n = applicant_registrations(auditor ? &auditor_applicant_tables :
											&service_applicant_tables,
											a->subject_id, &regs);
	int64		found = 0;
	int			count = 0;

	for (int i = 0; i < n; i++)
		if (open_reapplication_demand(auditor, regs[i].id, a->applied_on) != 0 &&
			count++ == 0)
			found = regs[i].id;
	if (count == 1)
		return found;
	if (count == 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_REAPPLICATION,
					 "a reapplication is filed only on an open demand of the committee",
					 errdetail("No %s of %s has a re-application demand open on %s.",
							   auditor ? "auditor registration" : "registration",
							   auditor ? organization_label(a->subject_id) : service_label(a->subject_id),
							   ismap_date_text(a->applied_on)),
					 errhint("File a renewal or a new application instead, or date the reapplication within the demand."));
	ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_REAPPLICATION,
				 "the reapplication does not say which registration it is for",
				 errdetail("%d registrations of the applicant have a re-application demand open on %s.",
						   count, ismap_date_text(a->applied_on)),
				 errhint("Give %s.", auditor ? "auditor_id" : "registration_id"));
	return 0;					/* not reached */
}

/* An undecided reapplication of the same registration (or auditor). */
static bool
undecided_reapplication(bool auditor, int64 target, int64 application_id)
{
	static KeptPlan of_service = {
		"SELECT 1 FROM ismap.service_applications"
		" WHERE registration_id OPERATOR(pg_catalog.=) $1"
		" AND kind OPERATOR(pg_catalog.=) 'reapplication'::ismap.application_kind"
		" AND status OPERATOR(pg_catalog.=) ANY ('{submitted,accepted}'::ismap.application_status[])"
		" AND application_id OPERATOR(pg_catalog.<>) $2",
		2, {INT8OID, INT8OID}
	};
	static KeptPlan of_auditor = {
		"SELECT 1 FROM ismap.auditor_applications"
		" WHERE auditor_id OPERATOR(pg_catalog.=) $1"
		" AND kind OPERATOR(pg_catalog.=) 'reapplication'::ismap.application_kind"
		" AND status OPERATOR(pg_catalog.=) ANY ('{submitted,accepted}'::ismap.application_status[])"
		" AND application_id OPERATOR(pg_catalog.<>) $2",
		2, {INT8OID, INT8OID}
	};
	Datum		args[2];

	args[0] = Int64GetDatum(target);
	args[1] = Int64GetDatum(application_id);
	kept_plan_run(auditor ? &of_auditor : &of_service, args, NULL, false, 1);
	return SPI_processed > 0;
}

/* Lock the registration (or auditor) and load its facts; it belongs to the applicant. */
static void
lock_target(bool auditor, const Application *a, int64 target, RegistrationFacts *facts)
{
	FactQueries *q = auditor ? &auditor_queries : &service_queries;
	int64		owner = 0;

	if (!registration_lock_facts(q, target, CurrentMemoryContext, facts, &owner))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, a->rule,
					 psprintf("there is no such %s", q->noun),
					 errdetail("There is no %s %lld.", q->noun, (long long) target),
					 errhint("Give the %s the demand was made of.",
							 auditor ? "auditor_id" : "registration_id"));
	if (owner != a->subject_id)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, a->rule,
					 "a reapplication is for a registration of the applicant",
					 errdetail("%s does not belong to %s.", fact_subject_label(q->noun, target),
							   auditor ? organization_label(a->subject_id) : service_label(a->subject_id)),
					 errhint("Give a registration of the applicant."));
}

/* The registration is registered on 'day' (removed: final; expired: a new application). */
static void
check_registered(bool auditor, const Application *a, int64 target,
				 const RegistrationFacts *facts, DateADT day, const char *what)
{
	const char *noun = auditor ? "auditor" : "registration";
	ListingStatus status = standing_on(facts, day).status;

	if (status == LISTING_REMOVED)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
					 psprintf("a removed %s cannot re-apply", noun),
					 errdetail("%s was removed on or before %s; removal is final.",
							   fact_subject_label(noun, target), ismap_date_text(day)),
					 errhint("A new application makes a new registration."));
	if (!in_force_status(status))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_REAPPLICATION,
					 psprintf("a reapplication is %s while the registration is registered", what),
					 errdetail("%s %s on %s.", fact_subject_label(noun, target),
							   standing_phrase(status), ismap_date_text(day)),
					 errhint("File a new application (kind 'new'); it makes a new registration."));
}

/*
 * The registration (or auditor) a reapplication being filed is for, with
 * its facts, read under its lock; refused unless a demand of it is open on
 * the filing day.  The caller is a trigger, connected to SPI.
 */
int64
reapplication_filing_target(bool auditor, const Application *a, RegistrationFacts *facts)
{
	int64		target = a->has_target ? a->target_id : demanded_target(auditor, a);

	lock_target(auditor, a, target, facts);
	check_registered(auditor, a, target, facts, a->applied_on, "filed");
	if (open_reapplication_demand(auditor, target, a->applied_on) == 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_REAPPLICATION,
					 "a reapplication is filed only on an open demand of the committee",
					 errdetail("%s has no re-application demand open on %s.",
							   fact_subject_label(auditor ? "auditor" : "registration", target),
							   ismap_date_text(a->applied_on)),
					 errhint("A demand is open from its day to its due date, until a reapplication fulfils it."));
	if (undecided_reapplication(auditor, target, a->application_id))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_REAPPLICATION,
					 "the registration already has an undecided reapplication",
					 errdetail("%s has a reapplication that is not decided.",
							   fact_subject_label(auditor ? "auditor" : "registration", target)),
					 errhint("Decide or withdraw that reapplication first."));
	return target;
}

/*
 * An approval of a reapplication: its registration is still registered on
 * the decision date.  Loads its facts under its lock.
 */
void
reapplication_approval_check(bool auditor, const Application *a, RegistrationFacts *facts)
{
	lock_target(auditor, a, a->target_id, facts);
	check_registered(auditor, a, a->target_id, facts, a->decided_on, "approved");
}
