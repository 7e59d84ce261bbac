-- Cloud services and their audits: what a service row must say
-- (svc_public_list, svc_application_by_provider, liu_scope), and when an
-- audit may be recorded (svc_audit_period, svc_audit_by_registered_auditor,
-- sec_conflict_of_interest, sec_history).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(87);
SET LOCAL ismap.today = '2024-06-01';
SET LOCAL client_min_messages = warning;

-- Auditors (fictional audit firms) and providers (fictional companies).
SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人あおば', 'Aoba Fictional Audit Corporation'),
               (2, '架空監査法人いぶき', 'Ibuki Fictional Audit Corporation'),
               (3, '架空監査法人うるし', 'Urushi Fictional Audit Corporation'),
               (4, '架空監査法人えびね', 'Ebine Fictional Audit Corporation'),
               (5, '架空監査法人おうち', 'Ouchi Fictional Audit Corporation'),
               (6, '架空監査法人かえで', 'Kaede Fictional Audit Corporation'),
               (11, '架空クラウド株式会社そら', 'Sora Fictional Cloud K.K.'),
               (12, '架空情報システム株式会社みなと', 'Minato Fictional Systems K.K.')) AS o(n, name, name_en)
 \g /dev/null

SELECT ok(bool_and(ismap.corporate_number_is_valid(corporate_number)) AND count(*) = 8,
          'every organization of the suite has a valid fictional corporate number')
  FROM ismap.organizations;

-- A: registered since June 2020, renewed every year.  B: suspended 2024-03-01,
-- lifted 2024-04-01.  C: expired after 2023-05-01.  D: removed from
-- 2024-04-10.  E: registered 2024-02-15.  F: valid until 2023-09-01, in
-- renewal grace until its renewal was approved on 2023-10-20.
SELECT ismap_test.lasting_auditor(100, 1, '2020-06-03', '2024-06-01') AS a \gset
SELECT ismap_test.register(200, 2, '2023-01-10', '2023-01-20') AS b \gset
SELECT ismap_test.register(300, 3, '2021-05-01', '2021-05-11') AS c \gset
SELECT ismap_test.register(400, 4, '2023-01-10', '2023-01-20') AS d \gset
SELECT ismap_test.register(500, 5, '2024-01-05', '2024-02-15') AS e \gset
SELECT ismap_test.register(600, 6, '2021-09-01', '2021-09-11') AS f \gset
SELECT ismap_test.file(601, 6, '2023-08-15', 'renewal', :f) \g /dev/null
SELECT ismap_test.decide(601, 'approved', '2023-10-20') \g /dev/null
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:b, 'suspend', '2024-03-01', '監査品質の重大な不備'),
       (:b, 'lift', '2024-04-01', '是正措置の確認'),
       (:d, 'remove', '2024-04-10', '監査機関登録要件の不充足');

SELECT results_eq(
  format($$SELECT ismap.auditor_status(%s, '2024-05-01')::text, ismap.auditor_status(%s, '2024-03-15')::text,
                  ismap.auditor_status(%s, '2023-05-02')::text, ismap.auditor_status(%s, '2024-04-10')::text,
                  ismap.auditor_status(%s, '2024-02-14')::text, ismap.auditor_status(%s, '2023-09-20')::text$$,
         :a, :b, :c, :d, :e, :f),
  $$VALUES ('valid', 'suspended', 'expired', 'removed', NULL, 'renewal_pending')$$,
  'the auditors stand as the suite needs them to');

-- ---------------------------------------------------------------------
-- Cloud services

SELECT ismap_test.accepted($$INSERT INTO ismap.cloud_services (service_id, provider_id, name, name_en, statement_scope, service_model)
                             VALUES (1, 11, '架空そらストレージ', 'Sora Fictional Storage',
                                     '架空そらストレージの提供に係る全ての業務及び基盤', 'IaaS')$$,
                           'a cloud service is recorded');
SELECT is((SELECT program::text FROM ismap.cloud_services WHERE service_id = 1), 'ismap',
          'its program is ismap by default');
