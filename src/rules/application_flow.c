/*
 * application_flow.c
 *		The state machine of applications (3.3, 3.4, 4.1-4.3):
 *
 *		submitted -> accepted (受理) | returned (不受理) | withdrawn
 *		accepted  -> approved (登録) | rejected | withdrawn
 *
 * An application is dated from the scheme's start to ismap.today().  Every
 * final status carries its decision date in decided_on, on or after the
 * application date and the scheme's start, and not after ismap.today();
 * accepted carries none.
 * A decided application is never rewritten; no application is deleted.
 * What an approval creates is the business of the auditor and service
 * files; this file only decides whether a row may change as it does.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "executor/spi.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "base/today.h"
#include "log/correction_reason.h"
#include "log/history.h"
#include "rules/application_flow.h"
#include "rules/scheme_start.h"
#include "state/applicant_scan.h"
#include "store/columns.h"
#include "store/row_locks.h"

void
read_application(HeapTuple tup, TupleDesc desc, const ApplicationColumns *cols,
				 Application *a)
{
	a->rule = cols->rule;
	a->subject_column = cols->subject;
	tuple_get_int64(tup, desc, "application_id", &a->application_id);
	a->has_subject = tuple_get_int64(tup, desc, cols->subject, &a->subject_id);
	a->kind = tuple_get_text(tup, desc, "kind");
	a->has_applied_on = tuple_get_date(tup, desc, "applied_on", &a->applied_on);
	a->status = tuple_get_text(tup, desc, "status");
	a->has_decided_on = tuple_get_date(tup, desc, "decided_on", &a->decided_on);
	a->has_target = tuple_get_int64(tup, desc, cols->target, &a->target_id);
	a->has_audit = tuple_get_int64(tup, desc, "audit_id", &a->audit_id);
	a->registration_number = tuple_get_text(tup, desc, "registration_number");
}

bool
application_is_renewal(const Application *a)
{
	return a->kind != NULL && strcmp(a->kind, "renewal") == 0;
}

/* returned, approved, rejected and withdrawn end an application. */
bool
application_status_is_final(const char *status)
{
	return strcmp(status, "submitted") != 0 && strcmp(status, "accepted") != 0;
}

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

/* What every new application row must be, whatever it applies for. */
void
check_filing_values(const Application *a, const char *subject_noun)
{
	if (!a->has_subject || !a->has_applied_on || a->kind == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, a->rule,
					 psprintf("an application needs %s, a kind and an application date",
							  subject_noun),
					 errdetail("%s, kind or applied_on is null.", a->subject_column),
					 errhint("Give all three."));
	if (DATE_NOT_FINITE(a->applied_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, a->rule,
					 "an application date must be a calendar day",
					 errdetail("applied_on is %s.", ismap_date_text(a->applied_on)),
					 errhint("Give the day the application was filed."));
	check_not_before_scheme_start(a->applied_on, a->rule, "an application", "applied_on");
	if (a->applied_on > ismap_today())
		ismap_refuse(ERRCODE_CHECK_VIOLATION, a->rule,
					 "an application cannot be dated in the future",
					 errdetail("applied_on is %s; today is %s.",
							   ismap_date_text(a->applied_on),
							   ismap_date_text(ismap_today())),
					 errhint("Record the application on or after the day it is filed."));
	if (a->status == NULL || strcmp(a->status, "submitted") != 0 || a->has_decided_on)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, a->rule,
					 "an application starts as submitted, undecided",
					 errdetail("The new row has status %s and decided_on %s.",
							   a->status ? a->status : "null",
							   a->has_decided_on ? ismap_date_text(a->decided_on) : "null"),
					 errhint("Insert it with status 'submitted', then update its status as it is accepted and decided."));
}

static void
refuse_change_of(const Application *a, const char *column)
{
	ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, a->rule,
				 psprintf("the %s of an application cannot be changed", column),
				 errdetail("Application %lld would change its %s.",
						   (long long) a->application_id, column),
				 errhint("Only status and decided_on change as an application is decided. ismap.correct() corrects a decided application's decided_on, not its %s: an undecided application can be withdrawn and filed again.",
						 column));
}

