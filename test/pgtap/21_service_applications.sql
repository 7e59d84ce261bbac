-- Cloud service applications: the state machine (svc_application_flow),
-- the audit an application rests on (svc_audit_by_registered_auditor,
-- svc_audit_kind), what an approval creates (svc_registration_on_approval,
-- svc_validity) and the tables that only the extension writes.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(147);
SET LOCAL ismap.today = '2024-06-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人あさぎ', 'Asagi Fictional Audit Corporation'),
               (2, '架空監査法人いろは', 'Iroha Fictional Audit Corporation'),
               (3, '架空監査法人うぐいす', 'Uguisu Fictional Audit Corporation'),
               (4, '架空監査法人えにし', 'Enishi Fictional Audit Corporation'),
               (11, '架空クラウド株式会社あまぐも', 'Amagumo Fictional Cloud K.K.'),
               (12, '架空データ株式会社いなほ', 'Inaho Fictional Data K.K.'),
               (13, '架空ソフト株式会社うなばら', 'Unabara Fictional Software K.K.'),
               (14, '架空ネット株式会社えだまめ', 'Edamame Fictional Net K.K.'),
               (15, '架空システム株式会社おおぞら', 'Oozora Fictional Systems K.K.')) AS o(n, name, name_en)
 \g /dev/null

-- A and B: registered since 2020 and 2021, renewed every year.
-- G: registered 2023-01-20 (its removal will be recorded late).
-- H: registered on the scheme's first day, 2020-06-01.
SELECT ismap_test.lasting_auditor(100, 1, '2020-06-03', '2024-06-01') AS a \gset
SELECT ismap_test.lasting_auditor(200, 2, '2021-01-06', '2024-06-01') AS b \gset
SELECT ismap_test.register(300, 3, '2023-01-10', '2023-01-20') AS g \gset
SELECT ismap_test.register(400, 4, '2020-06-01', '2020-06-01') AS h \gset
SELECT registration_number AS a_number FROM ismap.auditors WHERE auditor_id = :a \gset

-- Services 1..20, of providers 11..15.
SELECT ismap_test.service(n, 11 + n % 5, format('架空サービス%s', n), (ARRAY['IaaS', 'PaaS', 'SaaS'])[1 + n % 3]::ismap.service_model)
  FROM generate_series(1, 20) AS n \g /dev/null
-- Operating audits by A of services 1..7 and 17..19 (audit id = service id).
SELECT ismap_test.audit(n, n, :a, '2023-04-01', '2024-03-31', '2024-04-20')
  FROM unnest(ARRAY[1, 2, 3, 4, 5, 6, 7, 17, 18, 19]) AS n \g /dev/null
-- Audits by G of services 8 and 9.
SELECT ismap_test.audit(n, n, :g, '2023-01-01', '2023-12-31', '2024-03-01') FROM generate_series(8, 9) AS n \g /dev/null

-- ---------------------------------------------------------------------
-- Every allowed transition

SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (101, 1, '2024-05-01', 1)$$, 'a new application is filed');
SELECT results_eq($$SELECT kind::text, status::text, decided_on, registration_id, registration_number
                      FROM ismap.service_applications WHERE application_id = 101$$,
                  $$VALUES ('new', 'submitted', NULL::date, NULL::bigint, NULL::text)$$,
                  'it is new, submitted, undecided and names no registration');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 101$$,
                           'submitted -> accepted is allowed');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-20'
                             WHERE application_id = 101$$, 'accepted -> approved is allowed');
SELECT ismap_test.svc_file(201, 2, '2024-05-01', 2) \g /dev/null
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'returned', decided_on = '2024-05-02'
                             WHERE application_id = 201$$, 'submitted -> returned is allowed');
SELECT ismap_test.svc_file(301, 3, '2024-05-01', 3) \g /dev/null
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'withdrawn', decided_on = '2024-05-03'
                             WHERE application_id = 301$$, 'submitted -> withdrawn is allowed');
SELECT ismap_test.svc_file(401, 4, '2024-05-01', 4) \g /dev/null
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 401;
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'rejected', decided_on = '2024-05-04'
                             WHERE application_id = 401$$, 'accepted -> rejected is allowed');
SELECT ismap_test.svc_file(501, 5, '2024-05-01', 5) \g /dev/null
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 501;
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'withdrawn', decided_on = '2024-05-05'
                             WHERE application_id = 501$$, 'accepted -> withdrawn is allowed');
