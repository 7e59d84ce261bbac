/*
 * columns.c
 *		Columns of a row read by name, as the triggers read their rows.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "store/columns.h"

/* The label of an enum value (status_action, application_kind), palloc'd. */
char *
enum_label(Datum value)
{
	HeapTuple	tup = SearchSysCache1(ENUMOID, value);
	char	   *label;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "ismap: enum value %u is missing", DatumGetObjectId(value));
	label = pstrdup(NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel));
	ReleaseSysCache(tup);
	return label;
}


/*
 * SPI_fnumber() for the column readers below and the triggers' other
 * lookups by name, made for every row: the number found is remembered per
 * (name, table row type) and used again once the column at that number is
 * checked to have that name.  That a table has no such column is
 * remembered too (the log asks every table for "facts" and "grounds"),
 * until any relation changes.
 */
#define COLUMN_HINTS 512

static struct
{
	const char *column;
	Oid			rowtype;
	int			attnum;			/* <= 0: no such column */
}			column_hints[COLUMN_HINTS];

static void
forget_column_hints(Datum arg, Oid relid)
{
	memset(column_hints, 0, sizeof(column_hints));
}

int
column_number(TupleDesc desc, const char *column)
{
	static bool callback_registered = false;
	uint64		h = ((uint64) (uintptr_t) column ^ desc->tdtypeid) * UINT64CONST(0x9E3779B97F4A7C15);
	int			slot = (int) ((h >> 32) % COLUMN_HINTS);
	int			attnum = column_hints[slot].attnum;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(forget_column_hints, (Datum) 0);
		callback_registered = true;
	}
	if (column_hints[slot].column == column && column_hints[slot].rowtype == desc->tdtypeid)
	{
		if (attnum > 0 && attnum <= desc->natts &&
			!TupleDescAttr(desc, attnum - 1)->attisdropped &&
			strcmp(NameStr(TupleDescAttr(desc, attnum - 1)->attname), column) == 0)
			return attnum;
		if (attnum <= 0 && desc->tdtypeid != RECORDOID)
			return attnum;		/* a table's row type: changes reset the hints */
	}
	attnum = SPI_fnumber(desc, column);
	column_hints[slot].column = column;
	column_hints[slot].rowtype = desc->tdtypeid;
	column_hints[slot].attnum = attnum;
	return attnum;
}

/*
 * Columns of a trigger's row, looked up by name.  A column that the table
 * does not have reads as null.
 */
bool
tuple_get_int64(HeapTuple tup, TupleDesc desc, const char *column, int64 *out)
{
	int			attnum = column_number(desc, column);
	bool		isnull = true;
	Datum		d = (Datum) 0;

	if (attnum > 0)
		d = SPI_getbinval(tup, desc, attnum, &isnull);
	*out = isnull ? 0 : DatumGetInt64(d);
	return !isnull;
}

bool
tuple_get_date(HeapTuple tup, TupleDesc desc, const char *column, DateADT *out)
{
	int			attnum = column_number(desc, column);
	bool		isnull = true;
	Datum		d = (Datum) 0;

	if (attnum > 0)
		d = SPI_getbinval(tup, desc, attnum, &isnull);
	*out = isnull ? 0 : DatumGetDateADT(d);
	return !isnull;
}

/*
 * The column's value as text (enum labels included), or NULL.  Text,
 * bigints and enum labels are printed directly (as their output functions
 * print them); other types go through their output function.
 */
char *
tuple_get_text(HeapTuple tup, TupleDesc desc, const char *column)
{
	int			attnum = column_number(desc, column);
	Oid			type;
	bool		isnull;
	Datum		d;

	if (attnum <= 0)
		return NULL;
	d = heap_getattr(tup, attnum, desc, &isnull);
	if (isnull)
		return NULL;
	type = TupleDescAttr(desc, attnum - 1)->atttypid;
	if (type == TEXTOID)
		return TextDatumGetCString(d);
	if (type == INT8OID)
	{
		char		buf[MAXINT8LEN + 1];

		pg_lltoa(DatumGetInt64(d), buf);
		return pstrdup(buf);
	}
	if (lookup_type_cache(type, 0)->typtype == TYPTYPE_ENUM)
		return enum_label(d);
	return SPI_getvalue(tup, desc, attnum);
}
