/*
 * demand_grounds.h
 *		A suspension or removal resting on an overdue demand
 *		(demand_grounds.c).
 */
#ifndef ISMAP_DEMAND_GROUNDS_H
#define ISMAP_DEMAND_GROUNDS_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "utils/date.h"

extern void check_demand_grounds(bool auditor, int64 target_id, const char *action,
								 DateADT effective_on, HeapTuple row, TupleDesc desc);
extern bool demand_grounds_differ(HeapTuple a, HeapTuple b, TupleDesc desc);

#endif							/* ISMAP_DEMAND_GROUNDS_H */
