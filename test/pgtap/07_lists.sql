-- The public auditor list (aud_public_list): auditor_list_at(day) and the
-- view auditor_list, against auditor_status() on every day of a span.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(38);
SET LOCAL ismap.today = '2024-06-30';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, format('架空監査法人%s', name), format('Fictional Audit Corporation %s', n))
  FROM (VALUES (1, 'はるか'), (2, 'ひかり'), (3, 'ふたば'), (4, 'へきる'), (5, 'ほのか'),
               (6, 'まどか'), (7, 'みのり'), (8, 'むつみ'), (9, 'めぐみ')) AS o(n, name) \g /dev/null

-- L1: valid throughout (until 2025-06-01)
SELECT ismap_test.register(101, 1, '2023-06-01', '2023-06-20') AS l1 \gset
-- L2: expired after 2024-04-01, no renewal
SELECT ismap_test.register(201, 2, '2022-04-01', '2022-04-15') AS l2 \gset
-- L3: until 2024-04-01, renewal filed 2024-03-20, approved 2024-05-15
SELECT ismap_test.register(301, 3, '2022-04-01', '2022-04-16') AS l3 \gset
SELECT ismap_test.file(302, 3, '2024-03-20', 'renewal') \g /dev/null
SELECT ismap_test.decide(302, 'approved', '2024-05-15') \g /dev/null
-- L4: suspended 2024-04-10, lifted 2024-05-01
SELECT ismap_test.register(401, 4, '2023-06-01', '2023-06-21') AS l4 \gset
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:l4, 'suspend', '2024-04-10', '調査');
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:l4, 'lift', '2024-05-01', '是正の確認');
-- L5: removed 2024-04-20
SELECT ismap_test.register(501, 5, '2023-06-01', '2023-06-22') AS l5 \gset
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:l5, 'remove', '2024-04-20', '登録の削除');
-- L6: registered 2024-05-20
SELECT ismap_test.register(601, 6, '2024-04-01', '2024-05-20') AS l6 \gset
-- L7: until 2024-04-10, renewal filed 2024-04-05, rejected 2024-05-05
SELECT ismap_test.register(701, 7, '2022-04-10', '2022-04-20') AS l7 \gset
SELECT ismap_test.file(702, 7, '2024-04-05', 'renewal') \g /dev/null
SELECT ismap_test.decide(702, 'rejected', '2024-05-05') \g /dev/null
-- L8: suspended from 2024-06-01
SELECT ismap_test.register(801, 8, '2023-06-01', '2023-06-23') AS l8 \gset
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:l8, 'suspend', '2024-06-01', '調査');
-- L9: until 2024-06-01, renewal filed 2024-05-25, undecided
SELECT ismap_test.register(901, 9, '2022-06-01', '2022-06-10') AS l9 \gset
SELECT ismap_test.file(902, 9, '2024-05-25', 'renewal') \g /dev/null
-- L10: organization 2 registered again, 2024-06-15
SELECT ismap_test.register(202, 2, '2024-05-01', '2024-06-15') AS l10 \gset

-- ---------------------------------------------------------------------
-- The list on 2024-04-25

SELECT results_eq(
  $$SELECT auditor_id, status::text FROM ismap.auditor_list_at('2024-04-25')$$,
  format($$SELECT * FROM (VALUES (%s::bigint, 'valid'), (%s, 'renewal_pending'), (%s, 'suspended'),
                                 (%s, 'renewal_pending'), (%s, 'valid'), (%s, 'valid')) AS v(id, s)
            ORDER BY (SELECT registration_number FROM ismap.auditors WHERE auditor_id = v.id)$$,
         :l1, :l3, :l4, :l7, :l8, :l9),
  'the list of 2024-04-25: valid, renewal_pending and suspended auditors, by registration number');
SELECT ok(NOT EXISTS (SELECT 1 FROM ismap.auditor_list_at('2024-04-25') WHERE auditor_id = :l2),
          'an expired auditor is not on the list');
SELECT ok(NOT EXISTS (SELECT 1 FROM ismap.auditor_list_at('2024-04-25') WHERE auditor_id = :l5),
          'a removed auditor is not on the list');
SELECT ok(NOT EXISTS (SELECT 1 FROM ismap.auditor_list_at('2024-04-25') WHERE auditor_id IN (:l6, :l10)),
          'an auditor not yet registered is not on the list');
