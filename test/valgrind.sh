#!/usr/bin/env bash
# Runs pgTAP suites against a PostgreSQL server under valgrind's memcheck and
# reports any error whose stack passes through ismap.so.  Slow (minutes per
# suite); not part of scripts/test.  Run as a user that may run postgres
# (e.g. postgres), after `make install`:
#   test/valgrind.sh test/pgtap/04_auditor_applications.sql test/pgtap/31_corrections.sql
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(pg_config --bindir)
dir=$(mktemp -d)
port=${VALGRIND_PORT:-5700}
trap '"$BIN/pg_ctl" -D "$dir/data" stop -m fast >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT

"$BIN/initdb" -D "$dir/data" -A trust >/dev/null
valgrind --quiet --trace-children=yes --log-file="$dir/vg.%p.log" \
  "$BIN/postgres" -D "$dir/data" -p "$port" -k "$dir" >"$dir/server.log" 2>&1 &
for _ in $(seq 60); do psql -h "$dir" -p "$port" -X -q -c 'SELECT 1' postgres >/dev/null 2>&1 && break; sleep 2; done
createdb -h "$dir" -p "$port" vg
psql -h "$dir" -p "$port" -X -q -d vg -c 'CREATE EXTENSION pgtap'
# a failing test must not hide memcheck's report: look at both
prove_failed=0
PGHOST=$dir PGPORT=$port pg_prove -d vg --ext .sql "${@:-test/pgtap/}" || prove_failed=1

# Errors whose stack goes through the extension.
if grep -l "ismap.so" "$dir"/vg.*.log >/dev/null 2>&1; then
  grep -h -B2 -A25 "ismap.so" "$dir"/vg.*.log
  echo "valgrind: errors in ismap"
  exit 1
fi
echo "valgrind: no error in ismap"
exit $prove_failed
