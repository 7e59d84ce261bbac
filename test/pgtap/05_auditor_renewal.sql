-- Renewal of auditor registrations: aud_renewal_grace, and the terms that
-- renewals add (aud_validity).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(72);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, format('架空監査法人%s', name), format('Fictional Audit Corporation %s', n))
  FROM (VALUES (1, 'ゆり'), (2, 'すみれ'), (3, 'たんぽぽ'), (4, 'つばき'), (5, 'なでしこ'),
               (6, 'ひまわり'), (7, 'ふじ'), (8, 'ぼたん'), (9, 'やまぶき'), (10, 'りんどう'),
               (11, 'わらび')) AS o(n, name) \g /dev/null

-- ---------------------------------------------------------------------
-- A renewal filed on the expiry day, approved later

SELECT ismap_test.register(101, 1, '2022-04-01', '2022-05-10') AS a1 \gset
SELECT is((SELECT valid_until FROM ismap.auditors WHERE auditor_id = :a1), '2024-04-01'::date,
          '(auditor 1 is valid until 2024-04-01)');
SELECT ismap_test.accepted($$SELECT ismap_test.at('2024-04-01',
                             'INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                              VALUES (102, 1, ''renewal'', ''2024-04-01'')')$$,
                           'a renewal filed on the expiry day is accepted');
SELECT is((SELECT auditor_id FROM ismap.auditor_applications WHERE application_id = 102), :a1::bigint,
          'the extension fills in the auditor it renews');
SELECT is(ismap.auditor_status(:a1, '2024-04-01'), 'valid', 'valid on its expiry day');
SELECT is(ismap.auditor_status(:a1, '2024-04-02'), 'renewal_pending', 'renewal_pending the day after');
SELECT results_eq(format($$SELECT * FROM ismap.auditor_standing(%s, '2024-04-02')$$, :a1),
                  $$VALUES ('renewal_pending'::ismap.listing_status, '2024-04-01'::date)$$,
                  'its standing the day after: renewal_pending, still until 2024-04-01');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on, auditor_id)
                                   VALUES (103, 1, 'renewal', '2024-04-01', %s)$$, :a1),
                          '23514', 'aud_application_flow', 'a second renewal while one is submitted is refused');
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 102;
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                            VALUES (103, 1, 'renewal', '2024-04-01')$$,
                          '23514', 'aud_application_flow', 'a second renewal while one is accepted is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (103, 1, '2024-04-10')$$,
                          '23514', 'aud_application_flow', 'a new application while in renewal grace is refused');
SELECT is(ismap.auditor_status(:a1, '2024-05-14'), 'renewal_pending', 'an accepted renewal keeps the grace');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-05-15'
                             WHERE application_id = 102$$, 'the renewal is approved on 2024-05-15');

SELECT results_eq(
  format($$SELECT term_no, application_id, in_force_from, valid_from, valid_until
             FROM ismap.auditor_terms WHERE auditor_id = %s ORDER BY term_no$$, :a1),
  $$VALUES (1, 101::bigint, '2022-05-10'::date, '2022-04-01'::date, '2024-04-01'::date),
           (2, 102::bigint, '2024-05-15'::date, '2024-04-01'::date, '2026-04-01'::date)$$,
  'the renewal added term 2: in force from the decision, 2 years from the renewal''s application date');
SELECT results_eq(
  format($$SELECT registration_number, registered_on, valid_from, valid_until FROM ismap.auditors WHERE auditor_id = %s$$, :a1),
  $$VALUES ('A22-0001', '2022-05-10'::date, '2024-04-01'::date, '2026-04-01'::date)$$,
  'the auditor keeps its number and registration date; its current term is the new one');
SELECT is((SELECT due_on FROM ismap.auditor_compliance_reports WHERE application_id = 102), '2025-04-01'::date,
          'the renewal has its compliance report, due one year after it was filed');
