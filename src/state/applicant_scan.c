/*
 * applicant_scan.c
 *		The questions the application rules ask about an applicant, read
 *		with direct index scans: its registrations (is one in force, was
 *		one made since a day) and its applications (is one still open, or
 *		decided after a day).
 *
 * Each was an SQL query run for every filing and approval, costing an
 * executor start-up and shutdown; the scans read the same rows through
 * the same indexes, under the snapshot SPI would have given the query
 * (what committed last and the statement's own writes).
 */
#include "postgres.h"

#include "access/table.h"
#include "utils/snapmgr.h"

#include "state/applicant_scan.h"
#include "state/fact_tables.h"
#include "store/columns.h"
#include "store/scan_table.h"
#include "store/tables.h"

ApplicantTables service_applicant_tables = {
	{"service_registrations", "service_id", {"registration_id", "registered_on"}},
	{"service_applications", "service_id", {"application_id", "kind", "applied_on", "decided_on"}},
	&service_tables,
};

ApplicantTables auditor_applicant_tables = {
	{"auditors", "organization_id", {"auditor_id", "registered_on"}},
	{"auditor_applications", "organization_id", {"application_id", "kind", "applied_on", "decided_on"}},
	&auditor_tables,
};

static int
newest_first(const void *a, const void *b)
{
	const ApplicantRegistration *x = a,
			   *y = b;

	if (x->registered_on != y->registered_on)
		return x->registered_on > y->registered_on ? -1 : 1;
	if (x->id != y->id)
		return x->id > y->id ? -1 : 1;
	return 0;
}

/*
 * The applicant's registrations in *out, newest first (by registration
 * date, then id); returns how many.  The caller is a trigger.
 */
int
applicant_registrations(ApplicantTables *t, int64 applicant, ApplicantRegistration **out)
{
	ScanTable  *regs = &t->registrations;
	Relation	rel = scan_table_open(regs);
	TupleDesc	desc = RelationGetDescr(rel);
	Snapshot	snapshot = push_statement_snapshot();
	int			n;
	HeapTuple  *rows = rows_of(regs, rel, applicant, snapshot, &n);

	*out = palloc(sizeof(ApplicantRegistration) * (n + 1));
	for (int i = 0; i < n; i++)
	{
		(*out)[i].id = int64_column(regs, APPLICANT_REG_ID, rows[i], desc);
		(*out)[i].registered_on = date_column(regs, APPLICANT_REG_ON, rows[i], desc, 0);
	}
	PopActiveSnapshot();
	table_close(rel, NoLock);
	qsort(*out, n, sizeof(ApplicantRegistration), newest_first);
	return n;
}

/*
 * An application of the kind (new: of the applicant 'key'; renewal: of
 * the registration 'key') that is undecided, or decided after 'day'.
 * The caller is a trigger.
 */
bool
open_application_exists(ApplicantTables *t, bool renewal, int64 key, DateADT day)
{
	ScanTable  *apps = renewal ? &t->renewals_of->applications : &t->applications;
	Relation	rel = scan_table_open(apps);
	TupleDesc	desc = RelationGetDescr(rel);
	Snapshot	snapshot = push_statement_snapshot();
	int			n;
	HeapTuple  *rows = rows_of(apps, rel, key, snapshot, &n);
	bool		found = false;

	for (int i = 0; i < n && !found; i++)
	{
		bool		isnull;
		Datum		kind = scan_column(apps, APP_KIND, rows[i], desc, &isnull);

		found = !isnull && strcmp(enum_label(kind), renewal ? "renewal" : "new") == 0 &&
			date_column(apps, APP_DECIDED_ON, rows[i], desc, DATEVAL_NOEND) > day;
	}
	PopActiveSnapshot();
	table_close(rel, NoLock);
	return found;
}
