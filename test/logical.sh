#!/usr/bin/env bash
# Logical replication (issue 19, second part): a subscriber with ismap
# installed, subscribed to the registry tables of a publisher, answers the
# lists and statuses as the publisher does, the rows the extension writes
# itself included (the facts copies, the list periods, the log), and a
# decision made on the publisher afterwards reaches the subscriber's list.
#
# Two throwaway clusters of its own on 127.0.0.1 (the publisher needs
# wal_level = logical), as the postgres user; the demo is loaded on the
# publisher.  One "ok"/"not ok" line per check, then "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export PGCLIENTENCODING=UTF8
. scripts/demo-lib.sh

BIN=$(pg_config --bindir)
PUB_PORT=${LOGICAL_PUB_PORT:-5793}
SUB_PORT=${LOGICAL_SUB_PORT:-5794}
DB=ismap_logical
WORK=$(mktemp -d /tmp/ismap_logical.XXXXXX)
# The clusters trust their sockets, which only their owner (and root) can
# reach: the directory is the postgres user's, mode 700.
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
chmod 700 "$WORK"
LOG="$WORK/log"
. test/cluster_lib.sh
SERVER_LOG="$WORK/sub.log"

cleanup() {
  for c in pub sub; do as_postgres "$BIN/pg_ctl" -D "$WORK/$c" stop -m immediate >/dev/null 2>&1; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# A cluster: its own directory, socket and port, no TCP listener.
make_cluster() {
  local name=$1 port=$2 wal=$3
  as_postgres "$BIN/initdb" -D "$WORK/$name" -A trust -U postgres --encoding=UTF8 --locale=C >/dev/null &&
    as_postgres "$BIN/pg_ctl" -D "$WORK/$name" -l "$WORK/$name.log" -w -t 60 \
      -o "-p $port -k $WORK -c listen_addresses='' -c wal_level=$wal -c max_wal_senders=4 -c max_replication_slots=4" start
}
on() { local port=$1; shift; "$BIN/psql" -U postgres -X -q -A -t -v ON_ERROR_STOP=1 -h "$WORK" -p "$port" -d "$DB" -c "$1" 2>"$LOG"; }
pub() { on "$PUB_PORT" "$1"; }
sub() { on "$SUB_PORT" "$1"; }

step "a publisher (wal_level = logical) on port $PUB_PORT" make_cluster pub "$PUB_PORT" logical
step "a subscriber on port $SUB_PORT" make_cluster sub "$SUB_PORT" replica
step "the demo on the publisher" \
  env PGHOST="$WORK" PGPORT="$PUB_PORT" PGUSER=postgres bash -c ". scripts/demo-lib.sh && demo_load $DB"
step "ismap installed on the subscriber, in a database of the same name" \
  env PGHOST="$WORK" PGPORT="$SUB_PORT" PGUSER=postgres bash -c \
    "createdb --encoding=UTF8 --locale=C --template=template0 $DB && psql -X -q -v ON_ERROR_STOP=1 -d $DB -c 'CREATE EXTENSION ismap' && psql -X -q -d $DB -c \"ALTER DATABASE $DB SET ismap.today = '$DEMO_DAY'\""

# Every table of the registry but the settings' defaults, which
# CREATE EXTENSION writes on the subscriber too.
TABLES="ismap.setting_overrides, ismap.organizations, ismap.auditors, ismap.auditor_applications,
  ismap.auditor_terms, ismap.auditor_status_changes, ismap.auditor_compliance_reports,
  ismap.cloud_services, ismap.audits, ismap.service_registrations, ismap.service_applications,
  ismap.service_registration_terms, ismap.service_status_changes, ismap.service_list_spans,
  ismap.incidents, ismap.incident_reports, ismap.service_change_notices,
  ismap.organization_change_notices, ismap.investigations, ismap.reaudit_demands,
  ismap.reapplication_demands, ismap.role_organizations, ismap.declared_interests,
  ismap.history"
step "a publication of the registry tables" pub "CREATE PUBLICATION ismap_registry FOR TABLE $TABLES"
step "a subscription to it" \
  sub "CREATE SUBSCRIPTION ismap_registry CONNECTION 'host=$WORK port=$PUB_PORT dbname=$DB user=postgres'
       PUBLICATION ismap_registry"

# wait_synced: until every table is synchronised and the subscriber has
# applied the publisher's last position.
wait_synced() {
  local target
  target=$(pub "SELECT pg_current_wal_lsn()")
  for _ in $(seq 240); do
    if [ "$(sub "SELECT count(*) = 0 FROM pg_subscription_rel WHERE srsubstate <> 'r'")" = t ] &&
       [ "$(pub "SELECT coalesce(bool_and(confirmed_flush_lsn >= '$target'::pg_lsn), false) FROM pg_replication_slots WHERE slot_name = 'ismap_registry'")" = t ]; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}
step "the subscriber has copied every table and applied what followed" wait_synced

same() {
  local a b
  a=$(pub "$2") && b=$(sub "$2")
  if [ -n "$a" ] && [ "$a" = "$b" ]; then
    ok "$1: the subscriber answers as the publisher ($(printf '%s' "$a" | head -c 50 | tr '\n' ' '))"
  else
    [ -s "$LOG" ] || printf 'publisher: %s\nsubscriber: %s\n' "$a" "$b" >"$LOG"
    not_ok "$1: the subscriber answers as the publisher"
  fi
}

check_all() {
  same "the auditor list today$1" "$(digest 'SELECT * FROM ismap.auditor_list')"
  same "the cloud service list today$1" "$(digest 'SELECT * FROM ismap.cloud_service_list')"
  same "cloud_service_list_at('2024-04-01')$1" "$(digest "SELECT * FROM ismap.cloud_service_list_at('2024-04-01')")"
  same "auditor_list_at('2024-04-01')$1" "$(digest "SELECT * FROM ismap.auditor_list_at('2024-04-01')")"
  same "service_status() of every registration$1" \
    "$(digest "SELECT registration_number, ismap.service_status(registration_id) FROM ismap.service_registrations")"
  same "the facts copies$1" "$(digest "SELECT registration_number, facts FROM ismap.service_registrations
                                        UNION ALL SELECT registration_number, facts FROM ismap.auditors")"
  same "the list periods$1" "$(digest "SELECT * FROM ismap.service_list_spans")"
  same "the roles' organizations$1" "$(digest "SELECT * FROM ismap.role_organizations")"
  same "the log's head and verify_history()$1" \
    "SELECT h.seq || ' ' || h.hash || ', ' || (SELECT count(*) FROM ismap.verify_history()) || ' breaks'
       FROM ismap.history_head() h"
}
check_all ""

# A decision on the publisher reaches the subscriber's list: Umineko
# Survey's suspension is lifted.
step "a lift recorded on the publisher" \
  pub "INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
       SELECT registration_id, 'lift', ismap.today(), '是正の確認（試験、架空）'
         FROM ismap.service_registrations r JOIN ismap.cloud_services s USING (service_id)
        WHERE ismap.service_status(r.registration_id) = 'suspended'
          AND s.name_en = 'Umineko Survey (fictional)'"
step "applied by the subscriber" wait_synced
check_all " after the lift"
if [ "$(sub "SELECT status FROM ismap.cloud_service_list WHERE service_name_en = 'Umineko Survey (fictional)'")" = valid ]; then
  ok "the subscriber's list today shows the lift"
else
  not_ok "the subscriber's list today shows the lift"
fi
if grep -q 'XX000\|TRAP\|terminated by signal' "$WORK/sub.log"; then
  grep 'XX000\|TRAP\|terminated by signal' "$WORK/sub.log" >"$LOG"
  not_ok "the subscriber's log has no internal error or crash"
else
  ok "the subscriber's log has no internal error or crash"
fi
summary
[ "$failed" = 0 ]
