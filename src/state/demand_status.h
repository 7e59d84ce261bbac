/*
 * demand_status.h
 *		The status of a committee demand on a day (demand_status.c).
 */
#ifndef ISMAP_DEMAND_STATUS_H
#define ISMAP_DEMAND_STATUS_H

#include "postgres.h"

#include "utils/date.h"

typedef enum DemandKind
{
	DEMAND_REAUDIT,				/* ismap.reaudit_demands (5.2) */
	DEMAND_REAPPLICATION		/* ismap.reapplication_demands (5.3) */
} DemandKind;

typedef enum DemandStatus
{
	DEMAND_NONE,				/* before it was made: SQL NULL */
	DEMAND_OPEN,
	DEMAND_FULFILLED,
	DEMAND_OVERDUE
} DemandStatus;

/* A demand as recorded: of a service registration, or of an auditor. */
typedef struct Demand
{
	DemandKind	kind;
	int64		demand_id;
	bool		of_auditor;
	int64		subject_id;		/* registration_id, or auditor_id */
	DateADT		demanded_on;
	DateADT		due_on;
} Demand;

extern bool demand_load(DemandKind kind, int64 demand_id, bool read_only, Demand *d);
extern DemandStatus demand_status_on(const Demand *d, DateADT day, bool read_only);
extern int64 open_reapplication_demand(bool of_auditor, int64 subject_id, DateADT day);
extern const char *demand_status_label(DemandStatus status);

#endif							/* ISMAP_DEMAND_STATUS_H */
