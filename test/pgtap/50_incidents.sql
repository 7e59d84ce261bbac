-- Serious security incidents of registered cloud services and their first
-- (速報) and final (確報) reports (svc_incident_report): which registrations
-- an incident may be filed for, the order and dates of the reports, their
-- due dates (ismap.incident_report_due and its settings), that late
-- reports are accepted and shown late, that unfiled ones are overdue from
-- the day after their due date, and that incidents and reports are facts
-- of the history (sec_history).
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
SELECT plan(104);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人やまぶき', 'Yamabuki Fictional Audit Corporation'),
               (11, '架空クラウド株式会社かもめ', 'Kamome Fictional Cloud K.K.'),
               (12, '架空ホスティング株式会社すずらん', 'Suzuran Fictional Hosting K.K.')) AS o(n, name, name_en)
 \g /dev/null
SELECT ismap_test.lasting_auditor(100, 1, '2021-01-11', '2024-09-01') AS a \gset

-- Services 1..4: registered 2024-05-10, valid until 2025-07-31.  Service 2
-- is suspended from 2024-06-10, service 3 removed from 2024-07-01.
-- Services 5 and 6: registered 2023-07-03, valid until 2024-07-31; service
-- 6 filed a renewal on 2024-07-20 (in grace after expiry), service 5 did
-- not (expired from 2024-08-01).
SELECT ismap_test.service(n, 11 + n % 2, format('架空インシデント検証サービス%s', n)) FROM generate_series(1, 6) AS n \g /dev/null
SELECT ismap_test.audit(n, n, :a, '2023-04-01', '2024-03-31', '2024-04-20') FROM generate_series(1, 4) AS n \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, n, '2024-04-25', '2024-05-10') FROM generate_series(1, 4) AS n \g /dev/null
SELECT ismap_test.audit(n, n, :a, '2022-04-01', '2023-03-31', '2023-05-10') FROM generate_series(5, 6) AS n \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, n, '2023-05-15', '2023-07-03') FROM generate_series(5, 6) AS n \g /dev/null
SELECT ismap_test.audit(16, 6, :a, '2023-04-01', '2024-03-31', '2024-05-20') \g /dev/null
SELECT ismap_test.svc_file(206, 6, '2024-07-20', 16, 'renewal') \g /dev/null
SELECT registration_id AS r1 FROM ismap.service_registrations WHERE service_id = 1 \gset
SELECT registration_id AS r2 FROM ismap.service_registrations WHERE service_id = 2 \gset
SELECT registration_id AS r3 FROM ismap.service_registrations WHERE service_id = 3 \gset
SELECT registration_id AS r4 FROM ismap.service_registrations WHERE service_id = 4 \gset
SELECT registration_id AS r5 FROM ismap.service_registrations WHERE service_id = 5 \gset
SELECT registration_id AS r6 FROM ismap.service_registrations WHERE service_id = 6 \gset
SELECT ismap_test.svc_change(:r2, 'suspend', '2024-06-10') \g /dev/null
SELECT ismap_test.svc_change(:r3, 'remove', '2024-07-01') \g /dev/null

SELECT results_eq(format($$SELECT ismap.service_status(%s, '2024-06-15')::text, ismap.service_status(%s, '2024-07-01')::text,
                                  ismap.service_status(%s, '2024-08-01')::text, ismap.service_status(%s, '2024-08-01')::text$$,
                         :r2, :r3, :r5, :r6),
                  $$VALUES ('suspended', 'removed', 'expired', 'renewal_pending')$$,
                  'the fixture: registration 2 suspended, 3 removed, 5 expired, 6 in renewal grace');

-- ---------------------------------------------------------------------
-- Due dates: recognized_on plus the settings, in days

SELECT results_eq($$SELECT ismap.incident_report_due('2024-08-01', 'first'), ismap.incident_report_due('2024-08-01', 'final')$$,
                  $$VALUES ('2024-08-04'::date, '2024-08-31'::date)$$,
                  'the first report is due 3 days after recognition, the final one 30 days after (the defaults)');
SELECT results_eq($$SELECT ismap.incident_report_due('2024-02-27', 'first'), ismap.incident_report_due('2023-02-27', 'first'),
                           ismap.incident_report_due('2024-02-27', 'final'), ismap.incident_report_due('2024-12-30', 'first')$$,
                  $$VALUES ('2024-03-01'::date, '2023-03-02'::date, '2024-03-28'::date, '2025-01-02'::date)$$,
                  'days are counted as days: over a leap day, a month end and a year end');
