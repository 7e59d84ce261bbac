-- bench/mix_new.sql: one pgbench transaction of the concurrency mix
-- (bench/concurrency.sh): bench.new_service(), see bench/concurrency_setup.sql.
\set r random(1, 2147483647)
SELECT bench.new_service(:client_id, :r);
