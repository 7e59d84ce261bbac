-- Suspension, lifting and removal of auditors (ovs_suspension), their
-- history (sec_history), and the status they give on each day.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(71);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, format('架空監査法人%s', name), format('Fictional Audit Corporation %s', n))
  FROM (VALUES (1, 'あさひ'), (2, 'いずみ'), (3, 'うしお'), (4, 'えにし'), (5, 'おりべ'),
               (6, 'かすみ')) AS o(n, name) \g /dev/null
SELECT ismap_test.register(101, 1, '2023-04-01', '2023-05-01') AS a1 \gset
SELECT ismap_test.register(201, 2, '2023-04-01', '2023-05-01') AS a2 \gset
SELECT ismap_test.register(301, 3, '2022-04-01', '2022-05-01') AS a3 \gset
SELECT ismap_test.register(401, 4, '2022-04-01', '2022-05-01') AS a4 \gset
SELECT ismap_test.register(501, 5, '2022-04-01', '2022-05-01') AS a5 \gset
SELECT ismap_test.register(601, 6, '2023-04-01', '2023-05-01') AS a6 \gset

-- ---------------------------------------------------------------------
-- Suspend, lift, suspend, remove (auditor 1, valid until 2025-04-01)

SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-01-10', '監査機関要求基準への不適合の疑い')$$, :a1),
                           'a suspension is recorded');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-02-01', '重ねての一時停止')$$, :a1),
                          '55000', 'ovs_suspension', 'a suspension of a suspended auditor is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-01-09', '解除')$$, :a1),
                          '23514', 'ovs_suspension', 'a lift dated before the suspension is refused (effective-date order)');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-01-10', '解除')$$, :a1),
                          '23514', 'ovs_suspension', 'a lift on the day of the suspension is refused (only a removal shares a day)');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'lift', '2024-03-01', '是正措置の確認')$$, :a1),
                           'a lift of the suspension is recorded');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-04-01', '重ねての解除')$$, :a1),
                          '55000', 'ovs_suspension', 'a lift of an auditor that is not suspended is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-02-15', '遡った一時停止')$$, :a1),
                          '23514', 'ovs_suspension', 'a suspension dated before the last change is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-03-01', '同日の一時停止')$$, :a1),
                          '23514', 'ovs_suspension', 'a suspension on the day of the lift is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-06-01', '再度の不適合')$$, :a1),
                           'a second suspension is recorded');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'remove', '2024-06-01', '登録の削除')$$, :a1),
                           'a removal on the day of the suspension is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-07-01', '削除後の解除')$$, :a1),
                          '55000', 'ovs_suspension', 'a lift after the removal is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-07-01', '削除後の一時停止')$$, :a1),
                          '55000', 'ovs_suspension', 'a suspension after the removal is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'remove', '2024-07-01', '重ねての削除')$$, :a1),
                          '55000', 'ovs_suspension', 'a second removal is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-05-01', '削除前の日付の解除')$$, :a1),
                          '55000', 'ovs_suspension', 'a change dated before the removal is refused too: removal is final');

-- The status on each boundary day
SELECT is(ismap.auditor_status(:a1, '2024-01-09'), 'valid', 'valid the day before the suspension');
SELECT is(ismap.auditor_status(:a1, '2024-01-10'), 'suspended', 'suspended on the suspension day');
SELECT is(ismap.auditor_status(:a1, '2024-02-29'), 'suspended', 'suspended the day before the lift');
SELECT is(ismap.auditor_status(:a1, '2024-03-01'), 'valid', 'valid on the lift day');
SELECT is(ismap.auditor_status(:a1, '2024-05-31'), 'valid', 'valid the day before the removal');
SELECT is(ismap.auditor_status(:a1, '2024-06-01'), 'removed', 'removed on the removal day (removed wins over suspended)');
SELECT is(ismap.auditor_status(:a1, '2025-04-02'), 'removed', 'removed wins over expired');
SELECT is(ismap.auditor_status(:a1), 'removed', 'removed today');
SELECT results_eq(format($$SELECT * FROM ismap.auditor_standing(%s, '2024-01-10')$$, :a1),
                  $$VALUES ('suspended'::ismap.listing_status, '2025-04-01'::date)$$,
                  'a suspended auditor''s standing keeps its expiry');

