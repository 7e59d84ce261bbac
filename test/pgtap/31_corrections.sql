-- Corrections of data-entry mistakes (sec_history): ismap.correct() changes
-- the few columns that may be corrected, with a reason, and the log keeps
-- the row before and after; the corrected values still pass every rule; a
-- corrected approval date moves the term it put in force, and the lists
-- follow.  A plain UPDATE of a decided record stays refused.
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
SELECT plan(123);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人あかつき', 'Akatsuki Fictional Audit Corporation'),
               (2, '架空監査法人こはく', 'Kohaku Fictional Audit Corporation'),
               (3, '架空監査法人さんご', 'Sango Fictional Audit Corporation'),
               (4, '架空監査法人ひすい', 'Hisui Fictional Audit Corporation'),
               (5, '架空監査法人るり', 'Ruri Fictional Audit Corporation'),
               (11, '架空クラウド株式会社みなど', 'Minato Fictional Cloud K.K.'),
               (12, '架空ソフトウェア株式会社はやて', 'Hayate Fictional Software K.K.')) AS o(n, name, name_en)
 \g /dev/null

-- Auditor A: registered in 2022 (valid until 2024-04-01), renewed on 2024-03-20.
SELECT ismap_test.register(101, 1, '2022-04-01', '2022-05-10') AS a \gset
SELECT ismap_test.file(102, 1, '2024-03-01', 'renewal') \g /dev/null
SELECT ismap_test.decide(102, 'approved', '2024-03-20') \g /dev/null
SELECT registration_number AS a_number FROM ismap.auditors WHERE auditor_id = :a \gset
-- Auditor C's application, rejected.
SELECT ismap_test.file(301, 3, '2024-01-10') \g /dev/null
SELECT ismap_test.decide(301, 'rejected', '2024-02-01') \g /dev/null

-- Service 1 (provider 11), registered on 2023-07-03, valid until 2024-07-31;
-- service 2, an ISMAP-LIU SaaS of provider 12, never registered.
SELECT ismap_test.service(1, 11, '架空グループウェア') \g /dev/null
SELECT ismap_test.service(2, 12, '架空アンケート', 'SaaS', 'ismap_liu') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2022-04-01', '2023-03-31', '2023-05-10') \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2023-05-15', '2023-07-03') AS r1 \gset
SELECT registration_number AS r1_number FROM ismap.service_registrations WHERE registration_id = :r1 \gset

-- A status change of auditor A and one of service 1 (grounds to correct).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:a, 'suspend', '2024-08-01', '監査機関要求基準への不適合の疑ぃ') RETURNING change_id AS a_change \gset
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:r1, 'suspend', '2023-09-01', '重大インシデントの未報吿') RETURNING change_id AS r1_change \gset

-- ---------------------------------------------------------------------
-- What can be corrected, with the log showing before, after and why

SELECT is(ismap.correct('ismap.organizations', 11, '{"name": "架空クラウド株式会社みなと"}',
                        '登記事項証明書との照合で誤記を発見'), 1,
          'correcting an organization''s name returns the number of rows corrected');
SELECT results_eq($$SELECT table_name, row_key, operation, before->>'name', after->>'name', reason,
                           before - 'name' = after - 'name'
                      FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('organizations', '11', 'UPDATE', '架空クラウド株式会社みなど', '架空クラウド株式会社みなと',
                            '登記事項証明書との照合で誤記を発見', true)$$,
                  'the log has the row before and after, and the reason');
SELECT is((SELECT name FROM ismap.organizations WHERE organization_id = 11), '架空クラウド株式会社みなと',
          'the organization has its corrected name');
SELECT is((SELECT provider_name FROM ismap.cloud_service_list_at('2023-08-01') WHERE registration_id = :r1),
          '架空クラウド株式会社みなと', 'and the cloud service list shows it, also for a past day');
SELECT ismap_test.corporate_number('999900000111') AS new_number \gset
SELECT is(ismap_test.logged(format($$SELECT ismap.correct('ismap.organizations', 11,
                                      '{"name_en": "Minato Fictional Cloud Co., Ltd.", "corporate_number": "%s"}',
                                      '法人番号の転記誤り')$$, :'new_number')),
          'organizations UPDATE 1', 'two columns corrected at once: one log row');
