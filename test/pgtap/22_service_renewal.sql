-- Renewal of cloud service registrations: the deadline (svc_renewal_deadline),
-- the grace while a renewal is undecided (svc_renewal_grace), the audit
-- period that follows on from the previous one (svc_audit_period), and what
-- an approved renewal changes on the list (svc_public_list).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(61);
SET LOCAL ismap.today = '2025-06-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人かげろう', 'Kagerou Fictional Audit Corporation'),
               (2, '架空監査法人きりさめ', 'Kirisame Fictional Audit Corporation'),
               (11, '架空クラウド株式会社さざなみ', 'Sazanami Fictional Cloud K.K.'),
               (12, '架空情報サービス株式会社しおさい', 'Shiosai Fictional Information Services K.K.'),
               (13, '架空ソリューションズ株式会社すずかぜ', 'Suzukaze Fictional Solutions K.K.')) AS o(n, name, name_en)
 \g /dev/null
SELECT ismap_test.lasting_auditor(100, 1, '2021-01-06', '2025-06-01') AS a \gset
SELECT ismap_test.lasting_auditor(200, 2, '2021-01-11', '2025-06-01') AS b \gset
SELECT registration_number AS a_number FROM ismap.auditors WHERE auditor_id = :a \gset
SELECT registration_number AS b_number FROM ismap.auditors WHERE auditor_id = :b \gset

-- Services 1..9.  Services 1..8 are registered on an audit of
-- 2022-04-01..2023-03-31 (audit id 10 * n + 1), so valid until 2024-07-31;
-- each has an audit of the following year, 2023-04-01..2024-03-31, by
-- auditor B (audit id 10 * n + 2), for its renewal.
SELECT ismap_test.service(n, 11 + n % 3, format('架空更新サービス%s', n)) FROM generate_series(1, 9) AS n \g /dev/null
SELECT ismap_test.audit(10 * n + 1, n, :a, '2022-04-01', '2023-03-31', '2023-05-10') FROM generate_series(1, 8) AS n \g /dev/null
SELECT ismap_test.audit(10 * n + 2, n, :b, '2023-04-01', '2024-03-31', '2024-05-20') FROM generate_series(1, 8) AS n \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, 10 * n + 1, '2023-05-15', '2023-07-03') FROM generate_series(1, 8) AS n \g /dev/null
SELECT registration_id AS r1 FROM ismap.service_registrations WHERE service_id = 1 \gset
SELECT registration_id AS r2 FROM ismap.service_registrations WHERE service_id = 2 \gset
SELECT registration_id AS r3 FROM ismap.service_registrations WHERE service_id = 3 \gset
SELECT registration_id AS r4 FROM ismap.service_registrations WHERE service_id = 4 \gset
SELECT registration_id AS r5 FROM ismap.service_registrations WHERE service_id = 5 \gset
SELECT registration_id AS r6 FROM ismap.service_registrations WHERE service_id = 6 \gset
SELECT registration_id AS r7 FROM ismap.service_registrations WHERE service_id = 7 \gset
SELECT registration_id AS r8 FROM ismap.service_registrations WHERE service_id = 8 \gset
SELECT registration_number AS r1_number FROM ismap.service_registrations WHERE registration_id = :r1 \gset
SELECT is((SELECT count(*) FROM ismap.service_registrations WHERE valid_until = '2024-07-31'), 8::bigint,
          'eight registrations, valid until 2024-07-31');

-- ---------------------------------------------------------------------
-- Service 1: renewed on the expiry day, approved during the grace

SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, kind, applied_on, audit_id)
                             VALUES (1001, 1, 'renewal', '2024-07-31', 12)$$,
                           'a renewal filed on the expiry day is accepted');
SELECT is((SELECT registration_id FROM ismap.service_applications WHERE application_id = 1001), :r1::bigint,
          'the registration it renews is filled in (the service has only one)');
SELECT is(ismap.service_status(:r1, '2024-07-31'), 'valid', 'valid on the expiry day');
SELECT is(ismap.service_status(:r1, '2024-08-01'), 'renewal_pending', 'renewal_pending the day after');
SELECT results_eq(format($$SELECT * FROM ismap_test.listed(%s, '2024-08-01')$$, :r1),
                  format($$VALUES ('renewal_pending', '2024-07-31'::date, '2022-04-01'::date, '2023-03-31'::date, %L)$$, :'a_number'),
                  'listed as renewal_pending, with the expiry, audit period and auditor of the term in force');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (1, 'renewal', '2024-07-31', 12)$$, '23514', 'svc_application_flow',
                          'a second undecided renewal of the registration is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id)
                                   VALUES (1, 'renewal', '2024-07-30', 12, %s)$$, :r1), '23514', 'svc_application_flow',
                          'even one that names the registration');
