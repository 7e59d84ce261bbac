--
-- auditor_status_changes: suspending, lifting and removing an auditor
-- registration (ovs_suspension, sec_history).
--
-- What a DBA sees:
--   * The committee's decisions are rows of ismap.auditor_status_changes:
--     suspend, lift or remove, each with an effective date and grounds.
--     Effective dates may lie in the past (recorded late) or the future
--     (scheduled).
--   * Changes are recorded in effective-date order; only a removal may share
--     the day of the previous change.  Only a registration in force can be
--     suspended, only a suspended one lifted.  A removal is final: nothing
--     changes the registration afterwards, and it cannot be renewed.
--   * Status on a day follows: removed > expired > suspended >
--     renewal_pending > valid.  A suspended auditor stays on the public list,
--     marked suspended; a suspended registration still expires.
--   * A recorded change is never updated or deleted (sec_history).
--
-- ismap.today() is pinned to 2024-07-10, later moved on with SET.
--

SET DateStyle = 'ISO, YMD';
SET ismap.today = '2024-07-10';

-- Three auditors:
--   架空監査法人もみじ   applied 2023-04-01, approved 2023-05-01: valid until 2025-04-01;
--   架空監査法人いちょう applied 2023-01-10, approved 2023-02-01: valid until 2025-01-10;
--   架空監査法人くす     applied 2022-05-01, approved 2022-05-20: valid until 2024-05-01.
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('9999901000008', '架空監査法人もみじ', 'Momiji Fictional Audit Corporation'),
       ('8999901000009', '架空監査法人いちょう', 'Icho Fictional Audit Corporation'),
       ('6999901000010', '架空監査法人くす', 'Kusu Fictional Audit Corporation');
SELECT organization_id AS momiji FROM ismap.organizations
 WHERE corporate_number = '9999901000008' \gset
SELECT organization_id AS icho FROM ismap.organizations
 WHERE corporate_number = '8999901000009' \gset
SELECT organization_id AS kusu FROM ismap.organizations
 WHERE corporate_number = '6999901000010' \gset

INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:momiji, 'new', '2023-04-01'), (:icho, 'new', '2023-01-10'), (:kusu, 'new', '2022-05-01');
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id IN (:momiji, :icho, :kusu);
UPDATE ismap.auditor_applications
   SET status = 'approved',
       decided_on = CASE organization_id WHEN :momiji THEN date '2023-05-01'
                                         WHEN :icho THEN date '2023-02-01'
                                         ELSE date '2022-05-20' END
 WHERE organization_id IN (:momiji, :icho, :kusu);

SELECT auditor_id AS momiji_auditor FROM ismap.auditors WHERE organization_id = :momiji \gset
SELECT auditor_id AS icho_auditor FROM ismap.auditors WHERE organization_id = :icho \gset
SELECT auditor_id AS kusu_auditor FROM ismap.auditors WHERE organization_id = :kusu \gset

SELECT a.auditor_id, a.registration_number, o.name, a.registered_on, a.valid_until,
       ismap.auditor_status(a.auditor_id) AS status_today
  FROM ismap.auditors a JOIN ismap.organizations o USING (organization_id)
 WHERE a.organization_id IN (:momiji, :icho, :kusu)
 ORDER BY a.registration_number;

--
-- 1. What a status change needs
--

-- Refused: grounds are required, and not blank (23502).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'suspend', '2024-02-01', NULL);
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'suspend', '2024-02-01', '   ');
-- Refused: an action and an effective date are required.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, NULL, '2024-02-01', '監査品質に関する指摘（架空）');
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'suspend', 'infinity', '監査品質に関する指摘（架空）');
-- Refused: a change cannot take effect before the registration.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'suspend', '2023-04-30', '監査品質に関する指摘（架空）');
-- Refused: there is no suspension to lift.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'lift', '2024-02-01', '是正を確認（架空）');
-- Refused: an auditor that does not exist (23503).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (-1, 'suspend', '2024-02-01', '監査品質に関する指摘（架空）');

SELECT s AS statement, r.*
  FROM (VALUES
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES ($$ || :momiji_auditor || $$, 'suspend', '2024-02-01', NULL)$$),
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES ($$ || :momiji_auditor || $$, 'suspend', 'infinity', 'x')$$),
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES ($$ || :momiji_auditor || $$, 'suspend', '2023-04-30', 'x')$$),
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES ($$ || :momiji_auditor || $$, 'lift', '2024-02-01', 'x')$$),
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES (-1, 'suspend', '2024-02-01', 'x')$$)) v(s),
       refusal(s) r
 ORDER BY 1;

