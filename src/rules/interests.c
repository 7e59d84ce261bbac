/*
 * interests.c
 *		Conflicts of interest (sec_conflict_of_interest, 9.2).
 *
 * ismap.declared_interests records who has an interest in an organization:
 * a reviewer role (role_name), which declares its own, or an audit firm
 * (organization_id), whose interests the committee declares.  An interest
 * is in force from valid_from to valid_until, both days included (null:
 * it lasts).  It is never deleted; it ends by setting valid_until, which
 * is all an UPDATE may change, and never to a day before today: so no day
 * up to today changes whether the interest was in force, and no decision
 * or audit already recorded (all dated today or earlier) comes to rest on
 * an interest that its check did not see.  An interest that has ended
 * before today is a past fact and is not changed at all.  A new interest
 * may be declared with past days (consulting given last year is exactly
 * what the cooling-off below must know of); it bars decisions and audits
 * recorded from then on, and leaves those already recorded as they are:
 * they were made on what had been declared.
 *
 * What an interest bars:
 *  - a decision on an application (accept, return, approve, reject) by a
 *    role with an interest, of any kind, in the applicant's organization
 *    (an auditor application's organization; a service application's
 *    provider) in force on the decision date (decided_on; ismap.today()
 *    for an acceptance, which has none).  Every role is bound but a
 *    superuser: the registry's owner too, if it is not one.  A withdrawal
 *    is the applicant's, not a decision.
 *  - an audit by an auditor whose organization declared a consulting
 *    interest in the provider in force on any day from
 *    consulting_cooling_off_months (calendar months, as date_plus_months
 *    counts them) before the audit period's start to the report date.  So
 *    with 12 months and a period starting 2025-04-01, consulting that
 *    ended on 2024-03-31 does not bar the audit and consulting that ended
 *    on 2024-04-01 does.
 *
 * Races: a declaration, a decision and an audit each take the log's lock
 * first (history_lock, which every writer takes and holds until its
 * transaction ends), and only then does the decision or audit read the
 * interests, with the latest snapshot.  So a declaration that committed
 * first is seen, even at REPEATABLE READ, and one made while a decision is
 * under way waits for it: the two are in the order of the log, never both
 * committed with the decision blind to the declaration.  No row lock is
 * needed for that, and none is taken on the organization beyond what keeps
 * it recorded (FOR KEY SHARE, as a foreign key would): a stronger one,
 * taken after the log's lock, could deadlock with an UPDATE of the
 * organization, which locks its row before its triggers take the log's.
 * An UPDATE of an interest needs no lock: it changes no day up to today.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/snapmgr.h"

#include "base/errors.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "log/history.h"
#include "rules/authority.h"
#include "rules/interests.h"
#include "rules/labels.h"
#include "state/civil_period.h"
#include "state/concerned.h"
#include "state/declared_interests.h"
#include "state/settings.h"
#include "store/columns.h"
#include "store/registry.h"
#include "store/restore.h"
#include "store/row_locks.h"
#include "store/tables.h"

PG_FUNCTION_INFO_V1(ismap_declared_interests_check);

static char *
until_text(DateADT valid_until)
{
	return valid_until == DATEVAL_NOEND ? "with no end" :
		psprintf("to %s", ismap_date_text(valid_until));
}

/* ---------- declaring ---------- */

typedef struct Declaration
{
	int64		interest_id;
	char	   *role_name;		/* NULL: declared by organization */
	bool		has_organization;
	int64		organization;
	bool		has_subject;
	int64		subject;
	char	   *kind;
	bool		has_valid_from;
	DateADT		valid_from;
	bool		has_valid_until;
	DateADT		valid_until;
} Declaration;

static void
read_declaration(HeapTuple tup, TupleDesc desc, Declaration *d)
{
	tuple_get_int64(tup, desc, "interest_id", &d->interest_id);
	d->role_name = tuple_get_text(tup, desc, "role_name");
	d->has_organization = tuple_get_int64(tup, desc, "organization_id", &d->organization);
	d->has_subject = tuple_get_int64(tup, desc, "subject_organization_id", &d->subject);
	d->kind = tuple_get_text(tup, desc, "kind");
	d->has_valid_from = tuple_get_date(tup, desc, "valid_from", &d->valid_from);
	d->has_valid_until = tuple_get_date(tup, desc, "valid_until", &d->valid_until);
}

/*
 * Who declares an interest: the role itself, or for an audit firm the
 * committee; a superuser or the registry's owner, any.
 */
static void
require_declarant(const ActingRole *r, const Declaration *d, const char *act)
{
	const char *me;

	if (d->role_name == NULL)
	{
		require_capacity(r, CAPACITY_COMMITTEE,
						 psprintf("%s an audit firm's interest", act));
		return;
	}
	if (r->unrestricted)
		return;
	me = GetUserNameFromId(r->roleid, true);
	if (me == NULL || strcmp(me, d->role_name) != 0)
		ismap_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, RULE_SEC_ROLE_AUTHORITY,
					 psprintf("role %s may not %s the interests of role %s",
							  me ? me : "(dropped role)", act, d->role_name),
					 errdetail("A role declares and ends its own interests."),
					 errhint("Act as role %s, or give role_name = current_user.",
							 d->role_name));
}

