-- Holes found in the dates and numbers of the registry (issue 13, items 5,
-- 6 and 7): settings that move, dates before the scheme, registration
-- numbers that collide in meaning.  Each refusal is tested with its
-- SQLSTATE and rule id, and that it changed nothing.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(130);
SET LOCAL ismap.today = '2026-06-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人あかね', 'Akane Fictional Audit Corporation'),
               (2, '架空監査法人いずみ', 'Izumi Fictional Audit Corporation'),
               (3, '架空監査法人うしお', 'Ushio Fictional Audit Corporation'),
               (4, '架空監査法人えくぼ', 'Ekubo Fictional Audit Corporation'),
               (11, '架空クラウド株式会社かすみ', 'Kasumi Fictional Cloud K.K.'),
               (12, '架空データ株式会社きりさめ', 'Kirisame Fictional Data K.K.')) AS o(n, name, name_en)
 \g /dev/null

-- A: registered on 2020-06-11 and renewed every June since.
SELECT ismap_test.lasting_auditor(100, 1, '2020-06-01', '2026-05-31') AS a \gset
-- Services 1..9 of providers 11 and 12; audit n (by A) of service n.
SELECT ismap_test.service(n, 11 + n % 2, format('架空サービス%s', n)) FROM generate_series(1, 9) AS n \g /dev/null
SELECT ismap_test.audit(1, 1, :a, '2025-10-01', '2026-03-31', '2026-05-20', 'design') \g /dev/null
SELECT ismap_test.audit(n, n, :a, '2025-04-01', '2026-03-31', '2026-04-20') FROM generate_series(2, 9) AS n \g /dev/null

-- =====================================================================
-- Issue 13, item 5: settings that move.  A date setting is a concrete
-- day written YYYY-MM-DD, from 2020-01-01 to five years after today; a
-- period setting lies within bounds (README, "Decisions").

SELECT ismap_test.refused(format($$UPDATE ismap.settings SET value = %L WHERE name = 'scheme_start'$$, v),
                          '22023', 'setting_value', format('scheme_start %L is refused', v))
  FROM unnest(ARRAY['today', 'tomorrow', 'yesterday', 'now', 'epoch', 'allballs', 'infinity', '-infinity',
                    '294276-12-31', '4713-01-01 BC', '2020-06-01 BC', '2020-06-01 AD', '2020-06-01 00:00',
                    '2020-06-01T00:00:00+09', '2020-6-1', '20200601', '06/01/2020', 'June 1, 2020',
                    ' 2020-06-01', '2020-06-01 ', '2021-02-29', '2020-13-01', '0000-06-01', '']) AS v;
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2019-12-31' WHERE name = 'scheme_start'$$,
                          '22023', 'setting_value', 'scheme_start before 2020-01-01 is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2031-06-02' WHERE name = 'scheme_start'$$,
                          '22023', 'setting_value', 'scheme_start more than five years after today is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.setting_overrides (name, value) VALUES ('scheme_start', 'today')$$,
                          '22023', 'setting_value', 'scheme_start today written straight into the overrides is refused');
SELECT is((SELECT detail || ' / ' || hint
             FROM ismap_test.error_of($$UPDATE ismap.settings SET value = 'today' WHERE name = 'scheme_start'$$)),
          'scheme_start is a calendar day written YYYY-MM-DD (no special value such as today, no era, no time), '
          'from 2020-01-01 to 5 years after today (2031-06-01). / '
          'Give a date such as 2020-06-01, between 2020-01-01 and 2031-06-01.',
          'the refusal names the bounds, and the hint what is accepted');
SELECT is((SELECT value FROM ismap.settings WHERE name = 'scheme_start'), '2020-06-01',
          'scheme_start is still 2020-06-01');
-- So a design-only audit still does not suffice for a 2026 application.
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (1, '2026-06-01', 1)$$, '23514', 'svc_audit_kind',
                          'a design-only audit is refused for an application of 2026');

SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '2020-01-01' WHERE name = 'scheme_start'$$,
                           'scheme_start 2020-01-01 (the earliest) is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '2031-06-01' WHERE name = 'scheme_start'$$,
                           'scheme_start five years after today (the latest) is accepted');
