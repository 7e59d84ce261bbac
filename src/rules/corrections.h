/*
 * corrections.h
 *		Corrections of decided records (ismap.correct()) and what a
 *		corrected approval date moves (corrections.c).
 */
#ifndef ISMAP_CORRECTIONS_H
#define ISMAP_CORRECTIONS_H

#include "postgres.h"

#include "utils/date.h"

extern void correct_approval_date(bool service, int64 application_id,
								  DateADT decided_on);
extern void check_correction_keeps_order(bool service, int64 subject_id,
										 int64 application_id, DateADT old_date,
										 DateADT new_date);

#endif							/* ISMAP_CORRECTIONS_H */
