--
-- privileges: what a role without grants sees, and what it cannot do
-- (sec_confidential, aud_public_list).
--
-- What a DBA sees:
--   * Every role (PUBLIC) may read the public auditor list and the settings,
--     and call today(), the validity arithmetic, corporate_number_is_valid()
--     and the status functions.  Nothing else: the registry's tables, the
--     overdue reports and the sequences are not readable.
--   * Such a role cannot pin ismap.today or change ismap.timezone (42501):
--     they change which dates the rules accept.
--   * It cannot write anything.  A role that the operator grants UPDATE on
--     the applications (a committee role) can approve an application, and
--     so cause the auditor row that the approval creates, but still cannot
--     write the auditors table.
--
-- The roles are created here and dropped at the end.
-- ismap.today() is pinned to 2024-08-10 (by the superuser, before SET ROLE).
--

SET DateStyle = 'ISO, YMD';
SET ismap.today = '2024-08-10';

CREATE ROLE regress_ismap_public;
CREATE ROLE regress_ismap_committee;

-- The organizations of this tour (other test files may add their own to the
-- same database); lists below are restricted to them.
\set tour_organizations '''7999901000001'', ''5999901000003'', ''4999901000004'', ''3999901000005'', ''2999901000006'', ''1999901000007'', ''9999901000008'', ''8999901000009'', ''6999901000010'', ''5999901000011'''

--
-- 1. What PUBLIC may do, as the catalog says
--

