-- Auditors' compliance reports (aud_compliance_report): due one year after
-- each approved application, filed once, overdue when not filed by then.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(46);
SET LOCAL ismap.today = '2025-06-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, format('架空監査法人%s', name), format('Fictional Audit Corporation %s', n))
  FROM (VALUES (1, 'あおい'), (2, 'いぶき'), (3, 'うらら'), (4, 'えがお'), (5, 'おとわ'),
               (6, 'かなで'), (7, 'きらり'), (8, 'くるみ')) AS o(n, name) \g /dev/null

SELECT ismap_test.register(101, 1, '2024-04-01', '2024-04-20') AS a1 \gset
SELECT ismap_test.register(201, 2, '2024-02-29', '2024-03-10') AS a2 \gset
SELECT ismap_test.register(301, 3, '2023-04-01', '2023-04-20') AS a3 \gset
SELECT ismap_test.file(302, 3, '2025-03-01', 'renewal') \g /dev/null
SELECT ismap_test.decide(302, 'approved', '2025-04-15') \g /dev/null
SELECT ismap_test.register(401, 4, '2023-05-01', '2023-05-10') AS a4 \gset
SELECT ismap_test.register(501, 5, '2023-05-01', '2023-05-11') AS a5 \gset
SELECT ismap_test.register(601, 6, '2023-05-01', '2023-05-12') AS a6 \gset
SELECT ismap_test.file(701, 7, '2024-01-10') \g /dev/null
SELECT ismap_test.decide(701, 'rejected', '2024-02-01') \g /dev/null

-- ---------------------------------------------------------------------
-- Due dates

SELECT is((SELECT due_on FROM ismap.auditor_compliance_reports WHERE application_id = 101), '2025-04-01'::date,
          'applied 2024-04-01: due 2025-04-01 (rules.md)');
SELECT is((SELECT due_on FROM ismap.auditor_compliance_reports WHERE application_id = 201), '2025-02-28'::date,
          'applied 2024-02-29: due 2025-02-28');
SELECT is((SELECT due_on FROM ismap.auditor_compliance_reports WHERE application_id = 301), '2024-04-01'::date,
          'applied 2023-04-01: due 2024-04-01');
SELECT is((SELECT due_on FROM ismap.auditor_compliance_reports WHERE application_id = 302), '2026-03-01'::date,
          'a renewal applied 2025-03-01: due 2026-03-01');
SELECT results_eq(
  $$SELECT r.application_id, r.auditor_id, r.filed_on
      FROM ismap.auditor_compliance_reports r ORDER BY r.application_id$$,
  format($$VALUES (101::bigint, %s::bigint, NULL::date), (201, %s, NULL), (301, %s, NULL), (302, %s, NULL),
                  (401, %s, NULL), (501, %s, NULL), (601, %s, NULL)$$, :a1, :a2, :a3, :a3, :a4, :a5, :a6),
  'one unfiled report per approved application, new or renewal, of its auditor; none for the rejected one');
UPDATE ismap.settings SET value = '6 months' WHERE name = 'auditor_compliance_report_after';
SELECT ismap_test.register(801, 8, '2024-08-31', '2024-09-10') AS a8 \gset
SELECT is((SELECT due_on FROM ismap.auditor_compliance_reports WHERE application_id = 801), '2025-02-28'::date,
          'with the setting at 6 months: applied 2024-08-31, due 2025-02-28');
UPDATE ismap.settings SET value = '1 year' WHERE name = 'auditor_compliance_report_after';
SELECT is((SELECT due_on FROM ismap.auditor_compliance_reports WHERE application_id = 101), '2025-04-01'::date,
          'a change of the setting does not move the dates already due');

-- ---------------------------------------------------------------------
-- Filing

SELECT ismap_test.accepted($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-05-01' WHERE application_id = 401$$,
                           'a report filed on its due day is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-05-10' WHERE application_id = 501$$,
                           'a report filed late is accepted');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-05-02' WHERE application_id = 401$$,
                          '55000', 'aud_compliance_report', 'a report cannot be filed twice');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET filed_on = NULL WHERE application_id = 401$$,
                          '55000', 'aud_compliance_report', 'a filing cannot be undone');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET due_on = '2024-06-01' WHERE application_id = 501$$,
                          '55000', 'aud_compliance_report', 'the due date of a filed report cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET due_on = '2024-06-01' WHERE application_id = 601$$,
                          '55000', 'aud_compliance_report', 'the due date of an unfiled report cannot be changed');