SELECT is(ismap.incident_report_due(NULL, 'first'), NULL, 'no day, no due date');
SELECT ismap_test.refused($$SELECT ismap.incident_report_due('infinity', 'first')$$, '22007', 'svc_incident_report',
                          'a due date is not counted from infinity');
SELECT ismap_test.refused($$SELECT ismap.incident_report_due('-infinity', 'final')$$, '22007', 'svc_incident_report',
                          'nor from -infinity');
SELECT ismap_test.refused($$SELECT ismap.incident_report_due('5874897-12-30', 'first')$$, '22008', 'svc_incident_report',
                          'a due date past the last date PostgreSQL holds is refused, not an internal error');

SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '5 days' WHERE name = 'incident_first_report_days'$$,
                           'the first report''s period can be revised');
SELECT is(ismap.incident_report_due('2024-08-01', 'first'), '2024-08-06'::date, 'and the due date moves with it');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '60 days' WHERE name = 'incident_final_report_days'$$,
                           'the final report''s too');
SELECT is(ismap.incident_report_due('2024-08-01', 'final'), '2024-09-30'::date, 'and its due date moves with it');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '1 month' WHERE name = 'incident_first_report_days'$$,
                          '22023', 'setting_value', 'a period in months is refused: these periods are counted in days');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '0 days' WHERE name = 'incident_first_report_days'$$,
                          '22023', 'setting_value', 'no period at all is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '2 days 12 hours' WHERE name = 'incident_final_report_days'$$,
                          '22023', 'setting_value', 'part of a day is refused');
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '366 days' WHERE name = 'incident_final_report_days'$$,
                          '22023', 'setting_value', 'more than a year is refused');
UPDATE ismap.settings SET value = default_value WHERE name IN ('incident_first_report_days', 'incident_final_report_days');
SELECT results_eq($$SELECT ismap.incident_report_due('2024-08-01', 'first'), ismap.incident_report_due('2024-08-01', 'final')$$,
                  $$VALUES ('2024-08-04'::date, '2024-08-31'::date)$$,
                  'back to the defaults');

-- ---------------------------------------------------------------------
-- Incidents: of a registration registered on the day of recognition

SELECT is(ismap_test.logged(format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
                                     VALUES (1, %s, '2024-08-01', '不正アクセスによる架空顧客データの漏えいのおそれ')$$, :r1)),
          'incidents INSERT 1', 'an incident of a valid registration is filed, and logged');
SELECT results_eq($$SELECT table_name, row_key, operation, after->>'summary' FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('incidents', '1', 'INSERT', '不正アクセスによる架空顧客データの漏えいのおそれ')$$,
                  'the log names the incident by its id, with the row filed');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
                                    VALUES (2, %s, '2024-05-10', '登録日に認知した架空の障害')$$, :r1),
                           'an incident recognized on the registration day is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, '2024-05-09', '登録前日の事象')$$, :r1),
                          '23514', 'svc_incident_report', 'an incident recognized the day before the registration is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
                                    VALUES (3, %s, '2024-09-01', '本日認知した架空の事象')$$, :r1),
                           'an incident recognized today is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, '2024-09-02', '明日の事象')$$, :r1),
                          '23514', 'svc_incident_report', 'an incident recognized tomorrow is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
                                    VALUES (4, %s, '2024-06-15', '一時停止中に認知した架空の事象')$$, :r2),
                           'a suspended registration''s provider still files its incidents');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
                                    VALUES (5, %s, '2024-06-30', '削除前日に認知した架空の事象')$$, :r3),
                           'an incident recognized the day before a removal is accepted (recorded after it)');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, '2024-07-01', '削除日の事象')$$, :r3),
                          '23514', 'svc_incident_report', 'an incident recognized on the removal day is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
                                    VALUES (6, %s, '2024-07-31', '有効期間最終日の架空の事象')$$, :r5),
                           'an incident recognized on the last day of validity is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, '2024-08-01', '期間満了後の事象')$$, :r5),
                          '23514', 'svc_incident_report', 'an incident recognized the day after expiry is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
                                    VALUES (7, %s, '2024-08-15', '更新審査中の架空の事象')$$, :r6),
                           'an incident of a registration in renewal grace is accepted');
