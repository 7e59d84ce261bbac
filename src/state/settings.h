/*
 * settings.h
 *		The settings of the scheme, ismap.settings (settings.c).
 */
#ifndef ISMAP_SETTINGS_H
#define ISMAP_SETTINGS_H

#include "postgres.h"

#include "utils/date.h"

extern int	setting_months(const char *name);
extern int	setting_days(const char *name);
extern DateADT setting_date(const char *name);
extern char setting_prefix(const char *name);
extern char *setting_names(void);

/* Refuses (setting_value) a name that is not a setting or a value it cannot take. */
extern void setting_value_check(const char *name, const char *value);
/* A setting was written in this (sub)transaction: read them again. */
extern void settings_written(void);

#endif							/* ISMAP_SETTINGS_H */
