/*
 * registration_rows.h
 *		The rows an approval of a cloud service application writes.
 */
#ifndef REGISTRATION_ROWS_H
#define REGISTRATION_ROWS_H

#include "postgres.h"

#include "utils/date.h"

#include "rules/audits.h"
#include "state/listing_status.h"

extern int64 registration_row_insert(const char *number, int64 service_id,
									 DateADT registered_on, const Audit *audit,
									 DateADT valid_until, const RegistrationFacts *facts);
extern void registration_row_renew(int64 registration_id, const Audit *audit,
								   DateADT valid_until, const RegistrationFacts *facts,
								   char **number, int64 *service_id);
extern void registration_term_insert(int64 registration_id, int term_no, int64 application_id,
									 DateADT in_force_from, const Audit *audit,
									 DateADT valid_until);

#endif							/* REGISTRATION_ROWS_H */
