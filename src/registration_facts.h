/*
 * registration_facts.h
 *		Loading the stored facts of one registration (an auditor or a cloud
 *		service registration) through SPI, for the status computation.
 */
#ifndef REGISTRATION_FACTS_H
#define REGISTRATION_FACTS_H

#include "postgres.h"

#include "ismap.h"
#include "listing_status.h"

/*
 * The queries that read one kind of registration, each with the
 * registration's id as $1:
 *	load: registered_on, owner id (organization or service), and the facts
 *		  as an ismap.registration_facts value
 *	lock: the registration row, FOR UPDATE
 *	cached: facts, registered_on, registration_number of the row
 *	write_facts: set the row's facts to ROW($2..$11)
 */
typedef struct FactQueries
{
	const char *noun;			/* "auditor", "registration": for messages */
	const char *list_name;		/* "auditor", "cloud_service": for the feed */
	KeptPlan	load;
	KeptPlan	lock;
	KeptPlan	cached;
	KeptPlan	write_facts;
} FactQueries;

extern FactQueries auditor_queries;
extern FactQueries service_queries;

extern bool facts_load(FactQueries *q, int64 id, bool read_only,
					   MemoryContext cxt, RegistrationFacts *facts,
					   int64 *owner_id);
extern bool registration_lock(FactQueries *q, int64 id);
extern void facts_from_composite(HeapTupleHeader row, DateADT registered_on,
								 RegistrationFacts *facts);
extern bool in_force_status(ListingStatus status);

#endif							/* REGISTRATION_FACTS_H */
