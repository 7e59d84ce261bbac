--
-- service_status_changes: suspending, lifting and removing a cloud service
-- registration (ovs_suspension, sec_history, svc_public_list).
--
-- What a DBA sees:
--   * The committee's decisions are rows of ismap.service_status_changes:
--     suspend, lift or remove, each with an effective date and grounds.
--     Effective dates may lie in the past (recorded late) or the future
--     (scheduled).
--   * Changes are recorded in effective-date order.  Only a registration in
--     force can be suspended, only a suspended one lifted.
--   * A suspended registration stays on the public list, marked suspended;
--     it still expires.  A lift puts it back to valid.
--   * A removal is final: the registration leaves the list from the
--     effective day, nothing changes it afterwards, and it cannot be
--     renewed.  The provider may apply anew, for a new registration.
--   * A recorded change is never updated or deleted (sec_history).
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

-- 架空クラウド株式会社みなと (a provider) and 架空監査法人あじさい (an audit
-- firm, registered on 2023-02-15: valid until 2025-01-10).
SET ismap.today = '2023-01-10';
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('5999905000008', '架空クラウド株式会社みなと', 'Minato Fictional Cloud Inc.'),
       ('5999905000016', '架空監査法人あじさい', 'Ajisai Fictional Audit Corporation');
SELECT organization_id AS minato FROM ismap.organizations
 WHERE corporate_number = '5999905000008' \gset
SELECT organization_id AS ajisai FROM ismap.organizations
 WHERE corporate_number = '5999905000016' \gset
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:ajisai, 'new', '2023-01-10');
SET ismap.today = '2023-02-15';
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE organization_id = :ajisai;
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2023-02-15'
 WHERE organization_id = :ajisai;
SELECT auditor_id AS ajisai_auditor FROM ismap.auditors WHERE organization_id = :ajisai \gset

-- みなとメール and みなとデータ基盤, audited over calendar 2022, applied for
-- on 2023-03-01, registered on 2023-04-14: valid until 2024-04-30.
INSERT INTO ismap.cloud_services (provider_id, name, name_en, statement_scope, service_model)
VALUES (:minato, 'みなとメール', 'Minato Mail',
        'みなとメール（SaaS）の提供に係る業務', 'SaaS'),
       (:minato, 'みなとデータ基盤', 'Minato Data Platform',
        'みなとデータ基盤（PaaS）の提供に係る業務', 'PaaS');
SELECT service_id AS mail FROM ismap.cloud_services
 WHERE provider_id = :minato AND name = 'みなとメール' \gset
SELECT service_id AS data FROM ismap.cloud_services
 WHERE provider_id = :minato AND name = 'みなとデータ基盤' \gset
SET ismap.today = '2023-02-20';
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:mail, :ajisai_auditor, 'operating', '2022-01-01', '2022-12-31', '2023-02-20'),
       (:data, :ajisai_auditor, 'operating', '2022-01-01', '2022-12-31', '2023-02-20');
SET ismap.today = '2023-03-01';
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
SELECT service_id, 'new', '2023-03-01', audit_id
  FROM ismap.audits WHERE service_id IN (:mail, :data);
UPDATE ismap.service_applications SET status = 'accepted'
 WHERE service_id IN (:mail, :data);
SET ismap.today = '2023-04-14';
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2023-04-14'
 WHERE service_id = :mail;
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2023-04-14'
 WHERE service_id = :data;
SELECT registration_id AS mail_reg FROM ismap.service_registrations WHERE service_id = :mail \gset
SELECT registration_id AS data_reg FROM ismap.service_registrations WHERE service_id = :data \gset

SELECT registration_number, service_name, registered_on, valid_until, status
  FROM ismap.cloud_service_list
 WHERE provider_corporate_number = '5999905000008'
 ORDER BY registration_number;

--
-- 2. Suspension (一時停止)
--

SET ismap.today = '2023-09-01';

-- Refused: a status change states its grounds (23502).
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'suspend', '2023-09-01', NULL);
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'suspend', '2023-09-01', ' ');
-- Refused: it cannot take effect before the registration.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'suspend', '2023-04-13', '重大インシデントの報告遅延（架空）');
-- Refused: there is no suspension to lift.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'lift', '2023-09-01', '是正を確認（架空）');
-- Refused: a registration that does not exist.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (-1, 'suspend', '2023-09-01', '重大インシデントの報告遅延（架空）');

