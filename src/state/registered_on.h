/*
 * registered_on.h
 *		Whether a registration is registered on a day, for the oversight
 *		rules (registered_on.c).
 */
#ifndef ISMAP_REGISTERED_ON_H
#define ISMAP_REGISTERED_ON_H

#include "postgres.h"

#include "utils/date.h"

#include "state/fact_tables.h"
#include "state/listing_status.h"

extern bool registration_status_locked(FactQueries *q, int64 id, DateADT day,
									   ListingStatus *status, int64 *owner_id);

#endif							/* ISMAP_REGISTERED_ON_H */
