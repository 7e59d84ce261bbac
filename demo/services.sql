-- The demo cloud service registry: thirty-five fictional cloud services of
-- eleven fictional providers in the ISMAP cloud service list
-- (ISMAPクラウドサービスリスト) from October 2020 to November 2026, audited by
-- the audit firms of demo/auditors.sql.  Load it after that file.  As
-- there, every row is written through the public write path: organizations,
-- services and audits are INSERTed, applications are INSERTed and then
-- decided by UPDATEs of status and decided_on, suspensions and removals are
-- INSERTs into service_status_changes.  The extension creates the
-- registrations, their numbers and validity terms on approval.  Renewals
-- name no registration_id: the extension fills in the one being renewed.
-- An audit is recorded on the day the application resting on it is filed.
--
-- History is replayed in date order: before each day's writes the load pins
-- the scheme's day with SET ismap.today (superusers only), because nothing
-- may be filed, reported or decided after today.  The script ends with RESET
-- ismap.today.  scripts/demo then pins the demo database's day to the last
-- day written here (2026-11-20, scripts/demo-lib.sh), so that its lists show
-- the end of this story whatever the real date.
--
-- The providers, their services, names and 法人番号 are invented; the
-- numbers have valid check digits (checked below) but belong to no one.
--
-- What the history shows:
--   Soyokaze Cloud Platform, Yamanami Hosting, Komorebi Document Management
--   and Inaho Municipal Cloud apply in the scheme's first year on design-only
--   audits (整備状況評価), accepted for applications filed up to 2021-05-31:
--   the first three are registered on 2021-03-12 (C21-0001-1 to C21-0003-1),
--   Inaho, which filed on 2021-05-31, on 2021-08-06.  Every later audit
--   includes the operating assessment (運用状況評価).
--   Every renewal rests on an audit of the twelve months that follow on from
--   the previous audit period; most are filed and approved before expiry
--   (valid until: the end of the 16 months after the audit period).
--   Yamanami Hosting (2022-03-31), Mizuki Groupware (2024-02-29) and Inaho
--                    Financial Accounting (2025-04-30) file their renewals on
--                    the last day and are listed as renewal_pending until the
--                    approval, weeks later.
--   Inaho Application Platform is registered with the number given in the
--                    approval (C21-0100-1), as when the published list is
--                    keyed in; the extension checks the number.
--   Iroha e-Application has its first application returned (不受理) and
--                    refiles; Umineko Maps API withdraws its first
--                    application (取下げ) and refiles.
--   Hoshizora Log Monitoring misses its renewal deadline (2024-10-31): the
--                    renewal is refused (svc_renewal_deadline), it files a new
--                    application and is registered again as C24-0028-1.
--   Asanagi Content Delivery is not renewed after 2023 and expires on
--                    2024-08-01.
--   Hayate Cloud Compute is suspended in January 2024, lifted in May 2024.
--   Asanagi Virtual Desktop is suspended in January 2025 and removed in
--                    March 2025.
--   Umineko Survey   is suspended since 2026-08-17.
--   Services change auditor when theirs can no longer audit: Wakaba
--                    (suspended, then removed, in 2023) for Nagisa or Tsubasa,
--                    Tachibana (expired 2024-07-19) for Shirakaba, Hibari's
--                    first registration (expired 2024-07-20) for its new one
--                    (A24-0015).  Iroha HR and Payroll's last audit is by
--                    Kohaku, suspended since 2026-10-01: the audit was
--                    reported while Kohaku was in force, so it stands.
--   Yamanami Private Cloud (valid until 2026-09-30), Iroha e-Application and
--                    Hayate Managed Kubernetes (2026-10-31) filed renewals on
--                    or before expiry that are still undecided: they are
--                    listed as renewal_pending.  Other renewals filed in
--                    autumn 2026 are undecided while the services are valid.
--   Yunagi Counter Booking applied in November 2026; not decided yet, not
--                    listed.
--
-- Load as a superuser:  psql -v ON_ERROR_STOP=1 -d DB -f demo/services.sql

\set ON_ERROR_STOP on
BEGIN;

-- The audit firms of demo/auditors.sql, by registration number.  The load
-- stops if one is missing or is not the firm named here.
CREATE TEMP TABLE demo_auditor (
  key                 text PRIMARY KEY,
  registration_number text NOT NULL UNIQUE,
  name_en             text NOT NULL
) ON COMMIT DROP;

INSERT INTO demo_auditor (key, registration_number, name_en) VALUES
  ('akebono', 'A20-0001', 'Akebono Audit Corporation (fictional)'),
  ('aoba', 'A20-0002', 'Aoba Audit LLC (fictional)'),
  ('minato', 'A20-0003', 'Minato Audit Corporation (fictional)'),
  ('tachibana', 'A20-0004', 'Tachibana Audit Corporation (fictional)'),
  ('hibari', 'A20-0005', 'Hibari Assurance Co., Ltd. (fictional)'),
  ('shirakaba', 'A20-0006', 'Shirakaba Audit Corporation (fictional)'),
  ('wakaba', 'A21-0007', 'Wakaba Information Audit Co., Ltd. (fictional)'),
  ('tsubasa', 'A21-0008', 'Tsubasa Audit Corporation (fictional)'),
  ('kamome', 'A21-0009', 'Kamome Audit Services Co., Ltd. (fictional)'),
  ('kohaku', 'A21-0010', 'Kohaku Audit Corporation (fictional)'),
  ('nagisa', 'A21-0011', 'Nagisa Security Audit Co., Ltd. (fictional)'),
  ('yamabuki', 'A21-0012', 'Yamabuki Audit Corporation (fictional)'),
  ('ikazuchi', 'A21-0013', 'Ikazuchi System Audit Co., Ltd. (fictional)'),
  ('hotaru', 'A21-0014', 'Hotaru Cloud Audit Co., Ltd. (fictional)'),
  ('hibari2', 'A24-0015', 'Hibari Assurance Co., Ltd. (fictional)');

DO $$
DECLARE
  missing text;
BEGIN
  SELECT string_agg(format('%s %s', d.registration_number, d.name_en), ', ') INTO missing
    FROM demo_auditor d
    LEFT JOIN (ismap.auditors a JOIN ismap.organizations o USING (organization_id))
           ON a.registration_number = d.registration_number AND o.name_en = d.name_en
   WHERE a.auditor_id IS NULL;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'demo data: load demo/auditors.sql first; missing auditors: %', missing;
  END IF;
END
$$;

-- psql variables :akebono, :aoba, ... hold the auditor ids; :hibari is
-- Hibari's first registration (A20-0005), :hibari2 its second (A24-0015).
SELECT
  max(a.auditor_id) FILTER (WHERE d.key = 'akebono') AS akebono,
  max(a.auditor_id) FILTER (WHERE d.key = 'aoba') AS aoba,
  max(a.auditor_id) FILTER (WHERE d.key = 'minato') AS minato,
  max(a.auditor_id) FILTER (WHERE d.key = 'tachibana') AS tachibana,
  max(a.auditor_id) FILTER (WHERE d.key = 'hibari') AS hibari,
  max(a.auditor_id) FILTER (WHERE d.key = 'shirakaba') AS shirakaba,
  max(a.auditor_id) FILTER (WHERE d.key = 'wakaba') AS wakaba,
  max(a.auditor_id) FILTER (WHERE d.key = 'tsubasa') AS tsubasa,
  max(a.auditor_id) FILTER (WHERE d.key = 'kamome') AS kamome,
  max(a.auditor_id) FILTER (WHERE d.key = 'kohaku') AS kohaku,
  max(a.auditor_id) FILTER (WHERE d.key = 'nagisa') AS nagisa,
  max(a.auditor_id) FILTER (WHERE d.key = 'yamabuki') AS yamabuki,
  max(a.auditor_id) FILTER (WHERE d.key = 'ikazuchi') AS ikazuchi,
  max(a.auditor_id) FILTER (WHERE d.key = 'hotaru') AS hotaru,
  max(a.auditor_id) FILTER (WHERE d.key = 'hibari2') AS hibari2
  FROM demo_auditor d JOIN ismap.auditors a USING (registration_number) \gset

-- The providers.  Every 法人番号 is checked before anything is written.
CREATE TEMP TABLE demo_provider (
  n                integer GENERATED ALWAYS AS IDENTITY,
  key              text PRIMARY KEY,
  corporate_number text NOT NULL,
  name             text NOT NULL,
  name_en          text NOT NULL
) ON COMMIT DROP;

INSERT INTO demo_provider (key, corporate_number, name, name_en) VALUES
  ('soyokaze', '2999907301018', '株式会社架空クラウドそよかぜ', 'Soyokaze Cloud Co., Ltd. (fictional)'),
  ('yamanami', '2999907305126', '架空データセンター株式会社やまなみ', 'Yamanami Data Center Co., Ltd. (fictional)'),
  ('komorebi', '6999903309234', '株式会社架空ソフトウェアこもれび', 'Komorebi Software Co., Ltd. (fictional)'),
  ('inaho', '3999907313342', '架空情報システム株式会社いなほ', 'Inaho Information Systems Co., Ltd. (fictional)'),
  ('asanagi', '7999903317450', '株式会社架空ネットワークスあさなぎ', 'Asanagi Networks Co., Ltd. (fictional)'),
  ('hoshizora', '3999907321568', '架空テクノロジーズ株式会社ほしぞら', 'Hoshizora Technologies Co., Ltd. (fictional)'),
  ('mizuki', '7999903325676', '株式会社架空ワークスペースみずき', 'Mizuki Workspace Co., Ltd. (fictional)'),
  ('iroha', '7999903329784', '株式会社架空ソリューションズいろは', 'Iroha Solutions Co., Ltd. (fictional)'),
  ('hayate', '4999907333892', '架空通信株式会社はやて', 'Hayate Telecom Co., Ltd. (fictional)'),
  ('umineko', '1999903337900', '株式会社架空ラボうみねこ', 'Umineko Labs Co., Ltd. (fictional)'),
  ('yunagi', '7999907341018', '架空電算株式会社ゆうなぎ', 'Yunagi Computing Co., Ltd. (fictional)');

DO $$
DECLARE
  bad text;
BEGIN
  SELECT string_agg(format('%s %s', corporate_number, name), ', ') INTO bad
    FROM demo_provider
   WHERE corporate_number !~ '^[0-9]{13}$'
      OR NOT ismap.corporate_number_is_valid(corporate_number);
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'demo data: invalid 法人番号: %', bad;
  END IF;
END
$$;

INSERT INTO ismap.organizations (corporate_number, name, name_en)
SELECT corporate_number, name, name_en FROM demo_provider ORDER BY n;

-- The services: name, English name, the scope of the provider's statement
-- (言明の対象範囲, the audited scope) and the service model.
CREATE TEMP TABLE demo_service (
  n               integer GENERATED ALWAYS AS IDENTITY,
  key             text PRIMARY KEY,
  provider        text NOT NULL REFERENCES demo_provider,
  service_model   ismap.service_model NOT NULL,
  name            text NOT NULL,
  name_en         text NOT NULL UNIQUE,
  statement_scope text NOT NULL
) ON COMMIT DROP;

INSERT INTO demo_service (key, provider, service_model, name, name_en, statement_scope) VALUES
  ('soyokaze_iaas', 'soyokaze', 'IaaS', 'そよかぜクラウド基盤', 'Soyokaze Cloud Platform (fictional)',
   'そよかぜクラウド基盤（仮想サーバ、ブロックストレージ、仮想ネットワーク）の東日本・西日本リージョン及びその運用業務'),
  ('yamanami_hosting', 'yamanami', 'IaaS', 'やまなみホスティング', 'Yamanami Hosting (fictional)',
   'やまなみホスティング（専用サーバ及び仮想サーバ）並びに東京第一・第二データセンターの運用'),
  ('komorebi_docs', 'komorebi', 'SaaS', 'こもれび文書管理', 'Komorebi Document Management (fictional)',
   'こもれび文書管理（文書の登録・検索・保存・廃棄）の提供に係る全ての業務及び基盤'),
  ('inaho_municipal', 'inaho', 'SaaS', 'いなほ自治体クラウド', 'Inaho Municipal Cloud (fictional)',
   'いなほ自治体クラウド（住民情報・税務・福祉業務）の提供に係る業務、アプリケーション及び基盤'),
  ('hayate_compute', 'hayate', 'IaaS', 'はやてクラウドコンピュート', 'Hayate Cloud Compute (fictional)',
   'はやてクラウドコンピュート（仮想サーバ、ベアメタルサーバ）の提供に係る業務及び国内データセンター'),
  ('komorebi_workflow', 'komorebi', 'SaaS', 'こもれびワークフロー', 'Komorebi Workflow (fictional)',
   'こもれびワークフロー（電子決裁・申請承認）の提供に係る全ての業務及び基盤'),
  ('inaho_appplatform', 'inaho', 'PaaS', 'いなほアプリケーション基盤', 'Inaho Application Platform (fictional)',
   'いなほアプリケーション基盤（アプリケーション実行環境、データベース、API ゲートウェイ）の提供に係る業務及び基盤'),
  ('asanagi_mail', 'asanagi', 'SaaS', 'あさなぎセキュアメール', 'Asanagi Secure Mail (fictional)',
   'あさなぎセキュアメール（メール、メール無害化、アーカイブ）の提供に係る全ての業務及び基盤'),
  ('mizuki_groupware', 'mizuki', 'SaaS', 'みずきグループウェア', 'Mizuki Groupware (fictional)',
   'みずきグループウェア（スケジュール、掲示板、設備予約）の提供に係る全ての業務及び基盤'),
  ('hoshizora_analytics', 'hoshizora', 'PaaS', 'ほしぞらアナリティクス基盤', 'Hoshizora Analytics Platform (fictional)',
   'ほしぞらアナリティクス基盤（データウェアハウス、分析ノートブック）の提供に係る業務及び基盤'),
  ('iroha_hr', 'iroha', 'SaaS', 'いろは人事給与', 'Iroha HR and Payroll (fictional)',
   'いろは人事給与（人事管理、給与計算、年末調整）の提供に係る全ての業務及び基盤'),
  ('umineko_helpdesk', 'umineko', 'SaaS', 'うみねこ問い合わせ管理', 'Umineko Helpdesk (fictional)',
   'うみねこ問い合わせ管理（問い合わせ受付、FAQ、チャットボット）の提供に係る全ての業務及び基盤'),
  ('soyokaze_db', 'soyokaze', 'PaaS', 'そよかぜマネージドデータベース', 'Soyokaze Managed Database (fictional)',
   'そよかぜマネージドデータベース（リレーショナルデータベース、キーバリューストア）の提供に係る業務及び基盤'),
  ('yamanami_private', 'yamanami', 'IaaS', 'やまなみプライベートクラウド', 'Yamanami Private Cloud (fictional)',
   'やまなみプライベートクラウド（専有型仮想化基盤）並びに東京第一・第二データセンターの運用'),
  ('asanagi_cdn', 'asanagi', 'PaaS', 'あさなぎコンテンツ配信', 'Asanagi Content Delivery (fictional)',
   'あさなぎコンテンツ配信（CDN、DDoS 緩和）の提供に係る業務及び国内配信拠点'),
  ('asanagi_vdi', 'asanagi', 'SaaS', 'あさなぎ仮想デスクトップ', 'Asanagi Virtual Desktop (fictional)',
   'あさなぎ仮想デスクトップ（仮想デスクトップ、セキュアブラウザ）の提供に係る全ての業務及び基盤'),
  ('hoshizora_logs', 'hoshizora', 'SaaS', 'ほしぞらログ監視', 'Hoshizora Log Monitoring (fictional)',
   'ほしぞらログ監視（ログ収集・分析、セキュリティ監視）の提供に係る全ての業務及び基盤'),
  ('mizuki_chat', 'mizuki', 'SaaS', 'みずきチャット', 'Mizuki Chat (fictional)',
   'みずきチャット（ビジネスチャット、ファイル送信）の提供に係る全ての業務及び基盤'),
  ('iroha_eapp', 'iroha', 'SaaS', 'いろは電子申請', 'Iroha e-Application (fictional)',
   'いろは電子申請（行政手続のオンライン申請・審査・通知）の提供に係る全ての業務及び基盤'),
  ('hayate_storage', 'hayate', 'IaaS', 'はやてクラウドストレージ', 'Hayate Cloud Storage (fictional)',
   'はやてクラウドストレージ（オブジェクトストレージ、ファイルストレージ）の提供に係る業務及び国内データセンター'),
  ('soyokaze_storage', 'soyokaze', 'IaaS', 'そよかぜオブジェクトストレージ', 'Soyokaze Object Storage (fictional)',
   'そよかぜオブジェクトストレージの東日本・西日本リージョン及びその運用業務'),
  ('umineko_survey', 'umineko', 'SaaS', 'うみねこアンケート', 'Umineko Survey (fictional)',
   'うみねこアンケート（アンケート作成・集計、フォーム）の提供に係る全ての業務及び基盤'),
  ('hoshizora_id', 'hoshizora', 'SaaS', 'ほしぞらID管理', 'Hoshizora Identity (fictional)',
   'ほしぞらID管理（シングルサインオン、多要素認証、ID 連携）の提供に係る全ての業務及び基盤'),
  ('komorebi_esign', 'komorebi', 'SaaS', 'こもれび電子契約', 'Komorebi e-Signature (fictional)',
   'こもれび電子契約（契約書の作成・電子署名・保管）の提供に係る全ての業務及び基盤'),
  ('inaho_accounting', 'inaho', 'SaaS', 'いなほ財務会計', 'Inaho Financial Accounting (fictional)',
   'いなほ財務会計（予算編成、執行管理、決算）の提供に係る全ての業務及び基盤'),
  ('hayate_k8s', 'hayate', 'PaaS', 'はやてマネージドKubernetes', 'Hayate Managed Kubernetes (fictional)',
   'はやてマネージド Kubernetes（コンテナ実行基盤、コンテナレジストリ）の提供に係る業務及び基盤'),
  ('yamanami_backup', 'yamanami', 'SaaS', 'やまなみバックアップ', 'Yamanami Backup (fictional)',
   'やまなみバックアップ（遠隔地バックアップ、復旧支援）の提供に係る業務及び東京・大阪データセンター'),
  ('mizuki_files', 'mizuki', 'SaaS', 'みずきファイル共有', 'Mizuki File Sharing (fictional)',
   'みずきファイル共有（ファイル共有、大容量ファイル送信）の提供に係る全ての業務及び基盤'),
  ('iroha_lowcode', 'iroha', 'PaaS', 'いろはローコード基盤', 'Iroha Low-code Platform (fictional)',
   'いろはローコード基盤（業務アプリケーションの開発・実行環境）の提供に係る業務及び基盤'),
  ('soyokaze_containers', 'soyokaze', 'PaaS', 'そよかぜコンテナサービス', 'Soyokaze Container Service (fictional)',
   'そよかぜコンテナサービス（コンテナ実行環境、サーバレス関数）の東日本・西日本リージョン及びその運用業務'),
  ('umineko_maps', 'umineko', 'PaaS', 'うみねこ地図配信', 'Umineko Maps API (fictional)',
   'うみねこ地図配信（地図タイル・ジオコーディング API）の提供に係る業務及び基盤'),
  ('hoshizora_translate', 'hoshizora', 'SaaS', 'ほしぞらAI翻訳', 'Hoshizora AI Translation (fictional)',
   'ほしぞらAI翻訳（文書翻訳、用語集管理）の提供に係る全ての業務及び基盤'),
  ('yunagi_hosting', 'yunagi', 'IaaS', 'ゆうなぎ基幹系ホスティング', 'Yunagi Core Systems Hosting (fictional)',
   'ゆうなぎ基幹系ホスティング（基幹系システム向け仮想基盤、閉域接続）の提供に係る業務及び国内データセンター'),
  ('yunagi_bousai', 'yunagi', 'SaaS', 'ゆうなぎ防災情報', 'Yunagi Disaster Information (fictional)',
   'ゆうなぎ防災情報（避難情報配信、被害情報集約）の提供に係る全ての業務及び基盤'),
  ('yunagi_madoguchi', 'yunagi', 'SaaS', 'ゆうなぎ窓口予約', 'Yunagi Counter Booking (fictional)',
   'ゆうなぎ窓口予約（窓口の来庁予約、呼出し）の提供に係る全ての業務及び基盤');

