/*
 * history.h
 *		The decision log, ismap.history (history.c).
 */
#ifndef ISMAP_HISTORY_H
#define ISMAP_HISTORY_H

#include "postgres.h"

#include "access/htup.h"
#include "utils/relcache.h"

/* Taken by every writing trigger before it locks a row. */
extern void history_lock(void);

/* Log a write the extension made itself (no trigger fired for it). */
extern void history_log_write(Relation rel, const char *const *keys, int nkeys,
							  HeapTuple before, HeapTuple after);

#endif							/* ISMAP_HISTORY_H */
