-- Foundations: the scheme's day, its settings, and the period arithmetic.

CREATE FUNCTION ismap.today() RETURNS date
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'ismap_today_sql';
COMMENT ON FUNCTION ismap.today() IS
  '本制度の「今日」: ismap.timezone（既定 Asia/Tokyo）の暦日。ismap.today で固定可（スーパーユーザー） / the scheme''s current day';

CREATE TABLE ismap.settings (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  description text NOT NULL
);
COMMENT ON TABLE ismap.settings IS
  '制度の設定値（登録規則で改定されうる数値） / figures of the scheme that the committee revises; validated on change';
COMMENT ON COLUMN ismap.settings.name IS '設定名 / setting name';
COMMENT ON COLUMN ismap.settings.value IS '設定値（月数の期間または日付） / value: a period in whole months, or a date';
COMMENT ON COLUMN ismap.settings.description IS '説明 / what the setting means and which rule reads it';

INSERT INTO ismap.settings (name, value, description) VALUES
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

CREATE FUNCTION ismap.auditor_valid_until(applied_on date) RETURNS date
  LANGUAGE c STABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'ismap_auditor_valid_until';
COMMENT ON FUNCTION ismap.auditor_valid_until(date) IS
  '監査機関の登録の有効期限: 申請日の翌日から起算し民法の期間計算による（aud_validity） / end of an auditor validity term';

CREATE FUNCTION ismap.service_valid_until(audit_period_end date) RETURNS date
  LANGUAGE c STABLE STRICT PARALLEL SAFE
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

CREATE FUNCTION ismap.settings_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_settings_check';
COMMENT ON FUNCTION ismap.settings_check() IS
  'トリガー: 設定値を検証する / trigger: validates settings';

CREATE TRIGGER settings_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.settings
  FOR EACH ROW EXECUTE FUNCTION ismap.settings_check();
CREATE TRIGGER settings_no_truncate BEFORE TRUNCATE ON ismap.settings
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('setting_value');

SELECT pg_catalog.pg_extension_config_dump('ismap.settings', '');