SELECT results_eq($$SELECT after->>'name_en', after->>'corporate_number', reason FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  format($$VALUES ('Minato Fictional Cloud Co., Ltd.', %L, '法人番号の転記誤り')$$, :'new_number'),
                  'with both new values');
SELECT is(ismap_test.logged($$SELECT ismap.correct('ismap.cloud_services', 1,
                                 '{"name": "架空グループウェア Plus", "name_en": "Fictional Groupware Plus",
                                   "statement_scope": "架空グループウェア Plus の提供に係る全ての業務及び基盤"}',
                                 '申請書の記載との相違を訂正')$$),
          'cloud_services UPDATE 1', 'a service''s name, English name and statement scope are corrected');
SELECT results_eq($$SELECT service_name, service_name_en, statement_scope FROM ismap.cloud_service_list_at('2023-08-01')$$,
                  $$VALUES ('架空グループウェア Plus', 'Fictional Groupware Plus', '架空グループウェア Plus の提供に係る全ての業務及び基盤')$$,
                  'and the list shows them');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.cloud_services', 1, '{"service_model": "PaaS"}', 'サービス区分の誤り')$$,
                           'a service''s model is corrected');
SELECT is((SELECT service_model FROM ismap.cloud_service_list_at('2023-08-01')), 'PaaS'::ismap.service_model,
          'and the list shows it');
SELECT is(ismap_test.logged(format($$SELECT ismap.correct('ismap.auditor_status_changes', %s,
                                      '{"grounds": "監査機関要求基準への不適合の疑い"}', '根拠の誤字')$$, :a_change)),
          'auditor_status_changes UPDATE 1', 'the grounds of an auditor''s status change are corrected');
SELECT results_eq($$SELECT before->>'grounds', after->>'grounds', reason FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('監査機関要求基準への不適合の疑ぃ', '監査機関要求基準への不適合の疑い', '根拠の誤字')$$,
                  'logged with the correction''s reason, not the grounds');
SELECT is(ismap_test.logged(format($$SELECT ismap.correct('ismap.service_status_changes', %s,
                                      '{"grounds": "重大インシデントの未報告"}', '根拠の誤字')$$, :r1_change)),
          'service_status_changes UPDATE 1', 'so are the grounds of a service''s status change');
SELECT results_eq($$SELECT before->>'grounds', after->>'grounds', reason FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('重大インシデントの未報吿', '重大インシデントの未報告', '根拠の誤字')$$,
                  'likewise logged with the correction''s reason');
SELECT is(ismap_test.logged($$SELECT ismap.correct('ismap.auditor_applications', 301, '{"decided_on": "2024-01-25"}',
                                                   '決定日の転記誤り（議事録 2024-01-25）')$$),
          'auditor_applications UPDATE 1', 'the decision date of a rejected application is corrected');
SELECT results_eq($$SELECT before->>'decided_on', after->>'decided_on', before->>'status', after->>'status', reason
                      FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('2024-02-01', '2024-01-25', 'rejected', 'rejected', '決定日の転記誤り（議事録 2024-01-25）')$$,
                  'the log shows the date before and after, and the reason');

-- The reason: required, and never left behind.
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '{"name": "架空ソフトウェア株式会社はやで"}', NULL)$$,
                          '23502', 'sec_history', 'a correction without a reason is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '{"name": "架空ソフトウェア株式会社はやで"}', '')$$,
                          '23502', 'sec_history', 'so is one with an empty reason');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '{"name": "架空ソフトウェア株式会社はやで"}', E' \t ')$$,
                          '23502', 'sec_history', 'and one with a blank reason');
SELECT ismap_test.well_reported($$SELECT ismap.correct('ismap.organizations', 12, '{"name": "x"}', NULL)$$,
                                'the refusal names sec_history and has a detail and a hint');
UPDATE ismap.organizations SET name_en = 'Hayate Fictional Software Co., Ltd.' WHERE organization_id = 12;
SELECT is((SELECT reason FROM ismap.history ORDER BY seq DESC LIMIT 1), NULL,
          'a plain write after corrections is logged without their reason');
