/*
 * registration_number.h
 *		Registration numbers of auditors (A24-0001) and cloud services
 *		(C24-0071-1), and ISMAP-LIU services (L24-0001-1).
 */
#ifndef REGISTRATION_NUMBER_H
#define REGISTRATION_NUMBER_H

#include "postgres.h"

#include "utils/date.h"

extern int	registration_year_digits(DateADT registered_on, const char *rule);
extern void check_filed_service_number(const char *number, char prefix);
extern void check_supplied_service_number(const char *number, DateADT registered_on,
										  char prefix);
extern char *assign_service_number(DateADT registered_on, char prefix, const char *sequence);

#endif							/* REGISTRATION_NUMBER_H */
