-- A property test of change notices (svc_change_notice, aud_change_notice):
-- random histories of 14 cloud services of 5 providers audited by 2
-- auditors over 2020-2025 (registrations, yearly renewals, expiries,
-- suspensions and lifts, a removal), and random notices of services,
-- providers and auditors (published values and control changes, notified
-- late or announced ahead, several taking effect on one day, some given
-- no new value or a blank one, some for days their subject is not
-- registered), each filed through the public write path.  Then:
--   * each notice was accepted exactly when an oracle written here from
--     the rules says it must be (a value given, none blank; the subject
--     registered on the effective date);
--   * on every day from 2020-07-01 to 2026-08-31, the public service list
--     (cloud_service_list_at) is the list the spans give, with each name,
--     English name and statement scope as the oracle says the notices in
--     force that day make it (the latest effective on or before the day,
--     of one day the last recorded; else the value first recorded), one
--     row per registration; the auditor list likewise;
--   * the change lists show a change of published information on exactly
--     the days those values change;
--   * as known at each moment between the transactions that filed the
--     notices, the lists show only the notices recorded by then.
-- The notices are filed in four transactions, so the history is built in
-- a database of its own, as test/pgtap/32_as_known_at.sql does.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
SELECT current_database() AS home, current_database() || '_notices' AS notices_db \gset
\o /dev/null
SET client_min_messages = warning;
DROP DATABASE IF EXISTS :"notices_db" WITH (FORCE);
CREATE DATABASE :"notices_db";
\c :"notices_db"
SET client_min_messages = warning;
CREATE EXTENSION pgtap;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SET ismap.today = '2026-06-30';
SELECT setseed(0.52);

-- ---------------------------------------------------------------------
-- The registry: two auditors, five providers, fourteen services

BEGIN;
SELECT ismap_test.organization(n, format('架空監査法人%s', name), format('Fictional Audit %s', n))
  FROM (VALUES (1, 'あおば'), (2, 'いぶき')) AS o(n, name);
SELECT ismap_test.organization(10 + n, format('架空クラウド株式会社%s', name), format('Fictional Cloud %s', n))
  FROM (VALUES (1, 'かえで'), (2, 'きさらぎ'), (3, 'くすのき'), (4, 'けやき'), (5, 'こずえ')) AS o(n, name);
SELECT ismap_test.lasting_auditor(100 * n, n, '2020-06-01', '2026-06-30') FROM generate_series(1, 2) AS n;
SELECT ismap_test.service(n, 11 + n % 5, format('架空性質届出サービス%s', n),
                          CASE WHEN n = 14 THEN 'SaaS' ELSE (ARRAY['IaaS', 'PaaS', 'SaaS'])[1 + n % 3] END::ismap.service_model,
                          CASE WHEN n = 14 THEN 'ismap_liu' ELSE 'ismap' END::ismap.program)
  FROM generate_series(1, 14) AS n;

