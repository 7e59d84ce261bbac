/*
 * procurements.c
 *		Trigger on ismap.procurements: a procuring body's procurement of a
 *		registered cloud service (use_procure_from_list,
 *		use_procurer_scope; 2.3, 6.1, 附則2).
 *
 * Recorded by the procuring body: a role of ismap_procurer acting for the
 * body's organization (or a superuser, or the registry's owner).  The
 * committee, the operator and the ministries read every procurement but
 * record none.  A procurement is refused, 23514, unless
 *
 *	- contracted_on is a calendar day, not after today (use_procure_from_list);
 *	- the body's kind is in scope on contracted_on: its in_scope_from in
 *	  ismap.procurer_scope is not NULL and on or before it (use_procurer_scope);
 *	- the registration is valid or renewal_pending on contracted_on, as
 *	  ismap.service_status() answers (suspended, expired or removed ones, and
 *	  those not yet registered, cannot be procured: use_procure_from_list);
 *	- list_digest, when given, equals ismap.list_digest() of the list the
 *	  registration is on (cloud_service, or liu_service for an ISMAP-LIU
 *	  service) on contracted_on, as the registry knows it now
 *	  (use_procure_from_list).
 *
 * The body's row and its kind's scope row are locked FOR SHARE, the
 * registration as every decision about it locks it, so that a change of
 * scope or a suspension committed first is seen and one that comes later
 * waits.  Procurements are facts: never updated or deleted (sec_history).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/rel.h"

#include "base/errors.h"
#include "base/today.h"
#include "base/trigger_check.h"
#include "rules/authority.h"
#include "rules/labels.h"
#include "state/fact_tables.h"
#include "state/listing_status.h"
#include "state/registered_on.h"
#include "store/columns.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_procurements_check);

typedef struct ProcurementRow
{
	bool		has_body;
	int64		body_id;
	bool		has_registration;
	int64		registration_id;
	bool		has_day;
	DateADT		contracted_on;
	char	   *list_digest;
} ProcurementRow;

static void
read_procurement(HeapTuple tup, TupleDesc desc, ProcurementRow *p)
{
	p->has_body = tuple_get_int64(tup, desc, "body_id", &p->body_id);
	p->has_registration = tuple_get_int64(tup, desc, "registration_id", &p->registration_id);
	p->has_day = tuple_get_date(tup, desc, "contracted_on", &p->contracted_on);
	p->list_digest = tuple_get_text(tup, desc, "list_digest");
}

/* The row's own values, checked before any other row is read. */
static void
check_procurement_values(const ProcurementRow *p)
{
	DateADT		today = ismap_today();

	if (!p->has_body || !p->has_registration || !p->has_day)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURE_FROM_LIST,
					 "a procurement needs its procuring body, its registration and the day of the contract",
					 errdetail("body_id, registration_id or contracted_on is null."),
					 errhint("Give all three; list_digest (from ismap.list_digest()) is optional."));
	if (DATE_NOT_FINITE(p->contracted_on))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURE_FROM_LIST,
					 "the day of a procurement must be a calendar day",
					 errdetail("contracted_on is %s.", ismap_date_text(p->contracted_on)),
					 errhint("Give the day the contract was made."));
	if (p->contracted_on > today)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURE_FROM_LIST,
					 "a procurement cannot be dated in the future",
					 errdetail("contracted_on is %s; today is %s.",
							   ismap_date_text(p->contracted_on), ismap_date_text(today)),
					 errhint("Record the procurement on or after the day of the contract."));
}

/*
 * The body's kind is in scope on the day.  Locks the body (FOR KEY SHARE)
 * and its kind's scope row (FOR SHARE).  Connected to SPI as the registry.
 */
static void
check_in_scope(const ProcurementRow *p)
{
	Datum		arg = Int64GetDatum(p->body_id);
	char	   *kind;
	bool		isnull;
	Datum		from;

	if (SPI_execute_with_args("SELECT b.kind::pg_catalog.text, s.in_scope_from"
							  "  FROM ismap.procuring_bodies b"
							  "  JOIN ismap.procurer_scope s ON s.kind OPERATOR(pg_catalog.=) b.kind"
							  " WHERE b.body_id OPERATOR(pg_catalog.=) $1"
							  "   FOR KEY SHARE OF b FOR SHARE OF s",
							  1, (Oid[]) {INT8OID}, &arg, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "procurements: reading the procuring body failed");
	if (SPI_processed == 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURER_SCOPE,
					 "there is no such procuring body",
					 errdetail("There is no procuring body %lld.", (long long) p->body_id),
					 errhint("The committee or the operator records procuring bodies in ismap.procuring_bodies."));
	kind = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	from = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	if (isnull)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURER_SCOPE,
					 "the procuring body's kind is not in scope",
					 errdetail("Bodies of kind %s are not in scope of the scheme (ismap.procurer_scope).", kind),
					 errhint("The committee sets the day from which a kind is in scope (附則2)."));
	if (DatumGetDateADT(from) > p->contracted_on)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURER_SCOPE,
					 "the procuring body's kind was not yet in scope on the day of the contract",
					 errdetail("Bodies of kind %s are in scope from %s; contracted_on is %s.", kind,
							   ismap_date_text(DatumGetDateADT(from)),
							   ismap_date_text(p->contracted_on)),
					 errhint("A procurement from the lists is recorded for a contract made on or after %s.",
							 ismap_date_text(DatumGetDateADT(from))));
}

