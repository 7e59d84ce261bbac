/*
 * change_notices.c
 *		Trigger on ismap.service_change_notices (svc_change_notice, 3.8) and
 *		ismap.organization_change_notices (aud_change_notice, 4.7, and a
 *		provider's notice under 3.8).
 *
 * A provider notifies a change of what the public list shows of its
 * service (kind published_info: a new name, English name or statement
 * scope, at least one) or a significant change of its controls (kind
 * control_change: described, with no new published value).  A provider or
 * an auditor notifies a change of its own registered information: a new
 * name or English name.  The lists show a notified value from the
 * notice's effective date on (src/sql/35_organization_notices.sql,
 * 65_service_notices.sql); the notice never overwrites what was recorded
 * before it.
 *
 * A notice concerns something registered: a service with a registration
 * registered (valid, in renewal grace or suspended) on the effective date,
 * or an organization with a registered auditor or a registered service
 * that day.  It is dated (noticed_on) from the scheme's start to today;
 * its effective date may lie before that (notified late: accepted, and
 * late once past change_notice_days, see ismap.late_filings) or after it
 * (announced ahead).  A notice is a fact: never rewritten or deleted, but
 * for ismap.correct() of its texts (sec_history).
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
#include "log/correction_reason.h"
#include "log/history.h"
#include "rules/audits.h"
#include "rules/authority.h"
#include "rules/labels.h"
#include "rules/scheme_start.h"
#include "state/applicant_scan.h"
#include "state/fact_tables.h"
#include "state/listing_status.h"
#include "state/registered_on.h"
#include "store/columns.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"
#include "store/row_locks.h"

PG_FUNCTION_INFO_V1(ismap_change_notices_check);

#define MAX_NOTICE_VALUES 3

/* The two tables of notices, and the published values each may give. */
typedef struct NoticeTable
{
	const char *table;
	const char *subject;		/* service_id or organization_id */
	const char *subject_noun;	/* "service", "organization": for messages */
	bool		has_kind;		/* service notices: published_info or control_change */
	int			nvalues;
	const char *values[MAX_NOTICE_VALUES];	/* the new_* columns */
} NoticeTable;

static const NoticeTable service_notices = {
	"service_change_notices", "service_id", "service", true,
	3, {"new_name", "new_name_en", "new_statement_scope"}
};

static const NoticeTable organization_notices = {
	"organization_change_notices", "organization_id", "organization", false,
	2, {"new_name", "new_name_en"}
};

/* One notice row. */
typedef struct Notice
{
	const NoticeTable *t;
	const char *rule;			/* svc_change_notice or aud_change_notice */
	bool		has_id;
	int64		notice_id;
	bool		has_subject;
	int64		subject_id;
	char	   *kind;			/* NULL if null (or an organization notice) */
	bool		has_noticed_on;
	DateADT		noticed_on;
	bool		has_effective_on;
	DateADT		effective_on;
	char	   *values[MAX_NOTICE_VALUES];	/* NULL: the value is not changed */
	char	   *description;
} Notice;

static void
read_notice(HeapTuple tup, TupleDesc desc, const NoticeTable *t, Notice *n)
{
	memset(n, 0, sizeof(*n));
	n->t = t;
	n->has_id = tuple_get_int64(tup, desc, "notice_id", &n->notice_id);
	n->has_subject = tuple_get_int64(tup, desc, t->subject, &n->subject_id);
	n->kind = t->has_kind ? tuple_get_text(tup, desc, "kind") : NULL;
	n->has_noticed_on = tuple_get_date(tup, desc, "noticed_on", &n->noticed_on);
	n->has_effective_on = tuple_get_date(tup, desc, "effective_on", &n->effective_on);
	for (int i = 0; i < t->nvalues; i++)
		n->values[i] = tuple_get_text(tup, desc, t->values[i]);
	n->description = tuple_get_text(tup, desc, "description");
}

static bool
is_control_change(const Notice *n)
{
	return n->kind != NULL && strcmp(n->kind, "control_change") == 0;
}

/*
 * The rule a notice answers to: a service's notice is svc_change_notice
 * (3.8); an organization's is aud_change_notice (4.7) when the
 * organization is or was registered as an auditor, and otherwise a
 * provider's notice of its published information (3.8).
 */
static const char *
notice_rule(const Notice *n)
{
	ApplicantRegistration *auditors;

	if (n->t == &service_notices || !n->has_subject)
		return RULE_SVC_CHANGE_NOTICE;
	return applicant_registrations(&auditor_applicant_tables, n->subject_id, &auditors) > 0 ?
		RULE_AUD_CHANGE_NOTICE : RULE_SVC_CHANGE_NOTICE;
}

