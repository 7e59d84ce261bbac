/*
 * concerned.h
 *		The organization a confidential row concerns (concerned.c).
 */
#ifndef ISMAP_CONCERNED_H
#define ISMAP_CONCERNED_H

#include "postgres.h"

#include "utils/snapshot.h"

extern bool service_provider_of(int64 service_id, Snapshot snapshot, int64 *provider);
extern bool registration_provider_of(int64 registration_id, Snapshot snapshot,
									 int64 *provider);
extern bool incident_provider_of(int64 incident_id, Snapshot snapshot, int64 *provider);
extern bool auditor_organization_of(int64 auditor_id, Snapshot snapshot, int64 *organization);
extern bool body_organization_of(int64 body_id, Snapshot snapshot, int64 *organization);

#endif							/* ISMAP_CONCERNED_H */
