/*
 * row_image.c
 *		A registry row as the decision log stores and hashes it: a jsonb
 *		object of its columns (without the derived facts column), and that
 *		object's canonical text, exactly what jsonb_out prints for it.
 *
 * Every write logs one or two images, so they are built straight from the
 * row's columns: the object's pairs are put in jsonb's key order (shorter
 * keys first, then bytewise) once, the jsonb is made from them, and the
 * text is printed from the same pairs, numbers from their integers.
 * Printing the jsonb back with jsonb_out, or going through row_to_json
 * and jsonb_in, would give the same text at several times the cost.
 * ismap.verify_history() rehashes jsonb_out's text of the stored images,
 * so any difference between the two would show there (pgTAP suite 30).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

#include "row_image.h"

/*
 * A scalar column as a jsonb value, the way row_to_json() writes it:
 * numbers as numbers, booleans as booleans, dates and timestamps in ISO
 * 8601 whatever DateStyle says, anything else as its text.  An integer's
 * text is left in *integer_text.  False for a type it does not know
 * (arrays, composites): the caller falls back.
 */
static bool
column_jsonb(Datum value, Oid typid, JsonbValue *out, char **integer_text)
{
	char		buf[MAXDATELEN + 1];
	Oid			output;
	bool		varlena;
	int64		integer;

	*integer_text = NULL;
	switch (typid)
	{
		case BOOLOID:
			out->type = jbvBool;
			out->val.boolean = DatumGetBool(value);
			return true;
		case INT2OID:
		case INT4OID:
		case INT8OID:
			integer = typid == INT2OID ? DatumGetInt16(value) :
				typid == INT4OID ? DatumGetInt32(value) : DatumGetInt64(value);
			out->type = jbvNumeric;
			out->val.numeric = int64_to_numeric(integer);
			*integer_text = palloc(MAXINT8LEN + 1);
			pg_lltoa(integer, *integer_text);
			return true;
		case NUMERICOID:
			out->type = jbvNumeric;
			out->val.numeric = DatumGetNumeric(value);
			return true;
		case DATEOID:
		case TIMESTAMPOID:
		case TIMESTAMPTZOID:
			out->type = jbvString;
			out->val.string.val = pstrdup(JsonEncodeDateTime(buf, value, typid, NULL));
			out->val.string.len = strlen(out->val.string.val);
			return true;
		default:
			if (type_is_array(typid) || type_is_rowtype(typid) || typid == JSONOID ||
				typid == JSONBOID || typid == FLOAT4OID || typid == FLOAT8OID)
				return false;
			getTypeOutputInfo(typid, &output, &varlena);
			out->type = jbvString;
			out->val.string.val = OidOutputFunctionCall(output, value);
			out->val.string.len = strlen(out->val.string.val);
			return true;
	}
}

/* jsonb's order of object keys: shorter first, then bytewise. */
static bool
key_before(const JsonbValue *a, const JsonbValue *b)
{
	if (a->val.string.len != b->val.string.len)
		return a->val.string.len < b->val.string.len;
	return memcmp(a->val.string.val, b->val.string.val, a->val.string.len) < 0;
}

/* A value as jsonb_out prints it. */
static void
append_value(StringInfo out, const JsonbValue *v, const char *integer_text)
{
	switch (v->type)
	{
		case jbvNull:
			appendBinaryStringInfo(out, "null", 4);
			break;
		case jbvBool:
			appendStringInfoString(out, v->val.boolean ? "true" : "false");
			break;
		case jbvString:
			/* column_jsonb's strings are NUL-terminated */
			escape_json(out, v->val.string.val);
			break;
		case jbvNumeric:
			appendStringInfoString(out, integer_text ? integer_text :
								   DatumGetCString(DirectFunctionCall1(numeric_out,
																	   NumericGetDatum(v->val.numeric))));
			break;
		default:
			elog(ERROR, "ismap: unexpected jsonb value type %d in a row image", (int) v->type);
	}
}

/*
 * The image from the row's columns; NULL if a column's type needs
 * row_to_json's general path.  Column names are unique, so the pairs need
 * no de-duplication.
 */
static char *
direct_image(HeapTuple tup, TupleDesc desc, Datum *doc)
{
	JsonbPair  *pairs = palloc(sizeof(JsonbPair) * (desc->natts + 1));
	char	  **integer_texts = palloc(sizeof(char *) * (desc->natts + 1));
	int			n = 0;
	JsonbValue	object;
	StringInfoData image;

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		JsonbPair	pair;
		char	   *integer_text = NULL;
		bool		isnull;
		Datum		d;
		int			at;

		if (att->attisdropped || strcmp(NameStr(att->attname), "facts") == 0)
			continue;
		d = heap_getattr(tup, i + 1, desc, &isnull);
		pair.value.type = jbvNull;
		if (!isnull && !column_jsonb(d, att->atttypid, &pair.value, &integer_text))
			return NULL;
		pair.key.type = jbvString;
		pair.key.val.string.val = NameStr(att->attname);
		pair.key.val.string.len = strlen(NameStr(att->attname));

		/* insertion in key order: a row has a dozen columns */
		for (at = n; at > 0 && key_before(&pair.key, &pairs[at - 1].key); at--)
		{
			pairs[at] = pairs[at - 1];
			integer_texts[at] = integer_texts[at - 1];
		}
		pairs[at] = pair;
		integer_texts[at] = integer_text;
		n++;
	}
	for (int i = 0; i < n; i++)
		pairs[i].order = i;

	object.type = jbvObject;
	object.val.object.nPairs = n;
	object.val.object.pairs = pairs;
	*doc = JsonbPGetDatum(JsonbValueToJsonb(&object));

	initStringInfo(&image);
	appendStringInfoChar(&image, '{');
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			appendBinaryStringInfo(&image, ", ", 2);
		escape_json(&image, pairs[i].key.val.string.val);
		appendBinaryStringInfo(&image, ": ", 2);
		append_value(&image, &pairs[i].value, integer_texts[i]);
	}
	appendStringInfoChar(&image, '}');
	return image.data;
}

char *
row_image(HeapTuple tup, TupleDesc desc, bool has_facts, Datum *doc)
{
	char	   *image = direct_image(tup, desc, doc);

	if (image == NULL)
	{
		Datum		json = DirectFunctionCall1(row_to_json, heap_copy_tuple_as_datum(tup, desc));

		*doc = DirectFunctionCall1(jsonb_in, CStringGetDatum(TextDatumGetCString(json)));
		if (has_facts)
			*doc = DirectFunctionCall2(jsonb_delete, *doc, CStringGetTextDatum("facts"));
		image = DatumGetCString(DirectFunctionCall1(jsonb_out, *doc));
	}
	return image;
}