static void
check_one_declarant(const Declaration *d)
{
	if ((d->role_name == NULL) == !d->has_organization)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 "an interest is declared by a role or by an organization",
					 errdetail(d->role_name == NULL ?
							   "Both role_name and organization_id are null." :
							   "Both role_name and organization_id are given."),
					 errhint("Give role_name for a reviewer's own interest, or organization_id for an audit firm's, not both."));
}

static void
check_dates(const Declaration *d)
{
	if (!d->has_valid_from)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 "an interest needs its first day",
					 errdetail("valid_from is null."),
					 errhint("Give the first day the interest is in force."));
	if (DATE_NOT_FINITE(d->valid_from) || (d->has_valid_until && DATE_NOT_FINITE(d->valid_until)))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT, RULE_SEC_CONFLICT_OF_INTEREST,
					 "the days of an interest are calendar days",
					 errdetail("valid_from is %s, valid_until %s.",
							   ismap_date_text(d->valid_from),
							   d->has_valid_until ? ismap_date_text(d->valid_until) : "null"),
					 errhint("Give calendar days; leave valid_until null while the interest lasts."));
	if (d->has_valid_until && d->valid_until < d->valid_from)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 "an interest cannot end before it begins",
					 errdetail("It would be in force from %s to %s.",
							   ismap_date_text(d->valid_from), ismap_date_text(d->valid_until)),
					 errhint("Set valid_until on or after %s, or leave it null.",
							 ismap_date_text(d->valid_from)));
}

static void
check_new_declaration(const Declaration *d)
{
	RegistryRole role;
	bool		recorded;

	if (!d->has_subject || d->kind == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 "an interest needs the organization it is in and its kind",
					 errdetail("subject_organization_id or kind is null."),
					 errhint("Give the organization and one of consulting, financial, other."));
	check_dates(d);
	if (d->role_name != NULL && !OidIsValid(get_role_oid(d->role_name, true)))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 psprintf("role %s does not exist", d->role_name),
					 errdetail("An interest is declared by an existing role."),
					 errhint("Give the name of the login role that reviews or decides."));
	if (d->has_organization && d->organization == d->subject)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 "an organization's interest is in another organization",
					 errdetail("Organization %lld would declare an interest in itself.",
							   (long long) d->organization),
					 errhint("An auditor never audits its own organization's services: that needs no declaration."));

	/* the log's lock first, as every writer takes it, then the rows */
	SPI_connect();
	registry_role_enter(&role);
	history_lock();
	/* the organizations an interest names, kept from being deleted (references.c) */
	recorded = organization_lock(d->subject) &&
		(!d->has_organization || organization_lock(d->organization));
	registry_role_leave(&role);
	SPI_finish();
	if (!recorded)
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 "an interest is of recorded organizations",
					 errdetail("%s", d->has_organization ?
							   psprintf("Organization %lld or %lld is not recorded.",
										(long long) d->organization, (long long) d->subject) :
							   psprintf("There is no organization %lld.", (long long) d->subject)),
					 errhint("Record the organization in ismap.organizations first."));
}

/*
 * An UPDATE ends an interest, or moves its end: valid_until only, set to
 * today or later (or null), on an interest that has not ended before today.
 */
static void
check_interest_end(const Declaration *o, const Declaration *n)
{
	DateADT		today = ismap_today();

	if (o->interest_id != n->interest_id ||
		(o->role_name == NULL) != (n->role_name == NULL) ||
		(o->role_name != NULL && strcmp(o->role_name, n->role_name) != 0) ||
		o->has_organization != n->has_organization || o->organization != n->organization ||
		o->has_subject != n->has_subject || o->subject != n->subject ||
		(o->kind == NULL) != (n->kind == NULL) ||
		(o->kind != NULL && strcmp(o->kind, n->kind) != 0) ||
		o->has_valid_from != n->has_valid_from || o->valid_from != n->valid_from)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a declared interest is not rewritten",
					 errdetail("Interest %lld: only valid_until may change.",
							   (long long) o->interest_id),
					 errhint("End the interest (valid_until) and declare the corrected one anew."));
	if (o->has_valid_until == n->has_valid_until &&
		(!o->has_valid_until || o->valid_until == n->valid_until))
		return;					/* the same end */
	if (o->has_valid_until && o->valid_until < today)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "an interest that has ended is not changed",
					 errdetail("Interest %lld ended on %s; today is %s.",
							   (long long) o->interest_id, ismap_date_text(o->valid_until),
							   ismap_date_text(today)),
					 errhint("Declare a new interest for the days since."));
	check_dates(n);
	if (n->has_valid_until && n->valid_until < today)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 "an interest cannot be ended before today",
					 errdetail("Interest %lld would end on %s; today is %s: the days in between were recorded with it in force.",
							   (long long) o->interest_id, ismap_date_text(n->valid_until),
							   ismap_date_text(today)),
					 errhint("Set valid_until to %s or later.", ismap_date_text(today)));
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.declared_interests FOR EACH ROW */
Datum
ismap_declared_interests_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	Declaration old_d,
				new_d;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, "ismap_declared_interests_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	desc = RelationGetDescr(td->tg_relation);
	read_declaration(td->tg_trigtuple, desc, &old_d);

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a declared interest is never deleted",
					 errdetail("Interest %lld would be deleted.", (long long) old_d.interest_id),
					 errhint("End it by setting valid_until, today or later."));
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		check_one_declarant(&old_d);
		require_declarant(&actor, &old_d, "declare");
		check_new_declaration(&old_d);
		return PointerGetDatum(td->tg_trigtuple);
	}
	read_declaration(td->tg_newtuple, desc, &new_d);
	require_declarant(&actor, &old_d, "end");
	check_interest_end(&old_d, &new_d);
	return PointerGetDatum(td->tg_newtuple);
}

