-- Re-audit demands (ovs_reaudit, 5.2): resting on a control change notice
-- or on an investigation closed with issues found, fulfilled by an audit
-- of the service reported by the due date, overdue after it; a suspension
-- resting on one (ovs_suspension, 5.4); and every overdue obligation and
-- late filing on a day (ismap.overdue_obligations_at, ismap.late_filings).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(51);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人かすみ'), (11, '架空クラウド株式会社きらら'),
               (12, '架空クラウド株式会社くじら')) AS o(n, name)
 \g /dev/null
SELECT ismap_test.register(101, 1, '2024-04-01', '2024-05-10') AS a \gset
SELECT ismap_test.service(1, 11, '架空会議室予約') \g /dev/null
SELECT ismap_test.service(2, 12, '架空電子帳簿') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(21, 2, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2025-01-25', '2025-02-10') AS r1 \gset
SELECT ismap_test.svc_register(2001, 2, 21, '2025-01-25', '2025-02-10') AS r2 \gset
-- The auditor's compliance report (due 2025-04-01) is filed on time, so
-- that the overdue obligations below are the oversight ones.
UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-03-20' WHERE auditor_id = :a;

-- A control change notice of service 1 (notified 2025-04-01), a
-- published-information notice of it, and an investigation of
-- registration 2 closed with issues found on 2025-05-20.
SELECT ismap_test.at('2025-04-01', $$INSERT INTO ismap.service_change_notices
  (notice_id, service_id, kind, noticed_on, effective_on, description)
  VALUES (1, 1, 'control_change', '2025-04-01', '2025-04-15', '基盤の移設（架空）')$$) \g /dev/null
SELECT ismap_test.at('2025-04-02', $$INSERT INTO ismap.service_change_notices
  (notice_id, service_id, kind, noticed_on, effective_on, new_name)
  VALUES (2, 1, 'published_info', '2025-04-02', '2025-05-01', '架空会議室予約プラス')$$) \g /dev/null
SELECT ismap_test.at('2025-05-01', format($$INSERT INTO ismap.investigations
  (investigation_id, registration_id, opened_on) VALUES (1, %s, '2025-05-01')$$, :r2)) \g /dev/null
SELECT ismap_test.at('2025-05-01', format($$INSERT INTO ismap.investigations
  (investigation_id, registration_id, opened_on) VALUES (2, %s, '2025-05-01')$$, :r1)) \g /dev/null
SELECT ismap_test.at('2025-05-20', $$UPDATE ismap.investigations SET closed_on = '2025-05-20',
  finding = 'issues_found', finding_text = 'ログの保存期間の不足（架空）' WHERE investigation_id = 1$$) \g /dev/null
SELECT ismap_test.at('2025-05-20', $$UPDATE ismap.investigations SET closed_on = '2025-05-20',
  finding = 'no_issue' WHERE investigation_id = 2$$) \g /dev/null

-- ---------- the grounds of a re-audit demand ----------
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on)
  VALUES (%s, '2025-06-02', '2025-08-31')$$, :r1), '23514', 'ovs_reaudit',
  'a re-audit demand rests on a notice or an investigation');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id, investigation_id)
  VALUES (%s, '2025-06-02', '2025-08-31', 1, 1)$$, :r1), '23514', 'ovs_reaudit',
  'on one of them, not both');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id)
  VALUES (%s, '2025-06-02', '2025-08-31', 2)$$, :r1), '23514', 'ovs_reaudit',
  'a published-information notice is no ground');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id)
  VALUES (%s, '2025-06-02', '2025-08-31', 1)$$, :r2), '23514', 'ovs_reaudit',
  'a notice of another service is no ground');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id)
  VALUES (%s, '2025-03-31', '2025-08-31', 1)$$, :r1), '23514', 'ovs_reaudit',
  'a demand cannot precede the notice it rests on');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id)
  VALUES (%s, '2025-06-02', '2025-08-31', 99)$$, :r1), '23503', 'ovs_reaudit',
  'an unknown notice is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, investigation_id)
  VALUES (%s, '2025-06-02', '2025-08-31', 2)$$, :r1), '23514', 'ovs_reaudit',
  'an investigation closed with no issue is no ground');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, investigation_id)
  VALUES (%s, '2025-06-02', '2025-08-31', 1)$$, :r1), '23514', 'ovs_reaudit',
  'an investigation of another registration is no ground');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, investigation_id)
  VALUES (%s, '2025-05-19', '2025-08-31', 1)$$, :r2), '23514', 'ovs_reaudit',
  'a demand cannot precede the close of the investigation it rests on');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (demanded_on, due_on, notice_id)
  VALUES ('2025-06-02', '2025-08-31', 1)$$), '23514', 'ovs_reaudit',
  'a re-audit demand names its registration');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id)
  VALUES (%s, '2025-06-02', '2025-06-01', 1)$$, :r1), '23514', 'ovs_reaudit',
  'its due date follows its day');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id)
  VALUES (%s, '2025-12-02', '2026-01-31', 1)$$, :r1), '23514', 'ovs_reaudit',
  'it is not made in the future');

