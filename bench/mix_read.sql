-- bench/mix_read.sql: one pgbench transaction of the concurrency mix
-- (bench/concurrency.sh): bench.read_list(), see bench/concurrency_setup.sql.
\set r random(1, 2147483647)
SELECT bench.read_list(:client_id, :r);