SELECT results_eq(
  $$SELECT application_id, status::text, decided_on, registration_id IS NOT NULL
      FROM ismap.service_applications ORDER BY application_id$$,
  $$VALUES (101::bigint, 'approved', '2024-05-20'::date, true), (201, 'returned', '2024-05-02', false),
           (301, 'withdrawn', '2024-05-03', false), (401, 'rejected', '2024-05-04', false),
           (501, 'withdrawn', '2024-05-05', false)$$,
  'the five decisions are recorded; only the approval names a registration');
SELECT is((SELECT count(*) FROM ismap.service_registrations), 1::bigint,
          'returned, withdrawn and rejected applications create no registration');

-- ---------------------------------------------------------------------
-- Disallowed transitions: 55000

SELECT ismap_test.svc_file(601, 6, '2024-05-01', 6) \g /dev/null
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-10'
                            WHERE application_id = 601$$, '55000', 'svc_application_flow',
                          'submitted -> approved is refused (it must be accepted first)');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'rejected', decided_on = '2024-05-10'
                            WHERE application_id = 601$$, '55000', 'svc_application_flow',
                          'submitted -> rejected is refused');
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 601;
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'submitted' WHERE application_id = 601$$,
                          '55000', 'svc_application_flow', 'accepted -> submitted is refused');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'returned', decided_on = '2024-05-10'
                            WHERE application_id = 601$$, '55000', 'svc_application_flow',
                          'accepted -> returned is refused');
SELECT ismap_test.refused(
         format($$UPDATE ismap.service_applications SET status = %L, decided_on = %L WHERE application_id = %s$$,
                t.status, CASE WHEN t.status IN ('submitted', 'accepted') THEN NULL ELSE '2024-05-30' END, a.id),
         '55000', 'svc_application_flow', format('%s %s application cannot become %s', CASE WHEN a.status ~ '^[aeiou]' THEN 'an' ELSE 'a' END, a.status, t.status))
  FROM (VALUES (101, 'approved'), (201, 'returned'), (301, 'withdrawn'), (401, 'rejected')) AS a(id, status)
 CROSS JOIN unnest(enum_range(NULL::ismap.application_status)) AS t(status)
 WHERE t.status::text <> a.status
 ORDER BY a.id, t.status;
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET decided_on = '2024-05-21' WHERE application_id = 101$$,
                          '55000', 'svc_application_flow', 'the decision date of an approval cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET registration_id = NULL WHERE application_id = 101$$,
                          '55000', 'svc_application_flow', 'the registration of an approved application cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved' WHERE application_id = 101$$,
                          '55000', 'svc_application_flow', 'even a no-op update of a decided application is refused');

-- Columns other than status and decided_on are fixed at filing
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET applied_on = '2024-04-30' WHERE application_id = 601$$,
                          '55000', 'svc_application_flow', 'the application date cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET audit_id = 7 WHERE application_id = 601$$,
                          '55000', 'svc_application_flow', 'the audit cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET service_id = 7 WHERE application_id = 601$$,
                          '55000', 'svc_application_flow', 'the service cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET kind = 'renewal' WHERE application_id = 601$$,
                          '55000', 'svc_application_flow', 'the kind cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET registration_number = 'C24-0700-1' WHERE application_id = 601$$,
                          '55000', 'svc_application_flow', 'a registration number can be given only with the approval');

-- Decision dates
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved' WHERE application_id = 601$$,
                          '23502', 'svc_application_flow', 'an approval needs its decision date');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'withdrawn' WHERE application_id = 601$$,
                          '23502', 'svc_application_flow', 'a withdrawal needs its decision date');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-04-30'
                            WHERE application_id = 601$$, '23514', 'svc_application_flow',
                          'a decision dated before the application is refused');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-06-02'
                            WHERE application_id = 601$$, '23514', 'svc_application_flow',
                          'a decision dated tomorrow is refused');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = 'infinity'
                            WHERE application_id = 601$$, '22007', 'svc_application_flow',
                          'an infinite decision date is refused');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET decided_on = '2024-05-10' WHERE application_id = 601$$,
                          '23514', 'svc_application_flow', 'an accepted application carries no decision date');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-01'
                             WHERE application_id = 601$$, 'an approval on the application date is accepted');