INSERT INTO ismap.cloud_services (provider_id, name, name_en, statement_scope, service_model)
SELECT o.organization_id, s.name, s.name_en, s.statement_scope, s.service_model
  FROM demo_service s
  JOIN demo_provider p ON p.key = s.provider
  JOIN ismap.organizations o ON o.corporate_number = p.corporate_number
 ORDER BY s.n;

-- psql variables :soyokaze_iaas, :yamanami_hosting, ... hold the service ids.
SELECT
  max(c.service_id) FILTER (WHERE d.key = 'soyokaze_iaas') AS soyokaze_iaas,
  max(c.service_id) FILTER (WHERE d.key = 'yamanami_hosting') AS yamanami_hosting,
  max(c.service_id) FILTER (WHERE d.key = 'komorebi_docs') AS komorebi_docs,
  max(c.service_id) FILTER (WHERE d.key = 'inaho_municipal') AS inaho_municipal,
  max(c.service_id) FILTER (WHERE d.key = 'hayate_compute') AS hayate_compute,
  max(c.service_id) FILTER (WHERE d.key = 'komorebi_workflow') AS komorebi_workflow,
  max(c.service_id) FILTER (WHERE d.key = 'inaho_appplatform') AS inaho_appplatform,
  max(c.service_id) FILTER (WHERE d.key = 'asanagi_mail') AS asanagi_mail,
  max(c.service_id) FILTER (WHERE d.key = 'mizuki_groupware') AS mizuki_groupware,
  max(c.service_id) FILTER (WHERE d.key = 'hoshizora_analytics') AS hoshizora_analytics,
  max(c.service_id) FILTER (WHERE d.key = 'iroha_hr') AS iroha_hr,
  max(c.service_id) FILTER (WHERE d.key = 'umineko_helpdesk') AS umineko_helpdesk,
  max(c.service_id) FILTER (WHERE d.key = 'soyokaze_db') AS soyokaze_db,
  max(c.service_id) FILTER (WHERE d.key = 'yamanami_private') AS yamanami_private,
  max(c.service_id) FILTER (WHERE d.key = 'asanagi_cdn') AS asanagi_cdn,
  max(c.service_id) FILTER (WHERE d.key = 'asanagi_vdi') AS asanagi_vdi,
  max(c.service_id) FILTER (WHERE d.key = 'hoshizora_logs') AS hoshizora_logs,
  max(c.service_id) FILTER (WHERE d.key = 'mizuki_chat') AS mizuki_chat,
  max(c.service_id) FILTER (WHERE d.key = 'iroha_eapp') AS iroha_eapp,
  max(c.service_id) FILTER (WHERE d.key = 'hayate_storage') AS hayate_storage,
  max(c.service_id) FILTER (WHERE d.key = 'soyokaze_storage') AS soyokaze_storage,
  max(c.service_id) FILTER (WHERE d.key = 'umineko_survey') AS umineko_survey,
  max(c.service_id) FILTER (WHERE d.key = 'hoshizora_id') AS hoshizora_id,
  max(c.service_id) FILTER (WHERE d.key = 'komorebi_esign') AS komorebi_esign,
  max(c.service_id) FILTER (WHERE d.key = 'inaho_accounting') AS inaho_accounting,
  max(c.service_id) FILTER (WHERE d.key = 'hayate_k8s') AS hayate_k8s,
  max(c.service_id) FILTER (WHERE d.key = 'yamanami_backup') AS yamanami_backup,
  max(c.service_id) FILTER (WHERE d.key = 'mizuki_files') AS mizuki_files,
  max(c.service_id) FILTER (WHERE d.key = 'iroha_lowcode') AS iroha_lowcode,
  max(c.service_id) FILTER (WHERE d.key = 'soyokaze_containers') AS soyokaze_containers,
  max(c.service_id) FILTER (WHERE d.key = 'umineko_maps') AS umineko_maps,
  max(c.service_id) FILTER (WHERE d.key = 'hoshizora_translate') AS hoshizora_translate,
  max(c.service_id) FILTER (WHERE d.key = 'yunagi_hosting') AS yunagi_hosting,
  max(c.service_id) FILTER (WHERE d.key = 'yunagi_bousai') AS yunagi_bousai,
  max(c.service_id) FILTER (WHERE d.key = 'yunagi_madoguchi') AS yunagi_madoguchi
  FROM demo_service d JOIN ismap.cloud_services c USING (name_en) \gset

SET ismap.today = '2020-10-30';
-- Soyokaze files a new application (登録申請) for そよかぜクラウド基盤 (Soyokaze Cloud Platform),
-- on Akebono's design-only audit (整備状況評価) of 2020-04-01 to 2020-09-30, reported 2020-10-23.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_iaas, :akebono, 'design', '2020-04-01', '2020-09-30', '2020-10-23')
  RETURNING audit_id AS soyokaze_iaas_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_iaas, 'new', ismap.today(), :soyokaze_iaas_audit0) RETURNING application_id AS soyokaze_iaas_app0 \gset

SET ismap.today = '2020-11-06';
-- Soyokaze's application for そよかぜクラウド基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_iaas_app0;

SET ismap.today = '2021-01-08';
-- Yamanami files a new application (登録申請) for やまなみホスティング (Yamanami Hosting),
-- on Aoba's design-only audit (整備状況評価) of 2020-06-01 to 2020-11-30, reported 2020-12-18.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_hosting, :aoba, 'design', '2020-06-01', '2020-11-30', '2020-12-18')
  RETURNING audit_id AS yamanami_hosting_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_hosting, 'new', ismap.today(), :yamanami_hosting_audit0) RETURNING application_id AS yamanami_hosting_app0 \gset

SET ismap.today = '2021-01-15';
-- Yamanami's application for やまなみホスティング is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_hosting_app0;

SET ismap.today = '2021-02-12';
-- Komorebi files a new application (登録申請) for こもれび文書管理 (Komorebi Document Management),
-- on Minato's design-only audit (整備状況評価) of 2020-07-01 to 2020-12-31, reported 2021-02-05.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_docs, :minato, 'design', '2020-07-01', '2020-12-31', '2021-02-05')
  RETURNING audit_id AS komorebi_docs_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_docs, 'new', ismap.today(), :komorebi_docs_audit0) RETURNING application_id AS komorebi_docs_app0 \gset

SET ismap.today = '2021-02-19';
-- Komorebi's application for こもれび文書管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_docs_app0;

SET ismap.today = '2021-03-12';
-- そよかぜクラウド基盤 (Soyokaze Cloud Platform) is registered (登録) as C21-0001-1, valid until 2022-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_iaas_app0 RETURNING registration_id AS soyokaze_iaas_reg \gset
-- やまなみホスティング (Yamanami Hosting) is registered (登録) as C21-0002-1, valid until 2022-03-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_hosting_app0 RETURNING registration_id AS yamanami_hosting_reg \gset
-- こもれび文書管理 (Komorebi Document Management) is registered (登録) as C21-0003-1, valid until 2022-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_docs_app0 RETURNING registration_id AS komorebi_docs_reg \gset

SET ismap.today = '2021-05-31';
-- Inaho files a new application (登録申請) for いなほ自治体クラウド (Inaho Municipal Cloud),
-- on Tsubasa's design-only audit (整備状況評価) of 2020-10-01 to 2021-03-31, reported 2021-05-14.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_municipal, :tsubasa, 'design', '2020-10-01', '2021-03-31', '2021-05-14')
  RETURNING audit_id AS inaho_municipal_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_municipal, 'new', ismap.today(), :inaho_municipal_audit0) RETURNING application_id AS inaho_municipal_app0 \gset

SET ismap.today = '2021-06-07';
-- Inaho's application for いなほ自治体クラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_municipal_app0;

SET ismap.today = '2021-07-09';
-- Yamanami files a new application (登録申請) for やまなみプライベートクラウド (Yamanami Private Cloud),
-- on Aoba's audit of 2020-12-01 to 2021-05-31, reported 2021-07-05.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_private, :aoba, 'operating', '2020-12-01', '2021-05-31', '2021-07-05')
  RETURNING audit_id AS yamanami_private_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_private, 'new', ismap.today(), :yamanami_private_audit0) RETURNING application_id AS yamanami_private_app0 \gset

SET ismap.today = '2021-07-14';
-- Yamanami's application for やまなみプライベートクラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_private_app0;

SET ismap.today = '2021-08-06';
-- いなほ自治体クラウド (Inaho Municipal Cloud) is registered (登録) as C21-0004-1, valid until 2022-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_municipal_app0 RETURNING registration_id AS inaho_municipal_reg \gset

SET ismap.today = '2021-08-12';
-- やまなみプライベートクラウド (Yamanami Private Cloud) is registered (登録) as C21-0005-1, valid until 2022-09-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_private_app0 RETURNING registration_id AS yamanami_private_reg \gset

SET ismap.today = '2021-08-23';
-- Hayate files a new application (登録申請) for はやてクラウドコンピュート (Hayate Cloud Compute),
-- on Tachibana's audit of 2020-10-01 to 2021-06-30, reported 2021-08-16.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_compute, :tachibana, 'operating', '2020-10-01', '2021-06-30', '2021-08-16')
  RETURNING audit_id AS hayate_compute_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_compute, 'new', ismap.today(), :hayate_compute_audit0) RETURNING application_id AS hayate_compute_app0 \gset

SET ismap.today = '2021-08-30';
-- Hayate's application for はやてクラウドコンピュート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_compute_app0;

SET ismap.today = '2021-09-17';
-- Inaho files a new application (登録申請) for いなほアプリケーション基盤 (Inaho Application Platform),
-- on Minato's audit of 2020-08-01 to 2021-07-31, reported 2021-09-10.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_appplatform, :minato, 'operating', '2020-08-01', '2021-07-31', '2021-09-10')
  RETURNING audit_id AS inaho_appplatform_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_appplatform, 'new', ismap.today(), :inaho_appplatform_audit0) RETURNING application_id AS inaho_appplatform_app0 \gset

SET ismap.today = '2021-09-24';
-- Inaho's application for いなほアプリケーション基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_appplatform_app0;

SET ismap.today = '2021-10-15';
-- はやてクラウドコンピュート (Hayate Cloud Compute) is registered (登録) as C21-0006-1, valid until 2022-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_compute_app0 RETURNING registration_id AS hayate_compute_reg \gset

SET ismap.today = '2021-11-19';
-- いなほアプリケーション基盤 (Inaho Application Platform) is registered (登録) as C21-0100-1, valid until 2022-11-30:
-- the number is given with the approval, as when a published number is
-- keyed in (backfill); the extension checks its form, year and that it is unused.
UPDATE ismap.service_applications
   SET status = 'approved', decided_on = ismap.today(), registration_number = 'C21-0100-1'
 WHERE application_id = :inaho_appplatform_app0 RETURNING registration_id AS inaho_appplatform_reg \gset

SET ismap.today = '2021-11-29';
-- Soyokaze files a renewal (登録更新申請) for そよかぜクラウド基盤,
-- on Akebono's audit of 2020-10-01 to 2021-09-30, reported 2021-11-19.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_iaas, :akebono, 'operating', '2020-10-01', '2021-09-30', '2021-11-19')
  RETURNING audit_id AS soyokaze_iaas_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_iaas, 'renewal', ismap.today(), :soyokaze_iaas_audit1) RETURNING application_id AS soyokaze_iaas_app1 \gset

SET ismap.today = '2021-12-01';
-- Komorebi files a new application (登録申請) for こもれびワークフロー (Komorebi Workflow),
-- on Kamome's audit of 2020-10-01 to 2021-09-30, reported 2021-11-18.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_workflow, :kamome, 'operating', '2020-10-01', '2021-09-30', '2021-11-18')
  RETURNING audit_id AS komorebi_workflow_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_workflow, 'new', ismap.today(), :komorebi_workflow_audit0) RETURNING application_id AS komorebi_workflow_app0 \gset

SET ismap.today = '2021-12-06';
-- Soyokaze's application for そよかぜクラウド基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_iaas_app1;
-- Komorebi's application for こもれびワークフロー is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_workflow_app0;

SET ismap.today = '2021-12-21';
-- Mizuki files a new application (登録申請) for みずきグループウェア (Mizuki Groupware),
-- on Wakaba's audit of 2021-02-01 to 2021-10-31, reported 2021-12-14.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_groupware, :wakaba, 'operating', '2021-02-01', '2021-10-31', '2021-12-14')
  RETURNING audit_id AS mizuki_groupware_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_groupware, 'new', ismap.today(), :mizuki_groupware_audit0) RETURNING application_id AS mizuki_groupware_app0 \gset

SET ismap.today = '2022-01-04';
-- Mizuki's application for みずきグループウェア is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_groupware_app0;
-- こもれびワークフロー (Komorebi Workflow) is registered (登録) as C22-0007-1, valid until 2023-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_workflow_app0 RETURNING registration_id AS komorebi_workflow_reg \gset

SET ismap.today = '2022-01-06';
-- そよかぜクラウド基盤's renewal is approved: valid until 2023-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_iaas_app1;

SET ismap.today = '2022-02-07';
-- Asanagi files a new application (登録申請) for あさなぎセキュアメール (Asanagi Secure Mail),
-- on Hibari's audit of 2021-01-01 to 2021-12-31, reported 2022-02-02.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:asanagi_mail, :hibari, 'operating', '2021-01-01', '2021-12-31', '2022-02-02')
  RETURNING audit_id AS asanagi_mail_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:asanagi_mail, 'new', ismap.today(), :asanagi_mail_audit0) RETURNING application_id AS asanagi_mail_app0 \gset
-- みずきグループウェア (Mizuki Groupware) is registered (登録) as C22-0008-1, valid until 2023-02-28.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_groupware_app0 RETURNING registration_id AS mizuki_groupware_reg \gset

SET ismap.today = '2022-02-14';
-- Asanagi's application for あさなぎセキュアメール is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :asanagi_mail_app0;

