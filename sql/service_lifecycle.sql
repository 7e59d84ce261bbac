--
-- service_lifecycle: from an audit to a cloud service on the public list
-- (svc_application_by_provider, svc_audit_by_registered_auditor,
-- svc_audit_period, svc_audit_kind, svc_application_flow,
-- svc_registration_on_approval, svc_validity, svc_public_list,
-- sec_conflict_of_interest, liu_scope).
--
-- What a DBA sees:
--   * A provider's cloud service is a row of ismap.cloud_services.
--   * An audit of the service is a row of ismap.audits: by an auditor in
--     force on the report date (not suspended), never of a service of the
--     auditor's own organization, over a period of three months to a year,
--     reported after the period ends.  Audits are never rewritten.
--   * An application rests on one audit reported on or before its date.  It
--     is accepted (受理) and approved (登録) like an auditor application.
--   * Approval creates the registration: number C + two-digit year of the
--     decision + serial + branch (C23-0001-1), valid until 1 year 4 months
--     after the audit period ends (Civil Code arithmetic), on the public list
--     at once.  Nobody writes registrations directly.
--   * In the scheme's first year only (up to 2021-05-31), an audit of the
--     design alone (整備状況評価) was enough.
--
-- The file makes its own fictional organizations and auditors, and finds
-- every row by its 法人番号, name or number: the ids depend on what earlier
-- files of the suite recorded (three refusals below name organization and
-- auditor ids in their DETAIL; those numbers follow the earlier files).
-- ismap.today() is pinned at each step.
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
-- 1. The organizations and their auditors
--

SET ismap.today = '2022-04-01';

-- A cloud service provider and two audit firms (all fictional).
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('5999903000001', '架空クラウド株式会社あおば', 'Aoba Fictional Cloud Inc.'),
       ('5999903000018', '架空監査法人すずらん', 'Suzuran Fictional Audit Corporation'),
       ('5999903000026', '架空監査法人なでしこ', 'Nadeshiko Fictional Audit Corporation');
SELECT corporate_number, name, name_en FROM ismap.organizations
 WHERE corporate_number IN ('5999903000001', '5999903000018', '5999903000026')
 ORDER BY corporate_number;

SELECT organization_id AS aoba FROM ismap.organizations
 WHERE corporate_number = '5999903000001' \gset
SELECT organization_id AS suzuran FROM ismap.organizations
 WHERE corporate_number = '5999903000018' \gset
SELECT organization_id AS nadeshiko FROM ismap.organizations
 WHERE corporate_number = '5999903000026' \gset

-- Both audit firms apply on 2022-04-01 and are registered on 2022-05-16:
-- valid until 2024-04-01 (auditor_lifecycle shows this flow in detail).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:suzuran, 'new', '2022-04-01'), (:nadeshiko, 'new', '2022-04-01');
SET ismap.today = '2022-05-16';
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id IN (:suzuran, :nadeshiko);
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2022-05-16'
 WHERE organization_id IN (:suzuran, :nadeshiko);

SELECT auditor_id AS suzuran_auditor FROM ismap.auditors WHERE organization_id = :suzuran \gset
SELECT auditor_id AS nadeshiko_auditor FROM ismap.auditors WHERE organization_id = :nadeshiko \gset

-- 架空監査法人なでしこ is suspended from 2023-04-01 (recorded on 2023-04-03).
SET ismap.today = '2023-04-03';
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:nadeshiko_auditor, 'suspend', '2023-04-01', '監査の品質管理体制の不備（架空）');

SELECT o.name, a.registered_on, a.valid_until,
       ismap.auditor_status(a.auditor_id, '2023-05-10') AS status_on_2023_05_10
  FROM ismap.auditors a JOIN ismap.organizations o USING (organization_id)
 WHERE a.organization_id IN (:suzuran, :nadeshiko)
 ORDER BY o.corporate_number;

--
-- 2. The provider's services
--

-- 架空クラウド株式会社あおば offers an IaaS.  The statement scope (言明の対象
-- 範囲) is what the audit covers and what the public list shows.
INSERT INTO ismap.cloud_services (provider_id, name, name_en, statement_scope, service_model)
VALUES (:aoba, 'あおばクラウド基盤', 'Aoba Cloud Platform',
        'あおばクラウド基盤（IaaS）の提供に係る業務及び東京・大阪リージョンのデータセンター', 'IaaS')
RETURNING name, name_en, statement_scope, service_model, program;
SELECT service_id AS platform FROM ismap.cloud_services
 WHERE provider_id = :aoba AND name = 'あおばクラウド基盤' \gset