-- ---------------------------------------------------------------------
-- Auditor 2 (registered 2023-05-01, valid until 2025-04-01)

SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'lift', '2024-02-01', '解除')$$, :a2),
                          '55000', 'ovs_suspension', 'a lift of an auditor never suspended is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2023-04-30', '登録前の一時停止')$$, :a2),
                          '23514', 'ovs_suspension', 'a suspension effective before the registration is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'remove', '2023-04-30', '登録前の削除')$$, :a2),
                          '23514', 'ovs_suspension', 'a removal effective before the registration is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2023-05-01', '登録日の一時停止')$$, :a2),
                           'a suspension effective on the registration day is accepted');
SELECT is(ismap.auditor_status(:a2, '2023-04-30'), NULL, 'no status before the registration');
SELECT is(ismap.auditor_status(:a2, '2023-05-01'), 'suspended', 'suspended from the registration day');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'lift', '2023-05-02', '解除')$$, :a2),
                           'a lift the next day is accepted');
-- Scheduled changes: effective dates in the future are allowed.
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-10-01', '予定された一時停止')$$, :a2),
                           'a suspension effective next month is accepted');
SELECT is(ismap.auditor_status(:a2), 'valid', 'the auditor is valid today');
SELECT is(ismap.auditor_status(:a2, '2024-10-01'), 'suspended', 'and suspended from the scheduled day');
SELECT is((SELECT count(*) FROM ismap.auditor_list WHERE auditor_id = :a2 AND status = 'valid'), 1::bigint,
          'today''s list shows it valid');

-- Grounds, and the other columns
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-11-01', NULL)$$, :a6),
                          '23502', 'ovs_suspension', 'a change without grounds is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-11-01', '')$$, :a6),
                          '23502', 'ovs_suspension', 'empty grounds are refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-11-01', E' \t ')$$, :a6),
                          '23502', 'ovs_suspension', 'blank grounds are refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-11-01', '　')$$, :a6),
                          '23502', 'ovs_suspension', 'grounds of an ideographic space (U+3000) are refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', NULL, '理由')$$, :a6),
                          '23502', 'ovs_suspension', 'a change without an effective date is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, NULL, '2024-11-01', '理由')$$, :a6),
                          '23502', 'ovs_suspension', 'a change without an action is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', 'infinity', '理由')$$, :a6),
                          '22007', 'ovs_suspension', 'a change effective at infinity is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                            VALUES (99999, 'suspend', '2024-11-01', '理由')$$,
                          '23503', 'ovs_suspension', 'a change of an unknown auditor is refused');
SELECT throws_ok(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                          VALUES (%s, 'revoke', '2024-11-01', '理由')$$, :a6),
                 '22P02', NULL, 'an unknown action is refused by PostgreSQL (22P02)');

-- sec_history: recorded changes are never rewritten or deleted.
SELECT ismap_test.refused(format($$UPDATE ismap.auditor_status_changes SET effective_on = '2024-01-11' WHERE auditor_id = %s AND action = 'suspend'$$, :a1),
                          '55000', 'sec_history', 'the effective date of a change cannot be rewritten');
SELECT ismap_test.refused(format($$UPDATE ismap.auditor_status_changes SET grounds = '訂正' WHERE auditor_id = %s AND action = 'lift'$$, :a1),
                          '55000', 'sec_history', 'the grounds of a change cannot be rewritten');
SELECT ismap_test.refused(format($$DELETE FROM ismap.auditor_status_changes WHERE auditor_id = %s AND action = 'remove'$$, :a1),
                          '55000', 'sec_history', 'a removal cannot be deleted');
SELECT ismap_test.refused(format($$DELETE FROM ismap.auditor_status_changes WHERE auditor_id = %s$$, :a2),
                          '55000', 'sec_history', 'a scheduled suspension cannot be deleted either');
