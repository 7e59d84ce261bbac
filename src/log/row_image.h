/*
 * row_image.h
 *		A registry row as the decision log stores and hashes it.
 */
#ifndef ROW_IMAGE_H
#define ROW_IMAGE_H

#include "access/htup.h"
#include "access/tupdesc.h"

/*
 * The row as jsonb (*doc) and as canonical jsonb text (what jsonb_out
 * prints, returned), without the derived facts column: the value stored
 * and the text hashed.
 */
extern char *row_image(HeapTuple tup, TupleDesc desc, bool has_facts, Datum *doc);

#endif
