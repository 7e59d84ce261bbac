#!/usr/bin/env bash
# Dump and restore round trip (README, "Operations"): the registry survives
# pg_dump -Fc and pg_restore whole, with its decision log, and the restore
# writes nothing to the log.
#
# Runs against the server the PG* environment names, as a superuser (inside
# pg_virtualenv, from scripts/run-suites).  It loads the demo registry
# (demo/auditors.sql, demo/services.sql, demo/oversight.sql, the demo's
# login roles and their organizations) into a new UTF8 database, makes
# one correction and changes one setting, dumps the database, restores the
# dump with a plain pg_restore into a second database (a superuser's COPY
# restores rows as recorded history: no rule replayed, nothing logged), then
# compares the two.
# One line per check, "ok - ..." or "not ok - ...", then "N passed, M
# failed".  Exits non-zero if a check fails.  Both databases are dropped at
# the end.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export PGCLIENTENCODING=UTF8   # the registry speaks Japanese

SOURCE=ismap_dump_source
RESTORED=ismap_dump_restored
DUMP=$(mktemp /tmp/ismap_dump.XXXXXX)
LOG=$(mktemp /tmp/ismap_dump_log.XXXXXX)
passed=0
failed=0

cleanup() {
  dropdb --if-exists "$SOURCE" >/dev/null 2>&1
  dropdb --if-exists "$RESTORED" >/dev/null 2>&1
  rm -f "$DUMP" "$LOG"
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

# same NAME SQL: the query gives the same, non-empty result in both databases.
same() {
  local name=$1 sql=$2 a b
  a=$(q "$SOURCE" "$sql") || { not_ok "$name (query failed on $SOURCE)"; return; }
  b=$(q "$RESTORED" "$sql") || { not_ok "$name (query failed on $RESTORED)"; return; }
  if [ -n "$a" ] && [ "$a" = "$b" ]; then
    ok "$name"
  else
    : >"$LOG"
    echo "not ok - $name"
    echo "#   $SOURCE:   ${a:-(nothing)}" | head -5
    echo "#   $RESTORED: ${b:-(nothing)}" | head -5
    failed=$((failed + 1))
  fi
}

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

dropdb --if-exists "$SOURCE" >/dev/null 2>&1
dropdb --if-exists "$RESTORED" >/dev/null 2>&1

#
# The registry to dump: the demo, one correction, one setting.
#
step "create database $SOURCE (UTF8)" \
  createdb --encoding=UTF8 --locale=C --template=template0 "$SOURCE"
step "CREATE EXTENSION ismap" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE" -c 'CREATE EXTENSION ismap'
step "load demo/auditors.sql" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE" -f demo/auditors.sql
step "load demo/services.sql" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE" -f demo/services.sql
step "load demo/oversight.sql" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE" -f demo/oversight.sql
# roles belong to the cluster: made once, whichever suite loads the demo first
if [ "$(q "$SOURCE" "SELECT count(*) FROM pg_roles WHERE rolname = 'demo_committee'")" != 1 ]; then
  step "make the demo's login roles (demo/roles.sql)" \
    psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE" -f demo/roles.sql
fi
step "map them to their organizations (demo/role_organizations.sql)" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE" -f demo/role_organizations.sql
step "correct an organization's English name with ismap.correct()" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE" -c "
    SELECT ismap.correct('ismap.organizations',
             (SELECT organization_id FROM ismap.organizations WHERE corporate_number = '6999905204111'),
             '{\"name_en\": \"Akebono Audit Corporation (fictional; corrected)\"}',
             '英語名の誤記（架空） / English name mistyped')"
step "change a setting (audit_period_min = 6 months)" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE" -c "
    UPDATE ismap.settings SET value = '6 months' WHERE name = 'audit_period_min'"

#
# Dump, and restore into a new database, as the README says.
#
step "pg_dump -Fc $SOURCE" \
  pg_dump -Fc -f "$DUMP" "$SOURCE"
step "create database $RESTORED (UTF8)" \
  createdb --encoding=UTF8 --locale=C --template=template0 "$RESTORED"
restore_started=$(q "$RESTORED" "SELECT now()")
step "pg_restore into $RESTORED" \
  pg_restore --exit-on-error -d "$RESTORED" "$DUMP"

#
# Every table of schema ismap holds the same rows.
#
tables=$(q "$SOURCE" "SELECT c.relname FROM pg_class c
                       WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind IN ('r', 'p')
                       ORDER BY c.relname")
same "the same tables in schema ismap" \
  "SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_class c
    WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind IN ('r', 'p')"
for t in $tables; do
  same "table ismap.$t: same rows" \
    "SELECT count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text)), '-')
       FROM ismap.$t t"
done

#
# The decision log: whole, and nothing added by the restore.
#
same "the history has the same number of rows" \
  "SELECT count(*) || ' rows, seq ' || min(seq) || '..' || max(seq) FROM ismap.history"
expect "verify_history() returns no row in $RESTORED" "$RESTORED" \
  "SELECT count(*) FROM ismap.verify_history()" "0"
expect "no log row was written by the restore (none recorded since it started)" "$RESTORED" \
  "SELECT count(*) FROM ismap.history WHERE recorded_at >= '$restore_started'" "0"
same "the last log row is the setting change, with the same hash" \
  "SELECT seq || ' ' || table_name || ' ' || row_key || ' ' || encode(hash, 'hex')
     FROM ismap.history ORDER BY seq DESC LIMIT 1"
same "the correction and its reason are in the history" \
  "SELECT table_name || ' ' || operation || ' ' || (after->>'name_en') || ' / ' || reason
     FROM ismap.history WHERE reason = '英語名の誤記（架空） / English name mistyped'"
expect "the setting survived" "$RESTORED" \
  "SELECT value FROM ismap.settings WHERE name = 'audit_period_min'" "6 months"

#
# Who sees what survives: the policies, the tables under row-level
# security, the privileges, and what a provider and an auditor see.
#
same "the row-level security policies agree" \
  "SELECT string_agg(tablename || ' ' || policyname || ' ' || cmd || ' ' || qual || ' ' || coalesce(with_check, '-'), E'\n' ORDER BY tablename)
     FROM pg_policies WHERE schemaname = 'ismap'"
same "the same tables have row-level security, enabled and forced" \
  "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class
    WHERE relnamespace = 'ismap'::regnamespace AND relrowsecurity AND relforcerowsecurity"
same "the privileges of the tables and views agree" \
  "SELECT md5(string_agg(relname || ' ' || coalesce(relacl::text, '-'), E'\n' ORDER BY relname))
     FROM pg_class WHERE relnamespace = 'ismap'::regnamespace AND relkind IN ('r', 'v', 'p')"
same "soyokaze_staff sees the same audits and applications" \
  "SET ROLE soyokaze_staff; SELECT (SELECT count(*) FROM ismap.audits) || ' audits, '
     || (SELECT count(*) FROM ismap.service_applications) || ' service applications'"
same "akebono_staff sees the same audits, applications and compliance reports" \
  "SET ROLE akebono_staff; SELECT (SELECT count(*) FROM ismap.audits) || ' audits, '
     || (SELECT count(*) FROM ismap.auditor_applications) || ' auditor applications, '
     || (SELECT count(*) FROM ismap.auditor_compliance_reports) || ' compliance reports'"
same "the mappings of roles to organizations agree" \
  "SELECT string_agg(role_name || ' ' || organization_id, ',' ORDER BY role_name, organization_id) FROM ismap.role_organizations"
# Soyokaze's staff sees the audits of Soyokaze's services, counted by a
# superuser, and they are not all the audits.
own_audits=$(q "$RESTORED" "SELECT count(*) FROM ismap.audits a JOIN ismap.cloud_services s USING (service_id)
  JOIN ismap.organizations o ON o.organization_id = s.provider_id
 WHERE o.corporate_number = '2999907301018'")
all_audits=$(q "$RESTORED" "SELECT count(*) FROM ismap.audits")
expect "in $RESTORED, soyokaze_staff sees the $own_audits audits of Soyokaze's services, of $all_audits" "$RESTORED" \
  "SET ROLE soyokaze_staff; SELECT count(*) FROM ismap.audits" "$own_audits"
[ "$own_audits" -gt 0 ] && [ "$own_audits" -lt "$all_audits" ] &&
  ok "Soyokaze's audits are some of the audits, not all" ||
  not_ok "Soyokaze's audits are some of the audits, not all ($own_audits of $all_audits)"

#
# The public lists agree, on past days, today, and as known at a moment.
#
for day in 2021-06-01 2023-01-01 2024-04-01 2026-11-01; do
  same "cloud_service_list_at('$day') agrees" \
    "SELECT count(*) || ' entries, md5 ' || md5(string_agg(l::text, E'\n' ORDER BY l.registration_number))
       FROM ismap.cloud_service_list_at('$day') l"
  same "auditor_list_at('$day') agrees" \
    "SELECT count(*) || ' entries, md5 ' || md5(string_agg(l::text, E'\n' ORDER BY l.registration_number))
       FROM ismap.auditor_list_at('$day') l"
done
same "cloud_service_list_at('2024-04-01', as known at the last log row) agrees" \
  "SELECT count(*) || ' entries, md5 ' || md5(string_agg(l::text, E'\n' ORDER BY l.registration_number))
     FROM ismap.cloud_service_list_at('2024-04-01', (SELECT max(recorded_at) FROM ismap.history)) l"
same "overdue_obligations_at('2026-11-20') agrees (oversight: incidents, demands)" \
  "SELECT count(*) || ' items, md5 ' || md5(string_agg(o::text, E'\n' ORDER BY o::text))
     FROM ismap.overdue_obligations_at('2026-11-20') o"
same "late_filings agrees" \
  "SELECT count(*) || ' filings, md5 ' || md5(string_agg(f::text, E'\n' ORDER BY f::text))
     FROM ismap.late_filings f"
same "the demands' status agrees on the days around their due dates" \
  "SELECT string_agg(k || d.demand_id || ':' || coalesce(ismap.demand_status(k, d.demand_id, day), '-'), ',' ORDER BY k, d.demand_id, day)
     FROM (SELECT 'reaudit' AS k, demand_id, due_on FROM ismap.reaudit_demands
           UNION ALL SELECT 'reapplication', demand_id, due_on FROM ismap.reapplication_demands) d,
          LATERAL (VALUES (d.due_on), (d.due_on + 1)) v(day)"
same "cloud_service_list_changes('2024-04-01', '2025-04-01') agrees" \
  "SELECT count(*) || ' changes, md5 ' || md5(string_agg(c::text, E'\n' ORDER BY c.registration_number))
     FROM ismap.cloud_service_list_changes('2024-04-01', '2025-04-01') c"

#
# The sequences continue: the same new approvals, in a transaction rolled
# back, get the same new ids and registration numbers in both databases.
# (The source's sequences advance; it is dropped next.)
#
next_approvals="
BEGIN;
SET ismap.today = '2026-12-01';
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('5999906003001', '架空監査法人しののめ', 'Shinonome Audit Corporation (fictional)'),
       ('4999906003002', '架空クラウド株式会社あかつき', 'Akatsuki Cloud Inc. (fictional)');
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
SELECT organization_id, 'new', '2026-12-01' FROM ismap.organizations
 WHERE corporate_number = '5999906003001';
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id = (SELECT organization_id FROM ismap.organizations
                           WHERE corporate_number = '5999906003001');
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2026-12-01'
 WHERE organization_id = (SELECT organization_id FROM ismap.organizations
                           WHERE corporate_number = '5999906003001');
INSERT INTO ismap.cloud_services (provider_id, name, name_en, statement_scope, service_model)
SELECT organization_id, 'あかつきドライブ', 'Akatsuki Drive', 'あかつきドライブ（SaaS）の提供に係る業務', 'SaaS'
  FROM ismap.organizations WHERE corporate_number = '4999906003002';
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
SELECT s.service_id, l.auditor_id, 'operating', '2025-10-01', '2026-09-30', '2026-11-30'
  FROM ismap.cloud_services s,
       (SELECT auditor_id FROM ismap.auditor_list_at('2026-11-30')
         WHERE status = 'valid' ORDER BY registration_number LIMIT 1) l
 WHERE s.name = 'あかつきドライブ';
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
SELECT service_id, 'new', '2026-12-01', audit_id FROM ismap.audits
 WHERE service_id = (SELECT service_id FROM ismap.cloud_services WHERE name = 'あかつきドライブ');
UPDATE ismap.service_applications SET status = 'accepted'
 WHERE service_id = (SELECT service_id FROM ismap.cloud_services WHERE name = 'あかつきドライブ');
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2026-12-01'
 WHERE service_id = (SELECT service_id FROM ismap.cloud_services WHERE name = 'あかつきドライブ');
SELECT a.registration_number, a.auditor_id, p.application_id, r.registration_number,
       r.registration_id, s.service_id, (SELECT max(seq) FROM ismap.history) AS last_seq,
       (SELECT count(*) FROM ismap.verify_history()) AS broken
  FROM ismap.auditors a, ismap.service_registrations r
  JOIN ismap.cloud_services s USING (service_id)
  JOIN ismap.service_applications p USING (registration_id)
 WHERE a.organization_id = (SELECT organization_id FROM ismap.organizations
                             WHERE corporate_number = '5999906003001')
   AND s.name = 'あかつきドライブ';
ROLLBACK;"
src_next=$(psql -X -q -A -t -F ' ' -v ON_ERROR_STOP=1 -d "$SOURCE" -f - <<<"$next_approvals" 2>"$LOG")
src_rc=$?
dst_next=$(psql -X -q -A -t -F ' ' -v ON_ERROR_STOP=1 -d "$RESTORED" -f - <<<"$next_approvals" 2>&1)
dst_rc=$?
if [ $src_rc = 0 ] && [ $dst_rc = 0 ] && [ -n "$dst_next" ] && [ "$src_next" = "$dst_next" ]; then
  read -r aud_number _ _ svc_number _ <<<"$dst_next"
  ok "the sequences continue: the next approvals get $aud_number and $svc_number, as in $SOURCE"
else
  echo "not ok - the sequences continue (new approvals in a rolled-back transaction)"
  echo "#   $SOURCE:   ${src_next:-(nothing)} $(tr '\n' ' ' <"$LOG")"
  echo "#   $RESTORED: ${dst_next:-(nothing)}"
  failed=$((failed + 1))
fi
expect "the rolled-back approvals left nothing in $RESTORED" "$RESTORED" \
  "SELECT count(*) FROM ismap.organizations WHERE corporate_number IN ('5999906003001', '4999906003002')" "0"

summary
[ "$failed" = 0 ]
