/*
 * restore.c
 *		Whether the registry is being restored from a dump.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "miscadmin.h"
#include "tcop/pquery.h"

#include "store/restore.h"

/*
 * A superuser's COPY into a registry table restores the registry (this is
 * how pg_restore and psql load a dump's data): the rows are history
 * already decided, logged and chained, so they are taken as they are,
 * without replaying the lifecycle rules or logging them again.  Anyone
 * else's COPY, and every INSERT, goes through the rules.
 */
bool
registry_restoring(void)
{
	return ActivePortal != NULL && ActivePortal->commandTag == CMDTAG_COPY && superuser();
}

/* What a trigger returns when it lets a restored row through. */
Datum
restored_row(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!TRIGGER_FIRED_BEFORE(td->tg_event))
		return PointerGetDatum(NULL);
	return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple);
}
