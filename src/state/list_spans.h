/*
 * list_spans.h
 *		The periods a service registration spends on the public list.
 */
#ifndef ISMAP_LIST_SPANS_H
#define ISMAP_LIST_SPANS_H

#include "postgres.h"

#include "state/listing_status.h"

/* One period on the list: one status, one term in force, days inclusive. */
typedef struct ListSpan
{
	DateADT		from;
	DateADT		until;			/* DATEVAL_NOEND: no end known */
	ListingStatus status;
	const Term *term;
} ListSpan;

extern int	list_spans_compute(const RegistrationFacts *facts, ListSpan **spans);
extern void list_spans_store(int64 registration_id, const char *number,
							 int64 service_id, const RegistrationFacts *facts,
							 bool none_stored);

#endif							/* ISMAP_LIST_SPANS_H */
