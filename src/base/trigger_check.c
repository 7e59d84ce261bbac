/*
 * trigger_check.c
 *		The prologue of every trigger function of the extension.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "utils/rel.h"

#include "base/trigger_check.h"

/* Writes to the auditor tables in this backend so far (see trigger_check). */
uint64		auditor_registry_writes = 0;

/*
 * Refuse to run on a misconfigured trigger (fired for the wrong level or
 * at the wrong time), and count the triggers fired on auditor tables in
 * auditor_registry_writes.
 */
void
trigger_check(FunctionCallInfo fcinfo, const char *funcname,
			  bool row_level, bool before)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function %s can only be called as a trigger", funcname)));
	if ((TRIGGER_FIRED_FOR_ROW(td->tg_event) != 0) != row_level ||
		(TRIGGER_FIRED_BEFORE(td->tg_event) != 0) != before)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function %s on table \"%s\" must be fired %s %s",
						funcname, RelationGetRelationName(td->tg_relation),
						before ? "BEFORE" : "AFTER",
						row_level ? "FOR EACH ROW" : "FOR EACH STATEMENT")));

	/*
	 * A trigger of the extension firing on an auditor table: the auditor
	 * registry is being written, and auditor facts read before are stale.
	 */
	if (strncmp(RelationGetRelationName(td->tg_relation), "auditor", 7) == 0)
		auditor_registry_writes++;
}
