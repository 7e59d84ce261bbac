/*
 * labels.c
 *		How refusals name the registry's things: as the registry and its
 *		users do (registration numbers, names, 法人番号), with the id
 *		after them for the SQL that follows.
 *
 * Only refusals call these, so each reads its row with a query of its own,
 * as the registry's owner (the writer may not read the row it names).
 * They are called among the arguments of ereport(), after errstart(), as
 * PostgreSQL's own messages call format_type_be() or get_rel_name(): a
 * report under construction allows other work, and should the query fail,
 * its error replaces the refusal.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"

#include "rules/labels.h"
#include "state/listing_status.h"
#include "store/kept_plans.h"
#include "store/registry.h"

/*
 * Run 'kp' with id as $1 and return its one text column, formatted with
 * 'format' (one %s), or 'fallback' if no row: in the caller's context.
 */
static char *
label_of(KeptPlan *kp, int64 id, const char *fallback)
{
	MemoryContext caller = CurrentMemoryContext;
	Datum		arg = Int64GetDatum(id);
	RegistryRole role;
	char	   *found = NULL;

	SPI_connect();
	registry_role_enter(&role);
	kept_plan_run(kp, &arg, NULL, true, 1);
	registry_role_leave(&role);
	if (SPI_processed == 1 && spi_get_text(0, 1) != NULL)
		found = MemoryContextStrdup(caller, spi_get_text(0, 1));
	SPI_finish();
	return found ? found : pstrdup(fallback);
}

/* "A24-0010 (架空監査法人あかつき, auditor_id 10)" */
char *
auditor_label(int64 auditor_id)
{
	static KeptPlan kp = {
		"SELECT a.registration_number OPERATOR(pg_catalog.||) ' ('"
		" OPERATOR(pg_catalog.||) o.name OPERATOR(pg_catalog.||) ', auditor_id '"
		" OPERATOR(pg_catalog.||) a.auditor_id OPERATOR(pg_catalog.||) ')'"
		" FROM ismap.auditors a JOIN ismap.organizations o"
		" ON o.organization_id OPERATOR(pg_catalog.=) a.organization_id"
		" WHERE a.auditor_id OPERATOR(pg_catalog.=) $1",
		1, {INT8OID}
	};

	return label_of(&kp, auditor_id, psprintf("auditor_id %lld", (long long) auditor_id));
}

/* "C24-0071-1 (架空グループウェア, registration_id 5)" */
char *
registration_label(int64 registration_id)
{
	static KeptPlan kp = {
		"SELECT r.registration_number OPERATOR(pg_catalog.||) ' ('"
		" OPERATOR(pg_catalog.||) s.name OPERATOR(pg_catalog.||) ', registration_id '"
		" OPERATOR(pg_catalog.||) r.registration_id OPERATOR(pg_catalog.||) ')'"
		" FROM ismap.service_registrations r JOIN ismap.cloud_services s"
		" ON s.service_id OPERATOR(pg_catalog.=) r.service_id"
		" WHERE r.registration_id OPERATOR(pg_catalog.=) $1",
		1, {INT8OID}
	};

	return label_of(&kp, registration_id,
					psprintf("registration_id %lld", (long long) registration_id));
}

/* "架空グループウェア (service_id 3)" */
char *
service_label(int64 service_id)
{
	static KeptPlan kp = {
		"SELECT s.name OPERATOR(pg_catalog.||) ' (service_id '"
		" OPERATOR(pg_catalog.||) s.service_id OPERATOR(pg_catalog.||) ')'"
		" FROM ismap.cloud_services s"
		" WHERE s.service_id OPERATOR(pg_catalog.=) $1",
		1, {INT8OID}
	};

	return label_of(&kp, service_id, psprintf("service_id %lld", (long long) service_id));
}

/* "架空監査法人あかつき (法人番号 1999900000001, organization_id 1)" */
char *
organization_label(int64 organization_id)
{
	static KeptPlan kp = {
		"SELECT o.name OPERATOR(pg_catalog.||) ' (法人番号 '"
		" OPERATOR(pg_catalog.||) o.corporate_number OPERATOR(pg_catalog.||) ', organization_id '"
		" OPERATOR(pg_catalog.||) o.organization_id OPERATOR(pg_catalog.||) ')'"
		" FROM ismap.organizations o"
		" WHERE o.organization_id OPERATOR(pg_catalog.=) $1",
		1, {INT8OID}
	};

	return label_of(&kp, organization_id,
					psprintf("organization_id %lld", (long long) organization_id));
}

/* The registration a FactQueries names, by its kind ("auditor", "registration"). */
char *
fact_subject_label(const char *noun, int64 id)
{
	return strcmp(noun, "auditor") == 0 ?
		psprintf("auditor %s", auditor_label(id)) :
		psprintf("registration %s", registration_label(id));
}

/* What a registration was on a day, as a phrase: "was suspended", "had expired". */
const char *
standing_phrase(int status)
{
	switch ((ListingStatus) status)
	{
		case LISTING_NONE:
			return "was not yet registered";
		case LISTING_VALID:
			return "was valid";
		case LISTING_RENEWAL_PENDING:
			return "was in renewal grace";
		case LISTING_SUSPENDED:
			return "was suspended";
		case LISTING_EXPIRED:
			return "had expired";
		case LISTING_REMOVED:
			return "had been removed";
	}
	return "was in an unknown state";
}
