#!/usr/bin/env bash
# Runs the benchmarks against the PostgreSQL server of the environment
# (PGHOST/PGPORT/PGUSER, as pg_virtualenv sets them) and prints a table of
# figures and ratios.  BENCH_SCALES: numbers of services, e.g. "1000 10000".
# BENCH_CONCURRENCY_SECONDS: length of the concurrency run that follows
# (bench/concurrency.sh); 0 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_CONCURRENCY_SECONDS=${BENCH_CONCURRENCY_SECONDS:-60}
export BENCH_CONCURRENCY_SECONDS
SCALES=${BENCH_SCALES:-"1000 10000 100000"}
REPS=${BENCH_REPS:-5}
export PGCLIENTENCODING=UTF8

ms() { sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1; }

printf '%-10s %12s %12s %8s %10s %12s %12s %8s %12s\n' \
  services ismap_ms floor_ms ratio us/svc list_ms plain_ms ratio status_ms
for n in $SCALES; do
  db=ismap_bench_$n
  dropdb --if-exists "$db" >/dev/null 2>&1
  createdb --encoding=UTF8 --locale=C --template=template0 "$db"
  psql -X -q -d "$db" -c 'CREATE EXTENSION ismap'
  write_ms=$(psql -X -q -d "$db" -v n="$n" -f bench/workload.sql | ms)
  floor_ms=$(psql -X -q -d "$db" -f bench/floor.sql | ms)
  psql -X -q -d "$db" -c 'VACUUM ANALYZE' >/dev/null
  read=$(psql -X -q -A -t -F ' ' -d "$db" -v reps="$REPS" -f bench/read.sql)
  list_ms=$(echo "$read" | awk '$1 == "list_at_day" {print $2}')
  plain_ms=$(echo "$read" | awk '$1 == "plain_select" {print $2}')
  status_ms=$(echo "$read" | awk '$1 == "status_by_number" {print $2}')
  printf '%-10s %12.1f %12.1f %8.2f %10.1f %12.2f %12.2f %8.2f %12.3f\n' \
    "$n" "$write_ms" "$floor_ms" "$(echo "$write_ms / $floor_ms" | bc -l)" \
    "$(echo "$write_ms * 1000 / $n" | bc -l)" \
    "$list_ms" "$plain_ms" "$(echo "$list_ms / $plain_ms" | bc -l)" "$status_ms"
  dropdb "$db"
done

if [ "$BENCH_CONCURRENCY_SECONDS" != 0 ]; then
  bench/concurrency.sh
fi