-- Each service: a first audit of a year starting on a random day from
-- 2020-07-01, registered 40 days after it ends; then n % 4 renewals, each
-- on the audit of the year that follows, filed 25 days after that year
-- and approved 10 days later.  Every third service is suspended for two
-- months in its first term; service 7 is removed in its second.
CREATE FUNCTION ismap_test.history(n integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  auditor bigint := ismap_test.auditor(1 + n % 2);
  -- Service 14 is an ISMAP-LIU one, which takes applications from
  -- 2022-11-01 (liu_start) and a ministry's assessment first.
  p_start date := date '2020-07-01' + (random() * 360)::int + CASE WHEN n = 14 THEN 500 ELSE 0 END;
  p_end date := (p_start + interval '1 year' - interval '1 day')::date;
  reg bigint;
BEGIN
  PERFORM ismap_test.audit(100 * n, n, auditor, p_start, p_end, p_end + 20);
  IF n = 14 THEN
    PERFORM ismap_test.assessed_low(n, p_end + 20);
  END IF;
  reg := ismap_test.svc_register(100 * n, n, 100 * n, p_end + 25, p_end + 40);
  IF n % 3 = 0 THEN
    PERFORM ismap_test.svc_change(reg, 'suspend', p_end + 100);
    PERFORM ismap_test.svc_change(reg, 'lift', p_end + 160);
  END IF;
  FOR k IN 1 .. n % 4 LOOP
    p_start := p_end + 1;
    p_end := (p_start + interval '1 year' - interval '1 day')::date;
    PERFORM ismap_test.audit(100 * n + k, n, auditor, p_start, p_end, p_end + 20);
    PERFORM ismap_test.svc_file(100 * n + k, n, p_end + 25, 100 * n + k, 'renewal', reg);
    PERFORM ismap_test.svc_decide(100 * n + k, 'approved', p_end + 35);
    IF n = 7 AND k = 1 THEN
      PERFORM ismap_test.svc_change(reg, 'remove', p_end + 200);
      EXIT;
    END IF;
  END LOOP;
END $$;
SELECT ismap_test.history(n) FROM generate_series(1, 14) AS n;
COMMIT;

-- ---------------------------------------------------------------------
-- The oracle, from the rules, independent of the extension's views

-- Registered on a day: valid, in renewal grace or suspended.
CREATE FUNCTION ismap_test.service_registered(service bigint, d date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM ismap.service_registrations r
                  WHERE r.service_id = service
                    AND ismap.service_status(r.registration_id, d) IN ('valid', 'renewal_pending', 'suspended'))
$$;
CREATE FUNCTION ismap_test.organization_registered(org bigint, d date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM ismap.auditors a
                  WHERE a.organization_id = org
                    AND ismap.auditor_status(a.auditor_id, d) IN ('valid', 'renewal_pending', 'suspended'))
      OR EXISTS (SELECT 1 FROM ismap.cloud_services s
                  WHERE s.provider_id = org AND ismap_test.service_registered(s.service_id, d))
$$;

-- The value of a column on a day: the latest notice in force that gives
-- one (of one day, the last recorded), of the notices numbered up to
-- known (all by default), else the value first recorded.
CREATE FUNCTION ismap_test.service_value(service bigint, d date, col text, known bigint DEFAULT NULL)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
           (SELECT CASE col WHEN 'name' THEN n.new_name WHEN 'name_en' THEN n.new_name_en
                            ELSE n.new_statement_scope END
              FROM ismap.service_change_notices n
             WHERE n.service_id = service AND n.kind = 'published_info' AND n.effective_on <= d
               AND n.notice_id <= coalesce(known, n.notice_id)
               AND CASE col WHEN 'name' THEN n.new_name WHEN 'name_en' THEN n.new_name_en
                            ELSE n.new_statement_scope END IS NOT NULL
             ORDER BY n.effective_on DESC, n.notice_id DESC LIMIT 1),
           (SELECT CASE col WHEN 'name' THEN s.name WHEN 'name_en' THEN s.name_en ELSE s.statement_scope END
              FROM ismap.cloud_services s WHERE s.service_id = service))
$$;
CREATE FUNCTION ismap_test.organization_value(org bigint, d date, col text, known bigint DEFAULT NULL)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
           (SELECT CASE col WHEN 'name' THEN n.new_name ELSE n.new_name_en END
              FROM ismap.organization_change_notices n
             WHERE n.organization_id = org AND n.effective_on <= d
               AND n.notice_id <= coalesce(known, n.notice_id)
               AND CASE col WHEN 'name' THEN n.new_name ELSE n.new_name_en END IS NOT NULL
             ORDER BY n.effective_on DESC, n.notice_id DESC LIMIT 1),
           (SELECT CASE col WHEN 'name' THEN o.name ELSE o.name_en END
              FROM ismap.organizations o WHERE o.organization_id = org))
$$;

-- The service list of a day as the spans give it (the list before
-- notices existed: spans_list), with the values the oracle gives.
CREATE FUNCTION ismap_test.oracle_list(d date, known bigint DEFAULT NULL)
RETURNS TABLE (registration_id bigint, registration_number text, service_id bigint, service_name text,
               service_name_en text, provider_name text, provider_corporate_number text,
               statement_scope text, service_model ismap.service_model, registered_on date,
               audit_period_start date, audit_period_end date, valid_until date, auditor_name text,
               auditor_registration_number text, status ismap.listing_status,
               provider_name_en text, auditor_name_en text)
