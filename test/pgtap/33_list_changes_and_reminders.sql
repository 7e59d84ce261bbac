-- What changed on the public lists between two days, and why
-- (cloud_service_list_changes, auditor_list_changes); the reminders
-- (upcoming_expiries, overdue_items).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
\ir history_helpers.psql
SELECT plan(49);
SET LOCAL ismap.today = '2025-06-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人いちい', 'Ichii Fictional Audit Corporation'),
               (2, '架空監査法人にれ', 'Nire Fictional Audit Corporation'),
               (3, '架空監査法人さわら', 'Sawara Fictional Audit Corporation'),
               (4, '架空監査法人しい', 'Shii Fictional Audit Corporation'),
               (5, '架空監査法人ごよう', 'Goyou Fictional Audit Corporation'),
               (6, '架空監査法人むく', 'Muku Fictional Audit Corporation'),
               (10, '架空監査法人ときわ', 'Tokiwa Fictional Audit Corporation'),
               (21, '架空クラウド株式会社あけぼの', 'Akebono Fictional Cloud K.K.'),
               (22, '架空ネットワークス株式会社たそがれ', 'Tasogare Fictional Networks K.K.'),
               (23, '架空システムズ株式会社しののめ', 'Shinonome Fictional Systems K.K.')) AS o(n, name, name_en)
 \g /dev/null

-- Auditor A0 stays registered throughout (renewed every January) and audits the services.
SELECT ismap_test.lasting_auditor(1000, 10, '2021-01-06', '2025-06-01') AS a0 \gset

-- Auditors A1..A6.
-- A1: valid until 2024-03-01, renewed early on 2024-02-01 (until 2026-01-15).
SELECT ismap_test.register(101, 1, '2022-03-01', '2022-03-10') AS a1 \gset
SELECT ismap_test.file(102, 1, '2024-01-15', 'renewal') \g /dev/null
SELECT ismap_test.decide(102, 'approved', '2024-02-01') \g /dev/null
-- A2: valid until 2024-04-01, not renewed.
SELECT ismap_test.register(201, 2, '2022-04-01', '2022-04-10') AS a2 \gset
-- A3: suspended from 2024-05-01, lifted from 2024-06-01, removed from 2024-07-01.
SELECT ismap_test.register(301, 3, '2023-01-10', '2023-01-20') AS a3 \gset
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:a3, 'suspend', '2024-05-01', '監査品質に関する重大な指摘'),
       (:a3, 'lift', '2024-06-01', '改善計画の完了を確認'),
       (:a3, 'remove', '2024-07-01', '監査機関要求基準を満たさなくなったため');
-- A4: valid until 2024-06-01, renewal filed 2024-05-20, approved 2024-07-10
-- (until 2026-05-20); its next renewal filed 2025-05-01, undecided.
SELECT ismap_test.register(401, 4, '2022-06-01', '2022-06-10') AS a4 \gset
SELECT ismap_test.file(402, 4, '2024-05-20', 'renewal') \g /dev/null
SELECT ismap_test.decide(402, 'approved', '2024-07-10') \g /dev/null
SELECT ismap_test.file(403, 4, '2025-05-01', 'renewal') \g /dev/null
-- A5: valid until 2024-08-01, renewal filed 2024-07-25, rejected 2024-08-20.
SELECT ismap_test.register(501, 5, '2022-08-01', '2022-08-10') AS a5 \gset
SELECT ismap_test.file(502, 5, '2024-07-25', 'renewal') \g /dev/null
SELECT ismap_test.decide(502, 'rejected', '2024-08-20') \g /dev/null
-- A6: registered on 2024-03-15 (until 2026-03-01).
SELECT ismap_test.register(601, 6, '2024-03-01', '2024-03-15') AS a6 \gset
SELECT registration_number AS a1_number FROM ismap.auditors WHERE auditor_id = :a1 \gset
SELECT registration_number AS a2_number FROM ismap.auditors WHERE auditor_id = :a2 \gset
SELECT registration_number AS a3_number FROM ismap.auditors WHERE auditor_id = :a3 \gset
SELECT registration_number AS a4_number FROM ismap.auditors WHERE auditor_id = :a4 \gset
SELECT registration_number AS a5_number FROM ismap.auditors WHERE auditor_id = :a5 \gset
SELECT registration_number AS a6_number FROM ismap.auditors WHERE auditor_id = :a6 \gset

