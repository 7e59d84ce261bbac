#!/usr/bin/env bash
# pg_upgrade (issue 19, upgrades): a cluster whose database holds the
# registry upgrades with pg_upgrade to a new cluster of the same version,
# --check first; the upgraded registry keeps its log whole and its lists.
#
# Two throwaway clusters of its own (sockets in a private directory, no TCP
# listener), as the postgres user.  One "ok"/"not ok" line per check, then
# "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export PGCLIENTENCODING=UTF8

BIN=$(pg_config --bindir)
OLD_PORT=${PG_UPGRADE_OLD_PORT:-5795}
NEW_PORT=${PG_UPGRADE_NEW_PORT:-5796}
DB=ismap_pg_upgrade
WORK=$(mktemp -d /tmp/ismap_pg_upgrade.XXXXXX)
# The clusters trust their sockets, which only their owner (and root) can
# reach: the directory is the postgres user's, mode 700.
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
chmod 700 "$WORK"
LOG="$WORK/log"
. test/cluster_lib.sh

cleanup() {
  for c in old new; do as_postgres "$BIN/pg_ctl" -D "$WORK/$c" stop -m immediate >/dev/null 2>&1; done
  rm -rf "$WORK"
}
trap cleanup EXIT

start() {
  as_postgres "$BIN/pg_ctl" -D "$WORK/$1" -l "$WORK/$1.log" -w -t 60 \
    -o "-p $2 -k $WORK -c listen_addresses=''" start
}
stop() { as_postgres "$BIN/pg_ctl" -D "$WORK/$1" -w -t 60 stop; }
q() { psql -U postgres -h "$WORK" -p "$1" -d "$DB" -X -q -A -t -v ON_ERROR_STOP=1 -c "$2" 2>"$LOG"; }
QUERIES=(
  "SELECT count(*) || ' breaks' FROM ismap.verify_history()"
  "SELECT seq || ' ' || hash FROM ismap.history_head()"
  "$(digest 'SELECT * FROM ismap.auditor_list')"
  "$(digest 'SELECT * FROM ismap.cloud_service_list')"
  "$(digest "SELECT * FROM ismap.cloud_service_list_at('2024-04-01')")"
  "$(digest "SELECT * FROM ismap.auditor_list_at('2024-04-01', now())")"
  "$(digest "SELECT registration_number, ismap.service_status(registration_id) FROM ismap.service_registrations")"
)

step "initdb of the old cluster" as_postgres "$BIN/initdb" -D "$WORK/old" -A trust -U postgres --encoding=UTF8 --locale=C
step "start it" start old "$OLD_PORT"
step "the demo in it" \
  env PGHOST="$WORK" PGPORT="$OLD_PORT" PGUSER=postgres bash -c ". scripts/demo-lib.sh && demo_load $DB"
for i in "${!QUERIES[@]}"; do q "$OLD_PORT" "${QUERIES[$i]}" >"$WORK/before.$i"; done
step "stop it" stop old
step "initdb of the new cluster" as_postgres "$BIN/initdb" -D "$WORK/new" -A trust -U postgres --encoding=UTF8 --locale=C
# pg_upgrade writes its reports in the current directory.
upgrade() { (cd "$WORK" && as_postgres "$BIN/pg_upgrade" -b "$BIN" -B "$BIN" -d "$WORK/old" -D "$WORK/new" \
              -p "$OLD_PORT" -P "$NEW_PORT" -s "$WORK" -U postgres "$@"); }
step "pg_upgrade --check finds nothing to stop the upgrade" upgrade --check
step "pg_upgrade" upgrade
step "start the new cluster" start new "$NEW_PORT"
for i in "${!QUERIES[@]}"; do
  before=$(cat "$WORK/before.$i")
  if after=$(q "$NEW_PORT" "${QUERIES[$i]}") && [ -n "$before" ] && [ "$after" = "$before" ]; then
    ok "after pg_upgrade, the same: ${before:0:60}"
  else
    printf 'before: %s\nafter:  %s\n' "$before" "$after" >>"$LOG"
    not_ok "after pg_upgrade, the same answer to: ${QUERIES[$i]:0:60}"
  fi
done
step "and the registry still takes a decision" \
  q "$NEW_PORT" "INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                 SELECT registration_id, 'lift', ismap.today(), '是正の確認（試験、架空）'
                   FROM ismap.service_registrations r
                  WHERE ismap.service_status(r.registration_id) = 'suspended'
                  ORDER BY registration_id LIMIT 1"
if [ "$(q "$NEW_PORT" "SELECT count(*) FROM ismap.verify_history()")" = 0 ]; then
  ok "its log is whole after that decision"
else
  not_ok "its log is whole after that decision"
fi
summary
[ "$failed" = 0 ]
