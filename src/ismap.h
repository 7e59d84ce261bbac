/*
 * ismap.h
 *		Shared declarations of the ismap extension: rule ids, the error
 *		helper that every refusal goes through, and the small interfaces
 *		between the source files.
 */
#ifndef ISMAP_H
#define ISMAP_H

#include "postgres.h"

#include "access/genam.h"
#include "access/htup.h"
#include "access/tupdesc.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/date.h"
#include "utils/elog.h"
#include "utils/relcache.h"

/*
 * Rule ids of rules.md.  The id is reported as the error's constraint name
 * and prefixes the message, so that psql users and client programs see it.
 */
#define RULE_AUD_APPLICATION_FLOW		"aud_application_flow"
#define RULE_AUD_VALIDITY				"aud_validity"
#define RULE_AUD_RENEWAL_GRACE			"aud_renewal_grace"
#define RULE_AUD_COMPLIANCE_REPORT		"aud_compliance_report"
#define RULE_SVC_APPLICATION_BY_PROVIDER	"svc_application_by_provider"
#define RULE_SVC_AUDIT_BY_REGISTERED_AUDITOR "svc_audit_by_registered_auditor"
#define RULE_SVC_AUDIT_KIND				"svc_audit_kind"
#define RULE_SVC_AUDIT_PERIOD			"svc_audit_period"
#define RULE_SVC_APPLICATION_FLOW		"svc_application_flow"
#define RULE_SVC_REGISTRATION_ON_APPROVAL "svc_registration_on_approval"
#define RULE_SVC_VALIDITY				"svc_validity"
#define RULE_SVC_RENEWAL_GRACE			"svc_renewal_grace"
#define RULE_SVC_RENEWAL_DEADLINE		"svc_renewal_deadline"
#define RULE_SVC_PUBLIC_LIST			"svc_public_list"
#define RULE_OVS_SUSPENSION				"ovs_suspension"
#define RULE_SEC_CONFLICT_OF_INTEREST	"sec_conflict_of_interest"
#define RULE_LIU_SCOPE					"liu_scope"
#define RULE_SEC_HISTORY				"sec_history"
/* Checks on values that rules.md takes for granted (see README). */
#define RULE_ORG_CORPORATE_NUMBER		"org_corporate_number"
#define RULE_SETTING_VALUE				"setting_value"

/*
 * Refuse a write or a call.  Every user-reachable error goes through here:
 * a SQLSTATE, the rule id as constraint name and message prefix, and the
 * detail and hint given by the caller, e.g.
 *
 *	ismap_refuse(ERRCODE_CHECK_VIOLATION, RULE_AUD_VALIDITY,
 *				 "...", errdetail(...), errhint(...));
 */
#define ismap_refuse(sqlstate, rule, message, ...) \
	ereport(ERROR, \
			(errcode(sqlstate), \
			 errmsg("%s: %s", (rule), (message)), \
			 err_generic_string(PG_DIAG_CONSTRAINT_NAME, (rule)), \
			 __VA_ARGS__))

/* ismap.c: the GUCs */
extern char *ismap_timezone_name;
extern char *ismap_today_setting;
extern char *ismap_reason;

/* today.c */
extern DateADT ismap_today(void);
extern char *ismap_date_text(DateADT day);

/* civil_period.c: the Civil Code arithmetic of svc_validity / aud_validity */
extern DateADT civil_period_end(DateADT first_day, int months,
								 const char *rule);
extern DateADT date_plus_months(DateADT day, int months);

/* settings.c */
extern int	setting_months(const char *name);
extern DateADT setting_date(const char *name);

/* registry_spi.c: kept plans, acting as the registry's owner */
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
 * The (sub)transaction a backend-local memo was made in (a lock taken, the
 * log's last row, facts read): it is trusted only there.  A subtransaction
 * that ends, committed or rolled back, changes the current one, so what a
 * rolled-back savepoint did is never trusted.
 */
typedef struct XactScope
{
	LocalTransactionId lxid;
	SubTransactionId subxid;
} XactScope;

extern bool in_xact_scope(const XactScope *scope);
extern void set_xact_scope(XactScope *scope);
extern Oid	registry_owner(void);
extern Oid	ismap_namespace(void);
extern Oid	ismap_type_oid(const char *name);

typedef struct RegistryRole
{
	Oid			saved_userid;
	int			saved_sec_context;
} RegistryRole;

extern void registry_role_enter(RegistryRole *saved);
extern void registry_role_leave(RegistryRole *saved);

/* Writes that only the extension may make (registry_guard.c) */
extern int	internal_write_depth;
extern int	kept_plan_write(KeptPlan *kp, Datum *values, const char *nulls,
							long count);

/* Helpers to read SPI results */
extern bool spi_get_date(int row, int col, DateADT *out);
extern bool spi_get_int64(int row, int col, int64 *out);
extern char *spi_get_text(int row, int col);

/* Columns of a trigger's row, by name */
extern bool tuple_get_int64(HeapTuple tup, TupleDesc desc, const char *column,
							int64 *out);
extern bool tuple_get_date(HeapTuple tup, TupleDesc desc, const char *column,
						   DateADT *out);
extern char *tuple_get_text(HeapTuple tup, TupleDesc desc, const char *column);
extern bool text_is_blank(const char *s);

/* history.c: taken by every writing trigger before it locks a row */
extern void history_lock(void);
extern void history_log_write(Relation rel, const char *const *keys, int nkeys,
							  HeapTuple before, HeapTuple after);

extern Snapshot push_statement_snapshot(void);
extern int	column_number(TupleDesc desc, const char *column);

/* keyed_rows.c: a registry table read by its bigint primary key */
typedef struct KeyedTable
{
	const char *name;			/* in schema ismap */
	Oid			relid;			/* found on first use */
} KeyedTable;

extern Relation ismap_table_open(const char *name, Oid *relid, LOCKMODE mode);
extern Relation keyed_table_open(KeyedTable *table);
extern HeapTuple keyed_row(Relation rel, const char *key, int64 id);
extern SysScanDesc ismap_index_scan(Relation rel, Oid index, Snapshot snapshot,
									int nkeys, ScanKey keys);

/*
 * A row lock the write path takes (registry_spi.c): query selects the row
 * of table whose bigint column key is $1, FOR some lock strength.
 */
typedef struct RowLock
{
	KeptPlan	query;
	KeyedTable	table;
	const char *key;
} RowLock;

extern bool row_lock(RowLock *lock, int64 id);
extern bool row_lock_read(RowLock *lock, int64 id, Relation rel, HeapTuple *row);

/* direct_insert.c: a table of schema ismap that the extension writes itself */
typedef struct DirectTable
{
	const char *name;
	const char *rule;			/* the rule id its refusals carry */
	int			ncolumns;		/* as the extension creates it */
	int			nchecks;		/* its CHECK constraints (the values satisfy them) */
	Oid			relid;			/* found on first use */
} DirectTable;

extern Relation direct_open(DirectTable *table);
extern HeapTuple direct_insert(DirectTable *table, Relation rel, Datum *values,
							   bool *nulls);
extern void direct_index_entries(const char *rule, Relation rel, HeapTuple tup);

/* Restoring a dump (registry_spi.c) */
extern bool registry_restoring(void);
extern Datum restored_row(FunctionCallInfo fcinfo);

/*
 * Trigger prologue: refuses to run on a misconfigured trigger, and counts
 * the triggers fired on auditor tables in auditor_registry_writes.
 */
extern uint64 auditor_registry_writes;

extern void trigger_check(FunctionCallInfo fcinfo, const char *funcname,
						  bool row_level, bool before);

#endif							/* ISMAP_H */
