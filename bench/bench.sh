#!/usr/bin/env bash
# Runs the benchmarks against the PostgreSQL server of the environment
# (PGHOST/PGPORT/PGUSER, as pg_virtualenv sets them) and prints a table of
# figures and ratios.
#   BENCH_SCALES: numbers of services, e.g. "1000 10000".
#   BENCH_PLPGSQL_MAX: largest scale at which the PL/pgSQL comparison runs
#     (it is the slowest part; default 100000).
#   BENCH_REPS: repetitions of each read query (the best counts).
#   BENCH_CONCURRENCY_SECONDS: length of the concurrency run that follows
#     (bench/concurrency.sh); 0 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_CONCURRENCY_SECONDS=${BENCH_CONCURRENCY_SECONDS:-60}
export BENCH_CONCURRENCY_SECONDS
SCALES=${BENCH_SCALES:-"10000 100000 1000000"}
PLPGSQL_MAX=${BENCH_PLPGSQL_MAX:-100000}
REPS=${BENCH_REPS:-5}
export PGCLIENTENCODING=UTF8

ms() { sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1; }
ratio() { echo "$1 / $2" | bc -l; }

echo "Figure 1 (writes against the floor), 2 (against PL/pgSQL triggers), 3 (reading the list), 5 (growth)"
printf '%-9s %10s %9s %6s %10s %7s %7s %9s %9s %9s %6s %6s %9s\n' \
  services ismap_ms floor_ms ratio plpgsql_ms vs_plpg us/svc list_ms list_at plain_ms ratio ratio2 status_ms
for n in $SCALES; do
  db=ismap_bench_$n
  dropdb --if-exists "$db" >/dev/null 2>&1
  createdb --encoding=UTF8 --locale=C --template=template0 "$db"
  psql -X -q -d "$db" -c 'CREATE EXTENSION ismap'
  write_ms=$(psql -X -q -d "$db" -v n="$n" -f bench/workload.sql | ms)
  floor_ms=$(psql -X -q -d "$db" -f bench/floor.sql | ms)
  plpgsql_ms=-
  vs_plpgsql=-
  if [ "$n" -le "$PLPGSQL_MAX" ]; then
    psql -X -q -d "$db" -f bench/plpgsql_schema.sql
    # the same load, the same statements, into schema plpg
    plpgsql_ms=$(sed 's/ismap\./plpg./g' bench/workload.sql | psql -X -q -d "$db" -v n="$n" -f - | ms)
    # both loads did the same work (raises otherwise)
    PGOPTIONS="-c client_min_messages=warning" psql -X -q -d "$db" -f bench/plpgsql_check.sql >/dev/null
    vs_plpgsql=$(printf '%.2f' "$(ratio "$write_ms" "$plpgsql_ms")")
    plpgsql_ms=$(printf '%.0f' "$plpgsql_ms")
    psql -X -q -d "$db" -c 'DROP SCHEMA plpg CASCADE' >/dev/null 2>&1
  fi
  psql -X -q -d "$db" -c 'VACUUM ANALYZE' >/dev/null
  read=$(psql -X -q -A -t -F ' ' -d "$db" -v reps="$REPS" -f bench/read.sql)
  list_ms=$(echo "$read" | awk '$1 == "list_today" {print $2}')
  list_at_ms=$(echo "$read" | awk '$1 == "list_at_day" {print $2}')
  plain_ms=$(echo "$read" | awk '$1 == "plain_select" {print $2}')
  status_ms=$(echo "$read" | awk '$1 == "status_by_number" {print $2}')
  printf '%-9s %10.0f %9.0f %6.2f %10s %7s %7.0f %9.1f %9.1f %9.1f %6.2f %6.2f %9.3f\n' \
    "$n" "$write_ms" "$floor_ms" "$(ratio "$write_ms" "$floor_ms")" "$plpgsql_ms" "$vs_plpgsql" \
    "$(echo "$write_ms * 1000 / $n" | bc -l)" \
    "$list_ms" "$list_at_ms" "$plain_ms" "$(ratio "$list_ms" "$plain_ms")" \
    "$(ratio "$list_at_ms" "$plain_ms")" "$status_ms"
  dropdb "$db"
done
cat <<'EOF'
  ratio: ismap / floor (target <= 1.3); vs_plpg: ismap / PL/pgSQL (target <= 0.5);
  list_ms, list_at: cloud_service_list, cloud_service_list_at(day); plain_ms: a
  plain SELECT of the same rows and columns; ratio, ratio2: list and list_at
  against it (target <= 1.5); status_ms: service_status() of one registration.
EOF

if [ "$BENCH_CONCURRENCY_SECONDS" != 0 ]; then
  bench/concurrency.sh
fi
