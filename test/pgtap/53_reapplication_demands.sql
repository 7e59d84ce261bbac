-- Re-application demands (ovs_reapplication, 5.3), the applications of
-- kind 'reapplication' they allow, their status on any day, and a
-- suspension resting on an overdue demand (ovs_suspension, 5.4).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(66);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人あけぼの'), (2, '架空監査法人いろは'),
               (11, '架空クラウド株式会社うみべ'), (12, '架空クラウド株式会社えにし')) AS o(n, name)
 \g /dev/null

-- Auditor A (org 1) registered 2024-05-10, valid until 2026-04-01; auditor
-- B (org 2) registered 2024-06-10, valid until 2026-05-01.  Service 1
-- (provider 11) registered 2025-02-10 on an audit of 2024, valid until
-- 2026-04-30; service 2 (provider 12) registered the same day.
SELECT ismap_test.register(101, 1, '2024-04-01', '2024-05-10') AS a \gset
SELECT ismap_test.register(201, 2, '2024-05-01', '2024-06-10') AS b \gset
SELECT ismap_test.service(1, 11, '架空ストレージ') \g /dev/null
SELECT ismap_test.service(2, 12, '架空ワークフロー') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(21, 2, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2025-01-25', '2025-02-10') AS r1 \gset
SELECT ismap_test.svc_register(2001, 2, 21, '2025-01-25', '2025-02-10') AS r2 \gset

-- ---------- recording a demand ----------
SELECT ismap_test.refused(format($$INSERT INTO ismap.reapplication_demands (demanded_on, due_on)
  VALUES ('2025-06-02', '2025-07-31')$$), '23514', 'ovs_reapplication',
  'a demand names its subject');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reapplication_demands (registration_id, auditor_id, demanded_on, due_on)
  VALUES (%s, %s, '2025-06-02', '2025-07-31')$$, :r1, :a), '23514', 'ovs_reapplication',
  'a demand names one subject, not two');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reapplication_demands (registration_id, due_on)
  VALUES (%s, '2025-07-31')$$, :r1), '23514', 'ovs_reapplication',
  'a demand needs its day');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reapplication_demands (registration_id, demanded_on, due_on)
  VALUES (%s, '2025-06-02', '2025-06-02')$$, :r1), '23514', 'ovs_reapplication',
  'the due date is after the day of the demand, not on it');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reapplication_demands (registration_id, demanded_on, due_on)
  VALUES (%s, '2025-12-02', '2026-01-31')$$, :r1), '23514', 'ovs_reapplication',
  'a demand is not made in the future (tomorrow)');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reapplication_demands (registration_id, demanded_on, due_on)
  VALUES (%s, '2025-02-09', '2025-03-31')$$, :r1), '23514', 'ovs_reapplication',
  'a demand is made of a registration registered that day (the day before registration)');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reapplication_demands (registration_id, demanded_on, due_on)
  VALUES (%s, '-infinity', '2025-03-31')$$, :r1), '22007', 'ovs_reapplication',
  'a demand''s day is a calendar day');
SELECT ismap_test.refused($$INSERT INTO ismap.reapplication_demands (registration_id, demanded_on, due_on)
  VALUES (999, '2025-06-02', '2025-07-31')$$, '23503', 'ovs_reapplication',
  'a demand is made of a recorded registration');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reapplication_demands (registration_id, demanded_on, due_on, grounds)
  VALUES (%s, '2025-06-02', '2025-07-31', '  ')$$, :r1), '23514', 'ovs_reapplication',
  'blank grounds are refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.reapplication_demands (registration_id, demanded_on, due_on) VALUES
  (%s, '2025-06-02', '2025-07-31'), (%s, '2025-06-02', '2025-06-01')$$, :r1, :r2), '23514', 'ovs_reapplication',
  'a multi-row INSERT with one bad row writes nothing');

