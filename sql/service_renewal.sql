--
-- service_renewal: renewing a cloud service registration (svc_renewal_grace,
-- svc_renewal_deadline, svc_audit_period, svc_validity, svc_public_list).
--
-- What a DBA sees:
--   * A renewal (登録更新申請) is an application of kind 'renewal' resting on
--     a new audit whose period starts the day after the previous audit
--     period ended: no gap, no overlap.  It names the registration it
--     renews; the extension fills it in when the service has only one.
--   * Filed on or before the expiry date, the renewal keeps the registration
--     in force after expiry: renewal_pending, still on the public list, until
--     the committee decides.
--   * Approval adds a validity term in force from the decision day (1 year 4
--     months from the end of the new audit period) and keeps the
--     registration's number; the list shows the new expiry from that day.
--     Earlier terms stay recorded.
--   * A renewal filed after the expiry date is refused: the provider files a
--     new application, which makes a new registration with a new number.
--
-- The file makes its own fictional organizations and auditor and finds every
-- row by its 法人番号, name or number.  ismap.today() is pinned at each step.
--

SET DateStyle = 'ISO, YMD';

-- A helper for this file only: run a statement and show the SQLSTATE and the
-- rule id (the error's constraint name) that refused it.  It runs in a
-- subtransaction, so a refused statement leaves nothing behind.
CREATE FUNCTION pg_temp.refusal(statement text, OUT sqlstate text, OUT rule text)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE statement;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS refusal.sqlstate = RETURNED_SQLSTATE,
                          refusal.rule = CONSTRAINT_NAME;
END $$;

--
-- 1. Two registered services
--

-- 架空クラウド株式会社いずみ (a provider) and 架空監査法人しらかば (an audit
-- firm, registered on 2023-02-15 on its application of 2023-01-10: valid
-- until 2025-01-10).
SET ismap.today = '2023-01-10';
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('5999904000000', '架空クラウド株式会社いずみ', 'Izumi Fictional Cloud Inc.'),
       ('5999904000009', '架空監査法人しらかば', 'Shirakaba Fictional Audit Corporation');
SELECT organization_id AS izumi FROM ismap.organizations
 WHERE corporate_number = '5999904000000' \gset
SELECT organization_id AS shirakaba FROM ismap.organizations
 WHERE corporate_number = '5999904000009' \gset
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:shirakaba, 'new', '2023-01-10');
SET ismap.today = '2023-02-15';
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE organization_id = :shirakaba;
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2023-02-15'
 WHERE organization_id = :shirakaba;
SELECT auditor_id AS shirakaba_auditor FROM ismap.auditors
 WHERE organization_id = :shirakaba \gset

-- Two services of いずみ, each audited over calendar 2022 (report of
-- 2023-02-20), applied for on 2023-03-01 and approved on 2023-04-14: both
-- valid until 2024-04-30.
INSERT INTO ismap.cloud_services (provider_id, name, name_en, statement_scope, service_model)
VALUES (:izumi, 'いずみ業務クラウド', 'Izumi Business Cloud',
        'いずみ業務クラウド（SaaS）の提供に係る業務', 'SaaS'),
       (:izumi, 'いずみ開発基盤', 'Izumi Developer Platform',
        'いずみ開発基盤（PaaS）の提供に係る業務', 'PaaS');
SELECT service_id AS business FROM ismap.cloud_services
 WHERE provider_id = :izumi AND name = 'いずみ業務クラウド' \gset
SELECT service_id AS devplat FROM ismap.cloud_services
 WHERE provider_id = :izumi AND name = 'いずみ開発基盤' \gset

SET ismap.today = '2023-02-20';
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:business, :shirakaba_auditor, 'operating', '2022-01-01', '2022-12-31', '2023-02-20'),
       (:devplat, :shirakaba_auditor, 'operating', '2022-01-01', '2022-12-31', '2023-02-20');

SET ismap.today = '2023-03-01';
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
SELECT service_id, 'new', '2023-03-01', audit_id
  FROM ismap.audits WHERE service_id IN (:business, :devplat);
UPDATE ismap.service_applications SET status = 'accepted'
 WHERE service_id IN (:business, :devplat);
SET ismap.today = '2023-04-14';
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2023-04-14'
 WHERE service_id = :business;
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2023-04-14'
 WHERE service_id = :devplat;

SELECT r.registration_number, s.name, r.registered_on, r.audit_period_start,
       r.audit_period_end, r.valid_until
  FROM ismap.service_registrations r JOIN ismap.cloud_services s USING (service_id)
 WHERE s.provider_id = :izumi
 ORDER BY r.registration_number;