-- Services S1..S6 and S9: registered on 2023-07-03, valid until 2024-07-31,
-- each with an audit of the following year for its renewal.
SELECT ismap_test.service(n, 21 + n % 3, format('架空クラウドサービス%s', n), 'SaaS',
                          CASE n WHEN 8 THEN 'ismap_liu' ELSE 'ismap' END::ismap.program)
  FROM generate_series(1, 9) n \g /dev/null
SELECT ismap_test.audit(10 * n + 1, n, :a0, '2022-04-01', '2023-03-31', '2023-05-10') FROM unnest('{1,2,3,4,5,6,9}'::int[]) n \g /dev/null
SELECT ismap_test.audit(10 * n + 2, n, :a0, '2023-04-01', '2024-03-31', '2024-05-20') FROM unnest('{1,4,5,6}'::int[]) n \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, 10 * n + 1, '2023-05-15', '2023-07-03') FROM unnest('{1,2,3,4,5,6,9}'::int[]) n \g /dev/null
-- S7 and S8 (ISMAP-LIU): registered on 2024-02-01, valid until 2025-04-30.
SELECT ismap_test.audit(10 * n + 1, n, :a0, '2023-01-01', '2023-12-31', '2024-01-10') FROM generate_series(7, 8) n \g /dev/null
SELECT ismap_test.assessed_low(8, '2024-01-10') \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, 10 * n + 1, '2024-01-15', '2024-02-01') FROM generate_series(7, 8) n \g /dev/null
SELECT registration_id AS r1 FROM ismap.service_registrations WHERE service_id = 1 \gset
SELECT registration_id AS r2 FROM ismap.service_registrations WHERE service_id = 2 \gset
SELECT registration_id AS r3 FROM ismap.service_registrations WHERE service_id = 3 \gset
SELECT registration_id AS r4 FROM ismap.service_registrations WHERE service_id = 4 \gset
SELECT registration_id AS r5 FROM ismap.service_registrations WHERE service_id = 5 \gset
SELECT registration_id AS r6 FROM ismap.service_registrations WHERE service_id = 6 \gset
SELECT registration_id AS r7 FROM ismap.service_registrations WHERE service_id = 7 \gset
SELECT registration_id AS r9 FROM ismap.service_registrations WHERE service_id = 9 \gset
SELECT registration_number AS r1_number FROM ismap.service_registrations WHERE registration_id = :r1 \gset
SELECT registration_number AS r2_number FROM ismap.service_registrations WHERE registration_id = :r2 \gset
SELECT registration_number AS r3_number FROM ismap.service_registrations WHERE registration_id = :r3 \gset
SELECT registration_number AS r4_number FROM ismap.service_registrations WHERE registration_id = :r4 \gset
SELECT registration_number AS r5_number FROM ismap.service_registrations WHERE registration_id = :r5 \gset
SELECT registration_number AS r6_number FROM ismap.service_registrations WHERE registration_id = :r6 \gset
SELECT registration_number AS r7_number FROM ismap.service_registrations WHERE registration_id = :r7 \gset
SELECT registration_number AS r9_number FROM ismap.service_registrations WHERE registration_id = :r9 \gset
-- S1: renewal filed 2024-06-01, approved 2024-07-01 (until 2025-07-31).
SELECT ismap_test.svc_file(1001, 1, '2024-06-01', 12, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(1001, 'approved', '2024-07-01') \g /dev/null
-- S2: not renewed.
-- S3: suspended from 2024-03-01, lifted from 2024-04-01, removed from 2024-05-01.
SELECT ismap_test.svc_change(:r3, 'suspend', '2024-03-01') \g /dev/null
SELECT ismap_test.svc_change(:r3, 'lift', '2024-04-01') \g /dev/null
SELECT ismap_test.svc_change(:r3, 'remove', '2024-05-01') \g /dev/null
-- S4: renewal filed 2024-07-20, approved 2024-09-10 (until 2025-07-31); its
-- next renewal filed 2025-05-01, undecided.
SELECT ismap_test.svc_file(4001, 4, '2024-07-20', 42, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(4001, 'approved', '2024-09-10') \g /dev/null
SELECT ismap_test.audit(43, 4, :a0, '2024-04-01', '2025-03-31', '2025-04-20') \g /dev/null
SELECT ismap_test.svc_file(4002, 4, '2025-05-01', 43, 'renewal') \g /dev/null
-- S5: renewal filed 2024-07-20, rejected 2024-08-20.  S6: withdrawn 2024-08-10.
SELECT ismap_test.svc_file(5001, 5, '2024-07-20', 52, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(5001, 'rejected', '2024-08-20') \g /dev/null
SELECT ismap_test.svc_file(6001, 6, '2024-07-20', 62, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(6001, 'withdrawn', '2024-08-10') \g /dev/null
-- S9: suspended from 2024-06-01 until it expires.
SELECT ismap_test.svc_change(:r9, 'suspend', '2024-06-01') \g /dev/null

-- ---------------------------------------------------------------------
-- The auditor list

SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, old_valid_until, new_valid_until, reason
                             FROM ismap.auditor_list_changes('2024-01-31', '2024-02-01') WHERE registration_number = %L$$, :'a1_number'),
                  $$VALUES ('renewed', 'valid', 'valid', '2024-03-01'::date, '2026-01-15'::date,
                            'renewal approved on 2024-02-01: valid until 2026-01-15')$$,
                  'auditor list: an early renewal is ''renewed'', with the old and new expiry');
SELECT results_eq(format($$SELECT name, change, old_status::text, new_status::text, old_valid_until, reason
                             FROM ismap.auditor_list_changes('2024-04-01', '2024-04-02') WHERE registration_number = %L$$, :'a2_number'),
                  $$VALUES ('架空監査法人にれ', 'dropped', 'valid', 'expired', '2024-04-01'::date, 'validity ended on 2024-04-01')$$,
                  'an expiry without renewal is ''dropped'', new status expired');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, reason
                             FROM ismap.auditor_list_changes('2024-04-30', '2024-05-01') WHERE registration_number = %L$$, :'a3_number'),
                  $$VALUES ('status_changed', 'valid', 'suspended', 'suspended from 2024-05-01')$$,
                  'a suspension is a ''status_changed'' to suspended, with its grounds');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, reason
                             FROM ismap.auditor_list_changes('2024-05-31', '2024-06-01') WHERE registration_number = %L$$, :'a3_number'),
                  $$VALUES ('status_changed', 'suspended', 'valid', 'suspension lifted from 2024-06-01')$$,
                  'a lift is a ''status_changed'' back to valid');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, reason
                             FROM ismap.auditor_list_changes('2024-06-30', '2024-07-01') WHERE registration_number = %L$$, :'a3_number'),
                  $$VALUES ('dropped', 'valid', 'removed', 'removed from 2024-07-01')$$,
                  'a removal is ''dropped'', new status removed, with its grounds');
