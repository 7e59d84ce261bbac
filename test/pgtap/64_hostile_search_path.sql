-- A hostile search_path (README, "Access"): an unprivileged role's schema
-- placed ahead of pg_catalog, or after it, holding operators, functions,
-- aggregates and relations named like those ismap's SQL uses
-- (hostile_objects.psql), runs none of them in any view, function, trigger
-- of ismap or in its extension script.  Every view and table is read,
-- every SQL-callable function called and every trigger fired (counted by
-- track_functions) under each path; evil.calls_seq counts the attacker's
-- objects that ran.  Then the functions' own settings: which pin
-- search_path, and which are SECURITY DEFINER.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(13);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;
-- (counts every function call of the transaction, C and SQL included)
SET LOCAL track_functions = 'all';

-- ---------- the registry, written under the ordinary search_path ----------
SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人かすみ'), (2, '架空監査法人みぞれ'),
               (11, '架空クラウド株式会社きらら'), (12, '架空クラウド株式会社くじら'),
               (21, '架空府省')) AS o(n, name)
 \g /dev/null
SELECT ismap_test.register(101, 1, '2024-04-01', '2024-05-10') AS a \gset
SELECT ismap_test.service(1, 11, '架空会議室予約') \g /dev/null
SELECT ismap_test.service(2, 12, '架空電子帳簿') \g /dev/null
SELECT ismap_test.service(3, 11, '架空勤怠管理') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(21, 2, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(31, 3, :a, '2025-01-01', '2025-09-30', '2025-11-20') \g /dev/null
-- an ISMAP-LIU service, found low by a ministry
SELECT ismap_test.service(9, 12, '架空低影響SaaS', 'SaaS', 'ismap_liu') \g /dev/null
SELECT ismap_test.audit(91, 9, :a, '2025-01-01', '2025-09-30', '2025-11-20') \g /dev/null
SELECT ismap_test.service(8, 12, '架空未評価SaaS', 'SaaS', 'ismap_liu') \g /dev/null
SELECT ismap_test.audit(81, 8, :a, '2025-01-01', '2025-09-30', '2025-11-20') \g /dev/null
INSERT INTO ismap.procuring_bodies (body_id, organization_id, kind) VALUES (21, 21, 'ministry');
SELECT ismap_test.at('2025-11-01', $$INSERT INTO ismap.impact_assessments (service_id, assessed_by, assessed_on, result)
  VALUES (9, 21, '2025-11-01', 'low')$$) \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2025-01-25', '2025-02-10') AS r1 \gset
SELECT ismap_test.svc_register(2001, 2, 21, '2025-01-25', '2025-02-10') AS r2 \gset
UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-03-20' WHERE auditor_id = :a;
SELECT ismap_test.at('2025-04-01', $$INSERT INTO ismap.service_change_notices
  (notice_id, service_id, kind, noticed_on, effective_on, description)
  VALUES (1, 1, 'control_change', '2025-04-01', '2025-04-15', '基盤の移設（架空）')$$) \g /dev/null
SELECT ismap_test.at('2025-05-01', format($$INSERT INTO ismap.investigations
  (investigation_id, registration_id, opened_on) VALUES (1, %s, '2025-05-01')$$, :r2)) \g /dev/null
SELECT ismap_test.at('2025-05-20', $$UPDATE ismap.investigations SET closed_on = '2025-05-20',
  finding = 'issues_found', finding_text = 'ログの保存期間の不足（架空）' WHERE investigation_id = 1$$) \g /dev/null
SELECT ismap_test.at('2025-06-02', format($$INSERT INTO ismap.reaudit_demands
  (demand_id, registration_id, demanded_on, due_on, investigation_id)
  VALUES (1, %s, '2025-06-02', '2025-08-31', 1)$$, :r2)) \g /dev/null
CREATE ROLE ismap_test_p1 IN ROLE ismap_provider;
CREATE ROLE ismap_test_p2 IN ROLE ismap_provider;
INSERT INTO ismap.role_organizations VALUES ('ismap_test_p1', 11);
CREATE ROLE ismap_test_pr1 IN ROLE ismap_procurer;
INSERT INTO ismap.role_organizations VALUES ('ismap_test_pr1', 12);
SELECT ismap_test.corporate_number('999900000013') AS cn13 \gset
SELECT corporate_number AS cn11 FROM ismap.organizations WHERE organization_id = 11 \gset

\ir hostile_objects.psql

-- ---------- what runs under the hostile path ----------
-- hostile(path, day, role, statement, want): run the statement with
-- search_path set to path, ismap.today to day, as role (null: as the
-- suite), and count a surprise (ismap_test.surprises, which a rolled-back
-- savepoint does not undo) if it did not end as wanted: 'accepted' or the
-- SQLSTATE of its refusal.  The helper itself runs with a pinned path.
CREATE SEQUENCE ismap_test.surprises;
CREATE FUNCTION ismap_test.hostile(path text, day date, who name, statement text, want text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  got text := 'accepted';
  message text;
BEGIN
  BEGIN
    PERFORM set_config('ismap.today', to_char(day, 'YYYY-MM-DD'), true);
    IF who IS NOT NULL THEN
      PERFORM set_config('role', who, true);
    END IF;
    PERFORM set_config('search_path', path, true);
    EXECUTE statement;
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
    PERFORM pg_catalog.set_config('role', 'none', true);
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS got = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
  END;
  PERFORM set_config('ismap.today', '2025-12-01', true);
  IF got <> want THEN
    PERFORM nextval('ismap_test.surprises');
    RAISE WARNING 'under search_path %: % ended % (%), not %', path, statement, got, message, want;
  END IF;
END $$;

-- The steps, run once under each path.  Reads: every table and view.
CREATE TABLE ismap_test.steps (n serial, day date, who name, statement text, want text);
INSERT INTO ismap_test.steps (day, who, statement, want)
SELECT '2025-12-01', NULL, format('SELECT * FROM %s', c.oid::regclass), 'accepted'
  FROM pg_class c WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind IN ('r', 'v')
 ORDER BY c.relname;
-- Every SQL-callable function, with valid arguments.
INSERT INTO ismap_test.steps (day, who, statement, want)
SELECT '2025-12-01', NULL, format(s, :a, :r1), 'accepted' FROM unnest(ARRAY[
  $$SELECT ismap.today()$$,
  $$SELECT ismap.auditor_valid_until('2025-01-01'), ismap.service_valid_until('2025-01-01')$$,
  $$SELECT ismap.corporate_number_is_valid('1234567890123')$$,
  $$SELECT ismap.auditor_status(%1$s, '2025-06-01'), ismap.auditor_standing(%1$s, '2025-06-01')$$,
  $$SELECT * FROM ismap.auditor_list_at('2025-06-01')$$,
  $$SELECT * FROM ismap.auditor_list_at('2025-06-01', pg_catalog.now())$$,
  $$SELECT ismap.service_status(%2$s, '2025-06-01')$$,
  $$SELECT ismap.registration_standing(r.facts, r.registered_on, '2025-06-01') FROM ismap.service_registrations r$$,
  $$SELECT ismap.list_arg_given(1, 'day', 'svc_public_list')$$,
  $$SELECT * FROM ismap.cloud_service_list_at('2025-06-01')$$,
  $$SELECT * FROM ismap.cloud_service_list_at('2025-06-01', pg_catalog.now())$$,
  $$SELECT * FROM ismap.liu_service_list_at('2025-06-01')$$,
  $$SELECT * FROM ismap.liu_service_list_at('2025-06-01', pg_catalog.now())$$,
  $$SELECT * FROM ismap.cloud_service_list_changes('2025-01-01', '2025-12-01')$$,
  $$SELECT * FROM ismap.auditor_list_changes('2024-01-01', '2025-12-01')$$,
  $$SELECT ismap.sees_every_row(), ismap.concerns_organization(11), ismap.concerns_service(1),
           ismap.concerns_registration(%2$s), ismap.concerns_incident(1), ismap.concerns_auditor(%1$s)$$,
  $$SELECT * FROM ismap.overdue_compliance_reports_at('2025-12-01')$$,
  $$SELECT * FROM ismap.overdue_items('2025-12-01')$$,
  $$SELECT * FROM ismap.upcoming_expiries('6 months', '2025-12-01')$$,
  $$SELECT * FROM ismap.verify_history()$$,
  $$SELECT * FROM ismap.history_first_break()$$,
  $$SELECT v.* FROM ismap.history_head() h, ismap.verify_history(h.seq, h.hash) v$$,
  $$SELECT b.* FROM ismap.history_head() h, ismap.history_first_break(h.seq, h.hash) b$$,
  $$SELECT ismap.demand_status('reaudit', 1, '2025-12-01')$$,
  $$SELECT * FROM ismap.overdue_obligations_at('2025-12-01')$$,
  $$SELECT ismap.incident_report_due('2025-06-01', 'first'), ismap.change_notice_due('2025-06-01')$$,
  $$SELECT * FROM ismap.known_rows('cloud_services', pg_catalog.now())$$,
  $$SELECT ismap.entry_change_reason('cloud_service', %2$s, '2025-01-01', '2025-12-01', NULL,
           'valid', NULL, '2026-04-30', '2025-02-10')$$,
  $$SELECT ismap.list_json('cloud_service'), ismap.list_csv('auditor', '2025-06-01', 'en'),
           ismap.list_digest('auditor', '2025-06-01', pg_catalog.now())$$,
  $$SELECT ismap.concerns_body(1), ismap.status_since(%2$s, '2025-12-01'),
           ismap.procurement_labels(1, %2$s)$$,
  $$SELECT * FROM ismap.procurement_impact_at('2026-06-01')$$
]) AS s;
-- Writes that fire every trigger, and refusals that name what they refuse.
INSERT INTO ismap_test.steps (day, who, statement, want) VALUES
  ('2025-12-01', NULL, format($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
     VALUES (13, %L, '架空クラウド合同会社しずく')$$, :'cn13'), 'accepted'),
  ('2025-12-01', NULL, $$UPDATE ismap.organizations SET name_en = 'Fictional Shizuku LLC'
     WHERE organization_id OPERATOR(pg_catalog.=) 13$$, 'accepted'),
  ('2025-12-01', NULL, $$DELETE FROM ismap.organizations WHERE organization_id OPERATOR(pg_catalog.=) 13$$, 'accepted'),
  ('2025-12-01', NULL, format($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
     VALUES (14, %L, '架空の重複')$$, :'cn11'), '23505'),
  ('2025-12-01', NULL, $$DELETE FROM ismap.organizations WHERE organization_id OPERATOR(pg_catalog.=) 11$$, '23503'),
  ('2025-12-01', NULL, $$UPDATE ismap.cloud_services SET provider_id = 12 WHERE service_id OPERATOR(pg_catalog.=) 3$$, '55000'),
  ('2025-11-20', NULL, format($$INSERT INTO ismap.audits (audit_id, service_id, auditor_id, assessment,
     period_start, period_end, reported_on) VALUES (32, 2, %s, 'operating', '2025-01-01', '2025-09-30', '2025-11-20')$$, :a),
   'accepted'),
  ('2025-11-25', NULL, $$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
     VALUES (3001, 3, '2025-11-25', 31)$$, 'accepted'),
  ('2025-11-26', NULL, $$UPDATE ismap.service_applications SET status = 'accepted'
     WHERE application_id OPERATOR(pg_catalog.=) 3001$$, 'accepted'),
  ('2025-11-28', NULL, $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-11-28'
     WHERE application_id OPERATOR(pg_catalog.=) 3001$$, 'accepted'),
  ('2025-11-29', NULL, $$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
     SELECT registration_id, 'suspend', '2025-11-29', '架空の停止理由' FROM ismap.service_applications
      WHERE application_id OPERATOR(pg_catalog.=) 3001$$, 'accepted'),
  ('2025-11-30', NULL, $$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
     SELECT registration_id, 'lift', '2025-11-30', '架空の解除理由' FROM ismap.service_applications
      WHERE application_id OPERATOR(pg_catalog.=) 3001$$, 'accepted'),
  ('2025-11-01', NULL, $$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
     VALUES (201, 2, '2025-11-01')$$, 'accepted'),
  ('2025-11-02', NULL, $$UPDATE ismap.auditor_applications SET status = 'accepted'
     WHERE application_id OPERATOR(pg_catalog.=) 201$$, 'accepted'),
  ('2025-11-10', NULL, $$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2025-11-10'
     WHERE application_id OPERATOR(pg_catalog.=) 201$$, 'accepted'),
  ('2025-11-20', NULL, $$UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-11-20'
     WHERE application_id OPERATOR(pg_catalog.=) 201$$, 'accepted'),
  ('2025-11-21', NULL, $$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
     SELECT auditor_id, 'suspend', '2025-11-21', '架空の停止理由' FROM ismap.auditor_applications
      WHERE application_id OPERATOR(pg_catalog.=) 201$$, 'accepted'),
  ('2025-11-22', NULL, $$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
     SELECT auditor_id, 'lift', '2025-11-22', '架空の解除理由' FROM ismap.auditor_applications
      WHERE application_id OPERATOR(pg_catalog.=) 201$$, 'accepted'),
  ('2025-11-01', NULL, $$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
     VALUES (202, 1, '2025-11-01')$$, '23514'),
  ('2025-11-20', NULL, format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
     VALUES (1, %s, '2025-11-20', '架空の不正アクセス')$$, :r1), 'accepted'),
  ('2025-11-21', NULL, $$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
     VALUES (1, 'first', '2025-11-21', '速報（架空）')$$, 'accepted'),
  ('2025-11-25', NULL, $$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
     VALUES (1, 'final', '2025-11-25', '確報（架空）')$$, 'accepted'),
  ('2025-11-20', NULL, $$INSERT INTO ismap.service_change_notices (notice_id, service_id, kind, noticed_on, effective_on, new_name)
     VALUES (3, 1, 'published_info', '2025-11-20', '2025-12-01', '架空会議室予約ネオ')$$, 'accepted'),
  ('2025-11-20', NULL, $$INSERT INTO ismap.organization_change_notices (notice_id, organization_id, noticed_on, effective_on, new_name)
     VALUES (3, 11, '2025-11-20', '2025-12-01', '架空クラウド株式会社きららネオ')$$, 'accepted'),
  ('2025-11-20', NULL, format($$INSERT INTO ismap.investigations (investigation_id, registration_id, opened_on)
     VALUES (3, %s, '2025-11-20')$$, :r1), 'accepted'),
  ('2025-11-25', NULL, $$UPDATE ismap.investigations SET closed_on = '2025-11-25', finding = 'issues_found',
     finding_text = '架空の不備' WHERE investigation_id OPERATOR(pg_catalog.=) 3$$, 'accepted'),
  ('2025-11-26', NULL, format($$INSERT INTO ismap.reaudit_demands (demand_id, registration_id, demanded_on, due_on, investigation_id)
     VALUES (3, %s, '2025-11-26', '2026-02-28', 3)$$, :r1), 'accepted'),
  ('2025-11-26', NULL, format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id)
     VALUES (%s, '2025-11-26', '2026-02-28', 1)$$, :r2), '23514'),
  ('2025-11-26', NULL, format($$INSERT INTO ismap.reapplication_demands (demand_id, registration_id, demanded_on, due_on, grounds)
     VALUES (3, %s, '2025-11-26', '2026-01-31', '架空の理由')$$, :r2), 'accepted'),
  ('2025-12-01', NULL, $$UPDATE ismap.settings SET value = '13 months'
     WHERE name OPERATOR(pg_catalog.=) 'consulting_cooling_off_months'$$, 'accepted'),
  ('2025-12-01', NULL, $$INSERT INTO ismap.role_organizations VALUES ('ismap_test_p2', 12)$$, 'accepted'),
  ('2025-12-01', NULL, $$INSERT INTO ismap.declared_interests (role_name, subject_organization_id, kind, valid_from)
     VALUES ('ismap_test_p2', 11, 'financial', '2025-01-01')$$, 'accepted'),
  ('2025-12-01', NULL, $$INSERT INTO ismap.procuring_bodies (organization_id, kind) VALUES (12, 'ministry')$$, 'accepted'),
  ('2025-12-01', NULL, $$INSERT INTO ismap.impact_assessments (service_id, assessed_by, assessed_on, result)
     VALUES (9, 21, '2025-12-01', 'not_low')$$, 'accepted'),
  ('2025-11-25', NULL, $$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
     VALUES (4001, 9, '2025-11-25', 91)$$, 'accepted'),
  ('2025-11-25', NULL, $$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
     VALUES (4002, 8, '2025-11-25', 81)$$, '23514'),
  ('2025-12-01', NULL, $$UPDATE ismap.procurer_scope SET in_scope_from = '2026-04-01'
     WHERE kind OPERATOR(pg_catalog.=) 'local_government'$$, 'accepted'),
  ('2025-12-01', NULL, format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on, list_digest)
     SELECT b.body_id, %s, '2025-12-01', ismap.list_digest('cloud_service', '2025-12-01')
       FROM ismap.procuring_bodies b WHERE b.organization_id OPERATOR(pg_catalog.=) 12$$, :r1), 'accepted'),
  ('2025-12-01', NULL, $$UPDATE ismap.procurements SET contracted_on = '2025-11-30'$$, '55000'),
  ('2025-12-01', 'ismap_test_pr1', $$SELECT * FROM ismap.procurements$$, 'accepted'),
  ('2025-12-01', NULL, $$SELECT ismap.correct('ismap.cloud_services', 3, '{"name_en": "Fictional Service Three"}', '英語名の誤り')$$, 'accepted'),
  ('2025-12-01', NULL, $$TRUNCATE ismap.audits$$, '55000'),
  ('2025-12-01', NULL, $$INSERT INTO ismap.auditors (registration_number, organization_id, registered_on, valid_from, valid_until)
     VALUES ('A25-9999', 2, '2025-12-01', '2025-12-01', '2026-12-01')$$, '42501'),
  ('2025-12-01', NULL, $$UPDATE ismap.history SET reason = '改ざん' WHERE seq OPERATOR(pg_catalog.=) 1$$, '42501'),
  -- as a provider: its rows through the policies, its writes through the authority checks
  ('2025-12-01', 'ismap_test_p1', $$SELECT * FROM ismap.audits$$, 'accepted'),
  ('2025-12-01', 'ismap_test_p1', $$SELECT * FROM ismap.cloud_services$$, 'accepted'),
  ('2025-12-01', 'ismap_test_p1', $$SELECT * FROM ismap.incidents$$, 'accepted'),
  ('2025-12-01', 'ismap_test_p1', $$SELECT * FROM ismap.cloud_service_list$$, 'accepted'),
  ('2025-11-27', 'ismap_test_p1', format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
     VALUES (2, %s, '2025-11-27', '架空の障害')$$, :r1), 'accepted'),
  ('2025-11-27', 'ismap_test_p1', format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
     VALUES (%s, '2025-11-27', '他社の架空の障害')$$, :r2), '42501'),
  ('2025-12-01', 'ismap_test_p1', $$INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model)
     VALUES (4, 11, '架空経費精算', '架空経費精算の全業務', 'SaaS')$$, 'accepted');

