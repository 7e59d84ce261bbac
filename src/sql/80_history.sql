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
  '内部用のトリガー: 登録簿の変更を決定の記録に追記する / internal trigger, not called by users: appends every change to the decision log';
CREATE FUNCTION ismap.history_guard() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_history_guard';
COMMENT ON FUNCTION ismap.history_guard() IS
  '内部用のトリガー: 決定の記録の更新・削除を拒否する / internal trigger, not called by users: the decision log is append-only';

CREATE TRIGGER history_append_only BEFORE INSERT OR UPDATE OR DELETE ON ismap.history
  FOR EACH ROW EXECUTE FUNCTION ismap.history_guard();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON ismap.history
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.history_guard();

CREATE FUNCTION ismap.history_first_break(OUT seq bigint, OUT problem text)
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_verify_history';
COMMENT ON FUNCTION ismap.history_first_break() IS
  '内部用: 決定の記録の連鎖の最初の切れ目（なければ NULL） / internal, not called by users: first broken link of the chain, or nulls';

CREATE FUNCTION ismap.verify_history()
  RETURNS TABLE (seq bigint, problem text)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT b.seq, b.problem FROM ismap.history_first_break() b WHERE b.seq IS NOT NULL $$;
COMMENT ON FUNCTION ismap.verify_history() IS
  '決定の記録のハッシュ連鎖を検証し、最初の切れ目を返す（なければ0行） / verifies the hash chain; returns its first broken link, or no row';

-- The head of the log, to be kept outside the database (README,
-- "Operations"): a log emptied or rewritten and chained anew verifies as a
-- chain, but no longer reaches a head recorded before.
CREATE FUNCTION ismap.history_head(OUT seq bigint, OUT hash text)
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_history_head';
COMMENT ON FUNCTION ismap.history_head() IS
  '決定の記録の末尾（連番と SHA-256 の16進）。データベースの外に控え、後で verify_history(seq, hash) で照合する / the last row of the log (seq, SHA-256 in hex), to be recorded outside the database and checked later with verify_history(seq, hash)';

CREATE FUNCTION ismap.history_first_break(expected_seq bigint, expected_hash text,
                                          OUT seq bigint, OUT problem text)
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_verify_history';
COMMENT ON FUNCTION ismap.history_first_break(bigint, text) IS
  '内部用: 決定の記録の連鎖の最初の切れ目（控えた末尾に届かない場合を含む。なければ NULL） / internal, not called by users: first broken link of the chain, or of its reach to a recorded head; or nulls';

CREATE FUNCTION ismap.verify_history(expected_seq bigint, expected_hash text)
  RETURNS TABLE (seq bigint, problem text)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT b.seq, b.problem FROM ismap.history_first_break(expected_seq, expected_hash) b
        WHERE b.seq IS NOT NULL $$;
COMMENT ON FUNCTION ismap.verify_history(bigint, text) IS
  'ハッシュ連鎖を検証し、控えた末尾（history_head() の値）に今も届くかを確かめる。最初の切れ目を返す（なければ0行） / verifies the chain and that it still reaches a head recorded with history_head(); returns the first break, or no row';

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
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.incidents
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('incident_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.incident_reports
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('report_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.service_change_notices
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('notice_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.organization_change_notices
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('notice_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.investigations
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('investigation_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.reaudit_demands
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('demand_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.reapplication_demands
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('demand_id');

SELECT pg_catalog.pg_extension_config_dump('ismap.history', '');

CREATE FUNCTION ismap.correct(target regclass, row_id bigint, changes jsonb, reason text)
  RETURNS integer
  LANGUAGE c VOLATILE
  AS 'MODULE_PATHNAME', 'ismap_correct';
COMMENT ON FUNCTION ismap.correct(regclass, bigint, jsonb, text) IS
  '決定済みの記録の入力誤りを理由を付して訂正する（訂正前後は決定の記録に残る） / corrects a data-entry mistake in a decided record, with a reason; the log keeps before and after';