SELECT is_empty(format($$SELECT * FROM ismap.auditor_list_changes('2024-04-15', '2024-06-15') WHERE registration_number = %L$$, :'a3_number'),
                'a suspension lifted within the period is no change');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, old_valid_until, new_valid_until, reason
                             FROM ismap.auditor_list_changes('2024-06-01', '2024-06-02') WHERE registration_number = %L$$, :'a4_number'),
                  $$VALUES ('status_changed', 'valid', 'renewal_pending', '2024-06-01'::date, '2024-06-01'::date,
                            'validity ended on 2024-06-01; renewal filed on 2024-05-20 is undecided')$$,
                  'an expiry with a renewal undecided is a ''status_changed'' to renewal_pending, naming that renewal (not a later one)');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, old_valid_until, new_valid_until, reason
                             FROM ismap.auditor_list_changes('2024-07-09', '2024-07-10') WHERE registration_number = %L$$, :'a4_number'),
                  $$VALUES ('status_changed', 'renewal_pending', 'valid', '2024-06-01'::date, '2026-05-20'::date,
                            'renewal approved on 2024-07-10: valid until 2026-05-20')$$,
                  'the approval in grace is a ''status_changed'' back to valid, with the new expiry');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, reason
                             FROM ismap.auditor_list_changes('2024-08-19', '2024-08-20') WHERE registration_number = %L$$, :'a5_number'),
                  $$VALUES ('dropped', 'renewal_pending', 'expired', 'renewal rejected on 2024-08-20')$$,
                  'a rejection in grace is ''dropped'', naming the rejection');
