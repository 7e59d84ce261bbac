--
-- auditor_lifecycle: from an application to a registered auditor
-- (aud_application_flow, aud_validity, aud_public_list).
--
-- What a DBA sees:
--   * An application is filed by inserting it as 'submitted'.  It is then
--     accepted (受理) or returned (不受理), and an accepted one approved
--     (登録) or rejected; an undecided one may be withdrawn.  Each final
--     status carries its decision date.  Anything else is refused.
--   * Approving a new application creates the auditor with its registration
--     number (A + two-digit year of the decision + serial), its first
--     validity term (2 years from the application date, Civil Code
--     arithmetic) and the compliance report that falls due a year after the
--     application.  The auditor appears on the public list at once.
--   * A decided application is never changed or deleted; nobody, not even a
--     superuser, writes the auditors or their terms directly.
--   * The status of an auditor on any day is derived from those facts.
--
-- ismap.today() is pinned to 2024-06-01 for this file.
--

SET DateStyle = 'ISO, YMD';
SET ismap.today = '2024-06-01';

SELECT organization_id AS sakura FROM ismap.organizations
 WHERE corporate_number = '7999901000001' \gset
SELECT organization_id AS hinoki FROM ismap.organizations
 WHERE corporate_number = '5999901000003' \gset

--
-- 1. Filing an application
--

-- 架空監査法人さくら files a new application on 2024-04-01.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:sakura, 'new', '2024-04-01')
RETURNING application_id AS sakura_app \gset
SELECT application_id, kind, applied_on, status, decided_on, auditor_id
  FROM ismap.auditor_applications WHERE organization_id = :sakura;

-- Refused: a second undecided new application of the same organization.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:sakura, 'new', '2024-05-01');
-- Refused: an application dated after today.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:hinoki, 'new', '2024-06-02');
-- Refused: an application that does not start as submitted and undecided.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, status)
VALUES (:hinoki, 'new', '2024-05-01', 'accepted');
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, decided_on)
VALUES (:hinoki, 'new', '2024-05-01', '2024-05-02');
-- Refused: a new application names no auditor (approval creates it).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id)
VALUES (:hinoki, 'new', '2024-05-01', 1);
-- Refused: no application date, or one that is not a calendar day.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:hinoki, 'new', NULL);
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:hinoki, 'new', '-infinity');
-- Refused: an organization that is not recorded (23503).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (-1, 'new', '2024-05-01');

SELECT s AS statement, r.*
  FROM (VALUES
    ($$INSERT INTO ismap.auditor_applications (organization_id, applied_on) VALUES ($$ || :sakura || $$, '2024-05-01')$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, applied_on) VALUES ($$ || :hinoki || $$, '2024-06-02')$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, applied_on, status) VALUES ($$ || :hinoki || $$, '2024-05-01', 'accepted')$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, applied_on, auditor_id) VALUES ($$ || :hinoki || $$, '2024-05-01', 1)$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, applied_on) VALUES ($$ || :hinoki || $$, NULL)$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, applied_on) VALUES ($$ || :hinoki || $$, '-infinity')$$)) v(s),
       refusal(s) r
 ORDER BY 1;

-- Nothing changed: one application, submitted.
SELECT a.application_id, o.name, a.kind, a.applied_on, a.status, a.decided_on, a.auditor_id
  FROM ismap.auditor_applications a JOIN ismap.organizations o USING (organization_id)
 ORDER BY a.application_id;

--
-- 2. Accepting it (受理)
--

-- Refused: an accepted application has no decision date yet.
UPDATE ismap.auditor_applications SET status = 'accepted', decided_on = '2024-04-05'
 WHERE application_id = :sakura_app;
-- Refused: a submitted application is not approved before it is accepted.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-04-05'
 WHERE application_id = :sakura_app;

UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE application_id = :sakura_app
RETURNING kind, applied_on, status, decided_on, auditor_id;

-- Refused: only status and decided_on change as an application is decided.
UPDATE ismap.auditor_applications SET applied_on = '2024-03-01'
 WHERE application_id = :sakura_app;
UPDATE ismap.auditor_applications SET kind = 'renewal'
 WHERE application_id = :sakura_app;
