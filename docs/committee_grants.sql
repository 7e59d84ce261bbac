-- The committee's role (README, "Access"): 運営委員会 and 運用支援機関.
-- The test suite runs this file as it is (test/pgtap/40_found_bugs.sql).
CREATE ROLE ismap_committee NOLOGIN;
GRANT SELECT ON ALL TABLES IN SCHEMA ismap TO ismap_committee;
GRANT INSERT, UPDATE ON ismap.organizations, ismap.auditor_applications,
      ismap.cloud_services, ismap.service_applications TO ismap_committee;
GRANT INSERT ON ismap.audits, ismap.auditor_status_changes,
      ismap.service_status_changes TO ismap_committee;
-- ismap.correct() of grounds runs an UPDATE of that column as the caller
GRANT UPDATE (grounds) ON ismap.auditor_status_changes,
      ismap.service_status_changes TO ismap_committee;
GRANT UPDATE (filed_on) ON ismap.auditor_compliance_reports TO ismap_committee;
-- oversight (3.7, 3.8, 4.7, 5.1-5.3): recorded as filed or decided
GRANT INSERT ON ismap.incidents, ismap.incident_reports, ismap.service_change_notices,
      ismap.organization_change_notices, ismap.investigations, ismap.reaudit_demands,
      ismap.reapplication_demands TO ismap_committee;
GRANT UPDATE (closed_on, finding, finding_text) ON ismap.investigations TO ismap_committee;
GRANT UPDATE (summary) ON ismap.incidents TO ismap_committee;
GRANT UPDATE (body) ON ismap.incident_reports TO ismap_committee;
GRANT UPDATE (value) ON ismap.settings TO ismap_committee;
GRANT EXECUTE ON FUNCTION ismap.overdue_compliance_reports_at(date),
      ismap.overdue_items(date), ismap.upcoming_expiries(interval, date),
      ismap.correct(regclass, bigint, jsonb, text),
      ismap.verify_history(), ismap.history_first_break(),
      ismap.verify_history(bigint, text), ismap.history_first_break(bigint, text),
      ismap.history_head(), ismap.demand_status(text, bigint, date),
      ismap.overdue_obligations_at(date), ismap.incident_report_due(date, ismap.report_stage),
      ismap.change_notice_due(date) TO ismap_committee;