-- Filing
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, status)
                            VALUES (7, '2024-05-01', 7, 'accepted')$$, '55000', 'svc_application_flow',
                          'an application cannot be filed as accepted');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, status, decided_on)
                            VALUES (7, '2024-05-01', 7, 'approved', '2024-05-02')$$, '55000', 'svc_application_flow',
                          'nor as approved');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, decided_on)
                            VALUES (7, '2024-05-01', 7, '2024-05-02')$$, '55000', 'svc_application_flow',
                          'nor with a decision date');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (7, '2024-06-02', 7)$$, '23514', 'svc_application_flow',
                          'an application dated tomorrow is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (7, NULL, 7)$$, '23502', 'svc_application_flow',
                          'an application needs its date');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, registration_id)
                            VALUES (7, '2024-05-01', 7, 1)$$, '23514', 'svc_application_flow',
                          'a new application names no registration');
SELECT ismap_test.refused($$DELETE FROM ismap.service_applications WHERE application_id = 101$$,
                          '55000', 'svc_application_flow', 'a decided application cannot be deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.service_applications CASCADE$$,
                          '55000', 'sec_history', 'the applications cannot be truncated');

-- ---------------------------------------------------------------------
-- The audit behind an application

SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (7, '2024-05-01', 1)$$, '23514', 'svc_audit_by_registered_auditor',
                          'an application cannot rest on an audit of another service');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (7, '2024-04-19', 7)$$, '23514', 'svc_audit_by_registered_auditor',
                          'an application dated before its audit report is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (7, '2024-05-01', 99999)$$, '23503', 'svc_audit_by_registered_auditor',
                          'an application cannot rest on an unknown audit');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (7, '2024-05-01', NULL)$$, '23502', 'svc_audit_by_registered_auditor',
                          'an application needs an audit');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (701, 7, '2024-04-20', 7)$$, 'an application dated on the day of its audit report is accepted');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (7, '2024-05-01', 7)$$, '23514', 'svc_application_flow',
                          'a second undecided new application of the service is refused');

-- Auditor G's removal is recorded late, after its audits of 2024-03-01 and
-- after application 801 was filed.  Effective 2024-02-15 it would
-- contradict those audits (a decision dated in the past may not contradict
-- facts recorded since: past_decisions.c), so it is refused; effective
-- 2024-03-02 it is recorded, and the audits G reported while in force stand.
SELECT ismap_test.svc_file(801, 8, '2024-04-01', 8) \g /dev/null
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 801;
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'remove', '2024-02-15', '監査機関登録要件の不充足（事後に判明）')$$, :g),
                          '55000', 'svc_audit_by_registered_auditor',
                          'a removal effective before audits the auditor reported since is refused');
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:g, 'remove', '2024-03-02', '監査機関登録要件の不充足（事後に判明）');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (9, %s, 'operating', '2023-03-01', '2024-02-29', '2024-03-05')$$, :g),
                          '23514', 'svc_audit_by_registered_auditor',
                          'an audit reported after its auditor''s removal is refused');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                             VALUES (9, '2024-04-01', 9)$$,
                           'an application on an audit reported while its auditor was in force is filed after the removal');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'rejected', decided_on = '2024-05-01'
                             WHERE application_id = 801$$, 'and one filed before it can be rejected');

-- ---------------------------------------------------------------------
-- svc_audit_kind: a design-only audit suffices only from 2020-06-01 to 2021-05-31

SELECT ismap_test.audit(1001, 10, :a, '2020-10-01', '2021-03-31', '2021-05-10', 'design') \g /dev/null
SELECT ismap_test.audit(1101, 11, :a, '2020-10-01', '2021-03-31', '2021-05-10', 'design') \g /dev/null
SELECT ismap_test.audit(1102, 11, :b, '2020-04-01', '2021-03-31', '2021-05-10', 'operating') \g /dev/null
-- (an audit period may begin before the scheme did; its report may not)
SELECT ismap_test.audit(1201, 12, :h, '2019-11-01', '2020-04-30', '2020-06-01', 'design') \g /dev/null
SELECT ismap_test.audit(1301, 13, :h, '2019-05-01', '2020-04-30', '2020-06-01', 'operating') \g /dev/null

SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (1001, 10, '2021-05-31', 1001)$$, 'a design-only audit suffices on 2021-05-31');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (11, '2021-06-01', 1101)$$, '23514', 'svc_audit_kind',
                          'a design-only audit does not suffice on 2021-06-01');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (12, '2020-05-31', 1201)$$, '23514', 'svc_application_flow',
                          'nor before the scheme started (2020-05-31), when no application is filed at all');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (1201, 12, '2020-06-01', 1201)$$, 'but does on the first day of the scheme');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (1101, 11, '2021-06-01', 1102)$$, 'an operating audit suffices on 2021-06-01');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (1301, 13, '2020-06-01', 1301)$$, 'and on the first day of the scheme');
SELECT ismap_test.svc_decide(1001, 'accepted', NULL) \g /dev/null
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2021-07-15'
                             WHERE application_id = 1001$$,
                           'an application filed in the window on a design-only audit may be approved after it');
SELECT ismap_test.svc_decide(1101, 'approved', '2021-07-01') \g /dev/null
UPDATE ismap.settings SET value = '2 years' WHERE name = 'design_only_window';
SELECT ismap_test.audit(1401, 14, :b, '2020-10-01', '2021-03-31', '2021-05-10', 'design') \g /dev/null
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                             VALUES (14, '2021-06-01', 1401)$$,
                           'the window is a setting: with 2 years, a design-only audit suffices on 2021-06-01');
UPDATE ismap.settings SET value = '1 year' WHERE name = 'design_only_window';

-- ---------------------------------------------------------------------
-- No new application while the service is registered

SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (1, '2024-05-25', 1)$$, '23514', 'svc_application_flow',
                          'a new application of a registered service is refused (renew instead)');
-- Service 11: registered 2021-07-01 on an audit period ending 2021-03-31, so valid until 2022-07-31.
SELECT ismap_test.audit(1103, 11, :b, '2021-04-01', '2022-03-31', '2022-05-10') \g /dev/null
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (11, '2022-07-31', 1103)$$, '23514', 'svc_application_flow',
                          'refused on the last day of the registration''s validity');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (1102, 11, '2022-08-01', 1103)$$, 'accepted the day after it expired');
SELECT ismap_test.svc_decide(1102, 'approved', '2022-09-01') AS r11b \gset
SELECT results_eq(
  $$SELECT registration_number ~ '^C22-[0-9]{4}-1$', registered_on, valid_until FROM ismap.service_registrations
     WHERE service_id = 11 ORDER BY registered_on$$,
  $$VALUES (false, '2021-07-01'::date, '2022-07-31'::date), (true, '2022-09-01', '2023-07-31')$$,
  'its approval made a second registration of the service, numbered in 2022');
SELECT is((SELECT string_agg(ismap.service_status(registration_id, '2022-09-01')::text, '/' ORDER BY registered_on)
             FROM ismap.service_registrations WHERE service_id = 11),
          'expired/valid', 'the first registration stays expired, the second is valid');
-- Service 6: registered 2024-05-01, suspended from 2024-05-10.
SELECT ismap_test.svc_change((SELECT registration_id FROM ismap.service_applications WHERE application_id = 601),
                             'suspend', '2024-05-10') \g /dev/null
SELECT ismap_test.audit(602, 6, :b, '2023-04-01', '2024-03-31', '2024-05-12') \g /dev/null
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (6, '2024-05-15', 602)$$, '23514', 'svc_application_flow',
                          'a new application of a suspended service is refused');

-- ---------------------------------------------------------------------
-- What an approval creates

SELECT ismap_test.audit(1501, 15, :a, '2022-04-01', '2023-03-31', '2023-05-15') \g /dev/null
SELECT ismap_test.audit(1601, 16, :a, '2022-10-31', '2023-10-30', '2023-12-01') \g /dev/null
SELECT ismap_test.audit(2001, 20, :b, '2022-07-01', '2023-06-30', '2023-08-01') \g /dev/null
SELECT ismap_test.svc_file(1501, 15, '2023-05-16', 1501) \g /dev/null
SELECT ismap_test.svc_file(1601, 16, '2023-12-02', 1601) \g /dev/null
SELECT ismap_test.svc_file(2001, 20, '2023-08-02', 2001) \g /dev/null
SELECT ismap_test.svc_decide(1501, 'approved', '2023-07-03') AS r15 \gset
SELECT ismap_test.svc_decide(1601, 'approved', '2024-01-15') AS r16 \gset
SELECT ismap_test.svc_decide(2001, 'approved', '2023-09-20') AS r20 \gset