SELECT registration_id AS business_reg FROM ismap.service_registrations
 WHERE service_id = :business \gset
SELECT registration_id AS devplat_reg FROM ismap.service_registrations
 WHERE service_id = :devplat \gset

--
-- 2. A renewal filed on the expiry day (いずみ業務クラウド)
--

-- しらかば audits いずみ業務クラウド again.  One report covers
-- 2023-02-01 .. 2024-01-31, which leaves January 2023 unaudited; the other
-- covers calendar 2023, following on from the previous period.  The same
-- for いずみ開発基盤 (used in section 4).
SET ismap.today = '2024-04-12';
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:business, :shirakaba_auditor, 'operating', '2023-02-01', '2024-01-31', '2024-04-10'),
       (:business, :shirakaba_auditor, 'operating', '2023-01-01', '2023-12-31', '2024-04-10'),
       (:devplat, :shirakaba_auditor, 'operating', '2023-01-01', '2023-12-31', '2024-04-12');
SELECT audit_id AS business_gap_audit FROM ismap.audits
 WHERE service_id = :business AND period_start = '2023-02-01' \gset
SELECT audit_id AS business_audit_2023 FROM ismap.audits
 WHERE service_id = :business AND period_start = '2023-01-01' \gset

-- The provider files on 2024-04-30, the last day of the registration.
SET ismap.today = '2024-04-30';
SELECT ismap.service_status(:business_reg) AS status_today;

-- Refused: a renewal resting on the audit that leaves a gap.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:business, 'renewal', '2024-04-30', :business_gap_audit);
SELECT * FROM pg_temp.refusal(format(
  $$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (%s, 'renewal', '2024-04-30', %s)$$,
  :business, :business_gap_audit));
-- Nothing changed: no renewal.
SELECT count(*) AS renewals FROM ismap.service_applications
 WHERE service_id = :business AND kind = 'renewal';

-- The renewal resting on the audit of calendar 2023.  It does not name the
-- registration; the service has only one, so the extension fills it in.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:business, 'renewal', '2024-04-30', :business_audit_2023)
RETURNING kind, applied_on, status, decided_on, registration_id = :business_reg AS renews_it;
SELECT application_id AS business_renewal FROM ismap.service_applications
 WHERE service_id = :business AND kind = 'renewal' \gset

-- Refused: a second renewal of the same registration while one is
-- undecided.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id)
VALUES (:business, 'renewal', '2024-04-30', :business_audit_2023, :business_reg);
SELECT * FROM pg_temp.refusal(format(
  $$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id) VALUES (%s, 'renewal', '2024-04-30', %s, %s)$$,
  :business, :business_audit_2023, :business_reg));
-- Nothing changed: one renewal, submitted.
SELECT kind, applied_on, status, decided_on FROM ismap.service_applications
 WHERE service_id = :business ORDER BY application_id;

--
-- 3. Renewal grace, and the decision
--

-- From 2024-05-01 the registration is past its expiry date but in renewal
-- grace: renewal_pending, still on the list with its old expiry.
-- (いずみ開発基盤, not renewed in time, is off the list: section 4.)
SET ismap.today = '2024-05-01';
SELECT registration_number, service_name, valid_until, status
  FROM ismap.cloud_service_list
 WHERE provider_corporate_number = '5999904000000'
 ORDER BY registration_number;

SET ismap.today = '2024-05-07';
UPDATE ismap.service_applications SET status = 'accepted'
 WHERE application_id = :business_renewal;

SET ismap.today = '2024-05-20';
-- Refused: a renewal keeps the registration's number; none is given with
-- its approval.
UPDATE ismap.service_applications
   SET status = 'approved', decided_on = '2024-05-20', registration_number = 'C24-0100-1'
 WHERE application_id = :business_renewal;
SELECT * FROM pg_temp.refusal(format(
  $$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-20', registration_number = 'C24-0100-1' WHERE application_id = %s$$,
  :business_renewal));
-- Nothing changed: accepted, one term.
SELECT kind, applied_on, status, decided_on, registration_number
  FROM ismap.service_applications WHERE application_id = :business_renewal;
SELECT term_no, in_force_from, valid_until FROM ismap.service_registration_terms
 WHERE registration_id = :business_reg ORDER BY term_no;

-- The committee approves the renewal on 2024-05-20.
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-05-20'
 WHERE application_id = :business_renewal
RETURNING kind, applied_on, status, decided_on;

-- A second term, in force from the decision day, valid until 2025-04-30
-- (1 year 4 months from 2024-01-01, the day after the new audit period).
-- The first term stays recorded.
SELECT term_no, in_force_from, audit_period_start, audit_period_end, valid_until
  FROM ismap.service_registration_terms WHERE registration_id = :business_reg
 ORDER BY term_no;
