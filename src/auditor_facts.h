/*
 * auditor_facts.h
 *		Facts of an auditor registration, loaded through SPI.
 */
#ifndef AUDITOR_FACTS_H
#define AUDITOR_FACTS_H

#include "postgres.h"

#include "listing_status.h"

extern bool auditor_facts_load(int64 auditor_id, bool read_only,
							   MemoryContext cxt, RegistrationFacts *facts,
							   int64 *organization_id);
extern bool auditor_lock(int64 auditor_id);

#endif							/* AUDITOR_FACTS_H */