-- How many times a sequence of the suite was advanced.
CREATE FUNCTION ismap_test.advanced(seq regclass) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  n bigint;
BEGIN
  EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM %s', seq) INTO n;
  RETURN n;
END $$;

CREATE TEMP TABLE fn_calls_before AS
  SELECT funcid, calls FROM pg_stat_xact_user_functions WHERE schemaname = 'ismap';

-- Each run in a savepoint rolled back after it, so that the next run
-- writes the same rows; the counters survive.
SAVEPOINT steps;
SELECT count(ismap_test.hostile('"$user", public', day, who, statement, want))
  FROM (SELECT * FROM ismap_test.steps ORDER BY n OFFSET 0) s \g /dev/null
ROLLBACK TO SAVEPOINT steps;
SELECT is(ismap_test.advanced('ismap_test.surprises'), 0::bigint,
          'under the ordinary search_path every step ends as it should');
SELECT is(ismap_test.advanced('evil.calls_seq'), 0::bigint,
          'no object of the attacker runs while evil is not on the path (the steps use none)');

SAVEPOINT steps;
SELECT count(ismap_test.hostile('evil, pg_catalog, public', day, who, statement, want))
  FROM (SELECT * FROM ismap_test.steps ORDER BY n OFFSET 0) s \g /dev/null