/* What a notice must give, whatever it concerns. */
static void
check_values(const Notice *n)
{
	int			given = 0;

	if (!n->has_subject || (n->t->has_kind && n->kind == NULL) ||
		!n->has_noticed_on || !n->has_effective_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
					 psprintf("a change notice needs its %s%s, the day it was notified and the day the change takes effect",
							  n->t->subject_noun, n->t->has_kind ? ", its kind" : ""),
					 errdetail("%s%s, noticed_on or effective_on is null.", n->t->subject,
							   n->t->has_kind ? ", kind" : ""),
					 errhint("Give them all."));
	if (DATE_NOT_FINITE(n->noticed_on) || DATE_NOT_FINITE(n->effective_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, n->rule,
					 "the dates of a change notice must be calendar days",
					 errdetail("noticed_on is %s; effective_on is %s.",
							   ismap_date_text(n->noticed_on), ismap_date_text(n->effective_on)),
					 errhint("Give the day the change was notified and the day it takes effect."));

	for (int i = 0; i < n->t->nvalues; i++)
	{
		if (n->values[i] == NULL)
			continue;
		given++;
		if (is_control_change(n))
			ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
						 "a notice of a control change gives no new published value",
						 errdetail("%s is given.", n->t->values[i]),
						 errhint("Notify the change of published information as a notice of kind 'published_info'."));
		if (text_is_invisible(n->values[i]))
			ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
						 "a new published value cannot be blank",
						 errdetail("%s is blank.", n->t->values[i]),
						 errhint("Give the value as the list is to show it, or leave %s null to keep the value it has.",
								 n->t->values[i]));
	}
	if (is_control_change(n))
	{
		if (text_is_invisible(n->description))
			ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
						 "a notice of a control change needs its description",
						 errdetail("description is null or blank."),
						 errhint("Describe the significant change of controls, or the event that may lead to one."));
	}
	else if (given == 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
					 n->t->has_kind ?
					 "a notice of published information gives at least one new value" :
					 "an organization's change notice gives a new name or English name",
					 n->t->has_kind ?
					 errdetail("new_name, new_name_en and new_statement_scope are all null.") :
					 errdetail("new_name and new_name_en are both null."),
					 n->t->has_kind ?
					 errhint("Give the new values the list is to show; a significant change of controls is a notice of kind 'control_change'.") :
					 errhint("Give the new name, the new English name, or both."));
}

/* A notice is dated from the scheme's start to today. */
static void
check_dates(const Notice *n)
{
	/* a change announced ahead has a later effective_on, not a later noticed_on */
	check_recorded_day(n->noticed_on, n->rule, "a change notice", "noticed_on");
	check_not_before_scheme_start(n->effective_on, n->rule, "a change", "effective_on");
}

/*
 * A registration of the applicant (a service, or an organization as an
 * auditor) registered on 'day', or 0.  Each registration looked at is
 * locked as every decision about it locks it (registered_on.c); they are
 * looked at newest first, and the newest is the one registered on any
 * day since it was made, so it is usually the only one locked.  The
 * newest is returned in *newest (0: none), and its status on 'day' in
 * *newest_status, for messages.  The caller is connected to SPI as the
 * registry role.
 */
static int64
registered_one(ApplicantTables *t, FactQueries *q, int64 applicant, DateADT day,
			   int64 *newest, ListingStatus *newest_status)
{
	ApplicantRegistration *regs;
	int			n = applicant_registrations(t, applicant, &regs);

	for (int i = 0; i < n; i++)
	{
		ListingStatus status = LISTING_NONE;

		if (!registration_status_locked(q, regs[i].id, day, &status, NULL))
			continue;
		if (i == 0 && newest != NULL)
		{
			*newest = regs[i].id;
			*newest_status = status;
		}
		if (in_force_status(status))
			return regs[i].id;
	}
	return 0;
}

/*
 * svc_change_notice: the service is registered on the effective date.
 *
 * The log's lock comes first, as every writer takes it before any row
 * (history.c); it orders this notice with every decision.  An approval
 * that commits while the notice waits for that lock is seen (the reads
 * below take a new snapshot at READ COMMITTED); one that comes later waits
 * for the notice, which was then refused or rested on another
 * registration.  The service is locked FOR KEY SHARE, as a foreign key
 * would lock it (references.c).
 */
static void
check_service_registered(const Notice *n)
{
	int64		newest = 0;
	ListingStatus newest_status = LISTING_NONE;

	history_lock();
	if (service_provider(n->subject_id) == 0)
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, n->rule,
					 "a change notice concerns a recorded cloud service",
					 errdetail("There is no cloud service %lld.", (long long) n->subject_id),
					 errhint("Give the service_id of the service whose provider notifies the change."));
	if (registered_one(&service_applicant_tables, &service_queries, n->subject_id,
					   n->effective_on, &newest, &newest_status) != 0)
		return;
	ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
				 "the service is not registered on the day the change takes effect",
				 newest == 0 ?
				 errdetail("Service %s has no registration.", service_label(n->subject_id)) :
				 errdetail("No registration of service %s is valid, in renewal grace or suspended on %s; its latest, %s, %s that day.",
						   service_label(n->subject_id), ismap_date_text(n->effective_on),
						   registration_label(newest), standing_phrase(newest_status)),
				 errhint("A change notice concerns a registered service: give an effective date on which it is registered."));
}

/*
 * aud_change_notice (or svc_change_notice for a provider): the
 * organization has, on the effective date, a registered auditor or a
 * registered service.  Locked as check_service_registered() locks, the
 * organization FOR KEY SHARE.
 */
