# ismap: PGXS build.  The extension's version comes from ismap.control only.
PG_CONFIG ?= pg_config

EXTENSION   = ismap
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big  = ismap
OBJS = \
	src/ismap.o \
	src/today.o \
	src/civil_period.o \
	src/settings.o \
	src/corporate_number.o \
	src/registry_spi.o \
	src/references.o \
	src/listing_status.o \
	src/registration_facts.o \
	src/facts_scan.o \
	src/applicant_scan.o \
	src/registration_rows.o \
	src/keyed_rows.o \
	src/auditor_status.o \
	src/application_flow.o \
	src/auditor_applications.o \
	src/status_changes.o \
	src/compliance_reports.o \
	src/registry_guard.o \
	src/cloud_services.o \
	src/audits.o \
	src/registration_number.o \
	src/service_applications.o \
	src/service_status.o \
	src/facts_cache.o \
	src/list_spans.o \
	src/history.o \
	src/row_image.o \
	src/direct_insert.o \
	src/corrections.o

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
	list_changed_notify
ISOLATION_OPTS = --inputdir=test/isolation

PG_CPPFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
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

# Every object depends on the shared headers (PGXS tracks no header changes).
$(OBJS): $(wildcard src/*.h)