SELECT results_eq(
  format($$SELECT service_id, registered_on, audit_period_start, audit_period_end, valid_until, audit_id, auditor_id
             FROM ismap.service_registrations WHERE registration_id IN (%s, %s, %s) ORDER BY service_id$$, :r15, :r16, :r20),
  format($$VALUES (15::bigint, '2023-07-03'::date, '2022-04-01'::date, '2023-03-31'::date, '2024-07-31'::date, 1501::bigint, %1$s::bigint),
                  (16, '2024-01-15', '2022-10-31', '2023-10-30', '2025-02-28', 1601, %1$s),
                  (20, '2023-09-20', '2022-07-01', '2023-06-30', '2024-10-31', 2001, %2$s)$$, :a, :b),
  'approval creates the registration: registered on the decision day, valid 16 months from the day after the audit period');
SELECT results_eq(
  format($$SELECT registration_id, term_no, application_id, audit_id, in_force_from, audit_period_start, audit_period_end, valid_until
             FROM ismap.service_registration_terms WHERE registration_id IN (%s, %s, %s) ORDER BY registration_id$$, :r15, :r16, :r20),
  format($$VALUES (%s::bigint, 1, 1501::bigint, 1501::bigint, '2023-07-03'::date, '2022-04-01'::date, '2023-03-31'::date, '2024-07-31'::date),
                  (%s, 1, 1601, 1601, '2024-01-15', '2022-10-31', '2023-10-30', '2025-02-28'),
                  (%s, 1, 2001, 2001, '2023-09-20', '2022-07-01', '2023-06-30', '2024-10-31')$$, :r15, :r16, :r20),
  'and its first term, in force from the decision day');
SELECT is((SELECT registration_id FROM ismap.service_applications WHERE application_id = 1501), :r15::bigint,
          'the approved application names the registration it created');
SELECT is(ismap.service_status(:r15, '2023-07-02'), NULL, 'no status before the registration day');
SELECT is(ismap.service_status(:r15, '2023-07-03'), 'valid', 'valid from the registration day');
SELECT is(ismap.service_status(:r15, '2024-07-31'), 'valid', 'valid on its last day');
SELECT is(ismap.service_status(:r15, '2024-08-01'), 'expired', 'expired the day after');
SELECT is((SELECT count(*) FROM ismap_test.listed(:r15, '2023-07-02')), 0::bigint, 'not listed the day before the approval');
SELECT results_eq(format($$SELECT * FROM ismap_test.listed(%s, '2023-07-03')$$, :r15),
                  format($$VALUES ('valid', '2024-07-31'::date, '2022-04-01'::date, '2023-03-31'::date, %L)$$, :'a_number'),
                  'listed from the decision day, with its expiry, audit period and auditor');
SELECT results_eq(
  format($$SELECT registration_number, service_id, service_name, provider_name, provider_corporate_number, statement_scope,
                  service_model::text, registered_on, auditor_name
             FROM ismap.cloud_service_list_at('2024-01-15') WHERE registration_id = %s$$, :r16),
  format($$SELECT r.registration_number, 16::bigint, s.name, p.name, p.corporate_number, s.statement_scope, s.service_model::text,
                  '2024-01-15'::date, '架空監査法人あさぎ'
             FROM ismap.service_registrations r JOIN ismap.cloud_services s USING (service_id)
             JOIN ismap.organizations p ON p.organization_id = s.provider_id WHERE r.registration_id = %s$$, :r16),
  'the list shows its number, service, provider, statement scope, model, registration date and auditor');
SELECT is((SELECT count(*) FROM ismap.cloud_service_list), (SELECT count(*) FROM ismap.cloud_service_list_at('2024-06-01')),
          'the view cloud_service_list is the list of today');

-- Registration numbers: C, two-digit year of the decision, serial, -1
SELECT results_eq(
  $$SELECT a.application_id, r.registration_number
      FROM ismap.service_applications a JOIN ismap.service_registrations r USING (registration_id)
     WHERE a.kind = 'new' AND a.status = 'approved' ORDER BY r.registration_id$$,
  $$VALUES (101::bigint, 'C24-0001-1'), (601, 'C24-0002-1'), (1001, 'C21-0003-1'), (1101, 'C21-0004-1'),
           (1102, 'C22-0005-1'), (1501, 'C23-0006-1'), (1601, 'C24-0007-1'), (2001, 'C23-0008-1')$$,
  'approvals are numbered in order, with the year of their decision');

