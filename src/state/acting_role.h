/*
 * acting_role.h
 *		Who acts: the capacities of a role and the organizations it acts
 *		for (acting_role.c).
 */
#ifndef ISMAP_ACTING_ROLE_H
#define ISMAP_ACTING_ROLE_H

#include "postgres.h"

#include "utils/snapshot.h"

/* The seven capacities (README, "Access"), one group role each. */
typedef enum Capacity
{
	CAPACITY_COMMITTEE = 1 << 0,	/* ismap_committee, 運営委員会 */
	CAPACITY_OPERATOR = 1 << 1, /* ismap_operator, 運用支援機関 */
	CAPACITY_MINISTRY = 1 << 2, /* ismap_ministry, 制度所管省庁 */
	CAPACITY_PROVIDER = 1 << 3, /* ismap_provider */
	CAPACITY_AUDITOR = 1 << 4,	/* ismap_auditor */
	CAPACITY_PROCURER = 1 << 5, /* ismap_procurer */
	CAPACITY_READER = 1 << 6	/* ismap_reader, the public */
} Capacity;

/* The bodies that see every confidential row (sec_confidential). */
#define CAPACITIES_OVERSIGHT (CAPACITY_COMMITTEE | CAPACITY_OPERATOR | CAPACITY_MINISTRY)

typedef struct ActingRole
{
	Oid			roleid;
	bool		unrestricted;	/* a superuser or the registry's owner */
	int			capacities;		/* Capacity bits whose privileges it has */
} ActingRole;

extern ActingRole acting_role(Oid roleid);
extern bool role_has_capacity(const ActingRole *r, int capacities);
extern bool role_acts_for(const ActingRole *r, int64 organization_id, Snapshot snapshot);
extern const char *capacity_role_name(Capacity c);

#endif							/* ISMAP_ACTING_ROLE_H */
