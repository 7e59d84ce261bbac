-- aud_validity and svc_validity: periods counted as the Civil Code counts
-- them (民法140-143).  The period starts the day after the application
-- (aud_validity) or after the audit period (svc_validity); it ends the day
-- before the corresponding day N months later, or on the last day of that
-- month when it has no corresponding day.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(60);
SET LOCAL ismap.today = '2024-06-01';

-- An independent statement of the rule, for the sweeps below: PostgreSQL
-- clamps date + n months to the end of the month, so a clamped result is a
-- month without the corresponding day.
CREATE FUNCTION ismap_test.civil_end(first_day date, months int) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN extract(day FROM first_day + make_interval(months => months))
                   = extract(day FROM first_day)
              THEN (first_day + make_interval(months => months))::date - 1
              ELSE (first_day + make_interval(months => months))::date END
$$;

-- ---------------------------------------------------------------------
-- aud_validity: 2 years from the day after the application date

SELECT is(ismap.auditor_valid_until('2024-04-01'), '2026-04-01'::date, 'applied 2024-04-01 -> 2026-04-01 (rules.md)');
SELECT is(ismap.auditor_valid_until('2024-02-29'), '2026-02-28'::date, 'applied 2024-02-29 -> 2026-02-28 (rules.md)');
SELECT is(ismap.auditor_valid_until('2024-02-28'), '2026-02-28'::date,
          'applied 2024-02-28: first day 29 February, no 29 February 2026 -> 2026-02-28');
SELECT is(ismap.auditor_valid_until('2024-02-27'), '2026-02-27'::date, 'applied 2024-02-27 -> 2026-02-27');
SELECT is(ismap.auditor_valid_until('2024-03-01'), '2026-03-01'::date, 'applied 2024-03-01 -> 2026-03-01');
SELECT is(ismap.auditor_valid_until('2023-02-28'), '2025-02-28'::date, 'applied 2023-02-28 -> 2025-02-28');
SELECT is(ismap.auditor_valid_until('2022-02-28'), '2024-02-29'::date,
          'applied 2022-02-28: first day 2022-03-01, ends the day before 2024-03-01 -> 2024-02-29');
SELECT is(ismap.auditor_valid_until('2022-02-27'), '2024-02-27'::date, 'applied 2022-02-27 -> 2024-02-27');
SELECT is(ismap.auditor_valid_until('2023-12-31'), '2025-12-31'::date, 'applied 2023-12-31 -> 2025-12-31');
SELECT is(ismap.auditor_valid_until('2023-12-30'), '2025-12-30'::date, 'applied 2023-12-30 -> 2025-12-30');
SELECT is(ismap.auditor_valid_until('2024-01-30'), '2026-01-30'::date, 'applied 2024-01-30 -> 2026-01-30');
SELECT is(ismap.auditor_valid_until('2024-01-31'), '2026-01-31'::date, 'applied 2024-01-31 -> 2026-01-31');
SELECT is(ismap.auditor_valid_until('2023-04-30'), '2025-04-30'::date, 'applied 2023-04-30 -> 2025-04-30');
SELECT is(ismap.auditor_valid_until('2023-03-30'), '2025-03-30'::date, 'applied 2023-03-30 -> 2025-03-30');
SELECT is(ismap.auditor_valid_until('2020-06-01'), '2022-06-01'::date, 'applied on the scheme''s first day -> 2022-06-01');
SELECT is(ismap.auditor_valid_until(NULL), NULL::date, 'a null application date gives null');

-- With other settings: the month arithmetic, not a count of days.
UPDATE ismap.settings SET value = '1 year' WHERE name = 'auditor_validity';
SELECT is(ismap.auditor_valid_until('2023-02-28'), '2024-02-29'::date,
          '1 year: applied 2023-02-28 -> 2024-02-29 (the period ends on a leap day)');
SELECT is(ismap.auditor_valid_until('2024-02-28'), '2025-02-28'::date,
          '1 year: applied 2024-02-28, first day 29 February -> 2025-02-28');
SELECT is(ismap.auditor_valid_until('2024-02-29'), '2025-02-28'::date, '1 year: applied 2024-02-29 -> 2025-02-28');
UPDATE ismap.settings SET value = '1 month' WHERE name = 'auditor_validity';
SELECT is(ismap.auditor_valid_until('2024-01-30'), '2024-02-29'::date,
          '1 month: applied 2024-01-30, first day 31 January -> 2024-02-29');