/* The list the registration is on: cloud_service, or liu_service for ISMAP-LIU. */
static const char *
list_of_registration(int64 registration_id)
{
	Datum		arg = Int64GetDatum(registration_id);
	char	   *program;

	if (SPI_execute_with_args("SELECT s.program::pg_catalog.text"
							  "  FROM ismap.service_registrations r"
							  "  JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) r.service_id"
							  " WHERE r.registration_id OPERATOR(pg_catalog.=) $1",
							  1, (Oid[]) {INT8OID}, &arg, NULL, true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "procurements: reading the program of registration %lld failed",
			 (long long) registration_id);
	program = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	return strcmp(program, "ismap_liu") == 0 ? "liu_service" : "cloud_service";
}

/*
 * The registration is valid or renewal_pending on the day, and the digest
 * given is the one of its list that day.  Connected to SPI as the registry.
 */
static void
check_on_list(const ProcurementRow *p)
{
	ListingStatus status;
	const char *list;
	Datum		args[2];
	char	   *digest;

	if (!registration_status_locked(&service_queries, p->registration_id, p->contracted_on,
									&status, NULL))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURE_FROM_LIST,
					 "there is no such service registration",
					 errdetail("There is no registration %lld.", (long long) p->registration_id),
					 errhint("Give the registration_id of a listed service (ismap.cloud_service_list_at())."));
	if (status != LISTING_VALID && status != LISTING_RENEWAL_PENDING)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURE_FROM_LIST,
					 "only a service on the list on the day of the contract can be procured",
					 errdetail("The registration %s %s on %s.",
							   registration_label(p->registration_id), standing_phrase(status),
							   ismap_date_text(p->contracted_on)),
					 errhint("Procure a registration that is valid or in renewal grace on %s; suspended, expired or removed ones cannot be procured.",
							 ismap_date_text(p->contracted_on)));
	if (p->list_digest == NULL)
		return;
	list = list_of_registration(p->registration_id);
	args[0] = CStringGetTextDatum(list);
	args[1] = DateADTGetDatum(p->contracted_on);
	if (SPI_execute_with_args("SELECT ismap.list_digest($1, $2)", 2,
							  (Oid[]) {TEXTOID, DATEOID}, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "procurements: computing the list digest failed");
	digest = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	if (digest == NULL || strcmp(digest, p->list_digest) != 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_USE_PROCURE_FROM_LIST,
					 "the list digest is not the digest of the list on the day of the contract",
					 errdetail("list_digest is \"%s\"; ismap.list_digest('%s', '%s') is %s.",
							   p->list_digest, list, ismap_date_text(p->contracted_on),
							   digest ? digest : "NULL"),
					 errhint("Cite the digest of the %s list on the day of the contract, or give no digest.",
							 list));
}

/* BEFORE INSERT OR UPDATE OR DELETE ON ismap.procurements FOR EACH ROW */
Datum
ismap_procurements_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	ProcurementRow p;
	ActingRole	actor;
	RegistryRole role;

	trigger_check(fcinfo, "ismap_procurements_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	desc = RelationGetDescr(td->tg_relation);
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		int64		id = 0;

		tuple_get_int64(td->tg_trigtuple, desc, "procurement_id", &id);
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SEC_HISTORY,
					 "a recorded procurement is never changed or deleted",
					 errdetail("Procurement %lld would be %s.", (long long) id,
							   TRIGGER_FIRED_BY_DELETE(td->tg_event) ? "deleted" : "changed"),
					 errhint("Procurements are facts of the registry's history: record a new one."));
	}
	read_procurement(td->tg_trigtuple, desc, &p);
	check_procurement_values(&p);
	actor = current_actor();
	require_procurer_of_body(&actor, p.body_id, "record a procurement of this procuring body");
	SPI_connect();
	registry_role_enter(&role);
	check_in_scope(&p);
	check_on_list(&p);
	registry_role_leave(&role);
	SPI_finish();
	return PointerGetDatum(td->tg_trigtuple);
}
