-- The lists as the registry knew them at a moment (transaction time):
-- cloud_service_list_at(day, as_known_at) and auditor_list_at(day,
-- as_known_at) are built only from log rows recorded at or before
-- as_known_at, so a later correction, a late-recorded (backdated) status
-- change or a later decision does not show in them.
--
-- The log records the start of each writing transaction, and the other
-- suites run in one transaction each, where every log row has the same
-- recorded_at.  This suite needs history written by several committed
-- transactions, so it builds it in a database of its own, created here and
-- dropped at the end (a leftover from an interrupted run is dropped first).
-- psql meta-commands do the switching; setup output goes to /dev/null so
-- that only TAP reaches pg_prove.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
SELECT current_database() AS home, current_database() || '_known_at' AS known_at_db \gset
\o /dev/null
SET client_min_messages = warning;
DROP DATABASE IF EXISTS :"known_at_db" WITH (FORCE);
CREATE DATABASE :"known_at_db";
\c :"known_at_db"
SET client_min_messages = warning;
CREATE EXTENSION pgtap;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
\ir history_helpers.psql
SET ismap.today = '2025-06-01';

-- T0: the organizations only.
BEGIN;
SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人うすゆき', 'Usuyuki Fictional Audit Corporation'),
               (2, '架空監査法人おぼろ', 'Oboro Fictional Audit Corporation'),
               (11, '架空データセンター株式会社かすみ草', 'Kasumisou Fictional Data Center K.K.')) AS o(n, name, name_en);
COMMIT;
SELECT pg_sleep(0.01);
SELECT now() AS t0 \gset
SELECT pg_sleep(0.01);

-- T1: auditor A registered (valid until 2025-01-10); auditor B's application
-- filed; service 1 audited and its application filed.
BEGIN;
SELECT ismap_test.register(101, 1, '2023-01-10', '2023-01-20');
SELECT ismap_test.file(201, 2, '2023-02-01');
SELECT ismap_test.service(1, 11, '架空ホスティング');
SELECT ismap_test.audit(11, 1, ismap_test.auditor(1), '2022-04-01', '2023-03-31', '2023-05-10');
SELECT ismap_test.svc_file(1001, 1, '2023-05-15', 11);
COMMIT;
SELECT pg_sleep(0.01);
SELECT now() AS t1 \gset
SELECT pg_sleep(0.01);

-- T2: auditor B approved on 2023-02-15 (valid until 2025-02-01); service 1
-- approved on 2023-07-03; B's renewal filed on 2025-01-20.
BEGIN;
SELECT ismap_test.decide(201, 'approved', '2023-02-15');
SELECT ismap_test.svc_decide(1001, 'approved', '2023-07-03');
SELECT ismap_test.file(202, 2, '2025-01-20', 'renewal');
COMMIT;
SELECT max(recorded_at) AS t2_recorded FROM ismap.history \gset
SELECT pg_sleep(0.01);
SELECT now() AS t2 \gset
SELECT pg_sleep(0.01);

-- T3: corrections: service 1 approved on 2023-07-01, B on 2023-02-13; the
-- provider's name.
BEGIN;
SELECT ismap.correct('ismap.service_applications', 1001, '{"decided_on": "2023-07-01"}', '登録日の誤り');
SELECT ismap.correct('ismap.auditor_applications', 201, '{"decided_on": "2023-02-13"}', '登録日の誤り');
SELECT ismap.correct('ismap.organizations', 11, '{"name": "架空データセンター株式会社かすみそう"}', '商号の誤記');
COMMIT;
SELECT pg_sleep(0.01);
SELECT now() AS t3 \gset
SELECT pg_sleep(0.01);

-- T4: recorded on 2024-03-01, suspensions of service 1 and auditor A
-- effective from 2024-02-01.
BEGIN;
SET LOCAL ismap.today = '2024-03-01';
SELECT registration_id AS r1 FROM ismap.service_registrations WHERE service_id = 1 \gset
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:r1, 'suspend', '2024-02-01', '重大なセキュリティインシデントの報告遅延');
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (ismap_test.auditor(1), 'suspend', '2024-02-01', '監査調書の不備');
COMMIT;
SELECT pg_sleep(0.01);
SELECT now() AS t4 \gset
SELECT pg_sleep(0.01);

-- T5: B's renewal approved on 2025-03-01 (valid until 2027-01-20).
BEGIN;
SELECT ismap_test.decide(202, 'approved', '2025-03-01');
COMMIT;
SELECT pg_sleep(0.01);

SELECT ismap_test.auditor(1) AS a, ismap_test.auditor(2) AS b \gset
SELECT registration_number AS a_number FROM ismap.auditors WHERE auditor_id = :a \gset
SELECT registration_number AS b_number FROM ismap.auditors WHERE auditor_id = :b \gset
SELECT registration_number AS r1_number FROM ismap.service_registrations WHERE registration_id = :r1 \gset
\o

BEGIN;
SELECT plan(32);
SET LOCAL client_min_messages = warning;

SELECT ok(:'t0'::timestamptz < :'t1' AND :'t1' < :'t2' AND :'t2' < :'t3' AND :'t3' < :'t4' AND :'t4' < now(),
          '(the moments between the transactions are in order)');