SELECT ismap_test.refused($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                            VALUES (99999, '2024-08-01', '存在しない登録')$$,
                          '23503', 'svc_incident_report', 'an incident of no registration is refused');
SELECT ismap_test.well_reported(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                         VALUES (%s, '2024-07-01', '削除日の事象')$$, :r3),
                                'the refusal names its rule and has a detail and a hint');
SELECT matches((ismap_test.error_of(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                              VALUES (%s, '2024-07-01', '削除日の事象')$$, :r3))).detail,
               '^The registration C24-\d{4}-1 \(架空インシデント検証サービス3, registration_id \d+\) had been removed on 2024-07-01\.$',
               'its detail names the registration by its number and says what it was that day');

-- What an incident must say
SELECT ismap_test.refused($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                            VALUES (NULL, '2024-08-01', '登録なし')$$,
                          '23514', 'svc_incident_report', 'an incident without a registration is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, NULL, '認知日なし')$$, :r1),
                          '23514', 'svc_incident_report', 'an incident without a recognition day is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, '2024-08-01', NULL)$$, :r1),
                          '23514', 'svc_incident_report', 'an incident without a summary is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, '2024-08-01', E' \u3000\n\t')$$, :r1),
                          '23514', 'svc_incident_report', 'an incident with a blank summary is refused (全角スペース too)');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, 'infinity', '無限の日付')$$, :r1),
                          '22007', 'svc_incident_report', 'an infinite recognition day is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, '-infinity', '無限の日付')$$, :r1),
                          '22007', 'svc_incident_report', 'and -infinity');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%s, '2020-05-31', '制度開始前の事象')$$, :r1),
                          '23514', 'svc_incident_report', 'a recognition day before the scheme started is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
                                   VALUES (%1$s, '2024-08-10', '正しい行'), (%1$s, '2024-09-02', '未来の行')$$, :r1),
                          '23514', 'svc_incident_report', 'a multi-row INSERT with one bad row is refused whole');

-- Incidents are facts
SELECT ismap_test.refused($$UPDATE ismap.incidents SET summary = '書き換え' WHERE incident_id = 1$$,
                          '55000', 'sec_history', 'an incident cannot be rewritten');
SELECT ismap_test.refused($$UPDATE ismap.incidents SET recognized_on = '2024-08-02' WHERE incident_id = 1$$,
                          '55000', 'sec_history', 'nor its recognition day moved');
SELECT ismap_test.refused($$UPDATE ismap.incidents SET summary = summary WHERE incident_id = 1$$,
                          '55000', 'sec_history', 'not even by a no-op update');
SELECT ismap_test.refused($$DELETE FROM ismap.incidents WHERE incident_id = 1$$,
                          '55000', 'sec_history', 'nor deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.incidents$$, '55000', 'sec_history', 'nor truncated');

-- ---------------------------------------------------------------------
-- Reports: one first, then one final, dated from recognition to today

SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (1, 'first', '2024-07-31', '認知前日付の速報')$$,
                          '23514', 'svc_incident_report', 'a report dated the day before recognition is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (1, 'final', '2024-08-02', '速報より前の確報')$$,
                          '23514', 'svc_incident_report', 'a final report before any first report is refused');
SELECT is(ismap_test.logged($$INSERT INTO ismap.incident_reports (report_id, incident_id, stage, reported_on, body)
                               VALUES (11, 1, 'first', '2024-08-01', '架空顧客データへの不正アクセスを検知。影響範囲を調査中')$$),
          'incident_reports INSERT 1', 'a first report on the day of recognition is filed, and logged');
SELECT results_eq($$SELECT table_name, row_key, after->>'stage', after->>'reported_on' FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('incident_reports', '11', 'first', '2024-08-01')$$,
                  'the log names the report by its id');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (1, 'first', '2024-08-02', '二通目の速報')$$,
                          '23514', 'svc_incident_report', 'a second first report is refused by the rule, before the unique index');
SELECT ismap_test.well_reported($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                                  VALUES (1, 'first', '2024-08-02', '二通目の速報')$$,
                                'the refusal names its rule and has a detail and a hint');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (1, 'final', '2024-07-31', '認知前の確報')$$,
                          '23514', 'svc_incident_report', 'a final report dated before recognition is refused');
