/*
 * registration_number.c
 *		Registration numbers: the two-digit year of registration and a
 *		serial of at least four digits, for auditors 'A' + year + '-' +
 *		serial (A24-0001), for cloud services 'C' + year + '-' + serial +
 *		'-' + a branch number of one digit (C24-0071-1), for ISMAP-LIU
 *		services the same with the letter of the setting liu_number_prefix
 *		(L24-0001-1, liu_list).  The serials come from bigint sequences
 *		(ISMAP-LIU's its own) and simply grow past four digits, so the
 *		registry never runs out of numbers.
 *
 * A service number is written one way only, the way "C%02d-%04lld-%d"
 * prints its parts (C26-0032-1, never C26-00032-1), with a serial from 1
 * and a branch from 1 to 9, branch b > 1 only once branch b - 1 of the
 * serial is registered.  The year digits say when a registration was
 * made and do not make a number of their own: C25-0032-1 and C26-0032-1
 * would name one registration to a reader of the list, so a serial and
 * branch are registered once whatever the year (the unique index
 * service_registrations_serial_branch).  A number supplied by hand (a
 * backfill of the published list) is checked by the first write that
 * carries it, the filing of the application or the approval that gives
 * it, and again at the approval, which also checks its year against the
 * registration date; the numbers the extension assigns have the same form
 * and pass the same probe.
 *
 * Two digits of year cannot name two years: a registration is dated by
 * its approval, which the rules date no earlier than the scheme's start
 * (a setting, itself no earlier than 2020-01-01) and no later than today,
 * so its year lies from 2020 on, and two digits name such years
 * unambiguously until 2099.  A registration dated outside 2000..2099
 * (ismap.today pinned to 2100, say) is refused rather than given digits
 * that another century's registrations would share.
 */
#include "postgres.h"

#include "access/table.h"
#include "commands/sequence.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "base/errors.h"
#include "base/today.h"
#include "rules/registration_number.h"
#include "store/columns.h"
#include "store/registry.h"
#include "store/scan_table.h"
#include "store/tables.h"

/* The parts of a service registration number. */
typedef struct ServiceNumber
{
	char		prefix;			/* C, or the LIU letter */
	int			yy;				/* two digits of the year of registration */
	int64		serial;
	int			branch;
} ServiceNumber;

/*
 * The two digits of the year of a registration dated registered_on; rule:
 * the refusal's, should the year lie outside 2000..2099.
 */
