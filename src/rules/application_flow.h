/*
 * application_flow.h
 *		The application state machine shared by auditor applications
 *		(aud_application_flow) and cloud service applications
 *		(svc_application_flow).
 */
#ifndef APPLICATION_FLOW_H
#define APPLICATION_FLOW_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "utils/date.h"

#include "state/applicant_scan.h"
#include "store/row_locks.h"

/*
 * One application row.  The subject is who or what applies (an
 * organization for auditors, a cloud service for services); the target is
 * the registration it renews or that its approval created.
 */
typedef struct Application
{
	const char *rule;			/* aud_application_flow or svc_application_flow */
	const char *subject_column; /* organization_id or service_id */
	int64		application_id;
	bool		has_subject;
	int64		subject_id;
	char	   *kind;			/* "new" or "renewal", NULL if null */
	bool		has_applied_on;
	DateADT		applied_on;
	char	   *status;
	bool		has_decided_on;
	DateADT		decided_on;
	bool		has_target;
	int64		target_id;
	bool		has_audit;		/* services only */
	int64		audit_id;
	char	   *registration_number;	/* services only: a number supplied */
} Application;

typedef struct ApplicationColumns
{
	const char *rule;
	const char *subject;		/* organization_id or service_id */
	const char *target;			/* auditor_id or registration_id */
} ApplicationColumns;

/*
 * What the rules ask about an applicant (an organization for auditors, a
 * cloud service for services): its registrations and applications, read
 * by index scans (applicant_scan.c), and the lock on the applicant's row,
 * FOR UPDATE.
 */
typedef struct ApplicantQueries
{
	ApplicantTables *tables;
	RowLock		lock;
} ApplicantQueries;

extern bool overlapping_application_exists(ApplicantQueries *q, bool renewal,
										   int64 key, DateADT applied_on);
extern bool registered_since(ApplicantQueries *q, int64 applicant, DateADT day);
extern bool lock_applicant(ApplicantQueries *q, int64 applicant);

extern void read_application(HeapTuple tup, TupleDesc desc,
							 const ApplicationColumns *cols, Application *a);
extern bool application_is_renewal(const Application *a);
extern bool application_status_is_final(const char *status);
extern void check_filing_values(const Application *a, const char *subject_noun);
extern bool check_decision(const Application *o, const Application *n);
extern void refuse_application_delete(const Application *a);
extern HeapTuple set_int64_column(HeapTuple tup, TupleDesc desc,
								  const char *column, int64 value);
extern HeapTuple set_text_column(HeapTuple tup, TupleDesc desc,
								 const char *column, const char *value);

#endif							/* APPLICATION_FLOW_H */
