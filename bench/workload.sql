-- bench/workload.sql: the lifecycle load of the benchmarks, through ismap's
-- public write path.  Run with psql -v n=NUMBER_OF_SERVICES in a database
-- where ismap is installed, as a superuser (it pins ismap.today).
--
-- Fictional organizations: 10 audit firms and one provider per 10 services;
-- 法人番号 made from a serial with a computed check digit.
\set ON_ERROR_STOP 1
SET ismap.today = '2025-06-01';

CREATE FUNCTION pg_temp.corporate_number(serial bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT (9 - (SELECT sum(substr(b, 13 - i, 1)::int * (CASE WHEN i % 2 = 1 THEN 1 ELSE 2 END))
                 FROM generate_series(1, 12) i) % 9)::text || b
    FROM (SELECT lpad(serial::text, 12, '0') AS b) x
$$;

-- Ten audit firms, registered in 2024.
INSERT INTO ismap.organizations (corporate_number, name)
SELECT pg_temp.corporate_number(900000000000 + i), format('架空監査法人%s', i)
  FROM generate_series(1, 10) i;
INSERT INTO ismap.auditor_applications (organization_id, applied_on)
SELECT organization_id, '2024-01-05' FROM ismap.organizations ORDER BY organization_id;
UPDATE ismap.auditor_applications SET status = 'accepted';
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-01-20';

-- The providers' 法人番号, computed before the timed load: generating test
-- data is not part of the registry's work.
CREATE TEMP TABLE provider_numbers AS
SELECT s AS first_service, pg_temp.corporate_number(100000000000 + s) AS corporate_number
  FROM generate_series(1, :n, 10) s;
CREATE UNIQUE INDEX ON provider_numbers (first_service);

CREATE FUNCTION pg_temp.lifecycle(n integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  provider bigint;
  service bigint;
  auditor bigint;
  audit bigint;
  app bigint;
  reg bigint;
BEGIN
  FOR i IN 1..n LOOP
    IF i % 10 = 1 THEN
      INSERT INTO ismap.organizations (corporate_number, name)
      VALUES ((SELECT p.corporate_number FROM provider_numbers p WHERE p.first_service = i),
              format('架空クラウド株式会社%s', i))
      RETURNING organization_id INTO provider;
    END IF;
    auditor := 1 + i % 10;
    INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
    VALUES (provider, format('架空サービス%s', i), '全機能', 'SaaS')
    RETURNING service_id INTO service;

    INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
    VALUES (service, auditor, 'operating', '2023-01-01', '2023-12-31', '2024-02-01')
    RETURNING audit_id INTO audit;
    INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
    VALUES (service, '2024-02-10', audit) RETURNING application_id INTO app;
    UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = app;
    UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-03-01'
     WHERE application_id = app RETURNING registration_id INTO reg;

    INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
    VALUES (service, auditor, 'operating', '2024-01-01', '2024-12-31', '2025-02-01')
    RETURNING audit_id INTO audit;
    INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id)
    VALUES (service, 'renewal', '2025-02-10', audit, reg) RETURNING application_id INTO app;
    UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = app;
    UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-03-01'
     WHERE application_id = app;

    IF i % 10 = 0 THEN
      INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
      VALUES (reg, 'suspend', '2025-04-01', 'ベンチマークの一時停止');
      INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
      VALUES (reg, 'lift', '2025-05-01', 'ベンチマークの解除');
    END IF;
  END LOOP;
END $$;

\timing on
SELECT pg_temp.lifecycle(:n);
