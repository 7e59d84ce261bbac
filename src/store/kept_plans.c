/*
 * kept_plans.c
 *		How the C code runs its SQL queries.
 *
 * Every query is a kept, parameterised SPI plan whose text names every
 * table, function and operator with its schema, so that no caller's
 * search_path can change what it means.
 */
#include "postgres.h"

#include "executor/spi.h"

#include "store/kept_plans.h"

int			internal_write_depth = 0;

/* The plan of kp, prepared and kept on first use. */
SPIPlanPtr
kept_plan(KeptPlan *kp)
{
	if (kp->plan == NULL)
	{
		SPIPlanPtr	plan = SPI_prepare(kp->sql, kp->nargs, kp->argtypes);

		if (plan == NULL)
			elog(ERROR, "ismap: SPI_prepare failed (%s) for: %s",
				 SPI_result_code_string(SPI_result), kp->sql);
		if (SPI_keepplan(plan) != 0)
			elog(ERROR, "ismap: SPI_keepplan failed");
		kp->plan = plan;
	}
	return kp->plan;
}

int
kept_plan_run(KeptPlan *kp, Datum *values, const char *nulls,
			  bool read_only, long count)
{
	int			rc;

	rc = SPI_execute_plan(kept_plan(kp), values, nulls, read_only, count);
	if (rc < 0)
		elog(ERROR, "ismap: SPI_execute_plan failed (%s) for: %s",
			 SPI_result_code_string(rc), kp->sql);
	return rc;
}

/*
 * Write to a table that only the extension writes (auditors, their terms,
 * compliance reports).  The guard triggers on those tables let a write
 * through only while internal_write_depth is positive; it is restored even
 * when the write fails and the error is caught by a savepoint.
 */
int
kept_plan_write(KeptPlan *kp, Datum *values, const char *nulls, long count)
{
	int			rc;

	internal_write_depth++;
	PG_TRY();
	{
		rc = kept_plan_run(kp, values, nulls, false, count);
	}
	PG_FINALLY();
	{
		internal_write_depth--;
	}
	PG_END_TRY();
	return rc;
}


bool
spi_get_date(int row, int col, DateADT *out)
{
	bool		isnull;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc,
								  col, &isnull);

	if (!isnull)
		*out = DatumGetDateADT(d);
	return !isnull;
}

bool
spi_get_int64(int row, int col, int64 *out)
{
	bool		isnull;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc,
								  col, &isnull);

	if (!isnull)
		*out = DatumGetInt64(d);
	return !isnull;
}

/* The value as text, or NULL; in the current context (SPI_finish frees it). */
char *
spi_get_text(int row, int col)
{
	return SPI_getvalue(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, col);
}
