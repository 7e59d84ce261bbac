-- A property test: random histories of 40 cloud services over 2020-2026
-- (registrations, renewals filed early, on the expiry day, late or never,
-- decisions after random delays, suspensions, lifts, removals, new
-- applications after expiry or removal), every write made through the
-- public write path on its own day.  Then, for every registration and
-- every day from 2020-06-01 to 2027-06-30:
--   * the public list (cloud_service_list_at, read from the facts copy on
--     each registration row) shows the registration with status s exactly
--     when ismap.service_status (read from the tables) says s, for s in
--     valid, renewal_pending, suspended;
--   * the term it shows is the term in force that day in
--     service_registration_terms (the latest in_force_from <= day);
--   * ismap.service_status agrees with an oracle written here in SQL
--     straight from the rules (design.md, "Status on a day");
-- and the writes were refused exactly when the rules say they must be.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(11);
SET LOCAL ismap.today = '2020-01-01';
SET LOCAL client_min_messages = warning;

-- ---------------------------------------------------------------------
-- The cast: four auditors, ten providers, forty services

SELECT ismap_test.organization(n, format('架空監査法人%s', name), format('Fictional Audit Corporation %s', n))
  FROM (VALUES (1, 'はるかぜ'), (2, 'ひばり'), (3, 'ふじなみ'), (4, 'へいわ')) AS o(n, name) \g /dev/null
SELECT ismap_test.organization(10 + n, format('架空クラウド株式会社%s', name), format('Fictional Cloud K.K. %s', n))
  FROM (VALUES (1, 'まつ'), (2, 'みなみ'), (3, 'むつき'), (4, 'めいげつ'), (5, 'もみじ'),
               (6, 'やまぶき'), (7, 'ゆうなぎ'), (8, 'よいまち'), (9, 'らんまん'), (10, 'りんどう')) AS o(n, name) \g /dev/null
-- Auditors 1-3 stay registered throughout; auditor 4 is registered
-- 2021-01-14 and expires after 2023-01-04.
SELECT ismap_test.lasting_auditor(100 * n, n, '2020-06-01', '2027-06-30') FROM generate_series(1, 3) AS n \g /dev/null
SELECT ismap_test.register(400, 4, '2021-01-04', '2021-01-14') \g /dev/null
CREATE TABLE ismap_test.sim_auditors AS
  SELECT row_number() OVER (ORDER BY auditor_id) AS n, auditor_id FROM ismap.auditors;
-- Services 1..38 are ISMAP services; 39 and 40 ISMAP-LIU (never listed).
SELECT ismap_test.service(n, 11 + n % 10, format('架空性質検証サービス%s', n),
                          CASE WHEN n >= 39 THEN 'SaaS' ELSE (ARRAY['IaaS', 'PaaS', 'SaaS'])[1 + n % 3] END::ismap.service_model,
                          CASE WHEN n >= 39 THEN 'ismap_liu' ELSE 'ismap' END::ismap.program)
  FROM generate_series(1, 40) AS n \g /dev/null
-- A ministry finds their impact low before ISMAP-LIU starts (liu_scope).
SELECT ismap_test.organization(31, '架空府省') \g /dev/null
INSERT INTO ismap.procuring_bodies (body_id, organization_id, kind) VALUES (1, 31, 'ministry');
SELECT ismap_test.at('2022-10-01', $$INSERT INTO ismap.impact_assessments (service_id, assessed_by, assessed_on, result)
                                     VALUES (39, 1, '2022-10-01', 'low'), (40, 1, '2022-10-01', 'low')$$) \g /dev/null