SELECT ismap.service_valid_until('2023-12-31');
-- The registration keeps its number and registration date; its current
-- columns describe the new term.
SELECT registration_number, registered_on, audit_period_start, audit_period_end, valid_until
  FROM ismap.service_registrations WHERE registration_id = :business_reg;

-- On the list: the old expiry and renewal_pending up to the day before the
-- decision, the new expiry from the decision day.
SELECT d AS day, l.registration_number, l.audit_period_start, l.audit_period_end,
       l.valid_until, l.status
  FROM (VALUES (date '2024-04-30'), ('2024-05-01'), ('2024-05-19'), ('2024-05-20'),
               ('2025-04-30'), ('2025-05-01')) v(d)
  CROSS JOIN LATERAL ismap.cloud_service_list_at(d) l
 WHERE l.registration_id = :business_reg
 ORDER BY d;
SELECT d AS day, ismap.service_status(:business_reg, d) AS status
  FROM (VALUES (date '2024-04-30'), ('2024-05-01'), ('2024-05-19'), ('2024-05-20'),
               ('2025-04-30'), ('2025-05-01')) v(d)
 ORDER BY d;

--
-- 4. A renewal filed too late (いずみ開発基盤)
--

-- いずみ開発基盤 was also valid until 2024-04-30, but its provider files the
-- renewal on 2024-05-01: the registration has expired.
SET ismap.today = '2024-05-01';
SELECT ismap.service_status(:devplat_reg) AS status_today;
SELECT audit_id AS devplat_audit_2023 FROM ismap.audits
 WHERE service_id = :devplat AND period_start = '2023-01-01' \gset

-- Refused: a renewal after expiry gets no grace (svc_renewal_deadline).
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:devplat, 'renewal', '2024-05-01', :devplat_audit_2023);
SELECT * FROM pg_temp.refusal(format(
  $$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (%s, 'renewal', '2024-05-01', %s)$$,
  :devplat, :devplat_audit_2023));
-- Nothing changed: no renewal; the registration is expired and off the
-- list.
SELECT kind, applied_on, status, decided_on FROM ismap.service_applications
 WHERE service_id = :devplat ORDER BY application_id;
SELECT count(*) AS listed FROM ismap.cloud_service_list WHERE registration_id = :devplat_reg;

-- The provider files a new application instead, on the same audit.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:devplat, 'new', '2024-05-01', :devplat_audit_2023)
RETURNING kind, applied_on, status, decided_on, registration_id;
SET ismap.today = '2024-05-08';
UPDATE ismap.service_applications SET status = 'accepted'
 WHERE service_id = :devplat AND kind = 'new' AND applied_on = '2024-05-01';
SET ismap.today = '2024-06-03';
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-06-03'
 WHERE service_id = :devplat AND kind = 'new' AND applied_on = '2024-05-01'
RETURNING kind, applied_on, status, decided_on;

-- A new registration with a new number (C24-...), registered on
-- 2024-06-03, valid until 2025-04-30.  The old one stays, expired.
SELECT registration_number, registered_on, audit_period_start, audit_period_end, valid_until,
       ismap.service_status(registration_id) AS status_today
  FROM ismap.service_registrations WHERE service_id = :devplat
 ORDER BY registration_number;

-- The service was off the list from 2024-05-01 to 2024-06-02; from
-- 2024-06-03 it is back under its new number.
SELECT d AS day, l.registration_number, l.registered_on, l.valid_until, l.status
  FROM (VALUES (date '2024-04-30'), ('2024-05-01'), ('2024-06-02'), ('2024-06-03')) v(d)
  CROSS JOIN LATERAL ismap.cloud_service_list_at(d) l
 WHERE l.service_id = :devplat
 ORDER BY d, l.registration_number;

-- The list today: both services of いずみ.
SELECT registration_number, service_name, registered_on, audit_period_start,
       audit_period_end, valid_until, auditor_name, status
  FROM ismap.cloud_service_list
 WHERE provider_corporate_number = '5999904000000'
 ORDER BY registration_number;

-- All the applications of いずみ, with the registration each created or
-- renewed.
SELECT s.name, a.kind, a.applied_on, a.status, a.decided_on, r.registration_number
  FROM ismap.service_applications a
  JOIN ismap.cloud_services s USING (service_id)
  LEFT JOIN ismap.service_registrations r USING (registration_id)
 WHERE s.provider_id = :izumi
 ORDER BY s.name, a.applied_on, a.application_id;