SELECT set_config('ismap.reason', '第42回運営委員会', true) \g /dev/null
SELECT ismap.correct('ismap.organizations', 12, '{"name_en": "Hayate Fictional Software K.K."}', '英文名称の誤り') \g /dev/null
SELECT is((SELECT reason FROM ismap.history ORDER BY seq DESC LIMIT 1), '英文名称の誤り',
          'a correction is logged with its own reason even with ismap.reason set');
SELECT set_config('ismap.reason', '', true) \g /dev/null

-- Malformed calls.
SELECT ismap_test.refused($$SELECT ismap.correct(NULL, 12, '{"name": "x"}', '理由')$$,
                          '23502', 'sec_history', 'a correction without a table is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', NULL, '{"name": "x"}', '理由')$$,
                          '23502', 'sec_history', 'one without a row is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, NULL, '理由')$$,
                          '23502', 'sec_history', 'one without values is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '{}', '理由')$$,
                          '22023', 'sec_history', 'one with no column is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '["name", "x"]', '理由')$$,
                          '22023', 'sec_history', 'one whose values are not a JSON object is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 99999, '{"name": "架空"}', '理由')$$,
                          '22023', 'sec_history', 'a correction of a row that does not exist is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 99999, '{"decided_on": "2024-01-01"}', '理由')$$,
                          '22023', 'sec_history', 'also of an application that does not exist');

-- Columns that are not corrected.
SELECT ismap_test.refused(format($$SELECT ismap.correct(%L, %s, %L, '理由')$$, t, id, changes),
                          '22023', 'sec_history', format('%s of %s cannot be corrected', what, t))
  FROM (VALUES ('ismap.organizations', 12, '{"organization_id": 13}', 'the key'),
               ('ismap.organizations', 12, '{"name": "架空ソフトウェア株式会社はやで", "organization_id": 13}',
                'a column that can, with the key'),
               ('ismap.organizations', 12, '{"nickname": "はやて"}', 'a column that does not exist'),
               ('ismap.cloud_services', 1, '{"provider_id": 12}', 'the provider'),
               ('ismap.cloud_services', 2, '{"program": "ismap"}', 'the program'),
               ('ismap.auditor_applications', 301, '{"status": "approved"}', 'the status'),
               ('ismap.auditor_applications', 301, '{"applied_on": "2024-01-09"}', 'the application date'),
               ('ismap.auditor_applications', 301, '{"kind": "renewal"}', 'the kind'),
               ('ismap.auditor_applications', 102, '{"auditor_id": 999}', 'the auditor'),
               ('ismap.service_applications', 1001, '{"audit_id": 11}', 'the audit'),
               ('ismap.service_applications', 1001, '{"registration_number": "C23-9999-1"}', 'the registration number'),
               ('ismap.auditor_status_changes', 1, '{"effective_on": "2024-08-02"}', 'the effective date'),
               ('ismap.auditor_status_changes', 1, '{"action": "remove"}', 'the action'),
               ('ismap.service_status_changes', 1, '{"effective_on": "2023-09-02"}', 'the effective date')
       ) AS x(t, id, changes, what);

-- Tables that are not corrected.
CREATE TEMP TABLE organizations (organization_id bigint, name text);
INSERT INTO organizations VALUES (12, '架空');
SELECT ismap_test.refused(format($$SELECT ismap.correct(%L, %s, %L, '理由')$$, t, id, changes),
                          '22023', 'sec_history', format('rows of %s cannot be corrected', t))
  FROM (VALUES ('ismap.auditors', :a, '{"registered_on": "2022-05-09"}'),
               ('ismap.auditor_terms', :a, '{"in_force_from": "2022-05-09"}'),
               ('ismap.auditor_compliance_reports', 1, '{"due_on": "2023-04-02"}'),
               ('ismap.audits', 11, '{"reported_on": "2023-05-11"}'),
               ('ismap.service_registrations', :r1, '{"registered_on": "2023-07-02"}'),
               ('ismap.service_registration_terms', :r1, '{"in_force_from": "2023-07-02"}'),
               ('ismap.setting_overrides', 1, '{"value": "3 years"}'),
               ('ismap.settings', 1, '{"value": "3 years"}'),
               ('ismap.history', 1, '{"reason": "x"}'),
               ('pg_temp.organizations', 12, '{"name": "架空ソフトウェア株式会社はやで"}')) AS x(t, id, changes);
