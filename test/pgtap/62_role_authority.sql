-- Who does what (sec_role_authority, 2.2, 7.1-7.5, 9.3; README, "Access"):
-- each act of the registry is done by the capacity whose part it is and
-- refused to every other, with SQLSTATE 42501 and the rule id, changing
-- nothing.  The actors are login roles made in this transaction, one per
-- capacity, a second provider and two more auditors of other
-- organizations, a provider mapped to no organization, and a role with two
-- capacities.  A role without the table privilege is refused by
-- PostgreSQL itself; one that holds it (its capacity's grant, or one given
-- to it directly below) is refused by the C check of the write's trigger.
-- An UPDATE of rows that row-level security hides from a role finds none
-- and does nothing.  Then the ways around the checks, and what a superuser
-- may do and the log says of it.  (COPY by a role: 62_copy_by_a_role.psql,
-- run at the top of this suite.)
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

-- A provider's COPY ... FROM STDIN, in a psql of its own before this
-- suite's transaction (see 34_copy_by_a_role.psql for why); its output is
-- checked at the end.
\set copy_by_a_role `psql -X -h :'HOST' -p :'PORT' -U :'USER' -d :'DBNAME' -f test/pgtap/62_copy_by_a_role.psql 2>&1`

BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
\ir authority_helpers.psql
SELECT plan(474);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;

-- ---------------------------------------------------------------------
-- The registry, as a superuser records it: audit firms 1 and 2
-- registered, 3 and 4 applying; providers 11 and 12.

SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人あおば'), (2, '架空監査法人いちょう'), (3, '架空監査法人うめ'),
               (4, '架空監査法人えのき'), (11, '架空クラウド株式会社かえで'),
               (12, '架空クラウド株式会社きり')) AS o(n, name)
 \g /dev/null
SELECT ismap_test.lasting_auditor(100, 1, '2023-01-10', '2025-12-01') AS a \gset
SELECT ismap_test.lasting_auditor(200, 2, '2023-01-10', '2025-12-01') AS b \gset
-- auditor application 6001 of firm 4, accepted
SELECT ismap_test.file(6001, 4, '2025-11-01') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 6001;

-- services 1, 3, 5 of provider 11; 2, 4 of provider 12
SELECT ismap_test.service(n, CASE WHEN n % 2 = 1 THEN 11 ELSE 12 END, format('架空権限検証サービス%s', n))
  FROM generate_series(1, 5) AS n \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2024-01-01', '2024-12-31', '2025-01-25') \g /dev/null
SELECT ismap_test.audit(21, 2, :a, '2024-01-01', '2024-12-31', '2025-01-25') \g /dev/null
SELECT ismap_test.audit(31, 3, :a, '2024-10-01', '2025-09-30', '2025-10-20') \g /dev/null
SELECT ismap_test.audit(41, 4, :b, '2024-10-01', '2025-09-30', '2025-10-20') \g /dev/null
SELECT ismap_test.audit(51, 5, :a, '2024-10-01', '2025-09-30', '2025-10-20') \g /dev/null
-- services 1 and 2 registered; 3 applying (submitted), 4 applying (accepted)
SELECT ismap_test.svc_register(1001, 1, 11, '2025-02-01', '2025-02-20') AS r1 \gset
SELECT ismap_test.svc_register(2001, 2, 21, '2025-02-01', '2025-02-20') AS r2 \gset
SELECT ismap_test.svc_file(3001, 3, '2025-11-10', 31) \g /dev/null
SELECT ismap_test.svc_file(4001, 4, '2025-11-10', 41) \g /dev/null
SELECT ismap_test.svc_decide(4001, 'accepted', NULL) \g /dev/null
-- registration 2 suspended; an incident of registration 1; a control
-- change notice of service 1; an investigation of registration 2
SELECT ismap_test.svc_change(:r2, 'suspend', '2025-11-20') \g /dev/null
INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
VALUES (1, :r1, '2025-11-28', '架空の不正アクセス');
SELECT ismap_test.at('2025-11-01', $$INSERT INTO ismap.service_change_notices
  (notice_id, service_id, kind, noticed_on, effective_on, description)
  VALUES (1, 1, 'control_change', '2025-11-01', '2025-11-15', '基盤の移設（架空）')$$) \g /dev/null