-- 架空監査法人すずらん also sells a SaaS of its own.
INSERT INTO ismap.cloud_services (provider_id, name, name_en, statement_scope, service_model)
VALUES (:suzuran, 'すずらん監査支援クラウド', 'Suzuran Audit Assist Cloud',
        'すずらん監査支援クラウド（SaaS）の提供に係る業務', 'SaaS')
RETURNING name, name_en, statement_scope, service_model, program;
SELECT service_id AS suzuran_saas FROM ismap.cloud_services
 WHERE provider_id = :suzuran AND name = 'すずらん監査支援クラウド' \gset

-- Refused: the list shows the name and the statement scope, so neither is
-- blank (23502).
INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
VALUES (:aoba, 'あおばストレージ', '  ', 'IaaS');
-- Refused: ISMAP-LIU is for SaaS only.
INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model, program)
VALUES (:aoba, 'あおばストレージ', 'あおばストレージの提供に係る業務', 'IaaS', 'ismap_liu');
-- Refused: a service stays with its provider; another provider files its
-- own service.
UPDATE ismap.cloud_services SET provider_id = :nadeshiko WHERE service_id = :platform;

SELECT label, r.*
  FROM (VALUES
    ('1 blank statement scope',
     format($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model) VALUES (%s, 'あおばストレージ', '  ', 'IaaS')$$, :aoba)),
    ('2 ISMAP-LIU IaaS',
     format($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model, program) VALUES (%s, 'あおばストレージ', 'あおばストレージの提供に係る業務', 'IaaS', 'ismap_liu')$$, :aoba)),
    ('3 provider changed',
     format($$UPDATE ismap.cloud_services SET provider_id = %s WHERE service_id = %s$$, :nadeshiko, :platform))) v(label, s),
       pg_temp.refusal(s) r
 ORDER BY label;

-- Nothing changed: two services, each with its provider.
SELECT s.name, o.name AS provider, s.service_model, s.program
  FROM ismap.cloud_services s JOIN ismap.organizations o ON o.organization_id = s.provider_id
 WHERE s.provider_id IN (:aoba, :suzuran, :nadeshiko)
 ORDER BY s.name;

--
-- 3. The audit (監査)
--

-- 架空監査法人すずらん audits あおばクラウド基盤 over the fiscal year
-- 2022-04-01 .. 2023-03-31 and issues its report on 2023-05-10.  First, what
-- is refused (today is 2023-05-20).
SET ismap.today = '2023-05-20';

-- Refused: 架空監査法人なでしこ was suspended on the report date.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:platform, :nadeshiko_auditor, 'operating', '2022-04-01', '2023-03-31', '2023-05-10');
-- Refused: a period of more than a year (setting audit_period_max); the
-- longest period starting 2022-04-01 ends 2023-03-31.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:platform, :suzuran_auditor, 'operating', '2022-04-01', '2023-04-01', '2023-05-10');
-- Refused: a period of less than three months (setting audit_period_min).
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:platform, :suzuran_auditor, 'operating', '2023-01-01', '2023-03-30', '2023-05-10');
-- Refused: a report dated on (or before) the last day of its period.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:platform, :suzuran_auditor, 'operating', '2022-04-01', '2023-03-31', '2023-03-31');
-- Refused: a report dated after today.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:platform, :suzuran_auditor, 'operating', '2022-04-01', '2023-03-31', '2023-05-21');
-- Refused: 架空監査法人すずらん audits its own service (conflict of interest).
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:suzuran_saas, :suzuran_auditor, 'operating', '2022-04-01', '2023-03-31', '2023-05-10');

SELECT label, r.*
  FROM (VALUES
    ('1 auditor suspended',
     format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on) VALUES (%s, %s, 'operating', '2022-04-01', '2023-03-31', '2023-05-10')$$, :platform, :nadeshiko_auditor)),
    ('2 period too long',
     format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on) VALUES (%s, %s, 'operating', '2022-04-01', '2023-04-01', '2023-05-10')$$, :platform, :suzuran_auditor)),
    ('3 period too short',
     format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on) VALUES (%s, %s, 'operating', '2023-01-01', '2023-03-30', '2023-05-10')$$, :platform, :suzuran_auditor)),
    ('4 report before period end',
     format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on) VALUES (%s, %s, 'operating', '2022-04-01', '2023-03-31', '2023-03-31')$$, :platform, :suzuran_auditor)),
    ('5 report after today',
     format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on) VALUES (%s, %s, 'operating', '2022-04-01', '2023-03-31', '2023-05-21')$$, :platform, :suzuran_auditor)),
    ('6 own service',
     format($$INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on) VALUES (%s, %s, 'operating', '2022-04-01', '2023-03-31', '2023-05-10')$$, :suzuran_saas, :suzuran_auditor))) v(label, s),
       pg_temp.refusal(s) r
 ORDER BY label;