-- The latest day moves with today; a value once accepted is still read
-- when ismap.today is pinned to an earlier day (a backfill).
SET LOCAL ismap.today = '2024-01-01';
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2029-01-02' WHERE name = 'scheme_start'$$,
                          '22023', 'setting_value', 'on 2024-01-01, scheme_start 2029-01-02 is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (organization_id, applied_on) VALUES (3, '2024-01-01')$$,
                          '23514', 'aud_application_flow',
                          'and scheme_start 2031-06-01, accepted on 2026-06-01, is read: nothing is filed before it');
SET LOCAL ismap.today = '2026-06-01';
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '2020-06-01' WHERE name = 'scheme_start'$$,
                           'scheme_start back to 2020-06-01');

-- A value an earlier version accepted, restored behind the checks, is
-- refused when a rule reads it.
SET LOCAL session_replication_role = replica;
UPDATE ismap.setting_overrides SET value = 'today' WHERE name = 'scheme_start';
SET LOCAL session_replication_role = origin;
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (1, '2026-06-01', 1)$$,
                          '22023', 'setting_value', 'a stored scheme_start today is refused when the rules read it');
SET LOCAL session_replication_role = replica;
UPDATE ismap.setting_overrides SET value = '2020-06-01' WHERE name = 'scheme_start';
SET LOCAL session_replication_role = origin;

-- Periods: validity 1 month to 5 years, audit period 1 month to 2 years,
-- compliance report 1 month to 2 years, design-only window 0 to 2 years.
SELECT ismap_test.refused(format($$UPDATE ismap.settings SET value = %L WHERE name = %L$$, v, n),
                          '22023', 'setting_value', format('%s %L is refused', n, v))
  FROM (VALUES ('auditor_validity', '0 months'), ('auditor_validity', '5 years 1 month'),
               ('service_validity', '0 months'), ('service_validity', '61 months'),
               ('audit_period_max', '25 months'), ('audit_period_min', '0 months'),
               ('audit_period_min', '3 years'),
               ('auditor_compliance_report_after', '0 months'), ('auditor_compliance_report_after', '2 years 1 month'),
               ('design_only_window', '2 years 1 month'), ('design_only_window', '-1 months')) AS s(n, v);
SELECT is((SELECT detail || ' / ' || hint
             FROM ismap_test.error_of($$UPDATE ismap.settings SET value = '61 months' WHERE name = 'service_validity'$$)),
          'Periods of the scheme are counted in whole months; service_validity lies between 1 month and 5 years. / '
          'Give a whole number of months or years from 1 month to 5 years, such as ''1 year 4 months''.',
          'the refusal of a period names its bounds');
SELECT ismap_test.accepted(format($$UPDATE ismap.settings SET value = %L WHERE name = %L$$, v, n),
                           format('%s %L is accepted', n, v))
  FROM (VALUES ('auditor_validity', '5 years'), ('auditor_validity', '1 month'), ('auditor_validity', '2 years'),
               ('service_validity', '60 months'), ('service_validity', '1 year 4 months'),
               ('audit_period_max', '2 years'), ('audit_period_min', '2 years'),
               ('audit_period_min', '1 month'), ('audit_period_min', '3 months'), ('audit_period_max', '1 year'),
               ('auditor_compliance_report_after', '2 years'), ('auditor_compliance_report_after', '1 year'),
               ('design_only_window', '2 years'), ('design_only_window', '0 months'),
               ('design_only_window', '1 year')) AS s(n, v);
SELECT results_eq($$SELECT name, value FROM ismap.settings WHERE value IS DISTINCT FROM default_value$$,
                  $$SELECT NULL::text, NULL::text WHERE false$$, 'every setting is back to its default');

-- =====================================================================
-- Issue 13, item 6: no date before the scheme's start (2020-06-01).
-- Filings, audit reports, decisions, status changes and compliance
-- report filings before it are refused, each with its family's rule and a
-- hint naming scheme_start.

-- Filings
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_applications (organization_id, applied_on) VALUES (2, %L)$$, d),
                          '23514', 'aud_application_flow', format('an auditor application dated %s is refused', d))
  FROM unnest(ARRAY['0001-01-01', '4713-01-01 BC', '2002-04-01', '2020-05-31']) AS d;
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                                   VALUES (2, %L, 2)$$, d),
                          '23514', 'svc_application_flow', format('a service application dated %s is refused', d))
  FROM unnest(ARRAY['0001-01-01', '2002-04-01', '2020-05-31']) AS d;
