/*
 * trigger_check.h
 *		The prologue of every trigger function (trigger_check.c).
 */
#ifndef ISMAP_TRIGGER_CHECK_H
#define ISMAP_TRIGGER_CHECK_H

#include "postgres.h"

#include "fmgr.h"

/*
 * Triggers fired on auditor tables so far in this backend: auditor facts
 * read before a change of this count are stale.
 */
extern uint64 auditor_registry_writes;

extern void trigger_check(FunctionCallInfo fcinfo, const char *funcname,
						  bool row_level, bool before);

#endif							/* ISMAP_TRIGGER_CHECK_H */
