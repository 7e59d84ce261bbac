/*
 * interests.h
 *		Conflicts of interest (sec_conflict_of_interest, 9.2): declared
 *		interests, and the decisions and audits they bar (interests.c).
 */
#ifndef ISMAP_INTERESTS_H
#define ISMAP_INTERESTS_H

#include "postgres.h"

#include "utils/date.h"

#include "rules/application_flow.h"
#include "state/acting_role.h"

extern void check_decision_interests(const ActingRole *r, bool service,
									 const Application *o, const Application *n);
extern void check_audit_interests(int64 auditor_id, int64 auditor_organization,
								  int64 service_id, int64 provider,
								  DateADT period_start, DateADT reported_on);

#endif							/* ISMAP_INTERESTS_H */
