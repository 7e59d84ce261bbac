/*
 * columns.h
 *		Columns of a row read by name (columns.c).
 */
#ifndef ISMAP_COLUMNS_H
#define ISMAP_COLUMNS_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "utils/date.h"

extern int	column_number(TupleDesc desc, const char *column);
extern bool tuple_get_int64(HeapTuple tup, TupleDesc desc, const char *column,
							int64 *out);
extern bool tuple_get_date(HeapTuple tup, TupleDesc desc, const char *column,
						   DateADT *out);
extern char *tuple_get_text(HeapTuple tup, TupleDesc desc, const char *column);
extern char *enum_label(Datum value);

#endif							/* ISMAP_COLUMNS_H */