SELECT is(ismap.auditor_valid_until('2023-01-30'), '2023-02-28'::date,
          '1 month: applied 2023-01-30, first day 31 January -> 2023-02-28');
SELECT is(ismap.auditor_valid_until('2023-01-27'), '2023-02-27'::date, '1 month: applied 2023-01-27 -> 2023-02-27');
UPDATE ismap.settings SET value = '2 years' WHERE name = 'auditor_validity';

-- Every day of twelve years agrees with the rule.
SELECT is((SELECT string_agg(format('%s->%s', d, v), ', ')
             FROM (SELECT d::date AS d, ismap.auditor_valid_until(d::date) AS v
                     FROM generate_series('2019-01-01'::date, '2030-12-31', '1 day') AS d) AS x
            WHERE v IS DISTINCT FROM ismap_test.civil_end(d + 1, 24)),
          NULL, 'auditor_valid_until agrees with the Civil Code rule on every day of 2019-2030');
SELECT is((SELECT count(*) FROM generate_series('2019-01-01'::date, '2030-12-31', '1 day') AS d
            WHERE ismap.auditor_valid_until(d::date) < d::date + 729
               OR ismap.auditor_valid_until(d::date) > d::date + 731),
          0::bigint, 'a 2-year term always lasts 729 to 731 days after the application date');

-- Refused: infinite dates (22007), out of range (22008).
SELECT ismap_test.refused($$SELECT ismap.auditor_valid_until('infinity')$$, '22007', 'aud_validity',
                          'auditor_valid_until(infinity) is refused');
SELECT ismap_test.refused($$SELECT ismap.auditor_valid_until('-infinity')$$, '22007', 'aud_validity',
                          'auditor_valid_until(-infinity) is refused');
SELECT ismap_test.refused($$SELECT ismap.auditor_valid_until('5874897-12-01')$$, '22008', 'aud_validity',
                          'a term that would end after the last date PostgreSQL knows is refused');
SELECT is(ismap.auditor_valid_until('5874895-11-30'), '5874897-11-30'::date,
          'a term ending in the last month PostgreSQL knows is computed');

-- ---------------------------------------------------------------------
-- The term of an approved registration uses the same arithmetic.

SELECT ismap_test.organization(1, '架空監査法人うるう', 'Uruu Fictional Audit Corporation') AS o1 \gset
SELECT ismap_test.organization(2, '架空監査法人きさらぎ', 'Kisaragi Fictional Audit Corporation') AS o2 \gset
SELECT ismap_test.register(1, 1, '2022-02-28', '2022-03-15') AS a1 \gset
SELECT ismap_test.register(2, 2, '2024-02-29', '2024-03-15') AS a2 \gset
SELECT results_eq(
  format($$SELECT valid_from, valid_until FROM ismap.auditors WHERE auditor_id = %s$$, :a1),
  $$VALUES ('2022-02-28'::date, '2024-02-29'::date)$$,
  'applied 2022-02-28: the registration is valid until 2024-02-29');
SELECT results_eq(
  format($$SELECT term_no, valid_from, valid_until FROM ismap.auditor_terms WHERE auditor_id = %s$$, :a1),
  $$VALUES (1, '2022-02-28'::date, '2024-02-29'::date)$$,
  'and so is its first term');
SELECT is(ismap.auditor_status(:a1, '2024-02-29'), 'valid', 'it is valid on 2024-02-29');
SELECT is(ismap.auditor_status(:a1, '2024-03-01'), 'expired', 'and expired on 2024-03-01');
SELECT is((SELECT valid_until FROM ismap.auditors WHERE auditor_id = :a2), '2026-02-28'::date,
          'applied 2024-02-29: the registration is valid until 2026-02-28');
SELECT is(ismap.auditor_status(:a2, '2026-02-28'), 'valid', 'it is valid on 2026-02-28');
SELECT is(ismap.auditor_status(:a2, '2026-03-01'), 'expired', 'and expired on 2026-03-01');
SELECT ismap_test.refused(
  format($$UPDATE ismap.auditor_terms SET valid_until = '2026-03-01' WHERE auditor_id = %s$$, :a2),
  '42501', 'aud_validity', 'a term cannot be lengthened by hand');

-- ---------------------------------------------------------------------
-- svc_validity: 1 year 4 months from the day after the audit period