SELECT ismap_test.refused($$TRUNCATE ismap.auditor_status_changes$$,
                          '55000', 'sec_history', 'status changes cannot be truncated');

-- ---------------------------------------------------------------------
-- Expiry and suspension (auditors 3, 4, 5 valid until 2024-04-01)

-- A suspension needs the auditor in force on its effective day.
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-04-02', '失効後の一時停止')$$, :a3),
                          '55000', 'ovs_suspension', 'a suspension of an expired auditor is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'remove', '2024-05-01', '失効後の削除')$$, :a3),
                           'a removal of an expired auditor is accepted');
SELECT is(ismap.auditor_status(:a3, '2024-04-30'), 'expired', 'expired before the removal');
SELECT is(ismap.auditor_status(:a3, '2024-05-01'), 'removed', 'removed from the removal (removed wins over expired)');

-- A suspended auditor still expires.
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-04-01', '有効期限当日の一時停止')$$, :a4),
                           'a suspension on the expiry day is accepted');
SELECT is(ismap.auditor_status(:a4, '2024-03-31'), 'valid', 'valid before the suspension');
SELECT is(ismap.auditor_status(:a4, '2024-04-01'), 'suspended', 'suspended on the expiry day');
SELECT is(ismap.auditor_status(:a4, '2024-04-02'), 'expired', 'expired after its expiry, though suspended (expired wins)');
SELECT is((SELECT count(*) FROM ismap.auditor_list_at('2024-04-02') WHERE auditor_id = :a4), 0::bigint,
          'and off the list');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'lift', '2024-05-01', '失効後の解除')$$, :a4),
                           'a lift after expiry is accepted');
SELECT is(ismap.auditor_status(:a4, '2024-05-01'), 'expired', 'a lift does not revive an expired auditor');

-- Suspension during the renewal grace
SELECT ismap_test.file(502, 5, '2024-03-15', 'renewal') \g /dev/null
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'suspend', '2024-04-10', '更新審査中の一時停止')$$, :a5),
                           'an auditor in renewal grace can be suspended');
SELECT is(ismap.auditor_status(:a5, '2024-04-09'), 'renewal_pending', 'renewal_pending before the suspension');
SELECT is(ismap.auditor_status(:a5, '2024-04-10'), 'suspended', 'suspended wins over renewal_pending');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'lift', '2024-04-20', '解除')$$, :a5),
                           'and lifted');
SELECT is(ismap.auditor_status(:a5, '2024-04-20'), 'renewal_pending', 'renewal_pending again after the lift');
SELECT ismap_test.decide(502, 'rejected', '2024-05-10') \g /dev/null
SELECT is(ismap.auditor_status(:a5, '2024-05-10'), 'expired', 'expired when the renewal is rejected');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', '2024-05-10', '失効日の一時停止')$$, :a5),
                          '55000', 'ovs_suspension', 'a suspension on the day the grace ended is refused');

-- Precedence on one auditor over a span: removed > expired > suspended >
-- renewal_pending > valid, and the status never comes back from removed.
SELECT is((SELECT count(*) FROM generate_series('2023-05-01'::date, '2026-12-31', '1 day') AS d
            WHERE d >= '2024-06-01' AND ismap.auditor_status(:a1, d::date) <> 'removed'),
          0::bigint, 'auditor 1 is removed on every day from its removal on');
SELECT is((SELECT count(*) FROM generate_series('2024-04-02'::date, '2026-12-31', '1 day') AS d
            WHERE ismap.auditor_status(:a4, d::date) <> 'expired'),
          0::bigint, 'auditor 4 is expired on every day after its expiry');

-- A removal recorded late changes the status from its effective day only.
SELECT ismap_test.accepted(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                    VALUES (%s, 'remove', '2024-02-01', '遡って記録された削除')$$, :a6),
                           'a removal effective in the past (recorded late) is accepted');
SELECT is(ismap.auditor_status(:a6, '2024-01-31'), 'valid', 'valid the day before');
SELECT is(ismap.auditor_status(:a6, '2024-02-01'), 'removed', 'removed from its effective day');

SELECT * FROM finish();
ROLLBACK;
