/*
 * auditor_facts.c
 *		Loading the stored facts of an auditor registration, and the
 *		read-side functions ismap.auditor_status() and
 *		ismap.auditor_standing() that answer from them for any day.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "auditor_facts.h"
#include "ismap.h"
#include "listing_status.h"

PG_FUNCTION_INFO_V1(ismap_auditor_status);
PG_FUNCTION_INFO_V1(ismap_auditor_standing);

static KeptPlan registration_plan = {
	"SELECT registered_on, organization_id FROM ismap.auditors"
	" WHERE auditor_id OPERATOR(pg_catalog.=) $1",
	1, {INT8OID}
};

static KeptPlan terms_plan = {
	"SELECT in_force_from, valid_from, valid_until FROM ismap.auditor_terms"
	" WHERE auditor_id OPERATOR(pg_catalog.=) $1"
	" ORDER BY in_force_from, term_no",
	1, {INT8OID}
};

/* decided_on is null exactly while an application is undecided. */
static KeptPlan renewals_plan = {
	"SELECT applied_on, decided_on FROM ismap.auditor_applications"
	" WHERE auditor_id OPERATOR(pg_catalog.=) $1"
	" AND kind OPERATOR(pg_catalog.=) 'renewal'::ismap.application_kind",
	1, {INT8OID}
};

static KeptPlan changes_plan = {
	"SELECT action::pg_catalog.text, effective_on FROM ismap.auditor_status_changes"
	" WHERE auditor_id OPERATOR(pg_catalog.=) $1"
	" ORDER BY effective_on, change_id",
	1, {INT8OID}
};

/*
 * Load the facts of one auditor into 'facts', allocated in 'cxt'.  The
 * caller is connected to SPI.  Returns false if there is no such auditor.
 * read_only is true for the read-side functions (they see the caller's
 * snapshot) and false in triggers (each query sees what committed last,
 * after the trigger has locked the auditor).
 */
bool
auditor_facts_load(int64 auditor_id, bool read_only, MemoryContext cxt,
				   RegistrationFacts *facts, int64 *organization_id)
{
	Datum		arg = Int64GetDatum(auditor_id);

	memset(facts, 0, sizeof(*facts));
	kept_plan_run(&registration_plan, &arg, NULL, read_only, 1);
	if (SPI_processed == 0)
		return false;
	spi_get_date(0, 1, &facts->registered_on);
	if (organization_id)
		spi_get_int64(0, 2, organization_id);

	kept_plan_run(&terms_plan, &arg, NULL, read_only, 0);
	facts->nterms = (int) SPI_processed;
	facts->terms = MemoryContextAllocZero(cxt, sizeof(Term) * (facts->nterms + 1));
	for (int i = 0; i < facts->nterms; i++)
	{
		spi_get_date(i, 1, &facts->terms[i].in_force_from);
		spi_get_date(i, 2, &facts->terms[i].valid_from);
		spi_get_date(i, 3, &facts->terms[i].valid_until);
	}

	kept_plan_run(&renewals_plan, &arg, NULL, read_only, 0);
	facts->nrenewals = (int) SPI_processed;
	facts->renewals = MemoryContextAllocZero(cxt, sizeof(Renewal) * (facts->nrenewals + 1));
	for (int i = 0; i < facts->nrenewals; i++)
	{
		spi_get_date(i, 1, &facts->renewals[i].filed_on);
		if (!spi_get_date(i, 2, &facts->renewals[i].resolved_on))
			facts->renewals[i].resolved_on = DATEVAL_NOEND;
	}

	kept_plan_run(&changes_plan, &arg, NULL, read_only, 0);
	facts->nchanges = (int) SPI_processed;
	facts->changes = MemoryContextAllocZero(cxt, sizeof(StatusChange) * (facts->nchanges + 1));
	for (int i = 0; i < facts->nchanges; i++)
	{
		facts->changes[i].action = status_action_from_label(spi_get_text(i, 1));
		spi_get_date(i, 2, &facts->changes[i].effective_on);
	}
	return true;
}

/* Lock the auditor row so that decisions about it are taken one at a time. */
bool
auditor_lock(int64 auditor_id)
{
	static KeptPlan kp = {
		"SELECT 1 FROM ismap.auditors WHERE auditor_id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
		1, {INT8OID}
	};
	Datum		arg = Int64GetDatum(auditor_id);

	kept_plan_run(&kp, &arg, NULL, false, 1);
	return SPI_processed == 1;
}

/* Standing of an auditor on a day, read as the registry's owner. */
static bool
standing_of(int64 auditor_id, DateADT day, Standing *standing, Term *term)
{
	RegistrationFacts facts;
	RegistryRole role;
	bool		found;
	MemoryContext caller = CurrentMemoryContext;

	SPI_connect();
	registry_role_enter(&role);
	found = auditor_facts_load(auditor_id, true, caller, &facts, NULL);
	registry_role_leave(&role);
	SPI_finish();
	if (!found)
		return false;
	*standing = standing_on(&facts, day);
	if (standing->term)
		*term = *standing->term;
	return true;
}

/* ismap.auditor_status(auditor_id bigint, as_of date) */
Datum
ismap_auditor_status(PG_FUNCTION_ARGS)
{
	Standing	standing;
	Term		term;

	if (!standing_of(PG_GETARG_INT64(0), PG_GETARG_DATEADT(1), &standing, &term) ||
		standing.status == LISTING_NONE)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(listing_status_datum(standing.status,
										 ismap_type_oid("listing_status")));
}

/* ismap.auditor_standing(auditor_id bigint, as_of date, OUT status, OUT valid_until) */
Datum
ismap_auditor_standing(PG_FUNCTION_ARGS)
{
	Standing	standing;
	Term		term;
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {true, true};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "ismap: auditor_standing must return a record");
	tupdesc = BlessTupleDesc(tupdesc);

	if (standing_of(PG_GETARG_INT64(0), PG_GETARG_DATEADT(1), &standing, &term) &&
		standing.status != LISTING_NONE)
	{
		values[0] = listing_status_datum(standing.status,
										 TupleDescAttr(tupdesc, 0)->atttypid);
		values[1] = DateADTGetDatum(term.valid_until);
		nulls[0] = nulls[1] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