static bool
texts_differ(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

static void
check_unchanged(const Application *o, const Application *n)
{
	bool		approving = n->status && strcmp(n->status, "approved") == 0 &&
		strcmp(o->status, "approved") != 0;

	if (o->application_id != n->application_id)
		refuse_change_of(o, "application_id");
	if (n->has_subject != o->has_subject || n->subject_id != o->subject_id)
		refuse_change_of(o, "applicant");
	if (texts_differ(n->kind, o->kind))
		refuse_change_of(o, "kind");
	if (n->has_applied_on != o->has_applied_on || n->applied_on != o->applied_on)
		refuse_change_of(o, "applied_on");
	if (n->has_target != o->has_target || n->target_id != o->target_id)
		refuse_change_of(o, "registration it renews");
	if (n->has_audit != o->has_audit || n->audit_id != o->audit_id)
		refuse_change_of(o, "audit_id");
	/* A registration number may be supplied with the approval, and only then. */
	if (texts_differ(n->registration_number, o->registration_number) &&
		!(approving && o->registration_number == NULL))
		refuse_change_of(o, "registration_number");
}

static void
check_decision_date(const Application *n)
{
	if (!application_status_is_final(n->status))
	{
		if (n->has_decided_on)
			ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
						 psprintf("an application that is %s carries no decision date", n->status),
						 errdetail("decided_on is %s.", ismap_date_text(n->decided_on)),
						 errhint("Leave decided_on null until the application is returned, approved, rejected or withdrawn."));
		return;
	}
	if (!n->has_decided_on)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, n->rule,
					 psprintf("an application that is %s needs its decision date", n->status),
					 errdetail("decided_on is null."),
					 errhint("Set decided_on to the day of the decision."));
	if (DATE_NOT_FINITE(n->decided_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, n->rule,
					 "a decision date must be a calendar day",
					 errdetail("decided_on is %s.", ismap_date_text(n->decided_on)),
					 errhint("Set decided_on to the day of the decision."));
	check_not_before_scheme_start(n->decided_on, n->rule, "a decision", "decided_on");
	if (n->decided_on < n->applied_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
					 "an application cannot be decided before it was filed",
					 errdetail("Applied on %s, decided on %s.",
							   ismap_date_text(n->applied_on),
							   ismap_date_text(n->decided_on)),
					 errhint("Set decided_on on or after %s.", ismap_date_text(n->applied_on)));
	if (n->decided_on > ismap_today())
		ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
					 "a decision cannot be dated in the future",
					 errdetail("decided_on is %s; today is %s.",
							   ismap_date_text(n->decided_on),
							   ismap_date_text(ismap_today())),
					 errhint("Record the decision on or after the day it is taken."));
}

/*
 * An UPDATE of an application: old row o, new row n.  Returns true when it
 * is the correction of a decided application's decision date, made through
 * ismap.correct(): the only change a decided application accepts.
 */
bool
check_decision(const Application *o, const Application *n)
{
	if (application_status_is_final(o->status) && correction_reason() != NULL &&
		n->status != NULL && strcmp(o->status, n->status) == 0)
	{
		check_unchanged(o, n);
		check_decision_date(n);
		return true;
	}
	if (application_status_is_final(o->status))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, o->rule,
					 "a decided application cannot be changed",
					 errdetail("Application %lld was %s on %s.",
							   (long long) o->application_id, o->status,
							   o->has_decided_on ? ismap_date_text(o->decided_on) : "an unknown day"),
					 errhint("A decision stands; file a new application to ask again."));
	check_unchanged(o, n);
	if (n->status == NULL ||
		(strcmp(o->status, n->status) != 0 && !transition_allowed(o->status, n->status)))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, o->rule,
					 psprintf("an application cannot go from %s to %s",
							  o->status, n->status ? n->status : "null"),
					 errdetail("Application %lld is %s.", (long long) o->application_id, o->status),
					 errhint("submitted goes to accepted, returned or withdrawn; accepted goes to approved, rejected or withdrawn."));
	check_decision_date(n);
	return false;
}

void
refuse_application_delete(const Application *a)
{
	ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, a->rule,
				 "applications are never deleted",
				 errdetail("Application %lld would be deleted.", (long long) a->application_id),
				 errhint("Withdraw an undecided application by setting its status to 'withdrawn'."));
}

/*
 * Another application of the same kind that was pending on the day this one
 * is dated, or is dated later: it is undecided, or decided after that day.
 * Comparing with the application's date, not with today, keeps a
 * backdated filing from overlapping one recorded earlier.  key is the
 * applicant for a new application, the registration for a renewal.
 */
bool
overlapping_application_exists(ApplicantQueries *q, bool renewal, int64 key,
							   DateADT applied_on)
{
	return open_application_exists(q->tables, renewal, key, applied_on);
}

/* A registration of the applicant made on or after the day. */
bool
registered_since(ApplicantQueries *q, int64 applicant, DateADT day)
{
	ApplicantRegistration *regs;
	int			n = applicant_registrations(q->tables, applicant, &regs);

	return n > 0 && regs[0].registered_on >= day;
}

/*
 * One decision about an applicant at a time, each seeing what committed
 * last; the log's lock first, as every writer takes it (history.c).
 * Returns whether the applicant exists: the lock, stronger than a foreign
 * key's, also keeps it from being deleted (references.c).
 */
bool
lock_applicant(ApplicantQueries *q, int64 applicant)
{
	history_lock();
	return row_lock(&q->lock, applicant);
}

/* A copy of the row with one bigint column set, in the current context. */
HeapTuple
set_int64_column(HeapTuple tup, TupleDesc desc, const char *column, int64 value)
{
	int			attnum = column_number(desc, column);
	Datum		d = Int64GetDatum(value);
	bool		isnull = false;

	return heap_modify_tuple_by_cols(tup, desc, 1, &attnum, &d, &isnull);
}

/* A copy of the row with one text column set, in the current context. */
HeapTuple
set_text_column(HeapTuple tup, TupleDesc desc, const char *column, const char *value)
{
	int			attnum = column_number(desc, column);
	Datum		d = CStringGetTextDatum(value);
	bool		isnull = false;

	return heap_modify_tuple_by_cols(tup, desc, 1, &attnum, &d, &isnull);
}