ROLLBACK TO SAVEPOINT steps;
SELECT is(ismap_test.advanced('ismap_test.surprises'), 0::bigint,
          'with evil ahead of pg_catalog every step ends as under the ordinary path');
SELECT is(ismap_test.advanced('evil.calls_seq'), 0::bigint,
          'with evil ahead of pg_catalog no object of the attacker runs');

SAVEPOINT steps;
SELECT count(ismap_test.hostile('pg_catalog, evil, public', day, who, statement, want))
  FROM (SELECT * FROM ismap_test.steps ORDER BY n OFFSET 0) s \g /dev/null
ROLLBACK TO SAVEPOINT steps;
SELECT is(ismap_test.advanced('ismap_test.surprises'), 0::bigint,
          'with evil after pg_catalog every step ends as under the ordinary path');
SELECT is(ismap_test.advanced('evil.calls_seq'), 0::bigint,
          'with evil after pg_catalog (better-matching operators and functions) no object of the attacker runs');

-- The steps reached every function of ismap, triggers included, but the
-- inlined list function (its body runs inlined into the caller's query,
-- so it is never called as a function: its names are all qualified) and
-- the triggers that only refuse (track_functions counts no call that ends
-- in an error; the steps' refusals of TRUNCATE and of a change to the log
-- ran them).
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'ismap'::regnamespace
                   AND NOT EXISTS (SELECT FROM pg_stat_xact_user_functions f
                                    LEFT JOIN fn_calls_before b ON b.funcid = f.funcid
                                   WHERE f.funcid = p.oid AND f.calls > coalesce(b.calls, 0))
                 ORDER BY 1),
          ARRAY['ismap.cloud_service_list_at(date)', 'ismap.history_guard()',
                'ismap.liu_service_list_at(date)', 'ismap.refuse_truncate()'],
          'the steps call every function of ismap and fire every trigger');