SET ismap.today = '2022-02-21';
-- Komorebi files a renewal (登録更新申請) for こもれび文書管理,
-- on Minato's audit of 2021-01-01 to 2021-12-31, reported 2022-02-14.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_docs, :minato, 'operating', '2021-01-01', '2021-12-31', '2022-02-14')
  RETURNING audit_id AS komorebi_docs_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_docs, 'renewal', ismap.today(), :komorebi_docs_audit1) RETURNING application_id AS komorebi_docs_app1 \gset

SET ismap.today = '2022-02-28';
-- Komorebi's application for こもれび文書管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_docs_app1;

SET ismap.today = '2022-03-15';
-- あさなぎセキュアメール (Asanagi Secure Mail) is registered (登録) as C22-0009-1, valid until 2023-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :asanagi_mail_app0 RETURNING registration_id AS asanagi_mail_reg \gset

SET ismap.today = '2022-03-24';
-- こもれび文書管理's renewal is approved: valid until 2023-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_docs_app1;

SET ismap.today = '2022-03-31';
-- Yamanami files a renewal (登録更新申請) for やまなみホスティング, on the last day of its term,
-- on Aoba's audit of 2020-12-01 to 2021-11-30, reported 2022-01-04.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_hosting, :aoba, 'operating', '2020-12-01', '2021-11-30', '2022-01-04')
  RETURNING audit_id AS yamanami_hosting_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_hosting, 'renewal', ismap.today(), :yamanami_hosting_audit1) RETURNING application_id AS yamanami_hosting_app1 \gset

SET ismap.today = '2022-04-06';
-- Yamanami's application for やまなみホスティング is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_hosting_app1;

SET ismap.today = '2022-04-28';
-- やまなみホスティング's renewal is approved (in renewal grace since 2022-04-01): valid until 2023-03-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_hosting_app1;

SET ismap.today = '2022-05-13';
-- Hoshizora files a new application (登録申請) for ほしぞらアナリティクス基盤 (Hoshizora Analytics Platform),
-- on Shirakaba's audit of 2021-04-01 to 2022-03-31, reported 2022-05-09.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_analytics, :shirakaba, 'operating', '2021-04-01', '2022-03-31', '2022-05-09')
  RETURNING audit_id AS hoshizora_analytics_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_analytics, 'new', ismap.today(), :hoshizora_analytics_audit0) RETURNING application_id AS hoshizora_analytics_app0 \gset

SET ismap.today = '2022-05-20';
-- Iroha files a new application (登録申請) for いろは人事給与 (Iroha HR and Payroll),
-- on Kohaku's audit of 2021-04-01 to 2022-03-31, reported 2022-05-16.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_hr, :kohaku, 'operating', '2021-04-01', '2022-03-31', '2022-05-16')
  RETURNING audit_id AS iroha_hr_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_hr, 'new', ismap.today(), :iroha_hr_audit0) RETURNING application_id AS iroha_hr_app0 \gset
-- Hoshizora's application for ほしぞらアナリティクス基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_analytics_app0;

SET ismap.today = '2022-05-23';
-- Inaho files a renewal (登録更新申請) for いなほ自治体クラウド,
-- on Tsubasa's audit of 2021-04-01 to 2022-03-31, reported 2022-05-18.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_municipal, :tsubasa, 'operating', '2021-04-01', '2022-03-31', '2022-05-18')
  RETURNING audit_id AS inaho_municipal_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_municipal, 'renewal', ismap.today(), :inaho_municipal_audit1) RETURNING application_id AS inaho_municipal_app1 \gset
-- Asanagi files a new application (登録申請) for あさなぎコンテンツ配信 (Asanagi Content Delivery),
-- on Ikazuchi's audit of 2021-10-01 to 2022-03-31, reported 2022-05-09.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:asanagi_cdn, :ikazuchi, 'operating', '2021-10-01', '2022-03-31', '2022-05-09')
  RETURNING audit_id AS asanagi_cdn_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:asanagi_cdn, 'new', ismap.today(), :asanagi_cdn_audit0) RETURNING application_id AS asanagi_cdn_app0 \gset

SET ismap.today = '2022-05-26';
-- Iroha's application for いろは人事給与 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_hr_app0;

SET ismap.today = '2022-05-30';
-- Inaho's application for いなほ自治体クラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_municipal_app1;

SET ismap.today = '2022-05-31';
-- Asanagi's application for あさなぎコンテンツ配信 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :asanagi_cdn_app0;

SET ismap.today = '2022-06-21';
-- いろは人事給与 (Iroha HR and Payroll) is registered (登録) as C22-0010-1, valid until 2023-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_hr_app0 RETURNING registration_id AS iroha_hr_reg \gset

SET ismap.today = '2022-06-27';
-- あさなぎコンテンツ配信 (Asanagi Content Delivery) is registered (登録) as C22-0011-1, valid until 2023-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :asanagi_cdn_app0 RETURNING registration_id AS asanagi_cdn_reg \gset

SET ismap.today = '2022-06-28';
-- いなほ自治体クラウド's renewal is approved: valid until 2023-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_municipal_app1;

SET ismap.today = '2022-07-01';
-- ほしぞらアナリティクス基盤 (Hoshizora Analytics Platform) is registered (登録) as C22-0012-1, valid until 2023-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_analytics_app0 RETURNING registration_id AS hoshizora_analytics_reg \gset

SET ismap.today = '2022-07-04';
-- Yamanami files a renewal (登録更新申請) for やまなみプライベートクラウド,
-- on Aoba's audit of 2021-06-01 to 2022-05-31, reported 2022-06-28.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_private, :aoba, 'operating', '2021-06-01', '2022-05-31', '2022-06-28')
  RETURNING audit_id AS yamanami_private_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_private, 'renewal', ismap.today(), :yamanami_private_audit1) RETURNING application_id AS yamanami_private_app1 \gset

SET ismap.today = '2022-07-11';
-- Yamanami's application for やまなみプライベートクラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_private_app1;

SET ismap.today = '2022-08-02';
-- やまなみプライベートクラウド's renewal is approved: valid until 2023-09-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_private_app1;

SET ismap.today = '2022-08-15';
-- Soyokaze files a new application (登録申請) for そよかぜマネージドデータベース (Soyokaze Managed Database),
-- on Akebono's audit of 2021-07-01 to 2022-06-30, reported 2022-08-01.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_db, :akebono, 'operating', '2021-07-01', '2022-06-30', '2022-08-01')
  RETURNING audit_id AS soyokaze_db_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_db, 'new', ismap.today(), :soyokaze_db_audit0) RETURNING application_id AS soyokaze_db_app0 \gset

SET ismap.today = '2022-08-19';
-- Hayate files a renewal (登録更新申請) for はやてクラウドコンピュート,
-- on Tachibana's audit of 2021-07-01 to 2022-06-30, reported 2022-08-08.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_compute, :tachibana, 'operating', '2021-07-01', '2022-06-30', '2022-08-08')
  RETURNING audit_id AS hayate_compute_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_compute, 'renewal', ismap.today(), :hayate_compute_audit1) RETURNING application_id AS hayate_compute_app1 \gset

SET ismap.today = '2022-08-22';
-- Iroha files a new application (登録申請) for いろは電子申請 (Iroha e-Application),
-- on Ikazuchi's audit of 2022-01-01 to 2022-06-30, reported 2022-08-12.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_eapp, :ikazuchi, 'operating', '2022-01-01', '2022-06-30', '2022-08-12')
  RETURNING audit_id AS iroha_eapp_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_eapp, 'new', ismap.today(), :iroha_eapp_audit0) RETURNING application_id AS iroha_eapp_first_try \gset
-- Soyokaze's application for そよかぜマネージドデータベース is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_db_app0;

SET ismap.today = '2022-08-25';
-- Umineko files a new application (登録申請) for うみねこ問い合わせ管理 (Umineko Helpdesk),
-- on Nagisa's audit of 2021-07-01 to 2022-06-30, reported 2022-08-15.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_helpdesk, :nagisa, 'operating', '2021-07-01', '2022-06-30', '2022-08-15')
  RETURNING audit_id AS umineko_helpdesk_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_helpdesk, 'new', ismap.today(), :umineko_helpdesk_audit0) RETURNING application_id AS umineko_helpdesk_app0 \gset

SET ismap.today = '2022-08-26';
-- Hayate's application for はやてクラウドコンピュート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_compute_app1;

SET ismap.today = '2022-08-29';
-- Hoshizora files a new application (登録申請) for ほしぞらログ監視 (Hoshizora Log Monitoring),
-- on Aoba's audit of 2021-07-01 to 2022-06-30, reported 2022-08-16.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_logs, :aoba, 'operating', '2021-07-01', '2022-06-30', '2022-08-16')
  RETURNING audit_id AS hoshizora_logs_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_logs, 'new', ismap.today(), :hoshizora_logs_audit0) RETURNING application_id AS hoshizora_logs_app0 \gset
-- Iroha's application for いろは電子申請 is returned (不受理): the statement of scope is incomplete.
UPDATE ismap.service_applications SET status = 'returned', decided_on = ismap.today()
 WHERE application_id = :iroha_eapp_first_try;

SET ismap.today = '2022-08-30';
-- Umineko's application for うみねこ問い合わせ管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_helpdesk_app0;

SET ismap.today = '2022-09-05';
-- Iroha files a new application again (登録申請) for いろは電子申請, on the same audit.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_eapp, 'new', ismap.today(), :iroha_eapp_audit0) RETURNING application_id AS iroha_eapp_app0 \gset
-- Hoshizora's application for ほしぞらログ監視 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_logs_app0;

SET ismap.today = '2022-09-12';
-- Iroha's application for いろは電子申請 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_eapp_app0;

SET ismap.today = '2022-09-15';
-- Inaho files a renewal (登録更新申請) for いなほアプリケーション基盤,
-- on Minato's audit of 2021-08-01 to 2022-07-31, reported 2022-09-12.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_appplatform, :minato, 'operating', '2021-08-01', '2022-07-31', '2022-09-12')
  RETURNING audit_id AS inaho_appplatform_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_appplatform, 'renewal', ismap.today(), :inaho_appplatform_audit1) RETURNING application_id AS inaho_appplatform_app1 \gset

SET ismap.today = '2022-09-19';
-- そよかぜマネージドデータベース (Soyokaze Managed Database) is registered (登録) as C22-0013-1, valid until 2023-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_db_app0 RETURNING registration_id AS soyokaze_db_reg \gset

SET ismap.today = '2022-09-22';
-- Inaho's application for いなほアプリケーション基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_appplatform_app1;

SET ismap.today = '2022-09-26';
-- うみねこ問い合わせ管理 (Umineko Helpdesk) is registered (登録) as C22-0014-1, valid until 2023-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_helpdesk_app0 RETURNING registration_id AS umineko_helpdesk_reg \gset

SET ismap.today = '2022-09-29';
-- はやてクラウドコンピュート's renewal is approved: valid until 2023-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_compute_app1;

SET ismap.today = '2022-10-20';
-- ほしぞらログ監視 (Hoshizora Log Monitoring) is registered (登録) as C22-0015-1, valid until 2023-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_logs_app0 RETURNING registration_id AS hoshizora_logs_reg \gset

SET ismap.today = '2022-10-21';
-- いろは電子申請 (Iroha e-Application) is registered (登録) as C22-0016-1, valid until 2023-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_eapp_app0 RETURNING registration_id AS iroha_eapp_reg \gset

SET ismap.today = '2022-10-27';
-- いなほアプリケーション基盤's renewal is approved: valid until 2023-11-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_appplatform_app1;

SET ismap.today = '2022-11-07';
-- Komorebi files a renewal (登録更新申請) for こもれびワークフロー,
-- on Kamome's audit of 2021-10-01 to 2022-09-30, reported 2022-10-26.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_workflow, :kamome, 'operating', '2021-10-01', '2022-09-30', '2022-10-26')
  RETURNING audit_id AS komorebi_workflow_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_workflow, 'renewal', ismap.today(), :komorebi_workflow_audit1) RETURNING application_id AS komorebi_workflow_app1 \gset

SET ismap.today = '2022-11-14';
-- Soyokaze files a renewal (登録更新申請) for そよかぜクラウド基盤,
-- on Akebono's audit of 2021-10-01 to 2022-09-30, reported 2022-11-04.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_iaas, :akebono, 'operating', '2021-10-01', '2022-09-30', '2022-11-04')
  RETURNING audit_id AS soyokaze_iaas_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_iaas, 'renewal', ismap.today(), :soyokaze_iaas_audit2) RETURNING application_id AS soyokaze_iaas_app2 \gset
-- Komorebi's application for こもれびワークフロー is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_workflow_app1;

SET ismap.today = '2022-11-16';
-- Mizuki files a new application (登録申請) for みずきチャット (Mizuki Chat),
-- on Wakaba's audit of 2021-10-01 to 2022-09-30, reported 2022-11-09.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_chat, :wakaba, 'operating', '2021-10-01', '2022-09-30', '2022-11-09')
  RETURNING audit_id AS mizuki_chat_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_chat, 'new', ismap.today(), :mizuki_chat_audit0) RETURNING application_id AS mizuki_chat_app0 \gset

SET ismap.today = '2022-11-21';
-- Soyokaze's application for そよかぜクラウド基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_iaas_app2;

SET ismap.today = '2022-11-22';
-- Mizuki's application for みずきチャット is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_chat_app0;

SET ismap.today = '2022-12-05';
-- こもれびワークフロー's renewal is approved: valid until 2024-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_workflow_app1;

SET ismap.today = '2022-12-14';
-- Mizuki files a renewal (登録更新申請) for みずきグループウェア,
-- on Wakaba's audit of 2021-11-01 to 2022-10-31, reported 2022-12-02.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_groupware, :wakaba, 'operating', '2021-11-01', '2022-10-31', '2022-12-02')
  RETURNING audit_id AS mizuki_groupware_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_groupware, 'renewal', ismap.today(), :mizuki_groupware_audit1) RETURNING application_id AS mizuki_groupware_app1 \gset

SET ismap.today = '2022-12-19';
-- そよかぜクラウド基盤's renewal is approved: valid until 2024-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_iaas_app2;

SET ismap.today = '2022-12-21';
-- Mizuki's application for みずきグループウェア is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_groupware_app1;

SET ismap.today = '2022-12-27';
-- みずきチャット (Mizuki Chat) is registered (登録) as C22-0017-1, valid until 2024-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_chat_app0 RETURNING registration_id AS mizuki_chat_reg \gset

SET ismap.today = '2023-01-25';
-- みずきグループウェア's renewal is approved: valid until 2024-02-29.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_groupware_app1;

SET ismap.today = '2023-01-26';
-- Yamanami files a renewal (登録更新申請) for やまなみホスティング,
-- on Aoba's audit of 2021-12-01 to 2022-11-30, reported 2023-01-18.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_hosting, :aoba, 'operating', '2021-12-01', '2022-11-30', '2023-01-18')
  RETURNING audit_id AS yamanami_hosting_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_hosting, 'renewal', ismap.today(), :yamanami_hosting_audit2) RETURNING application_id AS yamanami_hosting_app2 \gset

SET ismap.today = '2023-02-01';
-- Yamanami's application for やまなみホスティング is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_hosting_app2;

SET ismap.today = '2023-02-13';
-- Asanagi files a renewal (登録更新申請) for あさなぎセキュアメール,
-- on Hibari's audit of 2022-01-01 to 2022-12-31, reported 2023-01-30.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:asanagi_mail, :hibari, 'operating', '2022-01-01', '2022-12-31', '2023-01-30')
  RETURNING audit_id AS asanagi_mail_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:asanagi_mail, 'renewal', ismap.today(), :asanagi_mail_audit1) RETURNING application_id AS asanagi_mail_app1 \gset
-- Hayate files a new application (登録申請) for はやてクラウドストレージ (Hayate Cloud Storage),
-- on Minato's audit of 2022-01-01 to 2022-12-31, reported 2023-02-06.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_storage, :minato, 'operating', '2022-01-01', '2022-12-31', '2023-02-06')
  RETURNING audit_id AS hayate_storage_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_storage, 'new', ismap.today(), :hayate_storage_audit0) RETURNING application_id AS hayate_storage_app0 \gset

SET ismap.today = '2023-02-20';
-- Komorebi files a renewal (登録更新申請) for こもれび文書管理,
-- on Minato's audit of 2022-01-01 to 2022-12-31, reported 2023-02-08.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_docs, :minato, 'operating', '2022-01-01', '2022-12-31', '2023-02-08')
  RETURNING audit_id AS komorebi_docs_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_docs, 'renewal', ismap.today(), :komorebi_docs_audit2) RETURNING application_id AS komorebi_docs_app2 \gset
-- Asanagi's application for あさなぎセキュアメール is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :asanagi_mail_app1;
-- Hayate's application for はやてクラウドストレージ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_storage_app0;

SET ismap.today = '2023-02-22';
-- やまなみホスティング's renewal is approved: valid until 2024-03-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_hosting_app2;

SET ismap.today = '2023-02-27';
-- Komorebi's application for こもれび文書管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_docs_app2;