SELECT ismap_test.service(2, 12, '架空みなと文書管理', 'SaaS') \g /dev/null
SELECT ismap_test.service(3, 1, '架空あおば監査支援クラウド', 'SaaS') \g /dev/null

SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
                            VALUES (11, '   ', '全業務', 'SaaS')$$,
                          '23502', 'svc_public_list', 'a blank service name is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
                            VALUES (11, NULL, '全業務', 'SaaS')$$,
                          '23502', 'svc_public_list', 'a null service name is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
                            VALUES (11, '架空そらメール', E' \t', 'SaaS')$$,
                          '23502', 'svc_public_list', 'a blank statement scope is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
                            VALUES (11, '架空そらメール', NULL, 'SaaS')$$,
                          '23502', 'svc_public_list', 'a null statement scope is refused');
SELECT ismap_test.refused($$UPDATE ismap.cloud_services SET name = '' WHERE service_id = 1$$,
                          '23502', 'svc_public_list', 'a service name cannot be blanked later');
SELECT ismap_test.refused($$UPDATE ismap.cloud_services SET statement_scope = ' ' WHERE service_id = 1$$,
                          '23502', 'svc_public_list', 'a statement scope cannot be blanked later');
SELECT ismap_test.refused($$UPDATE ismap.cloud_services SET provider_id = 12 WHERE service_id = 1$$,
                          '55000', 'svc_application_by_provider', 'the provider of a service cannot change');
SELECT ismap_test.accepted($$UPDATE ismap.cloud_services SET name_en = 'Sora Fictional Object Storage' WHERE service_id = 1$$,
                           'other columns of a service may be corrected');
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model, program)
                            VALUES (11, '架空そら基盤', '全業務', 'IaaS', 'ismap_liu')$$,
                          '23514', 'liu_scope', 'an IaaS cannot be registered under ISMAP-LIU');
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model, program)
                            VALUES (11, '架空そら実行環境', '全業務', 'PaaS', 'ismap_liu')$$,
                          '23514', 'liu_scope', 'a PaaS cannot be registered under ISMAP-LIU');
SELECT ismap_test.accepted($$INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model, program)
                             VALUES (4, 11, '架空そら日程調整', '日程調整機能の提供に係る業務', 'SaaS', 'ismap_liu')$$,
                           'a SaaS can be registered under ISMAP-LIU');
SELECT ismap_test.refused($$UPDATE ismap.cloud_services SET service_model = 'PaaS' WHERE service_id = 4$$,
                          '23514', 'liu_scope', 'an ISMAP-LIU service cannot become PaaS');
SELECT ismap_test.refused($$UPDATE ismap.cloud_services SET program = 'ismap_liu' WHERE service_id = 1$$,
                          '55000', 'liu_scope', 'a service never changes program (an IaaS cannot move to ISMAP-LIU)');
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
                            VALUES (99, '架空不明サービス', '全業務', 'SaaS')$$,
                          '23503', 'svc_application_by_provider', 'a service of an unknown provider is refused');
SELECT ismap_test.refused($$TRUNCATE ismap.cloud_services CASCADE$$, '55000', 'sec_history',
                          'the services cannot be truncated');
SELECT ismap_test.well_reported($$UPDATE ismap.cloud_services SET provider_id = 12 WHERE service_id = 1$$,
                                'a refusal names its rule in the message and has a detail and a hint');

-- ---------------------------------------------------------------------
-- Audits: the period

SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (audit_id, service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (1, 1, %s, 'operating', '2023-04-01', '2024-03-31', '2024-05-01')$$, :a),
                           'an operating audit of a year, reported after its period, by a valid auditor, is recorded');
