-- Procurement from the lists (use_procure_from_list, use_procurer_scope;
-- 2.3, 6.1, 附則2): the dated scope of each kind of procuring body, the
-- procurements a procuring body records, who reads them, and the
-- procurements hit by a suspension (ismap.procurement_impact).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(45);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人かすみ'), (11, '架空クラウド株式会社きらら'),
               (12, '架空クラウド株式会社くじら'), (21, '架空省'),
               (22, '架空独立行政法人しらさぎ'), (23, '架空市')) AS o(n, name)
 \g /dev/null
SELECT ismap_test.register(101, 1, '2024-04-01', '2024-05-10') AS a \gset
SELECT ismap_test.service(1, 11, '架空会議室予約') \g /dev/null
SELECT ismap_test.service(2, 12, '架空電子帳簿') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(21, 2, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2025-01-25', '2025-02-10') AS r1 \gset
SELECT ismap_test.svc_register(2001, 2, 21, '2025-01-25', '2025-02-10') AS r2 \gset
SELECT ismap_test.svc_change(:r2, 'suspend', '2025-06-01') \g /dev/null
INSERT INTO ismap.procuring_bodies (body_id, organization_id, kind) VALUES
  (1, 21, 'ministry'), (2, 22, 'incorporated_agency'), (3, 23, 'local_government');

CREATE ROLE ismap_test_cm68 NOLOGIN IN ROLE ismap_committee;
CREATE ROLE ismap_test_op68 NOLOGIN IN ROLE ismap_operator;
CREATE ROLE ismap_test_mi68 NOLOGIN IN ROLE ismap_ministry;
CREATE ROLE ismap_test_pv68 NOLOGIN IN ROLE ismap_provider;
CREATE ROLE ismap_test_pr21 NOLOGIN IN ROLE ismap_procurer;
CREATE ROLE ismap_test_pr22 NOLOGIN IN ROLE ismap_procurer;
INSERT INTO ismap.role_organizations VALUES ('ismap_test_pr21', 21), ('ismap_test_pr22', 22),
  ('ismap_test_pv68', 11);

-- ---------- the scope (附則2) ----------
SELECT is(array(SELECT kind || '=' || coalesce(in_scope_from::text, 'NULL') FROM ismap.procurer_scope ORDER BY kind),
          '{ministry=2020-06-01,incorporated_agency=NULL,designated_corporation=NULL,local_government=NULL}',
          'one row per kind: the ministries from scheme_start, the others not in scope');
SET LOCAL ismap.today = '2025-03-01';
SET LOCAL ROLE ismap_test_cm68;
UPDATE ismap.procurer_scope SET in_scope_from = '2025-03-01' WHERE kind = 'incorporated_agency';
RESET ROLE;
SET LOCAL ismap.today = '2025-12-01';
SELECT is((SELECT in_scope_from FROM ismap.procurer_scope WHERE kind = 'incorporated_agency'), '2025-03-01'::date,
          'the committee brings a kind into scope from today');
SELECT is((SELECT table_name || ' ' || operation || ' ' || acting_user_name FROM ismap.history ORDER BY seq DESC LIMIT 1),
          'procurer_scope UPDATE ismap_test_cm68', 'the change is logged, with who');

SELECT ismap_test.digest() AS before \gset
SET LOCAL ROLE ismap_test_cm68;
SELECT ismap_test.refused($$UPDATE ismap.procurer_scope SET in_scope_from = '2025-11-30' WHERE kind = 'local_government'$$,
                          '23514', 'use_procurer_scope', 'a date before today is refused');
SELECT ismap_test.refused($$UPDATE ismap.procurer_scope SET in_scope_from = '2026-01-01' WHERE kind = 'incorporated_agency'$$,
                          '23514', 'use_procurer_scope', 'a kind in scope since a past day is not moved later');
SELECT ismap_test.refused($$UPDATE ismap.procurer_scope SET in_scope_from = NULL WHERE kind = 'ministry'$$,
                          '23514', 'use_procurer_scope', 'nor taken out of scope');
RESET ROLE;
SET LOCAL ROLE ismap_test_op68;
SELECT ismap_test.refused($$UPDATE ismap.procurer_scope SET in_scope_from = '2026-04-01' WHERE kind = 'local_government'$$,
                          '42501', NULL, 'the operator does not set the scope');
RESET ROLE;
SELECT ismap_test.refused($$INSERT INTO ismap.procurer_scope VALUES ('ministry', '2020-06-01')$$,
                          '55000', 'use_procurer_scope', 'no row is inserted');
SELECT ismap_test.refused($$DELETE FROM ismap.procurer_scope WHERE kind = 'local_government'$$,
                          '55000', 'use_procurer_scope', 'nor deleted');
SELECT ismap_test.refused($$UPDATE ismap.procurer_scope SET kind = 'designated_corporation' WHERE kind = 'local_government'$$,
                          '23514', 'use_procurer_scope', 'nor its kind changed');
SELECT ismap_test.refused($$TRUNCATE ismap.procurer_scope$$, '55000', 'sec_history', 'nor truncated');
SELECT is(ismap_test.digest(), :'before', 'the refused scope changes changed nothing');
SET LOCAL ROLE ismap_test_cm68;
SELECT ismap_test.accepted($$UPDATE ismap.procurer_scope SET in_scope_from = '2025-03-01' WHERE kind = 'incorporated_agency'$$,
                           'setting the same date again changes nothing');
SELECT ismap_test.accepted($$UPDATE ismap.procurer_scope SET in_scope_from = '2026-04-01' WHERE kind = 'local_government'$$,
                           'a future date is set');
SELECT ismap_test.accepted($$UPDATE ismap.procurer_scope SET in_scope_from = '2026-05-01' WHERE kind = 'local_government'$$,
                           'and moved while it is still to come');
SELECT ismap_test.accepted($$UPDATE ismap.procurer_scope SET in_scope_from = NULL WHERE kind = 'local_government'$$,
                           'or withdrawn');
RESET ROLE;

-- ---------- procurements ----------
SET LOCAL ROLE ismap_test_pr21;
SELECT ismap_test.accepted(format($$INSERT INTO ismap.procurements (procurement_id, body_id, registration_id, contracted_on)
                                    VALUES (1, 1, %s, '2025-02-10')$$, :r1),
                           'a ministry procures a service on the day it is registered');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.procurements (procurement_id, body_id, registration_id, contracted_on)
                                    VALUES (2, 1, %s, '2025-05-31')$$, :r2),
                           'and another on the last day before its suspension');
