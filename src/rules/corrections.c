/*
 * corrections.c
 *		Corrections of data-entry mistakes in decided records (sec_history).
 *
 * A decided record is never rewritten by an ordinary UPDATE.  A mistake
 * (a wrong decision date, a misspelt name, garbled grounds) is fixed with
 *
 *		SELECT ismap.correct('ismap.service_applications', 42,
 *							 '{"decided_on": "2024-05-14"}', 'typed 15 for 14');
 *
 * which requires a reason, runs an ordinary UPDATE as the caller (so the
 * caller needs UPDATE on that table), and lets the triggers accept the
 * change of a decided row while it runs.  The decision log records the row
 * before and after, and the reason.  Which columns may be corrected is
 * fixed below: none that would rewrite what a decision decided.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"

#include "base/errors.h"
#include "base/invisible_text.h"
#include "base/today.h"
#include "log/correction_reason.h"
#include "rules/authority.h"
#include "rules/corrections.h"
#include "state/fact_tables.h"
#include "state/facts_due.h"
#include "state/registration_facts.h"
#include "store/kept_plans.h"

PG_FUNCTION_INFO_V1(ismap_correct);

typedef struct Correctable
{
	const char *table;
	const char *key;
	const char *columns[5];
} Correctable;

static const Correctable correctables[] = {
	{"organizations", "organization_id", {"name", "name_en", "corporate_number"}},
	{"cloud_services", "service_id", {"name", "name_en", "statement_scope", "service_model"}},
	{"auditor_applications", "application_id", {"decided_on"}},
	{"service_applications", "application_id", {"decided_on"}},
	{"auditor_status_changes", "change_id", {"grounds"}},
	{"service_status_changes", "change_id", {"grounds"}},
	{"incidents", "incident_id", {"summary"}},
	{"incident_reports", "report_id", {"body"}},
	{"investigations", "investigation_id", {"finding_text"}},
	{"service_change_notices", "notice_id",
	 {"new_name", "new_name_en", "new_statement_scope", "description"}},
	{"organization_change_notices", "notice_id", {"new_name", "new_name_en", "description"}},
};

static const Correctable *
find_correctable(Oid relid)
{
	const char *name = get_rel_name(relid);

	if (name == NULL || get_rel_namespace(relid) != get_namespace_oid("ismap", false))
		return NULL;
	for (int i = 0; i < (int) lengthof(correctables); i++)
		if (strcmp(correctables[i].table, name) == 0)
			return &correctables[i];
	return NULL;
}

static bool
column_correctable(const Correctable *c, const char *column)
{
	for (int i = 0; i < (int) lengthof(c->columns) && c->columns[i]; i++)
		if (strcmp(c->columns[i], column) == 0)
			return true;
	return false;
}

static const char *
allowed_columns(const Correctable *c)
{
	StringInfoData s;

	initStringInfo(&s);
	for (int i = 0; i < (int) lengthof(c->columns) && c->columns[i]; i++)
		appendStringInfo(&s, "%s%s", i > 0 ? ", " : "", c->columns[i]);
	return s.data;
}

/*
 * UPDATE ismap.<table> SET (a, b) = (SELECT a, b FROM
 * jsonb_populate_record(NULL::ismap.<table>, $1)) WHERE <key> = $2: the
 * identifiers come from the table above and the jsonb's checked keys,
 * quoted; the values travel as parameters.
 */
static char *
correction_sql(const Correctable *c, Jsonb *changes)
{
	StringInfoData cols;
	JsonbIterator *it = JsonbIteratorInit(&changes->root);
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			n = 0;

	initStringInfo(&cols);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		if (!column_correctable(c, key))
			ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SEC_HISTORY,
						 psprintf("column \"%s\" of ismap.%s cannot be corrected", key, c->table),
						 errdetail("Corrections fix data-entry mistakes; they do not rewrite what was decided."),
						 errhint("Columns of ismap.%s that can be corrected: %s.", c->table,
								 allowed_columns(c)));
		appendStringInfo(&cols, "%s%s", n++ > 0 ? ", " : "", quote_identifier(key));
	}
	if (n == 0)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SEC_HISTORY,
					 "a correction needs the corrected values",
					 errdetail("The changes are not a JSON object with at least one column."),
					 errhint("Give them as '{\"column\": \"value\"}'."));
	return psprintf("UPDATE ismap.%s SET (%s) = (SELECT %s FROM"
					" pg_catalog.jsonb_populate_record(NULL::ismap.%s, $1))"
					" WHERE %s OPERATOR(pg_catalog.=) $2",
					c->table, cols.data, cols.data, c->table, quote_identifier(c->key));
}

/*
 * ismap.correct(target regclass, row_id bigint, changes jsonb, reason text)
 * returns the number of rows corrected (1).
 */
