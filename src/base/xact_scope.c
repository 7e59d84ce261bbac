/*
 * xact_scope.c
 *		The (sub)transaction a backend-local memo was made in.
 *
 * A memo (a lock taken, the log's last row, facts read) is trusted only in
 * the transaction and subtransaction that made it.  A subtransaction that
 * ends, committed or rolled back, changes the current one, so what a
 * rolled-back savepoint did is never trusted.
 */
#include "postgres.h"

#include "access/xact.h"
#include "storage/proc.h"

#include "base/xact_scope.h"

bool
in_xact_scope(const XactScope *scope)
{
	return scope->lxid == MyProc->lxid && scope->subxid == GetCurrentSubTransactionId();
}

void
set_xact_scope(XactScope *scope)
{
	scope->lxid = MyProc->lxid;
	scope->subxid = GetCurrentSubTransactionId();
}
