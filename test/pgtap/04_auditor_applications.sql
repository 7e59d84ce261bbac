-- Auditor applications: the state machine (aud_application_flow), what an
-- approval creates (auditor, term, compliance report), and the tables that
-- only the extension writes.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(118);
SET LOCAL ismap.today = '2024-06-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, format('架空監査法人%s', name), format('Fictional Audit Corporation %s', n))
  FROM (VALUES (1, 'あかね'), (2, 'いちょう'), (3, 'うめ'), (4, 'えのき'), (5, 'おぎ'),
               (6, 'かし'), (7, 'きり'), (8, 'くす'), (9, 'けやき'), (10, 'こぶし'),
               (11, 'さかき'), (12, 'しい'), (13, 'すぎ'), (14, 'せり')) AS o(n, name) \g /dev/null

-- ---------------------------------------------------------------------
-- Every allowed transition

SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                             VALUES (101, 1, '2024-04-01')$$, 'a new application is filed as submitted');
SELECT results_eq($$SELECT kind::text, status::text, decided_on, auditor_id FROM ismap.auditor_applications WHERE application_id = 101$$,
                  $$VALUES ('new', 'submitted', NULL::date, NULL::bigint)$$,
                  'it is new, submitted, undecided and names no auditor');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 101$$,
                           'submitted -> accepted is allowed');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-05-20'
                             WHERE application_id = 101$$, 'accepted -> approved is allowed');

SELECT ismap_test.file(201, 2, '2024-04-02') \g /dev/null
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2024-04-05'
                             WHERE application_id = 201$$, 'submitted -> returned is allowed');
SELECT ismap_test.file(301, 3, '2024-04-03') \g /dev/null
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2024-04-06'
                             WHERE application_id = 301$$, 'submitted -> withdrawn is allowed');
SELECT ismap_test.file(401, 4, '2024-04-04') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 401;
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2024-05-01'
                             WHERE application_id = 401$$, 'accepted -> rejected is allowed');
SELECT ismap_test.file(501, 5, '2024-04-05') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 501;
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2024-05-02'
                             WHERE application_id = 501$$, 'accepted -> withdrawn is allowed');

SELECT results_eq(
  $$SELECT application_id, status::text, decided_on, auditor_id IS NOT NULL
      FROM ismap.auditor_applications ORDER BY application_id$$,
  $$VALUES (101::bigint, 'approved', '2024-05-20'::date, true), (201, 'returned', '2024-04-05', false),
           (301, 'withdrawn', '2024-04-06', false), (401, 'rejected', '2024-05-01', false),
           (501, 'withdrawn', '2024-05-02', false)$$,
  'the five decisions are recorded; only the approval names an auditor');

-- ---------------------------------------------------------------------
-- What the approval created

SELECT ismap_test.auditor(1) AS a1 \gset
SELECT results_eq(
  $$SELECT registration_number, organization_id, registered_on, valid_from, valid_until FROM ismap.auditors$$,
  $$VALUES ('A24-0001', 1::bigint, '2024-05-20'::date, '2024-04-01'::date, '2026-04-01'::date)$$,
  'the approval created auditor A24-0001: registered on the decision day, valid from the application date for 2 years');
SELECT is((SELECT auditor_id FROM ismap.auditor_applications WHERE application_id = 101), :a1::bigint,
          'the approved application names the auditor it created');
SELECT results_eq(
  $$SELECT auditor_id, term_no, application_id, in_force_from, valid_from, valid_until FROM ismap.auditor_terms$$,
  format($$VALUES (%s::bigint, 1, 101::bigint, '2024-05-20'::date, '2024-04-01'::date, '2026-04-01'::date)$$, :a1),
  'and its first term, in force from the decision day');
SELECT results_eq(
  $$SELECT auditor_id, application_id, due_on, filed_on FROM ismap.auditor_compliance_reports$$,
  format($$VALUES (%s::bigint, 101::bigint, '2025-04-01'::date, NULL::date)$$, :a1),
  'and a compliance report due one year after the application date');