Datum
ismap_correct(PG_FUNCTION_ARGS)
{
	const Correctable *c;
	Jsonb	   *changes;
	char	   *reason;
	char	   *sql;
	Oid			argtypes[2] = {JSONBOID, INT8OID};
	Datum		args[2];
	volatile uint64 corrected = 0;
	ActingRole	actor = current_actor();

	require_capacity(&actor, CAPACITY_COMMITTEE, "correct the record");
	if (PG_ARGISNULL(3) || text_is_invisible(reason = text_to_cstring(PG_GETARG_TEXT_PP(3))))
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SEC_HISTORY,
					 "a correction needs its reason",
					 errdetail("The reason is null or blank."),
					 errhint("Say what was wrong, e.g. 'decision date mistyped; minutes of 2024-05-14'."));
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_SEC_HISTORY,
					 "a correction needs the table, the row and the corrected values",
					 errdetail("One of them is null."),
					 errhint("Call ismap.correct('ismap.organizations', 7, '{\"name\": \"...\"}', 'reason')."));
	c = find_correctable(PG_GETARG_OID(0));
	if (c == NULL)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SEC_HISTORY,
					 psprintf("rows of %s cannot be corrected",
							  get_rel_name(PG_GETARG_OID(0)) ? get_rel_name(PG_GETARG_OID(0)) : "that table"),
					 errdetail("Tables that can be corrected: organizations, cloud_services, auditor_applications, service_applications, auditor_status_changes, service_status_changes, incidents, incident_reports, investigations, service_change_notices, organization_change_notices."),
					 errhint("Other records are corrected by recording a new fact."));
	changes = PG_GETARG_JSONB_P(2);
	if (!JB_ROOT_IS_OBJECT(changes))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SEC_HISTORY,
					 "a correction needs the corrected values",
					 errdetail("The changes are not a JSON object."),
					 errhint("Give them as '{\"column\": \"value\"}'."));
	sql = correction_sql(c, changes);

	args[0] = PointerGetDatum(changes);
	args[1] = Int64GetDatum(PG_GETARG_INT64(1));
	SPI_connect();
	set_correction_reason(reason);
	PG_TRY();
	{
		if (SPI_execute_with_args(sql, 2, argtypes, args, NULL, false, 0) != SPI_OK_UPDATE)
			elog(ERROR, "ismap: correction failed: %s", sql);
		corrected = SPI_processed;
	}
	PG_FINALLY();
	{
		set_correction_reason(NULL);
	}
	PG_END_TRY();
	SPI_finish();
	if (corrected == 0)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SEC_HISTORY,
					 psprintf("there is no row %lld in ismap.%s", (long long) PG_GETARG_INT64(1), c->table),
					 errdetail("Nothing was corrected."),
					 errhint("Give the %s of an existing row.", c->key));
	PG_RETURN_INT32((int32) corrected);
}

/* ---------- a corrected approval date moves the term it put in force ---------- */

typedef struct TermQueries
{
	FactQueries *facts;
	KeptPlan	find;			/* registration, term_no, valid_until of an application's term */
	KeptPlan	neighbours;		/* in_force_from of the terms before and after */
	KeptPlan	first_change;	/* earliest status change */
	KeptPlan	set_term;
	KeptPlan	set_registered;
} TermQueries;

static TermQueries auditor_terms = {
	&auditor_queries,
	{"SELECT auditor_id, term_no, valid_until FROM ismap.auditor_terms"
	 " WHERE application_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	{"SELECT pg_catalog.max(in_force_from) FILTER (WHERE term_no OPERATOR(pg_catalog.<) $2),"
	 " pg_catalog.min(in_force_from) FILTER (WHERE term_no OPERATOR(pg_catalog.>) $2)"
	 " FROM ismap.auditor_terms WHERE auditor_id OPERATOR(pg_catalog.=) $1", 2, {INT8OID, INT4OID}},
	{"SELECT pg_catalog.min(effective_on) FROM ismap.auditor_status_changes"
	 " WHERE auditor_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	{"UPDATE ismap.auditor_terms SET in_force_from = $3"
	 " WHERE auditor_id OPERATOR(pg_catalog.=) $1 AND term_no OPERATOR(pg_catalog.=) $2",
	 3, {INT8OID, INT4OID, DATEOID}},
	{"UPDATE ismap.auditors SET registered_on = $2 WHERE auditor_id OPERATOR(pg_catalog.=) $1",
	 2, {INT8OID, DATEOID}},
};

