--
-- compliance_reports: the auditors' compliance reports
-- (aud_compliance_report).
--
-- What a DBA sees:
--   * Each approved auditor application (new or renewal) creates a report
--     that falls due one year (a setting) after the application date.
--   * The auditor's filing is recorded by setting filed_on, once: not in the
--     future, not before the application.  Nothing else of a report
--     changes; reports are created only by the extension and never deleted.
--   * ismap.overdue_compliance_reports_at(day) lists the reports due before
--     that day and not filed by then, of auditors that were registered when
--     the report fell due; the view ismap.overdue_compliance_reports is that
--     list today.
--
-- ismap.today() is pinned to 2024-08-10.
--

SET DateStyle = 'ISO, YMD';
SET ismap.today = '2024-08-10';

--
-- 1. The reports the approvals of this tour created
--

SELECT a.registration_number, o.name, p.kind, p.applied_on, r.due_on, r.filed_on
  FROM ismap.auditor_compliance_reports r
  JOIN ismap.auditors a USING (auditor_id)
  JOIN ismap.organizations o USING (organization_id)
  JOIN ismap.auditor_applications p USING (application_id)
 ORDER BY a.registration_number, r.due_on;

-- None is filed yet: every report due before today is overdue, also those
-- of auditors that have expired or been removed since they fell due.
SELECT registration_number, name, due_on, filed_on, days_overdue, auditor_status
  FROM ismap.overdue_compliance_reports ORDER BY due_on, registration_number;

-- A report is owed only by an auditor still registered when it falls due.
-- 架空監査法人けやき applied on 2024-03-01, was approved on 2024-04-01 and
-- removed from 2024-07-01: its report, due 2025-03-01, is never overdue.
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('5999901000011', '架空監査法人けやき', 'Keyaki Fictional Audit Corporation')
RETURNING organization_id AS keyaki \gset
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:keyaki, 'new', '2024-03-01');
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE organization_id = :keyaki;
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-04-01'
 WHERE organization_id = :keyaki;
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
SELECT auditor_id, 'remove', '2024-07-01', '要求基準を満たさない（架空）'
  FROM ismap.auditors WHERE organization_id = :keyaki;
SELECT a.registration_number, r.due_on, r.filed_on,
       ismap.auditor_status(a.auditor_id, r.due_on) AS status_on_due_date
  FROM ismap.auditor_compliance_reports r JOIN ismap.auditors a USING (auditor_id)
 WHERE a.organization_id = :keyaki;
SELECT registration_number, name, due_on, days_overdue, auditor_status
  FROM ismap.overdue_compliance_reports_at('2025-03-02') ORDER BY due_on, registration_number;

SELECT report_id AS kaede_2021_report FROM ismap.auditor_compliance_reports r
  JOIN ismap.auditors a USING (auditor_id) WHERE a.registration_number = 'A21-0002' \gset
SELECT report_id AS kaede_2024_report FROM ismap.auditor_compliance_reports r
  JOIN ismap.auditors a USING (auditor_id) WHERE a.registration_number = 'A24-0003' \gset
SELECT report_id AS tsubaki_2023_report FROM ismap.auditor_compliance_reports r
  JOIN ismap.auditors a USING (auditor_id)
 WHERE a.registration_number = 'A22-0004' AND r.due_on = '2023-07-01' \gset
SELECT report_id AS sakura_report FROM ismap.auditor_compliance_reports r
  JOIN ismap.auditors a USING (auditor_id) WHERE a.registration_number = 'A24-0001' \gset

--
-- 2. Filing
--

-- 架空監査法人つばき filed its first report on time, on 2023-06-20 (recorded
-- late).
UPDATE ismap.auditor_compliance_reports SET filed_on = '2023-06-20'
 WHERE report_id = :tsubaki_2023_report
RETURNING due_on, filed_on;
-- 架空監査法人かえで filed the report of its 2021 registration late, on
-- 2022-04-15: overdue from the day after it fell due until the day before
-- it was filed.
UPDATE ismap.auditor_compliance_reports SET filed_on = '2022-04-15'
 WHERE report_id = :kaede_2021_report
RETURNING due_on, filed_on;
SELECT d AS day, o.registration_number, o.due_on, o.filed_on, o.days_overdue
  FROM (VALUES (date '2022-03-01'), ('2022-03-02'), ('2022-04-14'), ('2022-04-15')) v(d)
 CROSS JOIN LATERAL ismap.overdue_compliance_reports_at(d) o
 WHERE o.registration_number = 'A21-0002'
 ORDER BY d;