SELECT is(ismap.auditor_status(:a1, '2024-05-19'), NULL, 'the auditor has no status before its registration day');
SELECT is(ismap.auditor_status(:a1, '2024-05-20'), 'valid', 'and is valid from its registration day');
SELECT is((SELECT registration_number FROM ismap.auditor_list), 'A24-0001', 'and is on the public list');
SELECT is((SELECT count(*) FROM ismap.auditor_compliance_reports WHERE application_id IN (201, 301, 401, 501)),
          0::bigint, 'returned, withdrawn and rejected applications create no compliance report');

-- ---------------------------------------------------------------------
-- Disallowed transitions of undecided applications: 55000

SELECT ismap_test.file(601, 6, '2024-05-01') \g /dev/null
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-05-10'
                            WHERE application_id = 601$$, '55000', 'aud_application_flow',
                          'submitted -> approved is refused (it must be accepted first)');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2024-05-10'
                            WHERE application_id = 601$$, '55000', 'aud_application_flow',
                          'submitted -> rejected is refused');
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 601;
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'submitted' WHERE application_id = 601$$,
                          '55000', 'aud_application_flow', 'accepted -> submitted is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2024-05-10'
                            WHERE application_id = 601$$, '55000', 'aud_application_flow',
                          'accepted -> returned is refused');

-- Decided applications never change: every other status, 55000.
SELECT ismap_test.refused(
         format($$UPDATE ismap.auditor_applications SET status = %L, decided_on = %L WHERE application_id = %s$$,
                t.status, CASE WHEN t.status IN ('submitted', 'accepted') THEN NULL ELSE '2024-05-30' END, a.id),
         '55000', 'aud_application_flow', format('a %s application cannot become %s', a.status, t.status))
  FROM (VALUES (101, 'approved'), (201, 'returned'), (301, 'withdrawn'), (401, 'rejected')) AS a(id, status)
 CROSS JOIN unnest(enum_range(NULL::ismap.application_status)) AS t(status)
 WHERE t.status::text <> a.status
 ORDER BY a.id, t.status;
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET decided_on = '2024-05-21' WHERE application_id = 101$$,
                          '55000', 'aud_application_flow', 'the decision date of an approval cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET decided_on = '2024-04-06' WHERE application_id = 201$$,
                          '55000', 'aud_application_flow', 'the decision date of a return cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET applied_on = '2024-03-01' WHERE application_id = 401$$,
                          '55000', 'aud_application_flow', 'the application date of a decided application cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET auditor_id = NULL WHERE application_id = 101$$,
                          '55000', 'aud_application_flow', 'the auditor of an approved application cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'approved' WHERE application_id = 101$$,
                          '55000', 'aud_application_flow', 'even a no-op update of a decided application is refused');

-- Columns other than status and decided_on are fixed at filing.
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET applied_on = '2024-04-30' WHERE application_id = 601$$,
                          '55000', 'aud_application_flow', 'the application date cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET organization_id = 7 WHERE application_id = 601$$,
                          '55000', 'aud_application_flow', 'the applicant cannot be changed');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET kind = 'renewal' WHERE application_id = 601$$,
                          '55000', 'aud_application_flow', 'the kind cannot be changed');
SELECT ismap_test.refused(format($$UPDATE ismap.auditor_applications SET auditor_id = %s WHERE application_id = 601$$, :a1),
                          '55000', 'aud_application_flow', 'the auditor cannot be set by hand');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET application_id = 602 WHERE application_id = 601$$,
                          '55000', 'aud_application_flow', 'the application id cannot be changed');

-- Applications are never deleted, whatever their state.
SELECT ismap_test.refused($$DELETE FROM ismap.auditor_applications WHERE application_id = 601$$,
                          '55000', 'aud_application_flow', 'an undecided application cannot be deleted');
SELECT ismap_test.refused($$DELETE FROM ismap.auditor_applications WHERE application_id = 301$$,
                          '55000', 'aud_application_flow', 'a withdrawn application cannot be deleted');
