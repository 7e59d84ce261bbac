/*
 * registry.h
 *		Schema ismap, its owner, and acting as that owner (registry.c).
 */
#ifndef ISMAP_REGISTRY_H
#define ISMAP_REGISTRY_H

#include "postgres.h"

extern Oid	ismap_namespace(void);
extern Oid	registry_owner(void);
extern Oid	ismap_type_oid(const char *name);

typedef struct RegistryRole
{
	Oid			saved_userid;
	int			saved_sec_context;
} RegistryRole;

extern void registry_role_enter(RegistryRole *saved);
extern void registry_role_leave(RegistryRole *saved);

#endif							/* ISMAP_REGISTRY_H */
