-- The demo's oversight (chapters 3.7, 3.8, 4.7 and 5): what the committee
-- saw of the registered services and auditors of demo/auditors.sql and
-- demo/services.sql while they were on the lists.  Load it after those two
-- files.  As there, every row is written through the public write path on
-- the day it happened (SET ismap.today), and the organizations, services
-- and people are invented.
--
-- What the history shows:
--   みずきチャット (C22-0017-1) is renamed みずきビジネスチャット from
--                    2026-04-01, announced on 2026-03-20: the lists show the
--                    old name on earlier days.
--   Umineko (株式会社架空ラボうみねこ) renames itself 株式会社架空うみねこラボ from
--                    2026-07-01, but notifies it only on 2026-08-20 (late).
--   ゆうなぎ基幹系ホスティング (C26-0033-1) has a serious incident recognized on
--                    2026-06-10: the first report is filed on time
--                    (2026-06-12), the final report late (2026-07-20, due
--                    2026-07-10).  Yunagi then notifies a control change;
--                    the committee demands a re-audit by 2026-10-15, none
--                    comes, and the registration is suspended from
--                    2026-10-20 on that ground: the demand is overdue today.
--   こもれびワークフロー (C22-0007-1) is investigated from 2026-02-02 and the
--                    investigation closes with issues found on 2026-03-16;
--                    the committee demands a re-audit by 2026-06-30, which
--                    Kamome's design assessment reported 2026-06-20 fulfils.
--   Shirakaba (A20-0006) is asked to re-apply by 2026-09-30; it re-applies on
--                    2026-09-10 and the reapplication is approved on
--                    2026-10-15: a new term to 2028-09-10 and a compliance
--                    report due 2027-09-10.
\set ON_ERROR_STOP 1
BEGIN;

SELECT r.registration_id AS mizuki_chat_reg, r.service_id AS mizuki_chat
  FROM ismap.service_registrations r WHERE r.registration_number = 'C22-0017-1' \gset
SELECT r.registration_id AS yunagi_hosting_reg, r.service_id AS yunagi_hosting
  FROM ismap.service_registrations r WHERE r.registration_number = 'C26-0033-1' \gset
SELECT r.registration_id AS komorebi_workflow_reg, r.service_id AS komorebi_workflow
  FROM ismap.service_registrations r WHERE r.registration_number = 'C22-0007-1' \gset
SELECT a.auditor_id AS shirakaba, a.organization_id AS shirakaba_org
  FROM ismap.auditors a WHERE a.registration_number = 'A20-0006' \gset
SELECT a.auditor_id AS kamome FROM ismap.auditors a WHERE a.registration_number = 'A21-0009' \gset
SELECT o.organization_id AS umineko FROM ismap.organizations o
 WHERE o.name = '株式会社架空ラボうみねこ' \gset

SET ismap.today = '2026-02-02';
-- The committee opens an investigation of こもれびワークフロー (C22-0007-1).
INSERT INTO ismap.investigations (registration_id, opened_on)
  VALUES (:komorebi_workflow_reg, ismap.today()) RETURNING investigation_id AS komorebi_investigation \gset

SET ismap.today = '2026-03-16';
-- It closes with issues found.
UPDATE ismap.investigations
   SET closed_on = ismap.today(), finding = 'issues_found',
       finding_text = '承認経路の設定変更が記録されていなかった（架空）'
 WHERE investigation_id = :komorebi_investigation;

SET ismap.today = '2026-03-20';
-- Mizuki announces that みずきチャット becomes みずきビジネスチャット on 2026-04-01.
INSERT INTO ismap.service_change_notices (service_id, kind, noticed_on, effective_on, new_name, new_name_en)
  VALUES (:mizuki_chat, 'published_info', ismap.today(), '2026-04-01',
          'みずきビジネスチャット', 'Mizuki Business Chat (fictional)');