-- Nothing changed: no audit of either service.
SELECT count(*) AS audits FROM ismap.audits WHERE service_id IN (:platform, :suzuran_saas);

-- The audit as it should be: a full year, operating effectiveness
-- (運用状況評価), reported by a registered auditor of another organization.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:platform, :suzuran_auditor, 'operating', '2022-04-01', '2023-03-31', '2023-05-10')
RETURNING assessment, period_start, period_end, reported_on;
SELECT audit_id AS platform_audit FROM ismap.audits WHERE service_id = :platform \gset

-- Refused: an audit is a fact; it is never rewritten or deleted
-- (sec_history).
UPDATE ismap.audits SET reported_on = '2023-05-11' WHERE audit_id = :platform_audit;
DELETE FROM ismap.audits WHERE audit_id = :platform_audit;
SELECT label, r.*
  FROM (VALUES
    ('2 audit deleted', format($$DELETE FROM ismap.audits WHERE audit_id = %s$$, :platform_audit)),
    ('1 audit updated', format($$UPDATE ismap.audits SET reported_on = '2023-05-11' WHERE audit_id = %s$$, :platform_audit))) v(label, s),
       pg_temp.refusal(s) r
 ORDER BY label;
SELECT o.name AS auditor, a.assessment, a.period_start, a.period_end, a.reported_on
  FROM ismap.audits a JOIN ismap.auditors au USING (auditor_id)
  JOIN ismap.organizations o ON o.organization_id = au.organization_id
 WHERE a.service_id = :platform;

--
-- 4. The application (登録申請), backed by the audit
--

SET ismap.today = '2023-06-01';

-- Refused: an application dated before the audit report it rests on.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:platform, 'new', '2023-05-09', :platform_audit);
-- Refused: an application resting on an audit of another service, or on
-- an audit that is not recorded.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:suzuran_saas, 'new', '2023-06-01', :platform_audit);
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:platform, 'new', '2023-06-01', -1);
-- Refused: an application dated after today.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:platform, 'new', '2023-06-02', :platform_audit);

SELECT label, r.*
  FROM (VALUES
    ('1 before the report',
     format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (%s, 'new', '2023-05-09', %s)$$, :platform, :platform_audit)),
    ('2 audit of another service',
     format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (%s, 'new', '2023-06-01', %s)$$, :suzuran_saas, :platform_audit)),
    ('3 no such audit',
     format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (%s, 'new', '2023-06-01', -1)$$, :platform)),
    ('4 after today',
     format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (%s, 'new', '2023-06-02', %s)$$, :platform, :platform_audit))) v(label, s),
       pg_temp.refusal(s) r
 ORDER BY label;

-- Nothing changed: no application.
SELECT count(*) AS applications FROM ismap.service_applications
 WHERE service_id IN (:platform, :suzuran_saas);

-- 架空クラウド株式会社あおば files on 2023-06-01.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:platform, 'new', '2023-06-01', :platform_audit)
RETURNING kind, applied_on, status, decided_on, registration_id, registration_number;
SELECT application_id AS platform_app FROM ismap.service_applications
 WHERE service_id = :platform \gset

-- Refused: a second new application while the first is undecided.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:platform, 'new', '2023-06-01', :platform_audit);
SELECT * FROM pg_temp.refusal(format(
  $$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (%s, 'new', '2023-06-01', %s)$$,
  :platform, :platform_audit));
-- Nothing changed: one application, submitted.
SELECT kind, applied_on, status, decided_on FROM ismap.service_applications
 WHERE service_id = :platform ORDER BY application_id;

--
-- 5. Acceptance (受理) and approval (登録)
--

SET ismap.today = '2023-06-05';
UPDATE ismap.service_applications SET status = 'accepted'
 WHERE application_id = :platform_app
RETURNING kind, applied_on, status, decided_on, registration_id;

SET ismap.today = '2023-07-14';

-- Refused: an approval needs its decision date, not after today; the date
-- of filing does not change.
UPDATE ismap.service_applications SET status = 'approved'
 WHERE application_id = :platform_app;
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2023-07-15'
 WHERE application_id = :platform_app;
UPDATE ismap.service_applications SET applied_on = '2023-05-31'
 WHERE application_id = :platform_app;
-- Refused: a registration number given with the approval (a backfill of the
-- published list) carries the year of the decision.
UPDATE ismap.service_applications
   SET status = 'approved', decided_on = '2023-07-14', registration_number = 'C22-0001-1'
 WHERE application_id = :platform_app;