SELECT ismap_test.accepted(format($$INSERT INTO ismap.procurements (procurement_id, body_id, registration_id, contracted_on, list_digest)
                                    VALUES (3, 1, %s, '2025-12-01', %L)$$, :r1, ismap.list_digest('cloud_service', '2025-12-01')),
                           'citing the digest of the list on the day of the contract');
SELECT ismap_test.digest() AS before \gset
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                                   VALUES (1, %s, '2025-02-09')$$, :r1),
                          '23514', 'use_procure_from_list', 'not before the service is registered');
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                                   VALUES (1, %s, '2025-06-01')$$, :r2),
                          '23514', 'use_procure_from_list', 'not on a suspension''s first day');
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                                   VALUES (1, %s, '2025-12-02')$$, :r1),
                          '23514', 'use_procure_from_list', 'not dated after today');
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                                   VALUES (1, %s, 'infinity')$$, :r1),
                          '23514', 'use_procure_from_list', 'a calendar day');
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on, list_digest)
                                   VALUES (1, %s, '2025-12-01', %L)$$, :r1, ismap.list_digest('cloud_service', '2025-05-31')),
                          '23514', 'use_procure_from_list', 'the digest of another day''s list is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                            VALUES (1, 999, '2025-12-01')$$,
                          '23514', 'use_procure_from_list', 'a registration that does not exist');
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                                   VALUES (2, %s, '2025-12-01')$$, :r1),
                          '42501', 'sec_role_authority', 'a procurer records only its own bodies'' procurements');
RESET ROLE;
SET LOCAL ROLE ismap_test_pr22;
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                                   VALUES (2, %s, '2025-02-28')$$, :r1),
                          '23514', 'use_procurer_scope', 'an agency before its kind came into scope');
