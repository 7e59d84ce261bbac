-- The identity sequences behind the registry's keys.
COMMENT ON SEQUENCE ismap.organizations_organization_id_seq IS '法人IDの連番 / organization ids';
COMMENT ON SEQUENCE ismap.auditors_auditor_id_seq IS '監査機関IDの連番 / auditor ids';
COMMENT ON SEQUENCE ismap.auditor_applications_application_id_seq IS '監査機関の申請IDの連番 / auditor application ids';
COMMENT ON SEQUENCE ismap.auditor_status_changes_change_id_seq IS '監査機関の状態変更IDの連番 / auditor status change ids';
COMMENT ON SEQUENCE ismap.auditor_compliance_reports_report_id_seq IS '遵守状況報告IDの連番 / compliance report ids';
COMMENT ON SEQUENCE ismap.cloud_services_service_id_seq IS 'クラウドサービスIDの連番 / service ids';
COMMENT ON SEQUENCE ismap.audits_audit_id_seq IS '監査IDの連番 / audit ids';
COMMENT ON SEQUENCE ismap.service_applications_application_id_seq IS 'クラウドサービスの申請IDの連番 / service application ids';
COMMENT ON SEQUENCE ismap.service_registrations_registration_id_seq IS '登録IDの連番 / registration ids';
COMMENT ON SEQUENCE ismap.service_status_changes_change_id_seq IS 'クラウドサービスの状態変更IDの連番 / service status change ids';
COMMENT ON SEQUENCE ismap.incidents_incident_id_seq IS 'インシデントIDの連番 / incident ids';
COMMENT ON SEQUENCE ismap.incident_reports_report_id_seq IS 'インシデント報告IDの連番 / incident report ids';
COMMENT ON SEQUENCE ismap.service_change_notices_notice_id_seq IS 'クラウドサービスの変更の届出IDの連番 / service change notice ids';
COMMENT ON SEQUENCE ismap.organization_change_notices_notice_id_seq IS '法人の変更の届出IDの連番 / organization change notice ids';
COMMENT ON SEQUENCE ismap.investigations_investigation_id_seq IS '調査IDの連番 / investigation ids';
COMMENT ON SEQUENCE ismap.reaudit_demands_demand_id_seq IS '再監査の要求IDの連番 / re-audit demand ids';
COMMENT ON SEQUENCE ismap.reapplication_demands_demand_id_seq IS '再申請の要求IDの連番 / re-application demand ids';
