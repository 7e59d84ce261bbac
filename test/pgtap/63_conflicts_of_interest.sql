-- Conflicts of interest (sec_conflict_of_interest, 9.2): who declares an
-- interest and how it ends (ismap.declared_interests), the decisions it
-- bars on the first and last day it is in force, and the audits that an
-- audit firm's consulting bars over the cooling-off period.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(73);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;

-- Run a statement as role 'who' on a day (ismap.today pinned, which only a
-- superuser may do: the pin comes first, then the role); both are put back.
CREATE FUNCTION ismap_test.as_on(who name, day date, statement text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  previous text := current_setting('ismap.today');
BEGIN
  PERFORM set_config('ismap.today', to_char(day, 'YYYY-MM-DD'), true);
  PERFORM set_config('role', who, true);
  EXECUTE statement;
  PERFORM set_config('role', 'none', true);
  PERFORM set_config('ismap.today', previous, true);
END $$;

-- refused(), as role 'who' on a day.
CREATE FUNCTION ismap_test.refused_as(who name, day date, statement text, want_sqlstate text,
                                      want_rule text, description text) RETURNS text
LANGUAGE sql AS $$
  SELECT ismap_test.refused(format('SELECT ismap_test.as_on(%L, %L, %L)', who, day, statement),
                            want_sqlstate, want_rule, description)
$$;

-- One test that role 'who' may do the statement on a day (it succeeds and
-- changes the registry); it is undone, so that the next test starts from
-- the same registry.
CREATE FUNCTION ismap_test.allowed_as(who name, day date, statement text, description text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  before text := ismap_test.digest();
  changed boolean;
  s text;
  m text;
BEGIN
  BEGIN
    PERFORM ismap_test.as_on(who, day, statement);
    changed := before <> ismap_test.digest();
    RAISE EXCEPTION USING ERRCODE = 'ZT999', MESSAGE = 'ismap_test: undo';
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, m = MESSAGE_TEXT;
  END;
  RETURN is(CASE WHEN s <> 'ZT999' THEN s || ' ' || m
                 WHEN changed THEN 'done' ELSE 'nothing done' END,
            'done', description);
END $$;

-- Audit firms 1 and 2, providers 11 and 12, applicants 13 and 14 (audit
-- firms applying), and an audit firm 3 that also provides a service.
SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人かすみ'), (2, '架空監査法人つばめ'), (3, '架空監査法人みぞれ'),
               (11, '架空クラウド株式会社きらら'), (12, '架空クラウド株式会社くじら'),
               (13, '架空監査法人さざなみ'), (14, '架空監査法人しおさい')) AS o(n, name)
 \g /dev/null
SELECT ismap_test.register(101, 1, '2024-04-01', '2024-05-10') AS a1 \gset
SELECT ismap_test.register(201, 2, '2024-04-01', '2024-05-10') AS a2 \gset
SELECT ismap_test.register(301, 3, '2024-04-01', '2024-05-10') AS a3 \gset
SELECT ismap_test.service(1, 11, '架空会議室予約') \g /dev/null
SELECT ismap_test.service(2, 12, '架空電子帳簿') \g /dev/null
SELECT ismap_test.service(3, 3, '架空監査調書管理') \g /dev/null
SELECT ismap_test.audit(11, 1, :a2, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(21, 2, :a2, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
-- Service application 2001 (service 1) stays submitted; 2101 (service 2)
-- is accepted.  Auditor application 1301 (organization 13) stays
-- submitted; 1401 (organization 14) is accepted.
SELECT ismap_test.svc_file(2001, 1, '2025-01-25', 11) \g /dev/null
SELECT ismap_test.svc_file(2101, 2, '2025-01-25', 21) \g /dev/null
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 2101;
SELECT ismap_test.file(1301, 13, '2025-03-01') \g /dev/null
SELECT ismap_test.file(1401, 14, '2025-03-01') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 1401;

-- Reviewers: two operators, two committee members; an auditor role of
-- organization 13 and a provider role of organization 11.
CREATE ROLE ismap_t63_op IN ROLE ismap_operator;
CREATE ROLE ismap_t63_op2 IN ROLE ismap_operator;
CREATE ROLE ismap_t63_cm IN ROLE ismap_committee;
CREATE ROLE ismap_t63_cm2 IN ROLE ismap_committee;
CREATE ROLE ismap_t63_aud IN ROLE ismap_auditor;
CREATE ROLE ismap_t63_prov IN ROLE ismap_provider;
INSERT INTO ismap.role_organizations VALUES ('ismap_t63_aud', 13), ('ismap_t63_prov', 11);

-- ---------- declaring ----------
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (role_name, organization_id, subject_organization_id, kind, valid_from)
  VALUES ('ismap_t63_op', 1, 13, 'financial', '2025-03-10')$$, '23514', 'sec_conflict_of_interest',
  'an interest is a role''s or an organization''s, not both');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (subject_organization_id, kind, valid_from) VALUES (13, 'financial', '2025-03-10')$$,
  '23514', 'sec_conflict_of_interest', 'nor nobody''s');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (role_name, subject_organization_id, kind, valid_from) VALUES ('ismap_t63_cm', 13, 'financial', '2025-03-10')$$,
  '42501', 'sec_role_authority', 'a role does not declare another role''s interest');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (organization_id, subject_organization_id, kind, valid_from) VALUES (1, 11, 'consulting', '2024-01-01')$$,
  '42501', 'sec_role_authority', 'an operator does not declare an audit firm''s interest');
