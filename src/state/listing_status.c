/*
 * listing_status.c
 *		Listing status on a day, computed from stored facts.
 *
 * Nothing here reads a table: the caller loads the facts
 * (registration_facts.c) and this file answers for any day, past or
 * future.  Precedence, as the design fixes it: removed > expired >
 * suspended > renewal_pending > valid; NULL before registration.  A suspended registration still expires.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "state/listing_status.h"

/* The latest term whose decision was on or before the day. */
static const Term *
term_in_force(const RegistrationFacts *facts, DateADT day)
{
	const Term *found = NULL;

	for (int i = 0; i < facts->nterms; i++)
		if (facts->terms[i].in_force_from <= day)
			found = &facts->terms[i];
	return found;
}

/*
 * svc_renewal_grace / aud_renewal_grace: after expiry, the registration
 * stays in force while a renewal filed on or before the expiry date is
 * undecided.  Its decision ends the grace on the decision day: approval by
 * putting a new term in force that day, refusal or withdrawal by ending it.
 */
static bool
in_renewal_grace(const RegistrationFacts *facts, const Term *term, DateADT day)
{
	for (int i = 0; i < facts->nrenewals; i++)
	{
		const Renewal *r = &facts->renewals[i];

		if (r->filed_on <= term->valid_until && r->filed_on <= day &&
			r->resolved_on > day)
			return true;
	}
	return false;
}

/* A renewal filed on or before the day and not decided by then, or NULL. */
const Renewal *
renewal_pending_on(const RegistrationFacts *facts, DateADT day)
{
	for (int i = 0; i < facts->nrenewals; i++)
		if (facts->renewals[i].filed_on <= day && facts->renewals[i].resolved_on > day)
			return &facts->renewals[i];
	return NULL;
}

/*
 * The last status change effective before the day (or on it, when
 * include_day); only suspensions and lifts when suspensions_only.
 */
const StatusChange *
last_change_before(const RegistrationFacts *facts, DateADT day,
				   bool include_day, bool suspensions_only)
{
	const StatusChange *found = NULL;

	for (int i = 0; i < facts->nchanges; i++)
	{
		const StatusChange *c = &facts->changes[i];

		if (suspensions_only && c->action == ACTION_REMOVE)
			continue;
		if (c->effective_on < day || (include_day && c->effective_on == day))
			found = c;
	}
	return found;
}

bool
is_removed_by(const RegistrationFacts *facts, DateADT day)
{
	for (int i = 0; i < facts->nchanges; i++)
		if (facts->changes[i].action == ACTION_REMOVE &&
			facts->changes[i].effective_on <= day)
			return true;
	return false;
}

Standing
standing_on(const RegistrationFacts *facts, DateADT day)
{
	Standing	result = {LISTING_NONE, NULL};
	const StatusChange *last;

	if (day < facts->registered_on || facts->nterms == 0)
		return result;
	result.term = term_in_force(facts, day);
	if (result.term == NULL)
		result.term = &facts->terms[0];

	if (is_removed_by(facts, day))
	{
		result.status = LISTING_REMOVED;
		return result;
	}
	if (day > result.term->valid_until)
	{
		if (!in_renewal_grace(facts, result.term, day))
		{
			result.status = LISTING_EXPIRED;
			return result;
		}
		result.status = LISTING_RENEWAL_PENDING;
	}
	else
		result.status = LISTING_VALID;

	last = last_change_before(facts, day, true, true);
	if (last != NULL && last->action == ACTION_SUSPEND)
		result.status = LISTING_SUSPENDED;
	return result;
}

const char *
listing_status_label(ListingStatus status)
{
	switch (status)
	{
		case LISTING_VALID:
			return "valid";
		case LISTING_RENEWAL_PENDING:
			return "renewal_pending";
		case LISTING_SUSPENDED:
			return "suspended";
		case LISTING_EXPIRED:
			return "expired";
		case LISTING_REMOVED:
			return "removed";
		case LISTING_NONE:
			break;
	}
	return NULL;
}

/* The ismap.listing_status value (enum_type is its OID) for a status. */
Datum
listing_status_datum(ListingStatus status, Oid enum_type)
{
	return DirectFunctionCall2(enum_in,
							   CStringGetDatum(listing_status_label(status)),
							   ObjectIdGetDatum(enum_type));
}

/* The action a label of ismap.status_action names; false if none. */
bool
status_action_parse(const char *label, StatusAction *action)
{
	if (strcmp(label, "suspend") == 0)
		*action = ACTION_SUSPEND;
	else if (strcmp(label, "lift") == 0)
		*action = ACTION_LIFT;
	else if (strcmp(label, "remove") == 0)
		*action = ACTION_REMOVE;
	else
		return false;
	return true;
}

StatusAction
status_action_from_label(const char *label)
{
	StatusAction action;

	if (status_action_parse(label, &action))
		return action;
	ismap_refuse(ERRCODE_INVALID_TEXT_REPRESENTATION, RULE_OVS_SUSPENSION,
				 psprintf("\"%s\" is not a status change", label),
				 errdetail("A status change is suspend, lift or remove."),
				 errhint("Give facts as the registry keeps them."));
	return ACTION_REMOVE;		/* keep compiler quiet */
}

/* In force, for the purposes of "already registered": not expired nor removed. */
bool
in_force_status(ListingStatus status)
{
	return status == LISTING_VALID || status == LISTING_RENEWAL_PENDING ||
		status == LISTING_SUSPENDED;
}