SELECT ismap_test.refused(format($$UPDATE ismap.auditor_compliance_reports SET auditor_id = %s WHERE application_id = 601$$, :a5),
                          '55000', 'aud_compliance_report', 'the auditor of a report cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET application_id = 701 WHERE application_id = 601$$,
                          '55000', 'aud_compliance_report', 'the application of a report cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-06-02' WHERE application_id = 101$$,
                          '23514', 'aud_compliance_report', 'a report filed tomorrow is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET filed_on = 'infinity' WHERE application_id = 101$$,
                          '22007', 'aud_compliance_report', 'a report filed at infinity is refused');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-06-01' WHERE application_id = 101$$,
                           'a report filed today is accepted');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-02-28' WHERE application_id = 201$$,
                          '23514', 'aud_compliance_report', 'a report dated before its application is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-02-28' WHERE application_id = 302$$,
                          '23514', 'aud_compliance_report', 'a renewal''s report dated before the renewal is refused');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-02-29' WHERE application_id = 201$$,
                           'a report dated on its application day is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_compliance_reports SET filed_on = NULL WHERE application_id = 601$$,
                           'an update that leaves an unfiled report unfiled is accepted');
SELECT results_eq($$SELECT application_id, filed_on FROM ismap.auditor_compliance_reports
                     WHERE filed_on IS NOT NULL ORDER BY application_id$$,
                  $$VALUES (101::bigint, '2025-06-01'::date), (201, '2024-02-29'), (401, '2024-05-01'), (501, '2024-05-10')$$,
                  'the filings are recorded');

-- Reports are created by the extension and never deleted.
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_compliance_reports (auditor_id, application_id, due_on)
                                   VALUES (%s, 701, '2025-01-10')$$, :a1),
                          '42501', 'aud_compliance_report', 'a report cannot be inserted by hand, even by a superuser');
SELECT ismap_test.refused($$DELETE FROM ismap.auditor_compliance_reports WHERE application_id = 601$$,
                          '55000', 'sec_history', 'an unfiled report cannot be deleted');
SELECT ismap_test.refused($$DELETE FROM ismap.auditor_compliance_reports WHERE application_id = 401$$,
                          '55000', 'sec_history', 'a filed report cannot be deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.auditor_compliance_reports$$,
                          '55000', 'sec_history', 'reports cannot be truncated');

-- ---------------------------------------------------------------------
-- Overdue reports on a day: due_on < day and not filed by that day

-- 601: due 2024-05-01, never filed
SELECT ok(NOT EXISTS (SELECT 1 FROM ismap.overdue_compliance_reports_at('2024-05-01') WHERE auditor_id = :a6),
          'an unfiled report is not overdue on its due day');
SELECT results_eq(format($$SELECT due_on, filed_on, days_overdue FROM ismap.overdue_compliance_reports_at('2024-05-02')
                            WHERE auditor_id = %s$$, :a6),
                  $$VALUES ('2024-05-01'::date, NULL::date, 1)$$,
                  'it is overdue by one day the day after');
SELECT is((SELECT days_overdue FROM ismap.overdue_compliance_reports_at('2025-05-01') WHERE auditor_id = :a6), 365,
          'and by 365 days a year later');
-- 401: filed on its due day
SELECT ok(NOT EXISTS (SELECT 1 FROM ismap.overdue_compliance_reports_at('2024-05-02') WHERE auditor_id = :a4),
          'a report filed on its due day is not overdue the day after');
SELECT ok(NOT EXISTS (SELECT 1 FROM generate_series('2024-04-01'::date, '2025-06-01', '1 day') AS d,
                             LATERAL ismap.overdue_compliance_reports_at(d::date) AS o
                       WHERE o.auditor_id = :a4),
          'nor on any other day');
-- 501: due 2024-05-01, filed 2024-05-10
SELECT ok(EXISTS (SELECT 1 FROM ismap.overdue_compliance_reports_at('2024-05-05') WHERE auditor_id = :a5),
          'a report filed late was overdue on the days before its filing');
