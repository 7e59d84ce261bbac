-- ismap.today(), the ismap.today / ismap.timezone settings, and the
-- settings table (rule setting_value).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(90);
SET LOCAL ismap.today = '2024-06-01';
SET LOCAL client_min_messages = warning;

-- ---------------------------------------------------------------------
-- ismap.today(): pinned

SELECT is(ismap.today(), '2024-06-01'::date, 'ismap.today() is the pinned day');
SET LOCAL TimeZone = 'America/Los_Angeles';
SELECT is(ismap.today(), '2024-06-01'::date, 'the pinned day does not depend on the session TimeZone');
SET LOCAL ismap.today = '2024-02-29';
SELECT is(ismap.today(), '2024-02-29'::date, 'a leap day can be pinned');
SELECT is(current_setting('ismap.today'), '2024-02-29', 'SHOW ismap.today gives the pinned day');

-- ---------------------------------------------------------------------
-- ismap.today(): the real date in Asia/Tokyo, whatever the TimeZone

SET LOCAL ismap.today = '';
SELECT is(current_setting('ismap.timezone'), 'Asia/Tokyo', 'ismap.timezone defaults to Asia/Tokyo');
SET LOCAL TimeZone = 'UTC';
SELECT is(ismap.today(), (now() AT TIME ZONE 'Asia/Tokyo')::date,
          'unpinned, with TimeZone UTC: the current date in Tokyo');
SET LOCAL TimeZone = 'America/Los_Angeles';
SELECT is(ismap.today(), (now() AT TIME ZONE 'Asia/Tokyo')::date,
          'unpinned, with TimeZone America/Los_Angeles: the current date in Tokyo');
SET LOCAL TimeZone = 'Pacific/Kiritimati';
SELECT is(ismap.today(), (now() AT TIME ZONE 'Asia/Tokyo')::date,
          'unpinned, with TimeZone Pacific/Kiritimati (UTC+14): the current date in Tokyo');

-- ismap.timezone names the scheme's zone.
SET LOCAL ismap.timezone = 'Pacific/Kiritimati';
SELECT is(ismap.today(), (now() AT TIME ZONE 'Pacific/Kiritimati')::date,
          'ismap.timezone Pacific/Kiritimati: the current date there');
SET LOCAL ismap.timezone = 'Pacific/Pago_Pago';
SELECT is(ismap.today(), (now() AT TIME ZONE 'Pacific/Pago_Pago')::date,
          'ismap.timezone Pacific/Pago_Pago (UTC-11): the current date there');
SELECT ok((now() AT TIME ZONE 'Pacific/Kiritimati')::date - (now() AT TIME ZONE 'Pacific/Pago_Pago')::date >= 1,
          '(the two zones above are always on different calendar days, so the zone did matter)');
SET LOCAL ismap.timezone = 'Asia/Tokyo';
SELECT is(ismap.today(), (now() AT TIME ZONE 'Asia/Tokyo')::date, 'ismap.timezone back to Asia/Tokyo');

-- Pinning wins over the zone.
SET LOCAL ismap.timezone = 'Pacific/Pago_Pago';
SET LOCAL ismap.today = '2024-06-01';
SELECT is(ismap.today(), '2024-06-01'::date, 'a pinned day wins over ismap.timezone');
SET LOCAL ismap.timezone = 'Asia/Tokyo';
RESET TimeZone;

-- ---------------------------------------------------------------------
-- Bad values of the two settings: 22023, and the old value stays.

