-- ISMAP-LIU (liu_scope, liu_list): SaaS only, an impact assessment of the
-- service by a ministry whose result is low, dated on or before the
-- application, applications from liu_start on; terms of liu_validity_months,
-- numbers L..-....-1 of a serial of their own; a list of its own.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(41);
SET LOCAL ismap.today = '2022-10-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人あさひ'), (11, '架空クラウド株式会社いろは'), (12, '架空クラウド株式会社うみ'),
               (21, '架空省'), (22, '架空独立行政法人えのき'), (23, '架空庁')) AS o(n, name) \g /dev/null
SELECT ismap_test.register(101, 1, '2021-04-01', '2021-05-10') AS a \gset
INSERT INTO ismap.procuring_bodies (body_id, organization_id, kind)
  VALUES (1, 21, 'ministry'), (2, 22, 'incorporated_agency'), (3, 23, 'ministry');
-- 1: ISMAP SaaS; 2, 3, 4, 5: ISMAP-LIU SaaS
SELECT ismap_test.service(1, 11, '架空会計クラウド') \g /dev/null
SELECT ismap_test.service(n, 11 + n % 2, format('架空低影響サービス%s', n), 'SaaS', 'ismap_liu')
  FROM generate_series(2, 5) AS n \g /dev/null
SELECT ismap_test.audit(10 + n, n, :a, '2021-10-01', '2022-09-30', '2022-10-01') FROM generate_series(1, 5) AS n \g /dev/null

-- ---------- liu_scope: SaaS only ----------
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model, program)
                            VALUES (11, '架空基盤', '架空基盤の全業務', 'IaaS', 'ismap_liu')$$,
                          '23514', 'liu_scope', 'an IaaS is never an ISMAP-LIU service');

-- ---------- the impact assessments ----------
CREATE ROLE ismap_test_pr69 NOLOGIN IN ROLE ismap_procurer;
CREATE ROLE ismap_test_pv69 NOLOGIN IN ROLE ismap_provider;
INSERT INTO ismap.role_organizations VALUES ('ismap_test_pr69', 21), ('ismap_test_pv69', 12);
SELECT ismap_test.refused($$INSERT INTO ismap.impact_assessments (service_id, assessed_by, assessed_on, result)
                            VALUES (2, 2, '2022-10-01', 'low')$$,
                          '23514', 'liu_scope', 'an incorporated agency does not assess the impact');
SELECT ismap_test.refused($$INSERT INTO ismap.impact_assessments (service_id, assessed_by, assessed_on, result)
                            VALUES (2, 99, '2022-10-01', 'low')$$,
                          '23514', 'liu_scope', 'nor a body not recorded');
SELECT ismap_test.refused($$INSERT INTO ismap.impact_assessments (service_id, assessed_by, assessed_on, result)
                            VALUES (99, 1, '2022-10-01', 'low')$$,
                          '23503', 'liu_scope', 'an assessment is of a recorded service');
SELECT ismap_test.refused($$INSERT INTO ismap.impact_assessments (service_id, assessed_by, assessed_on, result)
                            VALUES (2, 1, '2022-10-02', 'low')$$,
                          '23514', 'liu_scope', 'an assessment is not dated after today');
SET LOCAL ROLE ismap_test_pr69;
SELECT ismap_test.accepted($$INSERT INTO ismap.impact_assessments (assessment_id, service_id, assessed_by, assessed_on, result)
                             VALUES (1, 2, 1, '2022-10-01', 'low')$$,
                           'the ministry''s procurer role records its assessment');
SELECT ismap_test.refused($$INSERT INTO ismap.impact_assessments (service_id, assessed_by, assessed_on, result)
                            VALUES (2, 3, '2022-10-01', 'low')$$,
                          '42501', 'sec_role_authority', 'but not one of another ministry');
