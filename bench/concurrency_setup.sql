-- bench/concurrency_setup.sql: the starting registry of the concurrency
-- figure (bench/concurrency.sh), and the actions of its pgbench mix.
-- Run once with psql -v n=NUMBER_OF_SERVICES in a fresh database, as a
-- superuser (it pins ismap.today, also for every later connection).
--
-- Fictional organizations only: 10 audit firms and one provider per 10
-- services; 法人番号 made from a serial with a computed check digit.
\set ON_ERROR_STOP 1
CREATE EXTENSION IF NOT EXISTS ismap;
-- Every connection of the run (pgbench's included) sees the same day.
ALTER DATABASE :"DBNAME" SET ismap.today = '2025-06-01';
SET ismap.today = '2025-06-01';

CREATE SCHEMA bench;
COMMENT ON SCHEMA bench IS 'The concurrency benchmark''s helpers (not part of ismap)';

CREATE FUNCTION bench.corporate_number(serial bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT (9 - (SELECT sum(substr(b, 13 - i, 1)::int * (CASE WHEN i % 2 = 1 THEN 1 ELSE 2 END))
                 FROM generate_series(1, 12) i) % 9)::text || b
    FROM (SELECT lpad(serial::text, 12, '0') AS b) x
$$;

-- What the write actions did: one row per call, appended (no counter row
-- that every client would update).  Unlogged: it is not registry data.
-- outcome: 'done', 'refused' (rule is ismap's rule id) or 'no_target'.
CREATE UNLOGGED TABLE bench.outcomes (
  action   text NOT NULL,
  outcome  text NOT NULL,
  rule     text,
  sqlstate text,
  message  text,
  client   integer
);

-- The organizations the actions pick from.
CREATE TABLE bench.auditors (n integer PRIMARY KEY, auditor_id bigint NOT NULL);
CREATE TABLE bench.providers (n integer PRIMARY KEY, provider_id bigint NOT NULL);

-- The starting registry: n services, all through ismap's public write path.
--   * most: audited 2023-07-01..2024-06-30, registered 2024-09-02, valid
--     until 2025-10-31 (three 3-month renewals fit before 2025-06-01);
--   * i % 10 = 0: suspended from 2025-04-01, lifted from 2025-05-01;
--   * i % 10 = 5: suspended from 2025-05-15 (still suspended);
--   * i % 50 = 7: removed from 2025-05-20;
--   * i % 25 = 3: audited over 2023-01-01..2023-03-31, registered
--     2024-03-01, expired after 2024-07-31.
CREATE FUNCTION bench.populate(n integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  provider bigint;
  service bigint;
  auditor bigint;
  audit bigint;
  app bigint;
  reg bigint;
  expired boolean;
BEGIN
  -- Ten audit firms, registered in January 2024 (valid until 2026-01-05).
  INSERT INTO ismap.organizations (corporate_number, name)
  SELECT bench.corporate_number(900000000000 + i), format('架空監査法人%s', i)
    FROM generate_series(1, 10) i;
  INSERT INTO ismap.auditor_applications (organization_id, applied_on)
  SELECT organization_id, '2024-01-05' FROM ismap.organizations ORDER BY organization_id;
  UPDATE ismap.auditor_applications SET status = 'accepted';
  UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-01-20';
  INSERT INTO bench.auditors SELECT row_number() OVER (ORDER BY auditor_id), auditor_id
    FROM ismap.auditors;

  FOR i IN 1..n LOOP
    IF i % 10 = 1 THEN
      INSERT INTO ismap.organizations (corporate_number, name)
      VALUES (bench.corporate_number(100000000000 + i), format('架空クラウド株式会社%s', i))
      RETURNING organization_id INTO provider;
      INSERT INTO bench.providers VALUES ((i - 1) / 10 + 1, provider);
    END IF;
    SELECT auditor_id INTO auditor FROM bench.auditors WHERE bench.auditors.n = 1 + i % 10;
    expired := i % 25 = 3;
    INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
    VALUES (provider, format('架空サービス%s', i), '全機能', 'SaaS')
    RETURNING service_id INTO service;

    IF expired THEN
      INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
      VALUES (service, auditor, 'operating', '2023-01-01', '2023-03-31', '2024-02-01')
      RETURNING audit_id INTO audit;
      INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
      VALUES (service, '2024-02-10', audit) RETURNING application_id INTO app;
      UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = app;
      UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-03-01'
       WHERE application_id = app;
      CONTINUE;
    END IF;

    INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
    VALUES (service, auditor, 'operating', '2023-07-01', '2024-06-30', '2024-07-20')
    RETURNING audit_id INTO audit;
    INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
    VALUES (service, '2024-08-01', audit) RETURNING application_id INTO app;
    UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = app;
    UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-09-02'
     WHERE application_id = app RETURNING registration_id INTO reg;

    IF i % 10 = 0 THEN
      INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
      VALUES (reg, 'suspend', '2025-04-01', 'ベンチマークの一時停止');
      INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
      VALUES (reg, 'lift', '2025-05-01', 'ベンチマークの解除');
    ELSIF i % 10 = 5 THEN
      INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
      VALUES (reg, 'suspend', '2025-05-15', 'ベンチマークの一時停止');
    ELSIF i % 50 = 7 THEN
      INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
      VALUES (reg, 'remove', '2025-05-20', 'ベンチマークの削除');
    END IF;
  END LOOP;
END $$;

-- ---------- the actions of the mix (bench/mix_*.sql) ----------
-- Each is one call.  client is pgbench's :client_id, r a random number
-- drawn by pgbench (so --random-seed makes a run repeatable), from which
-- the action picks its targets.
--
-- A refusal by ismap (SQLSTATE class 23 or 55, the rule id as constraint
-- name and at the head of the message) is an expected outcome: it is
-- caught, the action's writes are rolled back, and it is counted in
-- bench.outcomes.  Anything else -- serialization failures and deadlocks
-- above all -- is not caught: it reaches pgbench, which retries the
-- transaction (--max-tries) and reports it.

-- Record a refusal, or raise again what is not one.
CREATE FUNCTION bench.refused(action text, client integer, state text, rule text,
                              message text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF rule IS NULL OR rule = '' OR message NOT LIKE rule || ': %' THEN
    RETURN false;
  END IF;
  INSERT INTO bench.outcomes VALUES (action, 'refused', rule, state, message, client);
  RETURN true;
END $$;

CREATE FUNCTION bench.done(action text, client integer, outcome text DEFAULT 'done')
RETURNS void LANGUAGE sql AS $$
  INSERT INTO bench.outcomes (action, outcome, client) VALUES (action, outcome, client)
$$;

-- A registration picked at random (registration ids may have gaps: the
-- first at or after the drawn one, else the first).
CREATE FUNCTION bench.pick_registration(r bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT registration_id FROM ismap.service_registrations
      WHERE registration_id >= 1 + r % (SELECT max(registration_id) FROM ismap.service_registrations)
      ORDER BY registration_id LIMIT 1),
    (SELECT min(registration_id) FROM ismap.service_registrations))
$$;

-- (a) A new service of a random provider: its audit (calendar 2024,
-- reported 2025-01-31), the application (today), acceptance, approval.
CREATE FUNCTION bench.new_service(client integer, r bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  provider bigint;
  auditor bigint;
  service bigint;
  audit bigint;
  app bigint;
  number text;
  st text; rule text; msg text;
BEGIN
  SELECT provider_id INTO provider FROM bench.providers
   WHERE n = 1 + r % (SELECT count(*) FROM bench.providers);
  SELECT auditor_id INTO auditor FROM bench.auditors
   WHERE n = 1 + (r / 7) % (SELECT count(*) FROM bench.auditors);
  BEGIN
    INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
    VALUES (provider, format('架空新サービス%s-%s', client, r), '全機能', 'SaaS')
    RETURNING service_id INTO service;
    INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
    VALUES (service, auditor, 'operating', '2024-01-01', '2024-12-31', '2025-01-31')
    RETURNING audit_id INTO audit;
    INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
    VALUES (service, ismap.today(), audit) RETURNING application_id INTO app;
    UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = app;
    UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
     WHERE application_id = app;
    SELECT r.registration_number INTO number
      FROM ismap.service_applications a JOIN ismap.service_registrations r USING (registration_id)
     WHERE a.application_id = app;
    PERFORM bench.done('new_service', client);
    RETURN 'registered ' || number;
  EXCEPTION WHEN integrity_constraint_violation OR object_not_in_prerequisite_state THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, rule = CONSTRAINT_NAME, msg = MESSAGE_TEXT;
    IF NOT bench.refused('new_service', client, st, rule, msg) THEN
      RAISE;
    END IF;
    RETURN 'refused ' || rule;
  END;
END $$;

-- (b) A renewal of a random registration: an operating audit of the three
-- months that follow on from the registration's audit_period_end, reported
-- two weeks after, by the auditor of the term in force; the renewal filed
-- today (before valid_until when the registration is in force), accepted
-- and approved today.  ismap refuses it if the registration is expired or
-- removed, already has an open renewal, or if the audit would have to be
-- reported after today.
CREATE FUNCTION bench.renew(client integer, r bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  reg record;
  audit bigint;
  app bigint;
  p_start date;
  p_end date;
  st text; rule text; msg text;
BEGIN
  SELECT registration_id, service_id, audit_period_end, auditor_id INTO reg
    FROM ismap.service_registrations WHERE registration_id = bench.pick_registration(r);
  IF NOT FOUND THEN
    PERFORM bench.done('renewal', client, 'no_target');
    RETURN 'no target';
  END IF;
  p_start := reg.audit_period_end + 1;
  p_end := (p_start + interval '3 months')::date - 1;
  BEGIN
    INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
    VALUES (reg.service_id, reg.auditor_id, 'operating', p_start, p_end, p_end + 14)
    RETURNING audit_id INTO audit;
    INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id)
    VALUES (reg.service_id, 'renewal', ismap.today(), audit, reg.registration_id)
    RETURNING application_id INTO app;
    UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = app;
    UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
     WHERE application_id = app;
    PERFORM bench.done('renewal', client);
    RETURN 'renewed ' || reg.registration_id;
  EXCEPTION WHEN integrity_constraint_violation OR object_not_in_prerequisite_state THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, rule = CONSTRAINT_NAME, msg = MESSAGE_TEXT;
    IF NOT bench.refused('renewal', client, st, rule, msg) THEN
      RAISE;
    END IF;
    RETURN 'refused ' || rule;
  END;
END $$;

-- (c) A suspension of a random registration, or the lift of its
-- suspension if it is suspended, effective today.  ismap refuses it if the
-- registration is removed or expired, or if it already changed status
-- today (changes are recorded in effective-date order, one a day).
CREATE FUNCTION bench.suspend_or_lift(client integer, r bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  reg bigint := bench.pick_registration(r);
  last_action text;
  act ismap.status_action;
  st text; rule text; msg text;
BEGIN
  IF reg IS NULL THEN
    PERFORM bench.done('suspend_or_lift', client, 'no_target');
    RETURN 'no target';
  END IF;
  SELECT action::text INTO last_action FROM ismap.service_status_changes
   WHERE registration_id = reg AND action IN ('suspend', 'lift')
   ORDER BY effective_on DESC, change_id DESC LIMIT 1;
  act := CASE WHEN last_action = 'suspend' THEN 'lift' ELSE 'suspend' END;
  BEGIN
    INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
    VALUES (reg, act, ismap.today(),
            CASE act WHEN 'suspend' THEN format('ベンチマークの一時停止（クライアント%s）', client)
                     ELSE format('ベンチマークの解除（クライアント%s）', client) END);
    PERFORM bench.done('suspend_or_lift', client);
    RETURN act || ' ' || reg;
  EXCEPTION WHEN integrity_constraint_violation OR object_not_in_prerequisite_state THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, rule = CONSTRAINT_NAME, msg = MESSAGE_TEXT;
    IF NOT bench.refused('suspend_or_lift', client, st, rule, msg) THEN
      RAISE;
    END IF;
    RETURN 'refused ' || rule;
  END;
END $$;

-- (d) Reading: today's public list counted, and one registration's status
-- found by its registration number.  Writes nothing.
CREATE FUNCTION bench.read_list(client integer, r bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  listed bigint;
  number text;
  status ismap.listing_status;
BEGIN
  SELECT count(*) INTO listed FROM ismap.cloud_service_list;
  SELECT registration_number INTO number FROM ismap.service_registrations
   WHERE registration_id = bench.pick_registration(r);
  SELECT ismap.service_status(registration_id) INTO status
    FROM ismap.service_registrations WHERE registration_number = number;
  RETURN format('%s listed; %s %s', listed, number, status);
END $$;

\set QUIET on
SELECT bench.populate(:n);