SELECT is((SELECT name FROM pg_temp.organizations), '架空', '(a table of that name outside schema ismap was left alone)');

-- New values that break a rule.
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '{"name": "  "}', '理由')$$,
                          '23502', 'org_corporate_number', 'a blank name is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '{"name": null}', '理由')$$,
                          '23502', 'org_corporate_number', 'so is a null name');
SELECT ismap_test.refused(format($$SELECT ismap.correct('ismap.organizations', 12, '{"corporate_number": "%s"}', '理由')$$,
                                 ((substr(:'new_number', 1, 1)::int + 1) % 10)::text || substr(:'new_number', 2)),
                          '22023', 'org_corporate_number', 'a corporate number with a wrong check digit is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '{"corporate_number": "99990000001"}', '理由')$$,
                          '22P02', 'org_corporate_number', 'a corporate number of 11 digits is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.cloud_services', 1, '{"statement_scope": " "}', '理由')$$,
                          '23502', 'svc_public_list', 'a blank statement scope is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.cloud_services', 2, '{"service_model": "IaaS"}', '理由')$$,
                          '23514', 'liu_scope', 'an ISMAP-LIU service corrected to IaaS is refused');
SELECT ismap_test.refused(format($$SELECT ismap.correct('ismap.auditor_status_changes', %s, '{"grounds": " "}', '理由')$$, :a_change),
                          '23502', 'ovs_suspension', 'blank grounds are refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 301, '{"decided_on": "2024-01-09"}', '理由')$$,
                          '23514', 'aud_application_flow', 'a decision date before the application date is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 301, '{"decided_on": "2024-09-02"}', '理由')$$,
                          '23514', 'aud_application_flow', 'a decision date after today is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 301, '{"decided_on": null}', '理由')$$,
                          '23502', 'aud_application_flow', 'a decided application without a decision date is refused');
SELECT ismap_test.file(302, 3, '2024-08-01') \g /dev/null
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 302, '{"decided_on": "2024-08-10"}', '理由')$$,
                          '23514', 'aud_application_flow', 'an undecided application gets no decision date by correction');

-- ---------------------------------------------------------------------
-- The approval date of a first registration (auditor B)

SELECT ismap_test.register(201, 2, '2024-04-01', '2024-05-10') AS b \gset
SELECT registration_number AS b_number FROM ismap.auditors WHERE auditor_id = :b \gset
SELECT is((SELECT count(*) FROM ismap.auditor_list_at('2024-05-08') WHERE auditor_id = :b), 0::bigint,
          'before the correction auditor B is not on the list of 2024-05-08');
SELECT is(ismap_test.logged($$SELECT ismap.correct('ismap.auditor_applications', 201, '{"decided_on": "2024-05-08"}',
                                                   '登録日の誤り（第40回運営委員会議事録）')$$),
          'auditor_applications UPDATE 1, auditor_terms UPDATE 1, auditors UPDATE 1',
          'correcting the approval date logs the application, the term it put in force and the auditor');
SELECT results_eq(format($$SELECT table_name, row_key, before->>col, after->>col, reason
                             FROM ismap.history, LATERAL (SELECT CASE table_name WHEN 'auditor_applications' THEN 'decided_on'
                                                                      WHEN 'auditor_terms' THEN 'in_force_from'
                                                                      ELSE 'registered_on' END AS col) c
                            WHERE seq > %s - 3 ORDER BY table_name COLLATE "C"$$, ismap_test.last_seq()),
                  format($$VALUES ('auditor_applications', '201', '2024-05-10', '2024-05-08', '登録日の誤り（第40回運営委員会議事録）'),
                                  ('auditor_terms', '%1$s,1', '2024-05-10', '2024-05-08', '登録日の誤り（第40回運営委員会議事録）'),
                                  ('auditors', '%1$s', '2024-05-10', '2024-05-08', '登録日の誤り（第40回運営委員会議事録）')$$, :b),
                  'each with the date before and after, and the correction''s reason');