-- Numbers supplied with the approval (a backfill of the published list)
SELECT ismap_test.svc_file(1701, 17, '2024-05-01', 17) \g /dev/null
SELECT ismap_test.svc_decide(1701, 'accepted', NULL) \g /dev/null
SELECT ismap_test.refused(format($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-10',
                                   registration_number = %L WHERE application_id = 1701$$, n),
                          '22P02', 'svc_registration_on_approval', format('%L is not a registration number', n))
  FROM unnest(ARRAY['C24-050-1', 'C2024-0500-1', 'X24-0500-1', 'c24-0500-1', 'C24-0500-12', 'C24-05O0-1',
                    'C24-0500', 'C24_0500_1', ' C24-0500-1', 'C24-0500-1 ', '']) AS n;
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-10',
                            registration_number = 'C23-0500-1' WHERE application_id = 1701$$,
                          '23514', 'svc_registration_on_approval', 'a number of another year than the decision is refused');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-10',
                            registration_number = 'C24-0001-1' WHERE application_id = 1701$$,
                          '23505', 'svc_registration_on_approval', 'a number in use is refused');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-10',
                             registration_number = 'C24-0500-1' WHERE application_id = 1701$$,
                           'a well-formed, unused number of the year is accepted');
SELECT results_eq($$SELECT r.registration_number, a.registration_number FROM ismap.service_applications a
                      JOIN ismap.service_registrations r USING (registration_id) WHERE a.application_id = 1701$$,
                  $$VALUES ('C24-0500-1', 'C24-0500-1')$$, 'the registration has the supplied number');
SELECT ismap_test.svc_file(1801, 18, '2024-05-01', 18) \g /dev/null
SELECT ismap_test.svc_decide(1801, 'accepted', NULL) \g /dev/null
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-11',
                            registration_number = 'C24-0500-1' WHERE application_id = 1801$$,
                          '23505', 'svc_registration_on_approval', 'a supplied number cannot be supplied twice');
-- A supplied number that takes the next serial: the serial skips it.
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-11',
                             registration_number = 'C24-0009-1' WHERE application_id = 1801$$,
                           'a number ahead of the serial may be supplied');
SELECT ismap_test.svc_register(1901, 19, 19, '2024-05-01', '2024-05-12') AS r19 \gset
SELECT is((SELECT registration_number FROM ismap.service_registrations WHERE registration_id = :r19), 'C24-0010-1',
          'the next assigned number skips the supplied one');

-- The serial grows past four digits
SELECT setval('ismap.service_registration_serial', 9998) \g /dev/null
SELECT ismap_test.audit(n * 100 + 1, n, :a, '2023-04-01', '2024-03-31', '2024-04-20') FROM generate_series(2, 3) AS n \g /dev/null
SELECT ismap_test.svc_register(202, 2, 201, '2024-05-13', '2024-05-14') AS r2 \gset
SELECT ismap_test.svc_register(302, 3, 301, '2024-05-13', '2024-05-14') AS r3 \gset
SELECT results_eq(format($$SELECT registration_number FROM ismap.service_registrations WHERE registration_id IN (%s, %s)
                            ORDER BY registration_id$$, :r2, :r3),
                  $$VALUES ('C24-9999-1'), ('C24-10000-1')$$, 'serial 9999, then 10000, without failing');
SELECT ismap_test.svc_file(402, 4, '2024-05-13', 4) \g /dev/null
SELECT ismap_test.svc_decide(402, 'accepted', NULL) \g /dev/null
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-14',
                            registration_number = 'C24-10000-1' WHERE application_id = 402$$,
                          '23505', 'svc_registration_on_approval', 'a five-digit number in use is refused');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-14',
                             registration_number = 'C24-12345-1' WHERE application_id = 402$$,
                           'a five-digit number may be supplied');

-- ---------------------------------------------------------------------
-- svc_validity: no approval after the term would end
-- Service 31 (new, with no earlier application: an application dated in
-- the past must not overlap another one): audit period ending 2022-12-31,
-- so the term would end 2024-04-30.