-- Demand D1 of registration 1 on 2025-06-02, due 2025-07-31 (the day it is
-- made is registered: on the day of registration itself also works).
SELECT ismap_test.accepted(format($$INSERT INTO ismap.reapplication_demands (demand_id, registration_id, demanded_on, due_on, grounds)
  VALUES (1, %s, '2025-06-02', '2025-07-31', '監査報告の重大な不備（架空）')$$, :r1),
  'a demand of a registered service is recorded');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.reapplication_demands (demand_id, registration_id, demanded_on, due_on)
  VALUES (2, %s, '2025-02-10', '2025-03-31')$$, :r2),
  'a demand on the day of registration, without grounds, is recorded');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.reapplication_demands (demand_id, auditor_id, demanded_on, due_on, grounds)
  VALUES (3, %s, '2025-09-01', '2025-10-31', '要求基準の不遵守（架空）')$$, :b),
  'a demand of a registered auditor is recorded');

SELECT ismap_test.refused($$UPDATE ismap.reapplication_demands SET due_on = '2025-08-31' WHERE demand_id = 1$$,
  '55000', 'sec_history', 'a demand is never rewritten');
SELECT ismap_test.refused($$DELETE FROM ismap.reapplication_demands WHERE demand_id = 1$$,
  '55000', 'sec_history', 'a demand is never deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.reapplication_demands$$,
  '55000', 'sec_history', 'demands are never truncated');

-- ---------- status on any day ----------
SELECT is(ismap.demand_status('reapplication', 1, '2025-06-01'), NULL, 'no status before the demand');
SELECT is(ismap.demand_status('reapplication', 1, '2025-06-02'), 'open', 'open on its day');
SELECT is(ismap.demand_status('reapplication', 1, '2025-07-31'), 'open', 'open on its due day');
SELECT is(ismap.demand_status('reapplication', 1, '2025-08-01'), 'overdue', 'overdue the day after');
SELECT is(ismap.demand_status('reapplication', 2, '2025-04-01'), 'overdue', 'demand 2 overdue after 2025-03-31');
SELECT ismap_test.refused($$SELECT ismap.demand_status('reaudits', 1)$$, '22023', 'ovs_reaudit',
  'an unknown kind of demand is refused');
SELECT ismap_test.refused($$SELECT ismap.demand_status('reapplication', 99)$$, '22023', 'ovs_reapplication',
  'an unknown demand is refused');
SELECT is(ismap.demand_status('reapplication', 1, NULL), NULL, 'a NULL day gives NULL (strict)');

-- ---------- reapplications ----------
SELECT ismap_test.audit(12, 1, :a, '2025-01-01', '2025-06-30', '2025-07-10') \g /dev/null
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (2, 'reapplication', '2025-07-15', 21)$$), '23514', 'ovs_reapplication',
  'a reapplication needs an open demand (demand 2 is overdue)');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (1, 'reapplication', '2025-07-15', 11)$$), '23514', 'svc_audit_period',
  'a reapplication rests on an audit newer than the term in force');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_number)
  VALUES (1, 'reapplication', '2025-07-15', 12, 'C25-0999-1')$$), '23514', 'svc_registration_on_approval',
  'a reapplication keeps the registration''s number');

-- Filed on 2025-07-15 (registration filled in from the open demand): the
-- demand is fulfilled from that day; the registration stays as it was.
SELECT ismap_test.svc_file(1002, 1, '2025-07-15', 12, 'reapplication') \g /dev/null
SELECT is((SELECT registration_id FROM ismap.service_applications WHERE application_id = 1002), :r1::bigint,
  'the reapplication names the registration its demand is of');
SELECT is(ismap.demand_status('reapplication', 1, '2025-07-14'), 'open', 'open the day before the reapplication');
SELECT is(ismap.demand_status('reapplication', 1, '2025-07-15'), 'fulfilled', 'fulfilled on the day it is filed');
SELECT is(ismap.demand_status('reapplication', 1, '2025-09-01'), 'fulfilled', 'and after the due date');
SELECT is(ismap.service_status(:r1, '2025-07-20'), 'valid', 'a pending reapplication leaves the registration as it is');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (1, 'reapplication', '2025-07-16', 12)$$), '23514', 'ovs_reapplication',
  'a second reapplication on a fulfilled demand is refused');