SELECT ismap_test.refused($$SET LOCAL ismap.today = '2023-02-29'$$, '22023', NULL,
                          'ismap.today 2023-02-29 (no such day) is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.today = '2024-02-30'$$, '22023', NULL,
                          'ismap.today 2024-02-30 is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.today = '2024-13-01'$$, '22023', NULL,
                          'ismap.today 2024-13-01 is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.today = '2024-6-1'$$, '22023', NULL,
                          'ismap.today not written YYYY-MM-DD is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.today = 'tomorrow'$$, '22023', NULL,
                          'ismap.today tomorrow is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.today = 'infinity'$$, '22023', NULL,
                          'ismap.today infinity is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.today = '0000-01-01'$$, '22023', NULL,
                          'ismap.today year 0 is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.today = ' 2024-06-01'$$, '22023', NULL,
                          'ismap.today with a space is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.timezone = 'Mars/Base'$$, '22023', NULL,
                          'ismap.timezone Mars/Base is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.timezone = ''$$, '22023', NULL,
                          'an empty ismap.timezone is refused');
SELECT is(ismap.today(), '2024-06-01'::date, 'after the refusals ismap.today() is still the pinned day');
SELECT is(current_setting('ismap.timezone'), 'Asia/Tokyo', 'after the refusals ismap.timezone is unchanged');

-- ---------------------------------------------------------------------
-- Only superusers pin the day or change the zone: 42501.

CREATE ROLE ismap_test_clerk_01 NOLOGIN;
SET LOCAL ROLE ismap_test_clerk_01;
SELECT ismap_test.refused($$SET ismap.today = '2024-01-01'$$, '42501', NULL,
                          'a non-superuser cannot SET ismap.today');
SELECT ismap_test.refused($$SET LOCAL ismap.today = ''$$, '42501', NULL,
                          'a non-superuser cannot unpin ismap.today');
SELECT ismap_test.refused($$SELECT set_config('ismap.today', '2024-01-01', true)$$, '42501', NULL,
                          'a non-superuser cannot set_config ismap.today');
SELECT ismap_test.refused($$SET LOCAL ismap.timezone = 'UTC'$$, '42501', NULL,
                          'a non-superuser cannot SET ismap.timezone');
SELECT is(ismap.today(), '2024-06-01'::date, 'a non-superuser reads ismap.today()');
SELECT is((SELECT value FROM ismap.settings WHERE name = 'auditor_validity'), '2 years',
          'a non-superuser reads ismap.settings');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '3 years' WHERE name = 'auditor_validity'$$,
                          '42501', NULL, 'a non-superuser cannot update ismap.settings');
RESET ROLE;

-- ---------------------------------------------------------------------
-- The settings table: defaults

SELECT results_eq(
  $$SELECT name, value FROM ismap.settings ORDER BY name$$,
  $$VALUES ('audit_period_max', '1 year'), ('audit_period_min', '3 months'),
           ('auditor_compliance_report_after', '1 year'), ('auditor_validity', '2 years'),
           ('change_notice_days', '30 days'), ('consulting_cooling_off_months', '12 months'),
           ('design_only_window', '1 year'),
           ('incident_final_report_days', '30 days'), ('incident_first_report_days', '3 days'),
           ('liu_number_prefix', 'L'), ('liu_start', '2022-11-01'), ('liu_validity_months', '16 months'),
           ('scheme_start', '2020-06-01'), ('service_validity', '1 year 4 months')$$,
  'the settings and their defaults');

-- The deadlines of reports and notices are whole days, from one to 365.
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '5 days' WHERE name = 'change_notice_days'$$,
                           'change_notice_days 5 days is accepted');
SELECT is((SELECT value FROM ismap.settings WHERE name = 'change_notice_days'), '5 days', 'and stored');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '1 day' WHERE name = 'incident_first_report_days'$$,
                           'incident_first_report_days 1 day is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '365 days' WHERE name = 'incident_final_report_days'$$,
                           'incident_final_report_days 365 days is accepted');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '1 month' WHERE name = 'change_notice_days'$$,
                          '22023', 'setting_value', 'a deadline in months is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '0 days' WHERE name = 'change_notice_days'$$,
                          '22023', 'setting_value', 'a deadline of no day is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '366 days' WHERE name = 'incident_final_report_days'$$,
                          '22023', 'setting_value', 'a deadline over a year is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '3 days 2 hours' WHERE name = 'incident_first_report_days'$$,
                          '22023', 'setting_value', 'a deadline with hours is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = 'soon' WHERE name = 'incident_first_report_days'$$,
                          '22023', 'setting_value', 'a deadline that is no interval is refused');
