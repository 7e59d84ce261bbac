-- Procuring bodies (2.3, 附則2): recorded by the committee or the operator,
-- of a recorded organization, never changed or deleted; logged.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(12);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name)
  FROM (VALUES (21, '架空省'), (22, '架空独立行政法人しらさぎ')) AS o(n, name) \g /dev/null
CREATE ROLE ismap_test_op59 NOLOGIN IN ROLE ismap_operator;
CREATE ROLE ismap_test_pr59 NOLOGIN IN ROLE ismap_procurer;
CREATE ROLE ismap_test_mi59 NOLOGIN IN ROLE ismap_ministry;
GRANT INSERT ON ismap.procuring_bodies TO ismap_test_pr59;

SET LOCAL ROLE ismap_test_op59;
SELECT ismap_test.accepted($$INSERT INTO ismap.procuring_bodies (body_id, organization_id, kind)
                             VALUES (1, 21, 'ministry')$$, 'the operator records a ministry');
RESET ROLE;
SELECT is((SELECT table_name || ' ' || operation || ' ' || acting_user_name FROM ismap.history
            ORDER BY seq DESC LIMIT 1), 'procuring_bodies INSERT ismap_test_op59', 'logged, with who');
SELECT ismap_test.digest() AS before \gset
SET LOCAL ROLE ismap_test_pr59;
SELECT ismap_test.refused($$INSERT INTO ismap.procuring_bodies (organization_id, kind) VALUES (22, 'incorporated_agency')$$,
                          '42501', 'sec_role_authority', 'a procurer granted INSERT may not record a body');
RESET ROLE;
SET LOCAL ROLE ismap_test_mi59;
SELECT ismap_test.refused($$INSERT INTO ismap.procuring_bodies (organization_id, kind) VALUES (22, 'incorporated_agency')$$,
                          '42501', NULL, 'nor may the ministries (they write nothing)');
SELECT is((SELECT kind::text FROM ismap.procuring_bodies WHERE body_id = 1), 'ministry', 'the ministries read the bodies');
RESET ROLE;
SELECT ismap_test.refused($$INSERT INTO ismap.procuring_bodies (organization_id, kind) VALUES (99, 'local_government')$$,
                          '23503', 'use_procurer_scope', 'a body is a recorded organization');
SELECT ismap_test.refused($$INSERT INTO ismap.procuring_bodies (organization_id, kind) VALUES (22, NULL)$$,
                          '23502', 'use_procurer_scope', 'a body has a kind');
SELECT ismap_test.refused($$UPDATE ismap.procuring_bodies SET kind = 'local_government' WHERE body_id = 1$$,
                          '55000', 'sec_history', 'a body''s kind is never changed');
SELECT ismap_test.refused($$DELETE FROM ismap.procuring_bodies WHERE body_id = 1$$,
                          '55000', 'sec_history', 'a body is never deleted');
SELECT ismap_test.refused($$DELETE FROM ismap.organizations WHERE organization_id = 21$$,
                          '23503', 'sec_history', 'nor the organization it is');
SELECT ismap_test.refused($$TRUNCATE ismap.procuring_bodies$$, '55000', 'sec_history', 'nor truncated');
SELECT is(ismap_test.digest(), :'before', 'the refusals changed nothing');

SELECT * FROM finish();
ROLLBACK;
