/*
 * registration_facts.h
 *		Loading the facts of one registration (an auditor or a cloud
 *		service registration), from its tables or from the copy on its
 *		row, for the status computation; and locking it
 *		(registration_facts.c).
 */
#ifndef ISMAP_REGISTRATION_FACTS_H
#define ISMAP_REGISTRATION_FACTS_H

#include "postgres.h"

#include "utils/memutils.h"

#include "state/fact_tables.h"
#include "state/listing_status.h"

extern bool facts_load(FactQueries *q, int64 id, bool read_only,
					   MemoryContext cxt, RegistrationFacts *facts,
					   int64 *owner_id);
extern bool facts_from_copy(FactQueries *q, int64 id, MemoryContext cxt,
							RegistrationFacts *facts, int64 *owner_id);
extern bool registration_lock(FactQueries *q, int64 id);
extern bool registration_lock_facts(FactQueries *q, int64 id, MemoryContext cxt,
									RegistrationFacts *facts, int64 *owner_id);

#endif							/* ISMAP_REGISTRATION_FACTS_H */