UPDATE ismap.settings SET value = default_value
 WHERE name IN ('change_notice_days', 'incident_first_report_days', 'incident_final_report_days');

-- auditor_validity drives auditor_valid_until.
SELECT is(ismap.auditor_valid_until('2024-04-01'), '2026-04-01'::date, 'with 2 years: 2024-04-01 -> 2026-04-01');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '3 years' WHERE name = 'auditor_validity'$$,
                           'auditor_validity 3 years is accepted');
SELECT is(ismap.auditor_valid_until('2024-04-01'), '2027-04-01'::date, 'with 3 years: 2024-04-01 -> 2027-04-01');
SELECT is(ismap.auditor_valid_until('2024-02-28'), '2027-02-28'::date, 'with 3 years: 2024-02-28 -> 2027-02-28');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '18 months' WHERE name = 'auditor_validity'$$,
                           'auditor_validity 18 months is accepted');
SELECT is(ismap.auditor_valid_until('2024-04-01'), '2025-10-01'::date, 'with 18 months: 2024-04-01 -> 2025-10-01');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '1 year 6 months' WHERE name = 'auditor_validity'$$,
                           'auditor_validity 1 year 6 months is accepted');
SELECT is(ismap.auditor_valid_until('2023-08-30'), '2025-02-28'::date,
          'with 1 year 6 months: 2023-08-30 -> 2025-02-28 (no 31 February)');

-- A registration approved under the new figure gets it; terms already
-- granted keep theirs.
SELECT ismap_test.organization(1, '架空監査法人あおば', 'Aoba Fictional Audit Corporation') AS o1 \gset
SELECT ismap_test.organization(2, '架空監査法人かえで', 'Kaede Fictional Audit Corporation') AS o2 \gset
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '2 years' WHERE name = 'auditor_validity'$$,
                           'auditor_validity back to 2 years');
SELECT ismap_test.register(1, 1, '2024-04-01', '2024-05-01') AS a1 \gset
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '3 years' WHERE name = 'auditor_validity'$$,
                           'auditor_validity 3 years again');
SELECT ismap_test.register(2, 2, '2024-04-01', '2024-05-01') AS a2 \gset
SELECT is((SELECT valid_until FROM ismap.auditors WHERE auditor_id = :a2), '2027-04-01'::date,
          'an approval under 3 years is valid for 3 years');
SELECT is((SELECT valid_until FROM ismap.auditors WHERE auditor_id = :a1), '2026-04-01'::date,
          'an earlier approval keeps its 2-year term');
SELECT is(ismap.auditor_status(:a1, '2026-04-02'), 'expired', 'and expires after it');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '2 years' WHERE name = 'auditor_validity'$$,
                           'auditor_validity back to 2 years again');

-- service_validity drives service_valid_until.
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '1 year' WHERE name = 'service_validity'$$,
                           'service_validity 1 year is accepted');
SELECT is(ismap.service_valid_until('2023-03-31'), '2024-03-31'::date, 'with 1 year: 2023-03-31 -> 2024-03-31');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '1 year 4 months' WHERE name = 'service_validity'$$,
                           'service_validity back to 1 year 4 months');

-- Other accepted values.
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '2020-07-01' WHERE name = 'scheme_start'$$,
                           'scheme_start 2020-07-01 is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '0 months' WHERE name = 'design_only_window'$$,
                           'design_only_window 0 months is accepted (no transitional window)');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '1 year' WHERE name = 'audit_period_min'$$,
                           'audit_period_min equal to audit_period_max is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '3 months' WHERE name = 'audit_period_min'$$,
                           'audit_period_min back to 3 months');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '2 years' WHERE name = 'auditor_compliance_report_after'$$,
                           'auditor_compliance_report_after 2 years (the upper bound) is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '1 month' WHERE name = 'auditor_compliance_report_after'$$,
                           'auditor_compliance_report_after 1 month (the lower bound) is accepted');