SELECT label, r.*
  FROM (VALUES
    ('1 no decision date',
     format($$UPDATE ismap.service_applications SET status = 'approved' WHERE application_id = %s$$, :platform_app)),
    ('2 decided after today',
     format($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2023-07-15' WHERE application_id = %s$$, :platform_app)),
    ('3 application date changed',
     format($$UPDATE ismap.service_applications SET applied_on = '2023-05-31' WHERE application_id = %s$$, :platform_app)),
    ('4 number of another year',
     format($$UPDATE ismap.service_applications SET status = 'approved', decided_on = '2023-07-14', registration_number = 'C22-0001-1' WHERE application_id = %s$$, :platform_app))) v(label, s),
       pg_temp.refusal(s) r
 ORDER BY label;

-- Nothing changed: accepted, and no registration.
SELECT kind, applied_on, status, decided_on, registration_id, registration_number
  FROM ismap.service_applications WHERE application_id = :platform_app;
SELECT count(*) AS registrations FROM ismap.service_registrations WHERE service_id = :platform;

-- The committee approves on 2023-07-14.  The extension creates the
-- registration and fills in registration_id.
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2023-07-14'
 WHERE application_id = :platform_app
RETURNING kind, applied_on, status, decided_on, registration_id IS NOT NULL AS registered;

--
-- 6. The registration
--

-- Number C23-0001-1: registered in 2023, the first serial, branch 1.  Valid
-- until 2024-07-31: 1 year 4 months (setting service_validity) from
-- 2023-04-01, the day after the audit period ends, counted as the Civil Code
-- counts periods.
SELECT registration_number, registered_on, audit_period_start, audit_period_end, valid_until,
       ismap.service_valid_until(audit_period_end) AS service_valid_until
  FROM ismap.service_registrations WHERE service_id = :platform;
SELECT registration_id AS platform_reg FROM ismap.service_registrations
 WHERE service_id = :platform \gset

-- The application names the registration it created; the registration
-- names the audit and the auditor behind it.
SELECT a.status, r.registration_number,
       r.audit_id = a.audit_id AS same_audit, o.name AS auditor
  FROM ismap.service_applications a
  JOIN ismap.service_registrations r USING (registration_id)
  JOIN ismap.auditors au ON au.auditor_id = r.auditor_id
  JOIN ismap.organizations o ON o.organization_id = au.organization_id
 WHERE a.application_id = :platform_app;

-- Its first validity term, in force from the decision day.
SELECT term_no, in_force_from, audit_period_start, audit_period_end, valid_until,
       application_id = :platform_app AS from_the_application
  FROM ismap.service_registration_terms WHERE registration_id = :platform_reg
 ORDER BY term_no;

-- Refused: nobody writes registrations or terms directly, not even a
-- superuser (42501); a decided application stands.
UPDATE ismap.service_registrations SET valid_until = '2030-03-31'
 WHERE registration_id = :platform_reg;
DELETE FROM ismap.service_registrations WHERE registration_id = :platform_reg;
UPDATE ismap.service_registration_terms SET valid_until = '2030-03-31'
 WHERE registration_id = :platform_reg;
UPDATE ismap.service_applications SET status = 'withdrawn'
 WHERE application_id = :platform_app;
-- Refused: a new application while the service is registered (renew it
-- instead).
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:platform, 'new', '2023-07-14', :platform_audit);

SELECT label, r.*
  FROM (VALUES
    ('1 registration updated',
     format($$UPDATE ismap.service_registrations SET valid_until = '2030-03-31' WHERE registration_id = %s$$, :platform_reg)),
    ('2 registration deleted',
     format($$DELETE FROM ismap.service_registrations WHERE registration_id = %s$$, :platform_reg)),
    ('3 term updated',
     format($$UPDATE ismap.service_registration_terms SET valid_until = '2030-03-31' WHERE registration_id = %s$$, :platform_reg)),
    ('4 decided application changed',
     format($$UPDATE ismap.service_applications SET status = 'withdrawn' WHERE application_id = %s$$, :platform_app)),
    ('5 new application while registered',
     format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (%s, 'new', '2023-07-14', %s)$$, :platform, :platform_audit))) v(label, s),
       pg_temp.refusal(s) r
 ORDER BY label;

-- Nothing changed.
SELECT registration_number, registered_on, valid_until FROM ismap.service_registrations
 WHERE service_id = :platform;
SELECT term_no, in_force_from, valid_until FROM ismap.service_registration_terms
 WHERE registration_id = :platform_reg;
SELECT kind, applied_on, status, decided_on FROM ismap.service_applications
 WHERE service_id = :platform ORDER BY application_id;

