# ismap: PGXS build.  The extension's version comes from ismap.control only.
PG_CONFIG ?= pg_config

EXTENSION   = ismap
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big  = ismap
# One folder per layer, from the bottom up (README, "Layout").
OBJS = \
	src/base/invisible_text.o \
	src/base/module.o \
	src/base/today.o \
	src/base/trigger_check.o \
	src/base/xact_scope.o \
	src/store/columns.o \
	src/store/direct_writes.o \
	src/store/kept_plans.o \
	src/store/keyed_rows.o \
	src/store/registry.o \
	src/store/restore.o \
	src/store/row_locks.o \
	src/store/scan_table.o \
	src/store/tables.o \
	src/log/correction_reason.o \
	src/log/history.o \
	src/log/row_image.o \
	src/state/acting_role.o \
	src/state/applicant_scan.o \
	src/state/auditor_status.o \
	src/state/civil_period.o \
	src/state/concerned.o \
	src/state/declared_interests.o \
	src/state/demand_status.o \
	src/state/fact_tables.o \
	src/state/facts_copy.o \
	src/state/facts_due.o \
	src/state/facts_refresh.o \
	src/state/facts_scan.o \
	src/state/incident_due.o \
	src/state/list_args.o \
	src/state/list_export.o \
	src/state/list_spans.o \
	src/state/listing_status.o \
	src/state/notice_due.o \
	src/state/registered_on.o \
	src/state/registration_facts.o \
	src/state/registration_standing.o \
	src/state/service_status.o \
	src/state/settings.o \
	src/rules/application_flow.o \
	src/rules/auditor_applications.o \
	src/rules/audits.o \
	src/rules/authority.o \
	src/rules/change_notices.o \
	src/rules/cloud_services.o \
	src/rules/compliance_reports.o \
	src/rules/confidential.o \
	src/rules/corporate_number.o \
	src/rules/corrections.o \
	src/rules/demand_grounds.o \
	src/rules/demands.o \
	src/rules/incidents.o \
	src/rules/interests.o \
	src/rules/investigations.o \
	src/rules/labels.o \
	src/rules/liu.o \
	src/rules/organization_recorded.o \
	src/rules/past_decisions.o \
	src/rules/procurements.o \
	src/rules/procurer_scope.o \
	src/rules/procuring_bodies.o \
	src/rules/reapplications.o \
	src/rules/references.o \
	src/rules/registration_number.o \
	src/rules/registration_rows.o \
	src/rules/registry_guard.o \
	src/rules/role_organizations.o \
	src/rules/scheme_start.o \
	src/rules/service_applications.o \
	src/rules/settings_writes.o \
	src/rules/status_changes.o

# The script of the current version is assembled from readable sources, in
# file-name order (make clean removes it, as every DATA_built file).  The
# released versions' scripts and the upgrade scripts are shipped as committed
# (README, "Upgrading").
SCRIPT_SOURCES = $(sort $(wildcard src/sql/*.sql))
DATA_built  = $(EXTENSION)--$(EXTVERSION).sql
DATA        = $(EXTENSION)--0.1.0.sql $(EXTENSION)--0.1.0--0.2.0.sql

# pg_regress: a tour of the registry, one behaviour per file.
REGRESS = \
	foundation \
	corporate_number \
	auditor_lifecycle \
	auditor_renewal \
	auditor_status_changes \
	compliance_reports \
	service_lifecycle \
	service_renewal \
	service_status_changes \
	history \
	privileges \
	drop_extension
REGRESS_OPTS = --inputdir=.

# Isolation specs: races between two writers.
ISOLATION = \
	decide_same_application \
	renewal_races_removal \
	two_new_applications \
	two_service_renewals \
	service_renewal_races_suspension \
	audit_races_auditor_removal \
	history_concurrent_writers \
	service_delete_races_audit \
	list_changed_notify \
	demand_fulfilled_races_suspension \
	notice_races_approval \
	incident_reports_race \
	log_lock_unprivileged \
	interest_declared_during_decision
ISOLATION_OPTS = --inputdir=test/isolation

PG_CPPFLAGS = -I$(srcdir)/src -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
ifdef WERROR
PG_CPPFLAGS += -Werror
endif

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(SCRIPT_SOURCES) $(EXTENSION).control
	cat $(SCRIPT_SOURCES) > $@

# pgTAP suites (test/pgtap/*.sql), run by pg_prove against an installed server.
.PHONY: prove
prove:
	pg_prove --ext .sql --failures test/pgtap/

# Every object depends on the headers (PGXS tracks no header changes).
$(OBJS): $(wildcard src/*/*.h)
