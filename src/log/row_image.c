/*
 * row_image.c
 *		A registry row as the decision log stores and hashes it: a jsonb
 *		object of its columns (without the derived facts column), and that
 *		object's canonical text, exactly what jsonb_out prints for it.
 *
 * Every write logs one or two images, so they are built straight from the
 * row's columns.  What depends only on the table is worked out once per
 * table (an "image plan"): the columns in jsonb's key order (shorter keys
 * first, then bytewise), each key as jsonb_out prints it, and how each
 * column's value is written.  A row then costs one pass over its columns,
 * building the jsonb's pairs and printing the text side by side, numbers
 * from their integers.  Printing the jsonb back with jsonb_out, or going
 * through row_to_json and jsonb_in, would give the same text at several
 * times the cost.  ismap.verify_history() rehashes jsonb_out's text of the
 * stored images, so any difference between the two would show there
 * (pgTAP suite 30).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/inval.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "log/row_image.h"

/* How a column's value is written, the way row_to_json() writes it. */
typedef enum ValueKind
{
	VALUE_BOOL,					/* true / false */
	VALUE_INTEGER,				/* a number, printed from the integer */
	VALUE_NUMERIC,				/* a number */
	VALUE_DATETIME,				/* ISO 8601 whatever DateStyle says */
	VALUE_TEXT					/* a string: the type's output */
} ValueKind;

typedef struct ImageColumn
{
	AttrNumber	attnum;
	Oid			typid;
	ValueKind	kind;
	FmgrInfo	output;			/* VALUE_TEXT */
	char	   *key;			/* the column's name */
	int			key_len;
	char	   *printed_key;	/* "name": as jsonb_out prints it, with ": " */
} ImageColumn;

/* What a table's images need, worked out once. */
typedef struct ImagePlan
{
	Oid			rowtype;		/* the table's composite type */
	int			ncolumns;
	ImageColumn *columns;		/* in jsonb's key order */
	struct ImagePlan *next;
} ImagePlan;

static MemoryContext plans_cxt = NULL;
static ImagePlan *plans = NULL;

/*
 * Any relation changed (a column added, renamed, dropped): the plans are
 * worked out again.  Invalidations arrive whenever a lock is taken, even
 * while an image is being built with a plan, so they are only marked
 * stale here and dropped by the next row_image() that starts.
 */
static bool plans_stale = false;
static int	images_in_progress = 0;

static void
forget_plans(Datum arg, Oid relid)
{
	plans_stale = true;
}

/* jsonb's order of object keys: shorter first, then bytewise. */
static bool
key_before(const ImageColumn *a, const ImageColumn *b)
{
	if (a->key_len != b->key_len)
		return a->key_len < b->key_len;
	return memcmp(a->key, b->key, a->key_len) < 0;
}

/* False for a type row_to_json writes otherwise (arrays, composites, json). */
static bool
plan_column(ImageColumn *col, Form_pg_attribute att)
{
	Oid			output;
	bool		varlena;
	StringInfoData key;

	col->attnum = att->attnum;
	col->typid = att->atttypid;
	switch (att->atttypid)
	{
		case BOOLOID:
			col->kind = VALUE_BOOL;
			break;
		case INT2OID:
		case INT4OID:
		case INT8OID:
			col->kind = VALUE_INTEGER;
			break;
		case NUMERICOID:
			col->kind = VALUE_NUMERIC;
			break;
		case DATEOID:
		case TIMESTAMPOID:
		case TIMESTAMPTZOID:
			col->kind = VALUE_DATETIME;
			break;
		default:
			if (type_is_array(att->atttypid) || type_is_rowtype(att->atttypid) ||
				att->atttypid == JSONOID || att->atttypid == JSONBOID ||
				att->atttypid == FLOAT4OID || att->atttypid == FLOAT8OID)
				return false;
			col->kind = VALUE_TEXT;
			getTypeOutputInfo(att->atttypid, &output, &varlena);
			fmgr_info_cxt(output, &col->output, plans_cxt);
			break;
	}
	col->key = pstrdup(NameStr(att->attname));
	col->key_len = strlen(col->key);
	initStringInfo(&key);
	escape_json(&key, col->key);
	appendBinaryStringInfo(&key, ": ", 2);
	col->printed_key = key.data;
	return true;
}