--
-- 7. The public list (ISMAPクラウドサービスリスト)
--

-- Today (2023-07-14), the service is on the list (only this file's
-- provider is shown).
SELECT registration_number, service_name, service_name_en, provider_name,
       provider_corporate_number, service_model, registered_on
  FROM ismap.cloud_service_list
 WHERE provider_corporate_number = '5999903000001'
 ORDER BY registration_number;
SELECT registration_number, statement_scope, audit_period_start, audit_period_end,
       valid_until, auditor_name, status
  FROM ismap.cloud_service_list
 WHERE provider_corporate_number = '5999903000001'
 ORDER BY registration_number;

-- The list as it stood on a past day: on 2023-07-13, the day before the
-- decision, the service was not on it.
SELECT count(*) AS listed_on_2023_07_13
  FROM ismap.cloud_service_list_at('2023-07-13')
 WHERE provider_corporate_number = '5999903000001';

-- Its status on any day: none before registration, valid through
-- 2024-07-31, expired from 2024-08-01 unless renewed (service_renewal).
SELECT d AS day, ismap.service_status(:platform_reg, d) AS status
  FROM (VALUES (date '2023-07-13'), ('2023-07-14'), ('2024-07-31'), ('2024-08-01')) v(d)
 ORDER BY d;
SELECT d AS day, l.registration_number, l.valid_until, l.status
  FROM (VALUES (date '2023-07-13'), ('2023-07-14'), ('2024-07-31'), ('2024-08-01')) v(d)
  CROSS JOIN LATERAL ismap.cloud_service_list_at(d) l
 WHERE l.provider_corporate_number = '5999903000001'
 ORDER BY d, l.registration_number;

--
-- 8. The scheme's first year: design-only audits (svc_audit_kind)
--

-- The registry also holds the first year's records.  Until one year after
-- the scheme's start (settings scheme_start and design_only_window), an
-- audit of the design alone (整備状況評価) was enough: applications filed
-- up to 2021-05-31.
SELECT name, value FROM ismap.settings
 WHERE name IN ('scheme_start', 'design_only_window') ORDER BY name;

-- 架空監査法人わかば applied on 2020-06-15 and was registered on 2020-07-15.
SET ismap.today = '2020-07-15';
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('5999903000034', '架空監査法人わかば', 'Wakaba Fictional Audit Corporation')
RETURNING corporate_number, name;
SELECT organization_id AS wakaba FROM ismap.organizations
 WHERE corporate_number = '5999903000034' \gset
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:wakaba, 'new', '2020-06-15');
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE organization_id = :wakaba;
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2020-07-15'
 WHERE organization_id = :wakaba;
SELECT auditor_id AS wakaba_auditor FROM ismap.auditors WHERE organization_id = :wakaba \gset

-- It audits the design of あおば文書共有, a SaaS, as of the period
-- 2020-10-01 .. 2021-03-31, and reports on 2021-05-14.
SET ismap.today = '2021-05-14';
INSERT INTO ismap.cloud_services (provider_id, name, name_en, statement_scope, service_model)
VALUES (:aoba, 'あおば文書共有', 'Aoba Document Share',
        'あおば文書共有（SaaS）の提供に係る業務', 'SaaS');
SELECT service_id AS docs FROM ismap.cloud_services
 WHERE provider_id = :aoba AND name = 'あおば文書共有' \gset
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:docs, :wakaba_auditor, 'design', '2020-10-01', '2021-03-31', '2021-05-14')
RETURNING assessment, period_start, period_end, reported_on;
SELECT audit_id AS docs_audit FROM ismap.audits WHERE service_id = :docs \gset

SET ismap.today = '2021-06-01';

-- Refused: filed on 2021-06-01, the day after the window closed, the
-- design-only audit does not suffice.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:docs, 'new', '2021-06-01', :docs_audit);
SELECT * FROM pg_temp.refusal(format(
  $$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id) VALUES (%s, 'new', '2021-06-01', %s)$$,
  :docs, :docs_audit));
-- Nothing changed: no application.
SELECT count(*) AS applications FROM ismap.service_applications WHERE service_id = :docs;

-- Filed on 2021-05-31, the last day of the window, it is accepted.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:docs, 'new', '2021-05-31', :docs_audit)
RETURNING kind, applied_on, status, decided_on;
SELECT s.name, a.kind, a.applied_on, a.status, au.assessment
  FROM ismap.service_applications a
  JOIN ismap.cloud_services s USING (service_id)
  JOIN ismap.audits au USING (audit_id)
 WHERE a.service_id = :docs
 ORDER BY a.application_id;
