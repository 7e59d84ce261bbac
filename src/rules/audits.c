/*
 * audits.c
 *		Trigger on ismap.audits: an audit is by a registered auditor
 *		(svc_audit_by_registered_auditor), of another organisation's service
 *		(sec_conflict_of_interest), by an auditor whose organization gave
 *		the provider no consulting within the cooling-off period
 *		(sec_conflict_of_interest, interests.c), over an audit period of the allowed
 *		length, reported after the period ends, from the scheme's start on
 *		and not after today (svc_audit_period).  An audit is a fact: never rewritten or deleted.
 */
#include "postgres.h"

#include "access/table.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "base/errors.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "base/xact_scope.h"
#include "log/history.h"
#include "rules/audits.h"
#include "rules/authority.h"
#include "rules/interests.h"
#include "rules/labels.h"
#include "rules/scheme_start.h"
#include "state/civil_period.h"
#include "state/fact_tables.h"
#include "state/listing_status.h"
#include "state/registration_facts.h"
#include "state/settings.h"
#include "store/columns.h"
#include "store/keyed_rows.h"
#include "store/registry.h"
#include "store/restore.h"
#include "store/row_locks.h"

PG_FUNCTION_INFO_V1(ismap_audits_check);

/*
 * Load an audit and lock it FOR KEY SHARE, as a foreign key to it would:
 * the rows an approval writes to reference it (registration_rows.c) rely
 * on that lock.  The caller is connected to SPI.
 */
bool
audit_load(int64 audit_id, Audit *audit)
{
	static RowLock lock = {
		{"SELECT 1 FROM ismap.audits WHERE audit_id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE",
		 1, {INT8OID}}, {"audits"}, "audit_id"
	};
	Relation	rel;
	TupleDesc	desc;
	HeapTuple	row;
	char	   *assessment;

	rel = keyed_table_open(&lock.table);
	desc = RelationGetDescr(rel);
	if (row_lock_read(&lock, audit_id, rel, &row))
	{
		audit->audit_id = audit_id;
		tuple_get_int64(row, desc, "service_id", &audit->service_id);
		tuple_get_int64(row, desc, "auditor_id", &audit->auditor_id);
		assessment = tuple_get_text(row, desc, "assessment");
		audit->operating = assessment != NULL && strcmp(assessment, "operating") == 0;
		tuple_get_date(row, desc, "period_start", &audit->period_start);
		tuple_get_date(row, desc, "period_end", &audit->period_end);
		tuple_get_date(row, desc, "reported_on", &audit->reported_on);
	}
	table_close(rel, NoLock);
	return row != NULL;
}

/*
 * The provider of a service, or 0; the service is locked FOR KEY SHARE.
 * The caller is connected to SPI.
 */
int64
service_provider(int64 service_id)
{
	static RowLock lock = {
		{"SELECT 1 FROM ismap.cloud_services"
		 " WHERE service_id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE", 1, {INT8OID}},
		{"cloud_services"}, "service_id"
	};
	Relation	rel;
	HeapTuple	row;
	int64		provider = 0;

	rel = keyed_table_open(&lock.table);
	if (row_lock_read(&lock, service_id, rel, &row))
		tuple_get_int64(row, RelationGetDescr(rel), "provider_id", &provider);
	table_close(rel, NoLock);
	return provider;
}

/*
 * The facts of the auditors that audits name, as read for every audit,
 * application and approval: a handful of auditors behind thousands of
 * decisions.  Kept while this (sub)transaction holds the auditor's share
 * lock, taken before they were read, so that no other transaction can
 * change them meanwhile (every decision about an auditor locks it FOR
 * UPDATE first), and until a trigger of the extension fires on an auditor
 * table in this backend.
 */
#define CACHED_AUDITORS 16

static struct
{
	XactScope	scope;
	uint64		writes;			/* auditor_registry_writes when read */
	MemoryContext cxt;			/* holds the facts' arrays */
	int			n;
	struct
	{
		int64		auditor_id;
		int64		organization;
		RegistrationFacts facts;
	}			entry[CACHED_AUDITORS];
}			auditor_cache;