-- 架空監査法人さくら files early, today.
UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-08-10'
 WHERE report_id = :sakura_report
RETURNING due_on, filed_on;

-- Refused: a filing is recorded once (55000) ...
UPDATE ismap.auditor_compliance_reports SET filed_on = '2023-06-25'
 WHERE report_id = :tsubaki_2023_report;
UPDATE ismap.auditor_compliance_reports SET filed_on = NULL
 WHERE report_id = :tsubaki_2023_report;
-- ... not in the future, not before the application it follows (23514),
-- and on a calendar day (22007).
UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-08-11'
 WHERE report_id = :kaede_2024_report;
UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-04-09'
 WHERE report_id = :kaede_2024_report;
UPDATE ismap.auditor_compliance_reports SET filed_on = 'infinity'
 WHERE report_id = :kaede_2024_report;
-- Refused: only the filing date changes (55000).
UPDATE ismap.auditor_compliance_reports SET due_on = '2026-04-10'
 WHERE report_id = :kaede_2024_report;
-- Refused: reports are created by the extension (42501), never deleted or
-- truncated (55000, sec_history).
INSERT INTO ismap.auditor_compliance_reports (auditor_id, application_id, due_on)
SELECT auditor_id, application_id, due_on + 365 FROM ismap.auditor_compliance_reports
 WHERE report_id = :kaede_2024_report;
DELETE FROM ismap.auditor_compliance_reports WHERE report_id = :kaede_2024_report;
TRUNCATE ismap.auditor_compliance_reports;

SELECT s AS statement, r.*
  FROM (VALUES
    ($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2023-06-25' WHERE report_id = $$ || :tsubaki_2023_report),
    ($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-08-11' WHERE report_id = $$ || :kaede_2024_report),
    ($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2024-04-09' WHERE report_id = $$ || :kaede_2024_report),
    ($$UPDATE ismap.auditor_compliance_reports SET filed_on = 'infinity' WHERE report_id = $$ || :kaede_2024_report),
    ($$UPDATE ismap.auditor_compliance_reports SET due_on = '2026-04-10' WHERE report_id = $$ || :kaede_2024_report),
    ($$INSERT INTO ismap.auditor_compliance_reports (auditor_id, application_id, due_on) SELECT auditor_id, application_id, due_on FROM ismap.auditor_compliance_reports$$),
    ($$DELETE FROM ismap.auditor_compliance_reports$$),
    ($$TRUNCATE ismap.auditor_compliance_reports$$)) v(s),
       refusal(s) r
 ORDER BY 1;

-- Nothing changed.
SELECT a.registration_number, r.due_on, r.filed_on
  FROM ismap.auditor_compliance_reports r JOIN ismap.auditors a USING (auditor_id)
 ORDER BY a.registration_number, r.due_on;

-- The overdue reports today.
SELECT registration_number, name, due_on, filed_on, days_overdue, auditor_status
  FROM ismap.overdue_compliance_reports ORDER BY due_on, registration_number;

--
-- 3. The report period is a setting
--

-- The committee shortens it to six months; reports created from then on
-- fall due six months after their application.  架空監査法人ひのき's
-- application of 2024-05-20 is approved today: its report is due on
-- 2024-11-20.  The reports created before keep their due dates.
UPDATE ismap.settings SET value = '6 months' WHERE name = 'auditor_compliance_report_after';
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-08-10'
 WHERE organization_id = (SELECT organization_id FROM ismap.organizations
                           WHERE corporate_number = '5999901000003')
   AND status = 'accepted';
SELECT a.registration_number, o.name, p.applied_on, r.due_on, r.filed_on
  FROM ismap.auditor_compliance_reports r
  JOIN ismap.auditors a USING (auditor_id)
  JOIN ismap.organizations o USING (organization_id)
  JOIN ismap.auditor_applications p USING (application_id)
 WHERE o.name IN ('架空監査法人ひのき', '架空監査法人さくら')
 ORDER BY a.registration_number;
-- Back to one year for the rest of the tour.
UPDATE ismap.settings SET value = '1 year' WHERE name = 'auditor_compliance_report_after';
SELECT name, value FROM ismap.settings WHERE name = 'auditor_compliance_report_after';