SELECT ismap_test.refused($$TRUNCATE ismap.auditor_applications CASCADE$$,
                          '55000', 'sec_history', 'auditor applications cannot be truncated');

-- An application starts as submitted and undecided.
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on, status)
                            VALUES (701, 7, '2024-05-01', 'accepted')$$, '55000', 'aud_application_flow',
                          'an application cannot be filed as accepted');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on, status, decided_on)
                            VALUES (701, 7, '2024-05-01', 'approved', '2024-05-02')$$, '55000', 'aud_application_flow',
                          'an application cannot be filed as approved');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on, decided_on)
                            VALUES (701, 7, '2024-05-01', '2024-05-02')$$, '55000', 'aud_application_flow',
                          'an application cannot be filed with a decision date');

-- ---------------------------------------------------------------------
-- Dates: applied_on and decided_on not after today, decided_on not before
-- applied_on.

SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (701, 7, '2024-06-02')$$, '23514', 'aud_application_flow',
                          'an application dated tomorrow is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (701, 7, NULL)$$, '23502', 'aud_application_flow',
                          'an application without a date is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (701, 7, 'infinity')$$, '22007', 'aud_application_flow',
                          'an application dated infinity is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (701, 7, '-infinity')$$, '22007', 'aud_application_flow',
                          'an application dated -infinity is refused');
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                             VALUES (701, 7, '2024-06-01')$$, 'an application dated today is accepted');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2024-06-02'
                            WHERE application_id = 701$$, '23514', 'aud_application_flow',
                          'a decision dated tomorrow is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2024-05-31'
                            WHERE application_id = 701$$, '23514', 'aud_application_flow',
                          'a decision dated before the application is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'returned'
                            WHERE application_id = 701$$, '23502', 'aud_application_flow',
                          'a return without its decision date is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'withdrawn'
                            WHERE application_id = 701$$, '23502', 'aud_application_flow',
                          'a withdrawal without its decision date is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = 'infinity'
                            WHERE application_id = 701$$, '22007', 'aud_application_flow',
                          'a decision dated infinity is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET decided_on = '2024-06-01'
                            WHERE application_id = 701$$, '23514', 'aud_application_flow',
                          'a submitted application carries no decision date');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'accepted', decided_on = '2024-06-01'
                            WHERE application_id = 701$$, '23514', 'aud_application_flow',
                          'an accepted application carries no decision date');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2024-06-01'
                             WHERE application_id = 701$$,
                           'a return dated today, the day of the application, is accepted');
SELECT ismap_test.file(801, 8, '2024-05-01') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 801;
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'rejected'
                            WHERE application_id = 801$$, '23502', 'aud_application_flow',
                          'a rejection without its decision date is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'approved'
                            WHERE application_id = 801$$, '23502', 'aud_application_flow',
                          'an approval without its decision date is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-06-02'
                            WHERE application_id = 801$$, '23514', 'aud_application_flow',
                          'an approval dated tomorrow is refused');
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-04-30'
                            WHERE application_id = 801$$, '23514', 'aud_application_flow',
                          'an approval dated before the application is refused');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-06-01'
                             WHERE application_id = 801$$, 'an approval dated today is accepted');
SELECT is((SELECT registration_number FROM ismap.auditors WHERE organization_id = 8), 'A24-0002',
          'the second approval gets the next number, A24-0002');

-- Values that are not labels of the enumerations: PostgreSQL's own 22P02.
SELECT throws_ok($$UPDATE ismap.auditor_applications SET status = 'pending' WHERE application_id = 601$$,
                 '22P02', NULL, 'an unknown status is refused by PostgreSQL (22P02)');
SELECT throws_ok($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                   VALUES (901, 9, 'transfer', '2024-05-01')$$,
                 '22P02', NULL, 'an unknown kind is refused by PostgreSQL (22P02)');

