/*
 * kept_plans.h
 *		Kept, schema-qualified SPI plans and their results (kept_plans.c).
 */
#ifndef ISMAP_KEPT_PLANS_H
#define ISMAP_KEPT_PLANS_H

#include "postgres.h"

#include "executor/spi.h"
#include "utils/date.h"

typedef struct KeptPlan
{
	const char *sql;
	int			nargs;
	Oid			argtypes[12];
	SPIPlanPtr	plan;
} KeptPlan;

extern SPIPlanPtr kept_plan(KeptPlan *kp);
extern int	kept_plan_run(KeptPlan *kp, Datum *values, const char *nulls,
						  bool read_only, long count);

/*
 * Writes that only the extension may make: the guard triggers let them
 * through while internal_write_depth is positive.
 */
extern int	internal_write_depth;
extern int	kept_plan_write(KeptPlan *kp, Datum *values, const char *nulls,
							long count);

/* Values of the last SPI result */
extern bool spi_get_date(int row, int col, DateADT *out);
extern bool spi_get_int64(int row, int col, int64 *out);
extern char *spi_get_text(int row, int col);

#endif							/* ISMAP_KEPT_PLANS_H */