/*
 * The facts of an auditor the caller has locked FOR SHARE (read-only: they
 * may be the cache's), and its organization; false if there is no such
 * auditor.
 */
static bool
locked_auditor_facts(int64 auditor_id, RegistrationFacts *facts, int64 *organization)
{
	if (auditor_cache.cxt == NULL)
		auditor_cache.cxt = AllocSetContextCreate(TopMemoryContext, "ismap auditor facts",
												  ALLOCSET_SMALL_SIZES);
	if (!in_xact_scope(&auditor_cache.scope) ||
		auditor_cache.writes != auditor_registry_writes ||
		auditor_cache.n == CACHED_AUDITORS)
	{
		MemoryContextReset(auditor_cache.cxt);
		auditor_cache.n = 0;
		set_xact_scope(&auditor_cache.scope);
		auditor_cache.writes = auditor_registry_writes;
	}
	for (int i = 0; i < auditor_cache.n; i++)
		if (auditor_cache.entry[i].auditor_id == auditor_id)
		{
			*facts = auditor_cache.entry[i].facts;
			*organization = auditor_cache.entry[i].organization;
			return true;
		}
	if (!facts_load(&auditor_queries, auditor_id, false, auditor_cache.cxt, facts, organization))
		return false;
	auditor_cache.entry[auditor_cache.n].auditor_id = auditor_id;
	auditor_cache.entry[auditor_cache.n].organization = *organization;
	auditor_cache.entry[auditor_cache.n].facts = *facts;
	auditor_cache.n++;
	return true;
}

/*
 * The auditor was in force on the report date: valid or in renewal grace,
 * not suspended, expired or removed.  Takes a share lock on the auditor,
 * so that a removal being recorded at the same time is seen or waits.
 * Returns the auditor's organization.
 */
int64
check_audit_by_registered_auditor(const Audit *audit)
{
	static RowLock lock = {
		{"SELECT 1 FROM ismap.auditors WHERE auditor_id OPERATOR(pg_catalog.=) $1 FOR SHARE",
		 1, {INT8OID}}, {"auditors"}, "auditor_id"
	};
	RegistrationFacts facts;
	Standing	s;
	int64		organization = 0;

	history_lock();
	if (!row_lock(&lock, audit->auditor_id) ||
		!locked_auditor_facts(audit->auditor_id, &facts, &organization))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_SVC_AUDIT_BY_REGISTERED_AUDITOR,
					 "the audit names no registered auditor",
					 errdetail("There is no auditor %lld.", (long long) audit->auditor_id),
					 errhint("Give the auditor_id of an auditor on the ISMAP auditor list."));
	s = standing_on(&facts, audit->reported_on);
	if (s.status != LISTING_VALID && s.status != LISTING_RENEWAL_PENDING)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_BY_REGISTERED_AUDITOR,
					 "the auditor was not in force on the day of the audit report",
					 errdetail("Auditor %s %s on %s.", auditor_label(audit->auditor_id),
							   standing_phrase(s.status), ismap_date_text(audit->reported_on)),
					 errhint("Only an audit reported while its auditor is on the ISMAP auditor list, and not suspended, counts."));
	return organization;
}