SET ismap.today = '2023-02-28';
-- Asanagi files a new application (登録申請) for あさなぎ仮想デスクトップ (Asanagi Virtual Desktop),
-- on Yamabuki's audit of 2022-01-01 to 2022-12-31, reported 2023-02-16.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:asanagi_vdi, :yamabuki, 'operating', '2022-01-01', '2022-12-31', '2023-02-16')
  RETURNING audit_id AS asanagi_vdi_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:asanagi_vdi, 'new', ismap.today(), :asanagi_vdi_audit0) RETURNING application_id AS asanagi_vdi_app0 \gset

SET ismap.today = '2023-03-06';
-- Asanagi's application for あさなぎ仮想デスクトップ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :asanagi_vdi_app0;

SET ismap.today = '2023-03-20';
-- あさなぎセキュアメール's renewal is approved: valid until 2024-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :asanagi_mail_app1;
-- はやてクラウドストレージ (Hayate Cloud Storage) is registered (登録) as C23-0018-1, valid until 2024-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_storage_app0 RETURNING registration_id AS hayate_storage_reg \gset

SET ismap.today = '2023-04-03';
-- こもれび文書管理's renewal is approved: valid until 2024-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_docs_app2;
-- あさなぎ仮想デスクトップ (Asanagi Virtual Desktop) is registered (登録) as C23-0019-1, valid until 2024-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :asanagi_vdi_app0 RETURNING registration_id AS asanagi_vdi_reg \gset

SET ismap.today = '2023-05-08';
-- Inaho files a renewal (登録更新申請) for いなほ自治体クラウド,
-- on Tsubasa's audit of 2022-04-01 to 2023-03-31, reported 2023-04-27.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_municipal, :tsubasa, 'operating', '2022-04-01', '2023-03-31', '2023-04-27')
  RETURNING audit_id AS inaho_municipal_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_municipal, 'renewal', ismap.today(), :inaho_municipal_audit2) RETURNING application_id AS inaho_municipal_app2 \gset

SET ismap.today = '2023-05-12';
-- Umineko files a new application (登録申請) for うみねこアンケート (Umineko Survey),
-- on Hotaru's audit of 2022-04-01 to 2023-03-31, reported 2023-05-08.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_survey, :hotaru, 'operating', '2022-04-01', '2023-03-31', '2023-05-08')
  RETURNING audit_id AS umineko_survey_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_survey, 'new', ismap.today(), :umineko_survey_audit0) RETURNING application_id AS umineko_survey_app0 \gset

SET ismap.today = '2023-05-15';
-- Inaho's application for いなほ自治体クラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_municipal_app2;

SET ismap.today = '2023-05-17';
-- Asanagi files a renewal (登録更新申請) for あさなぎコンテンツ配信,
-- on Ikazuchi's audit of 2022-04-01 to 2023-03-31, reported 2023-05-08.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:asanagi_cdn, :ikazuchi, 'operating', '2022-04-01', '2023-03-31', '2023-05-08')
  RETURNING audit_id AS asanagi_cdn_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:asanagi_cdn, 'renewal', ismap.today(), :asanagi_cdn_audit1) RETURNING application_id AS asanagi_cdn_app1 \gset

SET ismap.today = '2023-05-22';
-- Asanagi's application for あさなぎコンテンツ配信 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :asanagi_cdn_app1;
-- Umineko's application for うみねこアンケート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_survey_app0;

SET ismap.today = '2023-05-24';
-- Hoshizora files a renewal (登録更新申請) for ほしぞらアナリティクス基盤,
-- on Shirakaba's audit of 2022-04-01 to 2023-03-31, reported 2023-05-15.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_analytics, :shirakaba, 'operating', '2022-04-01', '2023-03-31', '2023-05-15')
  RETURNING audit_id AS hoshizora_analytics_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_analytics, 'renewal', ismap.today(), :hoshizora_analytics_audit1) RETURNING application_id AS hoshizora_analytics_app1 \gset

SET ismap.today = '2023-05-29';
-- Iroha files a renewal (登録更新申請) for いろは人事給与,
-- on Kohaku's audit of 2022-04-01 to 2023-03-31, reported 2023-05-15.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_hr, :kohaku, 'operating', '2022-04-01', '2023-03-31', '2023-05-15')
  RETURNING audit_id AS iroha_hr_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_hr, 'renewal', ismap.today(), :iroha_hr_audit1) RETURNING application_id AS iroha_hr_app1 \gset

SET ismap.today = '2023-05-31';
-- Hoshizora's application for ほしぞらアナリティクス基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_analytics_app1;

SET ismap.today = '2023-06-05';
-- Iroha's application for いろは人事給与 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_hr_app1;

SET ismap.today = '2023-06-07';
-- Soyokaze files a new application (登録申請) for そよかぜオブジェクトストレージ (Soyokaze Object Storage),
-- on Akebono's audit of 2022-04-01 to 2023-03-31, reported 2023-05-25.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_storage, :akebono, 'operating', '2022-04-01', '2023-03-31', '2023-05-25')
  RETURNING audit_id AS soyokaze_storage_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_storage, 'new', ismap.today(), :soyokaze_storage_audit0) RETURNING application_id AS soyokaze_storage_app0 \gset

SET ismap.today = '2023-06-13';
-- Soyokaze's application for そよかぜオブジェクトストレージ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_storage_app0;
-- あさなぎコンテンツ配信's renewal is approved: valid until 2024-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :asanagi_cdn_app1;

SET ismap.today = '2023-06-19';
-- いなほ自治体クラウド's renewal is approved: valid until 2024-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_municipal_app2;

SET ismap.today = '2023-06-22';
-- うみねこアンケート (Umineko Survey) is registered (登録) as C23-0020-1, valid until 2024-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_survey_app0 RETURNING registration_id AS umineko_survey_reg \gset

SET ismap.today = '2023-06-29';
-- いろは人事給与's renewal is approved: valid until 2024-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_hr_app1;

SET ismap.today = '2023-07-03';
-- ほしぞらアナリティクス基盤's renewal is approved: valid until 2024-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_analytics_app1;

SET ismap.today = '2023-07-14';
-- Yamanami files a renewal (登録更新申請) for やまなみプライベートクラウド,
-- on Aoba's audit of 2022-06-01 to 2023-05-31, reported 2023-07-03.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_private, :aoba, 'operating', '2022-06-01', '2023-05-31', '2023-07-03')
  RETURNING audit_id AS yamanami_private_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_private, 'renewal', ismap.today(), :yamanami_private_audit2) RETURNING application_id AS yamanami_private_app2 \gset

SET ismap.today = '2023-07-19';
-- Yamanami's application for やまなみプライベートクラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_private_app2;

SET ismap.today = '2023-07-26';
-- そよかぜオブジェクトストレージ (Soyokaze Object Storage) is registered (登録) as C23-0021-1, valid until 2024-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_storage_app0 RETURNING registration_id AS soyokaze_storage_reg \gset

SET ismap.today = '2023-08-04';
-- Umineko files a renewal (登録更新申請) for うみねこ問い合わせ管理,
-- on Nagisa's audit of 2022-07-01 to 2023-06-30, reported 2023-07-26.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_helpdesk, :nagisa, 'operating', '2022-07-01', '2023-06-30', '2023-07-26')
  RETURNING audit_id AS umineko_helpdesk_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_helpdesk, 'renewal', ismap.today(), :umineko_helpdesk_audit1) RETURNING application_id AS umineko_helpdesk_app1 \gset

SET ismap.today = '2023-08-10';
-- Umineko's application for うみねこ問い合わせ管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_helpdesk_app1;

SET ismap.today = '2023-08-14';
-- Iroha files a renewal (登録更新申請) for いろは電子申請,
-- on Ikazuchi's audit of 2022-07-01 to 2023-06-30, reported 2023-08-04.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_eapp, :ikazuchi, 'operating', '2022-07-01', '2023-06-30', '2023-08-04')
  RETURNING audit_id AS iroha_eapp_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_eapp, 'renewal', ismap.today(), :iroha_eapp_audit1) RETURNING application_id AS iroha_eapp_app1 \gset

SET ismap.today = '2023-08-16';
-- Hayate files a renewal (登録更新申請) for はやてクラウドコンピュート,
-- on Tachibana's audit of 2022-07-01 to 2023-06-30, reported 2023-08-08.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_compute, :tachibana, 'operating', '2022-07-01', '2023-06-30', '2023-08-08')
  RETURNING audit_id AS hayate_compute_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_compute, 'renewal', ismap.today(), :hayate_compute_audit2) RETURNING application_id AS hayate_compute_app2 \gset

SET ismap.today = '2023-08-18';
-- やまなみプライベートクラウド's renewal is approved: valid until 2024-09-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_private_app2;

SET ismap.today = '2023-08-21';
-- Hoshizora files a renewal (登録更新申請) for ほしぞらログ監視,
-- on Aoba's audit of 2022-07-01 to 2023-06-30, reported 2023-08-16.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_logs, :aoba, 'operating', '2022-07-01', '2023-06-30', '2023-08-16')
  RETURNING audit_id AS hoshizora_logs_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_logs, 'renewal', ismap.today(), :hoshizora_logs_audit1) RETURNING application_id AS hoshizora_logs_app1 \gset
-- Iroha's application for いろは電子申請 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_eapp_app1;

SET ismap.today = '2023-08-23';
-- Hayate's application for はやてクラウドコンピュート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_compute_app2;

SET ismap.today = '2023-08-28';
-- Soyokaze files a renewal (登録更新申請) for そよかぜマネージドデータベース,
-- on Akebono's audit of 2022-07-01 to 2023-06-30, reported 2023-08-18.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_db, :akebono, 'operating', '2022-07-01', '2023-06-30', '2023-08-18')
  RETURNING audit_id AS soyokaze_db_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_db, 'renewal', ismap.today(), :soyokaze_db_audit1) RETURNING application_id AS soyokaze_db_app1 \gset
-- Hoshizora's application for ほしぞらログ監視 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_logs_app1;

SET ismap.today = '2023-08-29';
-- Hoshizora files a new application (登録申請) for ほしぞらID管理 (Hoshizora Identity),
-- on Yamabuki's audit of 2022-07-01 to 2023-06-30, reported 2023-08-18.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_id, :yamabuki, 'operating', '2022-07-01', '2023-06-30', '2023-08-18')
  RETURNING audit_id AS hoshizora_id_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_id, 'new', ismap.today(), :hoshizora_id_audit0) RETURNING application_id AS hoshizora_id_app0 \gset

SET ismap.today = '2023-08-31';
-- Hayate files a new application (登録申請) for はやてマネージドKubernetes (Hayate Managed Kubernetes),
-- on Shirakaba's audit of 2023-01-01 to 2023-06-30, reported 2023-08-23.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_k8s, :shirakaba, 'operating', '2023-01-01', '2023-06-30', '2023-08-23')
  RETURNING audit_id AS hayate_k8s_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_k8s, 'new', ismap.today(), :hayate_k8s_audit0) RETURNING application_id AS hayate_k8s_app0 \gset

SET ismap.today = '2023-09-04';
-- Soyokaze's application for そよかぜマネージドデータベース is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_db_app1;

SET ismap.today = '2023-09-06';
-- Hoshizora's application for ほしぞらID管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_id_app0;

SET ismap.today = '2023-09-07';
-- Hayate's application for はやてマネージドKubernetes is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_k8s_app0;

SET ismap.today = '2023-09-11';
-- うみねこ問い合わせ管理's renewal is approved: valid until 2024-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_helpdesk_app1;

SET ismap.today = '2023-09-19';
-- ほしぞらログ監視's renewal is approved: valid until 2024-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_logs_app1;
-- いろは電子申請's renewal is approved: valid until 2024-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_eapp_app1;

SET ismap.today = '2023-09-25';
-- はやてクラウドコンピュート's renewal is approved: valid until 2024-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_compute_app2;

SET ismap.today = '2023-09-28';
-- Inaho files a renewal (登録更新申請) for いなほアプリケーション基盤,
-- on Minato's audit of 2022-08-01 to 2023-07-31, reported 2023-09-18.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_appplatform, :minato, 'operating', '2022-08-01', '2023-07-31', '2023-09-18')
  RETURNING audit_id AS inaho_appplatform_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_appplatform, 'renewal', ismap.today(), :inaho_appplatform_audit2) RETURNING application_id AS inaho_appplatform_app2 \gset

SET ismap.today = '2023-10-04';
-- Inaho's application for いなほアプリケーション基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_appplatform_app2;

SET ismap.today = '2023-10-06';
-- そよかぜマネージドデータベース's renewal is approved: valid until 2024-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_db_app1;

SET ismap.today = '2023-10-10';
-- ほしぞらID管理 (Hoshizora Identity) is registered (登録) as C23-0022-1, valid until 2024-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_id_app0 RETURNING registration_id AS hoshizora_id_reg \gset

SET ismap.today = '2023-10-16';
-- はやてマネージドKubernetes (Hayate Managed Kubernetes) is registered (登録) as C23-0023-1, valid until 2024-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_k8s_app0 RETURNING registration_id AS hayate_k8s_reg \gset

SET ismap.today = '2023-10-31';
-- いなほアプリケーション基盤's renewal is approved: valid until 2024-11-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_appplatform_app2;

SET ismap.today = '2023-11-06';
-- Komorebi files a renewal (登録更新申請) for こもれびワークフロー,
-- on Kamome's audit of 2022-10-01 to 2023-09-30, reported 2023-10-27.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_workflow, :kamome, 'operating', '2022-10-01', '2023-09-30', '2023-10-27')
  RETURNING audit_id AS komorebi_workflow_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_workflow, 'renewal', ismap.today(), :komorebi_workflow_audit2) RETURNING application_id AS komorebi_workflow_app2 \gset
-- Mizuki files a renewal (登録更新申請) for みずきチャット,
-- on Tsubasa's audit of 2022-10-01 to 2023-09-30, reported 2023-11-02.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_chat, :tsubasa, 'operating', '2022-10-01', '2023-09-30', '2023-11-02')
  RETURNING audit_id AS mizuki_chat_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_chat, 'renewal', ismap.today(), :mizuki_chat_audit1) RETURNING application_id AS mizuki_chat_app1 \gset

SET ismap.today = '2023-11-13';
-- Komorebi's application for こもれびワークフロー is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_workflow_app2;
-- Mizuki's application for みずきチャット is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_chat_app1;

SET ismap.today = '2023-11-21';
-- Soyokaze files a renewal (登録更新申請) for そよかぜクラウド基盤,
-- on Akebono's audit of 2022-10-01 to 2023-09-30, reported 2023-11-14.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_iaas, :akebono, 'operating', '2022-10-01', '2023-09-30', '2023-11-14')
  RETURNING audit_id AS soyokaze_iaas_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_iaas, 'renewal', ismap.today(), :soyokaze_iaas_audit3) RETURNING application_id AS soyokaze_iaas_app3 \gset

SET ismap.today = '2023-11-24';
-- Komorebi files a new application (登録申請) for こもれび電子契約 (Komorebi e-Signature),
-- on Hibari's audit of 2022-10-01 to 2023-09-30, reported 2023-11-09.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_esign, :hibari, 'operating', '2022-10-01', '2023-09-30', '2023-11-09')
  RETURNING audit_id AS komorebi_esign_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_esign, 'new', ismap.today(), :komorebi_esign_audit0) RETURNING application_id AS komorebi_esign_app0 \gset

SET ismap.today = '2023-11-27';
-- Soyokaze's application for そよかぜクラウド基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_iaas_app3;

SET ismap.today = '2023-11-29';
-- Komorebi's application for こもれび電子契約 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_esign_app0;

SET ismap.today = '2023-12-05';
-- こもれびワークフロー's renewal is approved: valid until 2025-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_workflow_app2;

SET ismap.today = '2023-12-18';
-- みずきチャット's renewal is approved: valid until 2025-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_chat_app1;

SET ismap.today = '2024-01-04';
-- そよかぜクラウド基盤's renewal is approved: valid until 2025-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_iaas_app3;
-- こもれび電子契約 (Komorebi e-Signature) is registered (登録) as C24-0024-1, valid until 2025-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_esign_app0 RETURNING registration_id AS komorebi_esign_reg \gset

SET ismap.today = '2024-01-15';
-- Yamanami files a renewal (登録更新申請) for やまなみホスティング,
-- on Aoba's audit of 2022-12-01 to 2023-11-30, reported 2024-01-12.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_hosting, :aoba, 'operating', '2022-12-01', '2023-11-30', '2024-01-12')
  RETURNING audit_id AS yamanami_hosting_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_hosting, 'renewal', ismap.today(), :yamanami_hosting_audit3) RETURNING application_id AS yamanami_hosting_app3 \gset
-- The committee suspends はやてクラウドコンピュート (一時停止).
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
  VALUES (:hayate_compute_reg, 'suspend', ismap.today(),
          '重大なセキュリティインシデント（不正アクセスによる情報漏えいのおそれ）の報告を受け、原因の究明と再発防止策の確認まで / a serious security incident (a suspected data leak through unauthorised access) was reported; suspended until its cause and the preventive measures are established');

SET ismap.today = '2024-01-22';
-- Yamanami's application for やまなみホスティング is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_hosting_app3;

SET ismap.today = '2024-02-05';
-- Komorebi files a renewal (登録更新申請) for こもれび文書管理,
-- on Minato's audit of 2023-01-01 to 2023-12-31, reported 2024-01-29.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_docs, :minato, 'operating', '2023-01-01', '2023-12-31', '2024-01-29')
  RETURNING audit_id AS komorebi_docs_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_docs, 'renewal', ismap.today(), :komorebi_docs_audit3) RETURNING application_id AS komorebi_docs_app3 \gset

