#!/usr/bin/env bash
# sqlsmith against the demo registry (issue 18): random queries, as a
# superuser and as roles of the capacities the README recommends, and a
# check of the server's log afterwards: no backend crash, and no error of
# SQLSTATE XX000 or of class 58, F0 or P0 raised by ismap's code.
#
#   test/fuzz/sqlsmith.sh [QUERIES [SEED]]
#
# QUERIES is the number of queries of each role (default 1000, the suite's
# short run; test/fuzz/run passes the long run's figure).  A throwaway
# cluster of its own on a socket in a private directory, as the postgres
# user, with the installed ismap.  One "ok"/"not ok" line per check.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
export PGCLIENTENCODING=UTF8
. scripts/demo-lib.sh

QUERIES=${1:-1000}
SEED=${2:-20261202}
BIN=$(pg_config --bindir)
PORT=${SQLSMITH_PORT:-5795}
DB=ismap_smith
WORK=$(mktemp -d /tmp/ismap_smith.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
chmod 711 "$WORK"
LOG="$WORK/log"
SERVER_LOG="$WORK/server.log"
. test/cluster_lib.sh

cleanup() {
  as_postgres "$BIN/pg_ctl" -D "$WORK/data" stop -m immediate >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

# Every error is logged with its SQLSTATE first and the source file and
# line that raised it (log_error_verbosity = verbose: a LOCATION line).
start_cluster() {
  as_postgres "$BIN/initdb" -D "$WORK/data" -A trust -U postgres --encoding=UTF8 --locale=C >/dev/null &&
    as_postgres "$BIN/pg_ctl" -D "$WORK/data" -l "$SERVER_LOG" -w -t 60 \
      -o "-p $PORT -k $WORK -c listen_addresses='' -c log_line_prefix='%e ' -c log_error_verbosity=verbose -c statement_timeout=2s -c lock_timeout=1s" start
}

step "a cluster of its own on port $PORT" start_cluster
export PGHOST="$WORK" PGPORT="$PORT" PGUSER=postgres
step "the demo loaded" bash -c ". scripts/demo-lib.sh && demo_load $DB"
# sqlsmith connects by password-less TCP or socket; the demo's roles log in.
step "the roles may connect" psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c \
  "GRANT CONNECT ON DATABASE $DB TO PUBLIC"

smith() {
  local role=$1 seed=$2
  sqlsmith --target="host=$WORK port=$PORT dbname=$DB user=$role" --seed="$seed" \
    --max-queries="$QUERIES" --exclude-catalog >"$WORK/smith_$role.out" 2>&1
}

# As a superuser, then as a provider's staff, the public and the committee.
i=0
for role in postgres soyokaze_staff demo_public demo_committee; do
  i=$((i + 1))
  if smith "$role" $((SEED + i)); then
    ok "sqlsmith ran $QUERIES queries as $role (seed $((SEED + i)))"
  else
    tail -5 "$WORK/smith_$role.out" >"$LOG"
    not_ok "sqlsmith ran $QUERIES queries as $role (seed $((SEED + i)))"
  fi
done

# Crashes: the postmaster reports every backend that died of a signal.
grep -E 'terminated by signal|was terminated by exception|server process .* exited with exit code [^01]' \
  "$SERVER_LOG" >"$LOG"
if [ -s "$LOG" ]; then not_ok "no backend crashed"; else ok "no backend crashed"; fi

# Internal errors raised by ismap: an error line of SQLSTATE XX000 or of
# class 58, F0 or P0 whose LOCATION line names one of ismap's C files.
ismap_files=$(find src -name '*.c' -printf '%f\n' | sort -u | paste -sd'|')
awk -v files="^($ismap_files)$" '
  /^(XX000|58...|F0...|P0...) (ERROR|FATAL|PANIC):/ { pending = $0; next }
  pending != "" && /LOCATION:/ {
    n = split($0, parts, ", "); file = parts[n]; sub(/:[0-9]+$/, "", file)
    if (file ~ files) print pending " (" file ")"
    pending = ""; next
  }
  /^[0-9A-Z]{5} (ERROR|FATAL|PANIC|LOG|WARNING):/ { pending = "" }
' "$SERVER_LOG" | sort | uniq -c | sort -rn >"$LOG"
if [ -s "$LOG" ]; then
  not_ok "no internal error (XX000, 58, F0, P0) raised by ismap's code"
else
  ok "no internal error (XX000, 58, F0, P0) raised by ismap's code"
fi

# What the queries met, for the record: the SQLSTATEs of the errors logged.
echo "# errors by SQLSTATE: $(grep -oE '^[0-9A-Z]{5} ERROR:' "$SERVER_LOG" | cut -c1-5 | sort | uniq -c |
  sort -rn | head -12 | awk '{printf "%s %s, ", $2, $1}')"
summary
[ "$failed" = 0 ]