SELECT ismap_test.accepted($$INSERT INTO ismap.incident_reports (report_id, incident_id, stage, reported_on, body)
                             VALUES (12, 1, 'final', '2024-08-01', '同日に原因を特定し、対策を完了')$$,
                           'a final report on the day of the first one is accepted');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (1, 'final', '2024-08-20', '二通目の確報')$$,
                          '23514', 'svc_incident_report', 'a second final report is refused');

-- Incident 2 (recognized 2024-05-10): a final report before the first, by days
SELECT ismap_test.accepted($$INSERT INTO ismap.incident_reports (report_id, incident_id, stage, reported_on, body)
                             VALUES (21, 2, 'first', '2024-05-13', '障害の第一報')$$,
                           'a first report on its due day is accepted');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (2, 'final', '2024-05-12', '速報前日付の確報')$$,
                          '23514', 'svc_incident_report', 'a final report dated the day before the first report is refused');
SELECT ismap_test.accepted($$INSERT INTO ismap.incident_reports (report_id, incident_id, stage, reported_on, body)
                             VALUES (22, 2, 'final', '2024-06-10', '原因と再発防止策の確報')$$,
                           'a final report after its due day is accepted (late)');

-- What a report must say
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (NULL, 'first', '2024-08-20', 'インシデントなし')$$,
                          '23514', 'svc_incident_report', 'a report without an incident is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (4, NULL, '2024-08-20', '段階なし')$$,
                          '23514', 'svc_incident_report', 'a report without a stage is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (4, 'second', '2024-08-20', '未知の段階')$$,
                          '22P02', NULL, 'an unknown stage is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (4, 'first', NULL, '報告日なし')$$,
                          '23514', 'svc_incident_report', 'a report without a day is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (4, 'first', '2024-08-20', NULL)$$,
                          '23514', 'svc_incident_report', 'a report without a body is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (4, 'first', '2024-08-20', E'\u3000')$$,
                          '23514', 'svc_incident_report', 'a report with a blank body is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (4, 'first', 'infinity', '無限の日付')$$,
                          '22007', 'svc_incident_report', 'an infinite report day is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (4, 'first', '2020-05-31', '制度開始前')$$,
                          '23514', 'svc_incident_report', 'a report day before the scheme started is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (4, 'first', '2024-09-02', '明日の報告')$$,
                          '23514', 'svc_incident_report', 'a report dated tomorrow is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (99999, 'first', '2024-08-20', '存在しないインシデント')$$,
                          '23503', 'svc_incident_report', 'a report of no incident is refused');

-- One statement, several reports
SELECT ismap_test.accepted($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                             VALUES (4, 'first', '2024-06-16', '一時停止中の速報'), (4, 'final', '2024-06-30', '一時停止中の確報')$$,
                           'a first and a final report in one INSERT, in that order, are accepted');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (5, 'final', '2024-07-10', '先に確報'), (5, 'first', '2024-07-02', '後に速報')$$,
                          '23514', 'svc_incident_report', 'the final report before the first in one INSERT is refused whole');
SELECT ismap_test.refused($$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
                            VALUES (5, 'first', '2024-07-02', '速報その一'), (5, 'first', '2024-07-03', '速報その二')$$,
                          '23514', 'svc_incident_report', 'two first reports in one INSERT are refused by the rule');
SELECT ismap_test.accepted($$INSERT INTO ismap.incident_reports (report_id, incident_id, stage, reported_on, body)
                             VALUES (51, 5, 'first', '2024-07-04', '削除後に提出された速報')$$,
                           'a report of an incident of a registration removed since is accepted (the incident was filed while registered)');
SELECT ismap_test.accepted($$INSERT INTO ismap.incident_reports (report_id, incident_id, stage, reported_on, body)
                             VALUES (61, 6, 'first', '2024-08-05', '期間満了後に提出された速報')$$,
                           'and of a registration expired since');

-- Reports are facts
SELECT ismap_test.refused($$UPDATE ismap.incident_reports SET body = '書き換え' WHERE report_id = 11$$,
                          '55000', 'sec_history', 'a report cannot be rewritten');
SELECT ismap_test.refused($$UPDATE ismap.incident_reports SET reported_on = '2024-08-02' WHERE report_id = 11$$,
                          '55000', 'sec_history', 'nor its day moved');
SELECT ismap_test.refused($$UPDATE ismap.incident_reports SET stage = 'final' WHERE report_id = 21$$,
                          '55000', 'sec_history', 'nor its stage changed');