SELECT ismap_test.accepted(format($$INSERT INTO ismap.reaudit_demands (demand_id, registration_id, demanded_on, due_on, notice_id, grounds)
  VALUES (1, %s, '2025-06-02', '2025-08-31', 1, '基盤の移設に伴う統制の確認')$$, :r1),
  'a demand resting on a control change notice');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.reaudit_demands (demand_id, registration_id, demanded_on, due_on, investigation_id)
  VALUES (2, %s, '2025-05-20', '2025-08-31', 1)$$, :r2),
  'a demand resting on an investigation closed with issues found that day');
SELECT ismap_test.refused($$UPDATE ismap.reaudit_demands SET due_on = '2025-09-30' WHERE demand_id = 1$$,
  '55000', 'sec_history', 'a re-audit demand is never rewritten');
SELECT ismap_test.refused($$DELETE FROM ismap.reaudit_demands WHERE demand_id = 1$$,
  '55000', 'sec_history', 'nor deleted');

-- ---------- fulfilled by an audit reported by the due date ----------
SELECT is(ismap.demand_status('reaudit', 1, '2025-06-01'), NULL, 'no status before the demand');
SELECT is(ismap.demand_status('reaudit', 1, '2025-08-31'), 'open', 'open on its due day');
SELECT is(ismap.demand_status('reaudit', 1, '2025-09-01'), 'overdue', 'overdue the day after');
-- A design assessment of service 1 reported on the due day, recorded later.
SELECT ismap_test.audit(12, 1, :a, '2025-01-01', '2025-06-30', '2025-08-31', 'design') \g /dev/null
SELECT is(ismap.demand_status('reaudit', 1, '2025-08-30'), 'open', 'open the day before the audit''s report');
SELECT is(ismap.demand_status('reaudit', 1, '2025-08-31'), 'fulfilled', 'a design audit reported on the due day fulfils it');
SELECT is(ismap.demand_status('reaudit', 1, '2025-09-01'), 'fulfilled', 'and it stays fulfilled');
-- An audit of service 2 reported after the due date does not.
SELECT ismap_test.audit(22, 2, :a, '2025-01-01', '2025-06-30', '2025-09-01') \g /dev/null
SELECT is(ismap.demand_status('reaudit', 2, '2025-09-10'), 'overdue', 'an audit reported the day after the due date does not fulfil it');
-- An audit reported before the demand does not either.
SELECT is(ismap.demand_status('reaudit', 2, '2025-05-20'), 'open', 'the audit of 2025-01-20 came before the demand');

-- ---------- a suspension resting on it ----------
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reaudit_demand_id)
  VALUES (%s, 'suspend', '2025-09-01', '再監査の要求の無視', 1)$$, :r1), '23514', 'ovs_suspension',
  'no suspension on a fulfilled demand');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reaudit_demand_id)
  VALUES (%s, 'suspend', '2025-08-31', '再監査の要求の無視', 2)$$, :r2), '23514', 'ovs_suspension',
  'no suspension on a demand on its due day');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reaudit_demand_id)
  VALUES (%s, 'suspend', '2025-09-05', '再監査の要求の無視', 1)$$, :r2), '23514', 'ovs_suspension',
  'no suspension on a demand of another registration');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reaudit_demand_id)
  VALUES (%s, 'suspend', '2025-09-05', '再監査の要求に期限までに応じなかった', 2)$$, :r2),
  'a suspension resting on an overdue re-audit demand');
SELECT is(ismap.service_status(:r2, '2025-09-05'), 'suspended', 'suspended from its effective day');

-- ---------- incidents for the overdue view ----------
SELECT ismap_test.at('2025-10-01', format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
  VALUES (1, %s, '2025-10-01', '不正ログインの試行（架空）')$$, :r1)) \g /dev/null
SELECT ismap_test.at('2025-10-06', $$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
  VALUES (1, 'first', '2025-10-06', '速報（架空）')$$) \g /dev/null

-- ---------- every overdue obligation on a day ----------
SELECT is((SELECT array_agg(kind || ':' || item_id || ':' || days_overdue ORDER BY kind, item_id)
             FROM ismap.overdue_obligations_at('2025-09-01')),
          '{reaudit:2:1}'::text[], 'on 2025-09-01: demand 2, a day overdue');
SELECT is((SELECT array_agg(kind || ':' || item_id || ':' || days_overdue ORDER BY kind, item_id)
             FROM ismap.overdue_obligations_at('2025-10-04')),
          '{reaudit:2:34}'::text[], 'on 2025-10-04, the first report''s due day (recognized + 3 days): not yet overdue');
