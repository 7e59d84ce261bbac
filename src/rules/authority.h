/*
 * authority.h
 *		Who does what (sec_role_authority), checked by the triggers of the
 *		write paths before they act as the registry (authority.c).
 */
#ifndef ISMAP_AUTHORITY_H
#define ISMAP_AUTHORITY_H

#include "postgres.h"

#include "state/acting_role.h"

extern ActingRole current_actor(void);
extern void require_capacity(const ActingRole *r, int capacities, const char *act);
extern void require_for_organization(const ActingRole *r, int capacities,
									 int64 organization_id, const char *act);
extern void require_provider_of_service(const ActingRole *r, int64 service_id,
										const char *act);
extern void require_provider_of_registration(const ActingRole *r, int64 registration_id,
											 const char *act);
extern void require_provider_of_incident(const ActingRole *r, int64 incident_id,
										 const char *act);
extern void require_procurer_of_body(const ActingRole *r, int64 body_id, const char *act);
extern void require_auditor(const ActingRole *r, int64 auditor_id, const char *act);
extern void require_application_decider(const ActingRole *r, bool service, int64 subject_id,
										const char *old_status, const char *new_status);

#endif							/* ISMAP_AUTHORITY_H */