SELECT is((SELECT filed_on FROM ismap.overdue_compliance_reports_at('2024-05-09') WHERE auditor_id = :a5), '2024-05-10'::date,
          'still on the day before its filing');
SELECT ok(NOT EXISTS (SELECT 1 FROM ismap.overdue_compliance_reports_at('2024-05-10') WHERE auditor_id = :a5),
          'not from the day it was filed');
SELECT ok(NOT EXISTS (SELECT 1 FROM ismap.overdue_compliance_reports_at('2024-05-01') WHERE auditor_id = :a5),
          'nor on its due day');
-- 201: due 2025-02-28 (applied on a leap day), filed early
SELECT ok(NOT EXISTS (SELECT 1 FROM ismap.overdue_compliance_reports_at('2025-03-01') WHERE auditor_id = :a2),
          'a report filed early is never overdue');
-- 101: due 2025-04-01, filed 2025-06-01
SELECT ok(EXISTS (SELECT 1 FROM ismap.overdue_compliance_reports_at('2025-05-31') WHERE auditor_id = :a1),
          'report 101 was overdue on 2025-05-31');

-- The rows of a day
SELECT results_eq(
  $$SELECT registration_number, name, due_on, days_overdue, auditor_status::text
      FROM ismap.overdue_compliance_reports_at('2024-05-05')$$,
  format($$SELECT a.registration_number, o.name, v.due_on, v.days, v.status
             FROM (VALUES (%s::bigint, '2024-04-01'::date, 34, 'valid'),
                          (%s, '2024-05-01', 4, 'valid'),
                          (%s, '2024-05-01', 4, 'valid')) AS v(id, due_on, days, status)
             JOIN ismap.auditors a ON a.auditor_id = v.id
             JOIN ismap.organizations o USING (organization_id)
            ORDER BY v.due_on, a.registration_number$$, :a3, :a5, :a6),
  'the overdue reports of 2024-05-05, by due date and number, with the auditor''s status that day');
SELECT results_eq($$SELECT * FROM ismap.overdue_compliance_reports$$,
                  $$SELECT * FROM ismap.overdue_compliance_reports_at(ismap.today())$$,
                  'the view overdue_compliance_reports = overdue_compliance_reports_at(ismap.today())');
SELECT results_eq($$SELECT auditor_id, due_on FROM ismap.overdue_compliance_reports ORDER BY due_on, auditor_id$$,
                  format($$VALUES (%s::bigint, '2024-04-01'::date), (%s, '2024-05-01'), (%s, '2025-02-28')$$, :a3, :a6, :a8),
                  'today''s overdue reports');
SELECT is((SELECT count(*) FROM ismap.overdue_compliance_reports_at('2024-01-01')), 0::bigint,
          'nothing was overdue before the first due date');

-- The status of an auditor is not what makes a report overdue.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:a6, 'remove', '2024-06-01', '遵守状況報告の未提出');
SELECT results_eq(format($$SELECT auditor_status::text FROM ismap.overdue_compliance_reports_at('2024-06-02')
                            WHERE auditor_id = %s$$, :a6),
                  $$VALUES ('removed')$$,
                  'a removed auditor''s unfiled report stays overdue, marked removed');

-- Privileges: an audit firm's role files the reports of the auditors of
-- its organizations (reports 801 and 302 are of one auditor).
CREATE ROLE ismap_test_filer_08 NOLOGIN IN ROLE ismap_auditor;
INSERT INTO ismap.role_organizations
  SELECT DISTINCT 'ismap_test_filer_08', a.organization_id
    FROM ismap.auditor_compliance_reports r JOIN ismap.auditors a USING (auditor_id)
   WHERE r.application_id IN (801, 302);
SET LOCAL ROLE ismap_test_filer_08;
SELECT ismap_test.accepted($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-05-20' WHERE application_id = 801$$,
                           'a role granted UPDATE (filed_on) files a report');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-06-02' WHERE application_id = 302$$,
                          '23514', 'aud_compliance_report', 'and is held to the same rules');
SELECT ismap_test.refused($$UPDATE ismap.auditor_compliance_reports SET due_on = '2027-01-01' WHERE application_id = 302$$,
                          '42501', NULL, 'and cannot update other columns');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