UPDATE ismap.auditor_applications SET organization_id = :hinoki
 WHERE application_id = :sakura_app;
-- Refused: accepted does not go back to submitted.
UPDATE ismap.auditor_applications SET status = 'submitted'
 WHERE application_id = :sakura_app;
-- Refused: applications are never deleted; they are withdrawn.
DELETE FROM ismap.auditor_applications WHERE application_id = :sakura_app;

-- Nothing changed: still accepted, undecided.
SELECT kind, applied_on, status, decided_on, auditor_id
  FROM ismap.auditor_applications WHERE application_id = :sakura_app;

--
-- 3. Approving it (登録)
--

-- Refused: an approval needs its date, not before the application, not
-- after today.
UPDATE ismap.auditor_applications SET status = 'approved'
 WHERE application_id = :sakura_app;
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-03-31'
 WHERE application_id = :sakura_app;
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-06-02'
 WHERE application_id = :sakura_app;

SELECT s AS statement, r.*
  FROM (VALUES
    ($$UPDATE ismap.auditor_applications SET status = 'approved' WHERE application_id = $$ || :sakura_app),
    ($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-03-31' WHERE application_id = $$ || :sakura_app),
    ($$UPDATE ismap.auditor_applications SET applied_on = '2024-03-01' WHERE application_id = $$ || :sakura_app),
    ($$DELETE FROM ismap.auditor_applications WHERE application_id = $$ || :sakura_app)) v(s),
       refusal(s) r
 ORDER BY 1;

-- Nothing changed, and no auditor was created.
SELECT kind, applied_on, status, decided_on, auditor_id
  FROM ismap.auditor_applications WHERE application_id = :sakura_app;
SELECT count(*) AS auditors FROM ismap.auditors;

-- The committee approves it on 2024-05-15.  The extension fills in the
-- auditor it creates.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-05-15'
 WHERE application_id = :sakura_app
RETURNING kind, applied_on, status, decided_on, auditor_id;

SELECT auditor_id AS sakura_auditor FROM ismap.auditor_applications
 WHERE application_id = :sakura_app \gset

-- The auditor: registration number A24-0001 (approved in 2024, first
-- serial), registered on the decision day, valid from the application date
-- until 2026-04-01.
SELECT auditor_id, registration_number, o.name, registered_on, valid_from, valid_until
  FROM ismap.auditors a JOIN ismap.organizations o USING (organization_id)
 WHERE auditor_id = :sakura_auditor;
-- Its first validity term, in force from the decision.
SELECT term_no, application_id, in_force_from, valid_from, valid_until
  FROM ismap.auditor_terms WHERE auditor_id = :sakura_auditor ORDER BY term_no;
-- The compliance report that falls due a year after the application.
SELECT application_id, due_on, filed_on
  FROM ismap.auditor_compliance_reports WHERE auditor_id = :sakura_auditor;
-- The public auditor list shows it at once.
SELECT registration_number, name, name_en, corporate_number, registered_on, valid_until, status
  FROM ismap.auditor_list ORDER BY registration_number;

--
-- 4. A decision stands
--

-- Refused: a decided application is not changed, not deleted.
UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2024-05-20'
 WHERE application_id = :sakura_app;
UPDATE ismap.auditor_applications SET decided_on = '2024-05-16'
 WHERE application_id = :sakura_app;
DELETE FROM ismap.auditor_applications WHERE application_id = :sakura_app;
-- Nor truncated, with or without CASCADE (sec_history).
TRUNCATE ismap.auditor_applications;
SET client_min_messages = warning;
TRUNCATE ismap.auditor_applications CASCADE;
-- Refused: a new application while the organization is a registered
-- auditor; it renews instead.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:sakura, 'new', '2024-06-01');

SELECT s AS statement, r.*
  FROM (VALUES
    ($$UPDATE ismap.auditor_applications SET decided_on = '2024-05-16' WHERE application_id = $$ || :sakura_app),
    ($$INSERT INTO ismap.auditor_applications (organization_id, applied_on) VALUES ($$ || :sakura || $$, '2024-06-01')$$),
    ($$TRUNCATE ismap.auditor_applications CASCADE$$)) v(s),
       refusal(s) r
 ORDER BY 1;
RESET client_min_messages;

