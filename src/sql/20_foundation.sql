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
   '施行後、整備状況評価のみの監査で申請できる期間 / after the start, how long a design-only audit suffices (svc_audit_kind, 附則3)'),
  ('incident_first_report_days', '3 days',
   'インシデントの速報の期限（認知日から） / when the first report of an incident falls due, after the day it was recognized (svc_incident_report)'),
  ('incident_final_report_days', '30 days',
   'インシデントの確報の期限（認知日から） / when the final report of an incident falls due, after the day it was recognized (svc_incident_report)'),
  ('change_notice_days', '30 days',
   '変更の届出の期限（効力発生日から）。過ぎた届出も受け付け、遅延として示す / how long after its effective date a change notice is due; a later one is accepted and shown late (svc_change_notice, aud_change_notice)'),
  ('consulting_cooling_off_months', '12 months',
   '監査機関が助言した事業者を監査できるようになるまでの期間（監査対象期間の開始前） / how long before an audit period an audit firm''s consulting for the provider still bars the audit (sec_conflict_of_interest)'),
  ('liu_start', '2022-11-01',
   'ISMAP-LIU の開始日。これより前の LIU の申請は受け付けない / the day ISMAP-LIU started: a LIU application dated earlier is refused (liu_scope)'),
  ('liu_validity_months', '16 months',
   'ISMAP-LIU の登録の有効期間（監査対象期間の末日の翌日から） / validity of a LIU registration, from the day after its audit period (liu_list)'),
  ('liu_number_prefix', 'L',
   'ISMAP-LIU の登録番号の頭文字（A と C 以外の英大文字一字） / the letter LIU registration numbers begin with: one capital letter other than A and C (liu_list)');

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
COMMENT ON COLUMN ismap.settings.value IS '設定値（月数の期間、日数又は日付） / value in force: a period in whole months, a number of days, or a date';
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
  '内部用のトリガー: 登録簿の表の TRUNCATE を拒否する / internal trigger, not called by users: registry tables are never truncated';

CREATE FUNCTION ismap.written_by_extension() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_written_by_extension';
COMMENT ON FUNCTION ismap.written_by_extension() IS
  '内部用のトリガー: 拡張機能だけが書き込む表への直接の書込みを拒否する / internal trigger, not called by users: refuses direct writes to tables that only the extension writes';

CREATE FUNCTION ismap.settings_write() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_settings_write';
COMMENT ON FUNCTION ismap.settings_write() IS
  '内部用のトリガー: 設定値を検証して改定する / internal trigger, not called by users: validates and writes a setting through the view';
CREATE FUNCTION ismap.setting_overrides_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_setting_overrides_check';
COMMENT ON FUNCTION ismap.setting_overrides_check() IS
  '内部用のトリガー: 設定値を検証する / internal trigger, not called by users: validates a setting written directly';

CREATE TRIGGER settings_write INSTEAD OF INSERT OR UPDATE OR DELETE ON ismap.settings
  FOR EACH ROW EXECUTE FUNCTION ismap.settings_write();

-- An UPDATE that matches no setting is refused (a misspelt name).
CREATE FUNCTION ismap.settings_statement() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_settings_statement';
COMMENT ON FUNCTION ismap.settings_statement() IS
  '内部用のトリガー: 設定に当たらない更新を拒否する / internal trigger: refuses an UPDATE of ismap.settings that matches no setting';
CREATE TRIGGER settings_update_begins BEFORE UPDATE ON ismap.settings
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.settings_statement();
CREATE TRIGGER settings_update_matched AFTER UPDATE ON ismap.settings
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.settings_statement();
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
