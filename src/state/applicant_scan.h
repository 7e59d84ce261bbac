/*
 * applicant_scan.h
 *		What the rules ask about an applicant (a cloud service, or an
 *		organization applying to be an auditor), found by the applicant's
 *		id with direct index scans (applicant_scan.c).
 */
#ifndef ISMAP_APPLICANT_SCAN_H
#define ISMAP_APPLICANT_SCAN_H

#include "postgres.h"

#include "utils/date.h"

#include "state/fact_tables.h"
#include "store/scan_table.h"

typedef struct ApplicantTables
{
	ScanTable	registrations;	/* its registrations: id, registered_on */
	ScanTable	applications;	/* its applications: as FactTables.applications */
	FactTables *renewals_of;	/* whose applications are found by registration */
} ApplicantTables;

enum
{
	APPLICANT_REG_ID, APPLICANT_REG_ON
};

typedef struct ApplicantRegistration
{
	int64		id;
	DateADT		registered_on;
} ApplicantRegistration;

extern ApplicantTables service_applicant_tables;
extern ApplicantTables auditor_applicant_tables;

extern int	applicant_registrations(ApplicantTables *t, int64 applicant,
									ApplicantRegistration **out);
extern bool open_application_exists(ApplicantTables *t, bool renewal, int64 key,
									DateADT day);

#endif							/* ISMAP_APPLICANT_SCAN_H */