SELECT ismap_test.at('2025-11-01', format($$INSERT INTO ismap.investigations
  (investigation_id, registration_id, opened_on) VALUES (1, %s, '2025-11-01')$$, :r2)) \g /dev/null
-- auditor 1's compliance report of its last approval, not yet filed
SELECT max(report_id) AS report FROM ismap.auditor_compliance_reports
 WHERE auditor_id = :a AND filed_on IS NULL \gset

-- ---------------------------------------------------------------------
-- The actors, and the organizations the committee maps them to (here a
-- superuser, who may too).

CREATE ROLE regress_p1 LOGIN IN ROLE ismap_provider;
CREATE ROLE regress_p2 LOGIN IN ROLE ismap_provider;
CREATE ROLE regress_p0 LOGIN IN ROLE ismap_provider;    -- mapped to nothing
CREATE ROLE regress_a1 LOGIN IN ROLE ismap_auditor;
CREATE ROLE regress_a2 LOGIN IN ROLE ismap_auditor;
CREATE ROLE regress_a3 LOGIN IN ROLE ismap_auditor;     -- a firm applying
CREATE ROLE regress_op LOGIN IN ROLE ismap_operator;
CREATE ROLE regress_cm LOGIN IN ROLE ismap_committee;
CREATE ROLE regress_mi LOGIN IN ROLE ismap_ministry;
CREATE ROLE regress_pr LOGIN IN ROLE ismap_procurer;
CREATE ROLE regress_rd LOGIN IN ROLE ismap_reader;
CREATE ROLE regress_duo LOGIN IN ROLE ismap_operator, ismap_committee;
INSERT INTO ismap.role_organizations (role_name, organization_id)
VALUES ('regress_p1', 11), ('regress_p2', 12), ('regress_a1', 1), ('regress_a2', 2),
       ('regress_a3', 3);
INSERT INTO ismap_test.actors (role_name, ord)
SELECT r, o FROM unnest('{regress_p1, regress_p2, regress_p0, regress_a1, regress_a2, regress_a3,
                          regress_op, regress_cm, regress_mi, regress_pr, regress_rd,
                          regress_duo}'::name[]) WITH ORDINALITY AS u(r, o);

SELECT is((SELECT count(*)::int FROM ismap.service_applications), 4,
          'the fixture: four service applications, before the acts');

-- ---------------------------------------------------------------------
-- Providers: their services, applications, incidents and notices

SELECT ismap_test.authority('register a cloud service of provider 11',
  $$INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model)
    VALUES (9, 11, '架空新規サービス', '架空新規サービスの全業務', 'SaaS')$$,
  '{regress_p1}', '{regress_p2, regress_p0}');
SELECT ismap_test.authority('register a cloud service of provider 12',
  $$INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model)
    VALUES (9, 12, '架空新規サービス', '架空新規サービスの全業務', 'SaaS')$$,
  '{regress_p2}', '{regress_p1, regress_p0}');
-- What the lists publish of a service changes by a change notice, a
-- mistake by ismap.correct(): nobody rewrites a service in place (the
-- committee holds UPDATE for correct()).
SELECT ismap_test.authority('change a cloud service of provider 11 in place',
  $$UPDATE ismap.cloud_services SET name_en = 'Fictional Service One' WHERE service_id = 1$$,
  '{}', '{regress_cm, regress_duo}');
SELECT ismap_test.authority('file a service application for service 5 (provider 11)',
  $$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
    VALUES (9001, 5, '2025-12-01', 51)$$,
  '{regress_p1}', '{regress_p2, regress_p0}');
SELECT ismap_test.authority('withdraw service application 3001 (provider 11)',
  $$UPDATE ismap.service_applications SET status = 'withdrawn', decided_on = '2025-12-01'
     WHERE application_id = 3001$$,
  '{regress_p1}', '{regress_op, regress_cm, regress_duo}', '{regress_p2, regress_p0}');
SELECT ismap_test.authority('file an incident of registration 1 (provider 11)',
  format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
           VALUES (901, %s, '2025-11-30', '架空の情報漏えい')$$, :r1),
  '{regress_p1}', '{regress_p2, regress_p0}');
SELECT ismap_test.authority('file a report of incident 1 (provider 11)',
  $$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
    VALUES (1, 'first', '2025-12-01', '架空の速報')$$,
  '{regress_p1}', '{regress_p2, regress_p0}');