LANGUAGE sql STABLE AS $$
  SELECT sp.registration_id, sp.registration_number, s.service_id,
         ismap_test.service_value(s.service_id, d, 'name', known),
         ismap_test.service_value(s.service_id, d, 'name_en', known),
         ismap_test.organization_value(s.provider_id, d, 'name', known), p.corporate_number,
         ismap_test.service_value(s.service_id, d, 'scope', known), s.service_model, sp.registered_on,
         sp.audit_period_start, sp.audit_period_end, sp.valid_until,
         ismap_test.organization_value(au.organization_id, d, 'name', known), au.registration_number,
         sp.status,
         ismap_test.organization_value(s.provider_id, d, 'name_en', known),
         ismap_test.organization_value(au.organization_id, d, 'name_en', known)
    FROM ismap.service_list_spans sp
    JOIN ismap.cloud_services s ON s.service_id = sp.service_id
    JOIN ismap.organizations p ON p.organization_id = s.provider_id
    JOIN ismap.auditors au ON au.auditor_id = sp.auditor_id
   WHERE s.program = 'ismap' AND sp.listed_from <= d AND sp.listed_until >= d
$$;
CREATE FUNCTION ismap_test.oracle_auditors(d date, known bigint DEFAULT NULL)
RETURNS TABLE (auditor_id bigint, name text, name_en text)
LANGUAGE sql STABLE AS $$
  SELECT a.auditor_id, ismap_test.organization_value(a.organization_id, d, 'name', known),
         ismap_test.organization_value(a.organization_id, d, 'name_en', known)
    FROM ismap.auditors a
   WHERE ismap.auditor_status(a.auditor_id, d) IN ('valid', 'renewal_pending', 'suspended')
$$;

-- ---------------------------------------------------------------------
-- The notices: 80 random attempts, in four transactions of twenty

CREATE TABLE ismap_test.attempts (n integer PRIMARY KEY, notice_id bigint, is_service boolean,
                                  expected boolean, accepted boolean, sqlstate text, rule text);
CREATE TABLE ismap_test.moments (batch integer PRIMARY KEY, known_at timestamptz, last_notice bigint);