static void
check_organization_registered(const Notice *n)
{
	static KeptPlan services = {
		"SELECT service_id FROM ismap.cloud_services"
		" WHERE provider_id OPERATOR(pg_catalog.=) $1 ORDER BY service_id",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(n->subject_id);
	int64	   *ids;
	int			nservices;

	history_lock();
	if (!organization_lock(n->subject_id))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, n->rule,
					 "a change notice concerns a recorded organization",
					 errdetail("There is no organization %lld.", (long long) n->subject_id),
					 errhint("Give the organization_id of the provider or auditor that notifies the change."));
	if (registered_one(&auditor_applicant_tables, &auditor_queries, n->subject_id,
					   n->effective_on, NULL, NULL) != 0)
		return;

	/* its services, read before registered_one() runs more queries */
	kept_plan_run(&services, &arg, NULL, false, 0);
	nservices = (int) SPI_processed;
	ids = palloc(sizeof(int64) * (nservices + 1));
	for (int i = 0; i < nservices; i++)
		spi_get_int64(i, 1, &ids[i]);
	for (int i = 0; i < nservices; i++)
		if (registered_one(&service_applicant_tables, &service_queries, ids[i],
						   n->effective_on, NULL, NULL) != 0)
			return;
	ismap_refuse(ERRCODE_CHECK_VIOLATION, n->rule,
				 "the organization is not registered on the day the change takes effect",
				 errdetail("Organization %s has no auditor and no cloud service valid, in renewal grace or suspended on %s.",
						   organization_label(n->subject_id), ismap_date_text(n->effective_on)),
				 errhint("A change notice concerns a registered auditor or the provider of a registered service: give an effective date on which one is registered."));
}

/*
 * ismap.correct() may fix the texts of a recorded notice (a misspelt new
 * name, a garbled description), and nothing else: not what it concerns,
 * its kind or its dates, nor which values it changes (a value it left
 * unchanged stays so; one it gives stays given).
 */
static HeapTuple
checked_correction(TriggerData *td, const NoticeTable *t)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	Notice		o,
				n;

	read_notice(td->tg_trigtuple, desc, t, &o);
	read_notice(td->tg_newtuple, desc, t, &n);
	if (o.notice_id != n.notice_id || o.has_subject != n.has_subject ||
		o.subject_id != n.subject_id ||
		(o.kind == NULL) != (n.kind == NULL) || (o.kind && strcmp(o.kind, n.kind) != 0) ||
		o.has_noticed_on != n.has_noticed_on || o.noticed_on != n.noticed_on ||
		o.has_effective_on != n.has_effective_on || o.effective_on != n.effective_on)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "only the texts of a recorded change notice can be corrected",
					 errdetail("The correction of notice %lld would change its %s, kind or dates.",
							   (long long) o.notice_id, t->subject_noun),
					 errhint("A change of another date or subject is a new notice."));
	for (int i = 0; i < t->nvalues; i++)
		if ((o.values[i] == NULL) != (n.values[i] == NULL))
			ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
						 "a correction cannot change which values a notice changes",
						 errdetail("%s of notice %lld would become %s.", t->values[i],
								   (long long) o.notice_id,
								   n.values[i] == NULL ? "null" : "given"),
						 errhint("Correct the values it gives; a further change is a new notice."));
	n.rule = notice_rule(&n);
	check_values(&n);
	return td->tg_newtuple;
}

/*
 * BEFORE INSERT OR UPDATE OR DELETE ON ismap.service_change_notices and
 * ismap.organization_change_notices FOR EACH ROW
 */
Datum
ismap_change_notices_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	const NoticeTable *t;
	Notice		notice;
	RegistryRole role;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, "ismap_change_notices_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	if (strcmp(RelationGetRelationName(td->tg_relation), service_notices.table) == 0)
		t = &service_notices;
	else if (strcmp(RelationGetRelationName(td->tg_relation), organization_notices.table) == 0)
		t = &organization_notices;
	else
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function ismap_change_notices_check does not check table \"%s\"",
						RelationGetRelationName(td->tg_relation))));

	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) && correction_reason() != NULL)
		return PointerGetDatum(checked_correction(td, t));
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a recorded change notice is never rewritten or deleted",
					 errdetail("Change notices are facts of the registry's history; the lists show them from their effective dates."),
					 errhint("A further change is a new notice; a mistyped text is corrected with ismap.correct()."));

	read_notice(td->tg_trigtuple, RelationGetDescr(td->tg_relation), t, &notice);
	notice.rule = notice_rule(&notice);
	check_values(&notice);
	check_dates(&notice);
	if (t == &service_notices)
		require_provider_of_service(&actor, notice.subject_id,
									"file a change notice of this cloud service");
	else
		require_for_organization(&actor, CAPACITY_PROVIDER | CAPACITY_AUDITOR,
								 notice.subject_id,
								 "file a change notice of this organization");

	SPI_connect();
	registry_role_enter(&role);
	if (t == &service_notices)
		check_service_registered(&notice);
	else
		check_organization_registered(&notice);
	registry_role_leave(&role);
	SPI_finish();
	return PointerGetDatum(td->tg_trigtuple);
}
