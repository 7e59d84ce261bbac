/*
 * audits.h
 *		Audits of cloud services, as the service rules read them.
 */
#ifndef AUDITS_H
#define AUDITS_H

#include "postgres.h"

#include "utils/date.h"

typedef struct Audit
{
	int64		audit_id;
	int64		service_id;
	int64		auditor_id;
	bool		operating;		/* includes the operating-effectiveness assessment */
	DateADT		period_start;
	DateADT		period_end;
	DateADT		reported_on;
} Audit;

extern bool audit_load(int64 audit_id, Audit *audit);
extern int64 check_audit_by_registered_auditor(const Audit *audit);
extern int64 service_provider(int64 service_id);

#endif							/* AUDITS_H */