SELECT ismap_test.service(31, 11, '架空サービス31', 'SaaS') \g /dev/null
SELECT ismap_test.audit(503, 31, :a, '2022-01-01', '2022-12-31', '2023-02-01') \g /dev/null
SELECT ismap_test.svc_file(503, 31, '2023-02-10', 503) \g /dev/null
SELECT ismap_test.svc_decide(503, 'accepted', NULL) \g /dev/null
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-01'
                            WHERE application_id = 503$$, '23514', 'svc_validity',
                          'an approval the day after the term would end is refused');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-04-30'
                             WHERE application_id = 503$$, 'an approval on its last day is accepted');
SELECT results_eq($$SELECT ismap.service_status(registration_id, '2024-04-30')::text, ismap.service_status(registration_id, '2024-05-01')::text
                      FROM ismap.service_applications WHERE application_id = 503$$,
                  $$VALUES ('valid', 'expired')$$, 'the registration is valid for that one day');

-- ---------------------------------------------------------------------
-- Back-dated applications: one undecided new application at a time, and
-- one registration in force at a time, hold for the recorded history.
-- Services 21 and 22: filed 2024-05-01, registered 2024-05-20.

SELECT ismap_test.service(n, 11, format('架空サービス%s', n)) FROM generate_series(21, 22) AS n \g /dev/null
SELECT ismap_test.audit(100 * n + 1, n, :a, '2023-04-01', '2024-03-31', '2024-04-20') FROM generate_series(21, 22) AS n \g /dev/null
SELECT ismap_test.svc_register(100 * n + 1, n, 100 * n + 1, '2024-05-01', '2024-05-20') FROM generate_series(21, 22) AS n \g /dev/null
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (21, '2024-05-02', 2101)$$, '23514', 'svc_application_flow',
                          'a new application dated while another new application of the service was undecided is refused');
SELECT ismap_test.refused($q$DO $do$ BEGIN
                              INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                              VALUES (2202, 22, '2024-04-25', 2201);
                              UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 2202;
                              UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-04-30'
                               WHERE application_id = 2202;
                            END $do$$q$, '23514', 'svc_application_flow',
                          'a new application dated before another one''s decision, approved back-dated, cannot register the service twice');
SELECT is((SELECT count(*) FROM ismap.cloud_service_list_at('2024-06-01') WHERE service_id IN (21, 22)), 2::bigint,
          'each service is on the list once');

-- ---------------------------------------------------------------------
-- Only the extension writes registrations and terms, even for a superuser

SELECT ismap_test.refused(format($$INSERT INTO ismap.service_registrations (registration_number, service_id, registered_on,
                                     audit_period_start, audit_period_end, valid_until, audit_id, auditor_id)
                                   VALUES ('C24-0600-1', 7, '2024-05-01', '2023-04-01', '2024-03-31', '2025-07-31', 7, %s)$$, :a),
                          '42501', 'svc_registration_on_approval', 'a registration cannot be inserted directly');
SELECT ismap_test.refused(format($$UPDATE ismap.service_registrations SET valid_until = '2030-01-01' WHERE registration_id = %s$$, :r15),
                          '42501', 'svc_registration_on_approval', 'nor updated');
SELECT ismap_test.refused(format($$UPDATE ismap.service_registrations SET facts = NULL WHERE registration_id = %s$$, :r15),
                          '42501', 'svc_registration_on_approval', 'not even its copy of the facts');
SELECT ismap_test.refused(format($$DELETE FROM ismap.service_registrations WHERE registration_id = %s$$, :r15),
                          '42501', 'svc_registration_on_approval', 'nor deleted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_registration_terms (registration_id, term_no, application_id, audit_id,
                                     auditor_id, in_force_from, audit_period_start, audit_period_end, valid_until)
                                   VALUES (%s, 2, 1701, 17, %s, '2024-05-01', '2023-04-01', '2024-03-31', '2025-07-31')$$, :r15, :a),
                          '42501', 'svc_validity', 'a term cannot be inserted directly');
SELECT ismap_test.refused(format($$UPDATE ismap.service_registration_terms SET valid_until = '2030-01-01' WHERE registration_id = %s$$, :r15),
                          '42501', 'svc_validity', 'nor updated');
SELECT ismap_test.refused(format($$DELETE FROM ismap.service_registration_terms WHERE registration_id = %s$$, :r15),
                          '42501', 'svc_validity', 'nor deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.service_registrations CASCADE$$, '55000', 'sec_history',
                          'registrations cannot be truncated');
