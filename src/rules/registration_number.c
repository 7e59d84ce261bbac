/*
 * registration_number.c
 *		Numbers of cloud service registrations: 'C', the two-digit year of
 *		registration, '-', a serial of at least four digits, '-', one digit
 *		(C24-0071-1).  The serial comes from a bigint sequence and simply
 *		grows past four digits, so the registry never runs out of numbers.
 *		A number supplied with an approval (a backfill of the published
 *		list) must have that form, the year of its registration, and be
 *		unused.
 */
#include "postgres.h"

#include "access/table.h"
#include "commands/sequence.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"

#include "base/errors.h"
#include "base/today.h"
#include "rules/registration_number.h"
#include "store/registry.h"
#include "store/scan_table.h"
#include "store/tables.h"

static int
year_of(DateADT day)
{
	int			y,
				m,
				d;

	j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	return y;
}

static bool
all_digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* C + 2 digits + '-' + 4 or more digits + '-' + 1 digit */
static bool
well_formed(const char *s, int *yy)
{
	size_t		len = strlen(s);
	size_t		serial_len;

	if (len < 10 || s[0] != 'C' || !all_digits(s + 1, 2) || s[3] != '-' ||
		s[len - 2] != '-' || !all_digits(s + len - 1, 1))
		return false;
	serial_len = len - 6;
	if (serial_len < 4 || serial_len > 18 || !all_digits(s + 4, (int) serial_len))
		return false;
	*yy = (s[1] - '0') * 10 + (s[2] - '0');
	return true;
}

/*
 * Whether a registration has this number: one probe of the unique index
 * on registration_number, seeing what committed last and the statement's
 * own writes (as a query would).
 */
static bool
number_in_use(const char *number)
{
	static ScanTable by_number = {"service_registrations", "registration_number", {NULL}};
	Relation	rel = scan_table_open(&by_number);
	bool		in_use;

	in_use = text_key_exists(&by_number, rel, cstring_to_text(number),
							 push_statement_snapshot());
	PopActiveSnapshot();
	table_close(rel, NoLock);
	return in_use;
}

/* Check a number supplied with an approval. */
void
check_supplied_service_number(const char *number, DateADT registered_on)
{
	int			yy;

	if (!well_formed(number, &yy))
		ismap_refuse(ERRCODE_INVALID_TEXT_REPRESENTATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("\"%s\" is not a registration number", number),
					 errdetail("A registration number is C, the two-digit year of registration, a hyphen, a serial of at least four digits, a hyphen and one digit."),
					 errhint("Write it like C24-0071-1, or leave registration_number null to have one assigned."));
	if (yy != year_of(registered_on) % 100)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("registration number %s does not carry the year of registration", number),
					 errdetail("The registration is dated %s.", ismap_date_text(registered_on)),
					 errhint("Begin the number with C%02d-.", year_of(registered_on) % 100));
	if (number_in_use(number))
		ismap_refuse(ERRCODE_UNIQUE_VIOLATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("registration number %s is already in use", number),
					 errdetail("Another registration has the number %s.", number),
					 errhint("Give an unused number, or leave registration_number null to have one assigned."));
}

/* The next unused number. */
char *
assign_service_number(DateADT registered_on)
{
	Oid			serials = get_relname_relid("service_registration_serial", ismap_namespace());

	if (!OidIsValid(serials))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 "the sequence ismap.service_registration_serial is missing",
					 errdetail("Registration numbers are assigned from it."),
					 errhint("Reinstall the extension: drop and create it, or restore it from a dump."));
	for (;;)
	{
		/* nextval() itself, checking the registry owner's privilege on it */
		int64		serial = nextval_internal(serials, true);
		char	   *number;

		number = psprintf("C%02d-%04lld-1", year_of(registered_on) % 100,
						  (long long) serial);
		/* a supplied number may already have taken this serial */
		if (!number_in_use(number))
			return number;
	}
}