SET ismap.today = '2026-03-23';
-- The committee demands a re-audit of こもれびワークフロー by 2026-06-30.
INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, investigation_id, grounds)
  VALUES (:komorebi_workflow_reg, ismap.today(), '2026-06-30', :komorebi_investigation,
          '調査で判明した不備の是正状況の確認');

SET ismap.today = '2026-06-10';
-- Yunagi recognizes a serious incident of ゆうなぎ基幹系ホスティング (C26-0033-1).
INSERT INTO ismap.incidents (registration_id, recognized_on, summary)
  VALUES (:yunagi_hosting_reg, ismap.today(), '管理用端末のマルウェア感染による閉域網への不正アクセス（架空）')
  RETURNING incident_id AS yunagi_incident \gset

SET ismap.today = '2026-06-12';
-- Its first report (速報), due 2026-06-13: on time.
INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
  VALUES (:yunagi_incident, 'first', ismap.today(), '影響範囲を調査中。該当端末を隔離した（架空）');

SET ismap.today = '2026-06-20';
-- Kamome's design assessment of こもれびワークフロー: the re-audit.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_workflow, :kamome, 'design', '2026-01-01', '2026-03-31', ismap.today());

SET ismap.today = '2026-07-20';
-- Its final report (確報), due 2026-07-10: ten days late.
INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
  VALUES (:yunagi_incident, 'final', ismap.today(), '原因は保守用端末の更新漏れ。顧客データの流出はない（架空）');

SET ismap.today = '2026-07-25';
-- Yunagi notifies a significant change of controls after the incident.
INSERT INTO ismap.service_change_notices (service_id, kind, noticed_on, effective_on, description)
  VALUES (:yunagi_hosting, 'control_change', ismap.today(), '2026-08-01',
          '保守用端末の管理を外部委託から自社運用に切り替える（架空）')
  RETURNING notice_id AS yunagi_notice \gset

SET ismap.today = '2026-08-03';
-- The committee demands a re-audit of ゆうなぎ基幹系ホスティング by 2026-10-15,
-- and that Shirakaba re-apply by 2026-09-30.
INSERT INTO ismap.reaudit_demands (registration_id, demanded_on, due_on, notice_id, grounds)
  VALUES (:yunagi_hosting_reg, ismap.today(), '2026-10-15', :yunagi_notice,
          '統制の重大な変更に係る整備状況の確認')
  RETURNING demand_id AS yunagi_demand \gset
INSERT INTO ismap.reapplication_demands (auditor_id, demanded_on, due_on, grounds)
  VALUES (:shirakaba, ismap.today(), '2026-09-30', '監査業務の品質管理体制の見直し（架空）');

SET ismap.today = '2026-08-20';
-- Umineko notifies its new name, in force since 2026-07-01 (late: due 2026-07-31).
INSERT INTO ismap.organization_change_notices (organization_id, noticed_on, effective_on, new_name, new_name_en, description)
  VALUES (:umineko, ismap.today(), '2026-07-01', '株式会社架空うみねこラボ',
          'Umineko Lab Co., Ltd. (fictional)', '商号変更');

SET ismap.today = '2026-09-10';
-- Shirakaba re-applies (the extension fills in the auditor the demand is of).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:shirakaba_org, 'reapplication', ismap.today()) RETURNING application_id AS shirakaba_reapp \gset

SET ismap.today = '2026-09-14';
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :shirakaba_reapp;

SET ismap.today = '2026-10-15';
-- The reapplication is approved: a new term from its application date.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :shirakaba_reapp;

SET ismap.today = '2026-10-20';
-- No re-audit of ゆうなぎ基幹系ホスティング came: the committee suspends it on that ground.
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds, reaudit_demand_id)
  VALUES (:yunagi_hosting_reg, 'suspend', ismap.today(), '再監査の要求に期限までに応じなかった', :yunagi_demand);

COMMIT;

RESET ismap.today;
