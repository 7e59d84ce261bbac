-- Suspension, lifting and removal of cloud service registrations
-- (ovs_suspension), their history (sec_history), the status they give on
-- each day and what the public list shows (svc_public_list).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(75);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人たまき', 'Tamaki Fictional Audit Corporation'),
               (11, '架空クラウド株式会社ちどり', 'Chidori Fictional Cloud K.K.'),
               (12, '架空データセンター株式会社つばめ', 'Tsubame Fictional Data Center K.K.')) AS o(n, name, name_en)
 \g /dev/null
SELECT ismap_test.lasting_auditor(100, 1, '2021-01-11', '2024-09-01') AS a \gset

-- Services 1..4: registered 2024-05-10, valid until 2025-07-31.
-- Services 5..7: registered 2023-07-03, valid until 2024-07-31; services 6
-- and 7 filed a renewal on 2024-07-20.
SELECT ismap_test.service(n, 11 + n % 2, format('架空停止検証サービス%s', n)) FROM generate_series(1, 7) AS n \g /dev/null
SELECT ismap_test.audit(n, n, :a, '2023-04-01', '2024-03-31', '2024-04-20') FROM generate_series(1, 4) AS n \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, n, '2024-04-25', '2024-05-10') FROM generate_series(1, 4) AS n \g /dev/null
SELECT ismap_test.audit(n, n, :a, '2022-04-01', '2023-03-31', '2023-05-10') FROM generate_series(5, 7) AS n \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, n, '2023-05-15', '2023-07-03') FROM generate_series(5, 7) AS n \g /dev/null
SELECT ismap_test.audit(10 + n, n, :a, '2023-04-01', '2024-03-31', '2024-05-20') FROM generate_series(6, 7) AS n \g /dev/null
SELECT ismap_test.svc_file(200 + n, n, '2024-07-20', 10 + n, 'renewal') FROM generate_series(6, 7) AS n \g /dev/null
SELECT ismap_test.svc_decide(200 + n, 'accepted', NULL) FROM generate_series(6, 7) AS n \g /dev/null
SELECT registration_id AS r1 FROM ismap.service_registrations WHERE service_id = 1 \gset
SELECT registration_id AS r2 FROM ismap.service_registrations WHERE service_id = 2 \gset
SELECT registration_id AS r3 FROM ismap.service_registrations WHERE service_id = 3 \gset
SELECT registration_id AS r4 FROM ismap.service_registrations WHERE service_id = 4 \gset
SELECT registration_id AS r5 FROM ismap.service_registrations WHERE service_id = 5 \gset
SELECT registration_id AS r6 FROM ismap.service_registrations WHERE service_id = 6 \gset
SELECT registration_id AS r7 FROM ismap.service_registrations WHERE service_id = 7 \gset

-- ---------------------------------------------------------------------
-- Registration 1: suspend, lift, suspend, remove

SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-06-10', '重大なセキュリティインシデントの報告遅延')$$, :r1),
                           'a suspension is recorded');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-06-20', '重ねての一時停止')$$, :r1),
                          '55000', 'ovs_suspension', 'a suspension of a suspended registration is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-06-09', '解除')$$, :r1),
                          '23514', 'ovs_suspension', 'a lift dated before the suspension is refused (effective-date order)');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-06-10', '解除')$$, :r1),
                          '23514', 'ovs_suspension', 'a lift on the day of the suspension is refused (only a removal shares a day)');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'lift', '2024-07-01', '是正措置の完了を確認')$$, :r1),
                           'a lift of the suspension is recorded');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-07-15', '重ねての解除')$$, :r1),
                          '55000', 'ovs_suspension', 'a lift of a registration that is not suspended is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-06-20', '遡った一時停止')$$, :r1),
                          '23514', 'ovs_suspension', 'a suspension dated before the last change is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-07-01', '同日の一時停止')$$, :r1),
                          '23514', 'ovs_suspension', 'a suspension on the day of the lift is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-08-01', '再度の報告遅延')$$, :r1),
                           'a second suspension is recorded');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'remove', '2024-08-01', '運営委員会による登録の削除')$$, :r1),
                           'a removal on the day of the suspension is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-08-15', '削除後の解除')$$, :r1),
                          '55000', 'ovs_suspension', 'a lift after the removal is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-08-15', '削除後の一時停止')$$, :r1),
                          '55000', 'ovs_suspension', 'a suspension after the removal is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'remove', '2024-08-15', '重ねての削除')$$, :r1),
                          '55000', 'ovs_suspension', 'a second removal is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-07-20', '削除前の日付の解除')$$, :r1),
                          '55000', 'ovs_suspension', 'a change dated before the removal is refused too: removal is final');