SELECT results_eq($$SELECT service_id, assessment::text, period_start, period_end, reported_on FROM ismap.audits WHERE audit_id = 1$$,
                  $$VALUES (1::bigint, 'operating', '2023-04-01'::date, '2024-03-31'::date, '2024-05-01'::date)$$,
                  'as given');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-04-01', '2023-03-31', '2024-05-01')$$, :a),
                          '23514', 'svc_audit_period', 'a period that ends before it starts is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-04-01', '2023-04-01', '2024-05-01')$$, :a),
                          '23514', 'svc_audit_period', 'a one-day period is refused (too short)');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2020-04-01', '2021-04-01', '2021-04-15')$$, :a),
                          '23514', 'svc_audit_period', '2020-04-01..2021-04-01 is too long by one day');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (1, %s, 'operating', '2020-04-01', '2021-03-31', '2021-04-15')$$, :a),
                           '2020-04-01..2021-03-31 (exactly 12 months) is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2020-04-01', '2020-06-29', '2020-07-15')$$, :a),
                          '23514', 'svc_audit_period', '2020-04-01..2020-06-29 is too short by one day');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (1, %s, 'operating', '2020-04-01', '2020-06-30', '2020-07-15')$$, :a),
                           '2020-04-01..2020-06-30 (exactly 3 months) is accepted');
-- Month ends, counted as the Civil Code counts them
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-11-30', '2024-02-28', '2024-03-15')$$, :a),
                          '23514', 'svc_audit_period', '2023-11-30..2024-02-28 is too short (3 months end on 2024-02-29)');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (1, %s, 'operating', '2023-11-30', '2024-02-29', '2024-03-15')$$, :a),
                           '2023-11-30..2024-02-29 lasts 3 months');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-03-01', '2024-03-01', '2024-04-15')$$, :a),
                          '23514', 'svc_audit_period', '2023-03-01..2024-03-01 is too long (12 months end on 2024-02-29)');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (1, %s, 'operating', '2023-03-01', '2024-02-29', '2024-04-15')$$, :a),
                           '2023-03-01..2024-02-29 lasts 12 months');
-- The bounds are settings
UPDATE ismap.settings SET value = '6 months' WHERE name = 'audit_period_max';
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-04-01', '2023-10-01', '2024-05-01')$$, :a),
                          '23514', 'svc_audit_period', 'with audit_period_max 6 months, 2023-04-01..2023-10-01 is too long');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (1, %s, 'operating', '2023-04-01', '2023-09-30', '2024-05-01')$$, :a),
                           'and 2023-04-01..2023-09-30 is accepted');
UPDATE ismap.settings SET value = '1 year' WHERE name = 'audit_period_max';

-- The report date
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-04-01', '2024-03-31', '2024-03-31')$$, :a),
                          '23514', 'svc_audit_period', 'a report dated on the last day of the period is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-04-01', '2024-03-31', '2024-02-01')$$, :a),
                          '23514', 'svc_audit_period', 'a report dated within the period is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (1, %s, 'operating', '2023-04-01', '2024-03-31', '2024-04-01')$$, :a),
                           'a report dated the day after the period is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-04-01', '2024-03-31', '2024-06-02')$$, :a),
                          '23514', 'svc_audit_period', 'a report dated tomorrow is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (1, %s, 'operating', '2023-04-01', '2024-03-31', '2024-06-01')$$, :a),
                           'a report dated today is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-04-01', '2024-03-31', 'infinity')$$, :a),
                          '22007', 'svc_audit_period', 'an infinite report date is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '-infinity', '2024-03-31', '2024-05-01')$$, :a),
                          '22007', 'svc_audit_period', 'an infinite period start is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, 'operating', '2023-04-01', NULL, '2024-05-01')$$, :a),
                          '23502', 'svc_audit_period', 'a missing period end is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (1, %s, NULL, '2023-04-01', '2024-03-31', '2024-05-01')$$, :a),
                          '23502', 'svc_audit_period', 'a missing assessment is refused');

-- ---------------------------------------------------------------------
-- Audits: the auditor on the day of the report

SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-02-29')$$, :b),
                           'a report by auditor B the day before its suspension is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-03-01')$$, :b),
                          '23514', 'svc_audit_by_registered_auditor', 'a report on the day auditor B is suspended is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-03-31')$$, :b),
                          '23514', 'svc_audit_by_registered_auditor', 'a report on the last day of the suspension is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-04-01')$$, :b),
                           'a report on the day the suspension is lifted is accepted');