SELECT is(ismap.service_valid_until('2023-03-31'), '2024-07-31'::date, 'period ends 2023-03-31 -> 2024-07-31 (rules.md)');
SELECT is(ismap.service_valid_until('2023-10-30'), '2025-02-28'::date, 'period ends 2023-10-30 -> 2025-02-28 (rules.md)');
SELECT is(ismap.service_valid_until('2023-06-30'), '2024-10-31'::date, 'period ends 2023-06-30 -> 2024-10-31');
-- Periods ending on the last day of months of 28, 29, 30 and 31 days, and
-- the day before.
SELECT is(ismap.service_valid_until('2023-01-30'), '2024-05-30'::date, 'period ends 2023-01-30 -> 2024-05-30');
SELECT is(ismap.service_valid_until('2023-01-31'), '2024-05-31'::date, 'period ends 2023-01-31 (31 days) -> 2024-05-31');
SELECT is(ismap.service_valid_until('2023-02-28'), '2024-06-30'::date, 'period ends 2023-02-28 (28 days) -> 2024-06-30');
SELECT is(ismap.service_valid_until('2024-02-28'), '2025-06-28'::date, 'period ends 2024-02-28 -> 2025-06-28');
SELECT is(ismap.service_valid_until('2024-02-29'), '2025-06-30'::date, 'period ends 2024-02-29 (29 days) -> 2025-06-30');
SELECT is(ismap.service_valid_until('2023-04-30'), '2024-08-31'::date, 'period ends 2023-04-30 (30 days) -> 2024-08-31');
SELECT is(ismap.service_valid_until('2023-09-30'), '2025-01-31'::date, 'period ends 2023-09-30 (30 days) -> 2025-01-31');
SELECT is(ismap.service_valid_until('2023-12-31'), '2025-04-30'::date, 'period ends 2023-12-31 (31 days) -> 2025-04-30');
-- First days that have no corresponding day 16 months later.
SELECT is(ismap.service_valid_until('2022-10-28'), '2024-02-28'::date,
          'period ends 2022-10-28: first day 29 October, 29 February 2024 exists -> 2024-02-28');
SELECT is(ismap.service_valid_until('2022-10-29'), '2024-02-29'::date,
          'period ends 2022-10-29: first day 30 October, no 30 February -> 2024-02-29');
SELECT is(ismap.service_valid_until('2023-10-28'), '2025-02-28'::date,
          'period ends 2023-10-28: first day 29 October, no 29 February 2025 -> 2025-02-28');
SELECT is(ismap.service_valid_until('2023-05-30'), '2024-09-30'::date,
          'period ends 2023-05-30: first day 31 May, no 31 September -> 2024-09-30');
SELECT is(ismap.service_valid_until('2023-05-29'), '2024-09-29'::date, 'period ends 2023-05-29 -> 2024-09-29');
SELECT is(ismap.service_valid_until(NULL), NULL::date, 'a null period end gives null');

SELECT is((SELECT string_agg(format('%s->%s', d, v), ', ')
             FROM (SELECT d::date AS d, ismap.service_valid_until(d::date) AS v
                     FROM generate_series('2019-01-01'::date, '2030-12-31', '1 day') AS d) AS x
            WHERE v IS DISTINCT FROM ismap_test.civil_end(d + 1, 16)),
          NULL, 'service_valid_until agrees with the Civil Code rule on every day of 2019-2030');

SELECT ismap_test.refused($$SELECT ismap.service_valid_until('infinity')$$, '22007', 'svc_validity',
                          'service_valid_until(infinity) is refused');
SELECT ismap_test.refused($$SELECT ismap.service_valid_until('-infinity')$$, '22007', 'svc_validity',
                          'service_valid_until(-infinity) is refused');
SELECT ismap_test.refused($$SELECT ismap.service_valid_until('5874897-12-01')$$, '22008', 'svc_validity',
                          'a service term that would end after the last date PostgreSQL knows is refused');

-- The reference itself, on the examples of rules.md (so that the sweeps
-- above compare with the right thing).
SELECT is(ismap_test.civil_end('2024-04-02', 24), '2026-04-01'::date, '(reference: first day 2024-04-02 -> 2026-04-01)');
SELECT is(ismap_test.civil_end('2024-03-01', 24), '2026-02-28'::date, '(reference: first day 2024-03-01 -> 2026-02-28)');
SELECT is(ismap_test.civil_end('2023-10-31', 16), '2025-02-28'::date, '(reference: first day 2023-10-31 -> 2025-02-28)');

SELECT * FROM finish();
ROLLBACK;