-- Nothing changed.
SELECT a.application_id, o.name, a.kind, a.applied_on, a.status, a.decided_on, a.auditor_id
  FROM ismap.auditor_applications a JOIN ismap.organizations o USING (organization_id)
 ORDER BY a.application_id;

--
-- 5. Nobody writes the auditors or their terms directly
--

-- Not even a superuser (42501): registrations are created and renewed by
-- approving applications.
INSERT INTO ismap.auditors (registration_number, organization_id, registered_on, valid_from, valid_until)
VALUES ('A24-9999', :hinoki, '2024-06-01', '2024-06-01', '2026-06-01');
UPDATE ismap.auditors SET valid_until = '2099-12-31' WHERE auditor_id = :sakura_auditor;
DELETE FROM ismap.auditors WHERE auditor_id = :sakura_auditor;
UPDATE ismap.auditor_terms SET valid_until = '2099-12-31' WHERE auditor_id = :sakura_auditor;
-- Nor truncated, with or without CASCADE (sec_history).
TRUNCATE ismap.auditors;
SET client_min_messages = warning;
TRUNCATE ismap.auditors CASCADE;

SELECT s AS statement, r.*
  FROM (VALUES
    ($$INSERT INTO ismap.auditors (registration_number, organization_id, registered_on, valid_from, valid_until) VALUES ('A24-9999', $$ || :hinoki || $$, '2024-06-01', '2024-06-01', '2026-06-01')$$),
    ($$UPDATE ismap.auditors SET valid_until = '2099-12-31'$$),
    ($$DELETE FROM ismap.auditors$$),
    ($$INSERT INTO ismap.auditor_terms SELECT auditor_id, 2, application_id, in_force_from, valid_from, valid_until FROM ismap.auditor_terms$$),
    ($$UPDATE ismap.auditor_terms SET valid_until = '2099-12-31'$$),
    ($$DELETE FROM ismap.auditor_terms$$),
    ($$TRUNCATE ismap.auditor_terms$$),
    ($$TRUNCATE ismap.auditors CASCADE$$)) v(s),
       refusal(s) r
 ORDER BY 1;
RESET client_min_messages;

-- Nothing changed.
SELECT registration_number, registered_on, valid_from, valid_until FROM ismap.auditors ORDER BY 1;
SELECT term_no, in_force_from, valid_from, valid_until FROM ismap.auditor_terms ORDER BY auditor_id, term_no;

--
-- 6. Other ways an application ends: returned, rejected, withdrawn
--

-- 架空監査法人ひのき filed on 2022-01-10; the application was accepted but
-- waited until 2024.  Its term would have ended on 2024-01-10, so it cannot
-- be approved (aud_validity) ...
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:hinoki, 'new', '2022-01-10');
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id = :hinoki AND applied_on = '2022-01-10';
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-05-01'
 WHERE organization_id = :hinoki AND applied_on = '2022-01-10';
SELECT * FROM refusal($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-05-01'
                         WHERE organization_id = $$ || :hinoki || $$ AND applied_on = '2022-01-10'$$);
-- Nothing changed: still accepted, no auditor.
SELECT kind, applied_on, status, decided_on, auditor_id
  FROM ismap.auditor_applications WHERE organization_id = :hinoki;
SELECT count(*) AS hinoki_auditors FROM ismap.auditors WHERE organization_id = :hinoki;
-- ... it is rejected (登録拒否).
UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2024-05-01'
 WHERE organization_id = :hinoki AND applied_on = '2022-01-10'
RETURNING kind, applied_on, status, decided_on, auditor_id;

-- A new application, returned (不受理) two days later.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:hinoki, 'new', '2024-05-10');
UPDATE ismap.auditor_applications SET status = 'returned', decided_on = '2024-05-12'
 WHERE organization_id = :hinoki AND applied_on = '2024-05-10'
RETURNING kind, applied_on, status, decided_on, auditor_id;
-- Refused: a returned application is decided; it is not accepted later.
UPDATE ismap.auditor_applications SET status = 'accepted', decided_on = NULL
 WHERE organization_id = :hinoki AND applied_on = '2024-05-10';
SELECT kind, applied_on, status, decided_on
  FROM ismap.auditor_applications WHERE organization_id = :hinoki AND applied_on = '2024-05-10';

