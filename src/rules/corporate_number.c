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

#include "commands/trigger.h"
#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "base/errors.h"
#include "base/invisible_text.h"
#include "base/trigger_check.h"
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

/* BEFORE INSERT OR UPDATE ON ismap.organizations */
Datum
ismap_organizations_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	tup;
	TupleDesc	desc;

	trigger_check(fcinfo, "ismap_organizations_check", true, true);
	if (registry_restoring())
		return restored_row(fcinfo);
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	desc = RelationGetDescr(td->tg_relation);

	check_corporate_number(SPI_getvalue(tup, desc, SPI_fnumber(desc, "corporate_number")));
	check_name(SPI_getvalue(tup, desc, SPI_fnumber(desc, "name")));
	return PointerGetDatum(tup);
}