RESET ROLE;
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                                   VALUES (3, %s, '2025-12-01')$$, :r1),
                          '23514', 'use_procurer_scope', 'a local government, not in scope');
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                                   VALUES (9, %s, '2025-12-01')$$, :r1),
                          '23514', 'use_procurer_scope', 'a body that does not exist');
SET LOCAL ROLE ismap_test_cm68;
SELECT ismap_test.refused(format($$INSERT INTO ismap.procurements (body_id, registration_id, contracted_on)
                                   VALUES (1, %s, '2025-12-01')$$, :r1),
                          '42501', NULL, 'the committee records no procurement');
RESET ROLE;
SELECT ismap_test.refused($$UPDATE ismap.procurements SET contracted_on = '2025-02-11' WHERE procurement_id = 1$$,
                          '55000', 'sec_history', 'a procurement is never changed');
SELECT ismap_test.refused($$DELETE FROM ismap.procurements WHERE procurement_id = 1$$,
                          '55000', 'sec_history', 'nor deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.procurements$$, '55000', 'sec_history', 'nor truncated');
SELECT is(ismap_test.digest(), :'before', 'the refused procurements changed nothing');
SET LOCAL ROLE ismap_test_pr22;
SELECT ismap_test.accepted(format($$INSERT INTO ismap.procurements (procurement_id, body_id, registration_id, contracted_on)
                                    VALUES (4, 2, %s, '2025-03-01')$$, :r1),
                           'an agency on the day its kind came into scope');
RESET ROLE;
SET LOCAL ROLE ismap_test_cm68;
SELECT ismap_test.refused($$UPDATE ismap.procurer_scope SET in_scope_from = '2025-12-01' WHERE kind = 'incorporated_agency'$$,
                          '23514', 'use_procurer_scope', 'the scope of the day of a recorded procurement stays');
RESET ROLE;

-- ---------- who reads them ----------
SET LOCAL ROLE ismap_test_pr21;
SELECT is(array(SELECT procurement_id FROM ismap.procurements ORDER BY 1), '{1,2,3}'::bigint[],
          'a procurer reads its own bodies'' procurements');
RESET ROLE;
SET LOCAL ROLE ismap_test_pr22;
SELECT is(array(SELECT procurement_id FROM ismap.procurements ORDER BY 1), '{4}'::bigint[], 'and only those');
SELECT is((SELECT count(*) FROM ismap.procurement_impact), 0::bigint, 'its impact shows only its own');
RESET ROLE;
SET LOCAL ROLE ismap_test_mi68;
SELECT is(array(SELECT procurement_id FROM ismap.procurements ORDER BY 1), '{1,2,3,4}'::bigint[],
          'the ministries read every procurement');
RESET ROLE;
SET LOCAL ROLE ismap_test_pv68;
SELECT ismap_test.refused($$SELECT * FROM ismap.procurements$$, '42501', NULL, 'a provider reads none');
RESET ROLE;

-- ---------- impact ----------
SELECT is((SELECT count(*) FROM ismap.procurement_impact_at('2025-05-31')), 0::bigint,
          'no procurement is hit before the suspension');
SELECT is((SELECT row(procurement_id, body_id, body_name, registration_number, service_name, status::text, status_since)::text
             FROM ismap.procurement_impact_at('2025-06-01')),
          row(2::bigint, 1::bigint, '架空省', 'C25-0002-1', '架空電子帳簿', 'suspended', '2025-06-01'::date)::text,
          'the suspension''s first day: the procurement of the suspended service, since that day');
SET LOCAL ROLE ismap_test_op68;
SELECT is(array(SELECT procurement_id || ' ' || status || ' ' || status_since FROM ismap.procurement_impact),
          '{"2 suspended 2025-06-01"}', 'procurement_impact is the impact today');
RESET ROLE;
SELECT is(array(SELECT procurement_id || ' ' || status || ' ' || status_since FROM ismap.procurement_impact_at('2026-05-01')),
          '{"1 expired 2026-05-01","2 expired 2026-05-01","3 expired 2026-05-01","4 expired 2026-05-01"}',
          'after the last valid day every one is hit, expired from the day after');

SELECT * FROM finish();
ROLLBACK;