SELECT ismap_test.refused_as('ismap_t63_aud', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (role_name, subject_organization_id, kind, valid_from) VALUES ('ismap_t63_aud', 11, 'financial', '2025-03-10')$$,
  '42501', NULL, 'an auditor role declares nothing (no privilege)');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (role_name, subject_organization_id, kind, valid_from) VALUES ('ismap_t63_op', 99, 'financial', '2025-03-10')$$,
  '23503', 'sec_conflict_of_interest', 'the organization the interest is in is recorded');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (organization_id, subject_organization_id, kind, valid_from) VALUES (98, 11, 'consulting', '2024-01-01')$$,
  '23503', 'sec_conflict_of_interest', 'so is the audit firm that declares');
SELECT ismap_test.refused($$INSERT INTO ismap.declared_interests
  (role_name, subject_organization_id, kind, valid_from) VALUES ('ismap_t63_nobody', 13, 'financial', '2025-03-10')$$,
  '23503', 'sec_conflict_of_interest', 'the role that declares exists');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (role_name, subject_organization_id, valid_from) VALUES ('ismap_t63_op', 13, '2025-03-10')$$,
  '23502', 'sec_conflict_of_interest', 'an interest has a kind');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (role_name, subject_organization_id, kind) VALUES ('ismap_t63_op', 13, 'financial')$$,
  '23502', 'sec_conflict_of_interest', 'and a first day');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (role_name, subject_organization_id, kind, valid_from) VALUES ('ismap_t63_op', 13, 'financial', '-infinity')$$,
  '22007', 'sec_conflict_of_interest', 'which is a calendar day');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (role_name, subject_organization_id, kind, valid_from, valid_until)
  VALUES ('ismap_t63_op', 13, 'financial', '2025-03-10', '2025-03-09')$$,
  '23514', 'sec_conflict_of_interest', 'an interest does not end before it begins');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (organization_id, subject_organization_id, kind, valid_from) VALUES (1, 1, 'consulting', '2024-01-01')$$,
  '23514', 'sec_conflict_of_interest', 'an audit firm''s interest is in another organization');

-- The operator's interest in applicant 13 and the committee member's in
-- applicant 14, each in force from 2025-03-10 to 2025-03-20; the
-- operator's in provider 11 and the committee member's in provider 12
-- over the same days.  A past interest may be declared.
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (role_name, subject_organization_id, kind, valid_from, valid_until)
  VALUES ('ismap_t63_op', 13, 'financial', '2025-03-10', '2025-03-20')$$,
  'an operator declares its own interest');
SELECT ismap_test.as_on('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (interest_id, role_name, subject_organization_id, kind, valid_from, valid_until)
  VALUES (1, 'ismap_t63_op', 13, 'financial', '2025-03-10', '2025-03-20'),
         (2, 'ismap_t63_op', 11, 'other', '2025-03-10', '2025-03-20')$$) \g /dev/null
SELECT ismap_test.as_on('ismap_t63_cm', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (interest_id, role_name, subject_organization_id, kind, valid_from, valid_until)
  VALUES (3, 'ismap_t63_cm', 14, 'consulting', '2025-03-10', '2025-03-20'),
         (4, 'ismap_t63_cm', 12, 'financial', '2025-03-10', '2025-03-20')$$) \g /dev/null
-- An open interest of the operator in organization 12, and one of the
-- auditor role in its own organization 13, declared by a superuser.
SELECT ismap_test.as_on('ismap_t63_op', '2025-03-01', $$INSERT INTO ismap.declared_interests
  (interest_id, role_name, subject_organization_id, kind, valid_from)
  VALUES (5, 'ismap_t63_op', 12, 'other', '2025-01-01')$$) \g /dev/null
