/*
 * errors.h
 *		Rule ids, and the error helper that every refusal goes through.
 */
#ifndef ISMAP_ERRORS_H
#define ISMAP_ERRORS_H

#include "postgres.h"

#include "utils/elog.h"

/*
 * Rule ids of rules.md.  The id is reported as the error's constraint name
 * and prefixes the message, so that psql users and client programs see it.
 */
#define RULE_AUD_APPLICATION_FLOW		"aud_application_flow"
#define RULE_AUD_VALIDITY				"aud_validity"
#define RULE_AUD_RENEWAL_GRACE			"aud_renewal_grace"
#define RULE_AUD_COMPLIANCE_REPORT		"aud_compliance_report"
#define RULE_AUD_PUBLIC_LIST			"aud_public_list"
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
#define RULE_SVC_INCIDENT_REPORT		"svc_incident_report"
#define RULE_SVC_CHANGE_NOTICE			"svc_change_notice"
#define RULE_AUD_CHANGE_NOTICE			"aud_change_notice"
#define RULE_OVS_MONITORING				"ovs_monitoring"
#define RULE_OVS_REAUDIT				"ovs_reaudit"
#define RULE_OVS_REAPPLICATION			"ovs_reapplication"
#define RULE_OVS_SUSPENSION				"ovs_suspension"
#define RULE_SEC_CONFLICT_OF_INTEREST	"sec_conflict_of_interest"
#define RULE_SEC_ROLE_AUTHORITY			"sec_role_authority"
#define RULE_SEC_CONFIDENTIAL			"sec_confidential"
#define RULE_LIU_SCOPE					"liu_scope"
#define RULE_LIU_LIST					"liu_list"
#define RULE_USE_PROCURE_FROM_LIST		"use_procure_from_list"
#define RULE_USE_PROCURER_SCOPE			"use_procurer_scope"
#define RULE_SEC_HISTORY				"sec_history"
/* Checks on values that rules.md takes for granted (see README). */
#define RULE_ORG_CORPORATE_NUMBER		"org_corporate_number"
#define RULE_SETTING_VALUE				"setting_value"
#define RULE_FACTS_VALUE				"facts_value"
/* The arguments of the list exports (list_json, list_csv, list_digest). */
#define RULE_LIST_EXPORT				"list_export"

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

#endif							/* ISMAP_ERRORS_H */
