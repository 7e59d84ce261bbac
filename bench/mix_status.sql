-- bench/mix_status.sql: one pgbench transaction of the concurrency mix
-- (bench/concurrency.sh): bench.suspend_or_lift(), see bench/concurrency_setup.sql.
\set r random(1, 2147483647)
SELECT bench.suspend_or_lift(:client_id, :r);
