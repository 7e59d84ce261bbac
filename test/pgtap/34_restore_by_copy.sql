-- Restoring by COPY (README, "Operations"): a superuser's COPY into a
-- registry table takes the rows as recorded history (no rule replayed,
-- nothing logged); anyone else's COPY goes through the rules.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

-- Anyone else's COPY goes through the rules: a role's COPY ... FROM STDIN
-- of an organization already recorded, run by 34_copy_by_a_role.psql in a psql of its
-- own, before this suite's transaction (see that file for why).  Its
-- output, the refusal's error included, is checked below.  (The path is
-- from the repository's root, where pg_prove runs the suites.)
\set copy_by_a_role `psql -X -h :'HOST' -p :'PORT' -U :'USER' -d :'DBNAME' -f test/pgtap/34_copy_by_a_role.psql 2>&1`

BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(9);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

INSERT INTO ismap.organizations (organization_id, corporate_number, name)
VALUES (1, ismap_test.corporate_number('999907000001'), '架空監査法人こよみ');
SELECT max(seq) AS seq0 FROM ismap.history \gset

-- A superuser's COPY: an application already approved, as a dump holds it.
COPY ismap.auditor_applications (application_id, organization_id, kind, applied_on, status, decided_on) FROM STDIN;
7	1	new	2024-04-01	approved	2024-05-10
\.
SELECT is((SELECT status::text || ' ' || decided_on FROM ismap.auditor_applications WHERE application_id = 7),
          'approved 2024-05-10', 'a superuser''s COPY restores a decided application as it is');
SELECT is((SELECT count(*)::int FROM ismap.history WHERE seq > :seq0), 0,
          'and writes no log row');
SELECT is((SELECT count(*)::int FROM ismap.auditors), 0,
          'and replays nothing: no auditor is created by the restored approval');

-- A role's COPY (run above): refused by the rule an INSERT meets, with
-- its SQLSTATE and rule id, and that was the session's only error.
SELECT matches(:'copy_by_a_role'::text, '(^|\n)psql:[^\n]*: ERROR:  23505: org_corporate_number: ',
               'a non-superuser''s COPY of a recorded corporate number is refused: 23505 org_corporate_number');
SELECT matches(:'copy_by_a_role'::text, '\nCONTEXT:  COPY organizations, line 1: ',
               'the refusal is the COPY''s, at its first row');
SELECT matches(:'copy_by_a_role'::text, '\nCONSTRAINT NAME:  org_corporate_number\n',
               'the refusal names its rule as the constraint');
SELECT is((SELECT count(*)::int FROM regexp_matches(:'copy_by_a_role'::text, 'ERROR:', 'g')), 1,
          'the COPY''s refusal is the only error of that session');
SELECT matches(:'copy_by_a_role'::text, '(^|\n)after the COPY: 0 organizations, 0 log rows, registry unchanged(\n|$)',
               'the refused COPY leaves no row, no log row, and the registry as it was');

-- An ordinary INSERT by the superuser still goes through the rules.
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (organization_id, applied_on, status, decided_on)
                            VALUES (1, '2024-04-01', 'approved', '2024-05-10')$$,
                          '55000', 'aud_application_flow', 'a superuser''s INSERT is not a restore');

SELECT * FROM finish();
ROLLBACK;
