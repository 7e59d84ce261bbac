/*
 * facts_due.c
 *		Whether the copies of the facts on the registration rows are
 *		current, or some row still waits for its refresh.
 */
#include "postgres.h"

#include "access/xact.h"
#include "storage/proc.h"
#include "utils/memutils.h"

#include "state/fact_tables.h"
#include "state/facts_due.h"

/*
 * The rule checks read a registration's facts under its lock.  The copy on
 * its row holds the same facts, for one row read instead of reading its
 * terms, renewals and status changes, except while a write to those tables
 * waits for its refresh: from the moment a check lets the row through (its
 * BEFORE trigger, facts_refresh_due) to the moment the row's refresh runs
 * (its AFTER trigger, at the end of the statement).  Each kind of
 * registration counts such rows per transaction, and while any is due the
 * checks read the tables.
 *
 * A row and its refresh are written in the same subtransaction, so when
 * one aborts, the count goes back to what it was when it began (its rows,
 * and the copies their refreshes wrote, are undone).  A row that never
 * gets its refresh otherwise (a later BEFORE trigger skipped it, the
 * refresh trigger is disabled) keeps the count up, and the checks read the
 * tables for the rest of the transaction, which is always right.
 */
static int
refreshes_due(const FactQueries *q)
{
	return q->refreshes_due_in == MyProc->lxid ? q->refreshes_due : 0;
}

static void
set_refreshes_due(FactQueries *q, int rows)
{
	q->refreshes_due_in = MyProc->lxid;
	q->refreshes_due = Max(rows, 0);
}

/* The counts when each open subtransaction began, by nesting level. */
typedef struct DueAtStart
{
	LocalTransactionId lxid;
	int			auditor_rows;
	int			service_rows;
} DueAtStart;

static DueAtStart *due_at_start = NULL;
static int	due_at_start_size = 0;

static void
restore_due_on_abort(SubXactEvent event, SubTransactionId mySubid,
					 SubTransactionId parentSubid, void *arg)
{
	int			level = GetCurrentTransactionNestLevel();

	if (event == SUBXACT_EVENT_START_SUB)
	{
		if (level >= due_at_start_size)
		{
			int			size = Max(16, 2 * level);

			due_at_start = due_at_start == NULL ?
				MemoryContextAlloc(TopMemoryContext, sizeof(DueAtStart) * size) :
				repalloc(due_at_start, sizeof(DueAtStart) * size);
			due_at_start_size = size;
		}
		due_at_start[level].lxid = MyProc->lxid;
		due_at_start[level].auditor_rows = refreshes_due(&auditor_queries);
		due_at_start[level].service_rows = refreshes_due(&service_queries);
	}
	else if (event == SUBXACT_EVENT_ABORT_SUB && level < due_at_start_size &&
			 due_at_start[level].lxid == MyProc->lxid)
	{
		set_refreshes_due(&auditor_queries, due_at_start[level].auditor_rows);
		set_refreshes_due(&service_queries, due_at_start[level].service_rows);
	}
}

void
facts_refresh_due(FactQueries *q)
{
	static bool callback_registered = false;

	if (!callback_registered)
	{
		RegisterSubXactCallback(restore_due_on_abort, NULL);
		callback_registered = true;
	}
	set_refreshes_due(q, refreshes_due(q) + 1);
}

void
facts_refresh_ran(FactQueries *q)
{
	set_refreshes_due(q, refreshes_due(q) - 1);
}

/* Whether the copies of this kind of registration are current. */
bool
facts_copy_current(FactQueries *q)
{
	return refreshes_due(q) == 0;
}