int
registration_year_digits(DateADT registered_on, const char *rule)
{
	int			y,
				m,
				d;

	j2date(registered_on + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	if (y < 2000 || y > 2099)
		ismap_refuse(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, rule,
					 "a registration number carries the year of a registration from 2000 to 2099",
					 errdetail("The registration would be dated %s; two digits of its year would also name another century's.",
							   ismap_date_text(registered_on)),
					 errhint("Date the decision from the scheme's start to today; check ismap.today."));
	return y % 100;
}

static bool
all_digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * prefix + 2 digits + '-' + 4 or more digits + '-' + 1 digit, its serial
 * within a bigint: the parts in *n, or false.
 */
static bool
parse_service_number(const char *s, char prefix, ServiceNumber *n)
{
	size_t		len = strlen(s);
	size_t		serial_len;

	if (len < 10 || s[0] != prefix || !all_digits(s + 1, 2) || s[3] != '-' ||
		s[len - 2] != '-' || !all_digits(s + len - 1, 1))
		return false;
	serial_len = len - 6;
	if (!all_digits(s + 4, (int) serial_len))
		return false;
	n->prefix = prefix;
	n->yy = (s[1] - '0') * 10 + (s[2] - '0');
	n->serial = 0;
	for (size_t i = 0; i < serial_len; i++)
	{
		int			digit = s[4 + i] - '0';

		if (n->serial > (PG_INT64_MAX - digit) / 10)
			return false;
		n->serial = n->serial * 10 + digit;
	}
	n->branch = s[len - 1] - '0';
	return true;
}

/* The one way a service number is written. */
static char *
service_number_text(const ServiceNumber *n)
{
	return psprintf("%c%02d-%04lld-%d", n->prefix, n->yy, (long long) n->serial, n->branch);
}

/*
 * The number of the registration with this prefix, serial and branch,
 * whatever the year in it, or NULL: one probe of the unique index on the
 * three (service_registrations_serial_branch), seeing
 * what committed last and the statement's own writes (as a query would).
 * Decisions are serialized by the log's lock (history_lock), taken before
 * the approval looks, so no other approval can take the number meanwhile.
 *
 * A database not yet updated has that index on serial and branch alone
 * (as before ISMAP-LIU, when every number began with C): it is probed on
 * those two.  One from 0.1.0 lacks the index (ALTER EXTENSION UPDATE
 * creates it): there, the number is looked up as written with each of the
 * hundred year digits, in the unique index on the number itself.
 */
static char *
number_holding(char prefix, int64 serial, int branch)
{
	static ScanTable by_number = {"service_registrations", "registration_number", {NULL}};
	static const RegProcedure equals[3] = {F_INT8EQ, F_INT4EQ, F_TEXTEQ};
	Datum		values[3];
	char		letter[2] = {prefix, '\0'};
	Relation	rel = scan_table_open(&by_number);
	Snapshot	snapshot = push_statement_snapshot();
	HeapTuple	row;
	char	   *number = NULL;

	values[0] = Int64GetDatum(serial);
	values[1] = Int32GetDatum(branch);
	values[2] = CStringGetTextDatum(letter);
	if (ismap_index_lookup(rel, "service_registrations_serial_branch",
						   RULE_SVC_REGISTRATION_ON_APPROVAL, snapshot,
						   ismap_index_key_count("service_registrations_serial_branch") >= 3 ? 3 : 2,
						   equals, values, &row))
	{
		if (row != NULL)
			number = tuple_get_text(row, RelationGetDescr(rel), "registration_number");
	}
	else
	{
		for (int yy = 0; yy < 100 && number == NULL; yy++)
		{
			ServiceNumber n = {prefix, yy, serial, branch};
			char	   *text = service_number_text(&n);

			if (text_key_exists(&by_number, rel, cstring_to_text(text), snapshot))
				number = text;
		}
	}
	PopActiveSnapshot();
	table_close(rel, NoLock);
	return number;
}

/*
 * A number supplied by hand: its form, written the one way, serial and
 * branch in range, the branch before it registered, itself not.  Its
 * parts in *n.
 */
static void
check_service_number(const char *number, char prefix, ServiceNumber *n)
{
	char	   *canonical;
	char	   *holder;

	if (!parse_service_number(number, prefix, n))
		ismap_refuse(ERRCODE_INVALID_TEXT_REPRESENTATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("\"%s\" is not a registration number", number),
					 errdetail("A registration number of this service is %c, the two-digit year of registration, a hyphen, a serial of at least four digits, a hyphen and one digit.",
							   prefix),
					 errhint("Write it like %c24-0071-1, or leave registration_number null to have one assigned.",
							 prefix));
	canonical = service_number_text(n);
	if (strcmp(number, canonical) != 0)
		ismap_refuse(ERRCODE_INVALID_TEXT_REPRESENTATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("registration number %s is not written as registration numbers are", number),
					 errdetail("The serial is written with four digits below 10000 and without leading zeros from 10000 on: serial %lld is %s.",
							   (long long) n->serial, canonical),
					 errhint("Write it %s.", canonical));
	if (n->serial < 1 || n->branch < 1)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("registration number %s has a %s of 0", number,
							  n->serial < 1 ? "serial" : "branch number"),
					 errdetail("Serials count from 1, branch numbers from 1 to 9."),
					 errhint("Give the number as the published list has it, or leave registration_number null to have one assigned."));
	if (n->branch > 1 && number_holding(prefix, n->serial, n->branch - 1) == NULL)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("registration number %s has no branch %d before it", number,
							  n->branch - 1),
					 errdetail("No registration has serial %04lld and branch %d, in any year.",
							   (long long) n->serial, n->branch - 1),
					 errhint("Register branch %d of the serial first, or give branch 1.",
							 n->branch - 1));
	holder = number_holding(prefix, n->serial, n->branch);
	if (holder != NULL)
		ismap_refuse(ERRCODE_UNIQUE_VIOLATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("registration number %s is already in use", number),
					 errdetail("Registration %s has serial %04lld and branch %d; the year digits do not make another number.",
							   holder, (long long) n->serial, n->branch),
					 errhint("Give an unused number, or leave registration_number null to have one assigned."));
}

/* A number filed with a new application: checked before its registration date is known. */
void
check_filed_service_number(const char *number, char prefix)
{
	ServiceNumber n;

	check_service_number(number, prefix, &n);
}

/* A number supplied with an approval dated registered_on. */
void
check_supplied_service_number(const char *number, DateADT registered_on, char prefix)
{
	int			yy = registration_year_digits(registered_on, RULE_SVC_REGISTRATION_ON_APPROVAL);
	ServiceNumber n;

	check_service_number(number, prefix, &n);
	if (n.yy != yy)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("registration number %s does not carry the year of registration", number),
					 errdetail("The registration is dated %s.", ismap_date_text(registered_on)),
					 errhint("Begin the number with %c%02d-.", prefix, yy));
}

/*
 * The next unused number: written the one way, serial from the sequence
 * (ismap.service_registration_serial, or ismap.liu_registration_serial),
 * branch 1 (which needs no branch before it), its serial unused in every
 * year.
 */
char *
assign_service_number(DateADT registered_on, char prefix, const char *sequence)
{
	Oid			serials = get_relname_relid(sequence, ismap_namespace());
	ServiceNumber n;

	if (!OidIsValid(serials))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("the sequence ismap.%s is missing", sequence),
					 errdetail("Registration numbers are assigned from it."),
					 errhint("Reinstall the extension: drop and create it, or restore it from a dump."));
	n.prefix = prefix;
	n.yy = registration_year_digits(registered_on, RULE_SVC_REGISTRATION_ON_APPROVAL);
	n.branch = 1;
	for (;;)
	{
		/* nextval() itself, checking the registry owner's privilege on it */
		n.serial = nextval_internal(serials, true);
		if (n.serial < 1)
			ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SVC_REGISTRATION_ON_APPROVAL,
						 psprintf("the sequence ismap.%s gave %lld", sequence,
								  (long long) n.serial),
						 errdetail("Serials of registration numbers count from 1."),
						 errhint("Set the sequence to the highest serial in use: SELECT setval('ismap.%s', n).",
								 sequence));
		/* a supplied number may already have taken this serial, in any year */
		if (number_holding(n.prefix, n.serial, n.branch) == NULL)
			return service_number_text(&n);
	}
}
