/*
 * facts_scan.h
 *		Reading a registration's facts from its tables (facts_scan.c).
 */
#ifndef ISMAP_FACTS_SCAN_H
#define ISMAP_FACTS_SCAN_H

#include "postgres.h"

#include "storage/lockdefs.h"
#include "utils/memutils.h"

#include "state/fact_tables.h"
#include "state/listing_status.h"

extern bool facts_scan(FactTables *tables, int64 id, bool read_only,
					   MemoryContext cxt, RegistrationFacts *facts,
					   int64 *owner_id, HeapTuple *registration);
extern Relation registrations_open(FactTables *tables, LOCKMODE mode);
extern HeapTuple registration_current_row(FactTables *tables, Relation rel, int64 id);

#endif							/* ISMAP_FACTS_SCAN_H */
