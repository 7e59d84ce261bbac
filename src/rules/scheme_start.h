/*
 * scheme_start.h
 *		Nothing of the scheme happens before it started (scheme_start.c).
 */
#ifndef SCHEME_START_H
#define SCHEME_START_H

#include "postgres.h"

#include "utils/date.h"

extern void check_not_before_scheme_start(DateADT day, const char *rule,
										  const char *fact, const char *column);
extern void check_recorded_day(DateADT day, const char *rule, const char *fact,
							   const char *column);

#endif							/* SCHEME_START_H */
