-- The committee's investigations of registered services and auditors
-- (ovs_monitoring): of exactly one subject, registered on the day the
-- investigation opens; open until closed, once, with a closing day and a
-- finding; never changed once closed, never deleted (sec_history); every
-- write logged.
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
SELECT plan(72);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人ときわ', 'Tokiwa Fictional Audit Corporation'),
               (2, '架空監査法人あけぼの', 'Akebono Fictional Audit Corporation'),
               (3, '架空監査法人こがね', 'Kogane Fictional Audit Corporation'),
               (4, '架空監査法人しろがね', 'Shirogane Fictional Audit Corporation'),
               (11, '架空クラウド株式会社はやぶさ', 'Hayabusa Fictional Cloud K.K.')) AS o(n, name, name_en)
 \g /dev/null

-- Auditor A: registered since 2021.  Auditor B: suspended from 2024-06-01.
-- Auditor C: removed from 2024-07-01.  Auditor D: applied 2021-06-01, valid
-- until 2023-06-01, never renewed.
SELECT ismap_test.lasting_auditor(100, 1, '2021-01-11', '2024-09-01') AS a \gset
SELECT ismap_test.register(200, 2, '2023-10-02', '2023-10-20') AS b \gset
SELECT ismap_test.register(300, 3, '2023-10-02', '2023-10-20') AS c \gset
SELECT ismap_test.register(400, 4, '2021-06-01', '2021-06-20') AS d \gset
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:b, 'suspend', '2024-06-01', '監査品質の確認のため（架空）'), (:c, 'remove', '2024-07-01', '登録要件の不充足（架空）');

-- Service registration 1: registered 2024-05-10.  Registration 2: the same
-- day, removed from 2024-07-01.
SELECT ismap_test.service(n, 11, format('架空調査対象サービス%s', n)) FROM generate_series(1, 2) AS n \g /dev/null
SELECT ismap_test.audit(n, n, :a, '2023-04-01', '2024-03-31', '2024-04-20') FROM generate_series(1, 2) AS n \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, n, '2024-04-25', '2024-05-10') FROM generate_series(1, 2) AS n \g /dev/null
SELECT registration_id AS r1 FROM ismap.service_registrations WHERE service_id = 1 \gset
SELECT registration_id AS r2 FROM ismap.service_registrations WHERE service_id = 2 \gset
SELECT ismap_test.svc_change(:r2, 'remove', '2024-07-01') \g /dev/null

SELECT results_eq(format($$SELECT ismap.auditor_status(%s, '2024-08-01')::text, ismap.auditor_status(%s, '2024-08-01')::text,
                                  ismap.auditor_status(%s, '2024-08-01')::text, ismap.auditor_status(%s, '2023-06-01')::text,
                                  ismap.auditor_status(%s, '2023-06-02')::text$$, :b, :c, :d, :d, :d),
                  $$VALUES ('suspended', 'removed', 'expired', 'valid', 'expired')$$,
                  'the fixture: auditor B suspended, C removed, D valid until 2023-06-01');

-- ---------------------------------------------------------------------
-- Opening: one subject, registered that day

SELECT is(ismap_test.logged(format($$INSERT INTO ismap.investigations (investigation_id, registration_id, opened_on)
                                     VALUES (1, %s, '2024-08-01')$$, :r1)),
          'investigations INSERT 1', 'an investigation of a service registration is opened, and logged');
SELECT results_eq($$SELECT table_name, row_key, operation, after->>'opened_on', after->>'closed_on'
                      FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('investigations', '1', 'INSERT', '2024-08-01', NULL)$$,
                  'the log names it by its id, open');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.investigations (investigation_id, auditor_id, opened_on)
                                    VALUES (2, %s, '2024-08-01')$$, :a),
                           'an investigation of an auditor is opened');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, auditor_id, opened_on)
                                   VALUES (%s, %s, '2024-08-01')$$, :r1, :a),
                          '23514', 'ovs_monitoring', 'an investigation of both a registration and an auditor is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.investigations (opened_on) VALUES ('2024-08-01')$$,
                          '23514', 'ovs_monitoring', 'an investigation of nothing is refused');