INSERT INTO ismap.declared_interests (interest_id, role_name, subject_organization_id, kind, valid_from)
VALUES (6, 'ismap_t63_aud', 13, 'other', '2025-01-01');
SELECT is((SELECT count(*) FROM ismap.history WHERE table_name = 'declared_interests'
             AND operation = 'INSERT' AND acting_user_name = 'ismap_t63_op'), 3::bigint,
          'each declaration is logged with the role that made it');

-- ---------- ending ----------
SELECT ismap_test.refused_as('ismap_t63_op', '2025-06-01',
  $$DELETE FROM ismap.declared_interests WHERE interest_id = 5$$, '42501', NULL,
  'an interest is not deleted (no privilege)');
SELECT ismap_test.refused($$DELETE FROM ismap.declared_interests WHERE interest_id = 5$$,
  '55000', 'sec_history', 'not even by a superuser');
SELECT ismap_test.refused($$UPDATE ismap.declared_interests SET kind = 'consulting' WHERE interest_id = 5$$,
  '55000', 'sec_history', 'an UPDATE changes only valid_until');
SELECT ismap_test.refused_as('ismap_t63_op2', '2025-06-01',
  $$UPDATE ismap.declared_interests SET valid_until = '2025-06-30' WHERE interest_id = 5$$,
  '42501', 'sec_role_authority', 'another operator does not end it');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-06-01',
  $$UPDATE ismap.declared_interests SET valid_until = '2025-05-31' WHERE interest_id = 5$$,
  '23514', 'sec_conflict_of_interest', 'it is not ended before today: no past day changes');
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-06-01',
  $$UPDATE ismap.declared_interests SET valid_until = '2025-06-01' WHERE interest_id = 5$$,
  'the role ends it today');
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-06-01',
  $$UPDATE ismap.declared_interests SET valid_until = '2025-09-30' WHERE interest_id = 5$$,
  'or on a later day');
SELECT ismap_test.as_on('ismap_t63_op', '2025-06-01',
  $$UPDATE ismap.declared_interests SET valid_until = '2025-09-30' WHERE interest_id = 5$$) \g /dev/null
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-07-01',
  $$UPDATE ismap.declared_interests SET valid_until = NULL WHERE interest_id = 5$$,
  'an end not yet reached may be moved, or taken back');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-10-01',
  $$UPDATE ismap.declared_interests SET valid_until = '2025-12-31' WHERE interest_id = 5$$,
  '55000', 'sec_history', 'an interest that has ended stays as it was');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-10-01',
  $$UPDATE ismap.declared_interests SET valid_until = '2025-10-01' WHERE interest_id = 1$$,
  '55000', 'sec_history', 'so does one that ended in March');

-- ---------- decisions on auditor applications ----------
-- Accepting (the operator, dated today) application 1301 of organization
-- 13, in which the operator has interest 1 from 2025-03-10 to 2025-03-20.
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-03-09',
  $$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 1301$$,
  'the operator accepts on the day before its interest');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-10',
  $$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 1301$$,
  '23514', 'sec_conflict_of_interest', 'not on the interest''s first day');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-20',
  $$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 1301$$,
  '23514', 'sec_conflict_of_interest', 'nor on its last day');
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-03-21',
  $$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 1301$$,
  'and again on the day after');
SELECT ismap_test.allowed_as('ismap_t63_op2', '2025-03-15',
  $$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 1301$$,
  'another operator, with no interest, accepts within those days');
SELECT ismap_test.allowed_as(current_user, '2025-03-15',
  $$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 1301$$,
  'a superuser is bound by no interest');
-- Returning (dated decided_on).
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2025-03-09' WHERE application_id = 1301$$,
  'the operator returns it dated the day before its interest');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2025-03-10' WHERE application_id = 1301$$,
  '23514', 'sec_conflict_of_interest', 'not dated its first day');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2025-03-20' WHERE application_id = 1301$$,
  '23514', 'sec_conflict_of_interest', 'nor its last day');
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2025-03-21' WHERE application_id = 1301$$,
  'and dated the day after');
-- Approving and rejecting application 1401 of organization 14, in which
-- the committee member has interest 3 (consulting) over the same days.
SELECT ismap_test.allowed_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2025-03-09' WHERE application_id = 1401$$,
  'the committee member approves, dated the day before its interest');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2025-03-10' WHERE application_id = 1401$$,
  '23514', 'sec_conflict_of_interest', 'not dated its first day');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2025-03-20' WHERE application_id = 1401$$,
  '23514', 'sec_conflict_of_interest', 'nor its last day');
