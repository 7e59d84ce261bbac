/*
 * registration_rows.c
 *		The rows an approval of a cloud service application writes: a new
 *		registration, the renewed columns of a registration, and each
 *		validity term (svc_registration_on_approval, svc_validity).
 *
 * Nobody but the extension writes these tables; an approval's trigger
 * computes every value and has already locked every row they reference
 * (the service FOR UPDATE, the audit FOR KEY SHARE, the auditor FOR SHARE,
 * the registration FOR UPDATE, the application by the UPDATE under way).
 * So they are written the way PostgreSQL writes catalog rows: straight
 * into the heap and the indexes, each logged in ismap.history, without
 * an INSERT statement's executor start-up and its triggers.  What they
 * refer to is never deleted: audits, applications and registrations never
 * are, and a service or organization referred to is kept (references.c).
 *
 * The caller is connected to SPI, acting as the registry's owner.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "utils/builtins.h"
#include "utils/rel.h"

#include "base/errors.h"
#include "log/history.h"
#include "rules/audits.h"
#include "rules/registration_rows.h"
#include "state/fact_tables.h"
#include "state/facts_copy.h"
#include "state/facts_scan.h"
#include "state/listing_status.h"
#include "store/columns.h"
#include "store/direct_writes.h"

#define REGISTRATION_COLUMNS 10
#define FACTS_ATTNO 10			/* the facts column, the last */
#define TERM_COLUMNS 9

static DirectTable registrations_table = {
	"service_registrations", RULE_SVC_REGISTRATION_ON_APPROVAL, REGISTRATION_COLUMNS, 0, InvalidOid
};
static DirectTable terms_table = {
	"service_registration_terms", RULE_SVC_VALIDITY, TERM_COLUMNS, 0, InvalidOid
};

static const char *const registration_key[] = {"registration_id"};
static const char *const term_key[] = {"registration_id", "term_no"};

/*
 * Insert a registration of a service, granted by an approval on
 * registered_on and resting on 'audit'; returns its id.
 */
int64
registration_row_insert(const char *number, int64 service_id, DateADT registered_on,
						const Audit *audit, DateADT valid_until, const RegistrationFacts *facts)
{
	Relation	rel = direct_open(&registrations_table);
	Datum		values[REGISTRATION_COLUMNS];
	bool		nulls[REGISTRATION_COLUMNS] = {false};
	int64		id = identity_nextval(rel, 1);	/* registration_id */
	HeapTuple	row;

	values[0] = Int64GetDatum(id);
	values[1] = CStringGetTextDatum(number);
	values[2] = Int64GetDatum(service_id);
	values[3] = DateADTGetDatum(registered_on);
	values[4] = DateADTGetDatum(audit->period_start);
	values[5] = DateADTGetDatum(audit->period_end);
	values[6] = DateADTGetDatum(valid_until);
	values[7] = Int64GetDatum(audit->audit_id);
	values[8] = Int64GetDatum(audit->auditor_id);
	values[FACTS_ATTNO - 1] = facts_datum(RelationGetDescr(rel), FACTS_ATTNO, facts);
	row = direct_insert(&registrations_table, rel, values, nulls);
	history_log_write(rel, registration_key, lengthof(registration_key), NULL, row);
	table_close(rel, NoLock);
	CommandCounterIncrement();
	return id;
}

/*
 * A renewal: the registration's current columns are those of its new term,
 * and its facts those the approval gives it (NULL: left for the refresh
 * that follows).  Returns its number and service.
 */
void
registration_row_renew(int64 registration_id, const Audit *audit, DateADT valid_until,
					   const RegistrationFacts *facts, char **number, int64 *service_id)
{
	Relation	rel = direct_open(&registrations_table);
	HeapTuple	row = registration_current_row(&service_tables, rel, registration_id);
	HeapTuple	renewed;
	Datum		values[REGISTRATION_COLUMNS];
	bool		nulls[REGISTRATION_COLUMNS] = {false};
	bool		replace[REGISTRATION_COLUMNS] = {false};

	if (row == NULL)
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 "the registration to renew is not there",
					 errdetail("There is no registration %lld.", (long long) registration_id),
					 errhint("Give the registration_id of the registration the renewal is for."));
	values[4] = DateADTGetDatum(audit->period_start);
	values[5] = DateADTGetDatum(audit->period_end);
	values[6] = DateADTGetDatum(valid_until);
	values[7] = Int64GetDatum(audit->audit_id);
	values[8] = Int64GetDatum(audit->auditor_id);
	for (int i = 4; i <= 8; i++)
		replace[i] = true;
	if (facts != NULL)
	{
		values[FACTS_ATTNO - 1] = facts_datum(RelationGetDescr(rel), FACTS_ATTNO, facts);
		replace[FACTS_ATTNO - 1] = true;
	}
	*number = tuple_get_text(row, RelationGetDescr(rel), "registration_number");
	tuple_get_int64(row, RelationGetDescr(rel), "service_id", service_id);
	renewed = heap_modify_tuple(row, RelationGetDescr(rel), values, nulls, replace);
	direct_update(registrations_table.rule, rel, &row->t_self, renewed);
	history_log_write(rel, registration_key, lengthof(registration_key), row, renewed);
	table_close(rel, NoLock);
	CommandCounterIncrement();
}

/*
 * Add validity term term_no to a registration (its terms are numbered from
 * 1 without a gap, each added under the registration's row lock): granted
 * by application_id on in_force_from, resting on 'audit', valid until
 * valid_until.
 */
void
registration_term_insert(int64 registration_id, int term_no, int64 application_id,
						 DateADT in_force_from, const Audit *audit, DateADT valid_until)
{
	Relation	rel = direct_open(&terms_table);
	Datum		values[TERM_COLUMNS];
	bool		nulls[TERM_COLUMNS] = {false};
	HeapTuple	row;

	values[0] = Int64GetDatum(registration_id);
	values[1] = Int32GetDatum(term_no);
	values[2] = Int64GetDatum(application_id);
	values[3] = Int64GetDatum(audit->audit_id);
	values[4] = Int64GetDatum(audit->auditor_id);
	values[5] = DateADTGetDatum(in_force_from);
	values[6] = DateADTGetDatum(audit->period_start);
	values[7] = DateADTGetDatum(audit->period_end);
	values[8] = DateADTGetDatum(valid_until);
	row = direct_insert(&terms_table, rel, values, nulls);
	history_log_write(rel, term_key, lengthof(term_key), NULL, row);
	table_close(rel, NoLock);
	CommandCounterIncrement();
}
