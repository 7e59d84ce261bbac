-- Holes found in the dates and numbers of the registry (issue 13, item 5):
-- settings that move.  Each refusal is tested with its SQLSTATE and rule
-- id, and that it changed nothing.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(63);
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
-- The latest day moves with today.
SET LOCAL ismap.today = '2024-01-01';
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2029-01-02' WHERE name = 'scheme_start'$$,
                          '22023', 'setting_value', 'on 2024-01-01, scheme_start 2029-01-02 is refused');
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

SELECT * FROM finish();
ROLLBACK;