/* ---------- what an interest bars ---------- */

/*
 * An UPDATE of an application from o to n, once the flow has found it a
 * valid decision: refused when the deciding role has an interest in the
 * applicant's organization in force on the decision's date.
 */
void
check_decision_interests(const ActingRole *r, bool service, const Application *o,
						 const Application *n)
{
	const char *decision;
	const char *role;
	DateADT		day;
	int64		organization = n->subject_id;
	bool		found = true;
	bool		conflict;
	DeclaredInterest interest;
	RegistryRole saved;

	/* a schema not yet updated from 0.1.0 records no interests */
	if (superuser_arg(r->roleid) || n->status == NULL || strcmp(o->status, n->status) == 0 ||
		!ismap_table_exists("declared_interests"))
		return;
	if (strcmp(n->status, "accepted") == 0)
		decision = "accept";
	else if (strcmp(n->status, "returned") == 0)
		decision = "return";
	else if (strcmp(n->status, "approved") == 0)
		decision = "approve";
	else if (strcmp(n->status, "rejected") == 0)
		decision = "reject";
	else
		return;					/* a withdrawal is the applicant's */
	day = strcmp(decision, "accept") == 0 ? ismap_today() : n->decided_on;
	role = GetUserNameFromId(r->roleid, true);
	if (role == NULL)
		return;					/* a dropped role declares nothing */

	SPI_connect();
	registry_role_enter(&saved);
	if (service)
	{
		found = service_provider_of(n->subject_id, push_statement_snapshot(), &organization);
		PopActiveSnapshot();
	}
	history_lock();				/* a declaration under way commits first, or waits */
	conflict = found && role_interest_in_force(role, organization, day, &interest);
	registry_role_leave(&saved);
	SPI_finish();
	if (conflict)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 psprintf("role %s has an interest in the applicant and may not %s its application",
							  role, decision),
					 errdetail("Interest %lld (%s) of role %s in organization %s is in force from %s %s; the decision is dated %s.",
							   (long long) interest.interest_id, interest.kind, role,
							   organization_label(organization),
							   ismap_date_text(interest.valid_from),
							   until_text(interest.valid_until), ismap_date_text(day)),
					 errhint("A role without an interest in the applicant decides it."));
}

/*
 * An audit by auditor_id, of organization auditor_organization, of
 * service_id provided by 'provider': refused when the auditor's
 * organization declared a consulting interest in the provider in force on
 * a day from the cooling-off period before period_start to reported_on.
 * The caller is connected to SPI as the registry.
 */
void
check_audit_interests(int64 auditor_id, int64 auditor_organization, int64 service_id,
					  int64 provider, DateADT period_start, DateADT reported_on)
{
	int			months;
	DateADT		from;
	DeclaredInterest interest;

	if (!ismap_table_exists("declared_interests"))
		return;					/* a schema not yet updated from 0.1.0 records none */
	months = setting_months("consulting_cooling_off_months");
	from = date_plus_months(period_start, -months);
	history_lock();				/* held already: the auditor's check took it */
	if (organization_interest_during(auditor_organization, provider, "consulting", from,
									 reported_on, &interest))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SEC_CONFLICT_OF_INTEREST,
					 "the auditor's organization gave the provider consulting within the cooling-off period",
					 errdetail("Interest %lld (consulting) of organization %s in organization %s, the provider of service %s, is in force from %s %s; auditor %s may audit it only if none was in force from %s (%d months before the audit period's start, %s) to the report date %s.",
							   (long long) interest.interest_id,
							   organization_label(auditor_organization),
							   organization_label(provider), service_label(service_id),
							   ismap_date_text(interest.valid_from),
							   until_text(interest.valid_until), auditor_label(auditor_id),
							   ismap_date_text(from), months, ismap_date_text(period_start),
							   ismap_date_text(reported_on)),
					 errhint("Another auditor audits the service, or the audit period starts once the setting consulting_cooling_off_months has passed since the consulting ended."));
}
