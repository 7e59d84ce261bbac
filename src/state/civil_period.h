/*
 * civil_period.h
 *		The Civil Code arithmetic of svc_validity / aud_validity
 *		(civil_period.c).
 */
#ifndef ISMAP_CIVIL_PERIOD_H
#define ISMAP_CIVIL_PERIOD_H

#include "postgres.h"

#include "utils/date.h"

extern DateADT civil_period_end(DateADT first_day, int months,
								 const char *rule);
extern DateADT date_plus_months(DateADT day, int months);

#endif							/* ISMAP_CIVIL_PERIOD_H */