SELECT results_eq(
  format($$SELECT d, ismap.service_status(%s, d)::text
             FROM unnest(ARRAY['2024-06-09', '2024-06-10', '2024-06-30', '2024-07-01', '2024-07-31', '2024-08-01',
                               '2025-08-01']::date[]) AS d$$, :r1),
  $$VALUES ('2024-06-09'::date, 'valid'), ('2024-06-10', 'suspended'), ('2024-06-30', 'suspended'), ('2024-07-01', 'valid'),
           ('2024-07-31', 'valid'), ('2024-08-01', 'removed'), ('2025-08-01', 'removed')$$,
  'valid, suspended from the suspension day, valid from the lift day, removed from the removal day (also after expiry)');
SELECT is(ismap.service_status(:r1), 'removed', 'removed today');
SELECT results_eq(
  format($$SELECT d, (SELECT status FROM ismap_test.listed(%s, d))
             FROM unnest(ARRAY['2024-06-09', '2024-06-10', '2024-06-30', '2024-07-01', '2024-07-31', '2024-08-01']::date[]) AS d$$, :r1),
  $$VALUES ('2024-06-09'::date, 'valid'), ('2024-06-10', 'suspended'), ('2024-06-30', 'suspended'), ('2024-07-01', 'valid'),
           ('2024-07-31', 'valid'), ('2024-08-01', NULL)$$,
  'the list shows it valid, then marked suspended, then valid, and not at all once removed');
SELECT is((SELECT count(*) FROM ismap.cloud_service_list WHERE registration_id = :r1), 0::bigint,
          'it is not on today''s list');

-- After a removal the provider may apply anew: a new registration
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (111, 1, '2024-08-15', 1)$$, 'a new application after the removal is accepted');
SELECT ismap_test.svc_decide(111, 'approved', '2024-08-20') AS r1b \gset
SELECT results_eq(format($$SELECT ismap.service_status(%1$s, '2024-08-20')::text, ismap.service_status(%2$s, '2024-08-20')::text,
                                  (SELECT registration_number FROM ismap.service_registrations WHERE registration_id = %1$s)
                                  <> (SELECT registration_number FROM ismap.service_registrations WHERE registration_id = %2$s)$$, :r1, :r1b),
                  $$VALUES ('removed', 'valid', true)$$,
                  'it makes a new registration with a new number; the removed one stays removed');

-- ---------------------------------------------------------------------
-- Registration 2: what a status change must say

SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-06-10', NULL)$$, :r2),
                          '23502', 'ovs_suspension', 'a change without grounds is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-06-10', E' \n\t')$$, :r2),
                          '23502', 'ovs_suspension', 'a change with blank grounds is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, NULL, '2024-06-10', '理由')$$, :r2),
                          '23502', 'ovs_suspension', 'a change without an action is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', NULL, '理由')$$, :r2),
                          '23502', 'ovs_suspension', 'a change without an effective date is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', 'infinity', '理由')$$, :r2),
                          '22007', 'ovs_suspension', 'an infinite effective date is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'pause', '2024-06-10', '理由')$$, :r2),
                          '22P02', NULL, 'an unknown action is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                            VALUES (99999, 'suspend', '2024-06-10', '理由')$$,
                          '23503', 'ovs_suspension', 'a change of an unknown registration is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-06-10', '理由')$$, :r2),
                          '55000', 'ovs_suspension', 'a lift of a registration never suspended is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-05-09', '理由')$$, :r2),
                          '23514', 'ovs_suspension', 'a change effective the day before the registration is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'remove', '2024-05-09', '理由')$$, :r2),
                          '23514', 'ovs_suspension', 'a removal too');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-05-10', '登録直後に判明した要求事項の不充足')$$, :r2),
                           'a suspension effective on the registration day is accepted');
SELECT ismap_test.well_reported(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                         VALUES (%s, 'suspend', '2024-06-10', '理由')$$, :r2),
                                'the refusal names its rule and has a detail and a hint');

-- Recorded changes are facts
SELECT change_id AS c2 FROM ismap.service_status_changes WHERE registration_id = :r2 \gset
SELECT ismap_test.refused(format($$UPDATE ismap.service_status_changes SET effective_on = '2024-05-11' WHERE change_id = %s$$, :c2),
                          '55000', 'sec_history', 'a recorded change cannot be rewritten');
