/*
 * organization_recorded.c
 *		The organization a new row refers to is recorded, and stays while
 *		the row does.
 *
 * A service's provider, a procuring body's organization, a role mapping's
 * organization: each is read and locked FOR KEY SHARE before the row is
 * written, as a declared foreign key would (rules/references.c refuses the
 * organization's delete while the row is there).  The read runs as the
 * registry, so a role that may not read organizations can still refer to
 * one it was given.
 */
#include "postgres.h"

#include "executor/spi.h"

#include "base/errors.h"
#include "rules/organization_recorded.h"
#include "store/registry.h"
#include "store/row_locks.h"

/*
 * Refuse (23503, 'rule') unless organization 'organization' is recorded;
 * 'message' says what the row needs, 'hint' what to do.
 */
void
require_organization_recorded(int64 organization, const char *rule,
							  const char *message, const char *hint)
{
	RegistryRole registry;
	bool		recorded;

	SPI_connect();
	registry_role_enter(&registry);
	recorded = organization_lock(organization);
	registry_role_leave(&registry);
	SPI_finish();
	if (!recorded)
		ismap_refuse(ERRCODE_FOREIGN_KEY_VIOLATION, rule, message,
					 errdetail("There is no organization %lld.", (long long) organization),
					 errhint("%s", hint));
}
