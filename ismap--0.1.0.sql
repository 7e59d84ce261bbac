-- ismap: the ISMAP registries, with the scheme's rules enforced in C.
-- This script is assembled by the Makefile from src/sql/*.sql, in order.
\echo Use "CREATE EXTENSION ismap" to load this file. \quit

CREATE SCHEMA ismap;
COMMENT ON SCHEMA ismap IS
  'ISMAP（政府情報システムのためのセキュリティ評価制度）の登録簿: クラウドサービスリストと監査機関リスト / the ISMAP registries';
-- Enumerations of the design contract.

CREATE TYPE ismap.application_kind AS ENUM ('new', 'renewal');
COMMENT ON TYPE ismap.application_kind IS '申請の種別: new 新規登録申請 / renewal 登録更新申請';

CREATE TYPE ismap.application_status AS ENUM
  ('submitted', 'accepted', 'returned', 'approved', 'rejected', 'withdrawn');
COMMENT ON TYPE ismap.application_status IS
  '申請の状態: submitted 申請, accepted 受理, returned 不受理, approved 登録, rejected 登録拒否, withdrawn 取下げ';

CREATE TYPE ismap.assessment AS ENUM ('design', 'operating');
COMMENT ON TYPE ismap.assessment IS
  '監査の手続: design 整備状況評価のみ, operating 運用状況評価（整備状況評価を含む）';

CREATE TYPE ismap.service_model AS ENUM ('IaaS', 'PaaS', 'SaaS');
COMMENT ON TYPE ismap.service_model IS 'サービスモデル (IaaS, PaaS, SaaS)';

CREATE TYPE ismap.program AS ENUM ('ismap', 'ismap_liu');
COMMENT ON TYPE ismap.program IS '制度: ismap (ISMAP), ismap_liu (ISMAP-LIU)';

CREATE TYPE ismap.listing_status AS ENUM
  ('valid', 'renewal_pending', 'suspended', 'expired', 'removed');
COMMENT ON TYPE ismap.listing_status IS
  '登録の状態（導出）: valid 有効, renewal_pending 更新審査中, suspended 一時停止, expired 失効, removed 削除';

CREATE TYPE ismap.status_action AS ENUM ('suspend', 'lift', 'remove');
COMMENT ON TYPE ismap.status_action IS '登録の状態の変更: suspend 一時停止, lift 一時停止の解除, remove 削除';

-- The facts of a registration that its status on any day depends on, kept
-- on the registration row by the extension so that the public list needs
-- no lookup per row.  The tables behind them remain the record.
CREATE TYPE ismap.registration_facts AS (
  term_in_force_from      date[],
  term_audit_period_start date[],
  term_audit_period_end   date[],
  term_valid_until        date[],
  term_audit_id           bigint[],
  term_auditor_id         bigint[],
  renewal_filed_on        date[],
  renewal_decided_on      date[],
  change_action           text[],
  change_effective_on     date[]
);
COMMENT ON TYPE ismap.registration_facts IS
  '登録の状態の判定に必要な事実の写し（拡張機能が維持） / copy of the facts a registration''s status depends on, maintained by the extension';
-- Foundations: the scheme's day, its settings, and the period arithmetic.

CREATE FUNCTION ismap.today() RETURNS date
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'ismap_today_sql';
COMMENT ON FUNCTION ismap.today() IS
  '本制度の「今日」: ismap.timezone（既定 Asia/Tokyo）の暦日。ismap.today で固定可（スーパーユーザー） / the scheme''s current day';

-- Settings: defaults that come with the extension, overridden by the values
-- the committee sets.  Only the overrides are user data (dumped).
CREATE TABLE ismap.setting_defaults (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  description text NOT NULL
);
COMMENT ON TABLE ismap.setting_defaults IS
  '設定値の既定値（拡張機能に付属） / default values of the settings, shipped with the extension';
COMMENT ON COLUMN ismap.setting_defaults.name IS '設定名 / setting name';
COMMENT ON COLUMN ismap.setting_defaults.value IS '既定値 / default value';
COMMENT ON COLUMN ismap.setting_defaults.description IS '説明 / what the setting means and which rule reads it';

INSERT INTO ismap.setting_defaults (name, value, description) VALUES
  ('auditor_validity', '2 years',
   '監査機関の登録の有効期間（申請日から） / validity of an auditor registration, from the application date (aud_validity)'),
  ('auditor_compliance_report_after', '1 year',
   '監査機関の遵守状況報告の時期（申請日から） / when an auditor''s compliance report falls due, after the application date (aud_compliance_report)'),
  ('service_validity', '1 year 4 months',
   'クラウドサービスの登録の有効期間（監査対象期間の末日の翌日から） / validity of a service registration, from the day after its audit period (svc_validity)'),
  ('audit_period_max', '1 year',
   '監査対象期間の上限 / longest audit period (svc_audit_period)'),
  ('audit_period_min', '3 months',
   '監査対象期間の下限 / shortest audit period (svc_audit_period)'),
  ('scheme_start', '2020-06-01',
   '本制度の施行日 / the day the scheme started (svc_audit_kind, 附則3)'),
  ('design_only_window', '1 year',
   '施行後、整備状況評価のみの監査で申請できる期間 / after the start, how long a design-only audit suffices (svc_audit_kind, 附則3)');

CREATE TABLE ismap.setting_overrides (
  name  text PRIMARY KEY REFERENCES ismap.setting_defaults,
  value text NOT NULL
);
COMMENT ON TABLE ismap.setting_overrides IS
  '運営委員会が改定した設定値 / setting values changed by the committee (write them through ismap.settings)';
COMMENT ON COLUMN ismap.setting_overrides.name IS '設定名 / setting name';
COMMENT ON COLUMN ismap.setting_overrides.value IS '設定値 / value in force';

CREATE VIEW ismap.settings AS
  SELECT d.name, COALESCE(o.value, d.value) AS value, d.value AS default_value, d.description
    FROM ismap.setting_defaults d
    LEFT JOIN ismap.setting_overrides o ON o.name OPERATOR(pg_catalog.=) d.name;
COMMENT ON VIEW ismap.settings IS
  '制度の設定値（登録規則で改定されうる数値）。value を更新して改定する / figures of the scheme that the committee revises; UPDATE value to change one (validated)';
COMMENT ON COLUMN ismap.settings.name IS '設定名 / setting name';
COMMENT ON COLUMN ismap.settings.value IS '設定値（月数の期間または日付） / value in force: a period in whole months, or a date';
COMMENT ON COLUMN ismap.settings.default_value IS '既定値 / the value the extension ships with';
COMMENT ON COLUMN ismap.settings.description IS '説明 / what the setting means and which rule reads it';

CREATE FUNCTION ismap.auditor_valid_until(applied_on date) RETURNS date
  LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_auditor_valid_until';
COMMENT ON FUNCTION ismap.auditor_valid_until(date) IS
  '監査機関の登録の有効期限: 申請日の翌日から起算し民法の期間計算による（aud_validity） / end of an auditor validity term';

CREATE FUNCTION ismap.service_valid_until(audit_period_end date) RETURNS date
  LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_service_valid_until';
COMMENT ON FUNCTION ismap.service_valid_until(date) IS
  'クラウドサービスの登録の有効期限: 監査対象期間の末日の翌日から起算し民法の期間計算による（svc_validity） / end of a service validity term';

CREATE FUNCTION ismap.corporate_number_is_valid(corporate_number text) RETURNS boolean
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'ismap_corporate_number_is_valid';
COMMENT ON FUNCTION ismap.corporate_number_is_valid(text) IS
  '法人番号（13桁）の検査用数字が正しいか / whether a 13-digit corporate number has a correct check digit';

-- Guards shared by every registry table.
CREATE FUNCTION ismap.refuse_truncate() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_refuse_truncate';
COMMENT ON FUNCTION ismap.refuse_truncate() IS
  'トリガー: 登録簿の表の TRUNCATE を拒否する / trigger: registry tables are never truncated';

CREATE FUNCTION ismap.written_by_extension() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_written_by_extension';
COMMENT ON FUNCTION ismap.written_by_extension() IS
  'トリガー: 拡張機能だけが書き込む表への直接の書込みを拒否する / trigger: refuses direct writes to tables that only the extension writes';

CREATE FUNCTION ismap.settings_write() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_settings_write';
COMMENT ON FUNCTION ismap.settings_write() IS
  'トリガー: 設定値を検証して改定する / trigger: validates and writes a setting through the view';
CREATE FUNCTION ismap.setting_overrides_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_setting_overrides_check';
COMMENT ON FUNCTION ismap.setting_overrides_check() IS
  'トリガー: 設定値を検証する / trigger: validates a setting written directly';

CREATE TRIGGER settings_write INSTEAD OF INSERT OR UPDATE OR DELETE ON ismap.settings
  FOR EACH ROW EXECUTE FUNCTION ismap.settings_write();
CREATE TRIGGER setting_overrides_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.setting_overrides
  FOR EACH ROW EXECUTE FUNCTION ismap.setting_overrides_check();
CREATE TRIGGER setting_overrides_no_truncate BEFORE TRUNCATE ON ismap.setting_overrides
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('setting_value');
CREATE TRIGGER setting_defaults_written_by_extension
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.setting_defaults
  FOR EACH ROW EXECUTE FUNCTION ismap.written_by_extension('setting_value');
CREATE TRIGGER setting_defaults_no_truncate BEFORE TRUNCATE ON ismap.setting_defaults
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('setting_value');

SELECT pg_catalog.pg_extension_config_dump('ismap.setting_overrides', '');
-- Organizations: providers of cloud services and auditors, by 法人番号.

CREATE TABLE ismap.organizations (
  organization_id  bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  corporate_number text NOT NULL UNIQUE,
  name             text NOT NULL,
  name_en          text
);
COMMENT ON TABLE ismap.organizations IS '法人（クラウドサービス事業者・監査機関） / organizations: cloud service providers and auditors';
COMMENT ON COLUMN ismap.organizations.organization_id IS '法人ID / organization id';
COMMENT ON COLUMN ismap.organizations.corporate_number IS '法人番号（13桁、先頭は検査用数字） / 13-digit corporate number, check digit verified';
COMMENT ON COLUMN ismap.organizations.name IS '商号又は名称 / registered name';
COMMENT ON COLUMN ismap.organizations.name_en IS '英文名称 / English name';

CREATE FUNCTION ismap.organizations_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_organizations_check';
COMMENT ON FUNCTION ismap.organizations_check() IS
  'トリガー: 法人番号と名称を検証する / trigger: checks the corporate number and the name';

CREATE TRIGGER organizations_check BEFORE INSERT OR UPDATE ON ismap.organizations
  FOR EACH ROW EXECUTE FUNCTION ismap.organizations_check();
-- ismap declares no foreign keys between its registry tables: each row's
-- trigger checks and locks what the row refers to (see src/references.c).
-- This trigger does the other half for the two tables users may delete from.
CREATE FUNCTION ismap.keep_references() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_keep_references';
COMMENT ON FUNCTION ismap.keep_references() IS
  'トリガー: 参照されている法人・クラウドサービスの削除とIDの変更を拒否する（sec_history） / trigger: a referenced organization or service is never deleted, and ids never change';

CREATE TRIGGER organizations_keep_references BEFORE UPDATE OR DELETE ON ismap.organizations
  FOR EACH ROW EXECUTE FUNCTION ismap.keep_references();
CREATE TRIGGER organizations_no_truncate BEFORE TRUNCATE ON ismap.organizations
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');

SELECT pg_catalog.pg_extension_config_dump('ismap.organizations', '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.organizations', 'organization_id'), '');
-- The auditor registry (監査機関リスト), chapter 4.

CREATE TABLE ismap.auditors (
  auditor_id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  registration_number text NOT NULL UNIQUE,
  organization_id     bigint NOT NULL,
  registered_on       date NOT NULL,
  valid_from          date NOT NULL,
  valid_until         date NOT NULL,
  facts               ismap.registration_facts,
  CHECK (valid_from <= valid_until)
);
CREATE INDEX ON ismap.auditors (organization_id);
COMMENT ON TABLE ismap.auditors IS
  '登録された監査機関（監査機関リストの各行）。登録申請の承認によってのみ作られる / registered auditors, written only by the extension on approval';
COMMENT ON COLUMN ismap.auditors.auditor_id IS '監査機関ID / auditor id';
COMMENT ON COLUMN ismap.auditors.registration_number IS '登録番号（A+登録年下2桁-連番） / registration number';
COMMENT ON COLUMN ismap.auditors.organization_id IS '法人 / the organization registered';
COMMENT ON COLUMN ismap.auditors.registered_on IS '登録日（最初の登録の決定日） / registration date (first approval)';
COMMENT ON COLUMN ismap.auditors.valid_from IS '現在の有効期間の起算の基礎となる申請日 / application date the current term counts from';
COMMENT ON COLUMN ismap.auditors.valid_until IS '現在の有効期間の有効期限 / end of the current (latest) validity term';
COMMENT ON COLUMN ismap.auditors.facts IS '状態の判定に用いる事実の写し（拡張機能が維持） / facts kept for the lists and the rule checks, maintained by the extension';

CREATE SEQUENCE ismap.auditor_registration_serial;
COMMENT ON SEQUENCE ismap.auditor_registration_serial IS '監査機関の登録番号の連番 / serial of auditor registration numbers';

CREATE TABLE ismap.auditor_applications (
  application_id  bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id bigint NOT NULL,
  kind            ismap.application_kind NOT NULL DEFAULT 'new',
  applied_on      date NOT NULL,
  status          ismap.application_status NOT NULL DEFAULT 'submitted',
  decided_on      date,
  auditor_id      bigint
);
CREATE INDEX ON ismap.auditor_applications (organization_id);
CREATE INDEX ON ismap.auditor_applications (auditor_id);
-- One undecided renewal per auditor, one undecided new application per
-- organization: the triggers say so first; these indexes settle races.
CREATE UNIQUE INDEX auditor_applications_one_open_renewal
  ON ismap.auditor_applications (auditor_id)
  WHERE kind = 'renewal' AND status IN ('submitted', 'accepted');
CREATE UNIQUE INDEX auditor_applications_one_open_new
  ON ismap.auditor_applications (organization_id)
  WHERE kind = 'new' AND status IN ('submitted', 'accepted');
COMMENT ON TABLE ismap.auditor_applications IS '監査機関の登録申請・登録更新申請（4.1〜4.4） / auditor applications, new and renewal';
COMMENT ON COLUMN ismap.auditor_applications.application_id IS '申請ID / application id';
COMMENT ON COLUMN ismap.auditor_applications.organization_id IS '申請者（法人） / the applying organization';
COMMENT ON COLUMN ismap.auditor_applications.kind IS '新規（new）又は更新（renewal） / new or renewal';
COMMENT ON COLUMN ismap.auditor_applications.applied_on IS '申請日 / the day the application was filed';
COMMENT ON COLUMN ismap.auditor_applications.status IS '申請の状態 / application status';
COMMENT ON COLUMN ismap.auditor_applications.decided_on IS '決定日（不受理・登録・登録拒否・取下げの日） / day of the final decision';
COMMENT ON COLUMN ismap.auditor_applications.auditor_id IS
  '更新する監査機関（更新申請）又は登録により作られた監査機関（新規申請） / auditor renewed, or created by approval';

CREATE TABLE ismap.auditor_terms (
  auditor_id     bigint NOT NULL,
  term_no        integer NOT NULL,
  application_id bigint NOT NULL UNIQUE,
  in_force_from  date NOT NULL,
  valid_from     date NOT NULL,
  valid_until    date NOT NULL,
  PRIMARY KEY (auditor_id, term_no)
);
COMMENT ON TABLE ismap.auditor_terms IS
  '監査機関の登録の有効期間の履歴（登録・更新ごとに1行） / every validity term of every auditor, one per approval';
COMMENT ON COLUMN ismap.auditor_terms.auditor_id IS '監査機関 / auditor';
COMMENT ON COLUMN ismap.auditor_terms.term_no IS '期の番号（1が最初の登録） / term number, 1 for the first registration';
COMMENT ON COLUMN ismap.auditor_terms.application_id IS '承認された申請 / the approved application';
COMMENT ON COLUMN ismap.auditor_terms.in_force_from IS '効力発生日（承認の決定日） / in force from the approval';
COMMENT ON COLUMN ismap.auditor_terms.valid_from IS '起算の基礎となる申請日 / application date the term counts from';
COMMENT ON COLUMN ismap.auditor_terms.valid_until IS '有効期限 / end of the term';

CREATE TABLE ismap.auditor_status_changes (
  change_id    bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  auditor_id   bigint NOT NULL,
  action       ismap.status_action NOT NULL,
  effective_on date NOT NULL,
  grounds      text NOT NULL
);
CREATE INDEX ON ismap.auditor_status_changes (auditor_id, effective_on);
COMMENT ON TABLE ismap.auditor_status_changes IS '監査機関の登録の一時停止・解除・削除（5.4） / suspensions, lifts and removals of auditors';
COMMENT ON COLUMN ismap.auditor_status_changes.change_id IS '変更ID / change id';
COMMENT ON COLUMN ismap.auditor_status_changes.auditor_id IS '監査機関 / auditor';
COMMENT ON COLUMN ismap.auditor_status_changes.action IS '一時停止・解除・削除 / suspend, lift or remove';
COMMENT ON COLUMN ismap.auditor_status_changes.effective_on IS '効力発生日 / effective date';
COMMENT ON COLUMN ismap.auditor_status_changes.grounds IS '理由 / grounds of the decision';

CREATE TABLE ismap.auditor_compliance_reports (
  report_id      bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  auditor_id     bigint NOT NULL,
  application_id bigint NOT NULL UNIQUE,
  due_on         date NOT NULL,
  filed_on       date
);
CREATE INDEX ON ismap.auditor_compliance_reports (auditor_id);
CREATE INDEX ON ismap.auditor_compliance_reports (due_on) WHERE filed_on IS NULL;
COMMENT ON TABLE ismap.auditor_compliance_reports IS
  '監査機関要求基準への遵守状況の報告（4.6） / auditors'' compliance reports, due one year after each approved application';
COMMENT ON COLUMN ismap.auditor_compliance_reports.report_id IS '報告ID / report id';
COMMENT ON COLUMN ismap.auditor_compliance_reports.auditor_id IS '監査機関 / auditor';
COMMENT ON COLUMN ismap.auditor_compliance_reports.application_id IS '報告の起算となる申請 / the application the report follows';
COMMENT ON COLUMN ismap.auditor_compliance_reports.due_on IS '報告期限（申請日の1年後） / due date';
COMMENT ON COLUMN ismap.auditor_compliance_reports.filed_on IS '報告日 / the day it was filed';

-- Keeps the copy of a registration's facts on its row (auditors and services).
CREATE FUNCTION ismap.facts_refresh() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_facts_refresh';
COMMENT ON FUNCTION ismap.facts_refresh() IS
  'トリガー: 登録の行に状態の判定に必要な事実の写しを保ち、本日のリストが変われば ismap_list_changed を通知する / trigger: keeps the facts copy on the registration row and notifies ismap_list_changed';

-- Triggers: the rules of chapter 4, in C.
CREATE FUNCTION ismap.auditor_applications_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_auditor_applications_check';
COMMENT ON FUNCTION ismap.auditor_applications_check() IS
  'トリガー: 監査機関の申請の流れと登録・更新（aud_application_flow, aud_renewal_grace, aud_validity） / trigger: auditor application flow and approval';

CREATE FUNCTION ismap.auditor_status_changes_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_auditor_status_changes_check';
COMMENT ON FUNCTION ismap.auditor_status_changes_check() IS
  'トリガー: 監査機関の一時停止・解除・削除（ovs_suspension） / trigger: auditor suspension, lift and removal';

CREATE FUNCTION ismap.compliance_reports_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_compliance_reports_check';
COMMENT ON FUNCTION ismap.compliance_reports_check() IS
  'トリガー: 遵守状況報告の提出（aud_compliance_report） / trigger: compliance report filing';

CREATE TRIGGER auditor_applications_check
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.auditor_applications
  FOR EACH ROW EXECUTE FUNCTION ismap.auditor_applications_check();
CREATE TRIGGER auditors_written_by_extension
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.auditors
  FOR EACH ROW EXECUTE FUNCTION ismap.written_by_extension('aud_application_flow');
CREATE TRIGGER auditor_terms_written_by_extension
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.auditor_terms
  FOR EACH ROW EXECUTE FUNCTION ismap.written_by_extension('aud_validity');
CREATE TRIGGER auditor_status_changes_check
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.auditor_status_changes
  FOR EACH ROW EXECUTE FUNCTION ismap.auditor_status_changes_check();
CREATE TRIGGER auditor_applications_refresh AFTER INSERT OR UPDATE ON ismap.auditor_applications
  FOR EACH ROW EXECUTE FUNCTION ismap.facts_refresh('auditor', 'auditor_id');
CREATE TRIGGER auditor_status_changes_refresh AFTER INSERT ON ismap.auditor_status_changes
  FOR EACH ROW EXECUTE FUNCTION ismap.facts_refresh('auditor', 'auditor_id');
CREATE TRIGGER compliance_reports_check
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.auditor_compliance_reports
  FOR EACH ROW EXECUTE FUNCTION ismap.compliance_reports_check();

CREATE TRIGGER auditors_no_truncate BEFORE TRUNCATE ON ismap.auditors
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER auditor_applications_no_truncate BEFORE TRUNCATE ON ismap.auditor_applications
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER auditor_terms_no_truncate BEFORE TRUNCATE ON ismap.auditor_terms
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER auditor_status_changes_no_truncate BEFORE TRUNCATE ON ismap.auditor_status_changes
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER compliance_reports_no_truncate BEFORE TRUNCATE ON ismap.auditor_compliance_reports
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');

SELECT pg_catalog.pg_extension_config_dump('ismap.auditors', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.auditor_applications', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.auditor_terms', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.auditor_status_changes', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.auditor_compliance_reports', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.auditor_registration_serial', '');
-- One call per statement: each call rewrites the pg_extension row.
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.auditors', 'auditor_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.auditor_applications', 'application_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.auditor_status_changes', 'change_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.auditor_compliance_reports', 'report_id'), '');
-- Read side of the auditor registry: status on any day, and the public list.

CREATE FUNCTION ismap.auditor_status(auditor_id bigint, as_of date DEFAULT ismap.today())
  RETURNS ismap.listing_status
  LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_auditor_status';
COMMENT ON FUNCTION ismap.auditor_status(bigint, date) IS
  '監査機関の登録のある日の状態（登録前は NULL） / listing status of an auditor on a day, from the stored facts';

CREATE FUNCTION ismap.auditor_standing(auditor_id bigint, as_of date,
                                       OUT status ismap.listing_status,
                                       OUT valid_until date)
  LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_auditor_standing';
COMMENT ON FUNCTION ismap.auditor_standing(bigint, date) IS
  '監査機関のある日の状態とその日に効力のある有効期限 / status of an auditor on a day, and the expiry of the term in force that day';

CREATE FUNCTION ismap.registration_standing(facts ismap.registration_facts, registered_on date, day date,
                                            OUT status ismap.listing_status,
                                            OUT audit_period_start date, OUT audit_period_end date,
                                            OUT valid_until date, OUT audit_id bigint,
                                            OUT auditor_id bigint, OUT renewal_filed_on date)
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'ismap_registration_standing';
COMMENT ON FUNCTION ismap.registration_standing(ismap.registration_facts, date, date) IS
  '登録の行に保たれた事実からある日の状態、その日の有効期間、審査中の更新申請の申請日を求める / status on a day, the term in force and a pending renewal''s filing date, from the facts kept on a registration row';

CREATE FUNCTION ismap.auditor_list_at(day date)
  RETURNS TABLE (auditor_id bigint, registration_number text, name text, name_en text,
                 corporate_number text, registered_on date, valid_until date,
                 status ismap.listing_status)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT a.auditor_id, a.registration_number, o.name, o.name_en, o.corporate_number,
           a.registered_on, s.valid_until, s.status
      FROM ismap.auditors a
      JOIN ismap.organizations o ON o.organization_id OPERATOR(pg_catalog.=) a.organization_id
     CROSS JOIN LATERAL ismap.registration_standing(a.facts, a.registered_on, day) s
     WHERE s.status OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
     ORDER BY a.registration_number
  $$;
COMMENT ON FUNCTION ismap.auditor_list_at(date) IS
  'ある日の ISMAP 監査機関リスト（一時停止中は suspended と表示） / the public auditor list as it stood on a day';

CREATE VIEW ismap.auditor_list WITH (security_barrier) AS
  SELECT * FROM ismap.auditor_list_at(ismap.today());
COMMENT ON VIEW ismap.auditor_list IS '本日の ISMAP 監査機関リスト（aud_public_list） / the public auditor list today';
COMMENT ON COLUMN ismap.auditor_list.auditor_id IS '監査機関ID / auditor id';
COMMENT ON COLUMN ismap.auditor_list.registration_number IS '登録番号 / registration number';
COMMENT ON COLUMN ismap.auditor_list.name IS '名称 / name';
COMMENT ON COLUMN ismap.auditor_list.name_en IS '英文名称 / English name';
COMMENT ON COLUMN ismap.auditor_list.corporate_number IS '法人番号 / corporate number';
COMMENT ON COLUMN ismap.auditor_list.registered_on IS '登録日 / registration date';
COMMENT ON COLUMN ismap.auditor_list.valid_until IS '有効期限 / valid until';
COMMENT ON COLUMN ismap.auditor_list.status IS '状態（valid, renewal_pending, suspended） / status';

CREATE FUNCTION ismap.overdue_compliance_reports_at(day date)
  RETURNS TABLE (report_id bigint, auditor_id bigint, registration_number text, name text,
                 due_on date, filed_on date, days_overdue integer,
                 auditor_status ismap.listing_status)
  LANGUAGE sql STABLE STRICT
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT r.report_id, a.auditor_id, a.registration_number, o.name, r.due_on, r.filed_on,
           day OPERATOR(pg_catalog.-) r.due_on, ismap.auditor_status(a.auditor_id, day)
      FROM ismap.auditor_compliance_reports r
      JOIN ismap.auditors a ON a.auditor_id OPERATOR(pg_catalog.=) r.auditor_id
      JOIN ismap.organizations o ON o.organization_id OPERATOR(pg_catalog.=) a.organization_id
     WHERE r.due_on OPERATOR(pg_catalog.<) day
       AND (r.filed_on IS NULL OR r.filed_on OPERATOR(pg_catalog.>) day)
       -- a report is owed only by an auditor still registered when it falls due
       AND ismap.auditor_status(a.auditor_id, r.due_on)
           OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
     ORDER BY r.due_on, a.registration_number
  $$;
COMMENT ON FUNCTION ismap.overdue_compliance_reports_at(date) IS
  'ある日に期限を過ぎて未提出の遵守状況報告（期限日に登録が有効な監査機関のもの、aud_compliance_report） / compliance reports overdue on a day, of auditors still registered on the due date';

CREATE VIEW ismap.overdue_compliance_reports WITH (security_barrier) AS
  SELECT * FROM ismap.overdue_compliance_reports_at(ismap.today());
COMMENT ON VIEW ismap.overdue_compliance_reports IS
  '本日時点で期限を過ぎて未提出の遵守状況報告 / compliance reports overdue today';
COMMENT ON COLUMN ismap.overdue_compliance_reports.report_id IS '報告ID / report id';
COMMENT ON COLUMN ismap.overdue_compliance_reports.auditor_id IS '監査機関ID / auditor id';
COMMENT ON COLUMN ismap.overdue_compliance_reports.registration_number IS '登録番号 / registration number';
COMMENT ON COLUMN ismap.overdue_compliance_reports.name IS '名称 / name';
COMMENT ON COLUMN ismap.overdue_compliance_reports.due_on IS '報告期限 / due date';
COMMENT ON COLUMN ismap.overdue_compliance_reports.filed_on IS '報告日（期限後） / filing date, if filed late';
COMMENT ON COLUMN ismap.overdue_compliance_reports.days_overdue IS '超過日数 / days overdue';
COMMENT ON COLUMN ismap.overdue_compliance_reports.auditor_status IS '監査機関の状態 / the auditor''s status';
-- The cloud service registry (ISMAPクラウドサービスリスト), chapter 3.

CREATE TABLE ismap.cloud_services (
  service_id      bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  provider_id     bigint NOT NULL,
  name            text NOT NULL,
  name_en         text,
  statement_scope text NOT NULL,
  service_model   ismap.service_model NOT NULL,
  program         ismap.program NOT NULL DEFAULT 'ismap'
);
CREATE INDEX ON ismap.cloud_services (provider_id);
COMMENT ON TABLE ismap.cloud_services IS 'クラウドサービス / cloud services';
COMMENT ON COLUMN ismap.cloud_services.service_id IS 'クラウドサービスID / service id';
COMMENT ON COLUMN ismap.cloud_services.provider_id IS 'クラウドサービス事業者（法人） / the provider';
COMMENT ON COLUMN ismap.cloud_services.name IS 'クラウドサービスの名称 / service name';
COMMENT ON COLUMN ismap.cloud_services.name_en IS '英文名称 / English name';
COMMENT ON COLUMN ismap.cloud_services.statement_scope IS '言明の対象範囲 / scope of the provider''s statement (the audited scope)';
COMMENT ON COLUMN ismap.cloud_services.service_model IS 'サービスモデル / service model';
COMMENT ON COLUMN ismap.cloud_services.program IS '制度（ISMAP 又は ISMAP-LIU） / program';

CREATE TABLE ismap.audits (
  audit_id     bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  service_id   bigint NOT NULL,
  auditor_id   bigint NOT NULL,
  assessment   ismap.assessment NOT NULL,
  period_start date NOT NULL,
  period_end   date NOT NULL,
  reported_on  date NOT NULL
);
CREATE INDEX ON ismap.audits (service_id);
CREATE INDEX ON ismap.audits (auditor_id);
COMMENT ON TABLE ismap.audits IS '監査（実施結果報告書） / audits of cloud services by registered auditors (confidential)';
COMMENT ON COLUMN ismap.audits.audit_id IS '監査ID / audit id';
COMMENT ON COLUMN ismap.audits.service_id IS '監査対象のクラウドサービス / the audited service';
COMMENT ON COLUMN ismap.audits.auditor_id IS '監査機関 / the auditor';
COMMENT ON COLUMN ismap.audits.assessment IS '整備状況評価のみ（design）又は運用状況評価（operating） / assessment';
COMMENT ON COLUMN ismap.audits.period_start IS '監査対象期間の初日 / first day of the audit period';
COMMENT ON COLUMN ismap.audits.period_end IS '監査対象期間の末日 / last day of the audit period';
COMMENT ON COLUMN ismap.audits.reported_on IS '実施結果報告書の日付 / date of the audit report';

CREATE TABLE ismap.service_registrations (
  registration_id     bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  registration_number text NOT NULL UNIQUE,
  service_id          bigint NOT NULL,
  registered_on       date NOT NULL,
  audit_period_start  date NOT NULL,
  audit_period_end    date NOT NULL,
  valid_until         date NOT NULL,
  audit_id            bigint NOT NULL,
  auditor_id          bigint NOT NULL,
  facts               ismap.registration_facts
);
CREATE INDEX ON ismap.service_registrations (service_id);
COMMENT ON TABLE ismap.service_registrations IS
  'クラウドサービスの登録（リストの各行）。申請の承認によってのみ作られる / service registrations, written only by the extension on approval';
COMMENT ON COLUMN ismap.service_registrations.registration_id IS '登録ID / registration id';
COMMENT ON COLUMN ismap.service_registrations.registration_number IS '登録番号（C+登録年下2桁-連番-枝番） / registration number, e.g. C24-0071-1';
COMMENT ON COLUMN ismap.service_registrations.service_id IS 'クラウドサービス / service';
COMMENT ON COLUMN ismap.service_registrations.registered_on IS '登録日 / registration date (first approval)';
COMMENT ON COLUMN ismap.service_registrations.audit_period_start IS '最新の有効期間の監査対象期間の初日 / audit period start of the latest term';
COMMENT ON COLUMN ismap.service_registrations.audit_period_end IS '最新の有効期間の監査対象期間の末日 / audit period end of the latest term';
COMMENT ON COLUMN ismap.service_registrations.valid_until IS '最新の有効期間の有効期限 / end of the latest validity term';
COMMENT ON COLUMN ismap.service_registrations.audit_id IS '最新の有効期間の根拠となる監査 / audit behind the latest term';
COMMENT ON COLUMN ismap.service_registrations.auditor_id IS '最新の有効期間の監査機関 / auditor of the latest term';
COMMENT ON COLUMN ismap.service_registrations.facts IS '状態の判定に用いる事実の写し（拡張機能が維持） / facts kept for the lists and the rule checks, maintained by the extension';

CREATE SEQUENCE ismap.service_registration_serial;
COMMENT ON SEQUENCE ismap.service_registration_serial IS 'クラウドサービスの登録番号の連番 / serial of service registration numbers';

CREATE TABLE ismap.service_applications (
  application_id      bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  service_id          bigint NOT NULL,
  kind                ismap.application_kind NOT NULL DEFAULT 'new',
  applied_on          date NOT NULL,
  audit_id            bigint NOT NULL,
  status              ismap.application_status NOT NULL DEFAULT 'submitted',
  decided_on          date,
  registration_id     bigint,
  registration_number text
);
CREATE INDEX ON ismap.service_applications (service_id);
CREATE INDEX ON ismap.service_applications (registration_id);
CREATE UNIQUE INDEX service_applications_one_open_renewal
  ON ismap.service_applications (registration_id)
  WHERE kind = 'renewal' AND status IN ('submitted', 'accepted');
CREATE UNIQUE INDEX service_applications_one_open_new
  ON ismap.service_applications (service_id)
  WHERE kind = 'new' AND status IN ('submitted', 'accepted');
COMMENT ON TABLE ismap.service_applications IS 'クラウドサービスの登録申請・登録更新申請（3.1〜3.5） / service applications, new and renewal';
COMMENT ON COLUMN ismap.service_applications.application_id IS '申請ID / application id';
COMMENT ON COLUMN ismap.service_applications.service_id IS '申請の対象のクラウドサービス / the service applied for';
COMMENT ON COLUMN ismap.service_applications.kind IS '新規（new）又は更新（renewal） / new or renewal';
COMMENT ON COLUMN ismap.service_applications.applied_on IS '申請日 / the day the application was filed';
COMMENT ON COLUMN ismap.service_applications.audit_id IS '申請の根拠となる監査 / the audit the application rests on';
COMMENT ON COLUMN ismap.service_applications.status IS '申請の状態 / application status';
COMMENT ON COLUMN ismap.service_applications.decided_on IS '決定日 / day of the final decision';
COMMENT ON COLUMN ismap.service_applications.registration_id IS '更新する登録（更新申請）又は承認により作られた登録（新規申請） / registration renewed, or created by approval';
COMMENT ON COLUMN ismap.service_applications.registration_number IS '承認時に指定する登録番号（省略時は自動採番） / registration number given with the approval; assigned if null';

CREATE TABLE ismap.service_registration_terms (
  registration_id    bigint NOT NULL,
  term_no            integer NOT NULL,
  application_id     bigint NOT NULL UNIQUE,
  audit_id           bigint NOT NULL,
  auditor_id         bigint NOT NULL,
  in_force_from      date NOT NULL,
  audit_period_start date NOT NULL,
  audit_period_end   date NOT NULL,
  valid_until        date NOT NULL,
  PRIMARY KEY (registration_id, term_no)
);
COMMENT ON TABLE ismap.service_registration_terms IS
  'クラウドサービスの登録の有効期間の履歴（登録・更新ごとに1行） / every validity term of every service registration';
COMMENT ON COLUMN ismap.service_registration_terms.registration_id IS '登録 / registration';
COMMENT ON COLUMN ismap.service_registration_terms.term_no IS '期の番号 / term number, 1 for the first registration';
COMMENT ON COLUMN ismap.service_registration_terms.application_id IS '承認された申請 / the approved application';
COMMENT ON COLUMN ismap.service_registration_terms.audit_id IS '根拠となる監査 / the audit behind the term';
COMMENT ON COLUMN ismap.service_registration_terms.auditor_id IS '監査機関 / the auditor of that audit';
COMMENT ON COLUMN ismap.service_registration_terms.in_force_from IS '効力発生日（承認の決定日） / in force from the approval';
COMMENT ON COLUMN ismap.service_registration_terms.audit_period_start IS '監査対象期間の初日 / audit period start';
COMMENT ON COLUMN ismap.service_registration_terms.audit_period_end IS '監査対象期間の末日 / audit period end';
COMMENT ON COLUMN ismap.service_registration_terms.valid_until IS '有効期限 / end of the term';

CREATE TABLE ismap.service_status_changes (
  change_id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  registration_id bigint NOT NULL,
  action          ismap.status_action NOT NULL,
  effective_on    date NOT NULL,
  grounds         text NOT NULL
);
CREATE INDEX ON ismap.service_status_changes (registration_id, effective_on);
COMMENT ON TABLE ismap.service_status_changes IS 'クラウドサービスの登録の一時停止・解除・削除（5.4） / suspensions, lifts and removals of service registrations';
COMMENT ON COLUMN ismap.service_status_changes.change_id IS '変更ID / change id';
COMMENT ON COLUMN ismap.service_status_changes.registration_id IS '登録 / registration';
COMMENT ON COLUMN ismap.service_status_changes.action IS '一時停止・解除・削除 / suspend, lift or remove';
COMMENT ON COLUMN ismap.service_status_changes.effective_on IS '効力発生日 / effective date';
COMMENT ON COLUMN ismap.service_status_changes.grounds IS '理由 / grounds of the decision';

-- Triggers: the rules of chapter 3, in C.
CREATE FUNCTION ismap.cloud_services_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_cloud_services_check';
COMMENT ON FUNCTION ismap.cloud_services_check() IS
  'トリガー: クラウドサービスの記載事項を検証する / trigger: checks a cloud service row';
CREATE FUNCTION ismap.audits_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_audits_check';
COMMENT ON FUNCTION ismap.audits_check() IS
  'トリガー: 監査（svc_audit_by_registered_auditor, svc_audit_period, sec_conflict_of_interest） / trigger: audits';
CREATE FUNCTION ismap.service_applications_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_service_applications_check';
COMMENT ON FUNCTION ismap.service_applications_check() IS
  'トリガー: クラウドサービスの申請の流れと登録・更新（svc_application_flow ほか） / trigger: service application flow and approval';
CREATE FUNCTION ismap.service_status_changes_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_service_status_changes_check';
COMMENT ON FUNCTION ismap.service_status_changes_check() IS
  'トリガー: クラウドサービスの登録の一時停止・解除・削除（ovs_suspension） / trigger: service suspension, lift and removal';

CREATE TRIGGER cloud_services_check BEFORE INSERT OR UPDATE ON ismap.cloud_services
  FOR EACH ROW EXECUTE FUNCTION ismap.cloud_services_check();
CREATE TRIGGER cloud_services_keep_references BEFORE UPDATE OR DELETE ON ismap.cloud_services
  FOR EACH ROW EXECUTE FUNCTION ismap.keep_references();
CREATE TRIGGER audits_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.audits
  FOR EACH ROW EXECUTE FUNCTION ismap.audits_check();
CREATE TRIGGER service_applications_check
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.service_applications
  FOR EACH ROW EXECUTE FUNCTION ismap.service_applications_check();
CREATE TRIGGER service_applications_refresh AFTER INSERT OR UPDATE ON ismap.service_applications
  FOR EACH ROW EXECUTE FUNCTION ismap.facts_refresh('service', 'registration_id');
CREATE TRIGGER service_registrations_written_by_extension
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.service_registrations
  FOR EACH ROW EXECUTE FUNCTION ismap.written_by_extension('svc_registration_on_approval');
CREATE TRIGGER service_registration_terms_written_by_extension
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.service_registration_terms
  FOR EACH ROW EXECUTE FUNCTION ismap.written_by_extension('svc_validity');
CREATE TRIGGER service_status_changes_check
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.service_status_changes
  FOR EACH ROW EXECUTE FUNCTION ismap.service_status_changes_check();
CREATE TRIGGER service_status_changes_refresh AFTER INSERT ON ismap.service_status_changes
  FOR EACH ROW EXECUTE FUNCTION ismap.facts_refresh('service', 'registration_id');

CREATE TRIGGER cloud_services_no_truncate BEFORE TRUNCATE ON ismap.cloud_services
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER audits_no_truncate BEFORE TRUNCATE ON ismap.audits
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER service_applications_no_truncate BEFORE TRUNCATE ON ismap.service_applications
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER service_registrations_no_truncate BEFORE TRUNCATE ON ismap.service_registrations
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER service_registration_terms_no_truncate BEFORE TRUNCATE ON ismap.service_registration_terms
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER service_status_changes_no_truncate BEFORE TRUNCATE ON ismap.service_status_changes
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');

SELECT pg_catalog.pg_extension_config_dump('ismap.cloud_services', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.audits', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.service_registrations', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.service_applications', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.service_registration_terms', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.service_status_changes', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.service_registration_serial', '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.cloud_services', 'service_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.audits', 'audit_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.service_registrations', 'registration_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.service_applications', 'application_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.service_status_changes', 'change_id'), '');
-- Read side of the cloud service registry: status on any day, the public list.

CREATE FUNCTION ismap.service_status(registration_id bigint, as_of date DEFAULT ismap.today())
  RETURNS ismap.listing_status
  LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_service_status';
COMMENT ON FUNCTION ismap.service_status(bigint, date) IS
  'クラウドサービスの登録のある日の状態（登録前は NULL） / listing status of a service registration on a day, from the registry tables';

-- The periods each registration spends on the list (derived, like the facts
-- copy): written by the facts refresh in C (list_spans.c), never by users.
-- Each carries the registration's number, service and date, so that the
-- list joins the same tables as a plain SELECT of the registry would.  The
-- rows are rewritten with their registration's facts, under its row lock,
-- and dumped with it.
CREATE TABLE ismap.service_list_spans (
  registration_id     bigint NOT NULL,
  registration_number text NOT NULL,
  service_id          bigint NOT NULL,
  registered_on       date NOT NULL,
  listed_from         date NOT NULL,
  listed_until       date NOT NULL,
  status             ismap.listing_status NOT NULL,
  audit_period_start date NOT NULL,
  audit_period_end   date NOT NULL,
  valid_until        date NOT NULL,
  auditor_id         bigint NOT NULL,
  PRIMARY KEY (registration_id, listed_from),
  CHECK (listed_from <= listed_until)
);
COMMENT ON TABLE ismap.service_list_spans IS
  'クラウドサービスの登録がリストに載る期間（事実から導出） / the periods each service registration is on the public list, derived from its facts';
COMMENT ON COLUMN ismap.service_list_spans.registration_id IS '登録 / registration';
COMMENT ON COLUMN ismap.service_list_spans.registration_number IS '登録番号（登録の写し） / registration number (the registration''s)';
COMMENT ON COLUMN ismap.service_list_spans.service_id IS 'クラウドサービス（登録の写し） / service (the registration''s)';
COMMENT ON COLUMN ismap.service_list_spans.registered_on IS '登録日（登録の写し） / registration date (the registration''s)';
COMMENT ON COLUMN ismap.service_list_spans.listed_from IS '期間の初日 / first day of the period';
COMMENT ON COLUMN ismap.service_list_spans.listed_until IS '期間の末日（infinity: 終わりが未定） / last day of the period (infinity: no end known yet)';
COMMENT ON COLUMN ismap.service_list_spans.status IS '期間中の状態 / status during the period';
COMMENT ON COLUMN ismap.service_list_spans.audit_period_start IS '期間中の有効な期の監査対象期間（開始） / audit period start of the term in force';
COMMENT ON COLUMN ismap.service_list_spans.audit_period_end IS '期間中の有効な期の監査対象期間（終了） / audit period end of the term in force';
COMMENT ON COLUMN ismap.service_list_spans.valid_until IS '期間中の有効な期の有効期限 / expiry of the term in force';
COMMENT ON COLUMN ismap.service_list_spans.auditor_id IS '期間中の有効な期の監査機関 / auditor of the term in force';
CREATE TRIGGER service_list_spans_written_by_extension
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.service_list_spans
  FOR EACH ROW EXECUTE FUNCTION ismap.written_by_extension('svc_public_list');
CREATE TRIGGER service_list_spans_no_truncate BEFORE TRUNCATE ON ismap.service_list_spans
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('svc_public_list');
SELECT pg_catalog.pg_extension_config_dump('ismap.service_list_spans', '');

-- Every period of every ISMAP registration on the public list, with the
-- list's columns: public information (the list on each of those days).
-- A security barrier: a caller's function cannot see the rows the view
-- filters out (other programs) before the filter applies.
CREATE VIEW ismap.cloud_service_list_periods WITH (security_barrier) AS
  SELECT sp.registration_id, sp.registration_number, s.service_id,
         s.name AS service_name, s.name_en AS service_name_en,
         p.name AS provider_name, p.corporate_number AS provider_corporate_number,
         s.statement_scope, s.service_model, sp.registered_on,
         sp.audit_period_start, sp.audit_period_end, sp.valid_until,
         ao.name AS auditor_name, au.registration_number AS auditor_registration_number,
         sp.status, sp.listed_from, sp.listed_until
    FROM ismap.service_list_spans sp
    JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) sp.service_id
    JOIN ismap.organizations p ON p.organization_id OPERATOR(pg_catalog.=) s.provider_id
    JOIN ismap.auditors au ON au.auditor_id OPERATOR(pg_catalog.=) sp.auditor_id
    JOIN ismap.organizations ao ON ao.organization_id OPERATOR(pg_catalog.=) au.organization_id
   WHERE s.program OPERATOR(pg_catalog.=) 'ismap'::ismap.program;
COMMENT ON VIEW ismap.cloud_service_list_periods IS
  'ISMAP クラウドサービスリストに載る期間の一覧（過去・現在・予定） / every period of every registration on the public cloud service list: past, present and already known future';

-- Plain SQL that PostgreSQL inlines into the caller's query (no SECURITY
-- DEFINER, no SET, not STRICT: each would prevent that), and PARALLEL
-- SAFE, or the inlined query could not use parallel workers; every name and
-- operator is schema-qualified, so the caller's search_path cannot change
-- its meaning, and it reads only the public view above.
CREATE FUNCTION ismap.cloud_service_list_at(day date)
  RETURNS TABLE (registration_id bigint, registration_number text,
                 service_id bigint, service_name text, service_name_en text,
                 provider_name text, provider_corporate_number text,
                 statement_scope text, service_model ismap.service_model,
                 registered_on date, audit_period_start date, audit_period_end date,
                 valid_until date, auditor_name text, auditor_registration_number text,
                 status ismap.listing_status)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT l.registration_id, l.registration_number, l.service_id, l.service_name,
           l.service_name_en, l.provider_name, l.provider_corporate_number,
           l.statement_scope, l.service_model, l.registered_on, l.audit_period_start,
           l.audit_period_end, l.valid_until, l.auditor_name, l.auditor_registration_number,
           l.status
      FROM ismap.cloud_service_list_periods l
     WHERE l.listed_from OPERATOR(pg_catalog.<=) day
       AND l.listed_until OPERATOR(pg_catalog.>=) day
     ORDER BY l.registration_number
  $$;
COMMENT ON FUNCTION ismap.cloud_service_list_at(date) IS
  'ある日の ISMAP クラウドサービスリスト（一時停止中は suspended と表示） / the public cloud service list as it stood on a day';

-- cloud_service_list_at(today()), spelt out: today() in a scalar subquery
-- is evaluated once per query, not once per period row (as an argument it
-- would keep the function from being inlined).
CREATE VIEW ismap.cloud_service_list WITH (security_barrier) AS
  SELECT l.registration_id, l.registration_number, l.service_id, l.service_name,
         l.service_name_en, l.provider_name, l.provider_corporate_number,
         l.statement_scope, l.service_model, l.registered_on, l.audit_period_start,
         l.audit_period_end, l.valid_until, l.auditor_name, l.auditor_registration_number,
         l.status
    FROM ismap.cloud_service_list_periods l
   WHERE l.listed_from OPERATOR(pg_catalog.<=) (SELECT ismap.today())
     AND l.listed_until OPERATOR(pg_catalog.>=) (SELECT ismap.today())
   ORDER BY l.registration_number;
COMMENT ON VIEW ismap.cloud_service_list IS
  '本日の ISMAP クラウドサービスリスト（svc_public_list） / the public cloud service list today';
COMMENT ON COLUMN ismap.cloud_service_list.registration_id IS '登録ID / registration id';
COMMENT ON COLUMN ismap.cloud_service_list.registration_number IS '登録番号 / registration number';
COMMENT ON COLUMN ismap.cloud_service_list.service_id IS 'クラウドサービスID / service id';
COMMENT ON COLUMN ismap.cloud_service_list.service_name IS 'クラウドサービスの名称 / service name';
COMMENT ON COLUMN ismap.cloud_service_list.service_name_en IS '英文名称 / English name';
COMMENT ON COLUMN ismap.cloud_service_list.provider_name IS 'クラウドサービス事業者 / provider';
COMMENT ON COLUMN ismap.cloud_service_list.provider_corporate_number IS '事業者の法人番号 / provider''s corporate number';
COMMENT ON COLUMN ismap.cloud_service_list.statement_scope IS '言明の対象範囲 / statement scope';
COMMENT ON COLUMN ismap.cloud_service_list.service_model IS 'サービスモデル / service model';
COMMENT ON COLUMN ismap.cloud_service_list.registered_on IS '登録日 / registration date';
COMMENT ON COLUMN ismap.cloud_service_list.audit_period_start IS '監査対象期間（開始） / audit period start';
COMMENT ON COLUMN ismap.cloud_service_list.audit_period_end IS '監査対象期間（終了） / audit period end';
COMMENT ON COLUMN ismap.cloud_service_list.valid_until IS '有効期限 / valid until';
COMMENT ON COLUMN ismap.cloud_service_list.auditor_name IS '監査機関 / auditor';
COMMENT ON COLUMN ismap.cloud_service_list.auditor_registration_number IS '監査機関の登録番号 / auditor''s registration number';
COMMENT ON COLUMN ismap.cloud_service_list.status IS '状態（valid, renewal_pending, suspended） / status';
-- The decision log (sec_history): every change to a registry table, with who,
-- when and why, in one SHA-256 hash chain.

CREATE TABLE ismap.history (
  seq               bigint PRIMARY KEY,
  table_name        text NOT NULL,
  row_key           text NOT NULL,
  operation         text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
  before            jsonb,
  after             jsonb,
  session_user_name text NOT NULL,
  acting_user_name  text NOT NULL,
  recorded_at       timestamptz NOT NULL,
  reason            text,
  prev_hash         bytea NOT NULL,
  hash              bytea NOT NULL
);
CREATE INDEX ON ismap.history (table_name, row_key, seq);
CREATE INDEX ON ismap.history (recorded_at);
COMMENT ON TABLE ismap.history IS
  '決定の記録（追記のみ、ハッシュ連鎖） / the decision log: every change to the registry, append-only, hash-chained';
COMMENT ON COLUMN ismap.history.seq IS '連番（連鎖の順） / position in the chain';
COMMENT ON COLUMN ismap.history.table_name IS '表 / table changed';
COMMENT ON COLUMN ismap.history.row_key IS '行のキー / key of the row changed';
COMMENT ON COLUMN ismap.history.operation IS '操作（INSERT, UPDATE, DELETE） / operation';
COMMENT ON COLUMN ismap.history.before IS '変更前の行 / the row before';
COMMENT ON COLUMN ismap.history.after IS '変更後の行 / the row after';
COMMENT ON COLUMN ismap.history.session_user_name IS 'セッションの利用者 / session user';
COMMENT ON COLUMN ismap.history.acting_user_name IS '実行したロール / role acting';
COMMENT ON COLUMN ismap.history.recorded_at IS '記録の時刻（トランザクション時刻） / transaction time';
COMMENT ON COLUMN ismap.history.reason IS '理由（状態変更の理由又は訂正の理由） / why: grounds, or the reason of a correction';
COMMENT ON COLUMN ismap.history.prev_hash IS '前の行のハッシュ / hash of the row before';
COMMENT ON COLUMN ismap.history.hash IS 'この行の SHA-256（前の行のハッシュを含む） / SHA-256 of this row and prev_hash';

CREATE FUNCTION ismap.log_change() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_log_change';
COMMENT ON FUNCTION ismap.log_change() IS
  'トリガー: 登録簿の変更を決定の記録に追記する / trigger: appends every change to the decision log';
CREATE FUNCTION ismap.history_guard() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_history_guard';
COMMENT ON FUNCTION ismap.history_guard() IS
  'トリガー: 決定の記録の更新・削除を拒否する / trigger: the decision log is append-only';

CREATE TRIGGER history_append_only BEFORE INSERT OR UPDATE OR DELETE ON ismap.history
  FOR EACH ROW EXECUTE FUNCTION ismap.history_guard();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON ismap.history
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.history_guard();

CREATE FUNCTION ismap.history_first_break(OUT seq bigint, OUT problem text)
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_verify_history';
COMMENT ON FUNCTION ismap.history_first_break() IS
  '決定の記録の連鎖の最初の切れ目（なければ NULL） / first broken link of the chain, or nulls';

CREATE FUNCTION ismap.verify_history()
  RETURNS TABLE (seq bigint, problem text)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT b.seq, b.problem FROM ismap.history_first_break() b WHERE b.seq IS NOT NULL $$;
COMMENT ON FUNCTION ismap.verify_history() IS
  '決定の記録のハッシュ連鎖を検証し、最初の切れ目を返す（なければ0行） / verifies the hash chain; returns its first broken link, or no row';

-- Every registry table logs its changes; the arguments name its key.
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.setting_overrides
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('name');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.organizations
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('organization_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.auditors
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('auditor_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.auditor_applications
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('application_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.auditor_terms
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('auditor_id', 'term_no');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.auditor_status_changes
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('change_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.auditor_compliance_reports
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('report_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.cloud_services
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('service_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.audits
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('audit_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.service_registrations
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('registration_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.service_applications
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('application_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.service_registration_terms
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('registration_id', 'term_no');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.service_status_changes
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('change_id');

SELECT pg_catalog.pg_extension_config_dump('ismap.history', '');

CREATE FUNCTION ismap.correct(target regclass, row_id bigint, changes jsonb, reason text)
  RETURNS integer
  LANGUAGE c VOLATILE
  AS 'MODULE_PATHNAME', 'ismap_correct';
COMMENT ON FUNCTION ismap.correct(regclass, bigint, jsonb, text) IS
  '決定済みの記録の入力誤りを理由を付して訂正する（訂正前後は決定の記録に残る） / corrects a data-entry mistake in a decided record, with a reason; the log keeps before and after';
-- Reading the history: the lists as known at a moment (bitemporal), what
-- changed between two days, and what falls due.

-- The rows of a registry table as the log knew them at a moment: for each
-- row, its image after the last change recorded at or before that moment.
CREATE FUNCTION ismap.known_rows(table_name text, as_known_at timestamptz)
  RETURNS SETOF jsonb
  LANGUAGE sql STABLE STRICT ROWS 100
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT k.after
      FROM (SELECT DISTINCT ON (h.row_key) h.after
              FROM ismap.history h
             WHERE h.table_name OPERATOR(pg_catalog.=) $1
               AND h.recorded_at OPERATOR(pg_catalog.<=) $2
             ORDER BY h.row_key, h.seq DESC) k
     WHERE k.after IS NOT NULL
  $$;
COMMENT ON FUNCTION ismap.known_rows(text, timestamptz) IS
  'ある時点で記録されていた表の行（決定の記録から復元） / rows of a registry table as recorded at a moment, rebuilt from the decision log';

CREATE FUNCTION ismap.cloud_service_list_at(day date, as_known_at timestamptz)
  RETURNS TABLE (registration_id bigint, registration_number text,
                 service_id bigint, service_name text, service_name_en text,
                 provider_name text, provider_corporate_number text,
                 statement_scope text, service_model ismap.service_model,
                 registered_on date, audit_period_start date, audit_period_end date,
                 valid_until date, auditor_name text, auditor_registration_number text,
                 status ismap.listing_status)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  -- the rebuilt rows have no statistics: keep the planner from compiling
  -- a plan it wrongly believes huge
  SET search_path = pg_catalog, pg_temp
  SET jit = off
  AS $$
    WITH regs AS (SELECT r.* FROM ismap.known_rows('service_registrations', as_known_at) j,
                         jsonb_populate_record(NULL::ismap.service_registrations, j) r),
         terms AS (SELECT t.* FROM ismap.known_rows('service_registration_terms', as_known_at) j,
                          jsonb_populate_record(NULL::ismap.service_registration_terms, j) t),
         apps AS (SELECT a.* FROM ismap.known_rows('service_applications', as_known_at) j,
                         jsonb_populate_record(NULL::ismap.service_applications, j) a),
         changes AS (SELECT c.* FROM ismap.known_rows('service_status_changes', as_known_at) j,
                            jsonb_populate_record(NULL::ismap.service_status_changes, j) c),
         services AS (SELECT s.* FROM ismap.known_rows('cloud_services', as_known_at) j,
                             jsonb_populate_record(NULL::ismap.cloud_services, j) s),
         orgs AS (SELECT o.* FROM ismap.known_rows('organizations', as_known_at) j,
                         jsonb_populate_record(NULL::ismap.organizations, j) o),
         auds AS (SELECT a.* FROM ismap.known_rows('auditors', as_known_at) j,
                         jsonb_populate_record(NULL::ismap.auditors, j) a)
    SELECT r.registration_id, r.registration_number, s.service_id, s.name, s.name_en,
           p.name, p.corporate_number, s.statement_scope, s.service_model,
           r.registered_on, st.audit_period_start, st.audit_period_end, st.valid_until,
           ao.name, au.registration_number, st.status
      FROM regs r
      JOIN services s ON s.service_id OPERATOR(pg_catalog.=) r.service_id
      JOIN orgs p ON p.organization_id OPERATOR(pg_catalog.=) s.provider_id
     CROSS JOIN LATERAL ismap.registration_standing(ROW(
             ARRAY(SELECT t.in_force_from FROM terms t WHERE t.registration_id OPERATOR(pg_catalog.=) r.registration_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT t.audit_period_start FROM terms t WHERE t.registration_id OPERATOR(pg_catalog.=) r.registration_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT t.audit_period_end FROM terms t WHERE t.registration_id OPERATOR(pg_catalog.=) r.registration_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT t.valid_until FROM terms t WHERE t.registration_id OPERATOR(pg_catalog.=) r.registration_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT t.audit_id FROM terms t WHERE t.registration_id OPERATOR(pg_catalog.=) r.registration_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT t.auditor_id FROM terms t WHERE t.registration_id OPERATOR(pg_catalog.=) r.registration_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT a.applied_on FROM apps a WHERE a.registration_id OPERATOR(pg_catalog.=) r.registration_id AND a.kind OPERATOR(pg_catalog.=) 'renewal' ORDER BY a.application_id),
             ARRAY(SELECT a.decided_on FROM apps a WHERE a.registration_id OPERATOR(pg_catalog.=) r.registration_id AND a.kind OPERATOR(pg_catalog.=) 'renewal' ORDER BY a.application_id),
             ARRAY(SELECT c.action::text FROM changes c WHERE c.registration_id OPERATOR(pg_catalog.=) r.registration_id ORDER BY c.effective_on, c.change_id),
             ARRAY(SELECT c.effective_on FROM changes c WHERE c.registration_id OPERATOR(pg_catalog.=) r.registration_id ORDER BY c.effective_on, c.change_id)
           )::ismap.registration_facts, r.registered_on, day) st
      JOIN auds au ON au.auditor_id OPERATOR(pg_catalog.=) st.auditor_id
      JOIN orgs ao ON ao.organization_id OPERATOR(pg_catalog.=) au.organization_id
     WHERE s.program OPERATOR(pg_catalog.=) 'ismap'::ismap.program
       AND st.status OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
     ORDER BY r.registration_number
  $$;
COMMENT ON FUNCTION ismap.cloud_service_list_at(date, timestamptz) IS
  'ある日のクラウドサービスリストを、ある時点で登録簿が知っていたとおりに示す（後の訂正・遡及記録を含まない） / the cloud service list for a day as the registry knew it at a moment';

CREATE FUNCTION ismap.auditor_list_at(day date, as_known_at timestamptz)
  RETURNS TABLE (auditor_id bigint, registration_number text, name text, name_en text,
                 corporate_number text, registered_on date, valid_until date,
                 status ismap.listing_status)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  SET jit = off
  AS $$
    WITH auds AS (SELECT a.* FROM ismap.known_rows('auditors', as_known_at) j,
                         jsonb_populate_record(NULL::ismap.auditors, j) a),
         terms AS (SELECT t.* FROM ismap.known_rows('auditor_terms', as_known_at) j,
                          jsonb_populate_record(NULL::ismap.auditor_terms, j) t),
         apps AS (SELECT a.* FROM ismap.known_rows('auditor_applications', as_known_at) j,
                         jsonb_populate_record(NULL::ismap.auditor_applications, j) a),
         changes AS (SELECT c.* FROM ismap.known_rows('auditor_status_changes', as_known_at) j,
                            jsonb_populate_record(NULL::ismap.auditor_status_changes, j) c),
         orgs AS (SELECT o.* FROM ismap.known_rows('organizations', as_known_at) j,
                         jsonb_populate_record(NULL::ismap.organizations, j) o)
    SELECT a.auditor_id, a.registration_number, o.name, o.name_en, o.corporate_number,
           a.registered_on, s.valid_until, s.status
      FROM auds a
      JOIN orgs o ON o.organization_id OPERATOR(pg_catalog.=) a.organization_id
     CROSS JOIN LATERAL ismap.registration_standing(ROW(
             ARRAY(SELECT t.in_force_from FROM terms t WHERE t.auditor_id OPERATOR(pg_catalog.=) a.auditor_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT t.valid_from FROM terms t WHERE t.auditor_id OPERATOR(pg_catalog.=) a.auditor_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT NULL::date FROM terms t WHERE t.auditor_id OPERATOR(pg_catalog.=) a.auditor_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT t.valid_until FROM terms t WHERE t.auditor_id OPERATOR(pg_catalog.=) a.auditor_id ORDER BY t.in_force_from, t.term_no),
             ARRAY(SELECT NULL::bigint FROM terms t WHERE t.auditor_id OPERATOR(pg_catalog.=) a.auditor_id),
             ARRAY(SELECT NULL::bigint FROM terms t WHERE t.auditor_id OPERATOR(pg_catalog.=) a.auditor_id),
             ARRAY(SELECT p.applied_on FROM apps p WHERE p.auditor_id OPERATOR(pg_catalog.=) a.auditor_id AND p.kind OPERATOR(pg_catalog.=) 'renewal' ORDER BY p.application_id),
             ARRAY(SELECT p.decided_on FROM apps p WHERE p.auditor_id OPERATOR(pg_catalog.=) a.auditor_id AND p.kind OPERATOR(pg_catalog.=) 'renewal' ORDER BY p.application_id),
             ARRAY(SELECT c.action::text FROM changes c WHERE c.auditor_id OPERATOR(pg_catalog.=) a.auditor_id ORDER BY c.effective_on, c.change_id),
             ARRAY(SELECT c.effective_on FROM changes c WHERE c.auditor_id OPERATOR(pg_catalog.=) a.auditor_id ORDER BY c.effective_on, c.change_id)
           )::ismap.registration_facts, a.registered_on, day) s
     WHERE s.status OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
     ORDER BY a.registration_number
  $$;
COMMENT ON FUNCTION ismap.auditor_list_at(date, timestamptz) IS
  'ある日の監査機関リストを、ある時点で登録簿が知っていたとおりに示す / the auditor list for a day as the registry knew it at a moment';

-- Why a registration's entry changed between two days (for the change lists).
CREATE FUNCTION ismap.entry_change_reason(list text, id bigint, from_day date, to_day date,
                                          old_status ismap.listing_status,
                                          new_status ismap.listing_status,
                                          old_valid_until date, new_valid_until date,
                                          registered_on date)
  RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH changes AS (
           SELECT action, effective_on, grounds FROM ismap.service_status_changes
            WHERE list OPERATOR(pg_catalog.=) 'cloud_service' AND registration_id OPERATOR(pg_catalog.=) id
           UNION ALL
           SELECT action, effective_on, grounds FROM ismap.auditor_status_changes
            WHERE list OPERATOR(pg_catalog.=) 'auditor' AND auditor_id OPERATOR(pg_catalog.=) id),
         renewals AS (
           SELECT applied_on, status, decided_on FROM ismap.service_applications
            WHERE list OPERATOR(pg_catalog.=) 'cloud_service' AND registration_id OPERATOR(pg_catalog.=) id
              AND kind OPERATOR(pg_catalog.=) 'renewal'
           UNION ALL
           SELECT applied_on, status, decided_on FROM ismap.auditor_applications
            WHERE list OPERATOR(pg_catalog.=) 'auditor' AND auditor_id OPERATOR(pg_catalog.=) id
              AND kind OPERATOR(pg_catalog.=) 'renewal'),
         last_change AS (
           SELECT * FROM changes WHERE effective_on OPERATOR(pg_catalog.>) from_day
              AND effective_on OPERATOR(pg_catalog.<=) to_day
            ORDER BY effective_on DESC LIMIT 1),
         last_decision AS (
           SELECT * FROM renewals WHERE decided_on OPERATOR(pg_catalog.>) from_day
              AND decided_on OPERATOR(pg_catalog.<=) to_day
            ORDER BY decided_on DESC LIMIT 1)
    SELECT CASE
      WHEN old_status IS NULL THEN format('registered on %s', registered_on)
      WHEN new_status OPERATOR(pg_catalog.=) 'removed' THEN
        (SELECT format('removed from %s: %s', effective_on, grounds) FROM changes
          WHERE action OPERATOR(pg_catalog.=) 'remove' ORDER BY effective_on LIMIT 1)
      WHEN new_status OPERATOR(pg_catalog.=) 'suspended' AND old_status OPERATOR(pg_catalog.<>) 'suspended' THEN
        (SELECT format('suspended from %s: %s', effective_on, grounds) FROM last_change)
      WHEN old_status OPERATOR(pg_catalog.=) 'suspended' AND new_status OPERATOR(pg_catalog.<>) 'expired'
           AND new_status OPERATOR(pg_catalog.<>) 'suspended' THEN
        (SELECT format('suspension lifted from %s: %s', effective_on, grounds) FROM last_change)
      WHEN new_status OPERATOR(pg_catalog.=) 'expired' THEN
        COALESCE((SELECT format('renewal %s on %s', status, decided_on) FROM last_decision
                   WHERE status OPERATOR(pg_catalog.<>) 'approved'),
                 format('validity ended on %s', old_valid_until))
      WHEN new_status OPERATOR(pg_catalog.=) 'renewal_pending' THEN
        (SELECT format('validity ended on %s; renewal filed on %s is undecided', old_valid_until, applied_on)
           FROM renewals WHERE (decided_on IS NULL OR decided_on OPERATOR(pg_catalog.>) to_day)
            AND applied_on OPERATOR(pg_catalog.<=) old_valid_until
          ORDER BY applied_on DESC LIMIT 1)
      WHEN new_valid_until OPERATOR(pg_catalog.<>) old_valid_until THEN
        (SELECT format('renewal approved on %s: valid until %s', decided_on, new_valid_until)
           FROM last_decision WHERE status OPERATOR(pg_catalog.=) 'approved')
    END
  $$;
COMMENT ON FUNCTION ismap.entry_change_reason(text, bigint, date, date, ismap.listing_status, ismap.listing_status, date, date, date) IS
  'リストの項目が二日の間で変わった理由 / why a list entry changed between two days';

CREATE FUNCTION ismap.cloud_service_list_changes(from_day date, to_day date)
  RETURNS TABLE (registration_number text, service_name text, change text,
                 old_status ismap.listing_status, new_status ismap.listing_status,
                 old_valid_until date, new_valid_until date, reason text)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT COALESCE(b.registration_number, a.registration_number),
           COALESCE(b.service_name, a.service_name),
           CASE WHEN a.registration_id IS NULL THEN 'added'
                WHEN b.registration_id IS NULL THEN 'dropped'
                WHEN a.status OPERATOR(pg_catalog.<>) b.status THEN 'status_changed'
                ELSE 'renewed' END,
           a.status, n.status, a.valid_until, n.valid_until,
           ismap.entry_change_reason('cloud_service', COALESCE(a.registration_id, b.registration_id),
                                     from_day, to_day, a.status, n.status,
                                     a.valid_until, n.valid_until,
                                     COALESCE(a.registered_on, b.registered_on))
      FROM ismap.cloud_service_list_at(from_day) a
      FULL JOIN ismap.cloud_service_list_at(to_day) b
        ON b.registration_id OPERATOR(pg_catalog.=) a.registration_id
     CROSS JOIN LATERAL (SELECT COALESCE(b.status, ismap.service_status(a.registration_id, to_day)) AS status,
                                COALESCE(b.valid_until, a.valid_until) AS valid_until) n
     WHERE a.registration_id IS NULL OR b.registration_id IS NULL
        OR a.status OPERATOR(pg_catalog.<>) b.status
        OR a.valid_until OPERATOR(pg_catalog.<>) b.valid_until
     ORDER BY 1
  $$;
COMMENT ON FUNCTION ismap.cloud_service_list_changes(date, date) IS
  '二日の間のクラウドサービスリストの変化（追加、削除、状態の変化、更新）と理由 / entries of the cloud service list added, dropped or changed between two days, with the reason';

CREATE FUNCTION ismap.auditor_list_changes(from_day date, to_day date)
  RETURNS TABLE (registration_number text, name text, change text,
                 old_status ismap.listing_status, new_status ismap.listing_status,
                 old_valid_until date, new_valid_until date, reason text)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT COALESCE(b.registration_number, a.registration_number), COALESCE(b.name, a.name),
           CASE WHEN a.auditor_id IS NULL THEN 'added'
                WHEN b.auditor_id IS NULL THEN 'dropped'
                WHEN a.status OPERATOR(pg_catalog.<>) b.status THEN 'status_changed'
                ELSE 'renewed' END,
           a.status, n.status, a.valid_until, n.valid_until,
           ismap.entry_change_reason('auditor', COALESCE(a.auditor_id, b.auditor_id),
                                     from_day, to_day, a.status, n.status,
                                     a.valid_until, n.valid_until,
                                     COALESCE(a.registered_on, b.registered_on))
      FROM ismap.auditor_list_at(from_day) a
      FULL JOIN ismap.auditor_list_at(to_day) b ON b.auditor_id OPERATOR(pg_catalog.=) a.auditor_id
     CROSS JOIN LATERAL (SELECT COALESCE(b.status, ismap.auditor_status(a.auditor_id, to_day)) AS status,
                                COALESCE(b.valid_until, a.valid_until) AS valid_until) n
     WHERE a.auditor_id IS NULL OR b.auditor_id IS NULL
        OR a.status OPERATOR(pg_catalog.<>) b.status
        OR a.valid_until OPERATOR(pg_catalog.<>) b.valid_until
     ORDER BY 1
  $$;
COMMENT ON FUNCTION ismap.auditor_list_changes(date, date) IS
  '二日の間の監査機関リストの変化と理由 / entries of the auditor list added, dropped or changed between two days, with the reason';

-- Reminders as data.
CREATE FUNCTION ismap.upcoming_expiries(within interval, as_of date DEFAULT ismap.today())
  RETURNS TABLE (list text, registration_id bigint, registration_number text, name text,
                 valid_until date, days_left integer, status ismap.listing_status)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT * FROM (
      SELECT 'auditor'::text, a.auditor_id, a.registration_number, o.name,
             s.valid_until, s.valid_until OPERATOR(pg_catalog.-) as_of, s.status
        FROM ismap.auditors a
        JOIN ismap.organizations o ON o.organization_id OPERATOR(pg_catalog.=) a.organization_id
       CROSS JOIN LATERAL ismap.registration_standing(a.facts, a.registered_on, as_of) s
       WHERE s.status OPERATOR(pg_catalog.=) ANY ('{valid,suspended}'::ismap.listing_status[])
         AND s.renewal_filed_on IS NULL
         AND s.valid_until OPERATOR(pg_catalog.<=) (as_of OPERATOR(pg_catalog.+) within)::date
      UNION ALL
      SELECT 'cloud_service', r.registration_id, r.registration_number, sv.name,
             s.valid_until, s.valid_until OPERATOR(pg_catalog.-) as_of, s.status
        FROM ismap.service_registrations r
        JOIN ismap.cloud_services sv ON sv.service_id OPERATOR(pg_catalog.=) r.service_id
       CROSS JOIN LATERAL ismap.registration_standing(r.facts, r.registered_on, as_of) s
       WHERE s.status OPERATOR(pg_catalog.=) ANY ('{valid,suspended}'::ismap.listing_status[])
         AND s.renewal_filed_on IS NULL
         AND s.valid_until OPERATOR(pg_catalog.<=) (as_of OPERATOR(pg_catalog.+) within)::date
    ) x ORDER BY 5, 3
  $$;
COMMENT ON FUNCTION ismap.upcoming_expiries(interval, date) IS
  '期間内に有効期限を迎え、更新申請のない登録（監査機関・クラウドサービス） / registrations whose validity ends within the interval and for which no renewal is filed';

CREATE FUNCTION ismap.overdue_items(as_of date DEFAULT ismap.today())
  RETURNS TABLE (item text, registration_number text, name text, due_on date, days_overdue integer)
  LANGUAGE sql STABLE STRICT
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT 'compliance_report'::text, r.registration_number, r.name, r.due_on, r.days_overdue
      FROM ismap.overdue_compliance_reports_at(as_of) r
     ORDER BY 4, 2
  $$;
COMMENT ON FUNCTION ismap.overdue_items(date) IS
  'ある日に期限を過ぎた事項（現在は遵守状況報告） / items overdue on a day (compliance reports; re-audits in a later version)';
-- Least privilege.  The public reads the public lists and the settings;
-- everything else is for the roles the operator grants (README, "Access").

GRANT USAGE ON SCHEMA ismap TO PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA ismap FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA ismap FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA ismap FROM PUBLIC;

GRANT SELECT ON ismap.settings, ismap.auditor_list, ismap.cloud_service_list,
  ismap.cloud_service_list_periods TO PUBLIC;
GRANT EXECUTE ON FUNCTION
  ismap.today(),
  ismap.auditor_valid_until(date),
  ismap.service_valid_until(date),
  ismap.corporate_number_is_valid(text),
  ismap.auditor_status(bigint, date),
  ismap.auditor_standing(bigint, date),
  ismap.auditor_list_at(date),
  ismap.service_status(bigint, date),
  ismap.registration_standing(ismap.registration_facts, date, date),
  ismap.cloud_service_list_at(date),
  ismap.cloud_service_list_at(date, timestamptz),
  ismap.auditor_list_at(date, timestamptz),
  ismap.cloud_service_list_changes(date, date),
  ismap.auditor_list_changes(date, date)
TO PUBLIC;
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