-- Nothing changed: no status change is recorded.
SELECT count(*) AS status_changes FROM ismap.auditor_status_changes;

--
-- 2. A suspension, recorded late, and its lifting
--

-- The committee suspended 架空監査法人もみじ from 2024-02-01.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'suspend', '2024-02-01', '監査品質に関する指摘（架空）');

-- Refused: it is already suspended.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'suspend', '2024-02-15', '追加の指摘（架空）');
-- Refused: changes are recorded in effective-date order: not before the
-- last change, and not on its day (only a removal may share it).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'lift', '2024-01-15', '是正を確認（架空）');
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'lift', '2024-02-01', '是正を確認（架空）');

SELECT s AS statement, r.*
  FROM (VALUES
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES ($$ || :momiji_auditor || $$, 'suspend', '2024-02-15', 'x')$$),
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES ($$ || :momiji_auditor || $$, 'lift', '2024-01-15', 'x')$$),
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES ($$ || :momiji_auditor || $$, 'lift', '2024-02-01', 'x')$$)) v(s),
       refusal(s) r
 ORDER BY 1;

-- Nothing changed: one suspension.
SELECT action, effective_on, grounds
  FROM ismap.auditor_status_changes WHERE auditor_id = :momiji_auditor ORDER BY change_id;

-- The suspension is lifted from 2024-03-01.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'lift', '2024-03-01', '是正を確認（架空）');

SELECT d AS day, ismap.auditor_status(:momiji_auditor, d) AS status
  FROM (VALUES (date '2024-01-31'), ('2024-02-01'), ('2024-02-29'), ('2024-03-01')) v(d)
 ORDER BY d;
-- While suspended, the auditor stays on the public list, marked suspended.
SELECT registration_number, name, valid_until, status
  FROM ismap.auditor_list_at('2024-02-15') WHERE name = '架空監査法人もみじ';

--
-- 3. A scheduled suspension
--

-- Effective dates may lie in the future: suspended from 2024-08-01.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'suspend', '2024-08-01', '報告の遅延（架空）');
SELECT d AS day, ismap.auditor_status(:momiji_auditor, d) AS status
  FROM (VALUES (date '2024-07-10'), ('2024-07-31'), ('2024-08-01')) v(d)
 ORDER BY d;
SELECT registration_number, status FROM ismap.auditor_list WHERE name = '架空監査法人もみじ';

--
-- 4. Recorded changes are never rewritten
--

UPDATE ismap.auditor_status_changes SET effective_on = '2024-09-01'
 WHERE auditor_id = :momiji_auditor AND effective_on = '2024-08-01';
DELETE FROM ismap.auditor_status_changes WHERE auditor_id = :momiji_auditor;
TRUNCATE ismap.auditor_status_changes;

SELECT s AS statement, r.*
  FROM (VALUES
    ($$UPDATE ismap.auditor_status_changes SET effective_on = '2024-09-01'$$),
    ($$DELETE FROM ismap.auditor_status_changes$$),
    ($$TRUNCATE ismap.auditor_status_changes$$)) v(s),
       refusal(s) r
 ORDER BY 1;

-- Nothing changed.
SELECT action, effective_on, grounds
  FROM ismap.auditor_status_changes WHERE auditor_id = :momiji_auditor ORDER BY change_id;

--
-- 5. A suspended registration still expires
--

-- 架空監査法人くす was valid until 2024-05-01.  Suspended from 2024-04-01,
-- it is expired from 2024-05-02 all the same (expired comes before
-- suspended).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:kusu_auditor, 'suspend', '2024-04-01', '監査品質に関する指摘（架空）');
SELECT d AS day, ismap.auditor_status(:kusu_auditor, d) AS status
  FROM (VALUES (date '2024-03-31'), ('2024-04-01'), ('2024-05-01'), ('2024-05-02')) v(d)
 ORDER BY d;

