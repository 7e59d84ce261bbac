/*
 * fact_tables.h
 *		Where the facts of each kind of registration are kept: its tables,
 *		the lock that serializes decisions about it, and how many of its
 *		rows wait for the refresh of their copy (fact_tables.c).
 */
#ifndef ISMAP_FACT_TABLES_H
#define ISMAP_FACT_TABLES_H

#include "postgres.h"

#include "storage/lock.h"

#include "store/row_locks.h"
#include "store/scan_table.h"

/* Column positions in ScanTable.columns, per kind of table. */
enum
{
	REG_REGISTERED_ON, REG_OWNER
};
enum
{
	TERM_NO, TERM_IN_FORCE_FROM, TERM_PERIOD_START, TERM_VALID_UNTIL,
	TERM_PERIOD_END, TERM_AUDIT_ID, TERM_AUDITOR_ID
};
enum
{
	APP_ID, APP_KIND, APP_APPLIED_ON, APP_DECIDED_ON
};
enum
{
	CHANGE_ID, CHANGE_ACTION, CHANGE_EFFECTIVE_ON
};

/* The tables of one kind of registration, each found by the registration's id. */
typedef struct FactTables
{
	ScanTable	registrations;
	ScanTable	terms;
	ScanTable	applications;
	ScanTable	changes;
} FactTables;

/*
 * One kind of registration (an auditor or a cloud service registration):
 * its tables, and the lock on its row, FOR UPDATE.
 */
typedef struct FactQueries
{
	const char *noun;			/* "auditor", "registration": for messages */
	const char *list_name;		/* "auditor", "cloud_service": for the feed */
	FactTables *tables;
	RowLock		lock;
	/* rows whose refresh is still to run, in transaction refreshes_due_in */
	int			refreshes_due;
	LocalTransactionId refreshes_due_in;
} FactQueries;

extern FactTables auditor_tables;
extern FactTables service_tables;
extern FactQueries auditor_queries;
extern FactQueries service_queries;

#endif							/* ISMAP_FACT_TABLES_H */