SELECT ok(EXISTS (SELECT 1 FROM ismap.auditor_list_at('2024-04-19') WHERE auditor_id = :l5),
          'the removed auditor was on the list the day before its removal');
SELECT ok(EXISTS (SELECT 1 FROM ismap.auditor_list_at('2024-05-20') WHERE auditor_id = :l6),
          'an auditor is on the list from its registration day');
SELECT ok(NOT EXISTS (SELECT 1 FROM ismap.auditor_list_at('2024-05-19') WHERE auditor_id = :l6),
          'and not the day before');

-- The columns
SELECT results_eq(
  format($$SELECT registration_number, name, name_en, corporate_number, registered_on, valid_until, status
             FROM ismap.auditor_list_at('2024-04-25') WHERE auditor_id = %s$$, :l1),
  format($$SELECT a.registration_number, o.name, o.name_en, o.corporate_number, '2023-06-20'::date,
                  '2025-06-01'::date, 'valid'::ismap.listing_status
             FROM ismap.auditors a JOIN ismap.organizations o USING (organization_id) WHERE a.auditor_id = %s$$, :l1),
  'a row shows number, name, English name, corporate number, registration date, expiry and status');
SELECT is((SELECT name FROM ismap.auditor_list_at('2024-04-25') WHERE auditor_id = :l1), '架空監査法人はるか',
          'the Japanese name is shown as registered');
SELECT is((SELECT valid_until FROM ismap.auditor_list_at('2024-04-25') WHERE auditor_id = :l3), '2024-04-01'::date,
          'an auditor in renewal grace shows the expiry of its term in force');
SELECT is((SELECT valid_until FROM ismap.auditor_list_at('2024-06-30') WHERE auditor_id = :l3), '2026-03-20'::date,
          'after the renewal it shows the new expiry');
SELECT is((SELECT array_agg(registration_number ORDER BY registration_number) FROM ismap.auditor_list_at('2024-06-30')),
          (SELECT array_agg(registration_number) FROM ismap.auditor_list_at('2024-06-30')),
          'the list is ordered by registration number');

-- ---------------------------------------------------------------------
-- The list agrees with auditor_status for every auditor on every day.

SELECT set_eq(
  $$SELECT d::date, l.auditor_id, l.status
      FROM generate_series('2022-01-01'::date, '2027-12-31', '1 day') AS d,
           LATERAL ismap.auditor_list_at(d::date) AS l$$,
  $$SELECT d::date, a.auditor_id, ismap.auditor_status(a.auditor_id, d::date)
      FROM generate_series('2022-01-01'::date, '2027-12-31', '1 day') AS d, ismap.auditors AS a
     WHERE ismap.auditor_status(a.auditor_id, d::date) IN ('valid', 'renewal_pending', 'suspended')$$,
  'auditor_list_at(d) = the auditors valid, renewal_pending or suspended on d, every day of 2022-2027');
SELECT is((SELECT count(*)
             FROM generate_series('2022-01-01'::date, '2027-12-31', '1 day') AS d, ismap.auditors AS a,
                  LATERAL ismap.auditor_standing(a.auditor_id, d::date) AS s
            WHERE s.status IS DISTINCT FROM ismap.auditor_status(a.auditor_id, d::date)),
          0::bigint, 'auditor_standing gives the same status as auditor_status on every day');
SELECT is((SELECT count(*)
             FROM generate_series('2022-01-01'::date, '2027-12-31', '1 day') AS d,
                  LATERAL ismap.auditor_list_at(d::date) AS l,
                  LATERAL ismap.auditor_standing(l.auditor_id, d::date) AS s
            WHERE l.valid_until IS DISTINCT FROM s.valid_until),
          0::bigint, 'the list shows the expiry of the term in force that day');
SELECT is((SELECT count(*) FROM ismap.auditors a
            WHERE ismap.auditor_status(a.auditor_id, a.registered_on - 1) IS NOT NULL),
          0::bigint, 'no auditor has a status the day before its registration');
SELECT is((SELECT count(DISTINCT status) FROM generate_series('2022-01-01'::date, '2027-12-31', '1 day') AS d,
                  LATERAL ismap.auditor_list_at(d::date) AS l), 3::bigint,
          '(the span saw all three listed statuses)');
SELECT is((SELECT count(DISTINCT ismap.auditor_status(a.auditor_id, d::date))
             FROM generate_series('2022-01-01'::date, '2027-12-31', '1 day') AS d, ismap.auditors AS a),
          5::bigint, '(and all five statuses)');

