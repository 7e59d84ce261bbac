/*
 * registry.c
 *		Schema ismap, its owner, and acting as that owner.
 *
 * Triggers run their queries as the owner of the registry (the owner of
 * schema ismap): a committee role that may only update applications must
 * still be able to cause the auditor row that an approval creates, without
 * being able to write it directly.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/inval.h"
#include "utils/syscache.h"

#include "store/registry.h"

/*
 * Schema ismap and its owner, looked up once and again after any change to
 * a schema (given to another owner, renamed, dropped with the extension):
 * every trigger call acts as the owner, and every direct write checks that
 * its table is still in the schema.
 */
static Oid	cached_namespace = InvalidOid;
static Oid	cached_owner = InvalidOid;

static void
forget_namespace(Datum arg, int cacheid, uint32 hashvalue)
{
	cached_namespace = InvalidOid;
}

static void
look_up_namespace(void)
{
	static bool callback_registered = false;
	Oid			nspid;
	HeapTuple	tup;

	if (OidIsValid(cached_namespace))
		return;
	if (!callback_registered)
	{
		CacheRegisterSyscacheCallback(NAMESPACEOID, forget_namespace, (Datum) 0);
		callback_registered = true;
	}
	nspid = get_namespace_oid("ismap", false);
	tup = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(nspid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "ismap: cache lookup failed for schema %u", nspid);
	cached_owner = ((Form_pg_namespace) GETSTRUCT(tup))->nspowner;
	ReleaseSysCache(tup);
	cached_namespace = nspid;
}

Oid
ismap_namespace(void)
{
	look_up_namespace();
	return cached_namespace;
}

Oid
registry_owner(void)
{
	look_up_namespace();
	return cached_owner;
}

/* OID of a type of schema ismap, whatever the search_path. */
Oid
ismap_type_oid(const char *name)
{
	Oid			nspid = ismap_namespace();
	Oid			typid;

	typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
							CStringGetDatum(name), ObjectIdGetDatum(nspid));
	if (!OidIsValid(typid))
		elog(ERROR, "ismap: type ismap.%s does not exist", name);
	return typid;
}

/*
 * Act as the registry's owner until registry_role_leave().  An error in
 * between needs no clean-up: transaction and subtransaction abort restore
 * the user id.
 */
void
registry_role_enter(RegistryRole *saved)
{
	GetUserIdAndSecContext(&saved->saved_userid, &saved->saved_sec_context);
	SetUserIdAndSecContext(registry_owner(),
						   saved->saved_sec_context | SECURITY_LOCAL_USERID_CHANGE);
}

void
registry_role_leave(RegistryRole *saved)
{
	SetUserIdAndSecContext(saved->saved_userid, saved->saved_sec_context);
}