SELECT label, r.*
  FROM (VALUES
    ('1 no grounds',
     format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, 'suspend', '2023-09-01', NULL)$$, :mail_reg)),
    ('2 blank grounds',
     format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, 'suspend', '2023-09-01', ' ')$$, :mail_reg)),
    ('3 before the registration',
     format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, 'suspend', '2023-04-13', '重大インシデントの報告遅延（架空）')$$, :mail_reg)),
    ('4 lift without suspension',
     format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, 'lift', '2023-09-01', '是正を確認（架空）')$$, :mail_reg)),
    ('5 no such registration',
     $$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (-1, 'suspend', '2023-09-01', '重大インシデントの報告遅延（架空）')$$)) v(label, s),
       pg_temp.refusal(s) r
 ORDER BY label;

-- Nothing changed: no status change.
SELECT count(*) AS changes FROM ismap.service_status_changes
 WHERE registration_id IN (:mail_reg, :data_reg);

-- The committee suspends みなとメール from 2023-09-01.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'suspend', '2023-09-01', '重大インシデントの報告遅延（架空）')
RETURNING action, effective_on, grounds;

-- The list shows it, marked suspended.
SELECT registration_number, service_name, valid_until, status
  FROM ismap.cloud_service_list
 WHERE provider_corporate_number = '5999905000008'
 ORDER BY registration_number;

-- Refused: it is already suspended.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'suspend', '2023-09-05', '追加の指摘（架空）');
-- Refused: a change effective before the last one recorded.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'lift', '2023-08-31', '是正を確認（架空）');
-- Refused: a recorded change is never rewritten or deleted (a lift undoes
-- a suspension).
UPDATE ismap.service_status_changes SET effective_on = '2023-09-02'
 WHERE registration_id = :mail_reg;
DELETE FROM ismap.service_status_changes WHERE registration_id = :mail_reg;

SELECT label, r.*
  FROM (VALUES
    ('1 already suspended',
     format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, 'suspend', '2023-09-05', '追加の指摘（架空）')$$, :mail_reg)),
    ('2 out of order',
     format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, 'lift', '2023-08-31', '是正を確認（架空）')$$, :mail_reg)),
    ('3 change updated',
     format($$UPDATE ismap.service_status_changes SET effective_on = '2023-09-02' WHERE registration_id = %s$$, :mail_reg)),
    ('4 change deleted',
     format($$DELETE FROM ismap.service_status_changes WHERE registration_id = %s$$, :mail_reg))) v(label, s),
       pg_temp.refusal(s) r
 ORDER BY label;

-- Nothing changed: one suspension.
SELECT action, effective_on, grounds FROM ismap.service_status_changes
 WHERE registration_id = :mail_reg ORDER BY effective_on, change_id;

--
-- 3. Lifting the suspension (一時停止の解除)
--

SET ismap.today = '2023-10-02';
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'lift', '2023-10-02', '是正措置の完了を確認（架空）')
RETURNING action, effective_on, grounds;

-- Valid again, on the list without the mark.
SELECT registration_number, service_name, valid_until, status
  FROM ismap.cloud_service_list
 WHERE registration_id = :mail_reg;

-- The status on each day follows the changes.
SELECT d AS day, ismap.service_status(:mail_reg, d) AS status
  FROM (VALUES (date '2023-08-31'), ('2023-09-01'), ('2023-10-01'), ('2023-10-02')) v(d)
 ORDER BY d;

--
-- 4. Removal (登録の取消し) is final
--

-- On 2023-11-01 the committee removes みなとデータ基盤 with effect from
-- 2023-11-15 (a scheduled removal).
SET ismap.today = '2023-11-01';
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:data_reg, 'remove', '2023-11-15', '登録要件の不充足（架空）')
RETURNING action, effective_on, grounds;

-- It stays on the list up to 2023-11-14 and leaves it on 2023-11-15.
SELECT d AS day, l.registration_number, l.service_name, l.status
  FROM (VALUES (date '2023-11-01'), ('2023-11-14'), ('2023-11-15')) v(d)
  CROSS JOIN LATERAL ismap.cloud_service_list_at(d) l
 WHERE l.registration_id = :data_reg
 ORDER BY d;

-- Refused: once a removal is recorded, nothing changes the registration,
-- even before the removal takes effect.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:data_reg, 'suspend', '2023-11-10', '追加の指摘（架空）');
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:data_reg, 'remove', '2023-11-20', '登録要件の不充足（架空）');

-- Refused: a removed registration is not renewed.  (The provider has its
-- next audit, calendar 2023, reported on 2024-03-15.)
SET ismap.today = '2024-04-01';
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:data, :ajisai_auditor, 'operating', '2023-01-01', '2023-12-31', '2024-03-15');
SELECT audit_id AS data_audit_2023 FROM ismap.audits
 WHERE service_id = :data AND period_start = '2023-01-01' \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id)