-- Edge days
SELECT is((SELECT count(*) FROM ismap.auditor_list_at('2020-01-01')), 0::bigint, 'the list before any registration is empty');
SELECT ismap_test.refused($$SELECT count(*) FROM ismap.auditor_list_at(NULL)$$, '22004', 'aud_public_list',
                          'the list of a null day is refused, not empty');
SELECT ismap_test.refused($$SELECT ismap.auditor_status(99999, '2024-01-01')$$, '22023', 'aud_public_list',
                          'the status of an unknown auditor is refused, not null');

-- ---------------------------------------------------------------------
-- The view auditor_list is the list of ismap.today()

SELECT results_eq($$SELECT * FROM ismap.auditor_list$$,
                  $$SELECT * FROM ismap.auditor_list_at(ismap.today())$$,
                  'auditor_list = auditor_list_at(ismap.today())');
SELECT results_eq(
  $$SELECT auditor_id, status::text FROM ismap.auditor_list ORDER BY auditor_id$$,
  format($$VALUES (%s::bigint, 'valid'), (%s, 'valid'), (%s, 'valid'), (%s, 'valid'),
                  (%s, 'suspended'), (%s, 'renewal_pending'), (%s, 'valid')$$,
         :l1, :l3, :l4, :l6, :l8, :l9, :l10),
  'today''s list');
SET LOCAL ismap.today = '2024-04-25';
SELECT results_eq($$SELECT * FROM ismap.auditor_list$$,
                  $$SELECT * FROM ismap.auditor_list_at('2024-04-25')$$,
                  'with ismap.today pinned to 2024-04-25, auditor_list is the list of that day');
SET LOCAL ismap.today = '';
SELECT results_eq($$SELECT * FROM ismap.auditor_list$$,
                  $$SELECT * FROM ismap.auditor_list_at((now() AT TIME ZONE 'Asia/Tokyo')::date)$$,
                  'unpinned, auditor_list is the list of the current day in Tokyo');
SET LOCAL ismap.today = '2024-06-30';

-- The list is read-only.
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_list (auditor_id, registration_number)
                            VALUES (1, 'A24-9999')$$, '55000', NULL,
                          'the list view cannot be written');

-- ---------------------------------------------------------------------
-- The public reads the list, not the registry's tables.

CREATE ROLE ismap_test_public_07 NOLOGIN;
SET LOCAL ROLE ismap_test_public_07;
SELECT is((SELECT count(*) FROM ismap.auditor_list), 7::bigint, 'a role without grants reads ismap.auditor_list');
SELECT is((SELECT count(*) FROM ismap.auditor_list_at('2024-04-25')), 6::bigint, 'and calls auditor_list_at');
SELECT is(ismap.auditor_status(:l8, '2024-06-30'), 'suspended', 'and auditor_status');
SELECT results_eq(format($$SELECT * FROM ismap.auditor_standing(%s, '2024-04-25')$$, :l3),
                  $$VALUES ('renewal_pending'::ismap.listing_status, '2024-04-01'::date)$$,
                  'and auditor_standing');
SELECT ismap_test.refused($$SELECT * FROM ismap.auditors$$, '42501', NULL,
                          'but cannot read ismap.auditors');
SELECT ismap_test.refused($$SELECT * FROM ismap.auditor_applications$$, '42501', NULL,
                          'nor ismap.auditor_applications');
SELECT ismap_test.refused($$SELECT * FROM ismap.auditor_terms$$, '42501', NULL,
                          'nor ismap.auditor_terms');
SELECT ismap_test.refused($$SELECT * FROM ismap.auditor_status_changes$$, '42501', NULL,
                          'nor ismap.auditor_status_changes (grounds are confidential)');
SELECT ismap_test.refused($$SELECT * FROM ismap.auditor_compliance_reports$$, '42501', NULL,
                          'nor ismap.auditor_compliance_reports');
SELECT ismap_test.refused($$SELECT * FROM ismap.overdue_compliance_reports$$, '42501', NULL,
                          'nor the overdue compliance reports');
SELECT ismap_test.refused($$SELECT * FROM ismap.overdue_compliance_reports_at('2024-06-30')$$, '42501', NULL,
                          'nor call overdue_compliance_reports_at');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_list (auditor_id, registration_number) VALUES (1, 'A24-9999')$$,
                          '55000', NULL, 'nor write the list (PostgreSQL: a view that is not updatable)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