SELECT ismap_test.refused($$DELETE FROM ismap.incident_reports WHERE report_id = 11$$,
                          '55000', 'sec_history', 'nor deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.incident_reports$$, '55000', 'sec_history', 'nor truncated');

-- Corrections of a mistyped text, with a reason (ismap.correct)
SELECT is(ismap_test.logged($$SELECT ismap.correct('ismap.incidents', 1, '{"summary": "不正アクセスによる架空顧客データの漏えい"}',
                                                   '概要の誤記（「おそれ」は確報で削除済み）')$$),
          'incidents UPDATE 1', 'the summary of an incident is corrected, and logged');
SELECT results_eq($$SELECT row_key, before->>'summary', after->>'summary', reason FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('1', '不正アクセスによる架空顧客データの漏えいのおそれ', '不正アクセスによる架空顧客データの漏えい',
                            '概要の誤記（「おそれ」は確報で削除済み）')$$,
                  'with the text before and after, and the reason');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.incidents', 1, '{"summary": " "}', '誤記')$$,
                          '23514', 'svc_incident_report', 'a summary cannot be corrected to a blank');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.incidents', 1, '{"recognized_on": "2024-08-02"}', '誤記')$$,
                          '22023', 'sec_history', 'the recognition day is not a correction');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.incidents', 1, '{"registration_id": 1}', '誤記')$$,
                          '22023', 'sec_history', 'nor the registration');
SELECT is(ismap_test.logged($$SELECT ismap.correct('ismap.incident_reports', 12, '{"body": "同日に原因を特定し、対策を完了した"}', '文末の脱字')$$),
          'incident_reports UPDATE 1', 'the body of a report is corrected, and logged');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.incident_reports', 12, '{"body": null}', '誤記')$$,
                          '23514', 'svc_incident_report', 'a body cannot be corrected to nothing');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.incident_reports', 12, '{"reported_on": "2024-08-02"}', '誤記')$$,
                          '22023', 'sec_history', 'the day of a report is not a correction');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.incident_reports', 12, '{"stage": "first"}', '誤記')$$,
                          '22023', 'sec_history', 'nor its stage');

-- ---------------------------------------------------------------------
-- Overdue and late: incident 8 of registration 4, recognized 2024-08-01
-- (first report due 2024-08-04, final due 2024-08-31)

SELECT ismap_test.at('2024-08-01', format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
                                            VALUES (8, %s, '2024-08-01', '架空の設定不備による一時的な公開')$$, :r4)) \g /dev/null
SELECT is_empty(format($$SELECT * FROM ismap.overdue_obligations_at('2024-08-04') WHERE item_id = 8 AND kind LIKE 'incident%%'$$),
                'on the first report''s due day nothing of incident 8 is overdue');
SELECT results_eq($$SELECT kind, registration_number, organization_name, due_on, days_overdue
                      FROM ismap.overdue_obligations_at('2024-08-05') WHERE item_id = 8$$,
                  format($$SELECT 'incident_first_report', registration_number, '架空クラウド株式会社かもめ',
                                  '2024-08-04'::date, 1 FROM ismap.service_registrations WHERE registration_id = %s$$, :r4),
                  'the day after, its first report is overdue by one day, under the provider''s name');
SELECT ismap_test.at('2024-08-06', $$INSERT INTO ismap.incident_reports (report_id, incident_id, stage, reported_on, body)
                                     VALUES (81, 8, 'first', '2024-08-06', '遅れて提出した速報')$$) \g /dev/null
SELECT results_eq($$SELECT kind, due_on, days_overdue FROM ismap.overdue_obligations_at('2024-08-05') WHERE item_id = 8$$,
                  $$VALUES ('incident_first_report', '2024-08-04'::date, 1)$$,
                  'filed on 2024-08-06, it stays overdue on the days before');
SELECT is_empty($$SELECT * FROM ismap.overdue_obligations_at('2024-08-06') WHERE item_id = 8$$,
                'and is not overdue from the day it was filed');
SELECT results_eq($$SELECT kind, due_on, filed_on, days_late FROM ismap.late_filings WHERE item_id = 81$$,
                  $$VALUES ('incident_first_report', '2024-08-04'::date, '2024-08-06'::date, 2)$$,
                  'it shows as filed two days late');
SELECT is_empty($$SELECT * FROM ismap.overdue_obligations_at('2024-08-31') WHERE item_id = 8$$,
                'on the final report''s due day it is not overdue');
