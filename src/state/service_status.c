/*
 * service_status.c
 *		ismap.service_status(): the status of a cloud service registration
 *		on a day, answered from the registry tables, the record.  The public
 *		list answers from the copy of the same facts on each row
 *		(facts_refresh.c); the test suite checks that the two agree.
 */
#include "postgres.h"

#include "executor/spi.h"

#include "base/errors.h"
#include "state/fact_tables.h"
#include "state/facts_scan.h"
#include "state/listing_status.h"
#include "store/registry.h"

PG_FUNCTION_INFO_V1(ismap_service_status);

/* ismap.service_status(registration_id bigint, as_of date) */
Datum
ismap_service_status(PG_FUNCTION_ARGS)
{
	RegistrationFacts facts;
	RegistryRole role;
	Standing	standing;
	bool		found;
	MemoryContext caller = CurrentMemoryContext;

	SPI_connect();
	registry_role_enter(&role);
	found = facts_scan(service_queries.tables, PG_GETARG_INT64(0), true, caller, &facts,
					   NULL, NULL);
	registry_role_leave(&role);
	SPI_finish();
	if (!found)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SVC_PUBLIC_LIST,
					 psprintf("there is no cloud service registration %lld",
							  (long long) PG_GETARG_INT64(0)),
					 errdetail("service_status() answers for the registrations of ismap.service_registrations; NULL means one not yet registered on that day."),
					 errhint("Find the id by its number: SELECT registration_id FROM ismap.service_registrations WHERE registration_number = 'C24-0071-1'."));
	if (facts.nterms == 0)
		PG_RETURN_NULL();
	standing = standing_on(&facts, PG_GETARG_DATEADT(1));
	if (standing.status == LISTING_NONE)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(listing_status_datum(standing.status,
										 ismap_type_oid("listing_status")));
}