RESET ROLE;
SET LOCAL ROLE ismap_test_pv69;
SELECT ismap_test.refused($$INSERT INTO ismap.impact_assessments (service_id, assessed_by, assessed_on, result)
                            VALUES (3, 1, '2022-10-01', 'low')$$,
                          '42501', NULL, 'a provider does not assess its own service');
SELECT is((SELECT count(*) FROM ismap.impact_assessments), 0::bigint,
          'and sees no assessment of another provider''s service');
RESET ROLE;
SELECT is((SELECT table_name || ' ' || operation || ' ' || acting_user_name FROM ismap.history
            WHERE table_name = 'impact_assessments' ORDER BY seq DESC LIMIT 1),
          'impact_assessments INSERT ismap_test_pr69', 'assessments are logged, with who');
SELECT ismap_test.accepted($$INSERT INTO ismap.impact_assessments (assessment_id, service_id, assessed_by, assessed_on, result)
                             VALUES (2, 3, 3, '2022-09-20', 'not_low'), (3, 4, 3, '2022-10-01', 'low'),
                                    (4, 5, 3, '2022-09-01', 'low')$$,
                           'the committee (here the suite) records assessments too');
SELECT ismap_test.refused($$UPDATE ismap.impact_assessments SET result = 'low' WHERE assessment_id = 2$$,
                          '55000', 'sec_history', 'an assessment is never changed');
SELECT ismap_test.refused($$DELETE FROM ismap.impact_assessments WHERE assessment_id = 2$$,
                          '55000', 'sec_history', 'nor deleted');
SELECT ismap_test.refused($$DELETE FROM ismap.cloud_services WHERE service_id = 5$$,
                          '23503', 'sec_history', 'a service with an assessment stays recorded');

-- ---------- liu_scope: applications ----------
SELECT ismap_test.refused($$SELECT ismap_test.svc_file(301, 2, '2022-10-31', 12)$$,
                          '23514', 'liu_scope', 'a LIU application the day before liu_start is refused');
SELECT ismap_test.refused($$SELECT ismap_test.svc_file(302, 3, '2022-11-01', 13)$$,
                          '23514', 'liu_scope', 'an assessment not_low is no ground for a LIU application');
SELECT ismap_test.svc_file(303, 4, '2022-11-01', 14) \g /dev/null
SELECT is((SELECT status::text FROM ismap.service_applications WHERE application_id = 303), 'submitted',
          'on liu_start itself, with an assessment low dated before it, the application is filed');
SET LOCAL ismap.today = '2022-11-20';
SELECT ismap_test.accepted($$INSERT INTO ismap.impact_assessments (assessment_id, service_id, assessed_by, assessed_on, result)
                             VALUES (5, 2, 1, '2022-11-10', 'low'), (6, 3, 3, '2022-11-10', 'not_low')$$,
                           'later assessments');
SELECT ismap_test.refused($$SELECT ismap_test.svc_file(304, 3, '2022-11-15', 13)$$,
                          '23514', 'liu_scope', 'still no low assessment of service 3: refused');
SELECT ismap_test.svc_file(305, 2, '2022-11-10', 12) \g /dev/null
SELECT is((SELECT count(*) FROM ismap.service_applications WHERE application_id = 305), 1::bigint,
          'an assessment low dated the day of the application suffices');
SELECT ismap_test.svc_file(306, 1, '2022-10-01', 11) \g /dev/null
SELECT is((SELECT count(*) FROM ismap.service_applications WHERE application_id = 306), 1::bigint,
          'an ISMAP application needs no assessment, and may be filed before liu_start');

-- ---------- liu_list: numbers and terms ----------
SELECT ismap_test.svc_decide(306, 'approved', '2022-11-12') AS r1 \gset
SELECT ismap_test.svc_decide(303, 'approved', '2023-01-10') AS r4 \gset
SELECT ismap_test.svc_decide(305, 'approved', '2023-01-11') AS r2 \gset
SELECT is((SELECT array_agg(registration_number ORDER BY registration_id) FROM ismap.service_registrations),
          ARRAY['C22-0001-1', 'L23-0001-1', 'L23-0002-1'],
          'LIU numbers begin with L and count their own serial: L23-0001-1 beside C22-0001-1');