-- ---------------------------------------------------------------------
-- The oracle: the status of a registration on a day, from the tables, as
-- design.md states it ("Status on a day"), written independently of the
-- extension.  Precedence removed > expired > suspended > renewal_pending >
-- valid; null before the registration day.
CREATE FUNCTION ismap_test.rule_status(reg bigint, d date) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE
           WHEN d < r.registered_on THEN NULL
           WHEN EXISTS (SELECT 1 FROM ismap.service_status_changes c
                         WHERE c.registration_id = reg AND c.action = 'remove' AND c.effective_on <= d)
             THEN 'removed'
           WHEN d > t.valid_until
                AND NOT EXISTS (SELECT 1 FROM ismap.service_applications a
                                 WHERE a.registration_id = reg AND a.kind = 'renewal'
                                   AND a.applied_on <= t.valid_until AND a.applied_on <= d
                                   AND (a.decided_on IS NULL OR a.decided_on > d))
             THEN 'expired'
           WHEN (SELECT c.action FROM ismap.service_status_changes c
                  WHERE c.registration_id = reg AND c.action <> 'remove' AND c.effective_on <= d
                  ORDER BY c.effective_on DESC, c.change_id DESC LIMIT 1) = 'suspend'
             THEN 'suspended'
           WHEN d > t.valid_until THEN 'renewal_pending'
           ELSE 'valid'
         END
    FROM ismap.service_registrations r
    LEFT JOIN LATERAL (SELECT t.valid_until FROM ismap.service_registration_terms t
                        WHERE t.registration_id = reg AND t.in_force_from <= d
                        ORDER BY t.in_force_from DESC, t.term_no DESC LIMIT 1) t ON true
   WHERE r.registration_id = reg
$$;