SELECT ismap_test.svc_decide(1001, 'accepted', NULL) \g /dev/null
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-09-10',
                            registration_number = 'C24-0900-1' WHERE application_id = 1001$$,
                          '23514', 'svc_registration_on_approval', 'a renewal keeps the number: no number with its approval');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-09-10'
                             WHERE application_id = 1001$$, 'the renewal is approved on 2024-09-10');
SELECT is(ismap.service_status(:r1, '2024-09-09'), 'renewal_pending', 'renewal_pending the day before the approval');
SELECT is(ismap.service_status(:r1, '2024-09-10'), 'valid', 'valid from the approval');
SELECT is(ismap.service_status(:r1, '2025-07-31'), 'valid', 'until the end of the new term');
SELECT is(ismap.service_status(:r1, '2025-08-01'), 'expired', 'expired after it');
SELECT results_eq(format($$SELECT * FROM ismap_test.listed(%s, '2024-09-09')$$, :r1),
                  format($$VALUES ('renewal_pending', '2024-07-31'::date, '2022-04-01'::date, '2023-03-31'::date, %L)$$, :'a_number'),
                  'the day before the approval the list shows the old term, audit period and auditor');
SELECT results_eq(format($$SELECT * FROM ismap_test.listed(%s, '2024-09-10')$$, :r1),
                  format($$VALUES ('valid', '2025-07-31'::date, '2023-04-01'::date, '2024-03-31'::date, %L)$$, :'b_number'),
                  'from the approval it shows the new term, audit period and auditor');
SELECT results_eq(format($$SELECT * FROM ismap_test.listed(%s, '2024-07-15')$$, :r1),
                  format($$VALUES ('valid', '2024-07-31'::date, '2022-04-01'::date, '2023-03-31'::date, %L)$$, :'a_number'),
                  'and the list of an earlier day still shows the old term');
SELECT results_eq(format($$SELECT term_no, application_id, audit_id, in_force_from, audit_period_start, audit_period_end, valid_until
                            FROM ismap.service_registration_terms WHERE registration_id = %s ORDER BY term_no$$, :r1),
                  $$VALUES (1, 101::bigint, 11::bigint, '2023-07-03'::date, '2022-04-01'::date, '2023-03-31'::date, '2024-07-31'::date),
                           (2, 1001, 12, '2024-09-10', '2023-04-01', '2024-03-31', '2025-07-31')$$,
                  'the earlier term stays recorded; the new one is in force from the approval');
SELECT results_eq(format($$SELECT registration_number, registered_on, audit_period_start, audit_period_end, valid_until, audit_id, auditor_id
                            FROM ismap.service_registrations WHERE registration_id = %s$$, :r1),
                  format($$VALUES (%L, '2023-07-03'::date, '2023-04-01'::date, '2024-03-31'::date, '2025-07-31'::date, 12::bigint, %s::bigint)$$,
                         :'r1_number', :b),
                  'the registration keeps its number and registration date and shows the latest term');
SELECT is((SELECT count(*) FROM ismap.service_registrations WHERE service_id = 1), 1::bigint,
          'a renewal makes no new registration');

-- svc_renewal_grace: a renewal is not dated before the term it renews came into force
SELECT ismap_test.audit(13, 1, :a, '2024-04-01', '2024-06-30', '2024-07-15') \g /dev/null
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (1, 'renewal', '2024-09-09', 13)$$, '23514', 'svc_renewal_grace',
                          'a renewal dated the day before the term in force came into force is refused');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, kind, applied_on, audit_id)
                             VALUES (1002, 1, 'renewal', '2024-09-10', 13)$$,
                           'a renewal dated on the day the term came into force is accepted');
SELECT ismap_test.svc_decide(1002, 'withdrawn', '2024-09-20') \g /dev/null
SELECT is(ismap.service_status(:r1, '2024-09-20'), 'valid', 'withdrawing a renewal before expiry leaves the registration valid');

-- ---------------------------------------------------------------------
-- Service 2: renewal filed the day after expiry

SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (2, 'renewal', '2024-08-01', 22)$$, '23514', 'svc_renewal_deadline',
                          'a renewal filed the day after expiry is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id)
                                   VALUES (2, 'renewal', '2025-01-10', 22, %s)$$, :r2), '23514', 'svc_renewal_deadline',
                          'and so is one filed months later');
SELECT is(ismap.service_status(:r2, '2024-08-01'), 'expired', 'the registration expired');
SELECT is((SELECT count(*) FROM ismap_test.listed(:r2, '2024-08-01')), 0::bigint, 'and is off the list');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, applied_on, audit_id)
                             VALUES (2001, 2, '2024-08-01', 22)$$, 'a new application is accepted instead');
