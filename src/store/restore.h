/*
 * restore.h
 *		Restoring a dump (restore.c).
 */
#ifndef ISMAP_RESTORE_H
#define ISMAP_RESTORE_H

#include "postgres.h"

#include "fmgr.h"

extern bool registry_restoring(FunctionCallInfo fcinfo);
extern Datum restored_row(FunctionCallInfo fcinfo);

#endif							/* ISMAP_RESTORE_H */