-- The applicant
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (901, NULL, '2024-05-01')$$, '23502', 'aud_application_flow',
                          'an application without an organization is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (901, 999, '2024-05-01')$$, '23503', 'aud_application_flow',
                          'an application of an unknown organization is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                            VALUES (901, 9, NULL, '2024-05-01')$$, '23502', 'aud_application_flow',
                          'an application without a kind is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on, auditor_id)
                                   VALUES (901, 9, '2024-05-01', %s)$$, :a1), '23514', 'aud_application_flow',
                          'a new application naming an auditor is refused');

-- ---------------------------------------------------------------------
-- One registration and one undecided new application per organization

SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (102, 1, '2024-06-01')$$, '23514', 'aud_application_flow',
                          'a new application of an organization whose auditor is valid is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (102, 1, '2024-05-20')$$, '23514', 'aud_application_flow',
                          'also when dated on the registration day');
SELECT ismap_test.register(1001, 10, '2024-01-10', '2024-02-01') AS a10 \gset
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:a10, 'suspend', '2024-03-01', '監査機関要求基準への不適合');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (1002, 10, '2024-05-01')$$, '23514', 'aud_application_flow',
                          'a new application of an organization whose auditor is suspended is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, kind, applied_on)
                            VALUES (1002, 10, 'new', '2024-02-15')$$, '23514', 'aud_application_flow',
                          'also when dated back to a day the auditor was valid');

SELECT ismap_test.file(901, 9, '2024-05-01') \g /dev/null
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (902, 9, '2024-05-02')$$, '23514', 'aud_application_flow',
                          'a second new application while one is submitted is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                            VALUES (602, 6, '2024-05-02')$$, '23514', 'aud_application_flow',
                          'a second new application while one is accepted is refused');
UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2024-05-03' WHERE application_id = 901;
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                             VALUES (902, 9, '2024-05-04')$$,
                           'after a withdrawal the organization files again');
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                             VALUES (202, 2, '2024-05-04')$$,
                           'after a return the organization files again');
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                             VALUES (402, 4, '2024-05-04')$$,
                           'after a rejection the organization files again');

-- ---------------------------------------------------------------------
-- aud_validity at approval: a term that would end before the decision

SELECT ismap_test.file(1201, 12, '2022-03-01') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 1201;
SELECT ismap_test.refused($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-03-02'
                            WHERE application_id = 1201$$, '23514', 'aud_validity',
                          'an approval after the term would have ended (2024-03-01) is refused');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-03-01'
                             WHERE application_id = 1201$$,
                           'an approval on the last day of the term is accepted');
SELECT ismap_test.auditor(12) AS a12 \gset
SELECT is((SELECT valid_until FROM ismap.auditors WHERE auditor_id = :a12), '2024-03-01'::date,
          'that auditor is valid until 2024-03-01');
SELECT is(ismap.auditor_status(:a12, '2024-03-01'), 'valid', 'valid on its one day');
SELECT is(ismap.auditor_status(:a12, '2024-03-02'), 'expired', 'expired the day after');
SELECT is(ismap.auditor_status(:a12), 'expired', 'and expired today');

-- Registration numbers carry the year of the decision.
SELECT ismap_test.register(1101, 11, '2023-03-01', '2023-03-20') AS a11 \gset
SELECT matches((SELECT registration_number FROM ismap.auditors WHERE auditor_id = :a11), '^A23-[0-9]{4}$',
               'an approval decided in 2023 gets a number A23-nnnn');
SELECT is((SELECT count(*) FROM ismap.auditors WHERE registration_number !~ '^A[0-9]{2}-[0-9]{4}$'), 0::bigint,
          'every registration number reads A, two digits of year, a hyphen and four digits');
SELECT is((SELECT count(DISTINCT registration_number) FROM ismap.auditors),
          (SELECT count(*) FROM ismap.auditors), 'registration numbers are unique');

-- ---------------------------------------------------------------------
-- auditors and auditor_terms are written only by the extension: 42501,
-- even for a superuser.

SELECT is(current_setting('is_superuser'), 'on', '(this suite runs as a superuser)');
SELECT ismap_test.refused($$INSERT INTO ismap.auditors (registration_number, organization_id, registered_on, valid_from, valid_until)
                            VALUES ('A24-9999', 13, '2024-05-01', '2024-04-01', '2026-04-01')$$,
                          '42501', 'aud_application_flow', 'a superuser cannot insert an auditor');
