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
 *	registration: registered_on, owner id (organization or service)
 *	terms: in_force_from, valid_from, valid_until, period_end, audit_id,
 *		   auditor_id, ordered by in_force_from
 *	renewals: applied_on, decided_on (null while undecided)
 *	changes: action as text, effective_on, in recording order
 *	lock: the registration row, FOR UPDATE
 *	cached: facts, registered_on, registration_number of the row
 *	write_facts: set the row's facts to ROW($2..$11)
 */
typedef struct FactQueries
{
	const char *noun;			/* "auditor", "registration": for messages */
	const char *list_name;		/* "auditor", "cloud_service": for the feed */
	KeptPlan	registration;
	KeptPlan	terms;
	KeptPlan	renewals;
	KeptPlan	changes;
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
extern bool in_force_status(ListingStatus status);

#endif							/* REGISTRATION_FACTS_H */