SELECT is(ismap.auditor_status(:a1, '2024-05-14'), 'renewal_pending', 'renewal_pending the day before the approval');
SELECT is(ismap.auditor_status(:a1, '2024-05-15'), 'valid', 'valid from the day of the approval');
SELECT results_eq(format($$SELECT status, valid_until FROM ismap.auditor_list_at('2024-05-14') WHERE auditor_id = %s$$, :a1),
                  $$VALUES ('renewal_pending'::ismap.listing_status, '2024-04-01'::date)$$,
                  'the list of 2024-05-14 still shows the old expiry');
SELECT results_eq(format($$SELECT status, valid_until FROM ismap.auditor_list_at('2024-05-15') WHERE auditor_id = %s$$, :a1),
                  $$VALUES ('valid'::ismap.listing_status, '2026-04-01'::date)$$,
                  'the list of 2024-05-15 shows the new expiry');
SELECT results_eq(format($$SELECT status, valid_until FROM ismap.auditor_list_at('2023-01-01') WHERE auditor_id = %s$$, :a1),
                  $$VALUES ('valid'::ismap.listing_status, '2024-04-01'::date)$$,
                  'the list of 2023 still shows the expiry of that time');
SELECT is(ismap.auditor_status(:a1, '2026-04-01'), 'valid', 'valid until 2026-04-01');
SELECT is(ismap.auditor_status(:a1, '2026-04-02'), 'expired', 'expired after it');

-- A renewal dated before the latest term came into force
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on, auditor_id)
                                   VALUES (103, 1, 'renewal', '2024-05-14', %s)$$, :a1),
                          '23514', 'aud_renewal_grace', 'a renewal dated before term 2 came into force is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                            VALUES (103, 1, 'renewal', '2024-05-14')$$,
                          '23514', 'aud_renewal_grace', 'also when the auditor is left to the extension');
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                             VALUES (103, 1, 'renewal', '2024-05-15')$$,
                           'a renewal dated on the day term 2 came into force is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2024-05-20'
                             WHERE application_id = 103$$, 'and withdrawn');
SELECT is(ismap.auditor_status(:a1, '2024-05-20'), 'valid', 'its withdrawal does not touch term 2');

-- ---------------------------------------------------------------------
-- A renewal approved before expiry: the new term counts from the renewal.

SELECT ismap_test.register(1101, 11, '2022-07-01', '2022-07-10') AS a11 \gset
SELECT ismap_test.file(1102, 11, '2024-05-01', 'renewal') \g /dev/null
SELECT ismap_test.decide(1102, 'approved', '2024-06-01') \g /dev/null
SELECT results_eq(format($$SELECT * FROM ismap.auditor_standing(%s, '2024-05-31')$$, :a11),
                  $$VALUES ('valid'::ismap.listing_status, '2024-07-01'::date)$$,
                  'the day before an early approval: valid until the old expiry');
SELECT results_eq(format($$SELECT * FROM ismap.auditor_standing(%s, '2024-06-01')$$, :a11),
                  $$VALUES ('valid'::ismap.listing_status, '2026-05-01'::date)$$,
                  'from the approval: valid until 2 years after the renewal was filed');

-- ---------------------------------------------------------------------
-- A renewal filed one day late: no grace, a new application instead

SELECT ismap_test.register(201, 2, '2022-04-01', '2022-04-20') AS a2 \gset
SELECT ismap_test.refused($$SELECT ismap_test.at('2024-04-02',
                            'INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                             VALUES (202, 2, ''renewal'', ''2024-04-02'')')$$,
                          '23514', 'aud_renewal_grace', 'a renewal filed the day after expiry is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on, auditor_id)
                                   VALUES (202, 2, 'renewal', '2024-04-02', %s)$$, :a2),
                          '23514', 'aud_renewal_grace', 'also when it names the auditor');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on, auditor_id)
                                   VALUES (202, 2, 'renewal', '2024-08-01', %s)$$, :a2),
                          '23514', 'aud_renewal_grace', 'and months after expiry');
SELECT is(ismap.auditor_status(:a2, '2024-04-02'), 'expired', 'the auditor is expired the day after expiry');
SELECT ismap_test.accepted($$SELECT ismap_test.at('2024-04-02',
                             'INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                              VALUES (202, 2, ''new'', ''2024-04-02'')')$$,
                           'a new application the day after expiry is accepted');
