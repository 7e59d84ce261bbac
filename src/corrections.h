/*
 * corrections.h
 *		Whether the current change is a correction (ismap.correct()).
 */
#ifndef CORRECTIONS_H
#define CORRECTIONS_H

#include "postgres.h"

#include "utils/date.h"

extern const char *correction_reason(void);
extern void correct_approval_date(bool service, int64 application_id,
								  DateADT decided_on);
extern void check_correction_keeps_order(bool service, int64 subject_id,
										 int64 application_id, DateADT old_date,
										 DateADT new_date);

#endif							/* CORRECTIONS_H */