SELECT results_eq(format($$SELECT name, change, old_status::text, new_status::text, old_valid_until, new_valid_until, reason
                             FROM ismap.auditor_list_changes('2024-03-14', '2024-03-15') WHERE registration_number = %L$$, :'a6_number'),
                  $$VALUES ('架空監査法人むく', 'added', NULL, 'valid', NULL::date, '2026-03-01'::date, 'registered on 2024-03-15')$$,
                  'a registration is ''added''');
SELECT results_eq($$SELECT registration_number, change, old_status::text, new_status::text, old_valid_until,
                           CASE WHEN change <> 'dropped' THEN new_valid_until END, reason
                      FROM ismap.auditor_list_changes('2024-04-15', '2024-07-15')$$,
                  format($$VALUES (%L, 'renewed', 'valid', 'valid', '2024-06-01'::date, '2026-05-20'::date, 'renewal approved on 2024-07-10: valid until 2026-05-20'),
                                  (%L, 'dropped', 'valid', 'removed', '2025-01-10'::date, NULL::date, 'removed from 2024-07-01')$$,
                         :'a4_number', :'a3_number'),
                  'over three months: every change, in registration number order, comparing only the two days');
SELECT is_empty($$SELECT * FROM ismap.auditor_list_changes('2024-02-15', '2024-02-20')$$,
                'no change between two quiet days');
SELECT is_empty($$SELECT * FROM ismap.auditor_list_changes('2024-07-01', '2024-07-01')$$,
                'none between a day and itself');

-- ---------------------------------------------------------------------
-- The cloud service list

SELECT results_eq($$SELECT registration_number, service_name, change, old_status::text, new_status::text, old_valid_until,
                           new_valid_until, reason
                      FROM ismap.cloud_service_list_changes('2024-01-31', '2024-02-01')$$,
                  format($$VALUES (%L, '架空クラウドサービス7', 'added', NULL, 'valid', NULL::date, '2025-04-30'::date,
                                   'registered on 2024-02-01')$$, :'r7_number'),
                  'cloud service list: a registration is ''added''; the ISMAP-LIU one of the same day is not on this list');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, reason
                             FROM ismap.cloud_service_list_changes('2024-02-29', '2024-03-01') WHERE registration_number = %L$$, :'r3_number'),
                  $$VALUES ('status_changed', 'valid', 'suspended', 'suspended from 2024-03-01')$$,
                  'a suspension is a ''status_changed'' to suspended, with its grounds');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, reason
                             FROM ismap.cloud_service_list_changes('2024-03-31', '2024-04-01') WHERE registration_number = %L$$, :'r3_number'),
                  $$VALUES ('status_changed', 'suspended', 'valid', 'suspension lifted from 2024-04-01')$$,
                  'a lift is a ''status_changed'' back to valid');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, reason
                             FROM ismap.cloud_service_list_changes('2024-04-30', '2024-05-01') WHERE registration_number = %L$$, :'r3_number'),
                  $$VALUES ('dropped', 'valid', 'removed', 'removed from 2024-05-01')$$,
                  'a removal is ''dropped'', new status removed');
SELECT is_empty(format($$SELECT * FROM ismap.cloud_service_list_changes('2024-02-15', '2024-04-15') WHERE registration_number = %L$$, :'r3_number'),
                'a suspension lifted within the period is no change');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, old_valid_until, new_valid_until, reason
                             FROM ismap.cloud_service_list_changes('2024-06-30', '2024-07-01') WHERE registration_number = %L$$, :'r1_number'),
                  $$VALUES ('renewed', 'valid', 'valid', '2024-07-31'::date, '2025-07-31'::date,
                            'renewal approved on 2024-07-01: valid until 2025-07-31')$$,
                  'an early renewal is ''renewed''');
