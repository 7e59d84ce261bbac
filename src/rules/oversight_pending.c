/*
 * oversight_pending.c
 *		TEMPORARY, during the work on issue 15: the entry points of
 *		src/sql/75_oversight.sql not yet written.  Each is removed from here
 *		as its real file lands; this file does not ship.
 */
#include "postgres.h"

#include "fmgr.h"

#include "base/errors.h"

#define PENDING(fn) \
	PG_FUNCTION_INFO_V1(fn); \
	Datum fn(PG_FUNCTION_ARGS) \
	{ \
		ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED), \
						errmsg("%s is not written yet", #fn))); \
		PG_RETURN_NULL(); \
	}

PENDING(ismap_incidents_check)
PENDING(ismap_incident_report_due)
PENDING(ismap_investigations_check)
PENDING(ismap_demands_check)
PENDING(ismap_demand_status)