SELECT results_eq(format($$SELECT a.registration_number, a.registered_on, a.valid_from, a.valid_until, t.in_force_from
                             FROM ismap.auditors a JOIN ismap.auditor_terms t USING (auditor_id) WHERE auditor_id = %s$$, :b),
                  format($$VALUES (%L, '2024-05-08'::date, '2024-04-01'::date, '2026-04-01'::date, '2024-05-08'::date)$$, :'b_number'),
                  'the auditor is registered on the corrected date; its number and validity are unchanged');
SELECT results_eq(format($$SELECT d, ismap.auditor_status(%s, d)::text FROM unnest('{2024-05-07,2024-05-08}'::date[]) d$$, :b),
                  $$VALUES ('2024-05-07'::date, NULL), ('2024-05-08', 'valid')$$,
                  'its status: none the day before, valid from the corrected date');
SELECT results_eq(format($$SELECT registered_on, status::text FROM ismap.auditor_list_at('2024-05-08') WHERE auditor_id = %s$$, :b),
                  $$VALUES ('2024-05-08'::date, 'valid')$$,
                  'the list of 2024-05-08 shows it, registered on that day');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.auditor_applications', 201, '{"decided_on": "2024-05-12"}', '再訂正: 決定日は 2024-05-12')$$,
                           'a later approval date is corrected too');
SELECT results_eq(format($$SELECT d, (SELECT count(*) FROM ismap.auditor_list_at(d) l WHERE l.auditor_id = %s)
                             FROM unnest('{2024-05-08,2024-05-10,2024-05-11,2024-05-12}'::date[]) d$$, :b),
                  $$VALUES ('2024-05-08'::date, 0::bigint), ('2024-05-10', 0), ('2024-05-11', 0), ('2024-05-12', 1)$$,
                  'the lists of the days before 2024-05-12 no longer show it, the list of that day does');
SELECT is((SELECT registered_on FROM ismap.auditor_list WHERE auditor_id = :b), '2024-05-12'::date,
          'today''s list shows the corrected registration date');
SELECT results_eq($$SELECT after->>'decided_on', reason FROM ismap.history
                     WHERE table_name = 'auditor_applications' AND row_key = '201' AND reason IS NOT NULL ORDER BY seq$$,
                  $$VALUES ('2024-05-08', '登録日の誤り（第40回運営委員会議事録）'), ('2024-05-12', '再訂正: 決定日は 2024-05-12')$$,
                  'each correction is its own log row, with its own reason');

INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:b, 'suspend', '2024-06-01', '品質管理体制の不備');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 201, '{"decided_on": "2024-06-02"}', '理由')$$,
                          '23514', 'ovs_suspension', 'a registration date corrected to after a status change is refused');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.auditor_applications', 201, '{"decided_on": "2024-06-01"}', '理由')$$,
                           'one on the day of the status change is accepted');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.auditor_applications', 201, '{"decided_on": "2024-05-10"}', '元の決定日に戻す')$$,
                           'and the date is corrected back');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET decided_on = '2024-05-09' WHERE application_id = 201$$,
                          '55000', 'aud_application_flow', 'a plain UPDATE of the decided application is still refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'withdrawn' WHERE application_id = 201$$,
                          '55000', 'aud_application_flow', 'so is a plain change of its status');
SELECT is((SELECT count(*) FROM ismap.history WHERE table_name = 'auditor_applications' AND row_key = '201'
              AND operation = 'UPDATE'), 6::bigint,
          'the log has the application accepted, approved, and corrected four times');

-- ---------------------------------------------------------------------
-- The approval date of a renewal (auditor A, term 2)

SELECT results_eq(format($$SELECT * FROM ismap.auditor_standing(%s, '2024-03-15')$$, :a),
                  $$VALUES ('valid'::ismap.listing_status, '2024-04-01'::date)$$,
                  'before the correction, on 2024-03-15 auditor A is valid until 2024-04-01 (term 1)');
SELECT is(ismap_test.logged($$SELECT ismap.correct('ismap.auditor_applications', 102, '{"decided_on": "2024-03-10"}',
                                                   '更新の決定日の誤り')$$),
          'auditor_applications UPDATE 1, auditor_terms UPDATE 1',
          'correcting a renewal''s approval date logs the application and the term it put in force');
