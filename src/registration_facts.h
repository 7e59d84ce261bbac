/*
 * registration_facts.h
 *		Loading the facts of one registration (an auditor or a cloud
 *		service registration), from its tables or from the copy on its
 *		row, for the status computation.
 */
#ifndef REGISTRATION_FACTS_H
#define REGISTRATION_FACTS_H

#include "postgres.h"

#include "storage/lockdefs.h"
#include "storage/proc.h"
#include "utils/relcache.h"

#include "ismap.h"
#include "listing_status.h"

/*
 * How to read one kind of registration: its tables (for facts_scan), and
 * the queries, each with the registration's id as $1:
 *	lock: the registration row, FOR UPDATE
 */
typedef struct FactTables FactTables;	/* facts_scan.c */

typedef struct FactQueries
{
	const char *noun;			/* "auditor", "registration": for messages */
	const char *list_name;		/* "auditor", "cloud_service": for the feed */
	FactTables *tables;
	RowLock		lock;
	/* rows whose refresh is still to run, in transaction refreshes_due_in */
	int			refreshes_due;
	LocalTransactionId refreshes_due_in;
} FactQueries;

extern FactTables auditor_tables;
extern FactTables service_tables;
extern FactQueries auditor_queries;
extern FactQueries service_queries;

extern bool facts_load(FactQueries *q, int64 id, bool read_only,
					   MemoryContext cxt, RegistrationFacts *facts,
					   int64 *owner_id);
extern bool facts_scan(FactTables *tables, int64 id, bool read_only,
					   MemoryContext cxt, RegistrationFacts *facts,
					   int64 *owner_id, HeapTuple *registration);
extern Relation registrations_open(FactTables *tables, LOCKMODE mode);
extern HeapTuple registration_current_row(FactTables *tables, Relation rel, int64 id);
extern bool registration_lock(FactQueries *q, int64 id);
extern bool registration_lock_facts(FactQueries *q, int64 id, MemoryContext cxt,
									RegistrationFacts *facts, int64 *owner_id);
extern void facts_from_composite(HeapTupleHeader row, TupleDesc desc,
								 DateADT registered_on, RegistrationFacts *facts);
extern bool in_force_status(ListingStatus status);

/* facts_cache.c */
extern Datum facts_datum(TupleDesc desc, int facts_attno, const RegistrationFacts *facts);
extern void approval_wrote_facts_of(int64 id, const char *number, int64 service_id,
									const RegistrationFacts *old_facts,
									const RegistrationFacts *new_facts,
									int64 application_id, DateADT decided_on);
extern void renewal_filing_writes_facts(int64 id, const RegistrationFacts *facts,
										int64 application_id, DateADT filed_on);
extern void facts_refresh_due(FactQueries *q);
extern bool facts_copy_current(FactQueries *q);
extern bool facts_of_row(FactQueries *q, Relation rel, HeapTuple row, MemoryContext cxt,
						 RegistrationFacts *facts, int64 *owner_id);
extern bool facts_from_copy(FactQueries *q, int64 id, MemoryContext cxt,
							RegistrationFacts *facts, int64 *owner_id);

#endif							/* REGISTRATION_FACTS_H */
