/*
 * auditor_status.c
 *		Read side of the auditor registry: ismap.auditor_status() and
 *		ismap.auditor_standing(), answered for any day from the stored facts.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "executor/spi.h"
#include "funcapi.h"

#include "base/errors.h"
#include "state/fact_tables.h"
#include "state/facts_scan.h"
#include "state/listing_status.h"
#include "store/registry.h"

PG_FUNCTION_INFO_V1(ismap_auditor_status);
PG_FUNCTION_INFO_V1(ismap_auditor_standing);

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
	found = facts_scan(auditor_queries.tables, auditor_id, true, caller, &facts, NULL, NULL);
	registry_role_leave(&role);
	SPI_finish();
	if (!found)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_AUD_PUBLIC_LIST,
					 psprintf("there is no auditor %lld", (long long) auditor_id),
					 errdetail("The status functions answer for the auditors of ismap.auditors; NULL means one not yet registered on that day."),
					 errhint("Find the id by its number: SELECT auditor_id FROM ismap.auditors WHERE registration_number = 'A24-0001'."));
	if (facts.nterms == 0)
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