-- Refused values: 22023 setting_value.
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '3 months 2 days' WHERE name = 'auditor_validity'$$,
                          '22023', 'setting_value', 'a period with days is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2 years 1 hour' WHERE name = 'auditor_validity'$$,
                          '22023', 'setting_value', 'a period with hours is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = 'forever' WHERE name = 'auditor_validity'$$,
                          '22023', 'setting_value', 'a period that is not an interval is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '' WHERE name = 'auditor_validity'$$,
                          '22023', 'setting_value', 'an empty period is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '0 months' WHERE name = 'auditor_validity'$$,
                          '22023', 'setting_value', 'auditor_validity 0 months is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '-2 years' WHERE name = 'auditor_validity'$$,
                          '22023', 'setting_value', 'a negative period is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '5 years 1 month' WHERE name = 'auditor_validity'$$,
                          '22023', 'setting_value', 'auditor_validity above 5 years is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2020-06-01' WHERE name = 'auditor_validity'$$,
                          '22023', 'setting_value', 'a date for a period is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = 'infinity' WHERE name = 'scheme_start'$$,
                          '22023', 'setting_value', 'scheme_start infinity is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2020-02-30' WHERE name = 'scheme_start'$$,
                          '22023', 'setting_value', 'scheme_start 2020-02-30 is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '1 year' WHERE name = 'scheme_start'$$,
                          '22023', 'setting_value', 'a period for scheme_start is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = NULL WHERE name = 'audit_period_max'$$,
                          '23502', 'setting_value', 'a null value is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2 years' WHERE name = 'audit_period_min'$$,
                          '22023', 'setting_value', 'audit_period_min above audit_period_max is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2 months' WHERE name = 'audit_period_max'$$,
                          '22023', 'setting_value', 'audit_period_max below audit_period_min is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET name = 'auditor_term' WHERE name = 'auditor_validity'$$,
                          '55000', 'setting_value', 'a setting cannot be renamed');
SELECT ismap_test.refused($$DELETE FROM ismap.settings WHERE name = 'auditor_validity'$$,
                          '55000', 'setting_value', 'a setting cannot be deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.setting_defaults CASCADE$$,
                          '55000', 'setting_value', 'the settings'' defaults cannot be truncated');
SELECT ismap_test.refused($$TRUNCATE ismap.settings$$,
                          '42809', NULL, 'the settings view cannot be truncated (PostgreSQL: not a table)');
SELECT ismap_test.refused($$INSERT INTO ismap.setting_overrides (name, value) VALUES ('audit_period_max', '2 weeks')$$,
                          '22023', 'setting_value', 'a bad value written directly to the overrides is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.settings (name, value, description) VALUES ('auditor_term', '2 years', 'unknown')$$,
                          '22023', 'setting_value', 'an unknown setting cannot be inserted');
SELECT ismap_test.refused($$INSERT INTO ismap.settings (name, value, description) VALUES ('auditor_validity', '2 weeks', 'restored')$$,
                          '22023', 'setting_value', 'an insert of an existing name with a bad value is refused');

-- An insert of an existing name updates it (pg_dump restores the table
-- after CREATE EXTENSION has put the defaults in).
SELECT ismap_test.accepted($$INSERT INTO ismap.settings (name, value, description) VALUES ('auditor_validity', '3 years', 'restored')$$,
                           'an insert of an existing setting is accepted');
SELECT is((SELECT value FROM ismap.settings WHERE name = 'auditor_validity'), '3 years',
          'and updates its value');
SELECT is((SELECT count(*) FROM ismap.settings), 14::bigint, 'and adds no row');
SELECT is(ismap.auditor_valid_until('2024-04-01'), '2027-04-01'::date, 'and the rules read the restored value');

SELECT * FROM finish();
ROLLBACK;
