/*
 * demand_status.c
 *		The status of a re-audit or re-application demand on a day: open,
 *		fulfilled or overdue (ovs_reaudit, ovs_reapplication), derived from
 *		the facts like a listing status, never stored.
 *
 * A demand is fulfilled on a day by what was recorded as happening from
 * the day it was made to its due date, and by that day:
 *	- a re-audit demand, by an audit of the registration's service (design
 *	  or operating) reported in that window;
 *	- a re-application demand, by an application of kind 'reapplication'
 *	  for that registration or auditor filed in that window and not
 *	  withdrawn or returned by that day.
 * Otherwise it is open up to its due date and overdue from the day after.
 * A reapplication withdrawn after the due date thus leaves the demand
 * overdue from then on: it was not kept.
 *
 * The read-side function reads with the caller's snapshot; the triggers
 * (a suspension resting on an overdue demand, a reapplication filed on an
 * open one) read what committed last, under the locks they took.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "base/today.h"
#include "state/demand_status.h"
#include "store/kept_plans.h"
#include "store/registry.h"

PG_FUNCTION_INFO_V1(ismap_demand_status);

/* Load demand 'demand_id' of 'kind'; false if there is none.  The caller is connected to SPI. */
bool
demand_load(DemandKind kind, int64 demand_id, bool read_only, Demand *d)
{
	static KeptPlan reaudit = {
		"SELECT registration_id, NULL::pg_catalog.int8, demanded_on, due_on"
		" FROM ismap.reaudit_demands WHERE demand_id OPERATOR(pg_catalog.=) $1",
		1, {INT8OID}
	};
	static KeptPlan reapplication = {
		"SELECT registration_id, auditor_id, demanded_on, due_on"
		" FROM ismap.reapplication_demands WHERE demand_id OPERATOR(pg_catalog.=) $1",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(demand_id);

	kept_plan_run(kind == DEMAND_REAUDIT ? &reaudit : &reapplication, &arg, NULL, read_only, 1);
	if (SPI_processed != 1)
		return false;
	d->kind = kind;
	d->demand_id = demand_id;
	d->of_auditor = !spi_get_int64(0, 1, &d->subject_id);
	if (d->of_auditor)
		spi_get_int64(0, 2, &d->subject_id);
	spi_get_date(0, 3, &d->demanded_on);
	spi_get_date(0, 4, &d->due_on);
	return true;
}

/* Whether what fulfils demand 'd' was recorded in its window, by 'day'. */
static bool
demand_fulfilled_by(const Demand *d, DateADT day, bool read_only)
{
	static KeptPlan audit_reported = {
		"SELECT 1 FROM ismap.audits a"
		" JOIN ismap.service_registrations r ON r.service_id OPERATOR(pg_catalog.=) a.service_id"
		" WHERE r.registration_id OPERATOR(pg_catalog.=) $1"
		" AND a.reported_on OPERATOR(pg_catalog.>=) $2 AND a.reported_on OPERATOR(pg_catalog.<=) $3",
		3, {INT8OID, DATEOID, DATEOID}
	};
	static KeptPlan service_reapplied = {
		"SELECT 1 FROM ismap.service_applications"
		" WHERE registration_id OPERATOR(pg_catalog.=) $1"
		" AND kind OPERATOR(pg_catalog.=) 'reapplication'::ismap.application_kind"
		" AND applied_on OPERATOR(pg_catalog.>=) $2 AND applied_on OPERATOR(pg_catalog.<=) $3"
		" AND NOT (status OPERATOR(pg_catalog.=) ANY ('{withdrawn,returned}'::ismap.application_status[])"
		"          AND decided_on OPERATOR(pg_catalog.<=) $4)",
		4, {INT8OID, DATEOID, DATEOID, DATEOID}
	};
	static KeptPlan auditor_reapplied = {
		"SELECT 1 FROM ismap.auditor_applications"
		" WHERE auditor_id OPERATOR(pg_catalog.=) $1"
		" AND kind OPERATOR(pg_catalog.=) 'reapplication'::ismap.application_kind"
		" AND applied_on OPERATOR(pg_catalog.>=) $2 AND applied_on OPERATOR(pg_catalog.<=) $3"
		" AND NOT (status OPERATOR(pg_catalog.=) ANY ('{withdrawn,returned}'::ismap.application_status[])"
		"          AND decided_on OPERATOR(pg_catalog.<=) $4)",
		4, {INT8OID, DATEOID, DATEOID, DATEOID}
	};
	Datum		args[4];
	KeptPlan   *kp;

	args[0] = Int64GetDatum(d->subject_id);
	args[1] = DateADTGetDatum(d->demanded_on);
	args[2] = DateADTGetDatum(Min(d->due_on, day));
	args[3] = DateADTGetDatum(day);
	if (d->kind == DEMAND_REAUDIT)
		kp = &audit_reported;
	else
		kp = d->of_auditor ? &auditor_reapplied : &service_reapplied;
	kept_plan_run(kp, args, NULL, read_only, 1);
	return SPI_processed > 0;
}

/* The status of demand 'd' on 'day'.  The caller is connected to SPI. */
DemandStatus
demand_status_on(const Demand *d, DateADT day, bool read_only)
{
	if (day < d->demanded_on)
		return DEMAND_NONE;
	if (demand_fulfilled_by(d, day, read_only))
		return DEMAND_FULFILLED;
	return day > d->due_on ? DEMAND_OVERDUE : DEMAND_OPEN;
}

/*
 * A re-application demand of the registration (or auditor) 'subject_id'
 * that is open on 'day', or 0.  The caller is a trigger, connected to SPI.
 */
int64
open_reapplication_demand(bool of_auditor, int64 subject_id, DateADT day)
{
	static KeptPlan of_registration = {
		"SELECT demand_id, demanded_on, due_on FROM ismap.reapplication_demands"
		" WHERE registration_id OPERATOR(pg_catalog.=) $1"
		" AND demanded_on OPERATOR(pg_catalog.<=) $2 AND due_on OPERATOR(pg_catalog.>=) $2"
		" ORDER BY demand_id",
		2, {INT8OID, DATEOID}
	};
	static KeptPlan of_auditor_plan = {
		"SELECT demand_id, demanded_on, due_on FROM ismap.reapplication_demands"
		" WHERE auditor_id OPERATOR(pg_catalog.=) $1"
		" AND demanded_on OPERATOR(pg_catalog.<=) $2 AND due_on OPERATOR(pg_catalog.>=) $2"
		" ORDER BY demand_id",
		2, {INT8OID, DATEOID}
	};
	Datum		args[2];
	int			n;
	Demand	   *demands;

	args[0] = Int64GetDatum(subject_id);
	args[1] = DateADTGetDatum(day);
	kept_plan_run(of_auditor ? &of_auditor_plan : &of_registration, args, NULL, false, 0);
	n = (int) SPI_processed;
	demands = palloc(sizeof(Demand) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		demands[i].kind = DEMAND_REAPPLICATION;
		demands[i].of_auditor = of_auditor;
		demands[i].subject_id = subject_id;
		spi_get_int64(i, 1, &demands[i].demand_id);
		spi_get_date(i, 2, &demands[i].demanded_on);
		spi_get_date(i, 3, &demands[i].due_on);
	}
	/* read them all first: the status query reuses SPI's result */
	for (int i = 0; i < n; i++)
		if (demand_status_on(&demands[i], day, false) == DEMAND_OPEN)
			return demands[i].demand_id;
	return 0;
}

const char *
demand_status_label(DemandStatus status)
{
	switch (status)
	{
		case DEMAND_OPEN:
			return "open";
		case DEMAND_FULFILLED:
			return "fulfilled";
		case DEMAND_OVERDUE:
			return "overdue";
		case DEMAND_NONE:
			break;
	}
	return NULL;
}

/* ismap.demand_status(kind text, demand_id bigint, as_of date) */
Datum
ismap_demand_status(PG_FUNCTION_ARGS)
{
	char	   *kind_text = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int64		demand_id = PG_GETARG_INT64(1);
	DateADT		as_of = PG_GETARG_DATEADT(2);
	DemandKind	kind;
	Demand		d;
	DemandStatus status = DEMAND_NONE;
	bool		found;
	RegistryRole role;

	if (strcmp(kind_text, "reaudit") == 0)
		kind = DEMAND_REAUDIT;
	else if (strcmp(kind_text, "reapplication") == 0)
		kind = DEMAND_REAPPLICATION;
	else
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_OVS_REAUDIT,
					 psprintf("there is no kind of demand \"%s\"", kind_text),
					 errdetail("Demands are re-audit demands (ismap.reaudit_demands) and re-application demands (ismap.reapplication_demands)."),
					 errhint("Give kind 'reaudit' or 'reapplication'."));
	if (DATE_NOT_FINITE(as_of))
		ismap_refuse(ERRCODE_INVALID_DATETIME_FORMAT,
					 kind == DEMAND_REAUDIT ? RULE_OVS_REAUDIT : RULE_OVS_REAPPLICATION,
					 "a demand's status is for a calendar day",
					 errdetail("as_of is %s.", ismap_date_text(as_of)),
					 errhint("Give a day such as ismap.today()."));

	SPI_connect();
	registry_role_enter(&role);
	found = demand_load(kind, demand_id, true, &d);
	if (found)
		status = demand_status_on(&d, as_of, true);
	registry_role_leave(&role);
	SPI_finish();
	if (!found)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE,
					 kind == DEMAND_REAUDIT ? RULE_OVS_REAUDIT : RULE_OVS_REAPPLICATION,
					 psprintf("there is no %s demand %lld", kind_text, (long long) demand_id),
					 errdetail("demand_status() answers for the rows of ismap.%s_demands.", kind_text),
					 errhint("Give the demand_id of a recorded demand."));
	if (status == DEMAND_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(demand_status_label(status)));
}