SELECT is((SELECT hint FROM ismap_test.error_of($$INSERT INTO ismap.auditor_applications (organization_id, applied_on)
                                                   VALUES (2, '2002-04-01')$$)),
          'Give a date on or after 2020-06-01, the setting scheme_start.', 'the hint names scheme_start and its value');
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                             VALUES (201, 2, '2020-06-01')$$, 'an auditor application on the scheme''s first day is accepted');

-- Decisions
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 201;
SELECT ismap_test.refused(format($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = %L
                                    WHERE application_id = 201$$, d),
                          '23514', 'aud_application_flow', format('an auditor approval dated %s is refused', d))
  FROM unnest(ARRAY['4713-01-01 BC', '0001-01-01', '2002-06-01', '2020-05-31']) AS d;
SELECT is((SELECT hint FROM ismap_test.error_of($$UPDATE ismap.auditor_applications SET status = 'approved',
                                                   decided_on = '2002-06-01' WHERE application_id = 201$$)),
          'Give a date on or after 2020-06-01, the setting scheme_start.',
          'a decision before the scheme is refused as such, not merely as one before its application');
SELECT is((SELECT count(*) FROM ismap.auditors WHERE organization_id = 2), 0::bigint,
          'no auditor (and no registration number) came of those approvals');
SELECT ismap_test.svc_file(301, 3, '2026-05-01', 3) \g /dev/null
SELECT ismap_test.svc_decide(301, 'accepted', NULL) \g /dev/null
SELECT ismap_test.refused(format($$UPDATE ismap.service_applications SET status = %L, decided_on = '2002-06-01'
                                    WHERE application_id = 301$$, s),
                          '23514', 'svc_application_flow', format('a service application %s on 2002-06-01 is refused', s))
  FROM unnest(ARRAY['approved', 'rejected', 'withdrawn']) AS s;
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2020-06-01'
                             WHERE application_id = 201$$, 'an approval on the scheme''s first day is accepted');
SELECT auditor_id AS b, registration_number AS b_number FROM ismap.auditors WHERE organization_id = 2 \gset
SELECT is(:'b_number'::text, 'A20-0002', 'and numbered with the year 2020');

-- Audit reports (svc_audit_period); an audit period may begin before the
-- scheme (rules.md bounds only its length and its report).
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (4, %s, 'operating', %L, %L, %L)$$, :a, ps, pe, r),
                          '23514', 'svc_audit_period', format('an audit reported on %s is refused', r))
  FROM (VALUES ('2001-04-01'::date, '2002-03-31'::date, '2002-05-01'::date),
               ('0001-01-01', '0001-06-30', '0001-07-01'),
               ('2019-06-01', '2020-05-30', '2020-05-31')) AS x(ps, pe, r);
SELECT is((SELECT hint FROM ismap_test.error_of(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment,
                                                          period_start, period_end, reported_on)
                                                          VALUES (4, %s, 'operating', '2001-04-01', '2002-03-31', '2002-05-01')$$, :a))),
          'Give a date on or after 2020-06-01, the setting scheme_start.', 'the audit''s refusal names scheme_start');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (audit_id, service_id, auditor_id, assessment, period_start,
                                                              period_end, reported_on)
                                    VALUES (40, 4, %s, 'operating', '2019-07-01', '2020-06-30', '2020-07-10')$$, :a),
                           'an audit period that began before the scheme, reported after its start, is accepted');

-- Status changes (ovs_suspension)
SELECT ismap_test.svc_register(201, 2, 2, '2026-05-01', '2026-05-10') AS r2 \gset
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', %L, '重大インシデントの未報告')$$, :r2, d),
                          '23514', 'ovs_suspension', format('a service suspension effective %s is refused', d))
  FROM unnest(ARRAY['0001-01-01', '2002-01-01']) AS d;
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', %L, '監査品質の重大な不備')$$, :b, d),
                          '23514', 'ovs_suspension', format('an auditor suspension effective %s is refused', d))
  FROM unnest(ARRAY['0001-01-01', '2002-01-01']) AS d;
SELECT is((SELECT hint FROM ismap_test.error_of(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                                          VALUES (%s, 'suspend', '2002-01-01', '監査品質の重大な不備')$$, :b))),
          'Give a date on or after 2020-06-01, the setting scheme_start.',
          'a status change before the scheme is refused as such, not merely as one before the registration');

