#!/usr/bin/env bash
# Upgrade from 0.1.0 (README, "Upgrading"): a registry installed as 0.1.0
# and updated with ALTER EXTENSION ismap UPDATE keeps its data and its lists,
# and ends in exactly what a fresh CREATE EXTENSION ismap gives.
#
# Runs against the server the PG* environment names, as a superuser (inside
# pg_virtualenv, from scripts/run-suites), with this tree installed.  It
# installs the released 0.1.0 script into a new UTF8 database, loads the
# demo registry (demo/auditors.sql, then demo/services.sql), records the
# row counts, the sequences, the settings and the public lists on days
# across the demo's history, runs ALTER EXTENSION ismap UPDATE and checks
# all of them again.  Then it installs the current version into a second
# database and compares the two catalogs twice, independently:
# test/upgrade_catalog.sql (the extension's objects as sorted facts) and
# pg_dump --schema-only --binary-upgrade (every member dumped one by one).
# One line per check, "ok - ..." or "not ok - ...", then "N passed, M
# failed".  Exits non-zero if a check fails.  Both databases are dropped at
# the end.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export PGCLIENTENCODING=UTF8   # the registry speaks Japanese

FROM_VERSION=0.1.0
TO_VERSION=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" ismap.control)
UPGRADED=ismap_upgrade_from_${FROM_VERSION//./_}
FRESH=ismap_upgrade_fresh
RESTORED=ismap_upgrade_restored
WORK=$(mktemp -d /tmp/ismap_upgrade.XXXXXX)
LOG=$WORK/log
passed=0
failed=0

cleanup() {
  dropdb --if-exists "$UPGRADED" >/dev/null 2>&1
  dropdb --if-exists "$FRESH" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() {
  echo "not ok - $1"
  failed=$((failed + 1))
  if [ -s "$LOG" ]; then sed 's/^/#   /' "$LOG"; fi
}
summary() { echo "$passed passed, $failed failed"; }

# step NAME COMMAND...: a preparation step; the suite stops if it fails.
step() {
  local name=$1
  shift
  if "$@" >"$LOG" 2>&1; then
    ok "$name"
  else
    not_ok "$name"
    summary
    exit 1
  fi
}

# q DB SQL: the query's result, unaligned, without headers.
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2" 2>"$LOG"; }

# expect NAME DB SQL EXPECTED: the query's result in DB is EXPECTED.
expect() {
  local name=$1 db=$2 sql=$3 want=$4 got
  if got=$(q "$db" "$sql") && [ "$got" = "$want" ]; then
    ok "$name"
  else
    echo "not ok - $name"
    echo "#   expected: $want"
    echo "#   got:      ${got:-(nothing)}"
    [ -s "$LOG" ] && sed 's/^/#   /' "$LOG"
    failed=$((failed + 1))
  fi
}

# same_files NAME CONTEXT A B: files A and B, both non-empty, are
# identical; else the start of their diff, with CONTEXT lines around each
# difference.
same_files() {
  local name=$1 context=$2 a=$3 b=$4
  if [ -s "$a" ] && cmp -s "$a" "$b"; then
    ok "$name ($(wc -l <"$a") lines)"
  else
    echo "not ok - $name"
    diff -U "$context" --label "$UPGRADED" --label "$FRESH" "$a" "$b" | head -40 | sed 's/^/#   /'
    failed=$((failed + 1))
  fi
}

# installed_as_shipped FILE: the server's copy of FILE (in its share
# directory) is this tree's.  Another checkout installing over it would make
# this test compare the wrong scripts.
installed_as_shipped() {
  local theirs
  theirs=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -d postgres -c "
    SELECT md5(pg_read_file(setting || '/extension/$1')) FROM pg_config WHERE name = 'SHAREDIR'") &&
    [ "$theirs" = "$(md5sum <"$1" | cut -d' ' -f1)" ]
}

# The facts the update must keep: a name and a query each, recorded before
# the update and compared after it.  A query answers "<summary>" or
# "<summary>, md5 <digest>"; the ok line shows the summary.
kept_names=()
kept_queries=()
keep() { kept_names+=("$1"); kept_queries+=("$2"); }

record_kept() {
  local i
  for i in "${!kept_queries[@]}"; do
    q "$UPGRADED" "${kept_queries[$i]}" >"$WORK/before.$i" || return 1
  done
}

# list_digest FROM [COLUMNS]: the rows of FROM (a list or a view), counted
# and hashed: the whole rows, or the columns named (those 0.1.0 had, where
# 0.2.0 adds some).
list_digest() {
  local row="l::text"
  [ $# -gt 1 ] && row="ROW($2)::text"
  printf '%s\n' "SELECT count(*) || ' entries, md5 ' || md5(coalesce(string_agg($row, E'\n' ORDER BY $row), ''))
                   FROM $1 l"
}

# The columns of the cloud service list in 0.1.0 (0.2.0 adds the provider's
# and the auditor's English names after them).
CLOUD_LIST_0_1_0="l.registration_id, l.registration_number, l.service_id, l.service_name,
  l.service_name_en, l.provider_name, l.provider_corporate_number, l.statement_scope,
  l.service_model, l.registered_on, l.audit_period_start, l.audit_period_end,
  l.valid_until, l.auditor_name, l.auditor_registration_number, l.status"
# The change lists' columns but the reason: 0.2.0 no longer gives the grounds
# of a suspension or removal there (they are not public).
CHANGES_BUT_REASON="l.registration_number, l.change, l.old_status, l.new_status,
  l.old_valid_until, l.new_valid_until"

dropdb --if-exists "$UPGRADED" >/dev/null 2>&1
dropdb --if-exists "$FRESH" >/dev/null 2>&1
dropdb --if-exists "$RESTORED" >/dev/null 2>&1

step "the server's ismap--$FROM_VERSION.sql is the one this tree ships" \
  installed_as_shipped "ismap--$FROM_VERSION.sql"
step "the server's ismap--$FROM_VERSION--$TO_VERSION.sql is the one this tree ships" \
  installed_as_shipped "ismap--$FROM_VERSION--$TO_VERSION.sql"

#
# A registry that has lived under 0.1.0: the demo, loaded as the demo does.
#
step "create database $UPGRADED (UTF8)" \
  createdb --encoding=UTF8 --locale=C --template=template0 "$UPGRADED"
step "CREATE EXTENSION ismap VERSION '$FROM_VERSION'" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$UPGRADED" -c "CREATE EXTENSION ismap VERSION '$FROM_VERSION'"
step "load demo/auditors.sql" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$UPGRADED" -f demo/auditors.sql
step "load demo/services.sql" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$UPGRADED" -f demo/services.sql
expect "verify_history() returns no row before the update" "$UPGRADED" \
  "SELECT coalesce(string_agg(seq || ': ' || problem, '; '), 'no row') FROM ismap.verify_history()" "no row"

#
# What the update must keep: every registry table's rows, the log, the
# sequences, the settings, and the public lists on days from the scheme's
# first year to a day after the demo's last one.
#
tables=$(q "$UPGRADED" "SELECT c.relname FROM pg_class c
                         WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind IN ('r', 'p')
                           AND c.relname <> 'history'
                         ORDER BY c.relname")
if [ -z "$tables" ]; then
  not_ok "list the registry tables of $UPGRADED"
  summary
  exit 1
fi
# The settings and sequences that 0.1.0 had: the update adds its own
# defaults (and the new tables their identity sequences), and keeps these.
settings_0_1_0=$(q "$UPGRADED" "SELECT string_agg(quote_literal(name), ',' ORDER BY name) FROM ismap.setting_defaults")
sequences_0_1_0=$(q "$UPGRADED" "SELECT string_agg(quote_literal(sequencename), ',' ORDER BY sequencename)
                                   FROM pg_sequences WHERE schemaname = 'ismap'")
for t in $tables; do
  if [ "$t" = setting_defaults ]; then
    keep "table ismap.$t" "SELECT count(*) || ' rows' FROM ismap.$t WHERE name IN ($settings_0_1_0)"
  else
    keep "table ismap.$t" "SELECT count(*) || ' rows' FROM ismap.$t"
  fi
done
# The log's rows are never rewritten: the same count and the same last link.
keep "the history" \
  "SELECT count(*) || ' rows, md5 ' || md5((SELECT seq || ' ' || encode(hash, 'hex')
                                              FROM ismap.history ORDER BY seq DESC LIMIT 1))
     FROM ismap.history"
keep "the sequences of schema ismap" \
  "SELECT count(*) || ' sequences, md5 '
          || md5(string_agg(sequencename || ' ' || coalesce(last_value::text, '-'), ',' ORDER BY sequencename))
     FROM pg_sequences WHERE schemaname = 'ismap' AND sequencename IN ($sequences_0_1_0)"
keep "ismap.settings" \
  "SELECT count(*) || ' settings, md5 ' || md5(string_agg(s::text, E'\n' ORDER BY s.name))
     FROM ismap.settings s WHERE s.name IN ($settings_0_1_0)"
for day in 2021-06-01 2023-01-01 2024-04-01 2025-07-01 2026-11-01 2027-06-01; do
  keep "auditor_list_at('$day')" "$(list_digest "ismap.auditor_list_at('$day')")"
  keep "cloud_service_list_at('$day')" "$(list_digest "ismap.cloud_service_list_at('$day')" "$CLOUD_LIST_0_1_0")"
done
# As known now: the lists rebuilt from the log's row images.
keep "auditor_list_at('2024-04-01', now())" "$(list_digest "ismap.auditor_list_at('2024-04-01', now())")"
keep "cloud_service_list_at('2024-04-01', now())" \
  "$(list_digest "ismap.cloud_service_list_at('2024-04-01', now())" "$CLOUD_LIST_0_1_0")"
keep "cloud_service_list_periods" \
  "$(list_digest ismap.cloud_service_list_periods "$CLOUD_LIST_0_1_0, l.listed_from, l.listed_until")"
keep "auditor_list_changes('2023-04-01', '2024-10-01')" \
  "$(list_digest "ismap.auditor_list_changes('2023-04-01', '2024-10-01')" "$CHANGES_BUT_REASON")"
keep "cloud_service_list_changes('2024-04-01', '2025-04-01')" \
  "$(list_digest "ismap.cloud_service_list_changes('2024-04-01', '2025-04-01')" "$CHANGES_BUT_REASON")"
keep "upcoming_expiries('6 months', '2026-06-01')" \
  "$(list_digest "ismap.upcoming_expiries('6 months', '2026-06-01')")"
keep "overdue_items('2026-11-01')" "$(list_digest "ismap.overdue_items('2026-11-01')")"
step "record ${#kept_queries[@]} results before the update" record_kept

#
# The update.
#
step "ALTER EXTENSION ismap UPDATE" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$UPGRADED" -c 'ALTER EXTENSION ismap UPDATE'
expect "$UPGRADED is at version $TO_VERSION" "$UPGRADED" \
  "SELECT extversion FROM pg_extension WHERE extname = 'ismap'" "$TO_VERSION"
expect "verify_history() returns no row after the update" "$UPGRADED" \
  "SELECT coalesce(string_agg(seq || ': ' || problem, '; '), 'no row') FROM ismap.verify_history()" "no row"
for i in "${!kept_queries[@]}"; do
  before=$(cat "$WORK/before.$i")
  if after=$(q "$UPGRADED" "${kept_queries[$i]}") && [ "$after" = "$before" ]; then
    ok "${kept_names[$i]} unchanged by the update (${before%%, md5*})"
  else
    echo "not ok - ${kept_names[$i]} unchanged by the update"
    echo "#   before: $before"
    echo "#   after:  ${after:-(nothing)}"
    [ -s "$LOG" ] && sed 's/^/#   /' "$LOG"
    failed=$((failed + 1))
  fi
done

#
# A fresh install of the current version.
#
step "create database $FRESH (UTF8)" \
  createdb --encoding=UTF8 --locale=C --template=template0 "$FRESH"
step "CREATE EXTENSION ismap" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$FRESH" -c 'CREATE EXTENSION ismap'
expect "$FRESH is at version $TO_VERSION" "$FRESH" \
  "SELECT extversion FROM pg_extension WHERE extname = 'ismap'" "$TO_VERSION"

#
# The upgraded catalog is the fresh one.
#
for db in "$UPGRADED" "$FRESH"; do
  step "list the catalog of the extension in $db (test/upgrade_catalog.sql)" \
    psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" -f test/upgrade_catalog.sql -o "$WORK/catalog.$db"
done
# Each fact names its object, so the facts that differ are shown alone.
same_files "the catalog of the extension is the same after the update as after a fresh install" 0 \
  "$WORK/catalog.$UPGRADED" "$WORK/catalog.$FRESH"

# pg_dump in binary-upgrade mode dumps the extension's members one by one
# (CREATE ..., ALTER EXTENSION ismap ADD ...).  Left out, line by line, are
# what a database assigns for itself: \restrict and \unrestrict carry a
# random key; binary_upgrade_set_next_* calls carry OIDs, relfilenodes and
# column versions; binary_upgrade_create_empty_extension the OIDs of the
# configuration tables (test/upgrade_catalog.sql compares them by name);
# each table's relfrozenxid and relminmxid are set by an UPDATE of pg_class
# by OID; and setval() carries a sequence's position, which is data (the
# sequences are compared above).
schema_dump() {
  pg_dump --schema-only --binary-upgrade -d "$1" >"$WORK/dump.raw" &&
    grep -v -E -e '^\\(un)?restrict ' \
               -e '^SELECT pg_catalog\.binary_upgrade_(set_next_|create_empty_extension\()' \
               -e "^SET relfrozenxid = '[0-9]+', relminmxid = '[0-9]+'$" \
               -e "^WHERE oid = '[0-9]+';$" \
               -e '^SELECT pg_catalog\.setval\(' \
               "$WORK/dump.raw" >"$WORK/dump.$1"
}
for db in "$UPGRADED" "$FRESH"; do
  step "pg_dump --schema-only --binary-upgrade $db" schema_dump "$db"
done
same_files "pg_dump --schema-only --binary-upgrade is the same after the update as after a fresh install" 3 \
  "$WORK/dump.$UPGRADED" "$WORK/dump.$FRESH"

#
# A dump of the updated registry restores into a fresh install: pg_restore
# creates the extension at the current version, then loads the dumped rows
# (a superuser's COPY restores them as recorded history).
#
step "pg_dump -Fc of the updated $UPGRADED" pg_dump -Fc -d "$UPGRADED" -f "$WORK/upgraded.dump"
step "create database $RESTORED (UTF8)" \
  createdb --encoding=UTF8 --locale=C --template=template0 "$RESTORED"
step "pg_restore into $RESTORED" pg_restore --exit-on-error -d "$RESTORED" "$WORK/upgraded.dump"
expect "verify_history() returns no row in the restored database" "$RESTORED" \
  "SELECT coalesce(string_agg(seq || ': ' || problem, '; '), 'no row') FROM ismap.verify_history()" "no row"
for i in "${!kept_queries[@]}"; do
  before=$(cat "$WORK/before.$i")
  if after=$(q "$RESTORED" "${kept_queries[$i]}") && [ "$after" = "$before" ]; then
    ok "${kept_names[$i]} as before the update, once restored (${before%%, md5*})"
  else
    echo "not ok - ${kept_names[$i]} as before the update, once restored"
    echo "#   before:   $before"
    echo "#   restored: ${after:-(nothing)}"
    [ -s "$LOG" ] && sed 's/^/#   /' "$LOG"
    failed=$((failed + 1))
  fi
done

summary
[ "$failed" = 0 ]