SELECT ismap_test.decide(202, 'approved', '2024-05-01') AS a2b \gset
SELECT isnt(:a2b::bigint, :a2::bigint, 'its approval creates a new auditor');
SELECT isnt((SELECT registration_number FROM ismap.auditors WHERE auditor_id = :a2b),
            (SELECT registration_number FROM ismap.auditors WHERE auditor_id = :a2),
            'with a new registration number');
SELECT results_eq(format($$SELECT registered_on, valid_from, valid_until FROM ismap.auditors WHERE auditor_id = %s$$, :a2b),
                  $$VALUES ('2024-05-01'::date, '2024-04-02'::date, '2026-04-02'::date)$$,
                  'registered on the decision day, valid 2 years from the new application');
SELECT is(ismap.auditor_status(:a2, '2024-05-01'), 'expired', 'the old registration stays expired');
SELECT is(ismap.auditor_status(:a2b, '2024-05-01'), 'valid', 'the new one is valid');
SELECT results_eq($$SELECT auditor_id FROM ismap.auditor_list_at('2024-05-01') l
                     JOIN ismap.auditors a USING (auditor_id) WHERE a.organization_id = 2$$,
                  format($$VALUES (%s::bigint)$$, :a2b),
                  'the list shows the organization once, under its new number');

-- ---------------------------------------------------------------------
-- Rejection, withdrawal and return end the grace on their date.

SELECT ismap_test.register(301, 3, '2022-04-01', '2022-04-25') AS a3 \gset
SELECT ismap_test.file(302, 3, '2024-03-20', 'renewal') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 302;
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2024-05-10'
                             WHERE application_id = 302$$, 'a renewal is rejected on 2024-05-10');
SELECT is(ismap.auditor_status(:a3, '2024-04-01'), 'valid', 'rejected renewal: valid until expiry');
SELECT is(ismap.auditor_status(:a3, '2024-04-02'), 'renewal_pending', 'rejected renewal: renewal_pending after expiry');
SELECT is(ismap.auditor_status(:a3, '2024-05-09'), 'renewal_pending', 'rejected renewal: renewal_pending the day before the rejection');
SELECT is(ismap.auditor_status(:a3, '2024-05-10'), 'expired', 'rejected renewal: expired on the day of the rejection');
SELECT is((SELECT valid_until FROM ismap.auditors WHERE auditor_id = :a3), '2024-04-01'::date,
          'a rejection adds no term');
SELECT is((SELECT count(*) FROM ismap.auditor_compliance_reports WHERE application_id = 302), 0::bigint,
          'and no compliance report');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                            VALUES (303, 3, 'renewal', '2024-05-11')$$,
                          '23514', 'aud_renewal_grace', 'after the rejection, a renewal is refused');
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                             VALUES (303, 3, '2024-05-11')$$, 'and a new application accepted');

SELECT ismap_test.register(401, 4, '2022-04-01', '2022-04-26') AS a4 \gset
SELECT ismap_test.file(402, 4, '2024-04-01', 'renewal') \g /dev/null
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2024-04-20'
                             WHERE application_id = 402$$, 'a submitted renewal is withdrawn on 2024-04-20');
SELECT is(ismap.auditor_status(:a4, '2024-04-19'), 'renewal_pending', 'withdrawn renewal: renewal_pending the day before the withdrawal');
SELECT is(ismap.auditor_status(:a4, '2024-04-20'), 'expired', 'withdrawn renewal: expired on the day of the withdrawal');

SELECT ismap_test.register(501, 5, '2022-04-01', '2022-04-27') AS a5 \gset
SELECT ismap_test.file(502, 5, '2024-03-25', 'renewal') \g /dev/null
SELECT ismap_test.decide(502, 'returned', '2024-04-05') \g /dev/null
SELECT is(ismap.auditor_status(:a5, '2024-04-04'), 'renewal_pending', 'returned renewal: renewal_pending the day before the return');
SELECT is(ismap.auditor_status(:a5, '2024-04-05'), 'expired', 'returned renewal: expired on the day of the return');