SELECT ismap_test.authority('file a change notice of service 1 (provider 11)',
  $$INSERT INTO ismap.service_change_notices (notice_id, service_id, kind, noticed_on, effective_on, description)
    VALUES (901, 1, 'control_change', '2025-12-01', '2025-12-15', '認証基盤の更改（架空）')$$,
  '{regress_p1}', '{regress_p2, regress_p0}');
SELECT ismap_test.authority('file a change notice of provider 11',
  $$INSERT INTO ismap.organization_change_notices (organization_id, noticed_on, effective_on, new_name)
    VALUES (11, '2025-12-01', '2025-12-15', '架空クラウド株式会社かえで新')$$,
  '{regress_p1}', '{regress_p2, regress_p0, regress_a1, regress_a2, regress_a3}');

-- ---------- auditors: their audits, applications, reports and notices ----------

SELECT ismap_test.authority('record an audit by auditor 1',
  format($$INSERT INTO ismap.audits (audit_id, service_id, auditor_id, assessment, period_start,
                                     period_end, reported_on)
           VALUES (901, 5, %s, 'operating', '2024-11-01', '2025-10-31', '2025-11-25')$$, :a),
  '{regress_a1}', '{regress_a2, regress_a3}');
SELECT ismap_test.authority('file an auditor application of firm 3',
  $$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
    VALUES (9101, 3, '2025-12-01')$$,
  '{regress_a3}', '{regress_a1, regress_a2}');
SELECT ismap_test.file(5001, 3, '2025-11-15') \g /dev/null
SELECT ismap_test.authority('withdraw auditor application 5001 (firm 3)',
  $$UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2025-12-01'
     WHERE application_id = 5001$$,
  '{regress_a3}', '{regress_op, regress_cm, regress_duo}', '{regress_a1, regress_a2}');
SELECT ismap_test.authority('file auditor 1''s compliance report',
  format($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-11-30' WHERE report_id = %s$$,
         :report),
  '{regress_a1}', '{}', '{regress_a2, regress_a3}');
SELECT ismap_test.authority('file a change notice of audit firm 1',
  $$INSERT INTO ismap.organization_change_notices (organization_id, noticed_on, effective_on, new_name)
    VALUES (1, '2025-12-01', '2025-12-15', '架空監査法人あおば新')$$,
  '{regress_a1}', '{regress_a2, regress_a3, regress_p1, regress_p2, regress_p0}');

-- ---------- the operator accepts and returns, the committee approves and rejects ----------

SELECT ismap_test.authority('accept service application 3001',
  $$UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 3001$$,
  '{regress_op, regress_duo}', '{regress_cm, regress_p1}', '{regress_p2, regress_p0}');
SELECT ismap_test.authority('return service application 3001',
  $$UPDATE ismap.service_applications SET status = 'returned', decided_on = '2025-12-01'
     WHERE application_id = 3001$$,
  '{regress_op, regress_duo}', '{regress_cm, regress_p1}', '{regress_p2, regress_p0}');
SELECT ismap_test.authority('approve service application 4001',
  $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-12-01'
     WHERE application_id = 4001$$,
  '{regress_cm, regress_duo}', '{regress_op, regress_p2}', '{regress_p1, regress_p0}');
SELECT ismap_test.authority('reject service application 4001',
  $$UPDATE ismap.service_applications SET status = 'rejected', decided_on = '2025-12-01'
     WHERE application_id = 4001$$,
  '{regress_cm, regress_duo}', '{regress_op, regress_p2}', '{regress_p1, regress_p0}');
SELECT ismap_test.authority('accept auditor application 5001',
  $$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 5001$$,
  '{regress_op, regress_duo}', '{regress_cm, regress_a3}', '{regress_a1, regress_a2}');
SELECT ismap_test.authority('return auditor application 5001',
  $$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2025-12-01'
     WHERE application_id = 5001$$,
  '{regress_op, regress_duo}', '{regress_cm, regress_a3}', '{regress_a1, regress_a2}');
SELECT ismap_test.authority('approve auditor application 6001',
  $$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2025-12-01'
     WHERE application_id = 6001$$,
  '{regress_cm, regress_duo}', '{regress_op}', '{regress_a1, regress_a2, regress_a3}');