VALUES (:data, 'renewal', '2024-04-01', :data_audit_2023, :data_reg);

SELECT label, r.*
  FROM (VALUES
    ('1 suspension after a removal',
     format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, 'suspend', '2023-11-10', '追加の指摘（架空）')$$, :data_reg)),
    ('2 second removal',
     format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, 'remove', '2023-11-20', '登録要件の不充足（架空）')$$, :data_reg)),
    ('3 renewal of a removed registration',
     format($$INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id, registration_id) VALUES (%s, 'renewal', '2024-04-01', %s, %s)$$, :data, :data_audit_2023, :data_reg))) v(label, s),
       pg_temp.refusal(s) r
 ORDER BY label;

-- Nothing changed: one removal, no renewal.
SELECT action, effective_on, grounds FROM ismap.service_status_changes
 WHERE registration_id = :data_reg ORDER BY effective_on, change_id;
SELECT kind, applied_on, status FROM ismap.service_applications
 WHERE service_id = :data ORDER BY application_id;

-- Removed on every day from 2023-11-15, also after the date it would have
-- expired (removed takes precedence over expired).
SELECT d AS day, ismap.service_status(:data_reg, d) AS status
  FROM (VALUES (date '2023-11-14'), ('2023-11-15'), ('2024-04-30'), ('2024-05-01')) v(d)
 ORDER BY d;

-- The provider may apply anew, on the same audit (section 6 shows the
-- decision).
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
VALUES (:data, 'new', '2024-04-01', :data_audit_2023)
RETURNING kind, applied_on, status, registration_id;

--
-- 5. A suspended registration still expires
--

SET ismap.today = '2024-04-15';

-- Refused: a suspension taking effect on 2024-05-01, when the registration
-- will have expired.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'suspend', '2024-05-01', '再度の報告遅延（架空）');
SELECT * FROM pg_temp.refusal(format(
  $$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds) VALUES (%s, 'suspend', '2024-05-01', '再度の報告遅延（架空）')$$,
  :mail_reg));
-- Nothing changed: the last change is still the lift of 2023-10-02.
SELECT action, effective_on FROM ismap.service_status_changes
 WHERE registration_id = :mail_reg ORDER BY effective_on DESC, change_id DESC LIMIT 1;

-- Suspended again from 2024-04-15, and not renewed: from 2024-05-01 it is
-- expired (expired takes precedence over suspended) and off the list.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:mail_reg, 'suspend', '2024-04-15', '再度の報告遅延（架空）')
RETURNING action, effective_on, grounds;
SELECT d AS day, ismap.service_status(:mail_reg, d) AS status
  FROM (VALUES (date '2024-04-14'), ('2024-04-15'), ('2024-04-30'), ('2024-05-01')) v(d)
 ORDER BY d;
SELECT d AS day, l.registration_number, l.valid_until, l.status
  FROM (VALUES (date '2024-04-14'), ('2024-04-15'), ('2024-04-30'), ('2024-05-01')) v(d)
  CROSS JOIN LATERAL ismap.cloud_service_list_at(d) l
 WHERE l.registration_id = :mail_reg
 ORDER BY d;

--
-- 6. A new registration, and the history
--

-- みなとデータ基盤's new application is approved on 2024-06-17: a new
-- registration with a new number.  The removed one stays removed.
SET ismap.today = '2024-06-17';
UPDATE ismap.service_applications SET status = 'accepted'
 WHERE service_id = :data AND applied_on = '2024-04-01';
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2024-06-17'
 WHERE service_id = :data AND applied_on = '2024-04-01';
SELECT registration_number, registered_on, valid_until,
       ismap.service_status(registration_id) AS status_today
  FROM ismap.service_registrations WHERE service_id = :data
 ORDER BY registration_number;

-- Every change of みなと's registrations, in effective-date order.
SELECT r.registration_number, c.action, c.effective_on, c.grounds
  FROM ismap.service_status_changes c
  JOIN ismap.service_registrations r USING (registration_id)
  JOIN ismap.cloud_services s USING (service_id)
 WHERE s.provider_id = :minato
 ORDER BY r.registration_number, c.effective_on, c.change_id;

-- The list today (2024-06-17): みなとメール has expired; みなとデータ基盤 is
-- listed under its new number.
SELECT registration_number, service_name, registered_on, valid_until, status
  FROM ismap.cloud_service_list
 WHERE provider_corporate_number = '5999905000008'
 ORDER BY registration_number;