SELECT results_eq($$SELECT registration_number, change, old_status::text, new_status::text, old_valid_until, reason
                      FROM ismap.cloud_service_list_changes('2024-07-31', '2024-08-01')$$,
                  format($$VALUES (%L, 'dropped', 'valid', 'expired', '2024-07-31'::date, 'validity ended on 2024-07-31'),
                                  (%L, 'status_changed', 'valid', 'renewal_pending', '2024-07-31'::date,
                                   'validity ended on 2024-07-31; renewal filed on 2024-07-20 is undecided'),
                                  (%L, 'status_changed', 'valid', 'renewal_pending', '2024-07-31'::date,
                                   'validity ended on 2024-07-31; renewal filed on 2024-07-20 is undecided'),
                                  (%L, 'status_changed', 'valid', 'renewal_pending', '2024-07-31'::date,
                                   'validity ended on 2024-07-31; renewal filed on 2024-07-20 is undecided'),
                                  (%L, 'dropped', 'suspended', 'expired', '2024-07-31'::date, 'validity ended on 2024-07-31')$$,
                         :'r2_number', :'r4_number', :'r5_number', :'r6_number', :'r9_number'),
                  'the day after a common expiry: dropped without renewal (suspended or not), in grace with one');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, reason
                             FROM ismap.cloud_service_list_changes('2024-08-09', '2024-08-10') WHERE registration_number = %L$$, :'r6_number'),
                  $$VALUES ('dropped', 'renewal_pending', 'expired', 'renewal withdrawn on 2024-08-10')$$,
                  'a withdrawal in grace is ''dropped'', naming the withdrawal');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, reason
                             FROM ismap.cloud_service_list_changes('2024-08-19', '2024-08-20') WHERE registration_number = %L$$, :'r5_number'),
                  $$VALUES ('dropped', 'renewal_pending', 'expired', 'renewal rejected on 2024-08-20')$$,
                  'a rejection in grace is ''dropped'', naming the rejection');
SELECT results_eq(format($$SELECT change, old_status::text, new_status::text, old_valid_until, new_valid_until, reason
                             FROM ismap.cloud_service_list_changes('2024-09-09', '2024-09-10') WHERE registration_number = %L$$, :'r4_number'),
                  $$VALUES ('status_changed', 'renewal_pending', 'valid', '2024-07-31'::date, '2025-07-31'::date,
                            'renewal approved on 2024-09-10: valid until 2025-07-31')$$,
                  'an approval in grace is a ''status_changed'' back to valid, with the new expiry');
SELECT is_empty($$SELECT * FROM ismap.cloud_service_list_changes('2024-05-02', '2024-05-31')$$,
                'no change between two quiet days');

CREATE ROLE ismap_test_public_33 NOLOGIN;
SET LOCAL ROLE ismap_test_public_33;
SELECT is((SELECT count(*) FROM ismap.cloud_service_list_changes('2024-07-31', '2024-08-01')), 5::bigint,
          'a role without grants reads the cloud service list changes');
SELECT is((SELECT count(*) FROM ismap.auditor_list_changes('2024-04-15', '2024-07-15')), 2::bigint,
          'and the auditor list changes');
SELECT ismap_test.refused($$SELECT * FROM ismap.upcoming_expiries('1 month', '2024-07-01')$$, '42501', NULL,
                          'but not the expiry reminders');
SELECT ismap_test.refused($$SELECT * FROM ismap.overdue_items('2024-07-01')$$, '42501', NULL,
                          'nor the overdue items');
RESET ROLE;

-- ---------------------------------------------------------------------
-- Upcoming expiries

