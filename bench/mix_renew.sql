-- bench/mix_renew.sql: one pgbench transaction of the concurrency mix
-- (bench/concurrency.sh): bench.renew(), see bench/concurrency_setup.sql.
\set r random(1, 2147483647)
SELECT bench.renew(:client_id, :r);
