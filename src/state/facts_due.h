/*
 * facts_due.h
 *		Rows whose copy of the facts waits for its refresh (facts_due.c).
 */
#ifndef ISMAP_FACTS_DUE_H
#define ISMAP_FACTS_DUE_H

#include "postgres.h"

#include "state/fact_tables.h"

/* A check let a row through: its refresh (the AFTER trigger) is due. */
extern void facts_refresh_due(FactQueries *q);
/* The refresh of a row ran, or was found not needed. */
extern void facts_refresh_ran(FactQueries *q);
/* Whether the copies of this kind of registration are current. */
extern bool facts_copy_current(FactQueries *q);

#endif							/* ISMAP_FACTS_DUE_H */