SELECT results_eq(format($$SELECT term_no, in_force_from FROM ismap.auditor_terms WHERE auditor_id = %s ORDER BY term_no$$, :a),
                  $$VALUES (1, '2022-05-10'::date), (2, '2024-03-10')$$,
                  'term 2 is in force from the corrected date; term 1 is untouched');
SELECT is((SELECT registered_on FROM ismap.auditors WHERE auditor_id = :a), '2022-05-10'::date,
          'the auditor keeps its registration date');
SELECT results_eq(format($$SELECT d, s.status, s.valid_until FROM unnest('{2024-03-09,2024-03-10,2024-03-15}'::date[]) d,
                                  ismap.auditor_standing(%s, d) s$$, :a),
                  $$VALUES ('2024-03-09'::date, 'valid'::ismap.listing_status, '2024-04-01'::date),
                           ('2024-03-10', 'valid', '2026-03-01'), ('2024-03-15', 'valid', '2026-03-01')$$,
                  'the new validity counts from the corrected date');
SELECT is((SELECT valid_until FROM ismap.auditor_list_at('2024-03-15') WHERE auditor_id = :a), '2026-03-01'::date,
          'and the list of 2024-03-15 shows it');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 102, '{"decided_on": "2024-02-29"}', '理由')$$,
                          '23514', 'aud_application_flow', 'a renewal decided before it was filed is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 101, '{"decided_on": "2024-03-10"}', '理由')$$,
                          '23514', 'sec_history', 'term 1 corrected to come into force with term 2 is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 101, '{"decided_on": "2024-03-25"}', '理由')$$,
                          '23514', 'sec_history', 'and after it');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 101, '{"decided_on": "2024-04-02"}', '理由')$$,
                          '23514', 'aud_validity', 'an approval corrected to after the term it granted ended is refused');

-- ---------------------------------------------------------------------
-- The date of a rejected renewal moves the end of the grace (auditor D)

SELECT ismap_test.register(401, 4, '2022-06-01', '2022-06-10') AS d \gset
SELECT ismap_test.file(402, 4, '2024-05-20', 'renewal') \g /dev/null
SELECT ismap_test.decide(402, 'rejected', '2024-07-10') \g /dev/null
SELECT is((SELECT status FROM ismap.auditor_list_at('2024-07-05') WHERE auditor_id = :d), 'renewal_pending'::ismap.listing_status,
          'auditor D is listed as renewal_pending on 2024-07-05 while its renewal waits');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.auditor_applications', 402, '{"decided_on": "2024-07-01"}', '却下日の誤り')$$,
                           'the rejection date is corrected to 2024-07-01');
SELECT results_eq(format($$SELECT d, ismap.auditor_status(%s, d)::text FROM unnest('{2024-06-30,2024-07-01,2024-07-05}'::date[]) d$$, :d),
                  $$VALUES ('2024-06-30'::date, 'renewal_pending'), ('2024-07-01', 'expired'), ('2024-07-05', 'expired')$$,
                  'the grace now ends on the corrected date');
SELECT is((SELECT count(*) FROM ismap.auditor_list_at('2024-07-05') WHERE auditor_id = :d), 0::bigint,
          'and auditor D is off the list of 2024-07-05');
-- After the rejection the organization applied anew and was registered again.
SELECT ismap_test.file(403, 4, '2024-07-15') \g /dev/null
SELECT ismap_test.decide(403, 'approved', '2024-07-25') AS d2 \gset
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 402, '{"decided_on": "2024-07-20"}', '理由')$$,
                          '23514', 'aud_application_flow',
                          'a rejection corrected to after the organization''s new application was filed is refused (it was in grace then)');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 402, '{"decided_on": "2024-07-30"}', '理由')$$,
                          '23514', 'aud_application_flow',
                          'so is one to after its new registration (two registrations in force at once)');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.auditor_applications', 402, '{"decided_on": "2024-07-14"}', '理由')$$,
                           'one to the day before the new application is accepted');