SET ismap.today = '2024-02-12';
-- Hayate files a renewal (登録更新申請) for はやてクラウドストレージ,
-- on Minato's audit of 2023-01-01 to 2023-12-31, reported 2024-01-31.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_storage, :minato, 'operating', '2023-01-01', '2023-12-31', '2024-01-31')
  RETURNING audit_id AS hayate_storage_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_storage, 'renewal', ismap.today(), :hayate_storage_audit1) RETURNING application_id AS hayate_storage_app1 \gset
-- Inaho files a new application (登録申請) for いなほ財務会計 (Inaho Financial Accounting),
-- on Nagisa's audit of 2023-01-01 to 2023-12-31, reported 2024-02-02.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_accounting, :nagisa, 'operating', '2023-01-01', '2023-12-31', '2024-02-02')
  RETURNING audit_id AS inaho_accounting_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_accounting, 'new', ismap.today(), :inaho_accounting_audit0) RETURNING application_id AS inaho_accounting_app0 \gset
-- Komorebi's application for こもれび文書管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_docs_app3;

SET ismap.today = '2024-02-19';
-- Hayate's application for はやてクラウドストレージ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_storage_app1;
-- Inaho's application for いなほ財務会計 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_accounting_app0;

SET ismap.today = '2024-02-22';
-- Asanagi files a renewal (登録更新申請) for あさなぎ仮想デスクトップ,
-- on Yamabuki's audit of 2023-01-01 to 2023-12-31, reported 2024-02-16.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:asanagi_vdi, :yamabuki, 'operating', '2023-01-01', '2023-12-31', '2024-02-16')
  RETURNING audit_id AS asanagi_vdi_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:asanagi_vdi, 'renewal', ismap.today(), :asanagi_vdi_audit1) RETURNING application_id AS asanagi_vdi_app1 \gset

SET ismap.today = '2024-02-26';
-- Asanagi files a renewal (登録更新申請) for あさなぎセキュアメール,
-- on Hibari's audit of 2023-01-01 to 2023-12-31, reported 2024-02-13.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:asanagi_mail, :hibari, 'operating', '2023-01-01', '2023-12-31', '2024-02-13')
  RETURNING audit_id AS asanagi_mail_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:asanagi_mail, 'renewal', ismap.today(), :asanagi_mail_audit2) RETURNING application_id AS asanagi_mail_app2 \gset
-- やまなみホスティング's renewal is approved: valid until 2025-03-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_hosting_app3;

SET ismap.today = '2024-02-29';
-- Mizuki files a renewal (登録更新申請) for みずきグループウェア, on the last day of its term,
-- on Nagisa's audit of 2022-11-01 to 2023-10-31, reported 2023-12-20.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_groupware, :nagisa, 'operating', '2022-11-01', '2023-10-31', '2023-12-20')
  RETURNING audit_id AS mizuki_groupware_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_groupware, 'renewal', ismap.today(), :mizuki_groupware_audit2) RETURNING application_id AS mizuki_groupware_app2 \gset
-- Asanagi's application for あさなぎ仮想デスクトップ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :asanagi_vdi_app1;

SET ismap.today = '2024-03-04';
-- Asanagi's application for あさなぎセキュアメール is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :asanagi_mail_app2;

SET ismap.today = '2024-03-07';
-- Mizuki's application for みずきグループウェア is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_groupware_app2;

SET ismap.today = '2024-03-15';
-- こもれび文書管理's renewal is approved: valid until 2025-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_docs_app3;
-- はやてクラウドストレージ's renewal is approved: valid until 2025-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_storage_app1;

SET ismap.today = '2024-03-21';
-- あさなぎ仮想デスクトップ's renewal is approved: valid until 2025-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :asanagi_vdi_app1;
-- いなほ財務会計 (Inaho Financial Accounting) is registered (登録) as C24-0025-1, valid until 2025-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_accounting_app0 RETURNING registration_id AS inaho_accounting_reg \gset

SET ismap.today = '2024-04-01';
-- あさなぎセキュアメール's renewal is approved: valid until 2025-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :asanagi_mail_app2;

SET ismap.today = '2024-04-19';
-- みずきグループウェア's renewal is approved (in renewal grace since 2024-03-01): valid until 2025-02-28.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_groupware_app2;

SET ismap.today = '2024-05-06';
-- Hoshizora files a renewal (登録更新申請) for ほしぞらアナリティクス基盤,
-- on Shirakaba's audit of 2023-04-01 to 2024-03-31, reported 2024-04-30.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_analytics, :shirakaba, 'operating', '2023-04-01', '2024-03-31', '2024-04-30')
  RETURNING audit_id AS hoshizora_analytics_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_analytics, 'renewal', ismap.today(), :hoshizora_analytics_audit2) RETURNING application_id AS hoshizora_analytics_app2 \gset
-- Soyokaze files a renewal (登録更新申請) for そよかぜオブジェクトストレージ,
-- on Akebono's audit of 2023-04-01 to 2024-03-31, reported 2024-04-30.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_storage, :akebono, 'operating', '2023-04-01', '2024-03-31', '2024-04-30')
  RETURNING audit_id AS soyokaze_storage_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_storage, 'renewal', ismap.today(), :soyokaze_storage_audit1) RETURNING application_id AS soyokaze_storage_app1 \gset

SET ismap.today = '2024-05-13';
-- Hoshizora's application for ほしぞらアナリティクス基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_analytics_app2;
-- Soyokaze's application for そよかぜオブジェクトストレージ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_storage_app1;

SET ismap.today = '2024-05-15';
-- Inaho files a renewal (登録更新申請) for いなほ自治体クラウド,
-- on Tsubasa's audit of 2023-04-01 to 2024-03-31, reported 2024-05-06.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_municipal, :tsubasa, 'operating', '2023-04-01', '2024-03-31', '2024-05-06')
  RETURNING audit_id AS inaho_municipal_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_municipal, 'renewal', ismap.today(), :inaho_municipal_audit3) RETURNING application_id AS inaho_municipal_app3 \gset

SET ismap.today = '2024-05-20';
-- Umineko files a renewal (登録更新申請) for うみねこアンケート,
-- on Hotaru's audit of 2023-04-01 to 2024-03-31, reported 2024-05-15.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_survey, :hotaru, 'operating', '2023-04-01', '2024-03-31', '2024-05-15')
  RETURNING audit_id AS umineko_survey_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_survey, 'renewal', ismap.today(), :umineko_survey_audit1) RETURNING application_id AS umineko_survey_app1 \gset
-- The committee lifts the suspension of はやてクラウドコンピュート (解除).
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
  VALUES (:hayate_compute_reg, 'lift', ismap.today(),
          '確報を受領し、再発防止策の実施と臨時の監査の結果を確認したため / final report received; the preventive measures and the result of an extraordinary audit verified');

SET ismap.today = '2024-05-21';
-- Inaho's application for いなほ自治体クラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_municipal_app3;

SET ismap.today = '2024-05-27';
-- Iroha files a renewal (登録更新申請) for いろは人事給与,
-- on Kohaku's audit of 2023-04-01 to 2024-03-31, reported 2024-05-20.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_hr, :kohaku, 'operating', '2023-04-01', '2024-03-31', '2024-05-20')
  RETURNING audit_id AS iroha_hr_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_hr, 'renewal', ismap.today(), :iroha_hr_audit2) RETURNING application_id AS iroha_hr_app2 \gset
-- Umineko's application for うみねこアンケート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_survey_app1;

SET ismap.today = '2024-06-03';
-- Iroha's application for いろは人事給与 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_hr_app2;
-- ほしぞらアナリティクス基盤's renewal is approved: valid until 2025-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_analytics_app2;

SET ismap.today = '2024-06-04';
-- そよかぜオブジェクトストレージ's renewal is approved: valid until 2025-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_storage_app1;

SET ismap.today = '2024-06-10';
-- Yamanami files a new application (登録申請) for やまなみバックアップ (Yamanami Backup),
-- on Kamome's audit of 2023-04-01 to 2024-03-31, reported 2024-05-27.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_backup, :kamome, 'operating', '2023-04-01', '2024-03-31', '2024-05-27')
  RETURNING audit_id AS yamanami_backup_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_backup, 'new', ismap.today(), :yamanami_backup_audit0) RETURNING application_id AS yamanami_backup_app0 \gset

SET ismap.today = '2024-06-17';
-- Yamanami's application for やまなみバックアップ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_backup_app0;

SET ismap.today = '2024-06-19';
-- いなほ自治体クラウド's renewal is approved: valid until 2025-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_municipal_app3;

SET ismap.today = '2024-07-01';
-- うみねこアンケート's renewal is approved: valid until 2025-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_survey_app1;

SET ismap.today = '2024-07-08';
-- いろは人事給与's renewal is approved: valid until 2025-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_hr_app2;

SET ismap.today = '2024-07-17';
-- Yamanami files a renewal (登録更新申請) for やまなみプライベートクラウド,
-- on Aoba's audit of 2023-06-01 to 2024-05-31, reported 2024-07-12.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_private, :aoba, 'operating', '2023-06-01', '2024-05-31', '2024-07-12')
  RETURNING audit_id AS yamanami_private_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_private, 'renewal', ismap.today(), :yamanami_private_audit3) RETURNING application_id AS yamanami_private_app3 \gset

SET ismap.today = '2024-07-22';
-- やまなみバックアップ (Yamanami Backup) is registered (登録) as C24-0026-1, valid until 2025-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_backup_app0 RETURNING registration_id AS yamanami_backup_reg \gset

SET ismap.today = '2024-07-23';
-- Yamanami's application for やまなみプライベートクラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_private_app3;

SET ismap.today = '2024-07-30';
-- Hayate files a renewal (登録更新申請) for はやてマネージドKubernetes,
-- on Shirakaba's audit of 2023-07-01 to 2024-06-30, reported 2024-07-26.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_k8s, :shirakaba, 'operating', '2023-07-01', '2024-06-30', '2024-07-26')
  RETURNING audit_id AS hayate_k8s_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_k8s, 'renewal', ismap.today(), :hayate_k8s_audit1) RETURNING application_id AS hayate_k8s_app1 \gset

SET ismap.today = '2024-08-05';
-- Hayate's application for はやてマネージドKubernetes is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_k8s_app1;

SET ismap.today = '2024-08-09';
-- Iroha files a renewal (登録更新申請) for いろは電子申請,
-- on Ikazuchi's audit of 2023-07-01 to 2024-06-30, reported 2024-08-02.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_eapp, :ikazuchi, 'operating', '2023-07-01', '2024-06-30', '2024-08-02')
  RETURNING audit_id AS iroha_eapp_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_eapp, 'renewal', ismap.today(), :iroha_eapp_audit2) RETURNING application_id AS iroha_eapp_app2 \gset

SET ismap.today = '2024-08-14';
-- Iroha's application for いろは電子申請 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_eapp_app2;

SET ismap.today = '2024-08-19';
-- Hayate files a renewal (登録更新申請) for はやてクラウドコンピュート,
-- on Shirakaba's audit of 2023-07-01 to 2024-06-30, reported 2024-08-12.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_compute, :shirakaba, 'operating', '2023-07-01', '2024-06-30', '2024-08-12')
  RETURNING audit_id AS hayate_compute_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_compute, 'renewal', ismap.today(), :hayate_compute_audit3) RETURNING application_id AS hayate_compute_app3 \gset

SET ismap.today = '2024-08-20';
-- やまなみプライベートクラウド's renewal is approved: valid until 2025-09-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_private_app3;

SET ismap.today = '2024-08-21';
-- Umineko files a renewal (登録更新申請) for うみねこ問い合わせ管理,
-- on Nagisa's audit of 2023-07-01 to 2024-06-30, reported 2024-08-13.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_helpdesk, :nagisa, 'operating', '2023-07-01', '2024-06-30', '2024-08-13')
  RETURNING audit_id AS umineko_helpdesk_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_helpdesk, 'renewal', ismap.today(), :umineko_helpdesk_audit2) RETURNING application_id AS umineko_helpdesk_app2 \gset

SET ismap.today = '2024-08-22';
-- Hoshizora files a renewal (登録更新申請) for ほしぞらID管理,
-- on Yamabuki's audit of 2023-07-01 to 2024-06-30, reported 2024-08-15.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_id, :yamabuki, 'operating', '2023-07-01', '2024-06-30', '2024-08-15')
  RETURNING audit_id AS hoshizora_id_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_id, 'renewal', ismap.today(), :hoshizora_id_audit1) RETURNING application_id AS hoshizora_id_app1 \gset

SET ismap.today = '2024-08-26';
-- Soyokaze files a renewal (登録更新申請) for そよかぜマネージドデータベース,
-- on Akebono's audit of 2023-07-01 to 2024-06-30, reported 2024-08-16.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_db, :akebono, 'operating', '2023-07-01', '2024-06-30', '2024-08-16')
  RETURNING audit_id AS soyokaze_db_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_db, 'renewal', ismap.today(), :soyokaze_db_audit2) RETURNING application_id AS soyokaze_db_app2 \gset
-- Hayate's application for はやてクラウドコンピュート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_compute_app3;

SET ismap.today = '2024-08-27';
-- Umineko's application for うみねこ問い合わせ管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_helpdesk_app2;
-- はやてマネージドKubernetes's renewal is approved: valid until 2025-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_k8s_app1;

SET ismap.today = '2024-08-29';
-- Hoshizora's application for ほしぞらID管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_id_app1;

SET ismap.today = '2024-09-02';
-- Mizuki files a new application (登録申請) for みずきファイル共有 (Mizuki File Sharing),
-- on Hotaru's audit of 2023-07-01 to 2024-06-30, reported 2024-08-23.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_files, :hotaru, 'operating', '2023-07-01', '2024-06-30', '2024-08-23')
  RETURNING audit_id AS mizuki_files_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_files, 'new', ismap.today(), :mizuki_files_audit0) RETURNING application_id AS mizuki_files_app0 \gset
-- Soyokaze's application for そよかぜマネージドデータベース is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_db_app2;

SET ismap.today = '2024-09-09';
-- Inaho files a renewal (登録更新申請) for いなほアプリケーション基盤,
-- on Minato's audit of 2023-08-01 to 2024-07-31, reported 2024-09-04.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_appplatform, :minato, 'operating', '2023-08-01', '2024-07-31', '2024-09-04')
  RETURNING audit_id AS inaho_appplatform_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_appplatform, 'renewal', ismap.today(), :inaho_appplatform_audit3) RETURNING application_id AS inaho_appplatform_app3 \gset
-- Mizuki's application for みずきファイル共有 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_files_app0;

SET ismap.today = '2024-09-10';
-- いろは電子申請's renewal is approved: valid until 2025-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_eapp_app2;

SET ismap.today = '2024-09-16';
-- Inaho's application for いなほアプリケーション基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_appplatform_app3;
-- はやてクラウドコンピュート's renewal is approved: valid until 2025-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_compute_app3;

SET ismap.today = '2024-09-23';
-- うみねこ問い合わせ管理's renewal is approved: valid until 2025-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_helpdesk_app2;

SET ismap.today = '2024-09-24';
-- そよかぜマネージドデータベース's renewal is approved: valid until 2025-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_db_app2;

SET ismap.today = '2024-09-30';
-- ほしぞらID管理's renewal is approved: valid until 2025-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_id_app1;

SET ismap.today = '2024-10-11';
-- みずきファイル共有 (Mizuki File Sharing) is registered (登録) as C24-0027-1, valid until 2025-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_files_app0 RETURNING registration_id AS mizuki_files_reg \gset

SET ismap.today = '2024-10-17';
-- いなほアプリケーション基盤's renewal is approved: valid until 2025-11-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_appplatform_app3;

SET ismap.today = '2024-11-07';
-- Komorebi files a renewal (登録更新申請) for こもれびワークフロー,
-- on Kamome's audit of 2023-10-01 to 2024-09-30, reported 2024-10-29.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_workflow, :kamome, 'operating', '2023-10-01', '2024-09-30', '2024-10-29')
  RETURNING audit_id AS komorebi_workflow_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_workflow, 'renewal', ismap.today(), :komorebi_workflow_audit3) RETURNING application_id AS komorebi_workflow_app3 \gset

SET ismap.today = '2024-11-08';
-- ほしぞらログ監視 (Hoshizora Log Monitoring) was valid until 2024-10-31;
-- no renewal was filed by then.  Hoshizora comes with Aoba's audit of 2023-07-01 to 2024-06-30, reported 2024-08-07.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_logs, :aoba, 'operating', '2023-07-01', '2024-06-30', '2024-08-07')
  RETURNING audit_id AS hoshizora_logs_audit2 \gset
-- A renewal filed on it now is refused as a renewal (svc_renewal_deadline);
-- this block checks that it is.
DO $$
BEGIN
  INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  SELECT a.service_id, 'renewal', ismap.today(), a.audit_id
    FROM ismap.audits a JOIN ismap.cloud_services s USING (service_id)
   WHERE s.name_en = 'Hoshizora Log Monitoring (fictional)'
   ORDER BY a.audit_id DESC LIMIT 1;
  RAISE EXCEPTION 'demo data: a renewal filed after expiry was accepted';