CREATE FUNCTION ismap_test.attempt(n integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  is_service boolean := random() < 0.6;
  subject bigint;
  effective date;
  noticed date;
  control boolean := false;
  v1 text; v2 text; v3 text;
  description text := NULL;
  values_ok boolean;
  id bigint := 5000 + n;
  e record;
BEGIN
  IF is_service THEN
    subject := 1 + (random() * 13)::int % 14;
  ELSE
    subject := (ARRAY[1, 2, 11, 12, 13, 14, 15])[1 + (random() * 6)::int];
  END IF;
  -- a day of 2020-2026; one attempt in four takes the day of an earlier notice of the subject
  effective := date '2020-09-01' + (random() * 2100)::int;
  IF random() < 0.25 THEN
    SELECT coalesce(max(x.effective_on), effective) INTO effective
      FROM (SELECT sn.effective_on FROM ismap.service_change_notices sn WHERE is_service AND sn.service_id = subject
            UNION ALL
            SELECT o.effective_on FROM ismap.organization_change_notices o WHERE NOT is_service AND o.organization_id = subject) x;
  END IF;
  -- notified up to 60 days late or 30 days ahead, never after today
  noticed := least(greatest(effective + (random() * 90)::int - 30, date '2020-06-01'), ismap.today());
  control := is_service AND random() < 0.25;
  IF control THEN
    description := format('統制の変更 %s', n);
    values_ok := true;
  ELSE
    v1 := CASE WHEN random() < 0.5 THEN format('新名称%s', n) END;
    v2 := CASE WHEN random() < 0.4 THEN format('New Name %s', n) END;
    v3 := CASE WHEN is_service AND random() < 0.4 THEN format('新しい言明の対象範囲%s', n) END;
    IF random() < 0.05 THEN v2 := ' '; END IF;     -- a blank value
    values_ok := (v1 IS NOT NULL OR v2 IS NOT NULL OR v3 IS NOT NULL) AND coalesce(v2, 'x') <> ' ';
  END IF;
  INSERT INTO ismap_test.attempts (n, notice_id, is_service, expected)
  VALUES (n, id, is_service, values_ok AND CASE WHEN is_service THEN ismap_test.service_registered(subject, effective)
                                                ELSE ismap_test.organization_registered(subject, effective) END);
  SELECT * INTO e FROM ismap_test.refusal(CASE WHEN is_service THEN
      format('INSERT INTO ismap.service_change_notices (notice_id, service_id, kind, noticed_on, effective_on,'
             ' new_name, new_name_en, new_statement_scope, description) VALUES (%s, %s, %L, %L, %L, %L, %L, %L, %L)',
             id, subject, CASE WHEN control THEN 'control_change' ELSE 'published_info' END, noticed, effective,
             v1, v2, v3, description)
    ELSE
      format('INSERT INTO ismap.organization_change_notices (notice_id, organization_id, noticed_on, effective_on,'
             ' new_name, new_name_en) VALUES (%s, %s, %L, %L, %L, %L)', id, subject, noticed, effective, v1, v2)
    END);
  UPDATE ismap_test.attempts a SET accepted = e.sqlstate IS NULL, sqlstate = e.sqlstate, rule = e.rule
   WHERE a.n = attempt.n;
END $$;
SELECT pg_sleep(0.01);
INSERT INTO ismap_test.moments VALUES (0, clock_timestamp(), 0);
SELECT pg_sleep(0.01);

BEGIN;
SELECT ismap_test.attempt(n) FROM generate_series(1, 20) AS n;
COMMIT;
SELECT pg_sleep(0.01);
INSERT INTO ismap_test.moments SELECT 1, clock_timestamp(), max(notice_id) FROM ismap_test.attempts WHERE n <= 20;
SELECT pg_sleep(0.01);

BEGIN;
SELECT ismap_test.attempt(n) FROM generate_series(21, 40) AS n;
COMMIT;
SELECT pg_sleep(0.01);
INSERT INTO ismap_test.moments SELECT 2, clock_timestamp(), max(notice_id) FROM ismap_test.attempts WHERE n <= 40;
SELECT pg_sleep(0.01);

BEGIN;
SELECT ismap_test.attempt(n) FROM generate_series(41, 60) AS n;
COMMIT;
SELECT pg_sleep(0.01);
INSERT INTO ismap_test.moments SELECT 3, clock_timestamp(), max(notice_id) FROM ismap_test.attempts WHERE n <= 60;
SELECT pg_sleep(0.01);

BEGIN;
SELECT ismap_test.attempt(n) FROM generate_series(61, 80) AS n;
COMMIT;
\o

BEGIN;
SELECT plan(12);
SET LOCAL client_min_messages = warning;

SELECT cmp_ok((SELECT count(*) FROM ismap_test.attempts WHERE accepted), '>=', 30::bigint,
              '(most of the attempts make notices)');
SELECT cmp_ok((SELECT count(*) FROM ismap_test.attempts WHERE NOT expected), '>=', 10::bigint,
              '(and enough of them must be refused)');
SELECT ok((SELECT count(*) > 0 FROM (SELECT effective_on FROM ismap.service_change_notices
                                      WHERE kind = 'published_info'
                                      GROUP BY service_id, effective_on HAVING count(*) > 1) x)
          OR (SELECT count(*) > 0 FROM (SELECT effective_on FROM ismap.organization_change_notices
                                         GROUP BY organization_id, effective_on HAVING count(*) > 1) x),
          '(some notices take effect on the day of another of their subject)');
SELECT is_empty($$SELECT n, expected, accepted, sqlstate, rule FROM ismap_test.attempts WHERE expected IS DISTINCT FROM accepted$$,
                'every notice is accepted exactly when the rules allow it');
SELECT is_empty($$SELECT n, sqlstate, rule FROM ismap_test.attempts
                   WHERE NOT accepted AND (sqlstate <> '23514'
                         OR rule NOT IN ('svc_change_notice', 'aud_change_notice'))$$,
                'each refusal is a 23514 of the notice rules');

SELECT bag_eq($$SELECT d, l.* FROM generate_series(date '2020-07-01', '2026-08-31', '1 day') g(d),
                       ismap.cloud_service_list_at(g.d::date) l$$,
              $$SELECT d, l.* FROM generate_series(date '2020-07-01', '2026-08-31', '1 day') g(d),
                       ismap_test.oracle_list(g.d::date) l$$,
              'on every day, the service list is the spans'' list with the values the notices in force give, one row per registration');
SELECT bag_eq($$SELECT d, l.auditor_id, l.name, l.name_en FROM generate_series(date '2020-07-01', '2026-08-31', '1 day') g(d),
                       ismap.auditor_list_at(g.d::date) l$$,
              $$SELECT d, l.* FROM generate_series(date '2020-07-01', '2026-08-31', '1 day') g(d),
                       ismap_test.oracle_auditors(g.d::date) l$$,
              'on every day, the auditor list names each auditor as the notices in force that day do');
SELECT bag_eq($$SELECT * FROM ismap.cloud_service_list$$, $$SELECT * FROM ismap.cloud_service_list_at(ismap.today())$$,
              'today''s list is the list of today');

-- The change lists: a change of published information exactly when one of
-- the published values differs from the day before, nothing else changing.
SELECT set_eq($$SELECT d::date, c.registration_number FROM generate_series(date '2020-07-02', '2026-08-31', '1 day') g(d),
                     ismap.cloud_service_list_changes(g.d::date - 1, g.d::date) c
               WHERE c.change = 'published_info_changed'$$,
              $$SELECT d::date, b.registration_number FROM generate_series(date '2020-07-02', '2026-08-31', '1 day') g(d),
                     ismap_test.oracle_list(g.d::date - 1) a JOIN ismap_test.oracle_list(g.d::date) b USING (registration_id)
               WHERE a.status = b.status AND a.valid_until = b.valid_until
                 AND (a.service_name, a.service_name_en, a.statement_scope, a.provider_name, a.provider_name_en,
                      a.auditor_name, a.auditor_name_en)
                     IS DISTINCT FROM (b.service_name, b.service_name_en, b.statement_scope, b.provider_name,
                                       b.provider_name_en, b.auditor_name, b.auditor_name_en)$$,
              'the service change list shows a change of published information on exactly the days a value changes');

-- As known at each moment between the transactions: only the notices
-- recorded by then (every 5th day, to keep the suite short).
SELECT bag_eq($$SELECT m.batch, d, l.* FROM ismap_test.moments m, generate_series(date '2020-07-01', '2026-08-31', '5 days') g(d),
                       ismap.cloud_service_list_at(g.d::date, m.known_at) l$$,
              $$SELECT m.batch, d, l.* FROM ismap_test.moments m, generate_series(date '2020-07-01', '2026-08-31', '5 days') g(d),
                       ismap_test.oracle_list(g.d::date, m.last_notice) l$$,
              'as known between the transactions, the service list shows only the notices recorded by then');
SELECT bag_eq($$SELECT m.batch, d, l.auditor_id, l.name, l.name_en
                  FROM ismap_test.moments m, generate_series(date '2020-07-01', '2026-08-31', '5 days') g(d),
                       ismap.auditor_list_at(g.d::date, m.known_at) l$$,
              $$SELECT m.batch, d, l.* FROM ismap_test.moments m, generate_series(date '2020-07-01', '2026-08-31', '5 days') g(d),
                       ismap_test.oracle_auditors(g.d::date, m.last_notice) l$$,
              'and so does the auditor list');
SELECT is_empty($$SELECT * FROM ismap.verify_history()$$, '(the log of it all is one whole chain)');

SELECT * FROM finish();
ROLLBACK;

\o /dev/null
\c :"home"
DROP DATABASE :"notices_db" WITH (FORCE);
\o