-- Auditor E: suspended during its grace; the rejection cannot move before the suspension.
SELECT ismap_test.register(501, 5, '2022-06-01', '2022-06-10') AS e \gset
SELECT ismap_test.file(502, 5, '2024-05-20', 'renewal') \g /dev/null
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:e, 'suspend', '2024-06-20', '更新審査中の不適合');
SELECT ismap_test.decide(502, 'rejected', '2024-07-10') \g /dev/null
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_applications', 502, '{"decided_on": "2024-06-15"}', '理由')$$,
                          '23514', 'ovs_suspension',
                          'a rejection corrected to before a suspension in the grace is refused (it would suspend an expired auditor)');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.auditor_applications', 502, '{"decided_on": "2024-06-25"}', '理由')$$,
                           'one to after the suspension is accepted');
SELECT is(ismap.auditor_status(:e, '2024-06-25'), 'expired', 'and the auditor is expired from then');

-- ---------------------------------------------------------------------
-- Service applications

SELECT is((SELECT count(*) FROM ismap.cloud_service_list_at('2023-07-01')), 0::bigint,
          'before the correction service 1 is not on the list of 2023-07-01');
SELECT is(ismap_test.logged($$SELECT ismap.correct('ismap.service_applications', 1001, '{"decided_on": "2023-07-01"}',
                                                   '登録日の誤り')$$),
          'service_applications UPDATE 1, service_registration_terms UPDATE 1, service_registrations UPDATE 1',
          'correcting a service''s approval date logs the application, the term and the registration');
SELECT is((SELECT count(DISTINCT reason) FILTER (WHERE reason = '登録日の誤り') FROM ismap.history
            WHERE seq > ismap_test.last_seq() - 3), 1::bigint, 'all three with the correction''s reason');
SELECT results_eq(format($$SELECT r.registration_number, r.registered_on, r.valid_until, t.in_force_from
                             FROM ismap.service_registrations r JOIN ismap.service_registration_terms t USING (registration_id)
                            WHERE registration_id = %s$$, :r1),
                  format($$VALUES (%L, '2023-07-01'::date, '2024-07-31'::date, '2023-07-01'::date)$$, :'r1_number'),
                  'the registration dates from the corrected day; its number and validity are unchanged');
SELECT results_eq(format($$SELECT d, (SELECT l.registered_on FROM ismap.cloud_service_list_at(d) l WHERE l.registration_id = %s)
                             FROM unnest('{2023-06-30,2023-07-01,2023-07-02}'::date[]) d$$, :r1),
                  $$VALUES ('2023-06-30'::date, NULL::date), ('2023-07-01', '2023-07-01'), ('2023-07-02', '2023-07-01')$$,
                  'the lists from 2023-07-01 on show it, registered on that day');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.service_applications', 1001, '{"decided_on": "2023-05-14"}', '理由')$$,
                          '23514', 'svc_application_flow', 'a service approval dated before the application is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.service_applications', 1001, '{"decided_on": "2024-08-01"}', '理由')$$,
                          '23514', 'svc_validity', 'an approval corrected to after the term it granted ended is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.service_applications', 1001, '{"decided_on": "2023-09-02"}', '理由')$$,
                          '23514', 'ovs_suspension', 'a registration date corrected to after its suspension is refused');
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET decided_on = '2023-07-02' WHERE application_id = 1001$$,
                          '55000', 'svc_application_flow', 'a plain UPDATE of the decided service application is still refused');

-- A service renewal's approval date.
SELECT ismap_test.svc_change(:r1, 'lift', '2023-10-01') \g /dev/null
SELECT ismap_test.audit(12, 1, :a, '2023-04-01', '2024-03-31', '2024-05-20') \g /dev/null
SELECT ismap_test.svc_file(1002, 1, '2024-06-01', 12, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(1002, 'approved', '2024-07-01') \g /dev/null
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.service_applications', 1002, '{"decided_on": "2024-06-20"}', '更新の決定日の誤り')$$,
                           'a service renewal''s approval date is corrected');
SELECT results_eq(format($$SELECT d, (SELECT l.valid_until FROM ismap.cloud_service_list_at(d) l WHERE l.registration_id = %s)
                             FROM unnest('{2024-06-19,2024-06-20}'::date[]) d$$, :r1),
                  $$VALUES ('2024-06-19'::date, '2024-07-31'::date), ('2024-06-20', '2025-07-31')$$,
                  'the list shows the new expiry from the corrected date');