-- Compliance reports (aud_compliance_report)
SELECT report_id AS report FROM ismap.auditor_compliance_reports WHERE application_id = 201 \gset
SELECT ismap_test.refused(format($$UPDATE ismap.auditor_compliance_reports SET filed_on = %L WHERE report_id = %s$$, d, :report),
                          '23514', 'aud_compliance_report', format('a compliance report filed on %s is refused', d))
  FROM unnest(ARRAY['0001-01-01', '2002-01-01', '2020-05-31']) AS d;
SELECT is((SELECT hint FROM ismap_test.error_of(format($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2002-01-01'
                                                          WHERE report_id = %s$$, :report))),
          'Give a date on or after 2020-06-01, the setting scheme_start.',
          'a filing before the scheme is refused as such, not merely as one before the application');

-- The year in a registration number: two digits, for registrations of
-- 2000 to 2099 only (ismap.today pinned far ahead).
SET LOCAL ismap.today = '2100-01-20';
SELECT ismap_test.register(301, 3, '2099-06-01', '2099-06-10') AS c \gset
SELECT is((SELECT registration_number FROM ismap.auditors WHERE auditor_id = :c), 'A99-0003',
          'an auditor approved in 2099 is numbered A99-');
SELECT ismap_test.file(401, 4, '2100-01-04') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 401;
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2100-01-20'
                            WHERE application_id = 401$$, '22008', 'aud_application_flow',
                          'an auditor approved in 2100 gets no number (A00- is 2000''s)');
SELECT ismap_test.audit(50, 5, :c, '2099-01-01', '2099-12-31', '2100-01-05') \g /dev/null
SELECT ismap_test.svc_file(501, 5, '2100-01-10', 50) \g /dev/null
SELECT ismap_test.svc_decide(501, 'accepted', NULL) \g /dev/null
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2100-01-20'
                            WHERE application_id = 501$$, '22008', 'svc_registration_on_approval',
                          'a service approved in 2100 is assigned no number');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2100-01-20',
                            registration_number = 'C00-0050-1' WHERE application_id = 501$$,
                          '22008', 'svc_registration_on_approval', 'nor given one');
SET LOCAL ismap.today = '2026-06-01';

-- =====================================================================
-- Issue 13, item 7: registration numbers that collide in meaning.  A
-- number is written one way (what C%02d-%04lld-%d prints), its serial
-- from 1, its branch 1 to 9 and after the branch before it, its serial
-- and branch unused in every year; checked when the number is first
-- written.

SELECT ismap_test.svc_file(601, 6, '2026-05-01', 6) \g /dev/null
SELECT ismap_test.svc_decide(601, 'accepted', NULL) \g /dev/null
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2026-05-10',
                             registration_number = 'C26-0032-1' WHERE application_id = 601$$,
                           'C26-0032-1 is supplied with an approval');

-- At the filing of a new application
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, registration_number)
                                   VALUES (7, '2026-05-01', 7, %L)$$, n),
                          s, 'svc_registration_on_approval', format('%s: %L is refused at filing', d, n))
  FROM (VALUES ('garbage', '22P02', 'not a number'),
               ('C26-00032-1', '22P02', 'the serial of C26-0032-1 written with five digits'),
               ('C26-010000-1', '22P02', 'a serial above 9999 with a leading zero'),
               ('C26-99999999999999999999-1', '22P02', 'a serial beyond a bigint'),
               ('C26-0000-1', '22023', 'serial 0'),
               ('C26-0033-0', '22023', 'branch 0'),
               ('C26-0999-2', '23514', 'a branch 2 with no branch 1'),
               ('C26-0032-1', '23505', 'in use'),
               ('C25-0032-1', '23505', 'the serial and branch of C26-0032-1 under another year'),
               ('C99-0032-1', '23505', 'and under a year to come')) AS x(n, s, d);
SELECT is((SELECT detail FROM ismap_test.error_of($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, registration_number)
                                                     VALUES (7, '2026-05-01', 7, 'C25-0032-1')$$)),
          'Registration C26-0032-1 has serial 0032 and branch 1; the year digits do not make another number.',
          'the refusal names the registration that has the serial and branch');
SELECT is((SELECT hint FROM ismap_test.error_of($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, registration_number)
                                                   VALUES (7, '2026-05-01', 7, 'C26-00032-1')$$)),
          'Write it C26-0032-1.', 'the refusal of a number written otherwise gives its one form');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id,
                                                                          registration_number)
                                   VALUES (6, 'renewal', '2026-05-20', 6, %s, 'C26-0032-1')$$,
                                 (SELECT registration_id FROM ismap.service_applications WHERE application_id = 601)),
                          '23514', 'svc_registration_on_approval', 'a renewal filed with a number is refused');