-- A renewal decided before expiry, then another one filed in time
SELECT ismap_test.register(601, 6, '2022-04-01', '2022-04-28') AS a6 \gset
SELECT ismap_test.file(602, 6, '2024-03-01', 'renewal') \g /dev/null
SELECT ismap_test.decide(602, 'rejected', '2024-03-10') \g /dev/null
SELECT is(ismap.auditor_status(:a6, '2024-03-10'), 'valid', 'a renewal rejected before expiry: still valid');
SELECT is(ismap.auditor_status(:a6, '2024-04-02'), 'expired', 'and expired after expiry');
SELECT ismap_test.accepted($$SELECT ismap_test.at('2024-03-15',
                             'INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                              VALUES (603, 6, ''renewal'', ''2024-03-15'')')$$,
                           'after a decided renewal, another renewal filed before expiry is accepted');
SELECT is(ismap.auditor_status(:a6, '2024-04-02'), 'renewal_pending', 'and it gives the grace');
SELECT is(ismap.auditor_status(:a6), 'renewal_pending', 'which lasts while it is undecided');

-- ---------------------------------------------------------------------
-- Removed auditors are never renewed (ovs_suspension).

SELECT ismap_test.register(701, 7, '2023-01-10', '2023-02-01') AS a7 \gset
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:a7, 'remove', '2024-02-01', '虚偽の申請');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on, auditor_id)
                                   VALUES (702, 7, 'renewal', '2024-03-01', %s)$$, :a7),
                          '55000', 'ovs_suspension', 'a renewal of a removed auditor is refused');
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                             VALUES (702, 7, '2024-03-01')$$,
                           'the organization of a removed auditor may file a new application');

SELECT ismap_test.register(801, 8, '2022-06-01', '2022-06-15') AS a8 \gset
SELECT ismap_test.file(802, 8, '2024-05-01', 'renewal') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 802;
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:a8, 'remove', '2024-05-20', '要求への不対応');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-06-10'
                            WHERE application_id = 802$$,
                          '55000', 'ovs_suspension', 'approving a renewal of an auditor removed meanwhile is refused');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2024-06-10'
                             WHERE application_id = 802$$, 'rejecting it is accepted');
SELECT is(ismap.auditor_status(:a8, '2024-05-20'), 'removed', 'the auditor is removed from the removal day');

-- ---------------------------------------------------------------------
-- What a renewal renews

SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on, auditor_id)
                                   VALUES (901, 9, 'renewal', '2024-08-01', %s)$$, :a1),
                          '23514', 'aud_application_flow', 'a renewal of another organization''s auditor is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                            VALUES (901, 9, 'renewal', '2024-08-01')$$,
                          '23514', 'aud_application_flow', 'a renewal of an organization that has no auditor is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on, auditor_id)
                            VALUES (901, 9, 'renewal', '2024-08-01', 99999)$$,
                          '23503', 'aud_application_flow', 'a renewal of an auditor that does not exist is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                            VALUES (901, 9, 'renewal', '2024-09-02')$$,
                          '23514', 'aud_application_flow', 'a renewal dated tomorrow is refused');
SELECT ismap_test.refused(format($$UPDATE ismap.auditor_applications SET kind = 'renewal', auditor_id = %s
                                   WHERE application_id = 303$$, :a3),
                          '55000', 'aud_application_flow', 'a new application cannot be turned into a renewal');

-- A suspended auditor may file its renewal, and stays suspended.
SELECT ismap_test.register(1001, 10, '2022-05-01', '2022-05-20') AS a10 \gset
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:a10, 'suspend', '2024-03-01', '監査品質の調査');
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                             VALUES (1002, 10, 'renewal', '2024-04-20')$$,
                           'a suspended auditor files its renewal');
SELECT is((SELECT auditor_id FROM ismap.auditor_applications WHERE application_id = 1002), :a10::bigint,
          'the extension fills in the suspended auditor');
SELECT is(ismap.auditor_status(:a10, '2024-05-02'), 'suspended', 'suspended wins over renewal_pending');
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:a10, 'lift', '2024-05-10', '是正の確認');
SELECT is(ismap.auditor_status(:a10, '2024-05-10'), 'renewal_pending', 'once lifted, renewal_pending');

SELECT * FROM finish();
ROLLBACK;
