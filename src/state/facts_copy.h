/*
 * facts_copy.h
 *		The copy of a registration's facts on its row (facts_copy.c).
 */
#ifndef ISMAP_FACTS_COPY_H
#define ISMAP_FACTS_COPY_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "utils/relcache.h"

#include "state/fact_tables.h"
#include "state/listing_status.h"

extern void facts_from_composite(HeapTupleHeader row, TupleDesc desc,
								 DateADT registered_on, RegistrationFacts *facts);
extern Datum facts_datum(TupleDesc desc, int facts_attno, const RegistrationFacts *facts);
extern bool facts_of_row(FactQueries *q, Relation rel, HeapTuple row, MemoryContext cxt,
						 RegistrationFacts *facts, int64 *owner_id);

#endif							/* ISMAP_FACTS_COPY_H */
