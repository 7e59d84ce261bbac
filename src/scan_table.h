/*
 * scan_table.h
 *		Registry tables read with direct index scans on one key column
 *		(facts_scan.c), shared by the facts of a registration and the
 *		questions asked about an applicant (applicant_scan.c).
 */
#ifndef SCAN_TABLE_H
#define SCAN_TABLE_H

#include "postgres.h"

#include "access/htup.h"
#include "utils/date.h"
#include "utils/rel.h"
#include "utils/snapshot.h"

#include "registration_facts.h"

#define MAX_SCAN_COLUMNS 8

/*
 * A registry table as the scans use it: its key's index, its columns.
 * The key is a bigint, except for text_key_exists().
 */
typedef struct ScanTable
{
	const char *name;
	const char *key;			/* the column the rows are found by */
	const char *columns[MAX_SCAN_COLUMNS];	/* NULL-terminated */
	/* found on first use, forgotten when any relation cache entry is reset */
	Oid			relid;
	Oid			index;			/* btree led by key; InvalidOid: scan the heap */
	AttrNumber	key_attno;
	Oid			key_collation;	/* the index's, else the column's */
	AttrNumber	attno[MAX_SCAN_COLUMNS];
} ScanTable;

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
struct FactTables
{
	ScanTable	registrations;
	ScanTable	terms;
	ScanTable	applications;
	ScanTable	changes;
};

/*
 * What the rules ask about an applicant (a cloud service, or an
 * organization applying to be an auditor), found by the applicant's id.
 */
typedef struct ApplicantTables
{
	ScanTable	registrations;	/* its registrations: id, registered_on */
	ScanTable	applications;	/* its applications: as FactTables.applications */
	FactTables *renewals_of;	/* whose applications are found by registration */
} ApplicantTables;

enum
{
	APPLICANT_REG_ID, APPLICANT_REG_ON
};

typedef struct ApplicantRegistration
{
	int64		id;
	DateADT		registered_on;
} ApplicantRegistration;

extern ApplicantTables service_applicant_tables;
extern ApplicantTables auditor_applicant_tables;

extern int	applicant_registrations(ApplicantTables *t, int64 applicant,
									ApplicantRegistration **out);
extern bool open_application_exists(ApplicantTables *t, bool renewal, int64 key,
									DateADT day);

extern Relation open_table(ScanTable *t);
extern HeapTuple *rows_of(ScanTable *t, Relation rel, int64 id, Snapshot snapshot, int *n);
extern bool text_key_exists(ScanTable *t, Relation rel, text *value, Snapshot snapshot);
extern Datum column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc, bool *isnull);
extern DateADT date_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc,
						   DateADT if_null);
extern int64 int64_column(ScanTable *t, int col, HeapTuple tup, TupleDesc desc);
extern char *enum_label(Datum value);

#endif