EXCEPTION WHEN check_violation THEN
  DECLARE
    rule text;
  BEGIN
    GET STACKED DIAGNOSTICS rule = CONSTRAINT_NAME;
    IF rule IS DISTINCT FROM 'svc_renewal_deadline' THEN
      RAISE;
    END IF;
  END;
END
$$;
-- Hoshizora files a new application (登録申請) for ほしぞらログ監視 on that audit.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_logs, 'new', ismap.today(), :hoshizora_logs_audit2) RETURNING application_id AS hoshizora_logs_app2 \gset

SET ismap.today = '2024-11-11';
-- Soyokaze files a renewal (登録更新申請) for そよかぜクラウド基盤,
-- on Akebono's audit of 2023-10-01 to 2024-09-30, reported 2024-10-31.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_iaas, :akebono, 'operating', '2023-10-01', '2024-09-30', '2024-10-31')
  RETURNING audit_id AS soyokaze_iaas_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_iaas, 'renewal', ismap.today(), :soyokaze_iaas_audit4) RETURNING application_id AS soyokaze_iaas_app4 \gset
-- Mizuki files a renewal (登録更新申請) for みずきチャット,
-- on Tsubasa's audit of 2023-10-01 to 2024-09-30, reported 2024-11-05.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_chat, :tsubasa, 'operating', '2023-10-01', '2024-09-30', '2024-11-05')
  RETURNING audit_id AS mizuki_chat_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_chat, 'renewal', ismap.today(), :mizuki_chat_audit2) RETURNING application_id AS mizuki_chat_app2 \gset
-- Komorebi files a renewal (登録更新申請) for こもれび電子契約,
-- on Hibari's audit of 2023-10-01 to 2024-09-30, reported 2024-10-30.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_esign, :hibari2, 'operating', '2023-10-01', '2024-09-30', '2024-10-30')
  RETURNING audit_id AS komorebi_esign_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_esign, 'renewal', ismap.today(), :komorebi_esign_audit1) RETURNING application_id AS komorebi_esign_app1 \gset

SET ismap.today = '2024-11-14';
-- Komorebi's application for こもれびワークフロー is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_workflow_app3;

SET ismap.today = '2024-11-15';
-- Hoshizora's application for ほしぞらログ監視 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_logs_app2;

SET ismap.today = '2024-11-18';
-- Soyokaze's application for そよかぜクラウド基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_iaas_app4;
-- Mizuki's application for みずきチャット is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_chat_app2;
-- Komorebi's application for こもれび電子契約 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_esign_app1;

SET ismap.today = '2024-12-09';
-- Iroha files a new application (登録申請) for いろはローコード基盤 (Iroha Low-code Platform),
-- on Tsubasa's audit of 2023-10-01 to 2024-09-30, reported 2024-11-25.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_lowcode, :tsubasa, 'operating', '2023-10-01', '2024-09-30', '2024-11-25')
  RETURNING audit_id AS iroha_lowcode_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_lowcode, 'new', ismap.today(), :iroha_lowcode_audit0) RETURNING application_id AS iroha_lowcode_app0 \gset
-- こもれびワークフロー's renewal is approved: valid until 2026-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_workflow_app3;

SET ismap.today = '2024-12-11';
-- そよかぜクラウド基盤's renewal is approved: valid until 2026-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_iaas_app4;

SET ismap.today = '2024-12-13';
-- ほしぞらログ監視 (Hoshizora Log Monitoring) is registered (登録) as C24-0028-1, valid until 2025-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_logs_app2 RETURNING registration_id AS hoshizora_logs_reg2 \gset
-- みずきチャット's renewal is approved: valid until 2026-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_chat_app2;

SET ismap.today = '2024-12-16';
-- Iroha's application for いろはローコード基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_lowcode_app0;
-- こもれび電子契約's renewal is approved: valid until 2026-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_esign_app1;

SET ismap.today = '2024-12-18';
-- Mizuki files a renewal (登録更新申請) for みずきグループウェア,
-- on Nagisa's audit of 2023-11-01 to 2024-10-31, reported 2024-12-09.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_groupware, :nagisa, 'operating', '2023-11-01', '2024-10-31', '2024-12-09')
  RETURNING audit_id AS mizuki_groupware_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_groupware, 'renewal', ismap.today(), :mizuki_groupware_audit3) RETURNING application_id AS mizuki_groupware_app3 \gset

SET ismap.today = '2024-12-25';
-- Mizuki's application for みずきグループウェア is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_groupware_app3;

SET ismap.today = '2025-01-16';
-- Yamanami files a renewal (登録更新申請) for やまなみホスティング,
-- on Aoba's audit of 2023-12-01 to 2024-11-30, reported 2025-01-06.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_hosting, :aoba, 'operating', '2023-12-01', '2024-11-30', '2025-01-06')
  RETURNING audit_id AS yamanami_hosting_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_hosting, 'renewal', ismap.today(), :yamanami_hosting_audit4) RETURNING application_id AS yamanami_hosting_app4 \gset
-- いろはローコード基盤 (Iroha Low-code Platform) is registered (登録) as C25-0029-1, valid until 2026-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_lowcode_app0 RETURNING registration_id AS iroha_lowcode_reg \gset

SET ismap.today = '2025-01-17';
-- みずきグループウェア's renewal is approved: valid until 2026-02-28.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_groupware_app3;

SET ismap.today = '2025-01-20';
-- The committee suspends あさなぎ仮想デスクトップ (一時停止).
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
  VALUES (:asanagi_vdi_reg, 'suspend', ismap.today(),
          '運営委員会の報告徴求及び再監査の求めに期限までに応じないため / did not answer the committee''s demand for a report and a re-audit by the due date');

SET ismap.today = '2025-01-21';
-- Yamanami's application for やまなみホスティング is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_hosting_app4;

SET ismap.today = '2025-02-04';
-- Komorebi files a renewal (登録更新申請) for こもれび文書管理,
-- on Minato's audit of 2024-01-01 to 2024-12-31, reported 2025-01-30.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_docs, :minato, 'operating', '2024-01-01', '2024-12-31', '2025-01-30')
  RETURNING audit_id AS komorebi_docs_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_docs, 'renewal', ismap.today(), :komorebi_docs_audit4) RETURNING application_id AS komorebi_docs_app4 \gset

SET ismap.today = '2025-02-06';
-- Asanagi files a renewal (登録更新申請) for あさなぎセキュアメール,
-- on Hibari's audit of 2024-01-01 to 2024-12-31, reported 2025-01-27.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:asanagi_mail, :hibari2, 'operating', '2024-01-01', '2024-12-31', '2025-01-27')
  RETURNING audit_id AS asanagi_mail_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:asanagi_mail, 'renewal', ismap.today(), :asanagi_mail_audit3) RETURNING application_id AS asanagi_mail_app3 \gset

SET ismap.today = '2025-02-10';
-- Komorebi's application for こもれび文書管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_docs_app4;

SET ismap.today = '2025-02-12';
-- Asanagi's application for あさなぎセキュアメール is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :asanagi_mail_app3;

SET ismap.today = '2025-02-20';
-- Hayate files a renewal (登録更新申請) for はやてクラウドストレージ,
-- on Minato's audit of 2024-01-01 to 2024-12-31, reported 2025-02-13.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_storage, :minato, 'operating', '2024-01-01', '2024-12-31', '2025-02-13')
  RETURNING audit_id AS hayate_storage_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_storage, 'renewal', ismap.today(), :hayate_storage_audit2) RETURNING application_id AS hayate_storage_app2 \gset
-- やまなみホスティング's renewal is approved: valid until 2026-03-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_hosting_app4;

SET ismap.today = '2025-02-24';
-- Soyokaze files a new application (登録申請) for そよかぜコンテナサービス (Soyokaze Container Service),
-- on Aoba's audit of 2024-01-01 to 2024-12-31, reported 2025-02-17.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_containers, :aoba, 'operating', '2024-01-01', '2024-12-31', '2025-02-17')
  RETURNING audit_id AS soyokaze_containers_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_containers, 'new', ismap.today(), :soyokaze_containers_audit0) RETURNING application_id AS soyokaze_containers_app0 \gset

SET ismap.today = '2025-02-25';
-- Hayate's application for はやてクラウドストレージ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_storage_app2;

SET ismap.today = '2025-03-04';
-- Soyokaze's application for そよかぜコンテナサービス is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_containers_app0;

SET ismap.today = '2025-03-10';
-- あさなぎセキュアメール's renewal is approved: valid until 2026-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :asanagi_mail_app3;

SET ismap.today = '2025-03-17';
-- こもれび文書管理's renewal is approved: valid until 2026-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_docs_app4;

SET ismap.today = '2025-03-24';
-- The committee removes あさなぎ仮想デスクトップ (削除).
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
  VALUES (:asanagi_vdi_reg, 'remove', ismap.today(),
          '督促後も正当な理由なく再監査に応じず、言明の対象範囲外のデータセンターでの運用も判明したため登録を削除 / still no re-audit, without good reason, after the committee''s reminder, and operation from a data centre outside the statement scope found: registration removed');

SET ismap.today = '2025-03-26';
-- はやてクラウドストレージ's renewal is approved: valid until 2026-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_storage_app2;

SET ismap.today = '2025-04-15';
-- そよかぜコンテナサービス (Soyokaze Container Service) is registered (登録) as C25-0030-1, valid until 2026-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_containers_app0 RETURNING registration_id AS soyokaze_containers_reg \gset

SET ismap.today = '2025-04-30';
-- Inaho files a renewal (登録更新申請) for いなほ財務会計, on the last day of its term,
-- on Nagisa's audit of 2024-01-01 to 2024-12-31, reported 2025-02-05.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_accounting, :nagisa, 'operating', '2024-01-01', '2024-12-31', '2025-02-05')
  RETURNING audit_id AS inaho_accounting_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_accounting, 'renewal', ismap.today(), :inaho_accounting_audit1) RETURNING application_id AS inaho_accounting_app1 \gset

SET ismap.today = '2025-05-06';
-- Hoshizora files a renewal (登録更新申請) for ほしぞらアナリティクス基盤,
-- on Shirakaba's audit of 2024-04-01 to 2025-03-31, reported 2025-04-25.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_analytics, :shirakaba, 'operating', '2024-04-01', '2025-03-31', '2025-04-25')
  RETURNING audit_id AS hoshizora_analytics_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_analytics, 'renewal', ismap.today(), :hoshizora_analytics_audit3) RETURNING application_id AS hoshizora_analytics_app3 \gset
-- Soyokaze files a renewal (登録更新申請) for そよかぜオブジェクトストレージ,
-- on Akebono's audit of 2024-04-01 to 2025-03-31, reported 2025-04-28.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_storage, :akebono, 'operating', '2024-04-01', '2025-03-31', '2025-04-28')
  RETURNING audit_id AS soyokaze_storage_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_storage, 'renewal', ismap.today(), :soyokaze_storage_audit2) RETURNING application_id AS soyokaze_storage_app2 \gset
-- Umineko files a renewal (登録更新申請) for うみねこアンケート,
-- on Hotaru's audit of 2024-04-01 to 2025-03-31, reported 2025-04-30.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_survey, :hotaru, 'operating', '2024-04-01', '2025-03-31', '2025-04-30')
  RETURNING audit_id AS umineko_survey_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_survey, 'renewal', ismap.today(), :umineko_survey_audit2) RETURNING application_id AS umineko_survey_app2 \gset
-- Inaho's application for いなほ財務会計 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_accounting_app1;

SET ismap.today = '2025-05-12';
-- Hoshizora's application for ほしぞらアナリティクス基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_analytics_app3;
-- Umineko's application for うみねこアンケート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_survey_app2;

SET ismap.today = '2025-05-13';
-- Soyokaze's application for そよかぜオブジェクトストレージ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_storage_app2;

SET ismap.today = '2025-05-16';
-- Yamanami files a renewal (登録更新申請) for やまなみバックアップ,
-- on Kamome's audit of 2024-04-01 to 2025-03-31, reported 2025-05-09.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_backup, :kamome, 'operating', '2024-04-01', '2025-03-31', '2025-05-09')
  RETURNING audit_id AS yamanami_backup_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_backup, 'renewal', ismap.today(), :yamanami_backup_audit1) RETURNING application_id AS yamanami_backup_app1 \gset
-- Umineko files a new application (登録申請) for うみねこ地図配信 (Umineko Maps API),
-- on Ikazuchi's audit of 2024-04-01 to 2025-03-31, reported 2025-05-09.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_maps, :ikazuchi, 'operating', '2024-04-01', '2025-03-31', '2025-05-09')
  RETURNING audit_id AS umineko_maps_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_maps, 'new', ismap.today(), :umineko_maps_audit0) RETURNING application_id AS umineko_maps_first_try \gset

SET ismap.today = '2025-05-19';
-- Inaho files a renewal (登録更新申請) for いなほ自治体クラウド,
-- on Tsubasa's audit of 2024-04-01 to 2025-03-31, reported 2025-05-14.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_municipal, :tsubasa, 'operating', '2024-04-01', '2025-03-31', '2025-05-14')
  RETURNING audit_id AS inaho_municipal_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_municipal, 'renewal', ismap.today(), :inaho_municipal_audit4) RETURNING application_id AS inaho_municipal_app4 \gset

SET ismap.today = '2025-05-23';
-- Yamanami's application for やまなみバックアップ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_backup_app1;
-- Umineko's application for うみねこ地図配信 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_maps_first_try;

SET ismap.today = '2025-05-26';
-- Iroha files a renewal (登録更新申請) for いろは人事給与,
-- on Kohaku's audit of 2024-04-01 to 2025-03-31, reported 2025-05-19.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_hr, :kohaku, 'operating', '2024-04-01', '2025-03-31', '2025-05-19')
  RETURNING audit_id AS iroha_hr_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_hr, 'renewal', ismap.today(), :iroha_hr_audit3) RETURNING application_id AS iroha_hr_app3 \gset
-- Inaho's application for いなほ自治体クラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_municipal_app4;

SET ismap.today = '2025-05-29';
-- いなほ財務会計's renewal is approved (in renewal grace since 2025-05-01): valid until 2026-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_accounting_app1;

SET ismap.today = '2025-06-02';
-- Iroha's application for いろは人事給与 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_hr_app3;

SET ismap.today = '2025-06-05';
-- うみねこアンケート's renewal is approved: valid until 2026-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_survey_app2;

SET ismap.today = '2025-06-06';
-- Umineko withdraws its application for うみねこ地図配信 (取下げ) to widen the statement scope.
UPDATE ismap.service_applications SET status = 'withdrawn', decided_on = ismap.today()
 WHERE application_id = :umineko_maps_first_try;

SET ismap.today = '2025-06-12';
-- ほしぞらアナリティクス基盤's renewal is approved: valid until 2026-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_analytics_app3;

SET ismap.today = '2025-06-13';
-- やまなみバックアップ's renewal is approved: valid until 2026-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_backup_app1;

SET ismap.today = '2025-06-16';
-- そよかぜオブジェクトストレージ's renewal is approved: valid until 2026-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_storage_app2;

SET ismap.today = '2025-06-30';
-- いなほ自治体クラウド's renewal is approved: valid until 2026-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_municipal_app4;

SET ismap.today = '2025-07-04';
-- Umineko files a new application again (登録申請) for うみねこ地図配信, on the same audit.
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_maps, 'new', ismap.today(), :umineko_maps_audit0) RETURNING application_id AS umineko_maps_app0 \gset

SET ismap.today = '2025-07-07';
-- いろは人事給与's renewal is approved: valid until 2026-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_hr_app3;

SET ismap.today = '2025-07-11';
-- Umineko's application for うみねこ地図配信 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_maps_app0;

SET ismap.today = '2025-07-24';
-- Yamanami files a renewal (登録更新申請) for やまなみプライベートクラウド,
-- on Aoba's audit of 2024-06-01 to 2025-05-31, reported 2025-07-14.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_private, :aoba, 'operating', '2024-06-01', '2025-05-31', '2025-07-14')
  RETURNING audit_id AS yamanami_private_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_private, 'renewal', ismap.today(), :yamanami_private_audit4) RETURNING application_id AS yamanami_private_app4 \gset

SET ismap.today = '2025-07-31';
-- Hoshizora files a renewal (登録更新申請) for ほしぞらログ監視,
-- on Aoba's audit of 2024-07-01 to 2025-06-30, reported 2025-07-25.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_logs, :aoba, 'operating', '2024-07-01', '2025-06-30', '2025-07-25')
  RETURNING audit_id AS hoshizora_logs_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_logs, 'renewal', ismap.today(), :hoshizora_logs_audit3) RETURNING application_id AS hoshizora_logs_app3 \gset
-- Yamanami's application for やまなみプライベートクラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_private_app4;

SET ismap.today = '2025-08-05';
-- Hoshizora's application for ほしぞらログ監視 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_logs_app3;