-- The extension script itself: dropped and created again with the
-- hostile path in force (the roles, made at the start, are reused).
SELECT ismap_test.advanced('evil.calls_seq') AS calls \gset
DROP EXTENSION ismap CASCADE;
SET LOCAL search_path = evil, pg_catalog, public;
CREATE EXTENSION ismap;
RESET search_path;
SELECT is(ismap_test.advanced('evil.calls_seq'), :calls::bigint,
          'CREATE EXTENSION ismap with evil ahead of pg_catalog runs no object of the attacker');
SELECT is((SELECT count(*) FROM ismap.settings) > 0, true, 'and the extension it creates works');
DROP EXTENSION ismap;
SET LOCAL search_path = pg_catalog, evil, public;
CREATE EXTENSION ismap;
RESET search_path;
SELECT is(ismap_test.advanced('evil.calls_seq'), :calls::bigint,
          'CREATE EXTENSION ismap with evil after pg_catalog runs no object of the attacker');

-- ---------- the functions' own settings ----------
-- PL/pgSQL and SECURITY DEFINER functions pin search_path; SQL functions
-- too, but the one kept inlinable, whose names are all qualified.
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                 WHERE p.pronamespace = 'ismap'::regnamespace
                   AND (l.lanname NOT IN ('c', 'internal') OR p.prosecdef)
                   AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)
                 ORDER BY 1),
          ARRAY['ismap.cloud_service_list_at(date)', 'ismap.liu_service_list_at(date)'],
          'every PL/pgSQL, SQL and SECURITY DEFINER function of ismap pins search_path = pg_catalog, pg_temp, but the inlinable list function');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'ismap'::regnamespace AND p.prosecdef ORDER BY 1),
          ARRAY['ismap.auditor_list_at(date)',
                'ismap.auditor_list_at(date,timestamp with time zone)',
                'ismap.auditor_list_changes(date,date)',
                'ismap.cloud_service_list_at(date,timestamp with time zone)',
                'ismap.cloud_service_list_changes(date,date)',
                'ismap.liu_service_list_at(date,timestamp with time zone)',
                'ismap.procurement_labels(bigint,bigint)',
                'ismap.status_since(bigint,date)',
                'ismap.upcoming_expiries(interval,date)'],
          'SECURITY DEFINER only where needed: the lists read the log or every registration as their owner');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                 WHERE p.pronamespace = 'ismap'::regnamespace AND l.lanname = 'plpgsql' ORDER BY 1),
          '{}'::text[], 'ismap has no PL/pgSQL function (its rules are in C)');

SELECT * FROM finish();
ROLLBACK;