-- Approved on 2025-08-20: a new term from its own audit (period ending
-- 2025-06-30: valid until 2026-10-31), in force from the approval.
SELECT ismap_test.svc_decide(1002, 'approved', '2025-08-20') \g /dev/null
SELECT is((SELECT valid_until FROM ismap.service_registrations WHERE registration_id = :r1), '2026-10-31'::date,
  'an approved reapplication adds a validity term from its audit');
SELECT is((SELECT count(*)::int FROM ismap.service_registration_terms WHERE registration_id = :r1), 2,
  'the earlier term stays recorded');
SELECT is((SELECT registration_number FROM ismap.service_registrations WHERE registration_id = :r1),
  (SELECT registration_number FROM ismap.service_applications WHERE application_id = 1001),
  'the registration keeps its number');
SELECT is(ismap.service_status(:r1, '2026-06-01'), 'valid', 'valid after the first term would have ended');
SELECT is((SELECT valid_until FROM ismap.cloud_service_list_at('2026-06-01') WHERE registration_id = :r1),
  '2026-10-31'::date, 'the list shows the new term');

-- ---------- an auditor's reapplication ----------
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (1, 'reapplication', '2025-09-10')$$), '23514', 'ovs_reapplication',
  'an auditor without a demand cannot re-apply');
SELECT ismap_test.file(202, 2, '2025-10-31', 'reapplication') \g /dev/null
SELECT is((SELECT auditor_id FROM ismap.auditor_applications WHERE application_id = 202), :b::bigint,
  'the auditor reapplication names the auditor its demand is of (filed on the due day)');
SELECT is(ismap.demand_status('reapplication', 3, '2025-11-01'), 'fulfilled', 'the auditor demand is fulfilled');
SELECT ismap_test.decide(202, 'approved', '2025-11-20') \g /dev/null
SELECT is((SELECT valid_until FROM ismap.auditors WHERE auditor_id = :b), '2027-10-31'::date,
  'an approved auditor reapplication runs from its application date, as a renewal');
SELECT is((SELECT due_on FROM ismap.auditor_compliance_reports WHERE application_id = 202), '2026-10-31'::date,
  'and creates a compliance report due one year after it');

-- ---------- a reapplication withdrawn, and one that would revive an expired registration ----------
SELECT ismap_test.accepted(format($$INSERT INTO ismap.reapplication_demands (demand_id, registration_id, demanded_on, due_on)
  VALUES (4, %s, '2025-09-01', '2025-09-30')$$, :r1), 'a second demand of registration 1');
SELECT ismap_test.audit(13, 1, :a, '2025-01-01', '2025-08-31', '2025-09-05') \g /dev/null
SELECT ismap_test.svc_file(1003, 1, '2025-09-10', 13, 'reapplication') \g /dev/null
SELECT ismap_test.svc_decide(1003, 'withdrawn', '2025-09-12') \g /dev/null
SELECT is(ismap.demand_status('reapplication', 4, '2025-09-11'), 'fulfilled', 'fulfilled while the reapplication stands');
SELECT is(ismap.demand_status('reapplication', 4, '2025-09-12'), 'open', 'open again once it is withdrawn, before the due date');
SELECT is(ismap.demand_status('reapplication', 4, '2025-10-01'), 'overdue', 'overdue after the due date');

-- ---------- a suspension resting on an overdue demand ----------
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reapplication_demand_id)
  VALUES (%s, 'suspend', '2025-09-30', '要求の無視（架空）', 4)$$, :r1), '23514', 'ovs_suspension',
  'a suspension cannot rest on a demand on its due day');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reapplication_demand_id)
  VALUES (%s, 'suspend', '2025-10-01', '要求の無視（架空）', 1)$$, :r1), '23514', 'ovs_suspension',
  'a suspension cannot rest on a fulfilled demand');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reapplication_demand_id)
  VALUES (%s, 'suspend', '2025-10-01', '要求の無視（架空）', 2)$$, :r1), '23514', 'ovs_suspension',
  'a suspension cannot rest on a demand of another registration');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reapplication_demand_id)
  VALUES (%s, 'suspend', '2025-10-01', '要求の無視（架空）', 99)$$, :r1), '23503', 'ovs_suspension',
  'a suspension cannot rest on an unknown demand');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds, reaudit_demand_id)
  VALUES (%s, 'suspend', '2025-11-01', '要求の無視（架空）', 1)$$, :a), '23514', 'ovs_suspension',
  'an auditor''s suspension cannot rest on a re-audit demand');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reapplication_demand_id)
  VALUES (%s, 'suspend', '2025-10-01', '再申請の要求の無視（架空）', 4)$$, :r1),
  'a suspension rests on a demand overdue on its effective date (the day after the due date)');
