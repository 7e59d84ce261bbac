#!/usr/bin/env bash
# Hot standby (issue 19, first part): a streaming replica of the server the
# PG* environment names (inside pg_virtualenv, from scripts/run-suites)
# answers every read of the registry as its primary does, and refuses
# writes with PostgreSQL's read-only error, not an internal error of ismap.
#
# It loads the demo into a new database on the primary, takes a base backup
# over the loopback interface (pg_basebackup -R), starts the replica on
# another port of 127.0.0.1, waits until it has replayed the primary's last
# WAL position, then compares the answers of both.  One "ok"/"not ok" line
# per check, then "N passed, M failed".  The replica and the database are
# removed at the end.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export PGCLIENTENCODING=UTF8
. scripts/demo-lib.sh

DB=ismap_standby
BIN=$(pg_config --bindir)
PORT=${STANDBY_PORT:-5791}
WORK=$(mktemp -d /tmp/ismap_standby.XXXXXX)
SERVER_LOG="$WORK/replica.log"
LOG="$WORK/log"
. test/cluster_lib.sh

cleanup() {
  as_postgres "$BIN/pg_ctl" -D "$WORK/data" stop -m immediate >/dev/null 2>&1
  dropdb --if-exists "$DB" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$1" -p "$2" -d "$DB" -c "$3" 2>"$LOG"; }
primary() { q "${PGHOST:-localhost}" "${PGPORT:-5432}" "$1"; }
replica() { q 127.0.0.1 "$PORT" "$1"; }

step "create database $DB on the primary and load the demo" demo_load "$DB"
chmod 777 "$WORK"
step "pg_basebackup -R of the primary over 127.0.0.1" \
  as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" \
    -D "$WORK/data" -R -X stream --checkpoint=fast
# A Debian cluster keeps its configuration outside its data directory, so
# the copy has none: the replica gets its own, as strict as the primary's.
write_replica_config() {
  : >"$WORK/data/postgresql.conf" &&
    printf '%s\n' 'local all all peer' 'host all all 127.0.0.1/32 scram-sha-256' >"$WORK/data/pg_hba.conf" &&
    : >"$WORK/data/pg_ident.conf" &&
    chown postgres "$WORK/data/postgresql.conf" "$WORK/data/pg_hba.conf" "$WORK/data/pg_ident.conf" 2>/dev/null
  return 0
}
step "configure the replica" write_replica_config
step "start the replica on 127.0.0.1:$PORT" \
  as_postgres "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/replica.log" -w -t 60 \
    -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c hot_standby=on" start

# A decision made on the primary after the base backup, which the replica
# can only know by streaming: a correction, logged (the head moves).
step "a correction on the primary after the base backup" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "SELECT ismap.correct('ismap.organizations',
    (SELECT min(organization_id) FROM ismap.organizations),
    jsonb_build_object('name_en', (SELECT name_en || ' ' FROM ismap.organizations ORDER BY organization_id LIMIT 1)),
    '英文名称の訂正（試験、架空）')"

# Wait until the replica has replayed what the primary has written.
target=$(primary "SELECT pg_current_wal_lsn()")
replayed=false
for _ in $(seq 120); do
  if [ "$(replica "SELECT pg_last_wal_replay_lsn() >= '$target'::pg_lsn")" = t ]; then
    replayed=true
    break
  fi
  sleep 0.5
done
if $replayed; then ok "the replica replays the primary up to $target"; else not_ok "the replica replays the primary"; summary; exit 1; fi
if [ "$(replica "SELECT pg_is_in_recovery()")" = t ]; then ok "the replica is a hot standby"; else not_ok "the replica is a hot standby"; fi

# same NAME SQL: both servers give the same, non-empty answer.
same() {
  local a b
  a=$(primary "$2") && b=$(replica "$2")
  if [ -n "$a" ] && [ "$a" = "$b" ]; then
    ok "$1: the replica answers as the primary ($(printf '%s' "$a" | head -c 60 | tr '\n' ' '))"
  else
    [ -s "$LOG" ] || printf 'primary: %s\nreplica: %s\n' "$a" "$b" >"$LOG"
    not_ok "$1: the replica answers as the primary"
  fi
}

