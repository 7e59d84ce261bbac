/*
 * list_export.c
 *		The exports of the public lists (issue 17): ismap.list_json() and
 *		ismap.list_csv().  ismap.list_digest() is SQL over list_json().
 *
 * Each checks its arguments (list_export: an unknown list, an unknown
 * language, a null day or list are refused with 22023 and a hint naming
 * the accepted values) and then reads the list function of that list as
 * the caller, who may read every public list:
 *
 *		cloud_service	ismap.cloud_service_list_at(day[, as_known_at])
 *		auditor			ismap.auditor_list_at(day[, as_known_at])
 *		liu_service		ismap.liu_service_list_at(day[, as_known_at]), once
 *						ISMAP-LIU is installed (looked up at call time)
 *
 * The JSON is an array of the list's rows as to_jsonb() makes them (keys
 * = the list's column names), in registration-number order; an empty list
 * is [].  The order is that of the numbers' bytes (COLLATE "C"), whatever
 * the database's collation, so that two databases holding the same list
 * give the same digest.  jsonb prints its keys in its own order (shortest first), always
 * the same for the same content, which is what the digest needs.
 *
 * The CSV (RFC 4180) has one header row, then one row per listed row, in
 * the same order, CRLF line ends, each field quoted when it holds a comma,
 * a quote, CR or LF, quotes doubled; NULL is an empty field.  The headers
 * for 'ja' are the Japanese part (before " / ") of the comments on the
 * columns of the list's view (ismap.cloud_service_list, ...), the column
 * names for 'en' or for a column without a comment.  The function is
 * declared with DateStyle ISO, so dates print as in the JSON.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/jsonb.h"

#include "base/errors.h"

PG_FUNCTION_INFO_V1(ismap_list_json);
PG_FUNCTION_INFO_V1(ismap_list_csv);

typedef struct ListKind
{
	const char *name;			/* as the caller gives it */
	const char *function;		/* ismap.<function>(date[, timestamptz]) */
	const char *view;			/* the view whose column comments head the CSV */
	const char *rule;			/* the rule of the list itself */
} ListKind;

static const ListKind lists[] = {
	{"cloud_service", "cloud_service_list_at", "cloud_service_list", RULE_SVC_PUBLIC_LIST},
	{"auditor", "auditor_list_at", "auditor_list", RULE_AUD_PUBLIC_LIST},
	{"liu_service", "liu_service_list_at", "liu_service_list", RULE_LIU_LIST},
};

#define ACCEPTED_LISTS "cloud_service, auditor or liu_service"

/* The list named by argument 0, or a refusal; the day (argument 1) given. */
static const ListKind *
list_argument(FunctionCallInfo fcinfo)
{
	const char *name;

	if (PG_ARGISNULL(0))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_LIST_EXPORT,
					 "the list to export cannot be null",
					 errdetail("list is null."),
					 errhint("Give the list: " ACCEPTED_LISTS "."));
	name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (PG_ARGISNULL(1))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_LIST_EXPORT,
					 "the day of an exported list cannot be null",
					 errdetail("A null day would give no rows, which reads as an empty list."),
					 errhint("Give a day, e.g. ismap.today()."));
	if (DATE_NOT_FINITE(PG_GETARG_DATEADT(1)))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_LIST_EXPORT,
					 "the day of an exported list must be a calendar day",
					 errdetail("day is infinite."),
					 errhint("Give a day, e.g. ismap.today()."));
	for (size_t i = 0; i < lengthof(lists); i++)
		if (strcmp(name, lists[i].name) == 0)
			return &lists[i];
	ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_LIST_EXPORT,
				 "there is no such list to export",
				 errdetail("list is \"%s\".", name),
				 errhint("Give one of " ACCEPTED_LISTS "."));
	return NULL;				/* not reached */
}

/*
 * The list function exists (ISMAP-LIU may not be installed yet).  The
 * caller is connected to SPI.
 */
