/*
 * facts_refresh.h
 *		Writes that give a registration its facts without waiting for the
 *		refresh trigger (facts_refresh.c).
 */
#ifndef ISMAP_FACTS_REFRESH_H
#define ISMAP_FACTS_REFRESH_H

#include "postgres.h"

#include "utils/date.h"

#include "state/listing_status.h"

extern void approval_wrote_facts_of(int64 id, const char *number, int64 service_id,
									const RegistrationFacts *old_facts,
									const RegistrationFacts *new_facts,
									int64 application_id, DateADT decided_on);
extern void renewal_filing_writes_facts(int64 id, const RegistrationFacts *facts,
										int64 application_id, DateADT filed_on);

#endif							/* ISMAP_FACTS_REFRESH_H */