SELECT is((SELECT valid_until FROM ismap.service_registrations WHERE registration_id = :r4), '2024-01-31'::date,
          'a LIU term: 16 months from the day after its audit period (2022-09-30)');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '2 years' WHERE name = 'liu_validity_months'$$,
                           'the committee revises liu_validity_months');
SELECT is((SELECT valid_until FROM ismap.service_registrations WHERE registration_id = :r1), '2024-01-31'::date,
          'an ISMAP term keeps service_validity');
SELECT ismap_test.svc_file(307, 5, '2023-01-12', 15) \g /dev/null
SELECT ismap_test.svc_decide(307, 'approved', '2023-01-20') AS r5 \gset
SELECT is((SELECT valid_until FROM ismap.service_registrations WHERE registration_id = :r5), '2024-09-30'::date,
          'a LIU term follows the revised setting');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = 'C' WHERE name = 'liu_number_prefix'$$,
                          '22023', 'setting_value', 'the LIU prefix is not C');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = 'LL' WHERE name = 'liu_number_prefix'$$,
                          '22023', 'setting_value', 'nor two letters');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2022-13-01' WHERE name = 'liu_start'$$,
                          '22023', 'setting_value', 'liu_start is a date');

-- ---------- liu_list: the lists ----------
SET LOCAL ismap.today = '2023-02-01';
SELECT is(array(SELECT registration_number FROM ismap.cloud_service_list), ARRAY['C22-0001-1'],
          'the cloud service list shows no LIU registration');
SELECT is(array(SELECT registration_number FROM ismap.liu_service_list),
          ARRAY['L23-0001-1', 'L23-0002-1', 'L23-0003-1'], 'the LIU list shows the LIU registrations only');
SELECT is(array(SELECT registration_number FROM ismap.liu_service_list_at('2023-01-10')), ARRAY['L23-0001-1'],
          'the LIU list on a day');
SELECT is(array(SELECT registration_number FROM ismap.cloud_service_list_at('2023-01-10')), ARRAY['C22-0001-1'],
          'and the cloud service list on that day');
SELECT is((SELECT count(*) FROM ismap.liu_service_list_at('2022-12-31')), 0::bigint,
          'before the first LIU approval the LIU list is empty');
SELECT is(array(SELECT registration_number FROM ismap.liu_service_list_at('2024-02-01')), ARRAY['L23-0003-1'],
          'after its 16 months a LIU registration leaves the list; the one of 2 years stays');
SELECT is((SELECT ismap.service_status(:r4, '2024-01-31')::text), 'valid', 'service_status: valid on the last day');
SELECT is((SELECT ismap.service_status(:r4, '2024-02-01')::text), 'expired', 'and expired the day after');
SELECT set_eq($$SELECT * FROM ismap.liu_service_list_at('2023-02-01', pg_catalog.now())$$,
              $$SELECT * FROM ismap.liu_service_list$$,
              'as known now, the LIU list is the list');
SELECT is((SELECT count(*) FROM ismap.liu_service_list_at('2023-02-01', '2000-01-01'::timestamptz)), 0::bigint,
          'as known before anything was recorded, it is empty');
SELECT is((SELECT count(*) FROM ismap.cloud_service_list_at('2023-02-01', pg_catalog.now())
            WHERE registration_number LIKE 'L%'), 0::bigint,
          'the cloud service list as known at a moment has no LIU registration either');
SELECT ismap_test.refused($$SELECT * FROM ismap.liu_service_list_at(NULL::date)$$,
                          '22004', 'liu_list', 'a NULL day is refused');

SELECT * FROM finish();
ROLLBACK;
