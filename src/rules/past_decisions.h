/*
 * past_decisions.h
 *		Decisions dated in the past against what was recorded since
 *		(past_decisions.c).
 */
#ifndef ISMAP_PAST_DECISIONS_H
#define ISMAP_PAST_DECISIONS_H

#include "postgres.h"

#include "utils/date.h"

#include "state/listing_status.h"

extern void check_audits_still_rest(int64 auditor_id, const RegistrationFacts *facts,
									DateADT since, const char *decision);
extern void check_renewals_before_removal(const char *noun, int64 id,
										  const RegistrationFacts *facts, DateADT removed_on);

#endif							/* ISMAP_PAST_DECISIONS_H */
