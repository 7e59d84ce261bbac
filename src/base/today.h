/*
 * today.h
 *		The scheme's current calendar day (today.c).
 */
#ifndef ISMAP_TODAY_H
#define ISMAP_TODAY_H

#include "postgres.h"

#include "utils/date.h"

/* Defines ismap.timezone and ismap.today; called by _PG_init. */
extern void today_define_settings(void);

extern DateADT ismap_today(void);
extern char *ismap_date_text(DateADT day);
extern bool iso_date_parse(const char *s, DateADT *out);

#endif							/* ISMAP_TODAY_H */