SELECT ismap_test.authority('reject auditor application 6001',
  $$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2025-12-01'
     WHERE application_id = 6001$$,
  '{regress_cm, regress_duo}', '{regress_op}', '{regress_a1, regress_a2, regress_a3}');

-- ---------- the committee: status changes, investigations, demands ----------

SELECT ismap_test.authority('suspend registration 1',
  format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
           VALUES (%s, 'suspend', '2025-12-01', '架空の重大インシデントの未報告')$$, :r1),
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('lift the suspension of registration 2',
  format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
           VALUES (%s, 'lift', '2025-12-01', '是正措置の完了を確認')$$, :r2),
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('remove registration 1',
  format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
           VALUES (%s, 'remove', '2025-12-01', '登録要件を満たさなくなったため')$$, :r1),
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('suspend auditor 2',
  format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
           VALUES (%s, 'suspend', '2025-12-01', '監査の品質の不足（架空）')$$, :b),
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('open an investigation of registration 1',
  format($$INSERT INTO ismap.investigations (investigation_id, registration_id, opened_on)
           VALUES (901, %s, '2025-12-01')$$, :r1),
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('close investigation 1',
  $$UPDATE ismap.investigations SET closed_on = '2025-12-01', finding = 'no_issue'
     WHERE investigation_id = 1$$,
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('demand a re-audit of registration 1',
  format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id)
           VALUES (%s, '2025-12-01', '2026-02-28', 1)$$, :r1),
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('demand a re-application of registration 1',
  format($$INSERT INTO ismap.reapplication_demands (registration_id, demanded_on, due_on, grounds)
           VALUES (%s, '2025-12-01', '2026-01-31', '登録内容の重大な変更（架空）')$$, :r1),
  '{regress_cm, regress_duo}');

-- ---------- the committee: mappings, settings, corrections; organizations ----------

SELECT ismap_test.authority('map a role to an organization',
  $$INSERT INTO ismap.role_organizations (role_name, organization_id) VALUES ('regress_p0', 11)$$,
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('end a mapping',
  $$DELETE FROM ismap.role_organizations WHERE role_name = 'regress_p1'$$,
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('revise a setting',
  $$UPDATE ismap.settings SET value = '5 days' WHERE name = 'change_notice_days'$$,
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('correct the record (ismap.correct)',
  $$SELECT ismap.correct('ismap.cloud_services', 1, '{"name": "架空権限検証サービス壱"}', '名称の誤記')$$,
  '{regress_cm, regress_duo}');
SELECT ismap_test.authority('record an organization',
  format($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
           VALUES (50, %L, '架空商事株式会社')$$, ismap_test.corporate_number('999900000050')),
  '{regress_op, regress_cm, regress_duo}');
SELECT ismap_test.authority('rename an organization',
  $$UPDATE ismap.organizations SET name_en = 'Kaede Fictional Cloud K.K.' WHERE organization_id = 11$$,
  '{regress_op, regress_cm, regress_duo}');

-- The ministry wrote nothing above, and holds no write privilege at all.
SELECT is((SELECT count(*)::int
             FROM pg_class c, unnest('{INSERT, UPDATE, DELETE, TRUNCATE}'::text[]) AS p(op)
            WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind IN ('r', 'v')
              AND (has_table_privilege('regress_mi', c.oid, p.op)
                   OR (p.op IN ('INSERT', 'UPDATE')
                       AND has_any_column_privilege('regress_mi', c.oid, p.op)))), 0,
          'the ministry holds no write privilege on any table or view of ismap');

-- ---------------------------------------------------------------------
-- A privilege is not an authority: a role given a table privilege
-- directly is still refused by the C check of what it is not.

GRANT INSERT ON ismap.audits TO regress_p1;
SELECT is(ismap_test.outcome_as('regress_p1', format($$INSERT INTO ismap.audits
            (audit_id, service_id, auditor_id, assessment, period_start, period_end, reported_on)
            VALUES (902, 1, %s, 'operating', '2024-11-01', '2025-10-31', '2025-11-25')$$, :a)),
          '42501 sec_role_authority', 'a provider given INSERT on audits may not record an audit');
GRANT UPDATE ON ismap.service_applications TO regress_mi;
SELECT is(ismap_test.outcome_as('regress_mi',
            $$UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 3001$$),
          '42501 sec_role_authority', 'the ministry given UPDATE on applications may not accept one');
GRANT INSERT ON ismap.service_status_changes, ismap.investigations, ismap.reaudit_demands,
  ismap.reapplication_demands, ismap.auditor_status_changes TO regress_op;
GRANT UPDATE ON ismap.investigations TO regress_op;
SELECT is(ismap_test.outcome_as('regress_op', format($$INSERT INTO ismap.service_status_changes
            (registration_id, action, effective_on, grounds) VALUES (%s, 'suspend', '2025-12-01', '理由')$$, :r1)),
          '42501 sec_role_authority', 'the operator given INSERT on status changes may not suspend');
SELECT is(ismap_test.outcome_as('regress_op', format($$INSERT INTO ismap.auditor_status_changes
            (auditor_id, action, effective_on, grounds) VALUES (%s, 'suspend', '2025-12-01', '理由')$$, :b)),
          '42501 sec_role_authority', 'nor suspend an auditor');
SELECT is(ismap_test.outcome_as('regress_op', format($$INSERT INTO ismap.investigations
            (registration_id, opened_on) VALUES (%s, '2025-12-01')$$, :r1)),
          '42501 sec_role_authority', 'nor open an investigation');
SELECT is(ismap_test.outcome_as('regress_op', $$UPDATE ismap.investigations
            SET closed_on = '2025-12-01', finding = 'no_issue' WHERE investigation_id = 1$$),
          '42501 sec_role_authority', 'nor close one');
SELECT is(ismap_test.outcome_as('regress_op', format($$INSERT INTO ismap.reaudit_demands
            (registration_id, demanded_on, due_on, notice_id) VALUES (%s, '2025-12-01', '2026-02-28', 1)$$, :r1)),
          '42501 sec_role_authority', 'nor demand a re-audit');
SELECT is(ismap_test.outcome_as('regress_op', format($$INSERT INTO ismap.reapplication_demands
            (registration_id, demanded_on, due_on) VALUES (%s, '2025-12-01', '2026-01-31')$$, :r1)),
          '42501 sec_role_authority', 'nor a re-application');
GRANT INSERT, DELETE ON ismap.role_organizations TO regress_p1;
SELECT is(ismap_test.outcome_as('regress_p1',
            $$INSERT INTO ismap.role_organizations VALUES ('regress_p1', 12)$$),
          '42501 sec_role_authority', 'a provider given INSERT on the mappings may not map itself to another provider');
SELECT is(ismap_test.outcome_as('regress_p1',
            $$DELETE FROM ismap.role_organizations WHERE role_name = 'regress_p1'$$),
          '42501 sec_role_authority', 'nor delete its own mapping');
GRANT UPDATE (value) ON ismap.settings TO regress_op;
SELECT is(ismap_test.outcome_as('regress_op',
            $$UPDATE ismap.settings SET value = '5 days' WHERE name = 'change_notice_days'$$),
          '42501 sec_role_authority', 'the operator given UPDATE on the settings may not revise one');
GRANT EXECUTE ON FUNCTION ismap.correct(regclass, bigint, jsonb, text) TO regress_op;
GRANT UPDATE ON ismap.cloud_services TO regress_op;
SELECT is(ismap_test.outcome_as('regress_op',
            $$SELECT ismap.correct('ismap.cloud_services', 1, '{"name": "架空権限検証サービス壱"}', '名称の誤記')$$),
          '42501 sec_role_authority', 'the operator given EXECUTE on ismap.correct() may not correct the record');
SELECT is(ismap_test.outcome_as('regress_op',
            $$UPDATE ismap.cloud_services SET name = '架空権限検証サービス壱' WHERE service_id = 1$$),
          '42501 sec_role_authority', 'nor change a provider''s service');
GRANT INSERT, UPDATE ON ismap.organizations TO regress_p1;
SELECT is(ismap_test.outcome_as('regress_p1',
            $$UPDATE ismap.organizations SET name_en = 'Kaede K.K.' WHERE organization_id = 11$$),
          '42501 sec_role_authority', 'a provider given UPDATE on organizations may not rewrite its own');
GRANT UPDATE (filed_on) ON ismap.auditor_compliance_reports TO regress_cm;
SELECT is(ismap_test.outcome_as('regress_cm',
            format($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-11-30' WHERE report_id = %s$$, :report)),
          '42501 sec_role_authority', 'the committee given UPDATE on compliance reports may not file an auditor''s');

-- ---------------------------------------------------------------------
-- A role with two capacities has both (above: regress_duo accepts and
-- approves); and SET ROLE acts as the role set, not as the session's
-- user: regress_duo set to a plain operator's role may no longer approve.

GRANT regress_op TO regress_duo;
SET LOCAL SESSION AUTHORIZATION regress_duo;
SET LOCAL ROLE regress_op;
SELECT is(ismap_test.outcome_as(current_user,
            $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-12-01'
               WHERE application_id = 4001$$),
          '42501 sec_role_authority', 'SET ROLE acts as the role set: the committee''s member set to an operator''s role may not approve');
RESET ROLE;
SELECT is(ismap_test.outcome_as(current_user,
            $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-12-01'
               WHERE application_id = 4001$$),
          'done', 'and RESET ROLE acts as itself again');
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------
-- The ways around: every path to a table meets its trigger.

SELECT is(ismap_test.outcome_as('regress_p1',
            $$WITH s AS (INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model)
                         VALUES (9, 12, '架空新規サービス', '架空新規サービスの全業務', 'SaaS') RETURNING service_id)
              SELECT count(*) FROM s$$),
          '42501 sec_role_authority', 'a writable CTE registering another provider''s service is refused');
SELECT is(ismap_test.outcome_as('regress_p1',
            $$WITH a AS (UPDATE ismap.service_applications SET status = 'accepted'
                          WHERE application_id = 3001 RETURNING application_id)
              SELECT count(*) FROM a$$),
          '42501 sec_role_authority', 'a writable CTE accepting its own application is refused');
SELECT is(ismap_test.outcome_as('regress_p1',
            $$INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model)
              SELECT 90 + n, p, format('架空一括サービス%s', n), '全業務', 'SaaS'
                FROM unnest('{11, 11, 12}'::bigint[]) WITH ORDINALITY AS u(p, n)$$),
          '42501 sec_role_authority', 'INSERT ... SELECT of three services, the last of another provider: refused');
SELECT is((SELECT count(*)::int FROM ismap.cloud_services WHERE service_id > 90), 0,
          'and none of the three is recorded (outcome_as checks the whole registry too)');
SELECT is(ismap_test.outcome_as('regress_p1',
            $$INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model)
              SELECT 90 + n, p, format('架空一括サービス%s', n), '全業務', 'SaaS'
                FROM unnest('{12, 11}'::bigint[]) WITH ORDINALITY AS u(p, n)$$),
          '42501 sec_role_authority', 'the same, the first of another provider: refused');
SELECT is(ismap_test.outcome_as('regress_p1',
            $$UPDATE ismap.service_applications SET status = 'withdrawn', decided_on = '2025-12-01'
               WHERE application_id IN (3001, 4001)$$),
          'done', 'an UPDATE of its own and another provider''s application withdraws its own alone');
SELECT is(ismap_test.outcome_as('regress_p1',
            $$UPDATE ismap.service_applications SET status = 'withdrawn', decided_on = '2025-12-01'
               WHERE application_id IN (3001, 4001) RETURNING application_id$$),
          'done', '(RETURNING too)');

-- A function of the caller's, run inside another statement: it runs with
-- the caller's rights, and its write meets the same check.
CREATE FUNCTION ismap_test.register_for(provider bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model)
  VALUES (99, provider, '架空関数経由サービス', '全業務', 'SaaS');
  RETURN true;
END $$;
SELECT is(ismap_test.outcome_as('regress_p1',
            $$SELECT count(*) FROM ismap.cloud_service_list WHERE ismap_test.register_for(12)$$),
          '42501 sec_role_authority', 'a function in a query''s WHERE clause registering another provider''s service is refused');
SELECT is(ismap_test.outcome_as('regress_p1', $$SELECT ismap_test.register_for(11)$$),
          'done', 'the same function registering its own is done');
SELECT is(ismap_test.outcome_as('regress_rd', $$SELECT ismap_test.register_for(11)$$),
          '42501 permission denied', 'and by the public is refused');
-- A trigger of the caller's on a table of its own: its write is the
-- caller's too.
CREATE TABLE ismap_test.outbox (provider bigint);
GRANT INSERT ON ismap_test.outbox TO PUBLIC;
CREATE FUNCTION ismap_test.outbox_register() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ismap_test.register_for(NEW.provider);
  RETURN NEW;
END $$;
CREATE TRIGGER register AFTER INSERT ON ismap_test.outbox
  FOR EACH ROW EXECUTE FUNCTION ismap_test.outbox_register();
SELECT is(ismap_test.outcome_as('regress_p1', $$INSERT INTO ismap_test.outbox VALUES (12)$$),
          '42501 sec_role_authority', 'a trigger of the caller''s registering another provider''s service is refused');
-- The extension lends nobody its rights to write: its SECURITY DEFINER
-- functions (the lists as known at a time, the reports) only read, and
-- PostgreSQL keeps a function that is not VOLATILE from writing.
SELECT is((SELECT string_agg(p.oid::regprocedure::text, ', ') FROM pg_proc p
            WHERE p.pronamespace = 'ismap'::regnamespace AND p.prosecdef
              AND (p.provolatile = 'v' OR p.prolang NOT IN (SELECT oid FROM pg_language
                                                             WHERE lanname IN ('sql', 'plpgsql')))),
          NULL, 'every SECURITY DEFINER function of ismap is an SQL or PL/pgSQL one that cannot write (not VOLATILE)');

-- COPY ... FROM STDIN by roles (62_copy_by_a_role.psql, run above)
SELECT matches(:'copy_by_a_role'::text,
               '(^|\n)psql:[^\n]*: ERROR:  0A000: COPY FROM not supported with row-level security\n',
               'a provider''s COPY into a table under row-level security is refused by PostgreSQL');
SELECT matches(:'copy_by_a_role'::text,
               '(^|\n)psql:[^\n]*: ERROR:  42501: sec_role_authority: role regress_copier_p1 may not record an organization\n',
               'a provider''s COPY into organizations, though given INSERT, is refused: 42501 sec_role_authority');
SELECT matches(:'copy_by_a_role'::text, '\nCONTEXT:  COPY organizations, line 1: ',
               'at its first row');
SELECT matches(:'copy_by_a_role'::text, '\nCONSTRAINT NAME:  sec_role_authority\n',
               'the refusal names its rule as the constraint');
SELECT is((SELECT count(*)::int FROM regexp_matches(:'copy_by_a_role'::text, 'ERROR:', 'g')), 2,
          'the two refusals are the only errors of that session');
SELECT matches(:'copy_by_a_role'::text,
               '(^|\n)after the refused COPYs: 0 services, 2 organizations, 0 log rows, registry unchanged(\n|$)',
               'the refused COPYs leave no row, no log row, and the registry as it was');
SELECT matches(:'copy_by_a_role'::text,
               '(^|\n)after the operator''s COPY: 4 organizations, logged as regress_copier_op(\n|$)',
               'an operator''s COPY of organizations is taken, and logged as the operator');

-- ---------------------------------------------------------------------
-- A superuser may do everything, and the log records who did.

SELECT max(seq) AS seq0 FROM ismap.history \gset
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-12-01'
                              WHERE application_id = 4001$$, 'a superuser approves');
SELECT ismap_test.accepted($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
                             SELECT 902, registration_id, '2025-12-01', '架空の障害' FROM ismap.service_applications
                              WHERE application_id = 4001$$, 'and files an incident of the provider''s');
SELECT is((SELECT string_agg(DISTINCT acting_user_name || '/' || session_user_name, ', ')
             FROM ismap.history WHERE seq > :seq0),
          current_user || '/' || session_user, 'the log names the superuser as the acting and the session user');
SELECT max(seq) AS seq0 FROM ismap.history \gset
SET LOCAL ROLE regress_p1;
INSERT INTO ismap.cloud_services (service_id, provider_id, name, statement_scope, service_model)
VALUES (8, 11, '架空記録サービス', '架空記録サービスの全業務', 'SaaS');
RESET ROLE;
SELECT results_eq(format($$SELECT table_name, acting_user_name::text, session_user_name::text
                             FROM ismap.history WHERE seq > %s ORDER BY seq$$, :seq0),
                  format($$VALUES ('cloud_services', 'regress_p1', %L)$$, session_user),
                  'a role''s write is logged with the role as the acting user, the session''s user beside it');

SELECT * FROM finish();
ROLLBACK;