-- What the rules say of a status change recorded on its effective day d.
CREATE FUNCTION ismap_test.rule_change(reg bigint, d date, action text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  last_day date;
  last_suspension text;
BEGIN
  SELECT max(effective_on) INTO last_day FROM ismap.service_status_changes c WHERE c.registration_id = reg;
  SELECT c.action INTO last_suspension FROM ismap.service_status_changes c
   WHERE c.registration_id = reg AND c.action <> 'remove' ORDER BY c.effective_on DESC, c.change_id DESC LIMIT 1;
  IF EXISTS (SELECT 1 FROM ismap.service_status_changes c WHERE c.registration_id = reg AND c.action = 'remove') THEN
    RETURN '55000 ovs_suspension';                       -- removal is final
  ELSIF d < last_day OR (d = last_day AND action <> 'remove') THEN
    RETURN '23514 ovs_suspension';                       -- effective-date order
  ELSIF action = 'lift' AND last_suspension IS DISTINCT FROM 'suspend' THEN
    RETURN '55000 ovs_suspension';                       -- nothing to lift
  ELSIF action = 'suspend' AND (last_suspension = 'suspend'
                                OR ismap_test.rule_status(reg, d) NOT IN ('valid', 'renewal_pending')) THEN
    RETURN '55000 ovs_suspension';                       -- already suspended, or not in force
  END IF;
  RETURN 'ok';
END $$;

-- ---------------------------------------------------------------------
-- The simulation

-- What is planned for each service.
CREATE TABLE ismap_test.sim (
  service_id bigint PRIMARY KEY,
  reg bigint,                     -- its latest registration
  removed boolean NOT NULL DEFAULT false,
  new_apply_on date, new_app bigint, new_decide_on date, new_outcome text,
  renew_file_on date, renew_contiguous boolean NOT NULL DEFAULT true,
  renew_app bigint, renew_decide_on date, renew_outcome text,
  suspend_on date, lift_on date, remove_on date,
  early_new_on date               -- a new application while registered (to be refused)
);
-- Every write attempted: what the rules say must happen (null: not
-- predicted here) and what happened ('ok', or SQLSTATE and rule).
CREATE TABLE ismap_test.sim_log (
  seq bigserial, day date, service_id bigint, step text, expected text, got text
);
CREATE SEQUENCE ismap_test.sim_ids START 100000;

CREATE FUNCTION ismap_test.ri(n integer) RETURNS integer LANGUAGE sql AS $$
  SELECT floor(random() * greatest(n, 1))::integer
$$;

CREATE FUNCTION ismap_test.sim_try(sid bigint, d date, step text, expected text, statement text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  got text := 'ok';
  st text;
  ru text;
BEGIN
  BEGIN
    EXECUTE statement;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, ru = CONSTRAINT_NAME;
    got := st || ' ' || coalesce(ru, '-');
  END;
  INSERT INTO ismap_test.sim_log (day, service_id, step, expected, got) VALUES (d, sid, step, expected, got);
  RETURN got;
END $$;

-- Record an audit of a service, reported on rep; auditor n (1..4) unless
-- refused, then auditor 1.  Returns the audit id.
CREATE FUNCTION ismap_test.sim_audit(sid bigint, d date, ps date, pe date, rep date, assessment text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  id bigint := nextval('ismap_test.sim_ids');
  pick integer := CASE WHEN random() < 0.1 THEN 4 ELSE 1 + ismap_test.ri(3) END;
  auditor bigint;
  expected text := 'ok';
BEGIN
  IF pick = 4 AND (rep < '2021-01-14' OR rep > '2023-01-04') THEN
    expected := '23514 svc_audit_by_registered_auditor';
  END IF;
  SELECT a.auditor_id INTO auditor FROM ismap_test.sim_auditors a WHERE a.n = pick;
  IF ismap_test.sim_try(sid, d, 'audit', expected, format(
       'INSERT INTO ismap.audits (audit_id, service_id, auditor_id, assessment, period_start, period_end, reported_on)'
       ' VALUES (%s, %s, %s, %L, %L, %L, %L)', id, sid, auditor, assessment, ps, pe, rep)) <> 'ok' THEN
    SELECT a.auditor_id INTO auditor FROM ismap_test.sim_auditors a WHERE a.n = 1;
    PERFORM ismap_test.sim_try(sid, d, 'audit', 'ok', format(
       'INSERT INTO ismap.audits (audit_id, service_id, auditor_id, assessment, period_start, period_end, reported_on)'
       ' VALUES (%s, %s, %s, %L, %L, %L, %L)', id, sid, auditor, assessment, ps, pe, rep));
  END IF;
  RETURN id;
END $$;

-- A term (registration or renewal) came into force on day d: plan what
-- happens next to the service.
CREATE FUNCTION ismap_test.sim_plan_term(sid bigint, d date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  s ismap_test.sim;
  v date;
  r float8 := random();
BEGIN
  SELECT * INTO s FROM ismap_test.sim WHERE service_id = sid;
  SELECT valid_until INTO v FROM ismap.service_registrations WHERE registration_id = s.reg;
  s.renew_file_on := NULL;
  s.new_apply_on := NULL;
  s.renew_contiguous := random() < 0.9;
  IF r < 0.5 THEN
    s.renew_file_on := greatest(d, v - ismap_test.ri(90));         -- on time
  ELSIF r < 0.65 THEN
    s.renew_file_on := v;                                           -- on the expiry day
  ELSIF r < 0.75 THEN
    s.renew_file_on := v + 1 + ismap_test.ri(20);                   -- too late
  ELSIF random() < 0.7 THEN
    s.new_apply_on := v + 1 + ismap_test.ri(200);                   -- no renewal; a new application later
  END IF;
  IF coalesce(s.suspend_on < d, true) AND coalesce(s.lift_on < d, true) AND random() < 0.5 THEN
    s.suspend_on := d + ismap_test.ri(v - d + 60);
    s.lift_on := CASE WHEN random() < 0.75 THEN s.suspend_on + 1 + ismap_test.ri(150) END;
  END IF;
  IF random() < 0.15 THEN
    s.early_new_on := d + ismap_test.ri(v - d + 1);
  END IF;
  IF coalesce(s.remove_on < d, true) AND random() < 0.12 THEN
    s.remove_on := d + ismap_test.ri(450);
  END IF;
  UPDATE ismap_test.sim SET renew_file_on = s.renew_file_on, new_apply_on = s.new_apply_on,
         renew_contiguous = s.renew_contiguous, suspend_on = s.suspend_on, lift_on = s.lift_on,
         remove_on = s.remove_on, early_new_on = s.early_new_on
   WHERE service_id = sid;
END $$;

-- A new application, on a fresh audit.
CREATE FUNCTION ismap_test.sim_new_apply(sid bigint, d date, early boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  pe date := d - 5 - ismap_test.ri(60);
  ps date := (pe + 1 - interval '1 year')::date;
  rep date := pe + 1 + ismap_test.ri(d - pe);
  design boolean := random() < 0.15;
  audit bigint;
  app bigint := nextval('ismap_test.sim_ids');
  expected text := 'ok';
  r float8 := random();
BEGIN
  IF design AND (d < '2020-06-01' OR d > '2021-05-31') THEN
    expected := '23514 svc_audit_kind';
  ELSIF sid >= 39 AND d < '2022-11-01' THEN
    expected := '23514 liu_scope';                     -- ISMAP-LIU starts 2022-11-01
  ELSIF EXISTS (SELECT 1 FROM ismap.service_registrations r WHERE r.service_id = sid
                   AND ismap_test.rule_status(r.registration_id, d) IN ('valid', 'renewal_pending', 'suspended')) THEN
    expected := '23514 svc_application_flow';          -- registered: renew instead
  ELSIF EXISTS (SELECT 1 FROM ismap.service_applications a WHERE a.service_id = sid AND a.kind = 'new'
                   AND a.status IN ('submitted', 'accepted')) THEN
    expected := '23514 svc_application_flow';          -- one undecided new application at a time
  END IF;
  IF early THEN
    UPDATE ismap_test.sim SET early_new_on = NULL WHERE service_id = sid;
  END IF;
  audit := ismap_test.sim_audit(sid, d, ps, pe, rep, CASE WHEN design THEN 'design' ELSE 'operating' END);
  IF ismap_test.sim_try(sid, d, CASE WHEN early THEN 'new early' ELSE 'new' END, expected, format(
       'INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)'
       ' VALUES (%s, %s, %L, %s)', app, sid, d, audit)) = 'ok' THEN
    UPDATE ismap_test.sim SET new_apply_on = NULL, new_app = app, new_decide_on = d + 1 + ismap_test.ri(90),
           new_outcome = CASE WHEN r < 0.85 THEN 'approved' WHEN r < 0.93 THEN 'rejected'
                              WHEN r < 0.97 THEN 'withdrawn' ELSE 'returned' END
     WHERE service_id = sid;
  ELSIF NOT early THEN
    UPDATE ismap_test.sim SET new_apply_on = d + 1 WHERE service_id = sid;   -- try again tomorrow
  END IF;
END $$;

-- Decide an application as planned; returns whether it was approved.
CREATE FUNCTION ismap_test.sim_decide(sid bigint, d date, app bigint, outcome text, expected text)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  got text;
BEGIN
  IF outcome IN ('approved', 'rejected') THEN
    PERFORM ismap_test.sim_try(sid, d, 'accept', 'ok', format(
      'UPDATE ismap.service_applications SET status = %L WHERE application_id = %s', 'accepted', app));
  END IF;
  got := ismap_test.sim_try(sid, d, outcome, CASE WHEN outcome = 'approved' THEN expected ELSE 'ok' END, format(
    'UPDATE ismap.service_applications SET status = %L, decided_on = %L WHERE application_id = %s', outcome, d, app));
  IF outcome = 'approved' AND got <> 'ok' THEN
    PERFORM ismap_test.sim_try(sid, d, 'rejected', 'ok', format(
      'UPDATE ismap.service_applications SET status = %L, decided_on = %L WHERE application_id = %s', 'rejected', d, app));
  END IF;
  RETURN outcome = 'approved' AND got = 'ok';
END $$;

CREATE FUNCTION ismap_test.sim_new_decide(sid bigint, d date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  s ismap_test.sim;
BEGIN
  SELECT * INTO s FROM ismap_test.sim WHERE service_id = sid;
  UPDATE ismap_test.sim SET new_app = NULL, new_decide_on = NULL WHERE service_id = sid;
  IF ismap_test.sim_decide(sid, d, s.new_app, s.new_outcome, 'ok') THEN
    UPDATE ismap_test.sim SET reg = (SELECT registration_id FROM ismap.service_applications WHERE application_id = s.new_app),
           removed = false
     WHERE service_id = sid;
    PERFORM ismap_test.sim_plan_term(sid, d);
  ELSE
    UPDATE ismap_test.sim SET new_apply_on = d + 1 + ismap_test.ri(120) WHERE service_id = sid;
  END IF;
END $$;

-- A renewal, on an audit of the following period (or, one time in ten, of
-- a period with a gap or an overlap).
CREATE FUNCTION ismap_test.sim_renew_file(sid bigint, d date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  s ismap_test.sim;
  v date;
  p date;
  ps date;
  pe date;
  audit bigint;
  app bigint := nextval('ismap_test.sim_ids');
  expected text := 'ok';
  got text;
  registrations integer;
  r float8 := random();
BEGIN
  SELECT * INTO s FROM ismap_test.sim WHERE service_id = sid;
  UPDATE ismap_test.sim SET renew_file_on = NULL, renew_contiguous = true WHERE service_id = sid;
  SELECT valid_until, audit_period_end INTO v, p FROM ismap.service_registrations WHERE registration_id = s.reg;
  SELECT count(*) INTO registrations FROM ismap.service_registrations WHERE service_id = sid;
  ps := p + 1;
  IF NOT s.renew_contiguous THEN
    ps := ps + CASE WHEN random() < 0.5 THEN 1 + ismap_test.ri(3) ELSE -1 - ismap_test.ri(3) END;
  END IF;
  pe := (ps + interval '1 year' - interval '1 day')::date;
  audit := ismap_test.sim_audit(sid, d, ps, pe, pe + 1 + ismap_test.ri(d - pe), 'operating');
  IF ismap_test.rule_status(s.reg, d) = 'removed' THEN
    expected := '55000 ovs_suspension';
  ELSIF d > v THEN
    expected := '23514 svc_renewal_deadline';
  ELSIF NOT s.renew_contiguous THEN
    expected := '23514 svc_audit_period';
  END IF;
  got := ismap_test.sim_try(sid, d, 'renewal', expected, format(
    'INSERT INTO ismap.service_applications (application_id, service_id, kind, applied_on, audit_id, registration_id)'
    ' VALUES (%s, %s, %L, %L, %s, %s)', app, sid, 'renewal', d, audit,
    CASE WHEN registrations = 1 AND random() < 0.5 THEN 'NULL' ELSE s.reg::text END));
  IF got = 'ok' THEN
    UPDATE ismap_test.sim SET renew_app = app, renew_decide_on = d + 1 + ismap_test.ri(120),
           renew_outcome = CASE WHEN r < 0.7 THEN 'approved' WHEN r < 0.82 THEN 'rejected'
                                WHEN r < 0.92 THEN 'withdrawn' ELSE 'returned' END
     WHERE service_id = sid;
  ELSIF got = '23514 svc_audit_period' THEN
    UPDATE ismap_test.sim SET renew_file_on = d + 1 WHERE service_id = sid;      -- again tomorrow, audited right
  ELSIF got = '23514 svc_renewal_deadline' AND random() < 0.7 THEN
    UPDATE ismap_test.sim SET new_apply_on = d WHERE service_id = sid;           -- a new application instead
  END IF;
END $$;

CREATE FUNCTION ismap_test.sim_renew_decide(sid bigint, d date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  s ismap_test.sim;
  v date;
BEGIN
  SELECT * INTO s FROM ismap_test.sim WHERE service_id = sid;
  UPDATE ismap_test.sim SET renew_app = NULL, renew_decide_on = NULL WHERE service_id = sid;
  SELECT valid_until INTO v FROM ismap.service_registrations WHERE registration_id = s.reg;
  IF ismap_test.sim_decide(sid, d, s.renew_app, s.renew_outcome,
                           CASE WHEN s.removed THEN '55000 ovs_suspension' ELSE 'ok' END) THEN
    PERFORM ismap_test.sim_plan_term(sid, d);
  ELSIF NOT s.removed THEN
    IF d < v AND random() < 0.3 THEN
      UPDATE ismap_test.sim SET renew_file_on = d + ismap_test.ri(v - d + 1) WHERE service_id = sid;  -- renew again in time
    ELSIF random() < 0.7 THEN
      UPDATE ismap_test.sim SET new_apply_on = greatest(d, v + 1) + ismap_test.ri(150) WHERE service_id = sid;
    END IF;
  END IF;
END $$;

CREATE FUNCTION ismap_test.sim_change(sid bigint, d date, action text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  s ismap_test.sim;
BEGIN
  SELECT * INTO s FROM ismap_test.sim WHERE service_id = sid;
  IF action = 'suspend' THEN
    UPDATE ismap_test.sim SET suspend_on = NULL WHERE service_id = sid;
  ELSIF action = 'lift' THEN
    UPDATE ismap_test.sim SET lift_on = NULL WHERE service_id = sid;
  ELSE
    UPDATE ismap_test.sim SET remove_on = NULL WHERE service_id = sid;
  END IF;
  IF s.reg IS NULL THEN
    RETURN;
  END IF;
  IF ismap_test.sim_try(sid, d, action, ismap_test.rule_change(s.reg, d, action), format(
       'INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, %L, %L, %L)',
       s.reg, action, d, CASE action WHEN 'suspend' THEN '運営委員会の決定による一時停止'
                                     WHEN 'lift' THEN '是正措置の確認による解除'
                                     ELSE '運営委員会の決定による登録の削除' END)) = 'ok'
     AND action = 'remove' THEN
    UPDATE ismap_test.sim SET removed = true, renew_file_on = NULL, suspend_on = NULL, lift_on = NULL,
           new_apply_on = CASE WHEN random() < 0.5 THEN d + 30 + ismap_test.ri(270) END
     WHERE service_id = sid;
  END IF;
END $$;

-- Run the histories, day by day, forward in time until the end of 2026.
CREATE FUNCTION ismap_test.simulate() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  d date := '2020-05-31';
  sid bigint;
BEGIN
  PERFORM setseed(0.42);
  INSERT INTO ismap_test.sim (service_id, new_apply_on)
  SELECT n, '2020-09-01'::date + ismap_test.ri(730) FROM generate_series(1, 40) AS n ORDER BY n;
  LOOP
    SELECT min(x) INTO d
      FROM ismap_test.sim,
           unnest(ARRAY[new_apply_on, new_decide_on, renew_file_on, renew_decide_on, suspend_on, lift_on, remove_on,
                        early_new_on]) AS x
     WHERE x > d;
    EXIT WHEN d IS NULL OR d > '2026-12-31';
    PERFORM set_config('ismap.today', to_char(d, 'YYYY-MM-DD'), true);
    FOR sid IN SELECT service_id FROM ismap_test.sim WHERE remove_on = d ORDER BY 1 LOOP
      PERFORM ismap_test.sim_change(sid, d, 'remove');
    END LOOP;
    FOR sid IN SELECT service_id FROM ismap_test.sim WHERE lift_on = d ORDER BY 1 LOOP
      PERFORM ismap_test.sim_change(sid, d, 'lift');
    END LOOP;
    FOR sid IN SELECT service_id FROM ismap_test.sim WHERE suspend_on = d ORDER BY 1 LOOP
      PERFORM ismap_test.sim_change(sid, d, 'suspend');
    END LOOP;
    FOR sid IN SELECT service_id FROM ismap_test.sim WHERE renew_decide_on = d ORDER BY 1 LOOP
      PERFORM ismap_test.sim_renew_decide(sid, d);
    END LOOP;
    FOR sid IN SELECT service_id FROM ismap_test.sim WHERE new_decide_on = d ORDER BY 1 LOOP
      PERFORM ismap_test.sim_new_decide(sid, d);
    END LOOP;
    FOR sid IN SELECT service_id FROM ismap_test.sim WHERE renew_file_on = d ORDER BY 1 LOOP
      PERFORM ismap_test.sim_renew_file(sid, d);
    END LOOP;
    FOR sid IN SELECT service_id FROM ismap_test.sim WHERE new_apply_on = d ORDER BY 1 LOOP
      PERFORM ismap_test.sim_new_apply(sid, d);
    END LOOP;
    FOR sid IN SELECT service_id FROM ismap_test.sim WHERE early_new_on = d ORDER BY 1 LOOP
      PERFORM ismap_test.sim_new_apply(sid, d, true);
    END LOOP;
    -- (a new application planned for the same day by a refused late
    -- renewal runs too: new applications come after renewals)
  END LOOP;
END $$;

SELECT ismap_test.simulate() \g /dev/null
SET LOCAL ismap.today = '2027-06-30';

-- ---------------------------------------------------------------------
-- The checks

CREATE TABLE ismap_test.days AS
  SELECT d::date FROM generate_series('2020-06-01'::date, '2027-06-30'::date, interval '1 day') AS d;

-- What the public list shows, every day.
CREATE TABLE ismap_test.listed_days AS
  SELECT x.d, l.registration_id, l.status::text AS status, l.valid_until, l.audit_period_start, l.audit_period_end,
         l.auditor_registration_number
    FROM ismap_test.days x CROSS JOIN LATERAL ismap.cloud_service_list_at(x.d) l;

-- What ismap.service_status says, every registration, every day.
CREATE TABLE ismap_test.status_days AS
  SELECT x.d, r.registration_id, s.program::text AS program,
         ismap.service_status(r.registration_id, x.d)::text AS status
    FROM ismap_test.days x CROSS JOIN ismap.service_registrations r
    JOIN ismap.cloud_services s USING (service_id);

-- The term in force each day: the latest with in_force_from <= day.
CREATE TABLE ismap_test.term_days AS
  SELECT DISTINCT ON (x.d, t.registration_id) x.d, t.registration_id, t.term_no, t.valid_until,
         t.audit_period_start, t.audit_period_end, a.registration_number AS auditor_registration_number
    FROM ismap_test.days x JOIN ismap.service_registration_terms t ON t.in_force_from <= x.d
    JOIN ismap.auditors a USING (auditor_id)
   ORDER BY x.d, t.registration_id, t.in_force_from DESC, t.term_no DESC;

-- What the oracle says, every registration, every day.
CREATE TABLE ismap_test.oracle_days AS
  SELECT x.d, r.registration_id, ismap_test.rule_status(r.registration_id, x.d) AS status
    FROM ismap_test.days x CROSS JOIN ismap.service_registrations r;

-- The property
SELECT is((SELECT count(*)
             FROM (SELECT * FROM ismap_test.listed_days) l
             FULL JOIN (SELECT * FROM ismap_test.status_days
                         WHERE program = 'ismap' AND status IN ('valid', 'renewal_pending', 'suspended')) s
               USING (d, registration_id)
            WHERE l.status IS DISTINCT FROM s.status),
          0::bigint,
          'every day, a registration is on the list with status s exactly when service_status says s (valid, renewal_pending, suspended)');
SELECT is((SELECT count(*)
             FROM ismap_test.listed_days l LEFT JOIN ismap_test.term_days t USING (d, registration_id)
            WHERE (l.valid_until, l.audit_period_start, l.audit_period_end, l.auditor_registration_number)
                  IS DISTINCT FROM (t.valid_until, t.audit_period_start, t.audit_period_end, t.auditor_registration_number)),
          0::bigint,
          'every listed row shows the expiry, audit period and auditor of the term in force that day');
SELECT is((SELECT count(*) FROM ismap_test.status_days s JOIN ismap_test.oracle_days o USING (d, registration_id)
            WHERE s.status IS DISTINCT FROM o.status),
          0::bigint, 'service_status agrees with the rules, every registration, every day');
SELECT is((SELECT count(*) FROM ismap_test.listed_days l JOIN ismap.service_registrations r USING (registration_id)
             JOIN ismap.cloud_services s USING (service_id) WHERE s.program <> 'ismap'),
          0::bigint, 'ISMAP-LIU registrations are never on the ISMAP list');
SELECT is((SELECT count(*) FROM ismap_test.sim_log WHERE expected IS NOT NULL AND expected <> got),
          0::bigint, 'every write was accepted or refused as the rules say');

-- It was a real test: many writes, and every status occurred
SELECT cmp_ok((SELECT count(*) FROM ismap_test.sim_log WHERE got = 'ok'
                 AND step IN ('new', 'new early', 'renewal', 'approved', 'rejected', 'withdrawn', 'returned', 'suspend', 'lift', 'remove')),
              '>=', 300::bigint, 'the simulation made many decisive writes through the public write path');
SELECT cmp_ok((SELECT count(*) FROM ismap.service_registrations), '>=', 60::bigint, 'many registrations');
SELECT cmp_ok((SELECT count(*) FROM ismap.service_registration_terms WHERE term_no > 1), '>=', 30::bigint, 'many renewals');
SELECT cmp_ok((SELECT count(*) FROM ismap_test.sim_log WHERE got <> 'ok'), '>=', 30::bigint, 'many refusals');
SELECT results_eq($$SELECT status FROM ismap_test.status_days WHERE status IS NOT NULL GROUP BY status
                     HAVING count(*) >= 100 ORDER BY status$$,
                  $$VALUES ('expired'), ('removed'), ('renewal_pending'), ('suspended'), ('valid')$$,
                  'every status occurs on many registration-days');
SELECT cmp_ok((SELECT count(*) FROM ismap_test.listed_days), '>=', 20000::bigint, 'many listed registration-days');

SELECT diag(format('%s registrations of %s services, %s terms; %s registration-days checked, %s of them listed',
                   (SELECT count(*) FROM ismap.service_registrations),
                   (SELECT count(DISTINCT service_id) FROM ismap.service_registrations),
                   (SELECT count(*) FROM ismap.service_registration_terms),
                   (SELECT count(*) FROM ismap_test.status_days), (SELECT count(*) FROM ismap_test.listed_days)));
SELECT diag('registration-days by status: ' || string_agg(format('%s %s', coalesce(status, 'none yet'), n), ', ' ORDER BY status))
  FROM (SELECT status, count(*) AS n FROM ismap_test.status_days GROUP BY status) x;
SELECT diag('writes accepted/tried: ' || string_agg(format('%s %s/%s', step, ok, n), ', ' ORDER BY step))
  FROM (SELECT step, count(*) FILTER (WHERE got = 'ok') AS ok, count(*) AS n FROM ismap_test.sim_log GROUP BY step) x;
SELECT diag('refusals: ' || string_agg(format('%s %s', got, n), ', ' ORDER BY got))
  FROM (SELECT got, count(*) AS n FROM ismap_test.sim_log WHERE got <> 'ok' GROUP BY got) x;
-- The first disagreements, if any, to start debugging from
SELECT diag(format('list/status disagreement: registration %s on %s: list %s, service_status %s',
                   registration_id, d, l.status, s.status))
  FROM (SELECT * FROM ismap_test.listed_days) l
  FULL JOIN (SELECT * FROM ismap_test.status_days WHERE program = 'ismap' AND status IN ('valid', 'renewal_pending', 'suspended')) s
    USING (d, registration_id)
 WHERE l.status IS DISTINCT FROM s.status
 ORDER BY registration_id, d LIMIT 5;
SELECT diag(format('oracle disagreement: registration %s on %s: service_status %s, rules %s', registration_id, d, s.status, o.status))
  FROM ismap_test.status_days s JOIN ismap_test.oracle_days o USING (d, registration_id)
 WHERE s.status IS DISTINCT FROM o.status
 ORDER BY registration_id, d LIMIT 5;
SELECT diag(format('unexpected outcome on %s, service %s, %s: expected %s, got %s', day, service_id, step, expected, got))
  FROM ismap_test.sim_log WHERE expected IS NOT NULL AND expected <> got ORDER BY seq LIMIT 5;

SELECT * FROM finish();
ROLLBACK;
