-- bench/read.sql: reading the public list, against a plain SELECT of the
-- same columns from the same tables, and one registration's status by its
-- number.  Run after bench/workload.sql.  Each query runs :reps times.
--
-- Every query returns its rows whole (count(x) of the row, so that the
-- planner cannot skip columns nobody reads) and in the list's order, by
-- registration number: what a reporting tool reading the list gets.
\set ON_ERROR_STOP 1
SET ismap.today = '2025-06-01';
CREATE FUNCTION pg_temp.time_ms(query text, reps integer) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz;
  best numeric := NULL;
  dummy bigint;
BEGIN
  FOR i IN 1..reps LOOP
    t0 := clock_timestamp();
    EXECUTE query INTO dummy;
    best := least(coalesce(best, 1e12), extract(epoch FROM clock_timestamp() - t0) * 1000);
  END LOOP;
  RETURN round(best, 3);
END $$;

SELECT 'list_today' AS figure,
       pg_temp.time_ms($$SELECT count(l) FROM ismap.cloud_service_list l$$, :reps) AS best_ms
UNION ALL
SELECT 'list_at_day',
       pg_temp.time_ms($$SELECT count(l) FROM ismap.cloud_service_list_at('2024-06-01') l$$, :reps)
UNION ALL
SELECT 'plain_select',
       pg_temp.time_ms($$SELECT count(x) FROM (
           SELECT r.registration_id, r.registration_number, s.service_id, s.name, s.name_en,
                  p.name, p.corporate_number, s.statement_scope, s.service_model, r.registered_on,
                  r.audit_period_start, r.audit_period_end, r.valid_until, ao.name,
                  au.registration_number, p.name_en, ao.name_en
             FROM ismap.service_registrations r
             JOIN ismap.cloud_services s ON s.service_id = r.service_id
             JOIN ismap.organizations p ON p.organization_id = s.provider_id
             JOIN ismap.auditors au ON au.auditor_id = r.auditor_id
             JOIN ismap.organizations ao ON ao.organization_id = au.organization_id
            WHERE s.program = 'ismap'
            ORDER BY r.registration_number) x$$, :reps)
UNION ALL
SELECT 'status_by_number',
       pg_temp.time_ms($$SELECT count(ismap.service_status(registration_id, '2025-06-01'))
                           FROM ismap.service_registrations
                          WHERE registration_number = (SELECT max(registration_number)
                                                         FROM ismap.service_registrations)$$, :reps);