-- Within one transaction, a suspension recorded after an accepted audit is
-- seen by the next audit of the same auditor (the auditor's facts read for
-- the first are not reused once an auditor table is written).
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (2, %1$s, 'operating', '2023-01-01', '2023-12-31', '2024-05-01');
                                   INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%1$s, 'suspend', '2024-05-02', '監査品質の再度の不備');
                                   INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (2, %1$s, 'operating', '2023-01-01', '2023-12-31', '2024-05-02')$$, :b),
                          '23514', 'svc_audit_by_registered_auditor',
                          'an auditor suspended after an accepted audit, in the same transaction, is seen suspended by the next audit');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (2, %s, 'operating', '2022-01-01', '2022-12-31', '2023-05-01')$$, :c),
                           'a report on the last day of auditor C''s validity is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (2, %s, 'operating', '2022-01-01', '2022-12-31', '2023-05-02')$$, :c),
                          '23514', 'svc_audit_by_registered_auditor', 'a report the day after auditor C expired is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-04-09')$$, :d),
                           'a report the day before auditor D''s removal is accepted');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-04-10')$$, :d),
                          '23514', 'svc_audit_by_registered_auditor', 'a report on the day auditor D is removed is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-05-01')$$, :d),
                          '23514', 'svc_audit_by_registered_auditor', 'a report after auditor D''s removal is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-02-14')$$, :e),
                          '23514', 'svc_audit_by_registered_auditor', 'a report the day before auditor E was registered is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-01-10')$$, :e),
                          '23514', 'svc_audit_by_registered_auditor',
                          'a report after auditor E applied but before its registration is refused');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-02-15')$$, :e),
                           'a report on the day auditor E was registered is accepted');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (2, %s, 'operating', '2022-07-01', '2023-06-30', '2023-09-20')$$, :f),
                           'a report by auditor F in renewal grace is accepted');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (2, %s, 'operating', '2022-07-01', '2023-06-30', '2023-10-19')$$, :f),
                           'and on the last day of its grace');
SELECT ismap_test.refused($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                            VALUES (2, 999999, 'operating', '2023-01-01', '2023-12-31', '2024-05-01')$$,
                          '23503', 'svc_audit_by_registered_auditor', 'an audit by an unknown auditor is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (999, %s, 'operating', '2023-01-01', '2023-12-31', '2024-05-01')$$, :a),
                          '23503', 'svc_audit_by_registered_auditor', 'an audit of an unknown service is refused');
SELECT ismap_test.well_reported(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                         VALUES (2, %s, 'operating', '2023-01-01', '2023-12-31', '2024-05-01')$$, :d),
                                'the refusal of an audit by a removed auditor names its rule and has a detail and a hint');

-- ---------------------------------------------------------------------
-- Conflict of interest: organization 1 is auditor A and provides service 3

SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (3, %s, 'operating', '2023-04-01', '2024-03-31', '2024-05-01')$$, :a),
                          '23514', 'sec_conflict_of_interest', 'an auditor never audits a service of its own organization');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                   VALUES (3, %s, 'design', '2023-10-01', '2024-03-31', '2024-05-01')$$, :a),
                          '23514', 'sec_conflict_of_interest', 'not even a design assessment');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (audit_id, service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (3, 3, %s, 'operating', '2023-04-01', '2024-03-31', '2024-05-01')$$, :e),
                           'another organization''s auditor may audit it');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
                                    VALUES (1, %s, 'design', '2023-10-01', '2024-03-31', '2024-05-01')$$, :a),
                           'and auditor A may audit services of other organizations');

-- ---------------------------------------------------------------------
-- A recorded audit is a fact: never rewritten or deleted

SELECT ismap_test.refused($$UPDATE ismap.audits SET reported_on = '2024-05-02' WHERE audit_id = 1$$,
                          '55000', 'sec_history', 'an audit cannot be rewritten');
SELECT ismap_test.refused(format($$UPDATE ismap.audits SET auditor_id = %s WHERE audit_id = 1$$, :e),
                          '55000', 'sec_history', 'not even its auditor');