-- Accepted at filing; the year is checked against the approval.
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id, registration_number)
                             VALUES (701, 7, '2026-05-01', 7, 'C26-0032-2')$$,
                           'C26-0032-2 (branch 1 registered) is accepted at filing');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id, registration_number)
                             VALUES (801, 8, '2026-05-01', 8, 'C25-0040-1')$$,
                           'C25-0040-1 is accepted at filing');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id, registration_number)
                             VALUES (901, 9, '2026-05-01', 9, 'C26-10000-1')$$,
                           'C26-10000-1 is accepted at filing');
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id IN (701, 801, 901);
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2026-05-11'
                             WHERE application_id = 701$$, 'and C26-0032-2 is approved');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2026-05-11'
                            WHERE application_id = 801$$, '23514', 'svc_registration_on_approval',
                          'C25-0040-1 is refused at an approval of 2026: the year is checked against the registration date');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2026-05-11'
                             WHERE application_id = 901$$, 'C26-10000-1 is approved');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, registration_number)
                            VALUES (8, '2026-05-01', 8, 'C26-0032-2')$$, '23505', 'svc_registration_on_approval',
                          'C26-0032-2 is in use now');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'withdrawn', decided_on = '2026-05-12'
                             WHERE application_id = 801$$, 'the application with C25-0040-1 is withdrawn');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id, registration_number)
                             VALUES (802, 8, '2026-05-13', 8, 'C26-0032-3')$$,
                           'C26-0032-3 (branch 2 registered) is accepted at filing');

-- Numbers the extension assigns: a serial supplied under another year is skipped.
SELECT setval('ismap.service_registration_serial', 40) \g /dev/null
SELECT ismap_test.service(n, 11, format('架空サービス%s', n)) FROM generate_series(21, 22) AS n \g /dev/null
SELECT ismap_test.audit(n, n, :a, '2024-04-01', '2025-03-31', '2025-04-20') FROM generate_series(21, 22) AS n \g /dev/null
SELECT ismap_test.svc_file(2101, 21, '2025-05-01', 21) \g /dev/null
SELECT ismap_test.svc_decide(2101, 'accepted', NULL) \g /dev/null
SELECT ismap_test.at('2025-05-10', $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-05-10',
                                     registration_number = 'C25-0041-1' WHERE application_id = 2101$$) \g /dev/null
SELECT ismap_test.svc_register(2201, 22, 22, '2026-05-01', '2026-05-12') AS r22 \gset
SELECT is((SELECT registration_number FROM ismap.service_registrations WHERE registration_id = :r22), 'C26-0042-1',
          'the next assigned number skips serial 41, taken under 2025');

-- The unique index on serial and branch stands behind the check: even a
-- write that bypasses the triggers cannot give a serial and branch twice.
SET LOCAL session_replication_role = replica;
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_registrations (registration_number, service_id, registered_on,
                                     audit_period_start, audit_period_end, valid_until, audit_id, auditor_id)
                                   VALUES ('C24-0032-1', 9, '2024-05-01', '2023-04-01', '2024-03-31', '2025-07-31', 9, %s)$$, :a),
                          '23505', 'service_registrations_serial_branch',
                          'a registration C24-0032-1 written behind the triggers is refused by the index');
SET LOCAL session_replication_role = origin;

-- A registry not yet updated from 0.1.0 has no such index: the number is
-- then looked up under every year digits.
DROP INDEX ismap.service_registrations_serial_branch;
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, registration_number)
                            VALUES (8, '2026-05-13', 8, 'C21-0032-1')$$, '23505', 'svc_registration_on_approval',
                          'without the index, C21-0032-1 is refused while C26-0032-1 exists');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id, registration_number)
                            VALUES (8, '2026-05-13', 8, 'C26-0050-2')$$, '23514', 'svc_registration_on_approval',
                          'and C26-0050-2, with no branch 1');
SELECT ismap_test.svc_file(2202, 4, '2026-05-14', 4) \g /dev/null
SELECT ismap_test.svc_decide(2202, 'approved', '2026-05-20') AS r4 \gset
SELECT is((SELECT registration_number FROM ismap.service_registrations WHERE registration_id = :r4), 'C26-0043-1',
          'and numbers are still assigned, past the serials in use');

SELECT * FROM finish();
ROLLBACK;