/* The plan of the table whose rows have this descriptor; NULL: use row_to_json. */
static pg_noinline ImagePlan *
image_plan(TupleDesc desc)
{
	ImagePlan  *plan;
	MemoryContext old;
	bool		direct = true;

	if (plans_stale && images_in_progress == 0)
	{
		MemoryContextReset(plans_cxt);
		plans = NULL;
		plans_stale = false;
	}
	for (plan = plans; plan != NULL; plan = plan->next)
		if (plan->rowtype == desc->tdtypeid)
			return plan->columns != NULL ? plan : NULL;
	if (plans_cxt == NULL)
	{
		plans_cxt = AllocSetContextCreate(CacheMemoryContext, "ismap row image plans",
										  ALLOCSET_SMALL_SIZES);
		CacheRegisterRelcacheCallback(forget_plans, (Datum) 0);
	}
	old = MemoryContextSwitchTo(plans_cxt);
	plan = palloc0(sizeof(ImagePlan));
	plan->rowtype = desc->tdtypeid;
	plan->columns = palloc(sizeof(ImageColumn) * (desc->natts + 1));
	for (int i = 0; i < desc->natts && direct; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		ImageColumn col;
		int			at;

		if (att->attisdropped || strcmp(NameStr(att->attname), "facts") == 0)
			continue;
		direct = plan_column(&col, att);
		/* insertion in key order: a table has a dozen columns */
		for (at = plan->ncolumns; at > 0 && key_before(&col, &plan->columns[at - 1]); at--)
			plan->columns[at] = plan->columns[at - 1];
		plan->columns[at] = col;
		plan->ncolumns++;
	}
	if (!direct)
		plan->columns = NULL;
	plan->next = plans;
	plans = plan;
	MemoryContextSwitchTo(old);
	return direct ? plan : NULL;
}

/* One column's value: into *value for the jsonb, and printed onto 'image'. */
static void
column_value(ImageColumn *col, Datum d, JsonbValue *value, StringInfo image)
{
	char		buf[Max(MAXDATELEN, MAXINT8LEN) + 1];
	int64		integer;

	switch (col->kind)
	{
		case VALUE_BOOL:
			value->type = jbvBool;
			value->val.boolean = DatumGetBool(d);
			appendStringInfoString(image, value->val.boolean ? "true" : "false");
			break;
		case VALUE_INTEGER:
			integer = col->typid == INT2OID ? DatumGetInt16(d) :
				col->typid == INT4OID ? DatumGetInt32(d) : DatumGetInt64(d);
			value->type = jbvNumeric;
			value->val.numeric = int64_to_numeric(integer);
			appendBinaryStringInfo(image, buf, pg_lltoa(integer, buf));
			break;
		case VALUE_NUMERIC:
			value->type = jbvNumeric;
			value->val.numeric = DatumGetNumeric(d);
			appendStringInfoString(image, DatumGetCString(DirectFunctionCall1(numeric_out, d)));
			break;
		case VALUE_DATETIME:
		case VALUE_TEXT:
			value->type = jbvString;
			value->val.string.val = col->kind == VALUE_DATETIME ?
				pstrdup(JsonEncodeDateTime(buf, d, col->typid, NULL)) :
				OutputFunctionCall(&col->output, d);
			value->val.string.len = strlen(value->val.string.val);
			escape_json(image, value->val.string.val);
			break;
	}
}

/* The image of a row by its table's plan: the jsonb returned, the text printed onto 'image'. */
static Datum
planned_image(ImagePlan *plan, HeapTuple tup, TupleDesc desc, StringInfo image)
{
	JsonbPair  *pairs = palloc(sizeof(JsonbPair) * (plan->ncolumns + 1));
	JsonbValue	object;

	appendStringInfoChar(image, '{');
	for (int i = 0; i < plan->ncolumns; i++)
	{
		ImageColumn *col = &plan->columns[i];
		bool		isnull;
		Datum		d = heap_getattr(tup, col->attnum, desc, &isnull);

		if (i > 0)
			appendBinaryStringInfo(image, ", ", 2);
		appendStringInfoString(image, col->printed_key);
		pairs[i].key.type = jbvString;
		pairs[i].key.val.string.val = col->key;
		pairs[i].key.val.string.len = col->key_len;
		pairs[i].order = i;
		if (isnull)
		{
			pairs[i].value.type = jbvNull;
			appendBinaryStringInfo(image, "null", 4);
		}
		else
			column_value(col, d, &pairs[i].value, image);
	}
	appendStringInfoChar(image, '}');

	object.type = jbvObject;
	object.val.object.nPairs = plan->ncolumns;
	object.val.object.pairs = pairs;
	return JsonbPGetDatum(JsonbValueToJsonb(&object));
}

char *
row_image(HeapTuple tup, TupleDesc desc, bool has_facts, Datum *doc)
{
	ImagePlan  *plan = image_plan(desc);
	StringInfoData image;

	if (plan == NULL)
	{
		Datum		json = DirectFunctionCall1(row_to_json, heap_copy_tuple_as_datum(tup, desc));

		*doc = DirectFunctionCall1(jsonb_in, CStringGetDatum(TextDatumGetCString(json)));
		if (has_facts)
			*doc = DirectFunctionCall2(jsonb_delete, *doc, CStringGetTextDatum("facts"));
		return DatumGetCString(DirectFunctionCall1(jsonb_out, *doc));
	}

	initStringInfo(&image);
	images_in_progress++;		/* keeps the plan while output functions run */
	PG_TRY();
	{
		*doc = planned_image(plan, tup, desc, &image);
	}
	PG_FINALLY();
	{
		images_in_progress--;
	}
	PG_END_TRY();
	return image.data;
}
