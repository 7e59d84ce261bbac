/*
 * registration_facts.c
 *		Loading the facts of a registration: from the registry tables, or
 *		in the triggers from the copy on its row while that copy is current.
 *
 * The facts are the registration date, the validity terms, the renewal
 * applications and the status changes; listing_status.c turns them into
 * a status for any day.  The tables and the lock of each kind of
 * registration are given by a FactQueries (fact_tables.c); auditors and
 * cloud services differ only there.
 */
#include "postgres.h"

#include "access/table.h"

#include "log/history.h"
#include "state/fact_tables.h"
#include "state/facts_copy.h"
#include "state/facts_due.h"
#include "state/facts_scan.h"
#include "state/listing_status.h"
#include "state/registration_facts.h"
#include "store/row_locks.h"

/*
 * The facts of registration 'id' (locked by the caller) from the copy on
 * its row, as the statement now sees it: facts_of_row().  False if the
 * copy is not current or missing: the caller reads the tables.
 */
bool
facts_from_copy(FactQueries *q, int64 id, MemoryContext cxt, RegistrationFacts *facts,
				int64 *owner_id)
{
	Relation	rel;
	HeapTuple	row;
	bool		found = false;

	if (!facts_copy_current(q))
		return false;
	rel = registrations_open(q->tables, AccessShareLock);
	row = registration_current_row(q->tables, rel, id);
	if (row != NULL)
		found = facts_of_row(q, rel, row, cxt, facts, owner_id);
	table_close(rel, NoLock);
	return found;
}

/*
 * Load the facts of registration 'id' into 'facts', allocated in 'cxt'.
 * Returns false if there is no such registration.  read_only is true for
 * the read-side functions (they see the caller's snapshot, and read the
 * tables: facts_scan.c) and false in triggers (they see what committed
 * last, from the copy on the registration row while that copy is current,
 * else from the tables).
 */
bool
facts_load(FactQueries *q, int64 id, bool read_only, MemoryContext cxt,
		   RegistrationFacts *facts, int64 *owner_id)
{
	if (!read_only && facts_from_copy(q, id, cxt, facts, owner_id))
		return facts->nterms > 0;
	return facts_scan(q->tables, id, read_only, cxt, facts, owner_id, NULL) &&
		facts->nterms > 0;
}

/* Lock a registration so that decisions about it are taken one at a time. */
bool
registration_lock(FactQueries *q, int64 id)
{
	history_lock();
	return row_lock(&q->lock, id);
}

/*
 * registration_lock() and facts_load() (not read-only) in one: while the
 * copy on the registration row is current, the row found for the lock
 * gives the facts, without a second lookup.  False if there is no such
 * registration, or it has no term (facts then empty).
 */
bool
registration_lock_facts(FactQueries *q, int64 id, MemoryContext cxt,
						RegistrationFacts *facts, int64 *owner_id)
{
	memset(facts, 0, sizeof(*facts));
	if (facts_copy_current(q))
	{
		Relation	rel = registrations_open(q->tables, AccessShareLock);
		HeapTuple	row;
		bool		from_copy = false;
		bool		found;

		history_lock();
		found = row_lock_read(&q->lock, id, rel, &row);
		if (found)
			from_copy = facts_of_row(q, rel, row, cxt, facts, owner_id);
		table_close(rel, NoLock);
		if (!found)
			return false;
		if (from_copy)
			return facts->nterms > 0;
	}
	else if (!registration_lock(q, id))
		return false;
	return facts_scan(q->tables, id, false, cxt, facts, owner_id, NULL) && facts->nterms > 0;
}
