/*
 * declared_interests.c
 *		The interests declared in an organization (sec_conflict_of_interest):
 *		those of a reviewer role in force on a day, those of an audit firm
 *		in force at some time over a span of days.
 *
 * An interest is in force from valid_from to valid_until, both days
 * included; a null valid_until is open.  The rows are read by a direct
 * index scan on subject_organization_id under the latest snapshot, so
 * that a transaction at REPEATABLE READ, too, sees an interest declared
 * after it began: the caller first takes the lock that a declaration
 * conflicts with (rules/interests.c), then reads what committed last,
 * and the rows this transaction wrote itself.  The lowest interest_id
 * found is returned, so that a refusal names the same one each time.
 */
#include "postgres.h"

#include "access/table.h"
#include "utils/builtins.h"
#include "utils/snapmgr.h"

#include "state/declared_interests.h"
#include "store/columns.h"
#include "store/scan_table.h"

enum
{
	COL_INTEREST_ID, COL_ROLE_NAME, COL_ORGANIZATION_ID, COL_KIND, COL_VALID_FROM,
	COL_VALID_UNTIL
};

static ScanTable interests_by_subject =
{"declared_interests", "subject_organization_id",
{"interest_id", "role_name", "organization_id", "kind", "valid_from", "valid_until"}};

/* Which declarant a scan looks for: a role by name, or an organization. */
typedef struct Declarant
{
	const char *role_name;		/* NULL: the organization below */
	int64		organization;
	const char *kind;			/* NULL: any kind */
} Declarant;

static bool
declared_by(const Declarant *who, HeapTuple row, TupleDesc desc)
{
	bool		isnull;
	Datum		d;

	if (who->role_name != NULL)
	{
		d = scan_column(&interests_by_subject, COL_ROLE_NAME, row, desc, &isnull);
		if (isnull || strcmp(NameStr(*DatumGetName(d)), who->role_name) != 0)
			return false;
	}
	else
	{
		d = scan_column(&interests_by_subject, COL_ORGANIZATION_ID, row, desc, &isnull);
		if (isnull || DatumGetInt64(d) != who->organization)
			return false;
	}
	if (who->kind != NULL)
	{
		d = scan_column(&interests_by_subject, COL_KIND, row, desc, &isnull);
		if (isnull || strcmp(enum_label(d), who->kind) != 0)
			return false;
	}
	return true;
}

/*
 * The declarant's interest in 'subject' with the lowest id that is in
 * force at some day from 'from' to 'until' (both included), in *found.
 */
static bool
interest_during(const Declarant *who, int64 subject, DateADT from, DateADT until,
				DeclaredInterest *found)
{
	Relation	rel = scan_table_open(&interests_by_subject);
	TupleDesc	desc = RelationGetDescr(rel);
	Snapshot	snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapTuple  *rows;
	int			n;
	bool		any = false;

	rows = rows_of(&interests_by_subject, rel, subject, snapshot, &n);
	for (int i = 0; i < n; i++)
	{
		int64		id = int64_column(&interests_by_subject, COL_INTEREST_ID, rows[i], desc);
		DateADT		first = date_column(&interests_by_subject, COL_VALID_FROM, rows[i], desc,
										DATEVAL_NOEND);
		DateADT		last = date_column(&interests_by_subject, COL_VALID_UNTIL, rows[i], desc,
									   DATEVAL_NOEND);
		bool		isnull;

		if (first > until || last < from || !declared_by(who, rows[i], desc) ||
			(any && id > found->interest_id))
			continue;
		any = true;
		found->interest_id = id;
		strlcpy(found->kind,
				enum_label(scan_column(&interests_by_subject, COL_KIND, rows[i], desc, &isnull)),
				sizeof(found->kind));
		found->valid_from = first;
		found->valid_until = last;
	}
	UnregisterSnapshot(snapshot);
	table_close(rel, NoLock);
	return any;
}

/* An interest of role 'role_name' in 'subject' in force on 'day'. */
bool
role_interest_in_force(const char *role_name, int64 subject, DateADT day,
					   DeclaredInterest *found)
{
	Declarant	who = {role_name, 0, NULL};

	return interest_during(&who, subject, day, day, found);
}

/*
 * An interest of 'kind' that organization 'organization' declared in
 * 'subject', in force at some day from 'from' to 'until'.
 */
bool
organization_interest_during(int64 organization, int64 subject, const char *kind,
							 DateADT from, DateADT until, DeclaredInterest *found)
{
	Declarant	who = {NULL, organization, kind};

	return interest_during(&who, subject, from, until, found);
}