SELECT c.relname, c.relkind,
       has_table_privilege('regress_ismap_public', c.oid, 'SELECT') AS "select",
       has_table_privilege('regress_ismap_public', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE') AS "write"
  FROM pg_class c
 WHERE c.relnamespace = 'ismap'::regnamespace
   AND c.relname IN ('settings', 'setting_defaults', 'setting_overrides',
                     'organizations', 'auditors', 'auditor_applications',
                     'auditor_terms', 'auditor_status_changes', 'auditor_compliance_reports',
                     'auditor_list', 'overdue_compliance_reports')
 ORDER BY c.relname;

-- No table of the extension is readable by PUBLIC (ismap.settings and the
-- lists are views).
SELECT c.relname
  FROM pg_class c
 WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind IN ('r', 'p')
   AND has_table_privilege('regress_ismap_public', c.oid, 'SELECT')
 ORDER BY c.relname;

-- No sequence is usable by PUBLIC.
SELECT c.relname
  FROM pg_class c
 WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind = 'S'
   AND CASE WHEN c.relkind = 'S'
            THEN has_sequence_privilege('regress_ismap_public', c.oid, 'USAGE, SELECT, UPDATE') END
 ORDER BY c.relname;

-- The functions of the auditor registry and of the foundation.
SELECT p.oid::regprocedure AS function,
       has_function_privilege('regress_ismap_public', p.oid, 'EXECUTE') AS "execute"
  FROM pg_proc p
 WHERE p.pronamespace = 'ismap'::regnamespace
   AND (p.proname IN ('today', 'auditor_valid_until', 'service_valid_until',
                      'corporate_number_is_valid', 'refuse_truncate', 'written_by_extension',
                      'settings_write', 'setting_overrides_check', 'organizations_check',
                      'overdue_compliance_reports_at', 'compliance_reports_check')
        OR p.proname LIKE 'auditor%')
 ORDER BY p.oid::regprocedure::text;

--
-- 2. A role without grants reads the public list
--

SET ROLE regress_ismap_public;
SELECT current_user;

SELECT registration_number, name, name_en, corporate_number, registered_on, valid_until, status
  FROM ismap.auditor_list
 WHERE corporate_number IN (:tour_organizations)
 ORDER BY registration_number;
SELECT name, value FROM ismap.settings ORDER BY name;
SELECT ismap.today();
SELECT registration_number, status
  FROM ismap.auditor_list_at('2024-07-05')
 WHERE corporate_number IN (:tour_organizations)
 ORDER BY registration_number;
SELECT registration_number, ismap.auditor_status(auditor_id, '2026-06-02') AS status_2026_06_02,
       (ismap.auditor_standing(auditor_id, '2024-07-05')).*
  FROM ismap.auditor_list
 WHERE corporate_number IN (:tour_organizations)
 ORDER BY registration_number;
SELECT ismap.auditor_valid_until('2024-04-01'), ismap.service_valid_until('2023-03-31'),
       ismap.corporate_number_is_valid('7999901000001');

--
-- 3. ... and nothing else
--

-- Refused: the registry's tables, the overdue reports, the sequences (42501).
SELECT * FROM ismap.auditors;
SELECT * FROM ismap.auditor_applications;
SELECT * FROM ismap.organizations;
SELECT * FROM ismap.auditor_terms;
SELECT * FROM ismap.auditor_status_changes;
SELECT * FROM ismap.auditor_compliance_reports;
SELECT * FROM ismap.overdue_compliance_reports;
SELECT * FROM ismap.overdue_compliance_reports_at('2024-08-10');
SELECT nextval('ismap.auditor_registration_serial');

-- Refused: pinning the day or changing the scheme's zone (42501).
SET ismap.today = '2024-01-01';
SET ismap.timezone = 'UTC';
SHOW ismap.today;
SHOW ismap.timezone;
SELECT ismap.today();

-- Refused: any write (42501), to the auditors above all.
INSERT INTO ismap.auditors (registration_number, organization_id, registered_on, valid_from, valid_until)
VALUES ('A24-9999', 1, '2024-08-10', '2024-08-10', '2026-08-10');
UPDATE ismap.auditors SET valid_until = '2099-12-31';
DELETE FROM ismap.auditors;
TRUNCATE ismap.auditors;
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (1, 'new', '2024-08-10');
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (1, 'remove', '2024-08-10', 'x');
UPDATE ismap.settings SET value = '3 years' WHERE name = 'auditor_validity';

SELECT s AS statement, r.*
  FROM (VALUES
    ($$SELECT * FROM ismap.auditors$$),
    ($$SELECT * FROM ismap.overdue_compliance_reports$$),
    ($$SELECT * FROM ismap.overdue_compliance_reports_at('2024-08-10')$$),
    ($$SET ismap.today = '2024-01-01'$$),
    ($$SET ismap.timezone = 'UTC'$$),
    ($$INSERT INTO ismap.auditors (registration_number, organization_id, registered_on, valid_from, valid_until) VALUES ('A24-9999', 1, '2024-08-10', '2024-08-10', '2026-08-10')$$),
    ($$UPDATE ismap.auditors SET valid_until = '2099-12-31'$$),
    ($$DELETE FROM ismap.auditors$$),
    ($$UPDATE ismap.settings SET value = '3 years' WHERE name = 'auditor_validity'$$)) v(s),
       refusal(s) r
 ORDER BY 1;

RESET ROLE;
SELECT current_user = 'regress_ismap_public' AS is_public_role;

-- Nothing changed.
SELECT a.registration_number, a.registered_on, a.valid_from, a.valid_until
  FROM ismap.auditors a JOIN ismap.organizations o USING (organization_id)
 WHERE o.corporate_number IN (:tour_organizations)
 ORDER BY a.registration_number;
SELECT value FROM ismap.settings WHERE name = 'auditor_validity';

--
-- 4. A committee role approves; the extension writes the auditor
--

-- A role of the operator (which accepts applications) and of the committee
-- (which approves them): a role with two capacities has both.
GRANT ismap_operator, ismap_committee TO regress_ismap_committee;

SET ROLE regress_ismap_committee;

-- 架空監査法人きり's new application of 2024-05-01 is accepted and approved.
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id = (SELECT organization_id FROM ismap.organizations
                           WHERE corporate_number = '2999901000006')
   AND kind = 'new' AND status = 'submitted';
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-08-10'
 WHERE organization_id = (SELECT organization_id FROM ismap.organizations
                           WHERE corporate_number = '2999901000006')
   AND kind = 'new' AND status = 'accepted'
RETURNING kind, applied_on, status, decided_on;

-- The approval created the auditor (a second registration of the
-- organization, with a new number), which the role can read ...
SELECT o.name, a.registered_on, a.valid_from, a.valid_until
  FROM ismap.auditors a JOIN ismap.organizations o USING (organization_id)
 WHERE o.corporate_number = '2999901000006'
 ORDER BY a.registered_on;
-- ... but not write (PostgreSQL's privileges, 42501), nor its terms.
UPDATE ismap.auditors SET valid_until = '2099-12-31'
 WHERE organization_id = (SELECT organization_id FROM ismap.organizations
                           WHERE corporate_number = '2999901000006');
DELETE FROM ismap.auditor_terms;
-- Nor can it delete an application, or pin the day.
DELETE FROM ismap.auditor_applications WHERE status = 'withdrawn';
SET ismap.today = '2030-01-01';

RESET ROLE;

-- Nothing changed by the refusals.
SELECT a.registered_on, a.valid_until, ismap.auditor_status(a.auditor_id) AS status_today
  FROM ismap.auditors a JOIN ismap.organizations o USING (organization_id)
 WHERE o.corporate_number = '2999901000006'
 ORDER BY a.registered_on;
SELECT count(*) AS withdrawn_applications
  FROM ismap.auditor_applications a JOIN ismap.organizations o USING (organization_id)
 WHERE a.status = 'withdrawn' AND o.corporate_number IN (:tour_organizations);

-- Clean up.
DROP OWNED BY regress_ismap_committee;
DROP ROLE regress_ismap_committee;
DROP ROLE regress_ismap_public;
