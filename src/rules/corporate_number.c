/*
 * corporate_number.c
 *		The 13-digit 法人番号 (corporate number) and its check digit.
 *
 * The first digit checks the other twelve: 9 minus the remainder after
 * dividing by 9 the sum of each of the twelve digits times 1 or 2,
 * alternating from the rightmost digit, which is weighted 1 (法人番号の
 * 指定等に関する省令 第2条).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "base/invisible_text.h"
#include "base/trigger_check.h"
#include "log/correction_reason.h"
#include "rules/authority.h"
#include "store/columns.h"
#include "store/kept_plans.h"
#include "store/registry.h"
#include "store/restore.h"

PG_FUNCTION_INFO_V1(ismap_corporate_number_is_valid);
PG_FUNCTION_INFO_V1(ismap_organizations_check);

static bool
is_thirteen_digits(const char *s)
{
	int			n = 0;

	for (; s[n] != '\0'; n++)
		if (s[n] < '0' || s[n] > '9')
			return false;
	return n == 13;
}

/* The check digit of a corporate number whose 12 base digits start at s. */
static int
check_digit(const char *base12)
{
	int			sum = 0;

	for (int i = 0; i < 12; i++)
	{
		int			digit = base12[11 - i] - '0';

		sum += digit * ((i % 2 == 0) ? 1 : 2);
	}
	return 9 - (sum % 9);
}

static bool
corporate_number_valid(const char *s)
{
	return is_thirteen_digits(s) && (s[0] - '0') == check_digit(s + 1);
}

Datum
ismap_corporate_number_is_valid(PG_FUNCTION_ARGS)
{
	char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(0));

	PG_RETURN_BOOL(corporate_number_valid(s));
}

static void
check_corporate_number(const char *s)
{
	if (s == NULL)
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_ORG_CORPORATE_NUMBER,
					 "an organization needs its corporate number",
					 errdetail("corporate_number is null."),
					 errhint("Give the 13-digit 法人番号 of the organization."));
	if (!is_thirteen_digits(s))
		ismap_refuse(ERRCODE_INVALID_TEXT_REPRESENTATION, RULE_ORG_CORPORATE_NUMBER,
					 psprintf("\"%s\" is not a corporate number",
							  pnstrdup(s, pg_mbcliplen(s, strlen(s), 40))),
					 errdetail("A 法人番号 is exactly 13 digits 0-9, without spaces or hyphens."),
					 errhint("Give the 13 digits as published by the National Tax Agency."));
	if ((s[0] - '0') != check_digit(s + 1))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_ORG_CORPORATE_NUMBER,
					 psprintf("corporate number %s has a wrong check digit", s),
					 errdetail("The first digit is %c; the other twelve digits call for %d.",
							   s[0], check_digit(s + 1)),
					 errhint("Check the number against the 法人番号公表サイト; a digit was probably mistyped."));
}

static void
check_name(const char *name)
{
	if (text_is_invisible(name))
		ismap_refuse(ERRCODE_NOT_NULL_VIOLATION, RULE_ORG_CORPORATE_NUMBER,
					 "an organization needs a name",
					 errdetail("name is null or blank."),
					 errhint("Give the registered name (商号又は名称)."));
}

/*
 * An organization is recorded once: another with the same 法人番号 would
 * meet the unique index with a bare 23505.  Refused here, naming the one
 * that has it (read as the registry's owner: the writer may not read
 * every organization).  'self' is the row as it stands (the old row of an
 * UPDATE, the new one of an INSERT), which may keep its own number.
 */
static void
check_number_unused(const char *number, HeapTuple self, TupleDesc desc)
{
	static KeptPlan other = {
		"SELECT organization_id, name FROM ismap.organizations"
		" WHERE corporate_number OPERATOR(pg_catalog.=) $1"
		" AND ($2 IS NULL OR organization_id OPERATOR(pg_catalog.<>) $2) LIMIT 1",
		2, {TEXTOID, INT8OID}
	};
	Datum		args[2];
	char		nulls[2] = {' ', ' '};
	int64		id;
	RegistryRole role;

	args[0] = CStringGetTextDatum(number);
	if (tuple_get_int64(self, desc, "organization_id", &id))
		args[1] = Int64GetDatum(id);
	else
		nulls[1] = 'n';
	SPI_connect();
	registry_role_enter(&role);
	kept_plan_run(&other, args, nulls, true, 1);
	registry_role_leave(&role);
	if (SPI_processed == 1)
	{
		int64		other_id = 0;
		char	   *other_name = spi_get_text(0, 2);

		spi_get_int64(0, 1, &other_id);
		ismap_refuse(ERRCODE_UNIQUE_VIOLATION, RULE_ORG_CORPORATE_NUMBER,
					 psprintf("corporate number %s is already recorded", number),
					 errdetail("%s (organization_id %lld) has the 法人番号 %s.",
							   other_name, (long long) other_id, number),
					 errhint("An organization is recorded once: use organization_id %lld, or correct the number of the one recorded wrongly with ismap.correct().",
							 (long long) other_id));
	}
	SPI_finish();
}

/* BEFORE INSERT OR UPDATE ON ismap.organizations */
Datum
ismap_organizations_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	tup;
	TupleDesc	desc;
	char	   *number;
	ActingRole	actor = current_actor();

	trigger_check(fcinfo, "ismap_organizations_check", true, true);
	if (registry_restoring(fcinfo))
		return restored_row(fcinfo);
	if (correction_reason() == NULL)	/* ismap.correct() checks its own */
		require_capacity(&actor, CAPACITY_COMMITTEE | CAPACITY_OPERATOR,
						 "record an organization");
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	desc = RelationGetDescr(td->tg_relation);

	number = SPI_getvalue(tup, desc, SPI_fnumber(desc, "corporate_number"));
	check_corporate_number(number);
	check_name(SPI_getvalue(tup, desc, SPI_fnumber(desc, "name")));
	/* a row that keeps its number (a renamed organization) needs no lookup */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) ||
		strcmp(number, SPI_getvalue(td->tg_trigtuple, desc,
									SPI_fnumber(desc, "corporate_number"))) != 0)
		check_number_unused(number, td->tg_trigtuple, desc);
	return PointerGetDatum(tup);
}