static TermQueries service_terms = {
	&service_queries,
	{"SELECT registration_id, term_no, valid_until FROM ismap.service_registration_terms"
	 " WHERE application_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	{"SELECT pg_catalog.max(in_force_from) FILTER (WHERE term_no OPERATOR(pg_catalog.<) $2),"
	 " pg_catalog.min(in_force_from) FILTER (WHERE term_no OPERATOR(pg_catalog.>) $2)"
	 " FROM ismap.service_registration_terms WHERE registration_id OPERATOR(pg_catalog.=) $1",
	 2, {INT8OID, INT4OID}},
	{"SELECT pg_catalog.min(effective_on) FROM ismap.service_status_changes"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}},
	{"UPDATE ismap.service_registration_terms SET in_force_from = $3"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1 AND term_no OPERATOR(pg_catalog.=) $2",
	 3, {INT8OID, INT4OID, DATEOID}},
	{"UPDATE ismap.service_registrations SET registered_on = $2"
	 " WHERE registration_id OPERATOR(pg_catalog.=) $1", 2, {INT8OID, DATEOID}},
};

/*
 * The decision date of an approved application was corrected: the term it
 * put in force comes into force on the corrected day (and the registration
 * dates from it, for a first registration), provided the terms keep their
 * order, the term has not ended by then, and no status change would come
 * before the registration.  The caller is connected to SPI as the owner.
 */
void
correct_approval_date(bool service, int64 application_id, DateADT decided_on)
{
	TermQueries *q = service ? &service_terms : &auditor_terms;
	const char *rule = service ? RULE_SVC_VALIDITY : RULE_AUD_VALIDITY;
	Datum		args[3];
	int64		id = 0;
	int32		term_no;
	DateADT		valid_until = 0,
				before,
				after,
				first_change;
	bool		isnull;

	args[0] = Int64GetDatum(application_id);
	kept_plan_run(&q->find, args, NULL, false, 1);
	if (SPI_processed != 1)
		return;
	spi_get_int64(0, 1, &id);
	term_no = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	spi_get_date(0, 3, &valid_until);
	registration_lock(q->facts, id);

	if (decided_on > valid_until)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, rule,
					 "the corrected approval would come after the term it granted ends",
					 errdetail("The term runs until %s; the corrected decision date is %s.",
							   ismap_date_text(valid_until), ismap_date_text(decided_on)),
					 errhint("Check the decision date."));
	args[0] = Int64GetDatum(id);
	args[1] = Int32GetDatum(term_no);
	kept_plan_run(&q->neighbours, args, NULL, false, 1);
	if ((spi_get_date(0, 1, &before) && before >= decided_on) ||
		(spi_get_date(0, 2, &after) && after <= decided_on))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SEC_HISTORY,
					 "the corrected approval would put the terms out of order",
					 errdetail("Term %d would come into force on %s.", term_no,
							   ismap_date_text(decided_on)),
					 errhint("A term comes into force after the one before it and before the one after it."));
	if (term_no == 1)
	{
		kept_plan_run(&q->first_change, args, NULL, false, 1);
		if (spi_get_date(0, 1, &first_change) && first_change < decided_on)
			ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_SUSPENSION,
						 "the corrected registration date would come after a status change",
						 errdetail("A status change takes effect on %s; the registration would date from %s.",
								   ismap_date_text(first_change), ismap_date_text(decided_on)),
						 errhint("Check the decision date."));
	}

	/*
	 * The term changes ahead of the registration's refresh: counted as one
	 * more row due, which no refresh matches, the rest of the transaction's
	 * checks read the tables, not the copy.
	 */
	facts_refresh_due(q->facts);
	args[2] = DateADTGetDatum(decided_on);
	kept_plan_write(&q->set_term, args, NULL, 0);
	if (term_no == 1)
	{
		args[1] = DateADTGetDatum(decided_on);
		kept_plan_write(&q->set_registered, args, NULL, 0);
	}
}

/* ---------- a corrected decision date keeps its place among the facts ---------- */

typedef struct OrderQueries
{
	const char *flow_rule;
	KeptPlan	changes;		/* a status change of the subject strictly between $3 and $4 */
	KeptPlan	others;			/* another dated fact of the subject strictly between */
} OrderQueries;