SET ismap.today = '2025-08-14';
-- Mizuki files a renewal (登録更新申請) for みずきファイル共有,
-- on Hotaru's audit of 2024-07-01 to 2025-06-30, reported 2025-08-04.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_files, :hotaru, 'operating', '2024-07-01', '2025-06-30', '2025-08-04')
  RETURNING audit_id AS mizuki_files_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_files, 'renewal', ismap.today(), :mizuki_files_audit1) RETURNING application_id AS mizuki_files_app1 \gset

SET ismap.today = '2025-08-15';
-- Hayate files a renewal (登録更新申請) for はやてマネージドKubernetes,
-- on Shirakaba's audit of 2024-07-01 to 2025-06-30, reported 2025-08-05.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_k8s, :shirakaba, 'operating', '2024-07-01', '2025-06-30', '2025-08-05')
  RETURNING audit_id AS hayate_k8s_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_k8s, 'renewal', ismap.today(), :hayate_k8s_audit2) RETURNING application_id AS hayate_k8s_app2 \gset

SET ismap.today = '2025-08-18';
-- Hayate files a renewal (登録更新申請) for はやてクラウドコンピュート,
-- on Shirakaba's audit of 2024-07-01 to 2025-06-30, reported 2025-08-05.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_compute, :shirakaba, 'operating', '2024-07-01', '2025-06-30', '2025-08-05')
  RETURNING audit_id AS hayate_compute_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_compute, 'renewal', ismap.today(), :hayate_compute_audit4) RETURNING application_id AS hayate_compute_app4 \gset
-- Umineko files a renewal (登録更新申請) for うみねこ問い合わせ管理,
-- on Nagisa's audit of 2024-07-01 to 2025-06-30, reported 2025-08-07.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_helpdesk, :nagisa, 'operating', '2024-07-01', '2025-06-30', '2025-08-07')
  RETURNING audit_id AS umineko_helpdesk_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_helpdesk, 'renewal', ismap.today(), :umineko_helpdesk_audit3) RETURNING application_id AS umineko_helpdesk_app3 \gset

SET ismap.today = '2025-08-19';
-- Mizuki's application for みずきファイル共有 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_files_app1;

SET ismap.today = '2025-08-20';
-- Hayate's application for はやてマネージドKubernetes is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_k8s_app2;

SET ismap.today = '2025-08-22';
-- Soyokaze files a renewal (登録更新申請) for そよかぜマネージドデータベース,
-- on Akebono's audit of 2024-07-01 to 2025-06-30, reported 2025-08-18.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_db, :akebono, 'operating', '2024-07-01', '2025-06-30', '2025-08-18')
  RETURNING audit_id AS soyokaze_db_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_db, 'renewal', ismap.today(), :soyokaze_db_audit3) RETURNING application_id AS soyokaze_db_app3 \gset
-- うみねこ地図配信 (Umineko Maps API) is registered (登録) as C25-0031-1, valid until 2026-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_maps_app0 RETURNING registration_id AS umineko_maps_reg \gset

SET ismap.today = '2025-08-25';
-- Iroha files a renewal (登録更新申請) for いろは電子申請,
-- on Ikazuchi's audit of 2024-07-01 to 2025-06-30, reported 2025-08-18.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_eapp, :ikazuchi, 'operating', '2024-07-01', '2025-06-30', '2025-08-18')
  RETURNING audit_id AS iroha_eapp_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_eapp, 'renewal', ismap.today(), :iroha_eapp_audit3) RETURNING application_id AS iroha_eapp_app3 \gset
-- Hoshizora files a renewal (登録更新申請) for ほしぞらID管理,
-- on Yamabuki's audit of 2024-07-01 to 2025-06-30, reported 2025-08-14.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_id, :yamabuki, 'operating', '2024-07-01', '2025-06-30', '2025-08-14')
  RETURNING audit_id AS hoshizora_id_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_id, 'renewal', ismap.today(), :hoshizora_id_audit2) RETURNING application_id AS hoshizora_id_app2 \gset
-- Hayate's application for はやてクラウドコンピュート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_compute_app4;
-- Umineko's application for うみねこ問い合わせ管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_helpdesk_app3;
-- やまなみプライベートクラウド's renewal is approved: valid until 2026-09-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_private_app4;

SET ismap.today = '2025-08-29';
-- Soyokaze's application for そよかぜマネージドデータベース is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_db_app3;

SET ismap.today = '2025-09-01';
-- Iroha's application for いろは電子申請 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_eapp_app3;
-- Hoshizora's application for ほしぞらID管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_id_app2;

SET ismap.today = '2025-09-03';
-- ほしぞらログ監視's renewal is approved: valid until 2026-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_logs_app3;

SET ismap.today = '2025-09-08';
-- Inaho files a renewal (登録更新申請) for いなほアプリケーション基盤,
-- on Minato's audit of 2024-08-01 to 2025-07-31, reported 2025-08-29.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_appplatform, :minato, 'operating', '2024-08-01', '2025-07-31', '2025-08-29')
  RETURNING audit_id AS inaho_appplatform_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_appplatform, 'renewal', ismap.today(), :inaho_appplatform_audit4) RETURNING application_id AS inaho_appplatform_app4 \gset

SET ismap.today = '2025-09-15';
-- Inaho's application for いなほアプリケーション基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_appplatform_app4;
-- みずきファイル共有's renewal is approved: valid until 2026-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_files_app1;

SET ismap.today = '2025-09-16';
-- はやてマネージドKubernetes's renewal is approved: valid until 2026-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_k8s_app2;

SET ismap.today = '2025-09-17';
-- はやてクラウドコンピュート's renewal is approved: valid until 2026-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_compute_app4;

SET ismap.today = '2025-09-22';
-- そよかぜマネージドデータベース's renewal is approved: valid until 2026-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_db_app3;

SET ismap.today = '2025-09-24';
-- ほしぞらID管理's renewal is approved: valid until 2026-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_id_app2;

SET ismap.today = '2025-09-25';
-- うみねこ問い合わせ管理's renewal is approved: valid until 2026-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_helpdesk_app3;

SET ismap.today = '2025-10-02';
-- いろは電子申請's renewal is approved: valid until 2026-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_eapp_app3;

SET ismap.today = '2025-10-09';
-- いなほアプリケーション基盤's renewal is approved: valid until 2026-11-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_appplatform_app4;

SET ismap.today = '2025-11-07';
-- Soyokaze files a renewal (登録更新申請) for そよかぜクラウド基盤,
-- on Akebono's audit of 2024-10-01 to 2025-09-30, reported 2025-10-27.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_iaas, :akebono, 'operating', '2024-10-01', '2025-09-30', '2025-10-27')
  RETURNING audit_id AS soyokaze_iaas_audit5 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_iaas, 'renewal', ismap.today(), :soyokaze_iaas_audit5) RETURNING application_id AS soyokaze_iaas_app5 \gset

SET ismap.today = '2025-11-13';
-- Mizuki files a renewal (登録更新申請) for みずきチャット,
-- on Tsubasa's audit of 2024-10-01 to 2025-09-30, reported 2025-11-04.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_chat, :tsubasa, 'operating', '2024-10-01', '2025-09-30', '2025-11-04')
  RETURNING audit_id AS mizuki_chat_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_chat, 'renewal', ismap.today(), :mizuki_chat_audit3) RETURNING application_id AS mizuki_chat_app3 \gset

SET ismap.today = '2025-11-14';
-- Soyokaze's application for そよかぜクラウド基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_iaas_app5;

SET ismap.today = '2025-11-17';
-- Komorebi files a renewal (登録更新申請) for こもれびワークフロー,
-- on Kamome's audit of 2024-10-01 to 2025-09-30, reported 2025-11-07.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_workflow, :kamome, 'operating', '2024-10-01', '2025-09-30', '2025-11-07')
  RETURNING audit_id AS komorebi_workflow_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_workflow, 'renewal', ismap.today(), :komorebi_workflow_audit4) RETURNING application_id AS komorebi_workflow_app4 \gset
-- Iroha files a renewal (登録更新申請) for いろはローコード基盤,
-- on Tsubasa's audit of 2024-10-01 to 2025-09-30, reported 2025-11-07.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_lowcode, :tsubasa, 'operating', '2024-10-01', '2025-09-30', '2025-11-07')
  RETURNING audit_id AS iroha_lowcode_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_lowcode, 'renewal', ismap.today(), :iroha_lowcode_audit1) RETURNING application_id AS iroha_lowcode_app1 \gset

SET ismap.today = '2025-11-18';
-- Mizuki's application for みずきチャット is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_chat_app3;

SET ismap.today = '2025-11-24';
-- Komorebi files a renewal (登録更新申請) for こもれび電子契約,
-- on Hibari's audit of 2024-10-01 to 2025-09-30, reported 2025-11-11.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_esign, :hibari2, 'operating', '2024-10-01', '2025-09-30', '2025-11-11')
  RETURNING audit_id AS komorebi_esign_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_esign, 'renewal', ismap.today(), :komorebi_esign_audit2) RETURNING application_id AS komorebi_esign_app2 \gset
-- Komorebi's application for こもれびワークフロー is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_workflow_app4;
-- Iroha's application for いろはローコード基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_lowcode_app1;

SET ismap.today = '2025-11-25';
-- Hoshizora files a new application (登録申請) for ほしぞらAI翻訳 (Hoshizora AI Translation),
-- on Hibari's audit of 2024-10-01 to 2025-09-30, reported 2025-11-21.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_translate, :hibari2, 'operating', '2024-10-01', '2025-09-30', '2025-11-21')
  RETURNING audit_id AS hoshizora_translate_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_translate, 'new', ismap.today(), :hoshizora_translate_audit0) RETURNING application_id AS hoshizora_translate_app0 \gset

SET ismap.today = '2025-12-01';
-- Komorebi's application for こもれび電子契約 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_esign_app2;
-- Hoshizora's application for ほしぞらAI翻訳 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_translate_app0;

SET ismap.today = '2025-12-09';
-- そよかぜクラウド基盤's renewal is approved: valid until 2027-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_iaas_app5;

SET ismap.today = '2025-12-11';
-- Mizuki files a renewal (登録更新申請) for みずきグループウェア,
-- on Nagisa's audit of 2024-11-01 to 2025-10-31, reported 2025-12-01.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_groupware, :nagisa, 'operating', '2024-11-01', '2025-10-31', '2025-12-01')
  RETURNING audit_id AS mizuki_groupware_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_groupware, 'renewal', ismap.today(), :mizuki_groupware_audit4) RETURNING application_id AS mizuki_groupware_app4 \gset

SET ismap.today = '2025-12-12';
-- みずきチャット's renewal is approved: valid until 2027-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_chat_app3;

SET ismap.today = '2025-12-18';
-- Mizuki's application for みずきグループウェア is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_groupware_app4;

SET ismap.today = '2025-12-22';
-- こもれびワークフロー's renewal is approved: valid until 2027-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_workflow_app4;
-- いろはローコード基盤's renewal is approved: valid until 2027-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_lowcode_app1;

SET ismap.today = '2025-12-23';
-- こもれび電子契約's renewal is approved: valid until 2027-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_esign_app2;

SET ismap.today = '2026-01-06';
-- ほしぞらAI翻訳 (Hoshizora AI Translation) is registered (登録) as C26-0032-1, valid until 2027-01-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_translate_app0 RETURNING registration_id AS hoshizora_translate_reg \gset

SET ismap.today = '2026-01-13';
-- みずきグループウェア's renewal is approved: valid until 2027-02-28.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_groupware_app4;

SET ismap.today = '2026-01-21';
-- Yamanami files a renewal (登録更新申請) for やまなみホスティング,
-- on Aoba's audit of 2024-12-01 to 2025-11-30, reported 2026-01-12.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_hosting, :aoba, 'operating', '2024-12-01', '2025-11-30', '2026-01-12')
  RETURNING audit_id AS yamanami_hosting_audit5 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_hosting, 'renewal', ismap.today(), :yamanami_hosting_audit5) RETURNING application_id AS yamanami_hosting_app5 \gset

SET ismap.today = '2026-01-26';
-- Yamanami's application for やまなみホスティング is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_hosting_app5;

SET ismap.today = '2026-01-29';
-- Komorebi files a renewal (登録更新申請) for こもれび文書管理,
-- on Minato's audit of 2025-01-01 to 2025-12-31, reported 2026-01-26.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_docs, :minato, 'operating', '2025-01-01', '2025-12-31', '2026-01-26')
  RETURNING audit_id AS komorebi_docs_audit5 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_docs, 'renewal', ismap.today(), :komorebi_docs_audit5) RETURNING application_id AS komorebi_docs_app5 \gset

SET ismap.today = '2026-01-30';
-- Asanagi files a renewal (登録更新申請) for あさなぎセキュアメール,
-- on Hibari's audit of 2025-01-01 to 2025-12-31, reported 2026-01-26.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:asanagi_mail, :hibari2, 'operating', '2025-01-01', '2025-12-31', '2026-01-26')
  RETURNING audit_id AS asanagi_mail_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:asanagi_mail, 'renewal', ismap.today(), :asanagi_mail_audit4) RETURNING application_id AS asanagi_mail_app4 \gset

SET ismap.today = '2026-02-03';
-- Hayate files a renewal (登録更新申請) for はやてクラウドストレージ,
-- on Minato's audit of 2025-01-01 to 2025-12-31, reported 2026-01-26.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_storage, :minato, 'operating', '2025-01-01', '2025-12-31', '2026-01-26')
  RETURNING audit_id AS hayate_storage_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_storage, 'renewal', ismap.today(), :hayate_storage_audit3) RETURNING application_id AS hayate_storage_app3 \gset
-- Komorebi's application for こもれび文書管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_docs_app5;

SET ismap.today = '2026-02-05';
-- Asanagi's application for あさなぎセキュアメール is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :asanagi_mail_app4;

SET ismap.today = '2026-02-09';
-- Soyokaze files a renewal (登録更新申請) for そよかぜコンテナサービス,
-- on Aoba's audit of 2025-01-01 to 2025-12-31, reported 2026-01-26.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_containers, :aoba, 'operating', '2025-01-01', '2025-12-31', '2026-01-26')
  RETURNING audit_id AS soyokaze_containers_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_containers, 'renewal', ismap.today(), :soyokaze_containers_audit1) RETURNING application_id AS soyokaze_containers_app1 \gset
-- Hayate's application for はやてクラウドストレージ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_storage_app3;

SET ismap.today = '2026-02-16';
-- Soyokaze's application for そよかぜコンテナサービス is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_containers_app1;

SET ismap.today = '2026-02-20';
-- Yunagi files a new application (登録申請) for ゆうなぎ基幹系ホスティング (Yunagi Core Systems Hosting),
-- on Minato's audit of 2025-01-01 to 2025-12-31, reported 2026-02-09.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yunagi_hosting, :minato, 'operating', '2025-01-01', '2025-12-31', '2026-02-09')
  RETURNING audit_id AS yunagi_hosting_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yunagi_hosting, 'new', ismap.today(), :yunagi_hosting_audit0) RETURNING application_id AS yunagi_hosting_app0 \gset

SET ismap.today = '2026-02-24';
-- Inaho files a renewal (登録更新申請) for いなほ財務会計,
-- on Nagisa's audit of 2025-01-01 to 2025-12-31, reported 2026-02-17.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_accounting, :nagisa, 'operating', '2025-01-01', '2025-12-31', '2026-02-17')
  RETURNING audit_id AS inaho_accounting_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_accounting, 'renewal', ismap.today(), :inaho_accounting_audit2) RETURNING application_id AS inaho_accounting_app2 \gset
-- やまなみホスティング's renewal is approved: valid until 2027-03-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_hosting_app5;

SET ismap.today = '2026-02-25';
-- Yunagi's application for ゆうなぎ基幹系ホスティング is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yunagi_hosting_app0;

SET ismap.today = '2026-03-02';
-- こもれび文書管理's renewal is approved: valid until 2027-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :komorebi_docs_app5;

SET ismap.today = '2026-03-03';
-- Inaho's application for いなほ財務会計 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_accounting_app2;
-- あさなぎセキュアメール's renewal is approved: valid until 2027-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :asanagi_mail_app4;

SET ismap.today = '2026-03-05';
-- はやてクラウドストレージ's renewal is approved: valid until 2027-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_storage_app3;

SET ismap.today = '2026-03-17';
-- そよかぜコンテナサービス's renewal is approved: valid until 2027-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_containers_app1;

SET ismap.today = '2026-04-06';
-- いなほ財務会計's renewal is approved: valid until 2027-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_accounting_app2;

SET ismap.today = '2026-04-13';
-- ゆうなぎ基幹系ホスティング (Yunagi Core Systems Hosting) is registered (登録) as C26-0033-1, valid until 2027-04-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yunagi_hosting_app0 RETURNING registration_id AS yunagi_hosting_reg \gset

SET ismap.today = '2026-05-08';
-- Umineko files a renewal (登録更新申請) for うみねこアンケート,
-- on Hotaru's audit of 2025-04-01 to 2026-03-31, reported 2026-04-28.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_survey, :hotaru, 'operating', '2025-04-01', '2026-03-31', '2026-04-28')
  RETURNING audit_id AS umineko_survey_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_survey, 'renewal', ismap.today(), :umineko_survey_audit3) RETURNING application_id AS umineko_survey_app3 \gset

