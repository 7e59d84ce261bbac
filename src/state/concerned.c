/*
 * concerned.c
 *		The organization a confidential row concerns: the provider of a
 *		service, of a registration, of an incident; the organization of an
 *		auditor.
 *
 * Read with direct index scans, as the caller's snapshot sees them: the
 * row-level security policies ask for every row they filter, the write
 * paths once per row written.  Each returns false when the row it
 * starts from does not exist.
 */
#include "postgres.h"

#include "access/table.h"

#include "state/concerned.h"
#include "store/scan_table.h"

static ScanTable service_by_id = {"cloud_services", "service_id", {"provider_id"}};
static ScanTable registration_by_id = {"service_registrations", "registration_id", {"service_id"}};
static ScanTable incident_by_id = {"incidents", "incident_id", {"registration_id"}};
static ScanTable auditor_by_id = {"auditors", "auditor_id", {"organization_id"}};
static ScanTable body_by_id = {"procuring_bodies", "body_id", {"organization_id"}};

/* The first column of the row of t whose key is id, in *value. */
static bool
column_of(ScanTable *t, int64 id, Snapshot snapshot, int64 *value)
{
	Relation	rel = scan_table_open(t);
	int			n;
	HeapTuple  *rows = rows_of(t, rel, id, snapshot, &n);
	bool		found = false;

	if (n > 0)
	{
		bool		isnull;
		Datum		d = scan_column(t, 0, rows[0], RelationGetDescr(rel), &isnull);

		if (!isnull)
		{
			*value = DatumGetInt64(d);
			found = true;
		}
	}
	table_close(rel, NoLock);
	return found;
}

bool
service_provider_of(int64 service_id, Snapshot snapshot, int64 *provider)
{
	return column_of(&service_by_id, service_id, snapshot, provider);
}

bool
registration_provider_of(int64 registration_id, Snapshot snapshot, int64 *provider)
{
	int64		service_id;

	return column_of(&registration_by_id, registration_id, snapshot, &service_id) &&
		service_provider_of(service_id, snapshot, provider);
}

bool
incident_provider_of(int64 incident_id, Snapshot snapshot, int64 *provider)
{
	int64		registration_id;

	return column_of(&incident_by_id, incident_id, snapshot, &registration_id) &&
		registration_provider_of(registration_id, snapshot, provider);
}

bool
auditor_organization_of(int64 auditor_id, Snapshot snapshot, int64 *organization)
{
	return column_of(&auditor_by_id, auditor_id, snapshot, organization);
}

bool
body_organization_of(int64 body_id, Snapshot snapshot, int64 *organization)
{
	return column_of(&body_by_id, body_id, snapshot, organization);
}