SELECT ismap_test.well_reported($$INSERT INTO ismap.investigations (opened_on) VALUES ('2024-08-01')$$,
                                'the refusal names its rule and has a detail and a hint');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.investigations (investigation_id, registration_id, opened_on)
                                    VALUES (3, %s, '2024-05-10')$$, :r1),
                           'an investigation opened on the registration day is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on) VALUES (%s, '2024-05-09')$$, :r1),
                          '23514', 'ovs_monitoring', 'one opened the day before the registration is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.investigations (investigation_id, registration_id, opened_on)
                                    VALUES (4, %s, '2024-09-01')$$, :r1),
                           'an investigation opened today is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on) VALUES (%s, '2024-09-02')$$, :r1),
                          '23514', 'ovs_monitoring', 'one opened tomorrow is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.investigations (investigation_id, registration_id, opened_on)
                                    VALUES (5, %s, '2024-06-30')$$, :r2),
                           'an investigation opened the day before a removal is accepted (recorded after it)');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on) VALUES (%s, '2024-07-01')$$, :r2),
                          '23514', 'ovs_monitoring', 'one opened on the removal day is refused');
SELECT matches((ismap_test.error_of(format($$INSERT INTO ismap.investigations (registration_id, opened_on)
                                              VALUES (%s, '2024-07-01')$$, :r2))).detail,
               '^The registration C24-\d{4}-1 \(架空調査対象サービス2, registration_id \d+\) had been removed on 2024-07-01\.$',
               'its detail names the registration and what it was that day');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.investigations (investigation_id, auditor_id, opened_on)
                                    VALUES (6, %s, '2024-08-01')$$, :b),
                           'a suspended auditor can be investigated');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (auditor_id, opened_on) VALUES (%s, '2024-07-01')$$, :c),
                          '23514', 'ovs_monitoring', 'a removed auditor cannot');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.investigations (investigation_id, auditor_id, opened_on)
                                    VALUES (7, %s, '2024-06-30')$$, :c),
                           'but the day before its removal it could');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.investigations (investigation_id, auditor_id, opened_on)
                                    VALUES (8, %s, '2023-06-01')$$, :d),
                           'an auditor on its last day of validity can be investigated');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (auditor_id, opened_on) VALUES (%s, '2023-06-02')$$, :d),
                          '23514', 'ovs_monitoring', 'and not the day after it expired');
SELECT matches((ismap_test.error_of(format($$INSERT INTO ismap.investigations (auditor_id, opened_on)
                                              VALUES (%s, '2023-06-02')$$, :d))).detail,
               '^The auditor A21-\d{4} \(架空監査法人しろがね, auditor_id \d+\) had expired on 2023-06-02\.$',
               'its detail names the auditor and what it was that day');
SELECT ismap_test.refused($$INSERT INTO ismap.investigations (registration_id, opened_on) VALUES (99999, '2024-08-01')$$,
                          '23503', 'ovs_monitoring', 'an investigation of no registration is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.investigations (auditor_id, opened_on) VALUES (99999, '2024-08-01')$$,
                          '23503', 'ovs_monitoring', 'an investigation of no auditor is refused');

-- What an opening must say
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on) VALUES (%s, NULL)$$, :r1),
                          '23514', 'ovs_monitoring', 'an investigation without its opening day is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on) VALUES (%s, 'infinity')$$, :r1),
                          '22007', 'ovs_monitoring', 'an infinite opening day is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on) VALUES (%s, '-infinity')$$, :r1),
                          '22007', 'ovs_monitoring', 'and -infinity');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (auditor_id, opened_on) VALUES (%s, '2020-05-31')$$, :a),
                          '23514', 'ovs_monitoring', 'an opening day before the scheme started is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on, finding_text)
                                   VALUES (%s, '2024-08-01', '結果なしの所見')$$, :r1),
                          '23514', 'ovs_monitoring', 'an open investigation with a finding text is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on)
                                   VALUES (%1$s, '2024-08-01'), (%1$s, '2024-05-09')$$, :r1),
                          '23514', 'ovs_monitoring', 'a multi-row INSERT with one bad row is refused whole');

-- Recorded closed at once (an investigation held before it was recorded)
SELECT ismap_test.accepted(format($$INSERT INTO ismap.investigations (investigation_id, registration_id, opened_on, closed_on, finding)
                                    VALUES (9, %s, '2024-05-20', '2024-06-20', 'no_issue')$$, :r1),
                           'an investigation may be recorded closed, with all the checks of a closing');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on, closed_on, finding)
                                   VALUES (%s, '2024-05-20', '2024-05-19', 'no_issue')$$, :r1),
                          '23514', 'ovs_monitoring', 'recorded closed before it opened, it is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on, closed_on)
                                   VALUES (%s, '2024-05-20', '2024-06-20')$$, :r1),
                          '23514', 'ovs_monitoring', 'recorded with a closing day and no finding, it is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.investigations (registration_id, opened_on, finding, finding_text)
                                   VALUES (%s, '2024-05-20', 'issues_found', '記録の不備')$$, :r1),
                          '23514', 'ovs_monitoring', 'recorded with a finding and no closing day, it is refused');