SET ismap.today = '2026-05-11';
-- Hoshizora files a renewal (登録更新申請) for ほしぞらアナリティクス基盤,
-- on Shirakaba's audit of 2025-04-01 to 2026-03-31, reported 2026-05-06.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_analytics, :shirakaba, 'operating', '2025-04-01', '2026-03-31', '2026-05-06')
  RETURNING audit_id AS hoshizora_analytics_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_analytics, 'renewal', ismap.today(), :hoshizora_analytics_audit4) RETURNING application_id AS hoshizora_analytics_app4 \gset

SET ismap.today = '2026-05-14';
-- Umineko's application for うみねこアンケート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_survey_app3;

SET ismap.today = '2026-05-18';
-- Iroha files a renewal (登録更新申請) for いろは人事給与,
-- on Kohaku's audit of 2025-04-01 to 2026-03-31, reported 2026-05-06.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_hr, :kohaku, 'operating', '2025-04-01', '2026-03-31', '2026-05-06')
  RETURNING audit_id AS iroha_hr_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_hr, 'renewal', ismap.today(), :iroha_hr_audit4) RETURNING application_id AS iroha_hr_app4 \gset
-- Soyokaze files a renewal (登録更新申請) for そよかぜオブジェクトストレージ,
-- on Akebono's audit of 2025-04-01 to 2026-03-31, reported 2026-05-13.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_storage, :akebono, 'operating', '2025-04-01', '2026-03-31', '2026-05-13')
  RETURNING audit_id AS soyokaze_storage_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_storage, 'renewal', ismap.today(), :soyokaze_storage_audit3) RETURNING application_id AS soyokaze_storage_app3 \gset
-- Yamanami files a renewal (登録更新申請) for やまなみバックアップ,
-- on Kamome's audit of 2025-04-01 to 2026-03-31, reported 2026-05-11.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_backup, :kamome, 'operating', '2025-04-01', '2026-03-31', '2026-05-11')
  RETURNING audit_id AS yamanami_backup_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_backup, 'renewal', ismap.today(), :yamanami_backup_audit2) RETURNING application_id AS yamanami_backup_app2 \gset
-- Yunagi files a new application (登録申請) for ゆうなぎ防災情報 (Yunagi Disaster Information),
-- on Nagisa's audit of 2025-04-01 to 2026-03-31, reported 2026-05-06.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yunagi_bousai, :nagisa, 'operating', '2025-04-01', '2026-03-31', '2026-05-06')
  RETURNING audit_id AS yunagi_bousai_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yunagi_bousai, 'new', ismap.today(), :yunagi_bousai_audit0) RETURNING application_id AS yunagi_bousai_app0 \gset
-- Hoshizora's application for ほしぞらアナリティクス基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_analytics_app4;

SET ismap.today = '2026-05-25';
-- Iroha's application for いろは人事給与 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_hr_app4;
-- Soyokaze's application for そよかぜオブジェクトストレージ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_storage_app3;
-- Yamanami's application for やまなみバックアップ is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_backup_app2;
-- Yunagi's application for ゆうなぎ防災情報 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yunagi_bousai_app0;

SET ismap.today = '2026-05-28';
-- Umineko files a renewal (登録更新申請) for うみねこ地図配信,
-- on Ikazuchi's audit of 2025-04-01 to 2026-03-31, reported 2026-05-20.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_maps, :ikazuchi, 'operating', '2025-04-01', '2026-03-31', '2026-05-20')
  RETURNING audit_id AS umineko_maps_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_maps, 'renewal', ismap.today(), :umineko_maps_audit1) RETURNING application_id AS umineko_maps_app1 \gset

SET ismap.today = '2026-06-01';
-- Inaho files a renewal (登録更新申請) for いなほ自治体クラウド,
-- on Tsubasa's audit of 2025-04-01 to 2026-03-31, reported 2026-05-20.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_municipal, :tsubasa, 'operating', '2025-04-01', '2026-03-31', '2026-05-20')
  RETURNING audit_id AS inaho_municipal_audit5 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_municipal, 'renewal', ismap.today(), :inaho_municipal_audit5) RETURNING application_id AS inaho_municipal_app5 \gset

SET ismap.today = '2026-06-02';
-- Umineko's application for うみねこ地図配信 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_maps_app1;

SET ismap.today = '2026-06-05';
-- うみねこアンケート's renewal is approved: valid until 2027-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_survey_app3;

SET ismap.today = '2026-06-08';
-- Inaho's application for いなほ自治体クラウド is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_municipal_app5;

SET ismap.today = '2026-06-10';
-- ほしぞらアナリティクス基盤's renewal is approved: valid until 2027-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_analytics_app4;

SET ismap.today = '2026-06-18';
-- いろは人事給与's renewal is approved: valid until 2027-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :iroha_hr_app4;

SET ismap.today = '2026-06-19';
-- そよかぜオブジェクトストレージ's renewal is approved: valid until 2027-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_storage_app3;
-- やまなみバックアップ's renewal is approved: valid until 2027-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamanami_backup_app2;

SET ismap.today = '2026-07-02';
-- ゆうなぎ防災情報 (Yunagi Disaster Information) is registered (登録) as C26-0034-1, valid until 2027-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yunagi_bousai_app0 RETURNING registration_id AS yunagi_bousai_reg \gset

SET ismap.today = '2026-07-06';
-- いなほ自治体クラウド's renewal is approved: valid until 2027-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_municipal_app5;
-- うみねこ地図配信's renewal is approved: valid until 2027-07-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_maps_app1;

SET ismap.today = '2026-08-05';
-- Soyokaze files a renewal (登録更新申請) for そよかぜマネージドデータベース,
-- on Akebono's audit of 2025-07-01 to 2026-06-30, reported 2026-07-27.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:soyokaze_db, :akebono, 'operating', '2025-07-01', '2026-06-30', '2026-07-27')
  RETURNING audit_id AS soyokaze_db_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:soyokaze_db, 'renewal', ismap.today(), :soyokaze_db_audit4) RETURNING application_id AS soyokaze_db_app4 \gset

SET ismap.today = '2026-08-10';
-- Hayate files a renewal (登録更新申請) for はやてクラウドコンピュート,
-- on Shirakaba's audit of 2025-07-01 to 2026-06-30, reported 2026-07-29.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_compute, :shirakaba, 'operating', '2025-07-01', '2026-06-30', '2026-07-29')
  RETURNING audit_id AS hayate_compute_audit5 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_compute, 'renewal', ismap.today(), :hayate_compute_audit5) RETURNING application_id AS hayate_compute_app5 \gset
-- Hoshizora files a renewal (登録更新申請) for ほしぞらID管理,
-- on Yamabuki's audit of 2025-07-01 to 2026-06-30, reported 2026-07-29.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_id, :yamabuki, 'operating', '2025-07-01', '2026-06-30', '2026-07-29')
  RETURNING audit_id AS hoshizora_id_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_id, 'renewal', ismap.today(), :hoshizora_id_audit3) RETURNING application_id AS hoshizora_id_app3 \gset

SET ismap.today = '2026-08-12';
-- Umineko files a renewal (登録更新申請) for うみねこ問い合わせ管理,
-- on Nagisa's audit of 2025-07-01 to 2026-06-30, reported 2026-08-03.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:umineko_helpdesk, :nagisa, 'operating', '2025-07-01', '2026-06-30', '2026-08-03')
  RETURNING audit_id AS umineko_helpdesk_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:umineko_helpdesk, 'renewal', ismap.today(), :umineko_helpdesk_audit4) RETURNING application_id AS umineko_helpdesk_app4 \gset
-- Soyokaze's application for そよかぜマネージドデータベース is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :soyokaze_db_app4;

SET ismap.today = '2026-08-14';
-- Hoshizora files a renewal (登録更新申請) for ほしぞらログ監視,
-- on Aoba's audit of 2025-07-01 to 2026-06-30, reported 2026-08-10.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_logs, :aoba, 'operating', '2025-07-01', '2026-06-30', '2026-08-10')
  RETURNING audit_id AS hoshizora_logs_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_logs, 'renewal', ismap.today(), :hoshizora_logs_audit4) RETURNING application_id AS hoshizora_logs_app4 \gset

SET ismap.today = '2026-08-17';
-- Mizuki files a renewal (登録更新申請) for みずきファイル共有,
-- on Hotaru's audit of 2025-07-01 to 2026-06-30, reported 2026-08-10.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_files, :hotaru, 'operating', '2025-07-01', '2026-06-30', '2026-08-10')
  RETURNING audit_id AS mizuki_files_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_files, 'renewal', ismap.today(), :mizuki_files_audit2) RETURNING application_id AS mizuki_files_app2 \gset
-- Hayate's application for はやてクラウドコンピュート is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_compute_app5;
-- Hoshizora's application for ほしぞらID管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_id_app3;
-- The committee suspends うみねこアンケート (一時停止).
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
  VALUES (:umineko_survey_reg, 'suspend', ismap.today(),
          '重大インシデントの確報を運営委員会の定めた期限までに提出しないため / the final report (確報) of a serious incident was not filed by the committee''s deadline');

SET ismap.today = '2026-08-19';
-- Umineko's application for うみねこ問い合わせ管理 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :umineko_helpdesk_app4;
-- Hoshizora's application for ほしぞらログ監視 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_logs_app4;

SET ismap.today = '2026-08-24';
-- Mizuki's application for みずきファイル共有 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_files_app2;

SET ismap.today = '2026-08-31';
-- Inaho files a renewal (登録更新申請) for いなほアプリケーション基盤,
-- on Minato's audit of 2025-08-01 to 2026-07-31, reported 2026-08-26.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:inaho_appplatform, :minato, 'operating', '2025-08-01', '2026-07-31', '2026-08-26')
  RETURNING audit_id AS inaho_appplatform_audit5 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:inaho_appplatform, 'renewal', ismap.today(), :inaho_appplatform_audit5) RETURNING application_id AS inaho_appplatform_app5 \gset

SET ismap.today = '2026-09-07';
-- Inaho's application for いなほアプリケーション基盤 is accepted (受理).
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :inaho_appplatform_app5;
-- そよかぜマネージドデータベース's renewal is approved: valid until 2027-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :soyokaze_db_app4;

SET ismap.today = '2026-09-09';
-- ほしぞらログ監視's renewal is approved: valid until 2027-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_logs_app4;

SET ismap.today = '2026-09-11';
-- うみねこ問い合わせ管理's renewal is approved: valid until 2027-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :umineko_helpdesk_app4;

SET ismap.today = '2026-09-14';
-- ほしぞらID管理's renewal is approved: valid until 2027-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hoshizora_id_app3;

SET ismap.today = '2026-09-18';
-- みずきファイル共有's renewal is approved: valid until 2027-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :mizuki_files_app2;

SET ismap.today = '2026-09-21';
-- はやてクラウドコンピュート's renewal is approved: valid until 2027-10-31.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hayate_compute_app5;

SET ismap.today = '2026-09-30';
-- Yamanami files a renewal (登録更新申請) for やまなみプライベートクラウド, on the last day of its term,
-- on Aoba's audit of 2025-06-01 to 2026-05-31, reported 2026-07-03.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yamanami_private, :aoba, 'operating', '2025-06-01', '2026-05-31', '2026-07-03')
  RETURNING audit_id AS yamanami_private_audit5 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yamanami_private, 'renewal', ismap.today(), :yamanami_private_audit5) RETURNING application_id AS yamanami_private_app5 \gset

SET ismap.today = '2026-10-05';
-- いなほアプリケーション基盤's renewal is approved: valid until 2027-11-30.
UPDATE ismap.service_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :inaho_appplatform_app5;

SET ismap.today = '2026-10-07';
-- Yamanami's application for やまなみプライベートクラウド is accepted (受理); the decision is still pending.
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yamanami_private_app5;

SET ismap.today = '2026-10-23';
-- Iroha files a renewal (登録更新申請) for いろは電子申請,
-- on Ikazuchi's audit of 2025-07-01 to 2026-06-30, reported 2026-07-30.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_eapp, :ikazuchi, 'operating', '2025-07-01', '2026-06-30', '2026-07-30')
  RETURNING audit_id AS iroha_eapp_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_eapp, 'renewal', ismap.today(), :iroha_eapp_audit4) RETURNING application_id AS iroha_eapp_app4 \gset

SET ismap.today = '2026-10-29';
-- Hoshizora files a renewal (登録更新申請) for ほしぞらAI翻訳,
-- on Hibari's audit of 2025-10-01 to 2026-09-30, reported 2026-10-26.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hoshizora_translate, :hibari2, 'operating', '2025-10-01', '2026-09-30', '2026-10-26')
  RETURNING audit_id AS hoshizora_translate_audit1 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hoshizora_translate, 'renewal', ismap.today(), :hoshizora_translate_audit1) RETURNING application_id AS hoshizora_translate_app1 \gset

SET ismap.today = '2026-10-30';
-- Hayate files a renewal (登録更新申請) for はやてマネージドKubernetes,
-- on Shirakaba's audit of 2025-07-01 to 2026-06-30, reported 2026-08-10.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:hayate_k8s, :shirakaba, 'operating', '2025-07-01', '2026-06-30', '2026-08-10')
  RETURNING audit_id AS hayate_k8s_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:hayate_k8s, 'renewal', ismap.today(), :hayate_k8s_audit3) RETURNING application_id AS hayate_k8s_app3 \gset
-- Iroha's application for いろは電子申請 is accepted (受理); the decision is still pending.
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :iroha_eapp_app4;

SET ismap.today = '2026-11-04';
-- Hoshizora's application for ほしぞらAI翻訳 is accepted (受理); the decision is still pending.
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hoshizora_translate_app1;

SET ismap.today = '2026-11-05';
-- Komorebi files a renewal (登録更新申請) for こもれび電子契約,
-- on Hibari's audit of 2025-10-01 to 2026-09-30, reported 2026-11-02.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_esign, :hibari2, 'operating', '2025-10-01', '2026-09-30', '2026-11-02')
  RETURNING audit_id AS komorebi_esign_audit3 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_esign, 'renewal', ismap.today(), :komorebi_esign_audit3) RETURNING application_id AS komorebi_esign_app3 \gset

SET ismap.today = '2026-11-06';
-- Hayate's application for はやてマネージドKubernetes is accepted (受理); the decision is still pending.
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :hayate_k8s_app3;

SET ismap.today = '2026-11-09';
-- Komorebi files a renewal (登録更新申請) for こもれびワークフロー,
-- on Kamome's audit of 2025-10-01 to 2026-09-30, reported 2026-11-02.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:komorebi_workflow, :kamome, 'operating', '2025-10-01', '2026-09-30', '2026-11-02')
  RETURNING audit_id AS komorebi_workflow_audit5 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:komorebi_workflow, 'renewal', ismap.today(), :komorebi_workflow_audit5) RETURNING application_id AS komorebi_workflow_app5 \gset

SET ismap.today = '2026-11-10';
-- Komorebi's application for こもれび電子契約 is accepted (受理); the decision is still pending.
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_esign_app3;

SET ismap.today = '2026-11-11';
-- Mizuki files a renewal (登録更新申請) for みずきチャット,
-- on Tsubasa's audit of 2025-10-01 to 2026-09-30, reported 2026-11-06.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:mizuki_chat, :tsubasa, 'operating', '2025-10-01', '2026-09-30', '2026-11-06')
  RETURNING audit_id AS mizuki_chat_audit4 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:mizuki_chat, 'renewal', ismap.today(), :mizuki_chat_audit4) RETURNING application_id AS mizuki_chat_app4 \gset

SET ismap.today = '2026-11-13';
-- Yunagi files a new application (登録申請) for ゆうなぎ窓口予約 (Yunagi Counter Booking),
-- on Yamabuki's audit of 2025-10-01 to 2026-09-30, reported 2026-11-06.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:yunagi_madoguchi, :yamabuki, 'operating', '2025-10-01', '2026-09-30', '2026-11-06')
  RETURNING audit_id AS yunagi_madoguchi_audit0 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:yunagi_madoguchi, 'new', ismap.today(), :yunagi_madoguchi_audit0) RETURNING application_id AS yunagi_madoguchi_app0 \gset

SET ismap.today = '2026-11-16';
-- Iroha files a renewal (登録更新申請) for いろはローコード基盤,
-- on Tsubasa's audit of 2025-10-01 to 2026-09-30, reported 2026-11-13.
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
  VALUES (:iroha_lowcode, :tsubasa, 'operating', '2025-10-01', '2026-09-30', '2026-11-13')
  RETURNING audit_id AS iroha_lowcode_audit2 \gset
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
  VALUES (:iroha_lowcode, 'renewal', ismap.today(), :iroha_lowcode_audit2) RETURNING application_id AS iroha_lowcode_app2 \gset
-- Komorebi's application for こもれびワークフロー is accepted (受理); the decision is still pending.
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :komorebi_workflow_app5;
-- Mizuki's application for みずきチャット is accepted (受理); the decision is still pending.
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :mizuki_chat_app4;

SET ismap.today = '2026-11-20';
-- Yunagi's application for ゆうなぎ窓口予約 is accepted (受理); the decision is still pending.
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = :yunagi_madoguchi_app0;

COMMIT;

-- Back to the session's own day (the real one, unless the database pins
-- one, as the demo's does once loaded).
RESET ismap.today;