-- Service 3 (provider 12): renewal rejected, then a new registration.
SELECT ismap_test.service(3, 12, '架空ワークフロー') \g /dev/null
SELECT ismap_test.audit(31, 3, :a, '2022-01-01', '2022-12-31', '2023-02-01') \g /dev/null
SELECT ismap_test.audit(32, 3, :a, '2023-01-01', '2023-12-31', '2024-03-15') \g /dev/null
SELECT ismap_test.svc_register(3001, 3, 31, '2023-02-10', '2023-03-01') AS r3 \gset
SELECT ismap_test.svc_file(3002, 3, '2024-04-20', 32, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(3002, 'rejected', '2024-05-20') \g /dev/null
SELECT ismap_test.svc_register(3003, 3, 32, '2024-05-25', '2024-06-10') AS r3b \gset
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.service_applications', 3002, '{"decided_on": "2024-05-30"}', '理由')$$,
                          '23514', 'svc_application_flow',
                          'a service renewal''s rejection corrected to after the new application was filed is refused');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.service_applications', 3002, '{"decided_on": "2024-05-24"}', '理由')$$,
                           'one to the day before it is accepted');

-- ---------------------------------------------------------------------
-- Who may correct: the committee (sec_role_authority); correct() runs the
-- UPDATE as its caller.

CREATE ROLE ismap_test_editor_31 NOLOGIN;
CREATE ROLE ismap_test_committee_31 NOLOGIN IN ROLE ismap_committee;
CREATE ROLE ismap_test_reader_31 NOLOGIN;
GRANT EXECUTE ON FUNCTION ismap.correct(regclass, bigint, jsonb, text) TO ismap_test_editor_31;
GRANT SELECT, UPDATE ON ismap.organizations TO ismap_test_editor_31;
GRANT SELECT ON ismap.organizations TO ismap_test_reader_31;
SET LOCAL ROLE ismap_test_reader_31;
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '{"name": "架空"}', '理由')$$,
                          '42501', NULL, 'a role without EXECUTE on correct() cannot correct');
RESET ROLE;
SET LOCAL ROLE ismap_test_editor_31;
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 12, '{"name": "架空"}', '理由')$$,
                          '42501', 'sec_role_authority',
                          'nor can a role of no capacity granted EXECUTE and UPDATE on the table');
RESET ROLE;
SET LOCAL ROLE ismap_test_committee_31;
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.auditor_applications', 201, '{"decided_on": "2024-05-09"}', '委員会事務局による訂正')$$,
                           'a committee role with UPDATE on the applications corrects an approval date');
RESET ROLE;
SELECT results_eq($$SELECT table_name, acting_user_name, reason FROM ismap.history
                     WHERE seq > ismap_test.last_seq() - 3 ORDER BY table_name COLLATE "C"$$,
                  $$VALUES ('auditor_applications', 'ismap_test_committee_31', '委員会事務局による訂正'),
                           ('auditor_terms', 'ismap_test_committee_31', '委員会事務局による訂正'),
                           ('auditors', 'ismap_test_committee_31', '委員会事務局による訂正')$$,
                  'the log names the role for the rows the extension moved as well');
SELECT is((SELECT registered_on FROM ismap.auditors WHERE auditor_id = :b), '2024-05-09'::date,
          'the term and registration date moved although the role cannot write them itself');
SET LOCAL ROLE ismap_test_committee_31;
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.organizations', 12, '{"name": "架空ソフトウェア株式会社はやて"}', '表記の統一')$$,
                           'the committee corrects a name');
RESET ROLE;
SELECT results_eq($$SELECT acting_user_name, reason FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('ismap_test_committee_31', '表記の統一')$$,
                  'logged as that role, with the reason');

SELECT is_empty('SELECT * FROM ismap.verify_history()', 'the log of all these corrections is one whole chain');
SELECT is(ismap_test.log_disagreements(), '', 'and its last images are the rows as they stand');

SELECT * FROM finish();
ROLLBACK;