SELECT ismap_test.allowed_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2025-03-21' WHERE application_id = 1401$$,
  'and dated the day after');
SELECT ismap_test.allowed_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2025-03-09' WHERE application_id = 1401$$,
  'the committee member rejects, dated the day before');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2025-03-10' WHERE application_id = 1401$$,
  '23514', 'sec_conflict_of_interest', 'not dated the first day');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2025-03-20' WHERE application_id = 1401$$,
  '23514', 'sec_conflict_of_interest', 'nor the last day');
SELECT ismap_test.allowed_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2025-03-21' WHERE application_id = 1401$$,
  'and dated the day after');
SELECT ismap_test.allowed_as('ismap_t63_cm2', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2025-03-15' WHERE application_id = 1401$$,
  'another committee member approves within those days');
SELECT is((SELECT detail FROM ismap_test.error_of($$SELECT ismap_test.as_on('ismap_t63_cm', '2025-12-01',
             'UPDATE ismap.auditor_applications SET status = ''rejected'', decided_on = ''2025-03-10'' WHERE application_id = 1401')$$)),
          'Interest 3 (consulting) of role ismap_t63_cm in organization 架空監査法人しおさい (法人番号 3999900000014, organization_id 14) is in force from 2025-03-10 to 2025-03-20; the decision is dated 2025-03-10.',
          'the refusal names the interest and its days');
SELECT ismap_test.well_reported($$SELECT ismap_test.as_on('ismap_t63_cm', '2025-12-01',
  'UPDATE ismap.auditor_applications SET status = ''approved'', decided_on = ''2025-03-10'' WHERE application_id = 1401')$$,
  'with the rule id, a detail and a hint');
-- A withdrawal is not a decision: the auditor role withdraws its
-- organization's application although it has interest 6 in it.
SELECT ismap_test.allowed_as('ismap_t63_aud', '2025-12-01',
  $$UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2025-03-15' WHERE application_id = 1301$$,
  'an applicant withdraws whatever its interests');

-- ---------- decisions on service applications ----------
-- The applicant is the service's provider: the operator has interest 2 in
-- provider 11 (service 1, application 2001), the committee member
-- interest 4 in provider 12 (service 2, application 2101).
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-03-09',
  $$UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 2001$$,
  'the operator accepts a service application the day before its interest in the provider');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-10',
  $$UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 2001$$,
  '23514', 'sec_conflict_of_interest', 'not on its first day');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-03-20',
  $$UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 2001$$,
  '23514', 'sec_conflict_of_interest', 'nor its last');
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-03-21',
  $$UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 2001$$,
  'but the day after');
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'returned', decided_on = '2025-03-09' WHERE application_id = 2001$$,
  'the operator returns it dated the day before');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'returned', decided_on = '2025-03-10' WHERE application_id = 2001$$,
  '23514', 'sec_conflict_of_interest', 'not dated the first day');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'returned', decided_on = '2025-03-20' WHERE application_id = 2001$$,
  '23514', 'sec_conflict_of_interest', 'nor the last day');
SELECT ismap_test.allowed_as('ismap_t63_op', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'returned', decided_on = '2025-03-21' WHERE application_id = 2001$$,
  'and dated the day after');
SELECT ismap_test.allowed_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-03-09' WHERE application_id = 2101$$,
  'the committee member approves it dated the day before');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-03-10' WHERE application_id = 2101$$,
  '23514', 'sec_conflict_of_interest', 'not dated the first day');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-03-20' WHERE application_id = 2101$$,
  '23514', 'sec_conflict_of_interest', 'nor the last day');
SELECT ismap_test.allowed_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-03-21' WHERE application_id = 2101$$,
  'and dated the day after');
SELECT ismap_test.allowed_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'rejected', decided_on = '2025-03-09' WHERE application_id = 2101$$,
  'the committee member rejects it dated the day before');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'rejected', decided_on = '2025-03-10' WHERE application_id = 2101$$,
  '23514', 'sec_conflict_of_interest', 'not dated the first day');
SELECT ismap_test.refused_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'rejected', decided_on = '2025-03-20' WHERE application_id = 2101$$,
  '23514', 'sec_conflict_of_interest', 'nor the last day');
SELECT ismap_test.allowed_as('ismap_t63_cm', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'rejected', decided_on = '2025-03-21' WHERE application_id = 2101$$,
  'and dated the day after');
