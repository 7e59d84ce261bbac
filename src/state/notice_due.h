/*
 * notice_due.h
 *		When a change notice falls due (notice_due.c).
 */
#ifndef ISMAP_NOTICE_DUE_H
#define ISMAP_NOTICE_DUE_H

#include "postgres.h"

#include "utils/date.h"

extern DateADT change_notice_due(DateADT effective_on);

#endif							/* ISMAP_NOTICE_DUE_H */