static void
require_list_function(const ListKind *l, bool as_known)
{
	char	   *signature = psprintf("ismap.%s(date%s)", l->function,
									 as_known ? ", timestamptz" : "");
	Datum		arg = CStringGetTextDatum(signature);
	bool		isnull;

	if (SPI_execute_with_args("SELECT pg_catalog.to_regprocedure($1) IS NOT NULL", 1,
							  (Oid[]) {TEXTOID}, &arg, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "list_export: looking up %s failed", signature);
	if (!DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_LIST_EXPORT,
					 psprintf("the %s list is not installed", l->name),
					 errdetail("There is no function %s.", signature),
					 errhint("The LIU list comes with ISMAP-LIU; export cloud_service or auditor."));
}

/*
 * Run "SELECT <select> FROM ismap.<function>($1[, $2]) l <tail>" with the
 * day and the moment of fcinfo.  The caller is connected to SPI.
 */
static void
run_list(FunctionCallInfo fcinfo, const ListKind *l, bool as_known, const char *select,
		 const char *tail)
{
	Datum		args[2];
	Oid			types[2] = {DATEOID, TIMESTAMPTZOID};
	char	   *sql;

	require_list_function(l, as_known);
	args[0] = PG_GETARG_DATUM(1);
	args[1] = as_known ? PG_GETARG_DATUM(2) : (Datum) 0;
	sql = psprintf("SELECT %s FROM ismap.%s($1%s) l %s", select, l->function,
				   as_known ? ", $2" : "", tail);
	if (SPI_execute_with_args(sql, as_known ? 2 : 1, types, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "list_export: reading %s failed", l->function);
}

/* ismap.list_json(list text, day date, as_known_at timestamptz) RETURNS jsonb */
Datum
ismap_list_json(PG_FUNCTION_ARGS)
{
	const ListKind *l = list_argument(fcinfo);
	bool		as_known = PG_NARGS() > 2 && !PG_ARGISNULL(2);
	bool		isnull;
	Datum		result;

	SPI_connect();
	run_list(fcinfo, l, as_known,
			 "COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(l)"
			 " ORDER BY l.registration_number COLLATE pg_catalog.\"C\"), '[]'::pg_catalog.jsonb)", "");
	result = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	result = SPI_datumTransfer(result, false, -1);
	SPI_finish();
	PG_RETURN_DATUM(result);
}

/* One CSV field of RFC 4180: quoted when it must be, quotes doubled. */
static void
append_csv_field(StringInfo s, const char *value)
{
	if (value == NULL)
		return;
	if (strpbrk(value, ",\"\r\n") == NULL)
	{
		appendStringInfoString(s, value);
		return;
	}
	appendStringInfoChar(s, '"');
	for (const char *p = value; *p; p++)
	{
		if (*p == '"')
			appendStringInfoChar(s, '"');
		appendStringInfoChar(s, *p);
	}
	appendStringInfoChar(s, '"');
}

/*
 * The Japanese header of column 'column' of view ismap.<view>: its
 * comment up to " / ", or NULL.  The caller is connected to SPI; the last
 * result is saved by the caller.
 */
static char *
japanese_header(const ListKind *l, const char *column)
{
	Datum		args[2] = {CStringGetTextDatum(psprintf("ismap.%s", l->view)),
	CStringGetTextDatum(column)};
	char	   *header = NULL;

	if (SPI_execute_with_args(
							  "SELECT pg_catalog.split_part(pg_catalog.col_description(a.attrelid, a.attnum), ' / ', 1)"
							  "  FROM pg_catalog.pg_attribute a"
							  " WHERE a.attrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($1)"
							  "   AND a.attname OPERATOR(pg_catalog.=) $2::pg_catalog.name"
							  "   AND NOT a.attisdropped",
							  2, (Oid[]) {TEXTOID, TEXTOID}, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "list_export: reading the comments of %s failed", l->view);
	if (SPI_processed > 0)
		header = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	if (header != NULL && header[0] == '\0')
		header = NULL;
	return header;
}

/* ismap.list_csv(list text, day date, lang text) RETURNS text */
Datum
ismap_list_csv(PG_FUNCTION_ARGS)
{
	const ListKind *l = list_argument(fcinfo);
	const char *lang;
	bool		japanese;
	SPITupleTable *rows;
	TupleDesc	desc;
	uint64		nrows;
	StringInfoData s;
	StringInfoData body;
	int			ncolumns;
	char	  **columns;
	text	   *result;

	if (PG_ARGISNULL(2))
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_LIST_EXPORT,
					 "the language of an exported list cannot be null",
					 errdetail("lang is null."),
					 errhint("Give ja (the portal's Japanese headers) or en (the column names)."));
	lang = text_to_cstring(PG_GETARG_TEXT_PP(2));
	if (strcmp(lang, "ja") != 0 && strcmp(lang, "en") != 0)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_LIST_EXPORT,
					 "there is no such language for the headers",
					 errdetail("lang is \"%s\".", lang),
					 errhint("Give ja (the portal's Japanese headers) or en (the column names)."));
	japanese = lang[0] == 'j';

	initStringInfo(&s);			/* outside SPI's memory */
	initStringInfo(&body);
	SPI_connect();
	run_list(fcinfo, l, false, "l.*", "ORDER BY l.registration_number COLLATE pg_catalog.\"C\"");
	rows = SPI_tuptable;
	nrows = SPI_processed;
	desc = rows->tupdesc;
	ncolumns = desc->natts;
	columns = palloc(sizeof(char *) * ncolumns);
	for (int c = 1; c <= ncolumns; c++)
		columns[c - 1] = pstrdup(NameStr(TupleDescAttr(desc, c - 1)->attname));
	for (uint64 r = 0; r < nrows; r++)
	{
		for (int c = 1; c <= ncolumns; c++)
		{
			if (c > 1)
				appendStringInfoChar(&body, ',');
			append_csv_field(&body, SPI_getvalue(rows->vals[r], desc, c));
		}
		appendStringInfoString(&body, "\r\n");
	}
	/* the headers last: their queries replace the list's result */
	for (int c = 0; c < ncolumns; c++)
	{
		const char *header = japanese ? japanese_header(l, columns[c]) : NULL;

		if (c > 0)
			appendStringInfoChar(&s, ',');
		append_csv_field(&s, header ? header : columns[c]);
	}
	appendStringInfoString(&s, "\r\n");
	appendBinaryStringInfo(&s, body.data, body.len);
	SPI_finish();
	result = cstring_to_text_with_len(s.data, s.len);
	PG_RETURN_TEXT_P(result);
}