SELECT is(ismap.service_status(:r1, '2025-10-01'), 'suspended', 'the registration is suspended');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reapplication_demand_id)
  VALUES (%s, 'lift', '2025-11-01', '是正（架空）', 4)$$, :r1), '23514', 'ovs_suspension',
  'a lift does not rest on a demand');
SELECT ismap_test.refused(format($$SELECT ismap.correct('ismap.service_status_changes',
  (SELECT change_id FROM ismap.service_status_changes WHERE reapplication_demand_id = 4), '{"reapplication_demand_id": null}', 'typo')$$),
  '22023', 'sec_history', 'ismap.correct() does not change the demand a suspension rests on');

-- A reapplication of a suspended registration is allowed on an open
-- demand; one of a registration that expired while it was pending cannot
-- be approved (it would revive it).
SELECT ismap_test.accepted(format($$INSERT INTO ismap.reapplication_demands (demand_id, registration_id, demanded_on, due_on)
  VALUES (5, %s, '2025-03-01', '2025-12-31')$$, :r2), 'a demand of registration 2');
SELECT ismap_test.audit(22, 2, :a, '2025-01-01', '2025-06-30', '2025-07-10') \g /dev/null
SELECT ismap_test.svc_file(2002, 2, '2025-11-15', 22, 'reapplication') \g /dev/null
SELECT ismap_test.svc_decide(2002, 'accepted', '2025-11-20') \g /dev/null
SELECT ismap_test.refused($$SELECT ismap_test.at('2026-05-10', 'UPDATE ismap.service_applications SET status = ''approved'', decided_on = ''2026-05-10'' WHERE application_id = 2002')$$,
  '23514', 'ovs_reapplication', 'a reapplication does not revive a registration that expired while it was pending');
SELECT is(ismap.service_status(:r2, '2026-05-10'), 'expired', 'a pending reapplication gives no renewal grace');
SELECT is(current_setting('ismap.today'), '2025-12-01', 'the pinned day is back');

-- A removed registration cannot re-apply, even on a demand still open:
-- removal is final (ovs_suspension).
SELECT ismap_test.accepted(format($$INSERT INTO ismap.reapplication_demands (demand_id, registration_id, demanded_on, due_on)
  VALUES (6, %s, '2025-11-01', '2025-12-31')$$, :r1), 'a demand of the suspended registration 1');
SELECT ismap_test.svc_change(:r1, 'remove', '2025-11-05') \g /dev/null
SELECT ismap_test.refused($$SELECT ismap_test.at('2025-11-10', 'INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (1, ''reapplication'', ''2025-11-10'', 13)')$$,
  '55000', 'ovs_suspension', 'a removed registration cannot re-apply');

-- ---------- overdue obligations ----------
SELECT is((SELECT array_agg(item_id ORDER BY item_id) FROM ismap.overdue_obligations_at('2025-10-01') WHERE kind = 'reapplication'),
  '{2,4}'::bigint[], 'demands 2 and 4 are overdue on 2025-10-01, of registered subjects');
SELECT is((SELECT days_overdue FROM ismap.overdue_obligations_at('2025-10-01') WHERE kind = 'reapplication' AND item_id = 4), 1,
  'one day overdue the day after the due date');
SELECT is((SELECT count(*)::int FROM ismap.overdue_obligations_at('2025-09-30') WHERE kind = 'reapplication' AND item_id = 4), 0,
  'not overdue on the due day');
SELECT is((SELECT count(*)::int FROM ismap.overdue_obligations_at('2026-05-10') WHERE kind = 'reapplication' AND item_id = 2), 0,
  'not listed once its registration has expired');

SELECT * FROM finish();
ROLLBACK;
