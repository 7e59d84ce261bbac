/*
 * direct_insert.h
 *		Rows of schema ismap that the extension writes itself, straight to
 *		the heap and the indexes (direct_insert.c).
 */
#ifndef ISMAP_DIRECT_INSERT_H
#define ISMAP_DIRECT_INSERT_H

#include "postgres.h"

#include "access/htup.h"
#include "utils/relcache.h"

typedef struct DirectTable
{
	const char *name;
	const char *rule;			/* the rule id its refusals carry */
	int			ncolumns;		/* as the extension creates it */
	int			nchecks;		/* its CHECK constraints (the values satisfy them) */
	Oid			relid;			/* found on first use */
} DirectTable;

extern Relation direct_open(DirectTable *table);
extern HeapTuple direct_insert(DirectTable *table, Relation rel, Datum *values,
							   bool *nulls);
extern void direct_index_entries(const char *rule, Relation rel, HeapTuple tup);

#endif							/* ISMAP_DIRECT_INSERT_H */
