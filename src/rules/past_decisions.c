/*
 * past_decisions.c
 *		A decision dated in the past may not contradict what was recorded
 *		since, resting on the state it ends.
 *
 * The registry accepts decisions dated before today: minutes are keyed in
 * after the meeting.  Such a decision changes a registration's state from
 * its date on, and facts recorded meanwhile may rest on the state it ends:
 * an audit reported by an auditor in force (svc_audit_by_registered_auditor),
 * a renewal filed or approved while the registration was not removed
 * (ovs_suspension).  The decision is refused then, as an approval that
 * predates a later registration is: the facts recorded stand, and the
 * decision is dated so as not to contradict them (or a mistaken fact is
 * corrected first).  The decision's own day counts: a state takes effect
 * for the whole of its first day, so an audit reported on the day a
 * removal takes effect is an audit by a removed auditor.  The caller holds
 * the registration's lock, which every write resting on its state takes
 * too, so nothing can be recorded in between.
 */
#include "postgres.h"

#include "access/table.h"
#include "utils/snapmgr.h"

#include "base/errors.h"
#include "base/today.h"
#include "rules/labels.h"
#include "rules/past_decisions.h"
#include "state/listing_status.h"
#include "store/scan_table.h"
#include "store/tables.h"

/* An auditor's audits, found by auditor_id: their id and report date. */
enum
{
	AUDIT_ID, AUDIT_REPORTED_ON
};
static ScanTable audits_by_auditor = {"audits", "auditor_id", {"audit_id", "reported_on"}};

/*
 * The audits auditor_id reported on or after 'since' (the decision's day)
 * still find it in force (valid or in renewal grace) on their report date,
 * with the auditor's facts as the decision leaves them ('facts').
 * 'decision' names it for the message, up to its date: "a suspension
 * effective on".
 */
void
check_audits_still_rest(int64 auditor_id, const RegistrationFacts *facts, DateADT since,
						const char *decision)
{
	Relation	rel = scan_table_open(&audits_by_auditor);
	TupleDesc	desc = RelationGetDescr(rel);
	Snapshot	snapshot = push_statement_snapshot();
	int			n;
	HeapTuple  *rows = rows_of(&audits_by_auditor, rel, auditor_id, snapshot, &n);

	for (int i = 0; i < n; i++)
	{
		DateADT		reported_on = date_column(&audits_by_auditor, AUDIT_REPORTED_ON, rows[i], desc,
											  DATEVAL_NOBEGIN);
		Standing	s;

		if (reported_on < since)
			continue;
		s = standing_on(facts, reported_on);
		if (s.status != LISTING_VALID && s.status != LISTING_RENEWAL_PENDING)
			ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
						 RULE_SVC_AUDIT_BY_REGISTERED_AUDITOR,
						 psprintf("%s %s would contradict an audit recorded since",
								  decision, ismap_date_text(since)),
						 errdetail("Audit %lld was reported on %s by auditor %s, in force that day; with this decision the auditor %s then.",
								   (long long) int64_column(&audits_by_auditor, AUDIT_ID, rows[i], desc),
								   ismap_date_text(reported_on), auditor_label(auditor_id),
								   standing_phrase(s.status)),
						 errhint("Date the decision after %s, or correct the audit's record first.",
								 ismap_date_text(reported_on)));
	}
	PopActiveSnapshot();
	table_close(rel, NoLock);
}

/*
 * No renewal of the registration ('noun' id, with 'facts') was filed or
 * approved on or after removed_on, the day a removal takes effect: a
 * removed registration cannot be renewed.
 */
void
check_renewals_before_removal(const char *noun, int64 id, const RegistrationFacts *facts,
							  DateADT removed_on)
{
	DateADT		renewed_on = DATEVAL_NOEND;
	const char *what = NULL;

	for (int i = 0; i < facts->nrenewals; i++)
		if (facts->renewals[i].filed_on >= removed_on && facts->renewals[i].filed_on < renewed_on)
		{
			renewed_on = facts->renewals[i].filed_on;
			what = "filed";
		}
	/* every term after the first was put in force by a renewal's approval */
	for (int i = 1; i < facts->nterms; i++)
		if (facts->terms[i].in_force_from >= removed_on && facts->terms[i].in_force_from < renewed_on)
		{
			renewed_on = facts->terms[i].in_force_from;
			what = "approved";
		}
	if (what != NULL)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_OVS_SUSPENSION,
					 psprintf("a removal effective on %s would contradict a renewal recorded since",
							  ismap_date_text(removed_on)),
					 errdetail("A renewal of %s was %s on %s; a removed registration cannot be renewed.",
							   fact_subject_label(noun, id), what, ismap_date_text(renewed_on)),
					 errhint("Make the removal effective after %s.", ismap_date_text(renewed_on)));
}