SELECT ismap_test.refused(format($$UPDATE ismap.service_status_changes SET grounds = grounds WHERE change_id = %s$$, :c2),
                          '55000', 'sec_history', 'not even by a no-op update');
SELECT ismap_test.refused(format($$DELETE FROM ismap.service_status_changes WHERE change_id = %s$$, :c2),
                          '55000', 'sec_history', 'nor deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.service_status_changes$$, '55000', 'sec_history', 'nor truncated');

-- A suspended service cannot apply anew (it is registered); it is marked on the list
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (2, '2024-08-01', 2)$$, '23514', 'svc_application_flow',
                          'a suspended service cannot file a new application');
SELECT results_eq($$SELECT registration_id, status::text FROM ismap.cloud_service_list WHERE service_id IN (2, 3, 4) ORDER BY service_id$$,
                  format($$VALUES (%s::bigint, 'suspended'), (%s, 'valid'), (%s, 'valid')$$, :r2, :r3, :r4),
                  'today''s list marks the suspended registration and shows the others valid');

-- ---------------------------------------------------------------------
-- Registration 3: scheduled changes

SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-10-01', '予定された一時停止')$$, :r3),
                           'a suspension effective in the future is accepted');
SELECT is(ismap.service_status(:r3), 'valid', 'the registration is valid until then');
SELECT is((SELECT status FROM ismap_test.listed(:r3, '2024-10-01')), 'suspended', 'and listed as suspended from that day');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-09-15', '理由')$$, :r3),
                          '23514', 'ovs_suspension', 'a change dated before the scheduled one is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'remove', '2024-11-01', '予定された削除')$$, :r3),
                           'a removal after it may be scheduled too');
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-09-30', '2024-10-01', '2024-10-31', '2024-11-01']::date[]) AS d$$, :r3),
                  $$VALUES ('2024-09-30'::date, 'valid'), ('2024-10-01', 'suspended'), ('2024-10-31', 'suspended'), ('2024-11-01', 'removed')$$,
                  'valid, suspended, removed on the scheduled days');

-- Registration 4: removal of a registration in force, recorded late
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'remove', '2024-07-01', '虚偽の申請が判明したため')$$, :r4),
                           'a removal effective in the past is accepted');
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-06-30', '2024-07-01']::date[]) AS d$$, :r4),
                  $$VALUES ('2024-06-30'::date, 'valid'), ('2024-07-01', 'removed')$$,
                  'the list of past days now shows it removed from that day');

-- ---------------------------------------------------------------------
-- Registration 5 (valid until 2024-07-31): a suspended registration still expires

SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-08-01', '理由')$$, :r5),
                          '55000', 'ovs_suspension', 'an expired registration cannot be suspended');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-07-31', '有効期限当日の一時停止')$$, :r5),
                           'it can be suspended on its last valid day');
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-07-30', '2024-07-31', '2024-08-01']::date[]) AS d$$, :r5),
                  $$VALUES ('2024-07-30'::date, 'valid'), ('2024-07-31', 'suspended'), ('2024-08-01', 'expired')$$,
                  'suspended on that day, expired the day after (expired wins over suspended)');
SELECT results_eq(format($$SELECT (SELECT status FROM ismap_test.listed(%1$s, '2024-07-31')), (SELECT count(*) FROM ismap_test.listed(%1$s, '2024-08-01'))$$, :r5),
                  $$VALUES ('suspended', 0::bigint)$$, 'listed as suspended on its last day, then off the list');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'lift', '2024-08-10', '是正措置の完了を確認')$$, :r5),
                           'the suspension of an expired registration may still be lifted');
SELECT is(ismap.service_status(:r5, '2024-08-10'), 'expired', 'it stays expired');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'remove', '2024-08-20', '登録の削除')$$, :r5),
                           'an expired registration may be removed');
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-08-19', '2024-08-20']::date[]) AS d$$, :r5),
                  $$VALUES ('2024-08-19'::date, 'expired'), ('2024-08-20', 'removed')$$, 'removed wins over expired');

-- Registration 6 (renewal filed 2024-07-20): suspended in grace, renewed while suspended
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-08-05', '更新審査中の一時停止')$$, :r6),
                           'a registration in renewal grace can be suspended');
SELECT results_eq(format($$SELECT * FROM ismap_test.listed(%s, '2024-08-05')$$, :r6),
                  format($$SELECT 'suspended', '2024-07-31'::date, '2022-04-01'::date, '2023-03-31'::date, registration_number
                             FROM ismap.auditors WHERE auditor_id = %s$$, :a),
                  'it is listed as suspended, with the term in force');