DAY=$(primary "SHOW ismap.today")
same "ismap.today() of the demo's day" "SELECT ismap.today()"
same "the auditor list today" "$(digest 'SELECT * FROM ismap.auditor_list')"
same "the cloud service list today" "$(digest 'SELECT * FROM ismap.cloud_service_list')"
for d in 2021-06-01 2024-04-01 2025-07-01; do
  same "auditor_list_at('$d')" "$(digest "SELECT * FROM ismap.auditor_list_at('$d')")"
  same "cloud_service_list_at('$d')" "$(digest "SELECT * FROM ismap.cloud_service_list_at('$d')")"
done
same "cloud_service_list_at('2024-04-01', as known at the last log row)" \
  "$(digest "SELECT * FROM ismap.cloud_service_list_at('2024-04-01', (SELECT max(recorded_at) FROM ismap.history))")"
same "auditor_list_at('2024-04-01', as known at the last log row)" \
  "$(digest "SELECT * FROM ismap.auditor_list_at('2024-04-01', (SELECT max(recorded_at) FROM ismap.history))")"
same "service_status() of every registration" \
  "$(digest "SELECT registration_number, ismap.service_status(registration_id) FROM ismap.service_registrations")"
same "auditor_status() of every auditor" \
  "$(digest "SELECT registration_number, ismap.auditor_status(auditor_id) FROM ismap.auditors")"
same "verify_history()" "SELECT count(*) || ' breaks' FROM ismap.verify_history()"
same "history_head()" "SELECT seq || ' ' || hash FROM ismap.history_head()"
same "overdue_compliance_reports" "$(digest 'SELECT * FROM ismap.overdue_compliance_reports')"
same "overdue_obligations (oversight, read-only)" "$(digest 'SELECT * FROM ismap.overdue_obligations')"
same "late_filings" "$(digest 'SELECT * FROM ismap.late_filings')"
same "demand_status() of every demand" \
  "$(digest "SELECT demand_id, ismap.demand_status('reaudit', demand_id) FROM ismap.reaudit_demands
             UNION ALL SELECT demand_id, ismap.demand_status('reapplication', demand_id) FROM ismap.reapplication_demands")"
same "overdue_items() and upcoming_expiries()" \
  "$(digest "SELECT 'o', o::text FROM ismap.overdue_items() o UNION ALL SELECT 'u', u::text FROM ismap.upcoming_expiries('6 months') u")"
same "the change lists" \
  "$(digest "SELECT * FROM ismap.cloud_service_list_changes('2024-01-01', '2025-01-01')")"

# Writes on the replica: PostgreSQL's read-only error (25006), whatever path.
refused_read_only() {
  local out
  out=$(psql -X -q -A -t -h 127.0.0.1 -p "$PORT" -d "$DB" -c "$2" 2>&1)
  if printf '%s' "$out" | grep -q 'cannot execute .* in a read-only transaction'; then
    ok "$1 on the replica: refused as read-only"
  else
    printf '%s\n' "$out" >"$LOG"
    not_ok "$1 on the replica: refused as read-only"
  fi
}
refused_read_only "an UPDATE of an application" \
  "UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today() WHERE status = 'accepted'"
refused_read_only "an INSERT of a status change" \
  "INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
   SELECT min(registration_id), 'suspend', ismap.today(), '試験（架空）' FROM ismap.service_registrations"
refused_read_only "a correction" \
  "SELECT ismap.correct('ismap.organizations', (SELECT min(organization_id) FROM ismap.organizations), '{\"name_en\": \"x\"}', '試験')"
refused_read_only "a setting" "UPDATE ismap.settings SET value = value"
if grep -q 'XX000\|TRAP\|terminated by signal' "$WORK/replica.log"; then
  grep 'XX000\|TRAP\|terminated by signal' "$WORK/replica.log" >"$LOG"
  not_ok "the replica's log has no internal error or crash"
else
  ok "the replica's log has no internal error or crash"
fi
echo "# demo day $DAY"
summary
[ "$failed" = 0 ]