static void
check_period(const Audit *a)
{
	DateADT		longest = civil_period_end(a->period_start,
										   setting_months("audit_period_max"),
										   RULE_SVC_AUDIT_PERIOD);
	DateADT		shortest = civil_period_end(a->period_start,
											setting_months("audit_period_min"),
											RULE_SVC_AUDIT_PERIOD);

	if (a->period_end < a->period_start)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_PERIOD,
					 "an audit period cannot end before it starts",
					 errdetail("The period runs from %s to %s.",
							   ismap_date_text(a->period_start), ismap_date_text(a->period_end)),
					 errhint("Give the first and the last day of the audit period."));
	if (a->period_end > longest)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_PERIOD,
					 "the audit period is too long",
					 errdetail("A period starting %s may last until %s; it ends %s.",
							   ismap_date_text(a->period_start), ismap_date_text(longest),
							   ismap_date_text(a->period_end)),
					 errhint("An audit period lasts at most the setting audit_period_max."));
	if (a->period_end < shortest)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_PERIOD,
					 "the audit period is too short",
					 errdetail("A period starting %s must last until at least %s; it ends %s.",
							   ismap_date_text(a->period_start), ismap_date_text(shortest),
							   ismap_date_text(a->period_end)),
					 errhint("An audit period lasts at least the setting audit_period_min."));
	if (a->reported_on <= a->period_end)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_PERIOD,
					 "an audit report is dated after its audit period ends",
					 errdetail("The period ends %s; the report is dated %s.",
							   ismap_date_text(a->period_end), ismap_date_text(a->reported_on)),
					 errhint("Date the report after %s.", ismap_date_text(a->period_end)));
	check_not_before_scheme_start(a->reported_on, RULE_SVC_AUDIT_PERIOD, "an audit report",
								  "reported_on");
	if (a->reported_on > ismap_today())
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_AUDIT_PERIOD,
					 "an audit report cannot be dated in the future",
					 errdetail("The report is dated %s; today is %s.",
							   ismap_date_text(a->reported_on), ismap_date_text(ismap_today())),
					 errhint("Record the audit once its report is issued."));
}

static void
read_audit(HeapTuple tup, TupleDesc desc, Audit *a)
{
	bool		complete = true;
	char	   *assessment = tuple_get_text(tup, desc, "assessment");

	tuple_get_int64(tup, desc, "audit_id", &a->audit_id);
	complete &= tuple_get_int64(tup, desc, "service_id", &a->service_id);
	complete &= tuple_get_int64(tup, desc, "auditor_id", &a->auditor_id);
	complete &= tuple_get_date(tup, desc, "period_start", &a->period_start);
	complete &= tuple_get_date(tup, desc, "period_end", &a->period_end);
	complete &= tuple_get_date(tup, desc, "reported_on", &a->reported_on);
	if (!complete || assessment == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SVC_AUDIT_PERIOD,
					 "an audit needs its service, auditor, assessment, audit period and report date",
					 errdetail("One of them is null."),
					 errhint("Give them all."));
	a->operating = strcmp(assessment, "operating") == 0;
	if (DATE_NOT_FINITE(a->period_start) || DATE_NOT_FINITE(a->period_end) ||
		DATE_NOT_FINITE(a->reported_on))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, RULE_SVC_AUDIT_PERIOD,
					 "audit dates must be calendar days",
					 errdetail("The period runs from %s to %s, reported %s.",
							   ismap_date_text(a->period_start), ismap_date_text(a->period_end),
							   ismap_date_text(a->reported_on)),
					 errhint("Give calendar days."));
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.audits FOR EACH ROW */
Datum
ismap_audits_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Audit		audit;
	RegistryRole role;
	int64		provider;
	int64		auditor_organization;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, "ismap_audits_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a recorded audit is never rewritten or deleted",
					 errdetail("Applications and registrations rest on it."),
					 errhint("Record the corrected audit as a new audit."));

	read_audit(td->tg_trigtuple, RelationGetDescr(td->tg_relation), &audit);
	check_period(&audit);
	require_auditor(&actor, audit.auditor_id, "record an audit by this auditor");

	SPI_connect();
	registry_role_enter(&role);
	auditor_organization = check_audit_by_registered_auditor(&audit);
	provider = service_provider(audit.service_id);
	if (provider == 0)
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_SVC_AUDIT_BY_REGISTERED_AUDITOR,
					 "an audit is of a recorded cloud service",
					 errdetail("There is no cloud service %lld.",
							   (long long) audit.service_id),
					 errhint("Record the service in ismap.cloud_services and give its service_id."));
	if (provider == auditor_organization)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 "an auditor never audits a service of its own organization",
					 errdetail("Organization %s provides service %s and is auditor %s.",
							   organization_label(provider),
							   service_label(audit.service_id),
							   auditor_label(audit.auditor_id)),
					 errhint("The audit must be by an auditor of another organization."));
	check_audit_interests(audit.auditor_id, auditor_organization, audit.service_id, provider,
						  audit.period_start, audit.reported_on);
	registry_role_leave(&role);
	SPI_finish();

	return PointerGetDatum(td->tg_trigtuple);
}
