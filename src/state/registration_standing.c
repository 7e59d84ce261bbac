/*
 * registration_standing.c
 *		ismap.registration_standing(): a registration's status on a day from
 *		the copy of its facts, as the lists compute it for every row.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/date.h"
#include "utils/typcache.h"

#include "state/facts_copy.h"
#include "state/listing_status.h"

PG_FUNCTION_INFO_V1(ismap_registration_standing);

typedef struct StandingCache
{
	TupleDesc	tupdesc;		/* blessed result type */
	TupleDesc	facts_desc;		/* ismap.registration_facts */
	Datum		status[LISTING_REMOVED + 1];	/* the listing_status values */
} StandingCache;

/* Looked up once per query (per FmgrInfo), not once per row. */
static StandingCache *
standing_cache(FunctionCallInfo fcinfo)
{
	StandingCache *cache = (StandingCache *) fcinfo->flinfo->fn_extra;
	MemoryContext old;
	TupleDesc	tupdesc;

	if (cache != NULL)
		return cache;
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "ismap: registration_standing must return a record");
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	cache = palloc0(sizeof(StandingCache));
	cache->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
	cache->facts_desc =
		lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(PG_GETARG_HEAPTUPLEHEADER(0)), -1);
	for (int st = LISTING_VALID; st <= LISTING_REMOVED; st++)
		cache->status[st] = listing_status_datum((ListingStatus) st,
												 TupleDescAttr(cache->tupdesc, 0)->atttypid);
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = cache;
	return cache;
}

/*
 * ismap.registration_standing(facts ismap.registration_facts, registered_on
 *   date, day date, OUT status, OUT audit_period_start, OUT audit_period_end,
 *   OUT valid_until, OUT audit_id, OUT auditor_id, OUT renewal_filed_on):
 *   the status on a day, the term in force that day, and the filing date of
 *   a renewal pending that day, from a copy of the facts.  Pure: it reads no
 *   table, so the lists need no lookup per row.
 */
Datum
ismap_registration_standing(PG_FUNCTION_ARGS)
{
	StandingCache *cache = standing_cache(fcinfo);
	RegistrationFacts facts;
	Standing	s;
	Datum		values[7];
	bool		nulls[7] = {true, true, true, true, true, true, true};
	const Renewal *pending;

	facts_from_composite(PG_GETARG_HEAPTUPLEHEADER(0), cache->facts_desc, PG_GETARG_DATEADT(1),
						 &facts);
	s = standing_on(&facts, PG_GETARG_DATEADT(2));
	if (s.status != LISTING_NONE && s.term != NULL)
	{
		values[0] = cache->status[s.status];
		values[1] = DateADTGetDatum(s.term->valid_from);
		values[2] = DateADTGetDatum(s.term->period_end);
		values[3] = DateADTGetDatum(s.term->valid_until);
		values[4] = Int64GetDatum(s.term->audit_id);
		values[5] = Int64GetDatum(s.term->auditor_id);
		memset(nulls, false, 6 * sizeof(bool));
		pending = renewal_pending_on(&facts, PG_GETARG_DATEADT(2));
		if (pending != NULL)
		{
			values[6] = DateADTGetDatum(pending->filed_on);
			nulls[6] = false;
		}
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
}
