/*
 * incident_due.h
 *		When the reports of an incident fall due (incident_due.c).
 */
#ifndef ISMAP_INCIDENT_DUE_H
#define ISMAP_INCIDENT_DUE_H

#include "postgres.h"

#include "utils/date.h"

extern DateADT incident_report_due(DateADT recognized_on, bool final);

#endif							/* ISMAP_INCIDENT_DUE_H */
