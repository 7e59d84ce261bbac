#!/usr/bin/env bash
# Figure 4 of the benchmarks, concurrency: pgbench clients running a mix of
# reads of the public list (40 %), new services (20 %), renewals (20 %) and
# suspensions or lifts (20 %) against one registry, then a check that no
# rule is broken in the data (bench/concurrency_check.sql).
#
# Runs against the server of the environment (PGHOST/PGPORT/PGUSER, as
# pg_virtualenv sets them), as a superuser, in a database of its own.
#   BENCH_CONCURRENCY_SECONDS  length of the run (default 60)
#   BENCH_CONCURRENCY_SERVICES services registered at the start (default 1000)
#   BENCH_CONCURRENCY_CLIENTS  pgbench clients (default 8), on 2 threads
# Exits non-zero if pgbench fails or a check is "not ok".
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${BENCH_CONCURRENCY_SECONDS:-60}
SERVICES=${BENCH_CONCURRENCY_SERVICES:-1000}
CLIENTS=${BENCH_CONCURRENCY_CLIENTS:-8}
THREADS=2
export PGCLIENTENCODING=UTF8
db=ismap_bench_concurrency
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dropdb --if-exists "$db" >/dev/null 2>&1
createdb --encoding=UTF8 --locale=C --template=template0 "$db"
psql -X -q -d "$db" -v n="$SERVICES" -f bench/concurrency_setup.sql >/dev/null
psql -X -q -d "$db" -c 'VACUUM ANALYZE' >/dev/null

rc=0
pgbench -n -c "$CLIENTS" -j "$THREADS" -T "$DURATION" \
  --max-tries=10 --failures-detailed \
  -f bench/mix_read.sql@40 -f bench/mix_new.sql@20 \
  -f bench/mix_renew.sql@20 -f bench/mix_status.sql@20 "$db" >"$log" 2>&1 || rc=$?

field() { sed -n "s/^$1 \([0-9.]*\).*/\1/p" "$log" | head -1; }
tx=$(field 'number of transactions actually processed:')
failed=$(field 'number of failed transactions:')
retried=$(field 'number of transactions retried:')
retries=$(field 'total number of retries:')
retried_pct=$(sed -n 's/^number of transactions retried: [0-9]* (\([0-9.]*\)%).*/\1/p' "$log" | head -1)
tps=$(field 'tps =')
serialization=$(field 'number of serialization failures:')
deadlocks=$(field 'number of deadlock failures:')

echo
echo "concurrency: $CLIENTS clients, $DURATION s, $SERVICES services at the start," \
     "mix 40 % reads / 20 % new / 20 % renewals / 20 % suspensions or lifts"
printf '%-10s %10s %12s %10s %10s %10s %12s\n' \
  clients tps transactions retried retried% retries failed
printf '%-10s %10.1f %12d %10d %10.2f %10d %12d\n' \
  "$CLIENTS" "${tps:-0}" "${tx:-0}" "${retried:-0}" \
  "${retried_pct:-0}" \
  "${retries:-0}" "${failed:-0}"
echo "failed by kind: serialization ${serialization:-0}, deadlock ${deadlocks:-0}"
# pgbench's own lines per script (weight, transactions, failures, retries)
sed -n '/^SQL script [0-9]*:/,$p' "$log" | grep -E '^SQL script|transactions|failed|retried|retries' \
  | sed 's/^/  /' || true
if [ "$rc" != 0 ] || [ -z "$tx" ]; then
  echo "pgbench failed (exit $rc):"
  cat "$log"
  exit 1
fi

echo "check of the data after the run:"
check=$(psql -X -q -d "$db" -f bench/concurrency_check.sql 2>&1) || {
  echo "$check"
  echo "the check could not run"
  exit 1
}
echo "$check" | sed 's/^/  /'
if echo "$check" | grep -q '^not ok'; then
  echo "concurrency: a rule is broken in the data (database $db kept)"
  exit 1
fi
dropdb "$db"