SELECT results_eq($$SELECT kind, due_on, days_overdue FROM ismap.overdue_obligations_at('2024-09-01') WHERE item_id = 8$$,
                  $$VALUES ('incident_final_report', '2024-08-31'::date, 1)$$,
                  'the day after, it is');
SELECT ismap_test.accepted($$INSERT INTO ismap.incident_reports (report_id, incident_id, stage, reported_on, body)
                             VALUES (82, 8, 'final', '2024-08-31', '期限日に提出した確報（記録は翌日）')$$,
                           'a final report filed on its due day is recorded the day after');
SELECT is_empty($$SELECT * FROM ismap.overdue_obligations_at('2024-09-01') WHERE item_id = 8$$,
                'and nothing of incident 8 is overdue any more');
SELECT is_empty($$SELECT * FROM ismap.late_filings WHERE item_id IN (11, 12, 21, 82)$$,
                'reports filed on or before their due day are not late');
SELECT results_eq($$SELECT item_id, kind, days_late FROM ismap.late_filings WHERE kind LIKE 'incident%' ORDER BY item_id$$,
                  $$VALUES (22::bigint, 'incident_final_report', 1), (51, 'incident_first_report', 1),
                           (61, 'incident_first_report', 2), (81, 'incident_first_report', 2)$$,
                  'the late ones are: incident 2''s final report, those of incidents 5 and 6, and incident 8''s first');
SELECT ismap_test.accepted($$UPDATE ismap.settings SET value = '7 days' WHERE name = 'incident_first_report_days'$$,
                           'the first report''s period is lengthened');
SELECT is_empty($$SELECT * FROM ismap.late_filings WHERE kind LIKE 'incident_first%'$$,
                'and the first reports filed within the new period are no longer shown late');
SELECT is_empty($$SELECT * FROM ismap.overdue_obligations_at('2024-08-05') WHERE kind LIKE 'incident%' AND item_id = 8$$,
                'nor overdue on the days before they were filed');
UPDATE ismap.settings SET value = default_value WHERE name = 'incident_first_report_days';

-- Overdue only while the registration is registered that day
SELECT results_eq($$SELECT kind, due_on FROM ismap.overdue_obligations_at('2024-08-19') WHERE kind LIKE 'incident%' AND item_id = 7$$,
                  $$VALUES ('incident_first_report', '2024-08-18'::date)$$,
                  'an incident of a registration in renewal grace is overdue like any other');
SELECT is_empty($$SELECT * FROM ismap.overdue_obligations_at('2024-08-15') WHERE kind LIKE 'incident%' AND item_id = 5$$,
                'the unfiled final report of a removed registration is not listed as overdue');
SELECT is_empty($$SELECT * FROM ismap.overdue_obligations_at('2024-08-04') WHERE kind LIKE 'incident%' AND item_id = 6$$,
                'nor the first report, unfiled on the day after its due day, of a registration expired that day');

SELECT results_eq($$SELECT table_name, row_key, after FROM (
                       SELECT DISTINCT ON (table_name, row_key) table_name, row_key, after FROM ismap.history
                        WHERE table_name IN ('incidents', 'incident_reports') ORDER BY table_name, row_key, seq DESC) h
                     ORDER BY 1, 2$$,
                  $$SELECT 'incident_reports', report_id::text, to_jsonb(r) FROM ismap.incident_reports r
                    UNION ALL
                    SELECT 'incidents', incident_id::text, to_jsonb(i) FROM ismap.incidents i
                    ORDER BY 1, 2$$,
                  'the log''s last image of every incident and report is the row as it stands');
SELECT results_eq($$SELECT table_name, operation, count(*) FROM ismap.history
                     WHERE table_name IN ('incidents', 'incident_reports') GROUP BY 1, 2 ORDER BY 1, 2$$,
                  $$SELECT 'incident_reports', 'INSERT', (SELECT count(*) FROM ismap.incident_reports)
                    UNION ALL SELECT 'incident_reports', 'UPDATE', 1
                    UNION ALL SELECT 'incidents', 'INSERT', (SELECT count(*) FROM ismap.incidents)
                    UNION ALL SELECT 'incidents', 'UPDATE', 1$$,
                  'each was logged once as filed, and once for its correction; the refused writes logged nothing');

SELECT * FROM finish();
ROLLBACK;
