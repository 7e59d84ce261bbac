/*
 * module.c
 *		Module entry point: the settings (GUCs) of the extension.
 *
 * ismap.timezone and ismap.today belong to today.c; ismap.reason, why the
 * changes of a session or transaction are made, is read by the decision
 * log.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "base/module.h"
#include "base/today.h"

PG_MODULE_MAGIC;

char	   *ismap_reason = NULL;

void		_PG_init(void);

void
_PG_init(void)
{
	today_define_settings();

	DefineCustomStringVariable("ismap.reason",
							   "Why the changes of this session or transaction are made.",
							   "Recorded in the decision log (ismap.history) with every change that has no grounds of its own; SET LOCAL it before a correction.",
							   &ismap_reason,
							   "",
							   PGC_USERSET,
							   0,
							   NULL,
							   NULL,
							   NULL);

	MarkGUCPrefixReserved("ismap");
}
