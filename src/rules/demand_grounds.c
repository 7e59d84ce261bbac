/*
 * demand_grounds.c
 *		Ignoring a committee demand is a ground for suspension or removal
 *		(ovs_suspension, 5.4): a status change may name the overdue demand
 *		it rests on (reaudit_demand_id, reapplication_demand_id).
 *
 * The demand named must be of the same registration (or auditor), and
 * overdue on the change's effective date.  What fulfils a demand may be
 * committing at the same moment (an audit of the service, a
 * reapplication): the check first takes the lock that those writes
 * conflict with, then reads what committed last.  An audit takes its
 * service FOR KEY SHARE, so a re-audit ground locks the service FOR
 * UPDATE; a reapplication locks its registration or auditor FOR UPDATE,
 * which the status change already holds.  So either the fulfilling write
 * commits first and the suspension is refused, or the suspension commits
 * first on a demand then overdue, and stands.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"

#include "base/errors.h"
#include "base/today.h"
#include "rules/demand_grounds.h"
#include "rules/labels.h"
#include "state/demand_status.h"
#include "store/columns.h"
#include "store/kept_plans.h"

static void
lock_service_of(int64 registration_id)
{
	static KeptPlan kp = {
		"SELECT 1 FROM ismap.cloud_services WHERE service_id OPERATOR(pg_catalog.=)"
		" (SELECT service_id FROM ismap.service_registrations"
		"   WHERE registration_id OPERATOR(pg_catalog.=) $1) FOR UPDATE",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(registration_id);

	kept_plan_run(&kp, &arg, NULL, false, 1);
}

static void
check_one(DemandKind kind, int64 demand_id, bool auditor, int64 target_id,
		  DateADT effective_on)
{
	const char *kind_name = kind == DEMAND_REAUDIT ? "re-audit" : "re-application";
	const char *noun = auditor ? "auditor" : "registration";
	Demand		d;
	DemandStatus status;

	if (kind == DEMAND_REAUDIT)
		lock_service_of(target_id);
	if (!demand_load(kind, demand_id, false, &d))
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, RULE_OVS_SUSPENSION,
					 psprintf("there is no %s demand %lld", kind_name, (long long) demand_id),
					 errdetail("The status change names %s demand %lld.", kind_name,
							   (long long) demand_id),
					 errhint("Give the demand_id of a recorded demand, or none."));
	if (d.of_auditor != auditor || d.subject_id != target_id)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_SUSPENSION,
					 psprintf("the %s demand is of another %s", kind_name, noun),
					 errdetail("Demand %lld is not of %s.", (long long) demand_id,
							   fact_subject_label(noun, target_id)),
					 errhint("Name a demand of the %s whose status changes.", noun));
	status = demand_status_on(&d, effective_on, false);
	if (status != DEMAND_OVERDUE)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_SUSPENSION,
					 psprintf("the %s demand is not overdue on the effective date", kind_name),
					 errdetail("Demand %lld, due %s, is %s on %s.", (long long) demand_id,
							   ismap_date_text(d.due_on),
							   status == DEMAND_NONE ? "not yet made" : demand_status_label(status),
							   ismap_date_text(effective_on)),
					 errhint("A demand is a ground from the day after its due date while it is not fulfilled."));
}

/*
 * The demands a status change of 'target_id' names, in 'row'.  The caller
 * is its trigger, connected to SPI as the registry role, holding the
 * registration's lock.
 */
void
check_demand_grounds(bool auditor, int64 target_id, const char *action,
					 DateADT effective_on, HeapTuple row, TupleDesc desc)
{
	int64		reaudit_id,
				reapplication_id;
	bool		has_reaudit = tuple_get_int64(row, desc, "reaudit_demand_id", &reaudit_id);
	bool		has_reapplication = tuple_get_int64(row, desc, "reapplication_demand_id",
													&reapplication_id);

	if (!has_reaudit && !has_reapplication)
		return;
	if (strcmp(action, "lift") == 0)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_SUSPENSION,
					 "a lift does not rest on a demand",
					 errdetail("The lift names a demand."),
					 errhint("Name demands only on a suspension or a removal."));
	if (auditor && has_reaudit)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_SUSPENSION,
					 "a re-audit demand is of a service registration, not of an auditor",
					 errdetail("The auditor's status change names re-audit demand %lld.",
							   (long long) reaudit_id),
					 errhint("Leave reaudit_demand_id null; name a re-application demand of the auditor."));
	if (has_reaudit)
		check_one(DEMAND_REAUDIT, reaudit_id, auditor, target_id, effective_on);
	if (has_reapplication)
		check_one(DEMAND_REAPPLICATION, reapplication_id, auditor, target_id, effective_on);
}

/* Whether two images of a status change name different demands (a correction may not). */
bool
demand_grounds_differ(HeapTuple a, HeapTuple b, TupleDesc desc)
{
	static const char *const columns[] = {"reaudit_demand_id", "reapplication_demand_id"};

	for (int i = 0; i < (int) lengthof(columns); i++)
	{
		int64		x = 0,
					y = 0;
		bool		has_x = tuple_get_int64(a, desc, columns[i], &x);
		bool		has_y = tuple_get_int64(b, desc, columns[i], &y);

		if (has_x != has_y || x != y)
			return true;
	}
	return false;
}