SELECT ismap_test.svc_decide(2001, 'approved', '2024-09-02') AS r2b \gset
SELECT isnt(:r2b::bigint, :r2::bigint, 'its approval makes a new registration');
SELECT results_eq(format($$SELECT registration_number ~ '^C24-[0-9]{4}-1$', registration_number <> (SELECT registration_number
                              FROM ismap.service_registrations WHERE registration_id = %s), registered_on, valid_until
                            FROM ismap.service_registrations WHERE registration_id = %s$$, :r2, :r2b),
                  $$VALUES (true, true, '2024-09-02'::date, '2025-07-31'::date)$$,
                  'with a new number of 2024, registered on the decision day');
SELECT results_eq(format($$SELECT ismap.service_status(%1$s, '2024-09-02')::text, ismap.service_status(%2$s, '2024-09-02')::text,
                                  (SELECT count(*) FROM ismap.cloud_service_list_at('2024-09-02') WHERE service_id = 2)$$, :r2, :r2b),
                  $$VALUES ('expired', 'valid', 1::bigint)$$,
                  'the old registration stays expired; the service is listed once');
SELECT ismap_test.audit(23, 2, :a, '2024-04-01', '2025-03-31', '2025-04-20') \g /dev/null
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id)
                                   VALUES (2, 'renewal', '2025-05-01', 23, %s)$$, :r2), '23514', 'svc_renewal_deadline',
                          'the expired registration cannot be renewed');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, kind, applied_on, audit_id)
                             VALUES (2002, 2, 'renewal', '2025-05-01', 23)$$,
                           'a renewal that names no registration, of a service with two ...');
SELECT is((SELECT registration_id FROM ismap.service_applications WHERE application_id = 2002), :r2b::bigint,
          '... renews the one in force');

-- ---------------------------------------------------------------------
-- Service 3: the renewal's audit period follows on from the previous one

SELECT ismap_test.audit(id, 3, :b, s, e, '2024-05-20')
  FROM (VALUES (36, '2023-04-03'::date, '2024-03-31'::date), (37, '2023-04-02', '2024-03-31'),
               (38, '2023-03-31', '2024-03-30'), (39, '2023-01-01', '2023-12-31')) AS x(id, s, e) \g /dev/null
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (3, 'renewal', '2024-06-01', 36)$$, '23514', 'svc_audit_period',
                          'an audit period starting two days after the previous one ended is refused (gap)');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (3, 'renewal', '2024-06-01', 37)$$, '23514', 'svc_audit_period',
                          'and one leaving a one-day gap');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (3, 'renewal', '2024-06-01', 38)$$, '23514', 'svc_audit_period',
                          'an audit period starting on the last day of the previous one is refused (overlap)');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (3, 'renewal', '2024-06-01', 39)$$, '23514', 'svc_audit_period',
                          'and one overlapping by three months');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id)
                                   VALUES (3, 'renewal', '2024-06-01', 32, %s)$$, :r4), '23514', 'svc_application_by_provider',
                          'a renewal of another service''s registration is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id)
                            VALUES (3, 'renewal', '2024-06-01', 32, 99999)$$, '23503', 'svc_application_flow',
                          'a renewal of an unknown registration is refused');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, kind, applied_on, audit_id)
                             VALUES (3001, 3, 'renewal', '2024-06-01', 32)$$,
                           'an audit period starting the day after the previous one ended is accepted');
SELECT ismap_test.audit(91, 9, :a, '2023-04-01', '2024-03-31', '2024-05-20') \g /dev/null
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (9, 'renewal', '2024-06-01', 91)$$, '23514', 'svc_application_flow',
                          'a renewal of a service never registered is refused');

-- ---------------------------------------------------------------------
-- A decision ends the grace on its date

SELECT ismap_test.svc_file(4001, 4, '2024-07-20', 42, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(4001, 'rejected', '2024-08-20') \g /dev/null
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-07-31', '2024-08-01', '2024-08-19', '2024-08-20']::date[]) AS d$$, :r4),
                  $$VALUES ('2024-07-31'::date, 'valid'), ('2024-08-01', 'renewal_pending'), ('2024-08-19', 'renewal_pending'),
                           ('2024-08-20', 'expired')$$,
                  'service 4: renewal rejected on 2024-08-20: in grace until the day before, expired from that day');
