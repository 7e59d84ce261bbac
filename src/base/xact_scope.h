/*
 * xact_scope.h
 *		The (sub)transaction a backend-local memo was made in (xact_scope.c).
 */
#ifndef ISMAP_XACT_SCOPE_H
#define ISMAP_XACT_SCOPE_H

#include "postgres.h"

#include "storage/lock.h"

typedef struct XactScope
{
	LocalTransactionId lxid;
	SubTransactionId subxid;
} XactScope;

extern bool in_xact_scope(const XactScope *scope);
extern void set_xact_scope(XactScope *scope);

#endif							/* ISMAP_XACT_SCOPE_H */