SELECT ismap_test.refused($$UPDATE ismap.audits SET period_end = period_end WHERE audit_id = 1$$,
                          '55000', 'sec_history', 'not even by a no-op update');
SELECT ismap_test.refused($$DELETE FROM ismap.audits WHERE audit_id = 1$$,
                          '55000', 'sec_history', 'an audit cannot be deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.audits CASCADE$$, '55000', 'sec_history',
                          'the audits cannot be truncated');
SELECT is((SELECT count(*) FROM ismap.audits), 17::bigint, 'the accepted audits, and only they, are recorded');

-- ---------------------------------------------------------------------
-- References: no foreign keys are declared; the triggers keep them
-- (src/rules/references.c).  A referenced organization or service is never
-- deleted, ids never change, and what nothing refers to may go.

SELECT is((SELECT count(*) FROM pg_constraint
            WHERE contype = 'f' AND connamespace = 'ismap'::regnamespace
              AND conrelid <> 'ismap.setting_overrides'::regclass),
          0::bigint, 'the registry tables declare no foreign keys (the triggers check references)');
SELECT ismap_test.refused($$DELETE FROM ismap.cloud_services WHERE service_id = 1$$,
                          '23503', 'sec_history', 'a service that audits refer to cannot be deleted');
SELECT ismap_test.refused($$UPDATE ismap.cloud_services SET service_id = 99 WHERE service_id = 1$$,
                          '55000', 'sec_history', 'the id of a service never changes');
SELECT ismap_test.refused($$DELETE FROM ismap.organizations WHERE organization_id = 11$$,
                          '23503', 'sec_history', 'a provider of services cannot be deleted');
SELECT ismap_test.refused(format($$DELETE FROM ismap.organizations WHERE organization_id = %s$$,
                                 (SELECT organization_id FROM ismap.auditors WHERE auditor_id = :e)),
                          '23503', 'sec_history', 'an auditor''s organization cannot be deleted');
SELECT ismap_test.refused($$UPDATE ismap.organizations SET organization_id = 99 WHERE organization_id = 12$$,
                          '55000', 'sec_history', 'the id of an organization never changes');
SELECT ismap_test.accepted($$UPDATE ismap.organizations SET name_en = 'Minato Fictional Systems Co., Ltd.' WHERE organization_id = 12$$,
                           'an organization''s other columns may change');
SELECT ismap_test.organization(13, '架空商事株式会社なぎさ') \g /dev/null
INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model)
VALUES (90, 13, '架空なぎさ受発注', '受発注機能の提供に係る業務', 'SaaS');
SELECT ismap_test.refused($$DELETE FROM ismap.organizations WHERE organization_id = 13$$,
                          '23503', 'sec_history', 'an organization is not deleted while its service is recorded');
SELECT ismap_test.accepted($$DELETE FROM ismap.cloud_services WHERE service_id = 90$$,
                           'a service that nothing refers to may be deleted');
SELECT ismap_test.accepted($$DELETE FROM ismap.organizations WHERE organization_id = 13$$,
                           'then its organization too');
SELECT is((SELECT count(*) FROM ismap.organizations WHERE organization_id = 13)
          + (SELECT count(*) FROM ismap.cloud_services WHERE service_id = 90), 0::bigint,
          'both are gone');

-- ---------------------------------------------------------------------
-- Privileges: audits are confidential; the public reads only the list

CREATE ROLE ismap_test_public_20;
SET LOCAL ROLE ismap_test_public_20;
SELECT ismap_test.refused($$SELECT * FROM ismap.audits$$, '42501', NULL, 'the public cannot read the audits');
SELECT ismap_test.refused($$SELECT * FROM ismap.cloud_services$$, '42501', NULL, 'nor the services table');
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
                            VALUES (11, '架空そらメール', '全業務', 'SaaS')$$,
                          '42501', NULL, 'nor write a service');
SELECT ismap_test.accepted($$SELECT * FROM ismap.cloud_service_list$$, 'the public reads the cloud service list');
SELECT ismap_test.accepted($$SELECT * FROM ismap.cloud_service_list_at('2024-01-01')$$,
                           'and the list as it stood on any day');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
