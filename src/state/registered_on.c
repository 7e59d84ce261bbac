/*
 * registered_on.c
 *		The status of one registration on a day, read by a trigger under the
 *		registration's lock.
 *
 * The oversight rules (incidents, notices, investigations, demands) need
 * their subject registered on a day: valid, renewal_pending or suspended
 * (in_force_status).  A suspended registration is off the lists, but its
 * provider and auditor keep their duties.  The lock is the one every
 * decision about the registration takes (FOR UPDATE of its row), so a
 * status change or an approval that commits first is seen, and one that
 * comes later waits for this write.
 */
#include "postgres.h"

#include "state/registered_on.h"
#include "state/registration_facts.h"

/*
 * The status of registration 'id' of kind 'q' on 'day' in *status
 * (LISTING_NONE before it was registered), and its owner (the service of
 * a service registration, the organization of an auditor) in *owner_id
 * if not NULL.  False if there is no such registration.  The caller is a
 * trigger, connected to SPI as the registry role.
 */
bool
registration_status_locked(FactQueries *q, int64 id, DateADT day,
						   ListingStatus *status, int64 *owner_id)
{
	RegistrationFacts facts;

	if (!registration_lock_facts(q, id, CurrentMemoryContext, &facts, owner_id))
		return false;
	*status = facts.nterms == 0 ? LISTING_NONE : standing_on(&facts, day).status;
	return true;
}
