/*
 * reapplications.h
 *		Applications of kind 'reapplication', filed on a committee demand
 *		(ovs_reapplication): the checks shared by services and auditors
 *		(reapplications.c).
 */
#ifndef ISMAP_REAPPLICATIONS_H
#define ISMAP_REAPPLICATIONS_H

#include "postgres.h"

#include "rules/application_flow.h"
#include "state/listing_status.h"

extern bool application_is_reapplication(const Application *a);
extern int64 reapplication_filing_target(bool auditor, const Application *a,
										 RegistrationFacts *facts);
extern void reapplication_approval_check(bool auditor, const Application *a,
										 RegistrationFacts *facts);

#endif							/* ISMAP_REAPPLICATIONS_H */