-- ---------------------------------------------------------------------
-- Closing: the day and the finding together, once

SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = '2024-08-20' WHERE investigation_id = 1$$,
                          '23514', 'ovs_monitoring', 'a closing day without a finding is refused');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET finding = 'no_issue' WHERE investigation_id = 1$$,
                          '23514', 'ovs_monitoring', 'a finding without a closing day is refused');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = '2024-08-20', finding = 'issues_found' WHERE investigation_id = 1$$,
                          '23514', 'ovs_monitoring', 'issues found without saying which are refused');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = '2024-08-20', finding = 'issues_found', finding_text = E'\u3000 '
                             WHERE investigation_id = 1$$,
                          '23514', 'ovs_monitoring', 'or with a blank text');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = '2024-07-31', finding = 'no_issue' WHERE investigation_id = 1$$,
                          '23514', 'ovs_monitoring', 'a closing day before the opening day is refused');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = '2024-09-02', finding = 'no_issue' WHERE investigation_id = 1$$,
                          '23514', 'ovs_monitoring', 'a closing day tomorrow is refused');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = 'infinity', finding = 'no_issue' WHERE investigation_id = 1$$,
                          '22007', 'ovs_monitoring', 'an infinite closing day is refused');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET finding_text = '途中経過' WHERE investigation_id = 1$$,
                          '55000', 'ovs_monitoring', 'an open investigation is changed only by closing it: no finding text alone');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET opened_on = '2024-07-31' WHERE investigation_id = 1$$,
                          '55000', 'ovs_monitoring', 'its opening day cannot be moved');
SELECT ismap_test.refused(format($$UPDATE ismap.investigations SET registration_id = NULL, auditor_id = %s WHERE investigation_id = 1$$, :a),
                          '55000', 'ovs_monitoring', 'nor its subject changed');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET opened_on = '2024-07-31', closed_on = '2024-08-20', finding = 'no_issue'
                             WHERE investigation_id = 1$$,
                          '55000', 'ovs_monitoring', 'not even while closing it');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = NULL WHERE investigation_id = 1$$,
                          '55000', 'ovs_monitoring', 'a no-op update of an open investigation is refused too');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = '2024-08-20', finding = 'no_issue'
                             WHERE investigation_id IN (1, 4)$$,
                          '23514', 'ovs_monitoring', 'closing two at once, one before it opened, is refused whole');

SELECT is(ismap_test.logged($$UPDATE ismap.investigations SET closed_on = '2024-08-01', finding = 'no_issue' WHERE investigation_id = 1$$),
          'investigations UPDATE 1', 'closing on the opening day with no issue and no text is accepted, and logged');
SELECT results_eq($$SELECT row_key, operation, before->>'closed_on', after->>'closed_on', after->>'finding'
                      FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('1', 'UPDATE', NULL, '2024-08-01', 'no_issue')$$,
                  'the log has it open before and closed after');
SELECT ismap_test.accepted($$UPDATE ismap.investigations SET closed_on = '2024-09-01', finding = 'issues_found',
                                    finding_text = '監査調書の保存期間が要求事項を満たしていない（架空）'
                              WHERE investigation_id = 2$$,
                           'closing today with issues found and their text is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.investigations SET closed_on = '2024-08-10', finding = 'no_issue',
                                    finding_text = '指摘事項なし。軽微な改善提案のみ'
                              WHERE investigation_id = 3$$,
                           'a finding of no issue may have a text');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = '2024-08-10', finding = 'no_issue', finding_text = ' '
                             WHERE investigation_id = 4$$,
                          '23514', 'ovs_monitoring', 'but not a blank one');
SELECT ismap_test.accepted($$UPDATE ismap.investigations SET closed_on = '2024-08-15', finding = 'issues_found',
                                    finding_text = '削除前の是正状況の不備'
                              WHERE investigation_id = 5$$,
                           'an investigation of a registration removed since is closed');
SELECT ismap_test.accepted($$UPDATE ismap.investigations SET closed_on = '2024-07-15', finding = 'no_issue' WHERE investigation_id = 7$$,
                           'so is one of an auditor removed since');