-- On 2024-07-01: S2, S4, S5, S6 (their renewals are filed on 2024-07-20) and
-- S9 (suspended) end on 2024-07-31, A5 on 2024-08-01 (renewal filed on
-- 2024-07-25); S1 was renewed that day, A4 is in grace.
SELECT results_eq($$SELECT list, registration_id, registration_number, name, valid_until, days_left, status::text
                      FROM ismap.upcoming_expiries('30 days', '2024-07-01')$$,
                  format($$VALUES ('cloud_service', %s::bigint, %L, '架空クラウドサービス2', '2024-07-31'::date, 30, 'valid'),
                                  ('cloud_service', %s, %L, '架空クラウドサービス4', '2024-07-31', 30, 'valid'),
                                  ('cloud_service', %s, %L, '架空クラウドサービス5', '2024-07-31', 30, 'valid'),
                                  ('cloud_service', %s, %L, '架空クラウドサービス6', '2024-07-31', 30, 'valid'),
                                  ('cloud_service', %s, %L, '架空クラウドサービス9', '2024-07-31', 30, 'suspended')$$,
                         :r2, :'r2_number', :r4, :'r4_number', :r5, :'r5_number', :r6, :'r6_number', :r9, :'r9_number'),
                  'within 30 days of 2024-07-01: the services ending on 2024-07-31, suspended ones included');
SELECT results_eq($$SELECT list, registration_number, name, valid_until, days_left, status::text
                      FROM ismap.upcoming_expiries('31 days', '2024-07-01') WHERE list = 'auditor'$$,
                  format($$VALUES ('auditor', %L, '架空監査法人ごよう', '2024-08-01'::date, 31, 'valid')$$, :'a5_number'),
                  'within 31 days: also auditor A5, which ends on the last day of the interval');
SELECT is((SELECT count(*) FROM ismap.upcoming_expiries('31 days', '2024-07-01')), 6::bigint,
          '(six registrations in all)');
SELECT results_eq($$SELECT * FROM ismap.upcoming_expiries('1 month', '2024-07-01')$$,
                  $$SELECT * FROM ismap.upcoming_expiries('31 days', '2024-07-01')$$,
                  'an interval in months counts to the same day of the next month');
SELECT is_empty($$SELECT * FROM ismap.upcoming_expiries('29 days', '2024-07-01')$$,
                'nothing ends within 29 days');
SELECT results_eq($$SELECT registration_number FROM ismap.upcoming_expiries('60 days', '2024-06-30')$$,
                  format($$VALUES (%L), (%L), (%L), (%L), (%L), (%L)$$,
                         :'r2_number', :'r4_number', :'r5_number', :'r6_number', :'r9_number', :'a5_number'),
                  'on 2024-06-30, S1, ending on 2024-07-31 too, is left out: its renewal, filed on 2024-06-01, is pending');
SELECT results_eq($$SELECT list, registration_number, days_left, status::text FROM ismap.upcoming_expiries('10 days', '2024-07-25')$$,
                  format($$VALUES ('cloud_service', %L, 6, 'valid'), ('cloud_service', %L, 6, 'suspended')$$, :'r2_number', :'r9_number'),
                  'on 2024-07-25, once their renewals are filed, S4, S5, S6 and A5 are left out');
SELECT results_eq($$SELECT registration_number, days_left FROM ismap.upcoming_expiries('0 days', '2024-07-31')$$,
                  format($$VALUES (%L, 0), (%L, 0)$$, :'r2_number', :'r9_number'),
                  'on the last day of validity: zero days left');
SELECT is_empty($$SELECT * FROM ismap.upcoming_expiries('10 days', '2024-08-01') WHERE list = 'cloud_service'$$,
                'the day after, the expired ones are gone, and those in grace are not reminded');
SELECT results_eq($$SELECT list, registration_number, valid_until, days_left FROM ismap.upcoming_expiries('3 months', '2024-01-01')$$,
                  format($$VALUES ('auditor', %L, '2024-03-01'::date, 60), ('auditor', %L, '2024-04-01'::date, 91)$$,
                         :'a1_number', :'a2_number'),
                  'on 2024-01-01, A1 (its renewal filed only on 2024-01-15) and A2 end within three months');
SELECT results_eq($$SELECT * FROM ismap.upcoming_expiries('1 year')$$,
                  $$SELECT * FROM ismap.upcoming_expiries('1 year', ismap.today())$$,
                  'as_of defaults to today');

-- ---------------------------------------------------------------------
-- Overdue items