static OrderQueries auditor_order = {
	RULE_AUD_APPLICATION_FLOW,
	{"SELECT c.effective_on FROM ismap.auditor_status_changes c"
	 " JOIN ismap.auditors a ON a.auditor_id OPERATOR(pg_catalog.=) c.auditor_id"
	 " WHERE a.organization_id OPERATOR(pg_catalog.=) $1 AND $2 OPERATOR(pg_catalog.<>) 0"
	 " AND c.effective_on OPERATOR(pg_catalog.>) $3 AND c.effective_on OPERATOR(pg_catalog.<) $4"
	 " LIMIT 1", 4, {INT8OID, INT8OID, DATEOID, DATEOID}},
	{"SELECT d FROM ("
	 "  SELECT applied_on AS d FROM ismap.auditor_applications"
	 "   WHERE organization_id OPERATOR(pg_catalog.=) $1 AND application_id OPERATOR(pg_catalog.<>) $2"
	 "  UNION ALL SELECT decided_on FROM ismap.auditor_applications"
	 "   WHERE organization_id OPERATOR(pg_catalog.=) $1 AND application_id OPERATOR(pg_catalog.<>) $2"
	 "  UNION ALL SELECT t.in_force_from FROM ismap.auditor_terms t"
	 "   JOIN ismap.auditors a ON a.auditor_id OPERATOR(pg_catalog.=) t.auditor_id"
	 "   WHERE a.organization_id OPERATOR(pg_catalog.=) $1 AND t.application_id OPERATOR(pg_catalog.<>) $2"
	 " ) x WHERE d OPERATOR(pg_catalog.>) $3 AND d OPERATOR(pg_catalog.<) $4 LIMIT 1",
	 4, {INT8OID, INT8OID, DATEOID, DATEOID}},
};

static OrderQueries service_order = {
	RULE_SVC_APPLICATION_FLOW,
	{"SELECT c.effective_on FROM ismap.service_status_changes c"
	 " JOIN ismap.service_registrations r ON r.registration_id OPERATOR(pg_catalog.=) c.registration_id"
	 " WHERE r.service_id OPERATOR(pg_catalog.=) $1 AND $2 OPERATOR(pg_catalog.<>) 0"
	 " AND c.effective_on OPERATOR(pg_catalog.>) $3 AND c.effective_on OPERATOR(pg_catalog.<) $4"
	 " LIMIT 1", 4, {INT8OID, INT8OID, DATEOID, DATEOID}},
	{"SELECT d FROM ("
	 "  SELECT applied_on AS d FROM ismap.service_applications"
	 "   WHERE service_id OPERATOR(pg_catalog.=) $1 AND application_id OPERATOR(pg_catalog.<>) $2"
	 "  UNION ALL SELECT decided_on FROM ismap.service_applications"
	 "   WHERE service_id OPERATOR(pg_catalog.=) $1 AND application_id OPERATOR(pg_catalog.<>) $2"
	 "  UNION ALL SELECT t.in_force_from FROM ismap.service_registration_terms t"
	 "   JOIN ismap.service_registrations r ON r.registration_id OPERATOR(pg_catalog.=) t.registration_id"
	 "   WHERE r.service_id OPERATOR(pg_catalog.=) $1 AND t.application_id OPERATOR(pg_catalog.<>) $2"
	 " ) x WHERE d OPERATOR(pg_catalog.>) $3 AND d OPERATOR(pg_catalog.<) $4 LIMIT 1",
	 4, {INT8OID, INT8OID, DATEOID, DATEOID}},
};

/*
 * A corrected decision date may not move the decision past another dated
 * fact of the same organization or service (an application filed or
 * decided, a term coming into force, a status change taking effect):
 * those were accepted in view of the decision as it was recorded, and
 * reordering them would make the history say what no rule allowed.  The
 * caller is connected to SPI as the owner.
 */
void
check_correction_keeps_order(bool service, int64 subject_id, int64 application_id,
							 DateADT old_date, DateADT new_date)
{
	OrderQueries *q = service ? &service_order : &auditor_order;
	Datum		args[4];
	DateADT		between;

	args[0] = Int64GetDatum(subject_id);
	args[1] = Int64GetDatum(application_id);
	args[2] = DateADTGetDatum(Min(old_date, new_date));
	args[3] = DateADTGetDatum(Max(old_date, new_date));

	kept_plan_run(&q->changes, args, NULL, false, 1);
	if (SPI_processed > 0 && spi_get_date(0, 1, &between))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_OVS_SUSPENSION,
					 "the corrected decision date would move the decision past a status change",
					 errdetail("A status change takes effect on %s, between %s and %s.",
							   ismap_date_text(between), ismap_date_text(old_date),
							   ismap_date_text(new_date)),
					 errhint("A correction cannot reorder the facts; record the decision as it was taken."));
	kept_plan_run(&q->others, args, NULL, false, 1);
	if (SPI_processed > 0 && spi_get_date(0, 1, &between))
		ismap_refuse(ERRCODE_CHECK_VIOLATION, q->flow_rule,
					 "the corrected decision date would move the decision past another recorded fact",
					 errdetail("Another application or term is dated %s, between %s and %s.",
							   ismap_date_text(between), ismap_date_text(old_date),
							   ismap_date_text(new_date)),
					 errhint("A correction cannot reorder the facts; record the decision as it was taken."));
}