-- A closed investigation is never changed
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = '2024-08-20', finding = 'no_issue' WHERE investigation_id = 1$$,
                          '55000', 'ovs_monitoring', 'closing it twice is refused');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = NULL, finding = NULL WHERE investigation_id = 1$$,
                          '55000', 'ovs_monitoring', 'reopening it is refused');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET closed_on = NULL WHERE investigation_id = 1$$,
                          '55000', 'ovs_monitoring', 'so is taking its closing day away');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET finding = 'issues_found', finding_text = '後からの指摘' WHERE investigation_id = 1$$,
                          '55000', 'ovs_monitoring', 'and changing its finding');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET finding_text = finding_text || '（追記）' WHERE investigation_id = 2$$,
                          '55000', 'ovs_monitoring', 'or its text');
SELECT ismap_test.refused($$UPDATE ismap.investigations SET finding_text = finding_text WHERE investigation_id = 2$$,
                          '55000', 'ovs_monitoring', 'even by a no-op update');
SELECT ismap_test.well_reported($$UPDATE ismap.investigations SET closed_on = NULL, finding = NULL WHERE investigation_id = 1$$,
                                'the refusal names its rule and has a detail and a hint');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.investigations (investigation_id, registration_id, opened_on)
                                    VALUES (10, %s, '2024-08-21')$$, :r1),
                           'a new investigation of the same registration may be opened');

-- Corrections of a mistyped finding text, with a reason (ismap.correct)
SELECT is(ismap_test.logged($$SELECT ismap.correct('ismap.investigations', 2,
                                                   '{"finding_text": "監査調書の保存期間が要求事項を満たしていない"}',
                                                   '所見の末尾の注記を削除（架空）')$$),
          'investigations UPDATE 1', 'the finding text of a closed investigation is corrected, and logged');
SELECT results_eq($$SELECT row_key, after->>'finding_text', reason FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('2', '監査調書の保存期間が要求事項を満たしていない', '所見の末尾の注記を削除（架空）')$$,
                  'with the reason');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.investigations', 2, '{"finding_text": null}', '誤記')$$,
                          '23514', 'ovs_monitoring', 'issues found keep a text');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.investigations', 4, '{"finding_text": "途中経過"}', '誤記')$$,
                          '55000', 'ovs_monitoring', 'an open investigation has no finding text to correct');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.investigations', 2, '{"finding": "no_issue"}', '誤記')$$,
                          '22023', 'sec_history', 'a finding is not a correction');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.investigations', 2, '{"closed_on": "2024-08-31"}', '誤記')$$,
                          '22023', 'sec_history', 'nor the closing day');

-- Never deleted
SELECT ismap_test.refused($$DELETE FROM ismap.investigations WHERE investigation_id = 4$$,
                          '55000', 'sec_history', 'an open investigation cannot be deleted');
SELECT ismap_test.refused($$DELETE FROM ismap.investigations WHERE investigation_id = 1$$,
                          '55000', 'sec_history', 'nor a closed one');
SELECT ismap_test.refused($$TRUNCATE ismap.investigations$$, '55000', 'sec_history', 'nor truncated');

SELECT results_eq($$SELECT investigation_id, closed_on, finding::text FROM ismap.investigations ORDER BY 1$$,
                  $$VALUES (1::bigint, '2024-08-01'::date, 'no_issue'), (2, '2024-09-01', 'issues_found'), (3, '2024-08-10', 'no_issue'),
                           (4, NULL, NULL), (5, '2024-08-15', 'issues_found'), (6, NULL, NULL), (7, '2024-07-15', 'no_issue'),
                           (8, NULL, NULL), (9, '2024-06-20', 'no_issue'), (10, NULL, NULL)$$,
                  'the investigations as recorded');
SELECT results_eq($$SELECT row_key, after FROM (
                      SELECT DISTINCT ON (row_key) row_key, after FROM ismap.history
                       WHERE table_name = 'investigations' ORDER BY row_key, seq DESC) h ORDER BY 1$$,
                  $$SELECT investigation_id::text, to_jsonb(v) FROM ismap.investigations v ORDER BY 1$$,
                  'the log''s last image of each investigation is the row as it stands');
SELECT is((SELECT count(*) FROM ismap.history WHERE table_name = 'investigations'), 16::bigint,
          'ten openings, five closings and a correction were logged, and nothing refused');

SELECT * FROM finish();
ROLLBACK;