-- Only a registration in force is suspended: the suspension of 架空監査法人くす
-- is lifted from 2024-05-10; a new one from 2024-05-15 is refused, since the
-- registration expired on 2024-05-02.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:kusu_auditor, 'lift', '2024-05-10', '是正を確認（架空）');
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:kusu_auditor, 'suspend', '2024-05-15', '監査品質に関する指摘（架空）');
-- Nothing changed: a suspension and a lift.
SELECT action, effective_on
  FROM ismap.auditor_status_changes WHERE auditor_id = :kusu_auditor ORDER BY change_id;

--
-- 6. Removal is final
--

-- 架空監査法人いちょう is removed from 2024-05-01.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:icho_auditor, 'remove', '2024-05-01', '虚偽の申請（架空）');
SELECT d AS day, s.status, s.valid_until
  FROM (VALUES (date '2024-04-30'), ('2024-05-01'), ('2025-01-10'), ('2025-01-11')) v(d)
 CROSS JOIN LATERAL ismap.auditor_standing(:icho_auditor, d) s
 ORDER BY d;
-- It is no longer on the public list.
SELECT registration_number, name, status FROM ismap.auditor_list ORDER BY registration_number;

-- Refused: after a removal nothing changes the registration (55000).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:icho_auditor, 'suspend', '2024-05-20', '追加の指摘（架空）');
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:icho_auditor, 'remove', '2024-05-20', '重ねての削除（架空）');
-- Refused: a removed auditor is not renewed (ovs_suspension) ...
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id)
VALUES (:icho, 'renewal', '2024-05-15', :icho_auditor);

SELECT s AS statement, r.*
  FROM (VALUES
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES ($$ || :icho_auditor || $$, 'suspend', '2024-05-20', 'x')$$),
    ($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds) VALUES ($$ || :icho_auditor || $$, 'remove', '2024-05-20', 'x')$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id) VALUES ($$ || :icho || $$, 'renewal', '2024-05-15', $$ || :icho_auditor || $$)$$)) v(s),
       refusal(s) r
 ORDER BY 1;

-- Nothing changed.
SELECT action, effective_on, grounds
  FROM ismap.auditor_status_changes WHERE auditor_id = :icho_auditor ORDER BY change_id;
SELECT kind, applied_on, status FROM ismap.auditor_applications
 WHERE organization_id = :icho ORDER BY applied_on;

-- ... but the organization may file a new application, for a new
-- registration.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:icho, 'new', '2024-05-20')
RETURNING kind, applied_on, status, decided_on, auditor_id;

-- A removal may share the day of the previous change: 架空監査法人もみじ,
-- suspended from 2024-08-01, is removed from that same day (scheduled).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:momiji_auditor, 'remove', '2024-08-01', '是正されず（架空）');
SELECT d AS day, ismap.auditor_status(:momiji_auditor, d) AS status
  FROM (VALUES (date '2024-07-31'), ('2024-08-01')) v(d)
 ORDER BY d;

-- 架空監査法人もみじ files a renewal today, 2024-07-10, before the removal
-- takes effect: that is allowed.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:momiji, 'renewal', '2024-07-10');
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id = :momiji AND kind = 'renewal';
-- On 2024-08-05 the removal is in effect: the renewal cannot be approved
-- (55000, ovs_suspension), and is rejected.
SET ismap.today = '2024-08-05';
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-08-05'
 WHERE organization_id = :momiji AND kind = 'renewal';
SELECT * FROM refusal($$UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-08-05'
                         WHERE organization_id = $$ || :momiji || $$ AND kind = 'renewal'$$);
-- Nothing changed: the renewal is still accepted.
SELECT kind, applied_on, status, decided_on
  FROM ismap.auditor_applications WHERE organization_id = :momiji AND kind = 'renewal';
UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2024-08-05'
 WHERE organization_id = :momiji AND kind = 'renewal'
RETURNING kind, applied_on, status, decided_on;
-- One term only; removed.
SELECT term_no, in_force_from, valid_from, valid_until
  FROM ismap.auditor_terms WHERE auditor_id = :momiji_auditor ORDER BY term_no;
SELECT ismap.auditor_status(:momiji_auditor) AS status_today;

-- The full history of status changes.
SELECT a.registration_number, c.action, c.effective_on, c.grounds
  FROM ismap.auditor_status_changes c JOIN ismap.auditors a USING (auditor_id)
 ORDER BY a.registration_number, c.effective_on, c.change_id;