SELECT results_eq(format($$SELECT (SELECT status FROM ismap_test.listed(%1$s, '2024-08-19')), (SELECT count(*) FROM ismap_test.listed(%1$s, '2024-08-20'))$$, :r4),
                  $$VALUES ('renewal_pending', 0::bigint)$$, 'listed as renewal_pending until the rejection, not from its day');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (4, 'renewal', '2024-08-21', 42)$$, '23514', 'svc_renewal_deadline',
                          'after the rejection, a renewal is too late');
-- Back-dated renewals: one undecided renewal at a time holds for the
-- recorded history, not only for the rows undecided now.  Otherwise a
-- renewal recorded late re-opens the grace that the rejection ended, and
-- the lists of days already past change from expired to renewal_pending.
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (4, 'renewal', '2024-07-25', 42)$$, '23514', 'svc_application_flow',
                          'a renewal dated while another renewal of the registration was undecided is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (4, 'renewal', '2024-07-10', 42)$$, '23514', 'svc_application_flow',
                          'and so is one dated before it, still undecided when the other was filed and decided');
SELECT is(ismap.service_status(:r4, '2024-08-25'), 'expired', 'the registration stays expired after the rejection');

SELECT ismap_test.svc_file(5001, 5, '2024-07-20', 52, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(5001, 'withdrawn', '2024-08-10') \g /dev/null
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-08-09', '2024-08-10']::date[]) AS d$$, :r5),
                  $$VALUES ('2024-08-09'::date, 'renewal_pending'), ('2024-08-10', 'expired')$$,
                  'service 5: renewal withdrawn on 2024-08-10: expired from that day');

-- Service 6: a renewal returned before expiry, then filed again on the expiry day
SELECT ismap_test.svc_file(6001, 6, '2024-07-01', 62, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(6001, 'returned', '2024-07-10') \g /dev/null
SELECT is(ismap.service_status(:r6, '2024-08-01'), 'expired', 'service 6: renewal returned before expiry: expired after it');
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, kind, applied_on, audit_id)
                             VALUES (6002, 6, 'renewal', '2024-07-31', 62)$$,
                           'a renewal filed again on the expiry day is accepted');
SELECT is(ismap.service_status(:r6, '2024-08-01'), 'renewal_pending', 'and the registration is in grace after expiry');
SELECT ismap_test.svc_decide(6002, 'accepted', NULL) \g /dev/null
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-08-01'
                            WHERE application_id = 6002$$, '23514', 'svc_application_flow',
                          'an approval dated after today is refused');
SET LOCAL ismap.today = '2025-09-01';
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-08-01'
                            WHERE application_id = 6002$$, '23514', 'svc_validity',
                          'a renewal approved after the new term would end is refused');
SET LOCAL ismap.today = '2025-06-01';
SELECT ismap_test.svc_decide(6002, 'approved', '2024-08-15') \g /dev/null
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-08-14', '2024-08-15']::date[]) AS d$$, :r6),
                  $$VALUES ('2024-08-14'::date, 'renewal_pending'), ('2024-08-15', 'valid')$$,
                  'approved on 2024-08-15: valid from that day');

-- ---------------------------------------------------------------------
-- A removed registration cannot be renewed

SELECT ismap_test.svc_change(:r7, 'remove', '2024-06-15', '2024-06-10') \g /dev/null
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (7, 'renewal', '2024-06-20', 72)$$, '55000', 'ovs_suspension',
                          'a renewal of a removed registration is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
                            VALUES (7, 'renewal', '2024-06-15', 72)$$, '55000', 'ovs_suspension',
                          'also on the day of the removal');
-- Service 8: removal scheduled for 2024-09-01, renewal filed before it
SELECT ismap_test.svc_change(:r8, 'remove', '2024-09-01', '2024-07-01') \g /dev/null
SELECT ismap_test.accepted($$INSERT INTO ismap.service_applications (application_id, service_id, kind, applied_on, audit_id)
                             VALUES (8001, 8, 'renewal', '2024-07-15', 82)$$,
                           'a renewal filed before a scheduled removal takes effect is accepted');
SELECT ismap_test.svc_decide(8001, 'accepted', NULL) \g /dev/null
SELECT ismap_test.refused($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-09-01'
                            WHERE application_id = 8001$$, '55000', 'ovs_suspension',
                          'but cannot be approved on or after the removal day');
SELECT ismap_test.accepted($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-08-31'
                             WHERE application_id = 8001$$, 'it can be approved the day before');
SELECT results_eq(format($$SELECT d, ismap.service_status(%s, d)::text FROM unnest(ARRAY['2024-08-31', '2024-09-01', '2025-08-01']::date[]) AS d$$, :r8),
                  $$VALUES ('2024-08-31'::date, 'valid'), ('2024-09-01', 'removed'), ('2025-08-01', 'removed')$$,
                  'and the removal still takes effect');

SELECT * FROM finish();
ROLLBACK;