SELECT is((SELECT count(DISTINCT recorded_at) FROM ismap.history), 6::bigint,
          '(six transactions wrote the log, each with its own recorded_at)');
SELECT is_empty('SELECT * FROM ismap.verify_history()', '(and their rows form one whole chain)');

-- ---------------------------------------------------------------------
-- Before a registration was recorded

SELECT is_empty(format($$SELECT * FROM ismap.auditor_list_at('2024-01-01', %L)$$, :'t0'),
                'as known before any registration was recorded, the auditor list is empty');
SELECT is_empty(format($$SELECT * FROM ismap.cloud_service_list_at('2024-01-01', %L)$$, :'t0'),
                'and so is the cloud service list');
SELECT is_empty($$SELECT * FROM ismap.auditor_list_at('2024-01-01', '-infinity')$$,
                'as known at -infinity, the auditor list is empty');
SELECT results_eq(format($$SELECT registration_number FROM ismap.auditor_list_at('2023-03-01', %L)$$, :'t1'),
                  format($$VALUES (%L)$$, :'a_number'),
                  'as known when B had only applied, the list of 2023-03-01 has auditor A alone');
SELECT is_empty(format($$SELECT * FROM ismap.cloud_service_list_at('2023-08-01', %L)$$, :'t1'),
                'as known when service 1 had only applied, the list of 2023-08-01 is empty');
SELECT results_eq(format($$SELECT registration_number, registered_on FROM ismap.auditor_list_at('2023-03-01', %L)$$, :'t2'),
                  format($$VALUES (%L, '2023-01-20'::date), (%L, '2023-02-15')$$, :'a_number', :'b_number'),
                  'as known after B''s approval, the list of 2023-03-01 has both');
SELECT results_eq(format($$SELECT registration_number, registered_on, provider_name, valid_until, status::text
                             FROM ismap.cloud_service_list_at('2023-08-01', %L)$$, :'t2'),
                  format($$VALUES (%L, '2023-07-03'::date, '架空データセンター株式会社かすみ草', '2024-07-31'::date, 'valid')$$, :'r1_number'),
                  'as known after service 1''s approval, the list of 2023-08-01 shows it');
SELECT results_eq(format($$SELECT registration_number FROM ismap.auditor_list_at('2023-03-01', %L)$$, :'t2_recorded'),
                  format($$VALUES (%L), (%L)$$, :'a_number', :'b_number'),
                  'a row recorded exactly at as_known_at is known');
SELECT results_eq(format($$SELECT registration_number FROM ismap.auditor_list_at('2023-03-01', %L::timestamptz - interval '1 microsecond')$$,
                         :'t2_recorded'),
                  format($$VALUES (%L)$$, :'a_number'),
                  'a microsecond earlier it is not');

-- ---------------------------------------------------------------------
-- Before and after a correction

SELECT is_empty(format($$SELECT * FROM ismap.cloud_service_list_at('2023-07-01', %L)$$, :'t2'),
                'as known before the correction, service 1 is not on the list of 2023-07-01');
SELECT results_eq(format($$SELECT registration_number, registered_on FROM ismap.cloud_service_list_at('2023-07-01', %L)$$, :'t3'),
                  format($$VALUES (%L, '2023-07-01'::date)$$, :'r1_number'),
                  'as known after it, it is, registered on 2023-07-01');
SELECT results_eq(format($$SELECT k, l.registered_on, l.provider_name FROM unnest(ARRAY[%L, %L]::timestamptz[]) WITH ORDINALITY AS x(t, k),
                                  ismap.cloud_service_list_at('2023-07-05', t) l ORDER BY k$$, :'t2', :'t3'),
                  $$VALUES (1::bigint, '2023-07-03'::date, '架空データセンター株式会社かすみ草'),
                           (2, '2023-07-01', '架空データセンター株式会社かすみそう')$$,
                  'the list of 2023-07-05: the registration date and provider name as known before and after the corrections');
SELECT results_eq(format($$SELECT registered_on, provider_name FROM ismap.cloud_service_list_at('2023-07-05', %L)$$, :'t4'),
                  $$SELECT registered_on, provider_name FROM ismap.cloud_service_list_at('2023-07-05')$$,
                  'as known later, as the one-argument list has it');
SELECT is_empty(format($$SELECT * FROM ismap.auditor_list_at('2023-02-14', %L) WHERE registration_number = %L$$, :'t2', :'b_number'),
                'as known before the correction, B is not on the auditor list of 2023-02-14');
SELECT results_eq(format($$SELECT registered_on, status::text FROM ismap.auditor_list_at('2023-02-14', %L) WHERE registration_number = %L$$,
                         :'t3', :'b_number'),
                  $$VALUES ('2023-02-13'::date, 'valid')$$,
                  'as known after it, B is, registered on 2023-02-13');

-- ---------------------------------------------------------------------
-- Before and after a late-recorded suspension

