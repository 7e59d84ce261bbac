/*
 * listing_status.h
 *		The facts of one registration (auditor or cloud service) and the
 *		pure computation of its listing status on a day.
 */
#ifndef ISMAP_LISTING_STATUS_H
#define ISMAP_LISTING_STATUS_H

#include "postgres.h"

#include "utils/date.h"

typedef enum ListingStatus
{
	LISTING_NONE,				/* not yet registered on that day: SQL NULL */
	LISTING_VALID,
	LISTING_RENEWAL_PENDING,
	LISTING_SUSPENDED,
	LISTING_EXPIRED,
	LISTING_REMOVED
} ListingStatus;

/*
 * A validity term: in force from the decision that granted it.  For a
 * cloud service, valid_from..period_end is the audit period behind the
 * term, and audit_id/auditor_id name that audit; auditors leave them 0.
 */
typedef struct Term
{
	DateADT		in_force_from;
	DateADT		valid_from;
	DateADT		valid_until;
	DateADT		period_end;
	int64		audit_id;
	int64		auditor_id;
} Term;

/* A renewal application: pending from filing until its decision. */
typedef struct Renewal
{
	DateADT		filed_on;
	DateADT		resolved_on;	/* DATEVAL_NOEND while undecided */
} Renewal;

typedef enum StatusAction
{
	ACTION_SUSPEND = 's',
	ACTION_LIFT = 'l',
	ACTION_REMOVE = 'r'
} StatusAction;

typedef struct StatusChange
{
	StatusAction action;
	DateADT		effective_on;
} StatusChange;

/* Terms sorted by in_force_from; changes by effective_on, then entry. */
typedef struct RegistrationFacts
{
	DateADT		registered_on;
	int			nterms;
	Term	   *terms;
	int			nrenewals;
	Renewal    *renewals;
	int			nchanges;
	StatusChange *changes;
} RegistrationFacts;

typedef struct Standing
{
	ListingStatus status;
	const Term *term;			/* the term in force that day, or NULL */
} Standing;

extern Standing standing_on(const RegistrationFacts *facts, DateADT day);
extern const StatusChange *last_change_before(const RegistrationFacts *facts,
											  DateADT day, bool include_day,
											  bool suspensions_only);
extern const Renewal *renewal_pending_on(const RegistrationFacts *facts, DateADT day);
extern bool is_removed_by(const RegistrationFacts *facts, DateADT day);
extern const char *listing_status_label(ListingStatus status);
extern Datum listing_status_datum(ListingStatus status, Oid enum_type);
extern bool status_action_parse(const char *label, StatusAction *action);
extern StatusAction status_action_from_label(const char *label);
extern bool in_force_status(ListingStatus status);

#endif							/* ISMAP_LISTING_STATUS_H */
