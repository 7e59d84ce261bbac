/*
 * declared_interests.h
 *		The interests declared in an organization, as the conflict of
 *		interest rules ask about them (declared_interests.c).
 */
#ifndef ISMAP_DECLARED_INTERESTS_H
#define ISMAP_DECLARED_INTERESTS_H

#include "postgres.h"

#include "utils/date.h"

typedef struct DeclaredInterest
{
	int64		interest_id;
	char		kind[NAMEDATALEN];	/* consulting, financial, other */
	DateADT		valid_from;
	DateADT		valid_until;	/* DATEVAL_NOEND while it lasts */
} DeclaredInterest;

extern bool role_interest_in_force(const char *role_name, int64 subject, DateADT day,
								   DeclaredInterest *found);
extern bool organization_interest_during(int64 organization, int64 subject,
										 const char *kind, DateADT from, DateADT until,
										 DeclaredInterest *found);

#endif							/* ISMAP_DECLARED_INTERESTS_H */