-- Another, withdrawn (取下げ) by the applicant before acceptance.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:hinoki, 'new', '2024-05-13');
UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2024-05-14'
 WHERE organization_id = :hinoki AND applied_on = '2024-05-13'
RETURNING kind, applied_on, status, decided_on, auditor_id;

-- And one that is accepted and still undecided.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:hinoki, 'new', '2024-05-20');
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id = :hinoki AND applied_on = '2024-05-20';
-- Refused: rejected without a date; withdrawn on a day before it was filed.
UPDATE ismap.auditor_applications SET status = 'rejected'
 WHERE organization_id = :hinoki AND applied_on = '2024-05-20';
UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = '2024-05-19'
 WHERE organization_id = :hinoki AND applied_on = '2024-05-20';

-- The history of 架空監査法人ひのき's applications; it has no auditor.
SELECT kind, applied_on, status, decided_on, auditor_id
  FROM ismap.auditor_applications WHERE organization_id = :hinoki
 ORDER BY applied_on;
SELECT count(*) AS hinoki_auditors FROM ismap.auditors WHERE organization_id = :hinoki;

--
-- 7. An expired auditor registers again, with a new number
--

INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('4999901000004', '架空監査法人かえで', 'Kaede Fictional Audit Corporation')
RETURNING organization_id AS kaede \gset

-- Applied 2021-03-01, approved 2021-04-01: A21-0002, valid until 2023-03-01.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:kaede, 'new', '2021-03-01');
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id = :kaede AND applied_on = '2021-03-01';
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2021-04-01'
 WHERE organization_id = :kaede AND applied_on = '2021-03-01';

-- It was not renewed and expired.  On 2024-04-10 the organization files a
-- new application, approved on 2024-05-20: a new registration, A24-0003.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:kaede, 'new', '2024-04-10');
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id = :kaede AND applied_on = '2024-04-10';
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-05-20'
 WHERE organization_id = :kaede AND applied_on = '2024-04-10';

SELECT registration_number, registered_on, valid_from, valid_until
  FROM ismap.auditors WHERE organization_id = :kaede ORDER BY registration_number;

--
-- 8. Status on any day, and the public list on any day
--

-- ismap.auditor_status(auditor, day): NULL before registration, valid up
-- to and including the expiry date, expired after it.
SELECT a.registration_number, d AS day, ismap.auditor_status(a.auditor_id, d) AS status
  FROM ismap.auditors a
 CROSS JOIN (VALUES (date '2021-03-31'), ('2021-04-01'), ('2023-03-01'), ('2023-03-02'),
                    ('2024-05-19'), ('2024-05-20'), ('2026-04-01'), ('2026-04-02')) v(d)
 WHERE a.organization_id = :kaede
 ORDER BY a.registration_number, d;

-- The default day is today (2024-06-01).
SELECT registration_number, ismap.auditor_status(auditor_id) AS status_today
  FROM ismap.auditors ORDER BY registration_number;

-- An unknown auditor is refused: NULL would read as "not yet registered".
SELECT ismap.auditor_status(-1, '2024-06-01') IS NULL AS is_null;

-- ismap.auditor_standing(auditor, day): the status and the expiry of the
-- term in force that day.
SELECT a.registration_number, d AS day, s.status, s.valid_until
  FROM ismap.auditors a
 CROSS JOIN (VALUES (date '2024-05-14'), ('2024-05-15'), ('2026-04-01'), ('2026-04-02')) v(d)
 CROSS JOIN LATERAL ismap.auditor_standing(a.auditor_id, d) s
 WHERE a.auditor_id = :sakura_auditor
 ORDER BY d;

-- The public list as it stood on several days, and today.
SELECT d AS day, l.registration_number, l.name, l.registered_on, l.valid_until, l.status
  FROM (VALUES (date '2021-03-31'), ('2021-04-01'), ('2023-03-02'), ('2024-05-15'),
               ('2024-05-20')) v(d)
 CROSS JOIN LATERAL ismap.auditor_list_at(d) l
 ORDER BY d, l.registration_number;
SELECT registration_number, name, registered_on, valid_until, status
  FROM ismap.auditor_list ORDER BY registration_number;
