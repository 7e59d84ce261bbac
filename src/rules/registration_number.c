/*
 * registration_number.c
 *		Registration numbers: the two-digit year of registration and a
 *		serial of at least four digits, for auditors 'A' + year + '-' +
 *		serial (A24-0001), for cloud services 'C' + year + '-' + serial +
 *		'-' + one digit (C24-0071-1).  The serials come from bigint
 *		sequences and simply grow past four digits, so the registry never
 *		runs out of numbers.  A service number supplied with an approval
 *		(a backfill of the published list) must have that form, the year
 *		of its registration, and be unused.
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
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"

#include "base/errors.h"
#include "base/today.h"
#include "rules/registration_number.h"
#include "store/registry.h"
#include "store/scan_table.h"
#include "store/tables.h"

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
	int			registered_yy = registration_year_digits(registered_on, RULE_SVC_REGISTRATION_ON_APPROVAL);
	int			yy;

	if (!well_formed(number, &yy))
		ismap_refuse(ERRCODE_INVALID_TEXT_REPRESENTATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("\"%s\" is not a registration number", number),
					 errdetail("A registration number is C, the two-digit year of registration, a hyphen, a serial of at least four digits, a hyphen and one digit."),
					 errhint("Write it like C24-0071-1, or leave registration_number null to have one assigned."));
	if (yy != registered_yy)
		ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 psprintf("registration number %s does not carry the year of registration", number),
					 errdetail("The registration is dated %s.", ismap_date_text(registered_on)),
					 errhint("Begin the number with C%02d-.", registered_yy));
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
	int			registered_yy;

	if (!OidIsValid(serials))
		ismap_refuse(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, RULE_SVC_REGISTRATION_ON_APPROVAL,
					 "the sequence ismap.service_registration_serial is missing",
					 errdetail("Registration numbers are assigned from it."),
					 errhint("Reinstall the extension: drop and create it, or restore it from a dump."));
	registered_yy = registration_year_digits(registered_on, RULE_SVC_REGISTRATION_ON_APPROVAL);
	for (;;)
	{
		/* nextval() itself, checking the registry owner's privilege on it */
		int64		serial = nextval_internal(serials, true);
		char	   *number;

		number = psprintf("C%02d-%04lld-1", registered_yy, (long long) serial);
		/* a supplied number may already have taken this serial */
		if (!number_in_use(number))
			return number;
	}
}
