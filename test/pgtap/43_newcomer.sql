-- What a newcomer met (issue 14): silent no-ops refused, the registry's own
-- numbers where a user looks for them, English names on the list.  The
-- change feed's grounds are in 33_list_changes_and_reminders.sql.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(10);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人あかつき', 'Akatsuki Fictional Audit Corporation'),
               (11, '架空クラウド株式会社みなと', 'Minato Fictional Cloud K.K.')) AS o(n, name, name_en)
 \g /dev/null
SELECT ismap_test.register(101, 1, '2023-04-01', '2023-05-10') AS a \gset
SELECT ismap_test.service(1, 11, '架空グループウェア') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2023-04-01', '2024-03-31', '2024-05-10') \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2024-05-15', '2024-07-03') AS r1 \gset

-- Item 5: an UPDATE of a misspelt setting said UPDATE 0.
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '3 years' WHERE name = 'auditor_valdity'$$,
                          '22023', 'setting_value', 'an UPDATE of ismap.settings that matches no setting is refused');
SELECT throws_like($$UPDATE ismap.settings SET value = '3 years' WHERE name = 'auditor_valdity'$$,
                   '%matched no setting%', '(saying so)');
SELECT lives_ok($$UPDATE ismap.settings SET value = '2 years' WHERE name = 'auditor_validity'$$,
                'an UPDATE that names a setting goes through');
SELECT lives_ok($$UPDATE ismap.settings SET value = value$$, 'and so does one of every setting');

-- Item 5: a NULL day of the cloud service list gave no rows.
SELECT ismap_test.refused($$SELECT count(*) FROM ismap.cloud_service_list_at(NULL)$$, '22004', 'svc_public_list',
                          'the cloud service list of a null day is refused, not empty');
SELECT ismap_test.refused($$SELECT count(*) FROM ismap.cloud_service_list_at('2024-09-01', NULL)$$,
                          '22004', 'svc_public_list', 'so is the list as known at a null moment');
SELECT ismap_test.refused($$SELECT count(*) FROM ismap.auditor_list_at('2024-09-01', NULL)$$,
                          '22004', 'aud_public_list', 'and the auditor list as known at a null moment');
-- (21_service_applications.sql checks that the list is still inlined and
-- read by parallel workers.)

-- Item 6: the application an approval registered carries its number.
SELECT is((SELECT a.registration_number FROM ismap.service_applications a WHERE a.application_id = 1001),
          (SELECT r.registration_number FROM ismap.service_registrations r WHERE r.registration_id = :r1),
          'an approved application carries the registration number the approval gave');

-- Item 8: the list carries the provider's and the auditor's English names.
SELECT results_eq($$SELECT provider_name_en, auditor_name_en FROM ismap.cloud_service_list$$,
                  $$VALUES ('Minato Fictional Cloud K.K.', 'Akatsuki Fictional Audit Corporation')$$,
                  'the cloud service list carries provider_name_en and auditor_name_en');
SELECT results_eq($$SELECT provider_name_en, auditor_name_en FROM ismap.cloud_service_list_at('2024-09-01', now())$$,
                  $$SELECT provider_name_en, auditor_name_en FROM ismap.cloud_service_list_at('2024-09-01')$$,
                  'and so does the list as known at a moment');

SELECT * FROM finish();
ROLLBACK;