SELECT results_eq(format($$SELECT k, l.status::text FROM unnest(ARRAY[%L, %L]::timestamptz[]) WITH ORDINALITY AS x(t, k),
                                  ismap.cloud_service_list_at('2024-02-15', t) l ORDER BY k$$, :'t3', :'t4'),
                  $$VALUES (1::bigint, 'valid'), (2, 'suspended')$$,
                  'service 1 on the list of 2024-02-15: valid as known before the backdated suspension was recorded, suspended after');
SELECT results_eq(format($$SELECT k, l.status::text FROM unnest(ARRAY[%L, %L]::timestamptz[]) WITH ORDINALITY AS x(t, k),
                                  ismap.auditor_list_at('2024-02-15', t) l WHERE l.registration_number = %L ORDER BY k$$,
                         :'t3', :'t4', :'a_number'),
                  $$VALUES (1::bigint, 'valid'), (2, 'suspended')$$,
                  'auditor A on the auditor list of 2024-02-15: likewise');
SELECT results_eq(format($$SELECT status::text FROM ismap.cloud_service_list_at('2024-01-31', %L)$$, :'t4'),
                  $$VALUES ('valid')$$,
                  'the day before it took effect, service 1 is valid as known after too');
SELECT is(ismap.service_status(:r1, '2024-02-15'), 'suspended',
          '(the status function, which reads what is known now, agrees with the later knowledge)');

-- ---------------------------------------------------------------------
-- Before and after a renewal was decided

SELECT results_eq(format($$SELECT k, l.status::text, l.valid_until FROM unnest(ARRAY[%L, %L]::timestamptz[]) WITH ORDINALITY AS x(t, k),
                                  ismap.auditor_list_at('2025-03-05', t) l ORDER BY k$$, :'t4', now()),
                  $$VALUES (1::bigint, 'renewal_pending', '2025-02-01'::date), (2, 'valid', '2027-01-20')$$,
                  'B on the list of 2025-03-05: in grace as known before the renewal was approved, renewed after');
SELECT is_empty(format($$SELECT * FROM ismap.auditor_list_at('2025-02-15', %L)$$, :'t1'),
                'as known before B was approved, nobody is on the list of 2025-02-15 (A had expired by then)');
SELECT results_eq(format($$SELECT status::text, valid_until FROM ismap.auditor_list_at('2025-02-15', %L)$$, :'t2'),
                  $$VALUES ('renewal_pending', '2025-02-01'::date)$$,
                  'as known once B''s renewal was filed, B is in grace on 2025-02-15');

-- ---------------------------------------------------------------------
-- Known now: the same as the one-argument lists

CREATE TEMP TABLE days AS
  SELECT d::date AS day FROM generate_series('2022-12-01'::date, '2027-03-01', '17 days') d
  UNION SELECT unnest('{2023-01-20,2023-02-13,2023-02-15,2023-07-01,2023-07-03,2024-02-01,2024-07-31,2024-08-01,
                        2025-01-10,2025-01-11,2025-02-01,2025-02-02,2025-03-01,2027-01-20,2027-01-21}'::date[]);
SELECT cmp_ok((SELECT count(*) FROM days d, ismap.auditor_list_at(d.day) l), '>', 100::bigint,
              '(the days compared have entries on their lists)');
SELECT results_eq($$SELECT d.day, l.* FROM days d, ismap.auditor_list_at(d.day, now()) l ORDER BY d.day, l.registration_number$$,
                  $$SELECT d.day, l.* FROM days d, ismap.auditor_list_at(d.day) l ORDER BY d.day, l.registration_number$$,
                  'auditor_list_at(day, now()) is auditor_list_at(day) on every day compared');
SELECT results_eq($$SELECT d.day, l.* FROM days d, ismap.cloud_service_list_at(d.day, now()) l ORDER BY d.day, l.registration_number$$,
                  $$SELECT d.day, l.* FROM days d, ismap.cloud_service_list_at(d.day) l ORDER BY d.day, l.registration_number$$,
                  'cloud_service_list_at(day, now()) is cloud_service_list_at(day) on every day compared');
SELECT results_eq($$SELECT * FROM ismap.auditor_list_at(ismap.today(), now())$$,
                  $$SELECT * FROM ismap.auditor_list$$,
                  'as known now, today''s auditor list is the view');
SELECT results_eq($$SELECT * FROM ismap.cloud_service_list_at('2023-09-01', now())$$,
                  $$SELECT * FROM ismap.cloud_service_list_at('2023-09-01')$$,
                  'and a past day''s cloud service list is the one-argument one');

-- The public may read them.
CREATE ROLE ismap_test_public_32 NOLOGIN;
SET LOCAL ROLE ismap_test_public_32;
SELECT results_eq(format($$SELECT registration_number FROM ismap.cloud_service_list_at('2023-08-01', %L)$$, :'t3'),
                  format($$VALUES (%L)$$, :'r1_number'),
                  'a role without grants reads the cloud service list as known at a moment');
SELECT results_eq(format($$SELECT registration_number FROM ismap.auditor_list_at('2023-03-01', %L)$$, :'t1'),
                  format($$VALUES (%L)$$, :'a_number'),
                  'and the auditor list');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;

\o /dev/null
\c :"home"
DROP DATABASE :"known_at_db" WITH (FORCE);
\o