SELECT ismap_test.refused_as('ismap_t63_op', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'returned', decided_on = '2025-01-25' WHERE application_id = 2101$$,
  '55000', 'svc_application_flow', 'the flow is checked first: an accepted application is not returned');
SELECT ismap_test.allowed_as('ismap_t63_prov', '2025-12-01',
  $$UPDATE ismap.service_applications SET status = 'withdrawn', decided_on = '2025-03-15' WHERE application_id = 2001$$,
  'the provider withdraws its application');

-- ---------- audits and consulting (cooling-off: 12 months) ----------
-- Audits by auditor 1 (organization 1) of service 2 (provider 12), over
-- the period 2024-04-01 to 2025-03-31, reported 2025-04-20: consulting
-- in force on a day from 2023-04-01 to 2025-04-20 bars them.
\set audit_1 'INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on) VALUES (2, ' :a1 ', ''operating'', ''2024-04-01'', ''2025-03-31'', ''2025-04-20'')'
\set audit_3 'INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on) VALUES (2, ' :a2 ', ''operating'', ''2024-04-01'', ''2025-03-31'', ''2025-04-20'')'
\set audit_2 'INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on) VALUES (1, ' :a1 ', ''operating'', ''2024-04-01'', ''2025-03-31'', ''2025-04-20'')'
SELECT ismap_test.as_on('ismap_t63_cm', '2025-04-01', $$INSERT INTO ismap.declared_interests
  (interest_id, organization_id, subject_organization_id, kind, valid_from, valid_until)
  VALUES (11, 1, 12, 'consulting', '2022-04-01', '2023-03-31'),
         (12, 1, 12, 'financial', '2023-04-01', NULL),
         (13, 1, 11, 'consulting', '2025-04-21', NULL)$$) \g /dev/null
INSERT INTO ismap.declared_interests (interest_id, role_name, subject_organization_id, kind, valid_from)
VALUES (14, 'ismap_t63_cm2', 12, 'consulting', '2023-01-01');
SELECT ismap_test.allowed_as(current_user, '2025-04-20', :'audit_1',
  'consulting that ended the day before the cooling-off began does not bar the audit');
SELECT ismap_test.allowed_as(current_user, '2025-04-20', :'audit_2',
  'nor consulting that begins the day after the report');
SELECT ismap_test.as_on('ismap_t63_cm', '2025-04-01', $$INSERT INTO ismap.declared_interests
  (interest_id, organization_id, subject_organization_id, kind, valid_from, valid_until)
  VALUES (15, 1, 12, 'consulting', '2023-02-01', '2023-04-01'),
         (16, 1, 11, 'consulting', '2025-04-20', '2025-04-20')$$) \g /dev/null
SELECT ismap_test.refused(:'audit_1', '23514', 'sec_conflict_of_interest',
  'consulting that ended on the first day of the cooling-off bars it');
SELECT ismap_test.refused(:'audit_2', '23514', 'sec_conflict_of_interest',
  'so does consulting on the report date');
SELECT ismap_test.allowed_as(current_user, '2025-04-20', :'audit_3',
  'another auditor audits the service');
UPDATE ismap.settings SET value = '6 months' WHERE name = 'consulting_cooling_off_months';
SELECT ismap_test.allowed_as(current_user, '2025-04-20', :'audit_1',
  'with 6 months of cooling-off, consulting that ended 2023-04-01 no longer bars it');
UPDATE ismap.settings SET value = '12 months' WHERE name = 'consulting_cooling_off_months';
SELECT is((SELECT detail FROM ismap_test.error_of(:'audit_1')),
          'Interest 15 (consulting) of organization 架空監査法人かすみ (法人番号 8999900000001, organization_id 1)'
          || ' in organization 架空クラウド株式会社くじら (法人番号 5999900000012, organization_id 12),'
          || ' the provider of service 架空電子帳簿 (service_id 2), is in force from 2023-02-01 to 2023-04-01;'
          || ' auditor A24-0001 (架空監査法人かすみ, auditor_id 1) may audit it only if none was in force'
          || ' from 2023-04-01 (12 months before the audit period''s start, 2024-04-01) to the report date 2025-04-20.',
          'the refusal names the interest and the cooling-off days');
SELECT ismap_test.refused(format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (3, %s, 'operating', '2024-04-01', '2025-03-31', '2025-04-20')$$, :a3),
  '23514', 'sec_conflict_of_interest', 'an auditor still never audits its own organization''s service');

SELECT * FROM finish();
ROLLBACK;
