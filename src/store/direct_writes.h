/*
 * direct_writes.h
 *		Rows of schema ismap that the extension writes itself, straight to
 *		the heap and the indexes (direct_writes.c).
 */
#ifndef ISMAP_DIRECT_WRITES_H
#define ISMAP_DIRECT_WRITES_H

#include "postgres.h"

#include "access/attnum.h"
#include "access/htup.h"
#include "storage/itemptr.h"
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
extern void direct_update(const char *rule, Relation rel, ItemPointer otid,
						  HeapTuple updated);
extern int64 identity_nextval(Relation rel, AttrNumber attnum);

#endif							/* ISMAP_DIRECT_WRITES_H */