SELECT ismap_test.refused($$TRUNCATE ismap.service_registration_terms$$, '55000', 'sec_history',
                          'terms cannot be truncated');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_list_spans VALUES
                                   (%s, 'C30-0001-1', 7, '2030-01-01', '2030-01-01', '2030-12-31', 'valid',
                                    '2023-04-01', '2024-03-31', '2030-12-31', %s)$$, :r15, :a),
                          '42501', 'svc_public_list', 'a period on the list cannot be inserted directly');
SELECT ismap_test.refused(format($$UPDATE ismap.service_list_spans SET listed_until = 'infinity' WHERE registration_id = %s$$, :r15),
                          '42501', 'svc_public_list', 'nor updated');
SELECT ismap_test.refused(format($$DELETE FROM ismap.service_list_spans WHERE registration_id = %s$$, :r15),
                          '42501', 'svc_public_list', 'nor deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.service_list_spans$$, '55000', 'svc_public_list',
                          'the periods cannot be truncated');
SELECT is((SELECT count(*) FROM ismap.service_list_spans s
             WHERE s.registration_id = :r15 AND s.listed_from = (SELECT registered_on FROM ismap.service_registrations
                                                                  WHERE registration_id = :r15)),
          1::bigint, 'an approval writes the registration''s first period on the list, from its registration day');

-- The list on a day is plain SQL that PostgreSQL inlines into the caller's
-- query: one plan, no function scan, no materialized intermediate result.
CREATE FUNCTION pg_temp.plan_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  line text;
  plan text := '';
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
    plan := plan || line || E'\n';
  END LOOP;
  RETURN plan;
END $$;
SELECT unalike(pg_temp.plan_of($$SELECT * FROM ismap.cloud_service_list_at('2024-06-01')$$), '%Function Scan%',
               'the list on a day is inlined into the caller''s query');
SELECT unalike(pg_temp.plan_of($$SELECT * FROM ismap.cloud_service_list$$), '%Function Scan%',
               'and so is today''s list');
-- Both may be read by parallel workers, as a plain SELECT of a big registry is.
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT alike(pg_temp.plan_of($$SELECT * FROM ismap.cloud_service_list_at('2024-06-01')$$), '%Gather%',
             'the list on a day can be read in parallel');
SELECT alike(pg_temp.plan_of($$SELECT * FROM ismap.cloud_service_list$$), '%Gather%',
             'and so can today''s list');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- A role with rights on the applications only approves through them.  It
-- has three capacities (the union of theirs): the provider's of service 7,
-- which files and withdraws; the operator's, which accepts; the
-- committee's, which approves.
CREATE ROLE ismap_test_committee_21 NOLOGIN IN ROLE ismap_provider, ismap_operator, ismap_committee;
INSERT INTO ismap.role_organizations
  SELECT 'ismap_test_committee_21', provider_id FROM ismap.cloud_services WHERE service_id = 7;
CREATE ROLE ismap_test_reader_21 NOLOGIN IN ROLE ismap_reader;
SET LOCAL ROLE ismap_test_committee_21;
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'withdrawn', decided_on = '2024-05-19'
                             WHERE application_id = 701$$, 'a committee role withdraws an application');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (702, 7, '2024-05-20', 7)$$, 'files another');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 702$$,
                           'accepts it');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-25'
                             WHERE application_id = 702$$, 'and approves it');
SET LOCAL ROLE ismap_test_reader_21;
SELECT ismap_test.refused($$SELECT * FROM ismap.service_registrations$$, '42501', NULL,
                          'the public cannot read the registrations table');
SELECT ismap_test.refused($$SELECT * FROM ismap.service_list_spans$$, '42501', NULL,
                          'nor the periods table behind the list');
SELECT is((SELECT count(*) FROM ismap.cloud_service_list_at('2024-06-01')),
          (SELECT count(*) FROM ismap.cloud_service_list_periods
            WHERE '2024-06-01' BETWEEN listed_from AND listed_until),
          'it reads the list on a day, and the public periods it is made of, as every role does');
SET LOCAL ROLE ismap_test_committee_21;
SELECT ismap_test.refused($$DELETE FROM ismap.service_applications WHERE application_id = 702$$, '42501', NULL,
                          'nor delete applications');
SELECT is((SELECT status::text FROM ismap.cloud_service_list
            WHERE registration_id = (SELECT registration_id FROM ismap.service_applications WHERE application_id = 702)),
          'valid', 'the registration the role''s approval created is on the public list');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