SELECT is_empty(format($$SELECT * FROM ismap.overdue_items('2025-03-01') WHERE registration_number = %L$$, :'a6_number'),
                'A6''s compliance report, due on 2025-03-01, is not overdue on that day');
SELECT results_eq(format($$SELECT item, registration_number, name, due_on, days_overdue
                             FROM ismap.overdue_items('2025-03-02') WHERE registration_number = %L$$, :'a6_number'),
                  format($$VALUES ('compliance_report', %L, '架空監査法人むく', '2025-03-01'::date, 1)$$, :'a6_number'),
                  'the day after, it is overdue by one day');
UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-03-05' WHERE auditor_id = :a6;
SELECT results_eq(format($$SELECT d, (SELECT days_overdue FROM ismap.overdue_items(d) WHERE registration_number = %L)
                             FROM unnest('{2025-03-04,2025-03-05,2025-06-01}'::date[]) d$$, :'a6_number'),
                  $$VALUES ('2025-03-04'::date, 3), ('2025-03-05', NULL), ('2025-06-01', NULL)$$,
                  'filed on 2025-03-05: overdue until the day before, not from that day');
SELECT results_eq($$SELECT d, o.* FROM unnest('{2021-06-01,2023-04-02,2024-07-01,2025-06-01}'::date[]) d, ismap.overdue_items(d) o
                     ORDER BY d, o.due_on, o.registration_number$$,
                  $$SELECT d, 'compliance_report', r.registration_number, r.name, r.due_on, r.days_overdue
                      FROM unnest('{2021-06-01,2023-04-02,2024-07-01,2025-06-01}'::date[]) d, ismap.overdue_compliance_reports_at(d) r
                     WHERE r.auditor_status IN ('valid', 'renewal_pending', 'suspended')
                     ORDER BY d, r.due_on, r.registration_number$$,
                  'the overdue items are the overdue compliance reports of auditors registered that day, on any day');
SELECT cmp_ok((SELECT count(*) FROM ismap.overdue_compliance_reports_at('2024-07-01') r
                WHERE r.auditor_status NOT IN ('valid', 'renewal_pending', 'suspended')), '>', 0::bigint,
              '(overdue_compliance_reports_at also lists those of auditors registered only on the due date)');
SELECT cmp_ok((SELECT count(*) FROM ismap.overdue_items('2025-06-01')), '>', 5::bigint,
              '(and there are several on 2025-06-01)');
SELECT results_eq($$SELECT * FROM ismap.overdue_items()$$, $$SELECT * FROM ismap.overdue_items(ismap.today())$$,
                  'as_of defaults to today');

-- ---------------------------------------------------------------------
-- The public feed says what changed, not why (issue 14, item 1): the
-- grounds of suspensions and removals are for those who may read the
-- status-change tables.  A login role with no grants at all reads the feed
-- over every day of this history and finds none of them.
CREATE TEMP TABLE all_grounds AS
  SELECT grounds FROM ismap.service_status_changes
  UNION SELECT grounds FROM ismap.auditor_status_changes;
CREATE ROLE regress_ismap_outsider LOGIN;
GRANT SELECT ON all_grounds TO regress_ismap_outsider;
SET LOCAL ROLE regress_ismap_outsider;
SELECT ismap_test.refused($$SELECT grounds FROM ismap.service_status_changes$$, '42501', NULL,
                          '(the outsider may not read the grounds from the table)');
SELECT is((SELECT count(*) FROM ismap.cloud_service_list_changes('2020-01-01', '2026-12-31') c, all_grounds g
            WHERE position(g.grounds IN c.reason) > 0)
          + (SELECT count(*) FROM ismap.auditor_list_changes('2020-01-01', '2026-12-31') c, all_grounds g
              WHERE position(g.grounds IN c.reason) > 0), 0::bigint,
          'nor through the change feed: no reason carries the grounds of a status change');
SELECT cmp_ok((SELECT count(*) FROM ismap.auditor_list_changes('2024-04-30', '2024-07-01')
                WHERE reason LIKE 'suspended from %' OR reason LIKE 'removed from %'), '>', 0::bigint,
              '(while the feed still says what was suspended or removed, and from when)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