SELECT is((SELECT array_agg(kind || ':' || item_id || ':' || days_overdue ORDER BY kind, item_id)
             FROM ismap.overdue_obligations_at('2025-10-05')),
          '{incident_first_report:1:1,reaudit:2:35}'::text[], 'on 2025-10-05 the first report is a day overdue');
SELECT is((SELECT array_agg(kind || ':' || item_id ORDER BY kind, item_id)
             FROM ismap.overdue_obligations_at('2025-10-06')),
          '{reaudit:2}'::text[], 'filed (late) on 2025-10-06: no longer overdue');
SELECT is((SELECT array_agg(kind || ':' || item_id ORDER BY kind, item_id)
             FROM ismap.overdue_obligations_at('2025-11-01')),
          '{incident_final_report:1,reaudit:2}'::text[], 'on 2025-11-01 the final report (due 2025-10-31) is overdue');
SELECT is((SELECT registration_number FROM ismap.overdue_obligations_at('2025-11-01') WHERE kind = 'reaudit'),
          (SELECT registration_number FROM ismap.service_registrations WHERE registration_id = :r2),
          'with the registration''s number');
SELECT is((SELECT organization_name FROM ismap.overdue_obligations_at('2025-11-01') WHERE kind = 'reaudit'),
          '架空クラウド株式会社くじら', 'and the provider''s name');
SELECT is((SELECT count(*)::int FROM ismap.overdue_obligations_at('2026-07-01')), 0,
          'nothing is overdue once the registrations have expired (2026-04-30)');
SELECT is((SELECT count(*)::int FROM ismap.overdue_obligations),
          (SELECT count(*)::int FROM ismap.overdue_obligations_at(ismap.today())),
          'the view is the function for today');
-- The due dates follow their settings.
UPDATE ismap.settings SET value = '5 days' WHERE name = 'incident_first_report_days';
SELECT is((SELECT count(*)::int FROM ismap.overdue_obligations_at('2025-10-05') WHERE kind = 'incident_first_report'), 0,
          'with 5 days, the first report is not overdue on 2025-10-05');
UPDATE ismap.settings SET value = default_value WHERE name = 'incident_first_report_days';

-- ---------- late filings ----------
SELECT is((SELECT array_agg(kind || ':' || due_on || ':' || filed_on || ':' || days_late ORDER BY kind)
             FROM ismap.late_filings WHERE kind LIKE 'incident%'),
          '{incident_first_report:2025-10-04:2025-10-06:2}'::text[], 'the first report was filed two days late');
SELECT ismap_test.at('2025-11-20', $$INSERT INTO ismap.service_change_notices
  (notice_id, service_id, kind, noticed_on, effective_on, new_name_en)
  VALUES (3, 1, 'published_info', '2025-11-20', '2025-10-20', 'Fictional Room Booking')$$) \g /dev/null
SELECT ismap_test.at('2025-11-20', $$INSERT INTO ismap.service_change_notices
  (notice_id, service_id, kind, noticed_on, effective_on, new_name_en)
  VALUES (4, 1, 'published_info', '2025-11-20', '2025-10-21', 'Fictional Room Booking Plus')$$) \g /dev/null
SELECT is((SELECT array_agg(due_on || ':' || days_late) FROM ismap.late_filings WHERE kind = 'service_change_notice'),
          '{2025-11-19:1}'::text[], 'a notice 31 days after its effective date is a day late; 30 days after is on time');

-- ---------- confidential (9.1): nothing of this is PUBLIC's ----------
CREATE ROLE ismap_test_public NOLOGIN;
SET LOCAL ROLE ismap_test_public;
SELECT ismap_test.refused($$SELECT * FROM ismap.reaudit_demands$$, '42501', NULL,
  'the public cannot read re-audit demands');
SELECT ismap_test.refused($$SELECT * FROM ismap.reapplication_demands$$, '42501', NULL,
  'nor re-application demands');
SELECT ismap_test.refused($$SELECT * FROM ismap.incidents$$, '42501', NULL, 'nor incidents');
SELECT ismap_test.refused($$SELECT * FROM ismap.incident_reports$$, '42501', NULL, 'nor incident reports');
SELECT ismap_test.refused($$SELECT * FROM ismap.investigations$$, '42501', NULL, 'nor investigations');
SELECT ismap_test.refused($$SELECT * FROM ismap.overdue_obligations$$, '42501', NULL, 'nor the overdue obligations');
SELECT ismap_test.refused($$SELECT * FROM ismap.overdue_obligations_at('2025-10-05')$$, '42501', NULL,
  'nor the overdue obligations of a day');
SELECT ismap_test.refused($$SELECT * FROM ismap.late_filings$$, '42501', NULL, 'nor the late filings');
SELECT ismap_test.refused($$SELECT ismap.demand_status('reaudit', 1)$$, '42501', NULL, 'nor a demand''s status');
SELECT ismap_test.refused($$INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id)
  VALUES (1, '2025-06-02', '2025-08-31', 1)$$, '42501', NULL, 'nor make a demand');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
