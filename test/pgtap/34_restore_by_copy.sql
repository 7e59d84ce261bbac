-- Restoring by COPY (README, "Operations"): a superuser's COPY into a
-- registry table takes the rows as recorded history (no rule replayed,
-- nothing logged); anyone else's COPY goes through the rules.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(6);
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

-- Anyone else's COPY goes through the rules.
CREATE ROLE regress_ismap_copier;
GRANT USAGE ON SCHEMA ismap TO regress_ismap_copier;
GRANT SELECT, INSERT ON ismap.auditor_applications TO regress_ismap_copier;
GRANT SELECT ON ismap.organizations TO regress_ismap_copier;
SAVEPOINT before_copy;
SET LOCAL ROLE regress_ismap_copier;
\set ON_ERROR_STOP 0
COPY ismap.auditor_applications (application_id, organization_id, kind, applied_on, status, decided_on) FROM STDIN;
8	1	new	2024-04-01	approved	2024-05-10
\.
\set ON_ERROR_STOP 1
ROLLBACK TO SAVEPOINT before_copy;
SELECT is((SELECT count(*)::int FROM ismap.auditor_applications WHERE application_id = 8), 0,
          'a non-superuser''s COPY of a decided application is refused');
SELECT is((SELECT count(*)::int FROM ismap.history WHERE seq > :seq0), 0,
          'and leaves no log row');

-- An ordinary INSERT by the superuser still goes through the rules.
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (organization_id, applied_on, status, decided_on)
                            VALUES (1, '2024-04-01', 'approved', '2024-05-10')$$,
                          '55000', 'aud_application_flow', 'a superuser''s INSERT is not a restore');

SELECT * FROM finish();
ROLLBACK;