SELECT ismap_test.refused(format($$UPDATE ismap.auditors SET valid_until = '2030-01-01' WHERE auditor_id = %s$$, :a1),
                          '42501', 'aud_application_flow', 'a superuser cannot change an auditor''s expiry');
SELECT ismap_test.refused(format($$UPDATE ismap.auditors SET registration_number = 'A24-0100' WHERE auditor_id = %s$$, :a1),
                          '42501', 'aud_application_flow', 'a superuser cannot change a registration number');
SELECT ismap_test.refused(format($$DELETE FROM ismap.auditors WHERE auditor_id = %s$$, :a12),
                          '42501', 'aud_application_flow', 'a superuser cannot delete an auditor');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_terms (auditor_id, term_no, application_id, in_force_from, valid_from, valid_until)
                                   VALUES (%s, 2, 501, '2024-05-02', '2024-04-05', '2026-04-05')$$, :a1),
                          '42501', 'aud_validity', 'a superuser cannot insert a term');
SELECT ismap_test.refused(format($$UPDATE ismap.auditor_terms SET in_force_from = '2024-05-01' WHERE auditor_id = %s$$, :a1),
                          '42501', 'aud_validity', 'a superuser cannot update a term');
SELECT ismap_test.refused(format($$DELETE FROM ismap.auditor_terms WHERE auditor_id = %s$$, :a12),
                          '42501', 'aud_validity', 'a superuser cannot delete a term');
SELECT ismap_test.refused($$TRUNCATE ismap.auditors CASCADE$$, '55000', 'sec_history', 'auditors cannot be truncated');
SELECT ismap_test.refused($$TRUNCATE ismap.auditor_terms$$, '55000', 'sec_history', 'auditor terms cannot be truncated');

-- ---------------------------------------------------------------------
-- A role that may only write applications approves, and the extension
-- writes the registration for it.  The role has three capacities (the
-- union of theirs): the audit firm's, which files for organization 13; the
-- operator's, which accepts; the committee's, which approves.

CREATE ROLE ismap_test_committee_04 NOLOGIN IN ROLE ismap_auditor, ismap_operator, ismap_committee;
INSERT INTO ismap.role_organizations VALUES ('ismap_test_committee_04', 13);
SET LOCAL ROLE ismap_test_committee_04;
SELECT ismap_test.accepted($$INSERT INTO ismap.auditor_applications (application_id, organization_id, applied_on)
                             VALUES (1301, 13, '2024-05-01')$$, 'the committee role files an application');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 1301$$,
                           'the committee role accepts it');
SELECT ismap_test.accepted($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-05-15'
                             WHERE application_id = 1301$$, 'the committee role approves it');
SELECT ismap_test.refused($$INSERT INTO ismap.auditors (registration_number, organization_id, registered_on, valid_from, valid_until)
                            VALUES ('A24-9998', 14, '2024-05-01', '2024-04-01', '2026-04-01')$$,
                          '42501', NULL, 'the committee role cannot write auditors itself');
SELECT ismap_test.refused($$DELETE FROM ismap.auditor_applications WHERE application_id = 1301$$,
                          '42501', NULL, 'nor delete applications (no privilege)');
RESET ROLE;
SELECT results_eq(
  $$SELECT registered_on, valid_from, valid_until FROM ismap.auditors WHERE organization_id = 13$$,
  $$VALUES ('2024-05-15'::date, '2024-05-01'::date, '2026-05-01'::date)$$,
  'the committee''s approval created the auditor');
SELECT is((SELECT count(*) FROM ismap.auditor_terms t JOIN ismap.auditors a USING (auditor_id) WHERE a.organization_id = 13),
          1::bigint, 'with its term');
SELECT is((SELECT due_on FROM ismap.auditor_compliance_reports WHERE application_id = 1301), '2025-05-01'::date,
          'and its compliance report');

SELECT * FROM finish();
ROLLBACK;