SELECT ismap_test.svc_decide(206, 'approved', '2024-08-20') \g /dev/null
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-08-04', '2024-08-05', '2024-08-20']::date[]) AS d$$, :r6),
                  $$VALUES ('2024-08-04'::date, 'renewal_pending'), ('2024-08-05', 'suspended'), ('2024-08-20', 'suspended')$$,
                  'renewal_pending, then suspended, and still suspended after the renewal is approved');
SELECT is((SELECT valid_until FROM ismap_test.listed(:r6, '2024-08-20')), '2025-07-31'::date,
          'the list shows the new term of the suspended registration');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'lift', '2024-08-25', '是正措置の完了を確認')$$, :r6),
                           'the suspension is lifted');
SELECT is(ismap.service_status(:r6, '2024-08-25'), 'valid', 'valid from the lift');

-- Registration 7 (renewal filed 2024-07-20): suspended in grace, renewal rejected
SELECT ismap_test.svc_change(:r7, 'suspend', '2024-08-05') \g /dev/null
SELECT ismap_test.svc_decide(207, 'rejected', '2024-08-20') \g /dev/null
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-08-19', '2024-08-20']::date[]) AS d$$, :r7),
                  $$VALUES ('2024-08-19'::date, 'suspended'), ('2024-08-20', 'expired')$$,
                  'suspended in grace, expired from the rejection');
SELECT is((SELECT count(*) FROM ismap_test.listed(:r7, '2024-08-20')), 0::bigint, 'and off the list');

-- ---------------------------------------------------------------------
-- Several changes in one statement are checked row by row, in order

SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%1$s, 'suspend', '2024-12-01', '一時停止'), (%1$s, 'lift', '2024-12-15', '解除')$$, :r1b),
                           'a suspension and its lift in one statement are accepted');
SELECT results_eq(format($$SELECT d, ismap.service_status(%1$s, d)::text, (SELECT status FROM ismap_test.listed(%1$s, d))
                            FROM unnest(ARRAY['2024-11-30', '2024-12-01', '2024-12-15']::date[]) AS d$$, :r1b),
                  $$VALUES ('2024-11-30'::date, 'valid', 'valid'), ('2024-12-01', 'suspended', 'suspended'), ('2024-12-15', 'valid', 'valid')$$,
                  'and the status and the list follow both');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%1$s, 'suspend', '2025-01-10', '一時停止'), (%1$s, 'suspend', '2025-01-20', '重ねての一時停止')$$, :r1b),
                          '55000', 'ovs_suspension', 'two suspensions in one statement are refused, and neither is recorded');
-- The checks read a registration's facts from the copy on its row only
-- while no refresh is due.  With the refresh trigger disabled the copy
-- stays behind, and they read the tables.
ALTER TABLE ismap.service_status_changes DISABLE TRIGGER service_status_changes_refresh;
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2025-02-01', '一時停止')$$, :r1b),
                           'a suspension whose refresh never runs (its trigger disabled) is recorded');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2025-02-05', '重ねての一時停止')$$, :r1b),
                          '55000', 'ovs_suspension', 'a second suspension is refused: the check reads the tables, not the copy left behind');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                    VALUES (%s, 'lift', '2025-02-10', '解除')$$, :r1b),
                           'and the suspension can be lifted');
ALTER TABLE ismap.service_status_changes ENABLE TRIGGER service_status_changes_refresh;
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2025-02-01', '2025-02-10']::date[]) AS d$$, :r1b),
                  $$VALUES ('2025-02-01'::date, 'suspended'), ('2025-02-10', 'valid')$$,
                  'the status, read from the tables, has both');
SELECT ismap_test.refused($$SELECT ismap.service_status(99999, '2024-06-01')$$, '22023', 'svc_public_list',
                          'the status of an unknown registration is refused, not null');
SELECT is(ismap.service_status(:r2, NULL), NULL, 'nor has any registration on a null day');

-- ---------------------------------------------------------------------
-- Only the committee records status changes

CREATE ROLE ismap_test_public_23 NOLOGIN;
SET LOCAL ROLE ismap_test_public_23;
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-09-01', '理由')$$, :r1b),
                          '42501', NULL, 'the public cannot record a status change');
SELECT ismap_test.refused($$SELECT * FROM ismap.service_status_changes$$, '42501', NULL, 'nor read them');
SELECT is(ismap.service_status(:r2), 'suspended', 'but can ask for the status of a registration');
SELECT is((SELECT status::text FROM ismap.cloud_service_list WHERE registration_id = :r2), 'suspended',
          'and read the list');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
