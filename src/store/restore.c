/*
 * restore.c
 *		Whether a trigger fires for a row that a dump restores.
 *
 * A superuser's COPY ... FROM into a registry table restores the registry
 * (this is how pg_restore and psql load a dump's data): the rows are
 * history already decided, logged and chained, so they are taken as they
 * are, without replaying the lifecycle rules or logging them again.
 *
 * Only that exact statement is a restore.  A COPY ... TO whose query
 * writes (a writable CTE, a function called by the query), a write made by
 * a function that a COPY ... FROM calls (in its WHERE clause, or in a
 * trigger), a write to another table than the COPY's, a COPY run inside a
 * function, and anyone else's COPY go through the rules and the log like
 * any other write.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "nodes/plannodes.h"
#include "tcop/pquery.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "store/restore.h"

/*
 * Whether the trigger of fcinfo fires for a row that a superuser's
 * top-level COPY ... FROM writes into the trigger's own table.
 */
bool
registry_restoring(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Portal		portal = ActivePortal;
	PlannedStmt *stmt;
	CopyStmt   *copy;

	/* the statement the client sent is a COPY */
	if (portal == NULL || portal->commandTag != CMDTAG_COPY ||
		list_length(portal->stmts) != 1 || td == NULL)
		return false;
	stmt = linitial_node(PlannedStmt, portal->stmts);
	copy = (CopyStmt *) stmt->utilityStmt;
	if (copy == NULL || !IsA(copy, CopyStmt) || !copy->is_from || copy->relation == NULL)
		return false;

	/*
	 * The row comes from the COPY itself: a query that runs inside it (SPI,
	 * a function in its WHERE clause or in a trigger) pushes a snapshot of
	 * its own.
	 */
	if (!ActiveSnapshotSet() || GetActiveSnapshot() != portal->portalSnapshot)
		return false;

	/* into the table whose trigger this is, by a superuser */
	if (RangeVarGetRelid(copy->relation, NoLock, true) != RelationGetRelid(td->tg_relation))
		return false;
	return superuser();
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
