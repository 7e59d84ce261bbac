-- ismap: upgrade from 0.1.0 to 0.2.0, run by ALTER EXTENSION ismap UPDATE.
--
-- src/sql/*.sql is the script of the current version, for fresh installs;
-- ismap--0.1.0.sql stays as released.  Every change of the schema made in
-- src/sql after 0.1.0 (a table, column, index, constraint, function,
-- trigger, view, grant or comment) must be made here too, so that an
-- upgraded database equals a fresh install: test/upgrade.sh installs 0.1.0,
-- loads the demo, updates, and compares the catalog with CREATE EXTENSION
-- ismap's.
--
-- A new comment in ismap.control needs a COMMENT ON EXTENSION here as well:
-- CREATE EXTENSION applies the control file's comment, ALTER EXTENSION
-- UPDATE does not.
--
\echo Use "ALTER EXTENSION ismap UPDATE" to load this file. \quit

-- The head of the log and verify_history(seq, hash) (src/sql/80_history.sql).
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
  '決定の記録の連鎖の最初の切れ目（控えた末尾に届かない場合を含む。なければ NULL） / first broken link of the chain, or of its reach to a recorded head; or nulls';

CREATE FUNCTION ismap.verify_history(expected_seq bigint, expected_hash text)
  RETURNS TABLE (seq bigint, problem text)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT b.seq, b.problem FROM ismap.history_first_break(expected_seq, expected_hash) b
        WHERE b.seq IS NOT NULL $$;
COMMENT ON FUNCTION ismap.verify_history(bigint, text) IS
  'ハッシュ連鎖を検証し、控えた末尾（history_head() の値）に今も届くかを確かめる。最初の切れ目を返す（なければ0行） / verifies the chain and that it still reaches a head recorded with history_head(); returns the first break, or no row';
REVOKE EXECUTE ON FUNCTION ismap.history_head(), ismap.history_first_break(bigint, text),
  ismap.verify_history(bigint, text) FROM PUBLIC;

-- The public change feed says what changed, not why: the grounds of
-- suspensions and removals are no longer in its reasons (src/sql/85_history_reads.sql).
CREATE OR REPLACE FUNCTION ismap.entry_change_reason(list text, id bigint, from_day date, to_day date,
                                          old_status ismap.listing_status,
                                          new_status ismap.listing_status,
                                          old_valid_until date, new_valid_until date,
                                          registered_on date)
  RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH changes AS (
           SELECT action, effective_on FROM ismap.service_status_changes
            WHERE list OPERATOR(pg_catalog.=) 'cloud_service' AND registration_id OPERATOR(pg_catalog.=) id
           UNION ALL
           SELECT action, effective_on FROM ismap.auditor_status_changes
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
        (SELECT format('removed from %s', effective_on) FROM changes
          WHERE action OPERATOR(pg_catalog.=) 'remove' ORDER BY effective_on LIMIT 1)
      WHEN new_status OPERATOR(pg_catalog.=) 'suspended' AND old_status OPERATOR(pg_catalog.<>) 'suspended' THEN
        (SELECT format('suspended from %s', effective_on) FROM last_change)
      WHEN old_status OPERATOR(pg_catalog.=) 'suspended' AND new_status OPERATOR(pg_catalog.<>) 'expired'
           AND new_status OPERATOR(pg_catalog.<>) 'suspended' THEN
        (SELECT format('suspension lifted from %s', effective_on) FROM last_change)
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

-- An UPDATE of ismap.settings that matches no setting is refused (src/sql/20_foundation.sql).
CREATE FUNCTION ismap.settings_statement() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_settings_statement';
REVOKE EXECUTE ON FUNCTION ismap.settings_statement() FROM PUBLIC;
CREATE TRIGGER settings_update_begins BEFORE UPDATE ON ismap.settings
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.settings_statement();
CREATE TRIGGER settings_update_matched AFTER UPDATE ON ismap.settings
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.settings_statement();

-- The public lists refuse a NULL day or moment (src/sql/50_auditor_lists.sql).
CREATE FUNCTION ismap.list_arg_given(value anyelement, name text, rule text)
  RETURNS boolean
  LANGUAGE c IMMUTABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'ismap_list_arg_given';
REVOKE EXECUTE ON FUNCTION ismap.list_arg_given(anyelement, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ismap.list_arg_given(anyelement, text, text) TO PUBLIC;
CREATE OR REPLACE FUNCTION ismap.auditor_list_at(day date)
  RETURNS TABLE (auditor_id bigint, registration_number text, name text, name_en text,
                 corporate_number text, registered_on date, valid_until date,
                 status ismap.listing_status)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT a.auditor_id, a.registration_number, o.name, o.name_en, o.corporate_number,
           a.registered_on, s.valid_until, s.status
      FROM ismap.auditors a
      JOIN ismap.organizations o ON o.organization_id OPERATOR(pg_catalog.=) a.organization_id
     CROSS JOIN LATERAL ismap.registration_standing(a.facts, a.registered_on, day) s
     WHERE s.status OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
       AND ismap.list_arg_given(day, 'day', 'aud_public_list')
     ORDER BY a.registration_number
  $$;
CREATE OR REPLACE FUNCTION ismap.auditor_list_at(day date, as_known_at timestamptz)
  RETURNS TABLE (auditor_id bigint, registration_number text, name text, name_en text,
                 corporate_number text, registered_on date, valid_until date,
                 status ismap.listing_status)
  LANGUAGE sql STABLE SECURITY DEFINER
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
       AND ismap.list_arg_given(day, 'day', 'aud_public_list')
       AND ismap.list_arg_given(as_known_at, 'as_known_at', 'aud_public_list')
     ORDER BY a.registration_number
  $$;

-- The cloud service list carries the provider's and the auditor's English
-- names (src/sql/70_service_lists.sql, 85_history_reads.sql): the view gains
-- two columns at its end; the functions returning its rows are made anew.
CREATE OR REPLACE VIEW ismap.cloud_service_list_periods WITH (security_barrier) AS
  SELECT sp.registration_id, sp.registration_number, s.service_id,
         s.name AS service_name, s.name_en AS service_name_en,
         p.name AS provider_name, p.corporate_number AS provider_corporate_number,
         s.statement_scope, s.service_model, sp.registered_on,
         sp.audit_period_start, sp.audit_period_end, sp.valid_until,
         ao.name AS auditor_name, au.registration_number AS auditor_registration_number,
         sp.status, sp.listed_from, sp.listed_until,
         p.name_en AS provider_name_en, ao.name_en AS auditor_name_en
    FROM ismap.service_list_spans sp
    JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) sp.service_id
    JOIN ismap.organizations p ON p.organization_id OPERATOR(pg_catalog.=) s.provider_id
    JOIN ismap.auditors au ON au.auditor_id OPERATOR(pg_catalog.=) sp.auditor_id
    JOIN ismap.organizations ao ON ao.organization_id OPERATOR(pg_catalog.=) au.organization_id
   WHERE s.program OPERATOR(pg_catalog.=) 'ismap'::ismap.program;
DROP FUNCTION ismap.cloud_service_list_at(date);
CREATE FUNCTION ismap.cloud_service_list_at(day date)
  RETURNS TABLE (registration_id bigint, registration_number text,
                 service_id bigint, service_name text, service_name_en text,
                 provider_name text, provider_corporate_number text,
                 statement_scope text, service_model ismap.service_model,
                 registered_on date, audit_period_start date, audit_period_end date,
                 valid_until date, auditor_name text, auditor_registration_number text,
                 status ismap.listing_status, provider_name_en text, auditor_name_en text)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT l.registration_id, l.registration_number, l.service_id, l.service_name,
           l.service_name_en, l.provider_name, l.provider_corporate_number,
           l.statement_scope, l.service_model, l.registered_on, l.audit_period_start,
           l.audit_period_end, l.valid_until, l.auditor_name, l.auditor_registration_number,
           l.status, l.provider_name_en, l.auditor_name_en
      FROM ismap.cloud_service_list_periods l
     WHERE l.listed_from OPERATOR(pg_catalog.<=) day
       AND l.listed_until OPERATOR(pg_catalog.>=) day
       AND ismap.list_arg_given(day, 'day', 'svc_public_list')
     ORDER BY l.registration_number
  $$;
REVOKE EXECUTE ON FUNCTION ismap.cloud_service_list_at(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ismap.cloud_service_list_at(date) TO PUBLIC;
COMMENT ON FUNCTION ismap.cloud_service_list_at(date) IS
  'ある日の ISMAP クラウドサービスリスト（一時停止中は suspended と表示） / the public cloud service list as it stood on a day';
DROP FUNCTION ismap.cloud_service_list_at(date, timestamptz);
CREATE FUNCTION ismap.cloud_service_list_at(day date, as_known_at timestamptz)
  RETURNS TABLE (registration_id bigint, registration_number text,
                 service_id bigint, service_name text, service_name_en text,
                 provider_name text, provider_corporate_number text,
                 statement_scope text, service_model ismap.service_model,
                 registered_on date, audit_period_start date, audit_period_end date,
                 valid_until date, auditor_name text, auditor_registration_number text,
                 status ismap.listing_status, provider_name_en text, auditor_name_en text)
  LANGUAGE sql STABLE SECURITY DEFINER
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
           ao.name, au.registration_number, st.status, p.name_en, ao.name_en
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
       AND ismap.list_arg_given(day, 'day', 'svc_public_list')
       AND ismap.list_arg_given(as_known_at, 'as_known_at', 'svc_public_list')
     ORDER BY r.registration_number
  $$;
REVOKE EXECUTE ON FUNCTION ismap.cloud_service_list_at(date, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ismap.cloud_service_list_at(date, timestamptz) TO PUBLIC;
COMMENT ON FUNCTION ismap.cloud_service_list_at(date, timestamptz) IS
  'ある日のクラウドサービスリストを、ある時点で登録簿が知っていたとおりに示す（後の訂正・遡及記録を含まない） / the cloud service list for a day as the registry knew it at a moment';
CREATE OR REPLACE VIEW ismap.cloud_service_list WITH (security_barrier) AS
  SELECT l.registration_id, l.registration_number, l.service_id, l.service_name,
         l.service_name_en, l.provider_name, l.provider_corporate_number,
         l.statement_scope, l.service_model, l.registered_on, l.audit_period_start,
         l.audit_period_end, l.valid_until, l.auditor_name, l.auditor_registration_number,
         l.status, l.provider_name_en, l.auditor_name_en
    FROM ismap.cloud_service_list_periods l
   WHERE l.listed_from OPERATOR(pg_catalog.<=) (SELECT ismap.today())
     AND l.listed_until OPERATOR(pg_catalog.>=) (SELECT ismap.today())
   ORDER BY l.registration_number;

-- Comments new or changed since 0.1.0: the English of the enum types, the
-- internal functions said to be internal, the columns of the list views.
COMMENT ON TYPE ismap.application_kind IS '申請の種別: new 新規登録申請, renewal 登録更新申請 / kind of application: new (first registration), renewal';
COMMENT ON TYPE ismap.application_status IS
  '申請の状態: submitted 申請, accepted 受理, returned 不受理, approved 登録, rejected 登録拒否, withdrawn 取下げ / state of an application: submitted, accepted, returned (not accepted), approved, rejected, withdrawn';
COMMENT ON TYPE ismap.assessment IS
  '監査の手続: design 整備状況評価のみ, operating 運用状況評価（整備状況評価を含む） / what the audit assessed: design (design only), operating (operating effectiveness, design included)';
COMMENT ON TYPE ismap.service_model IS 'サービスモデル (IaaS, PaaS, SaaS) / service model';
COMMENT ON TYPE ismap.program IS '制度: ismap (ISMAP), ismap_liu (ISMAP-LIU) / program: ISMAP, or ISMAP-LIU for low-impact SaaS';
COMMENT ON TYPE ismap.listing_status IS
  '登録の状態（導出）: valid 有効, renewal_pending 更新審査中, suspended 一時停止, expired 失効, removed 削除 / listing status (derived): valid, renewal_pending (in renewal grace), suspended, expired, removed';
COMMENT ON TYPE ismap.status_action IS '登録の状態の変更: suspend 一時停止, lift 一時停止の解除, remove 削除 / a change of status: suspend, lift (a suspension), remove';
COMMENT ON FUNCTION ismap.refuse_truncate() IS
  '内部用のトリガー: 登録簿の表の TRUNCATE を拒否する / internal trigger, not called by users: registry tables are never truncated';
COMMENT ON FUNCTION ismap.written_by_extension() IS
  '内部用のトリガー: 拡張機能だけが書き込む表への直接の書込みを拒否する / internal trigger, not called by users: refuses direct writes to tables that only the extension writes';
COMMENT ON FUNCTION ismap.settings_write() IS
  '内部用のトリガー: 設定値を検証して改定する / internal trigger, not called by users: validates and writes a setting through the view';
COMMENT ON FUNCTION ismap.setting_overrides_check() IS
  '内部用のトリガー: 設定値を検証する / internal trigger, not called by users: validates a setting written directly';
COMMENT ON FUNCTION ismap.settings_statement() IS
  '内部用のトリガー: 設定に当たらない更新を拒否する / internal trigger: refuses an UPDATE of ismap.settings that matches no setting';
COMMENT ON FUNCTION ismap.organizations_check() IS
  '内部用のトリガー: 法人番号と名称を検証する / internal trigger, not called by users: checks the corporate number and the name';
COMMENT ON FUNCTION ismap.keep_references() IS
  '内部用のトリガー: 参照されている法人・クラウドサービスの削除とIDの変更を拒否する（sec_history） / internal trigger, not called by users: a referenced organization or service is never deleted, and ids never change';
COMMENT ON FUNCTION ismap.facts_refresh() IS
  '内部用のトリガー: 登録の行に状態の判定に必要な事実の写しを保ち、本日のリストが変われば ismap_list_changed を通知する / internal trigger, not called by users: keeps the facts copy on the registration row and notifies ismap_list_changed';
COMMENT ON FUNCTION ismap.auditor_applications_check() IS
  '内部用のトリガー: 監査機関の申請の流れと登録・更新（aud_application_flow, aud_renewal_grace, aud_validity） / internal trigger, not called by users: auditor application flow and approval';
COMMENT ON FUNCTION ismap.auditor_status_changes_check() IS
  '内部用のトリガー: 監査機関の一時停止・解除・削除（ovs_suspension） / internal trigger, not called by users: auditor suspension, lift and removal';
COMMENT ON FUNCTION ismap.compliance_reports_check() IS
  '内部用のトリガー: 遵守状況報告の提出（aud_compliance_report） / internal trigger, not called by users: compliance report filing';
COMMENT ON FUNCTION ismap.auditor_standing(bigint, date) IS
  '内部用: 監査機関のある日の状態とその日に効力のある有効期限 / internal, not called by users: status of an auditor on a day, and the expiry of the term in force that day';
COMMENT ON FUNCTION ismap.registration_standing(ismap.registration_facts, date, date) IS
  '内部用: 登録の行に保たれた事実からある日の状態、その日の有効期間、審査中の更新申請の申請日を求める / internal, not called by users: status on a day, the term in force and a pending renewal''s filing date, from the facts kept on a registration row';
COMMENT ON FUNCTION ismap.list_arg_given(anyelement, text, text) IS
  '内部用: リストの引数が NULL でないことを確かめる / internal: refuses a NULL argument of a list function';
COMMENT ON FUNCTION ismap.cloud_services_check() IS
  '内部用のトリガー: クラウドサービスの記載事項を検証する / internal trigger, not called by users: checks a cloud service row';
COMMENT ON FUNCTION ismap.audits_check() IS
  '内部用のトリガー: 監査（svc_audit_by_registered_auditor, svc_audit_period, sec_conflict_of_interest） / internal trigger, not called by users: audits';
COMMENT ON FUNCTION ismap.service_applications_check() IS
  '内部用のトリガー: クラウドサービスの申請の流れと登録・更新（svc_application_flow ほか） / internal trigger, not called by users: service application flow and approval';
COMMENT ON FUNCTION ismap.service_status_changes_check() IS
  '内部用のトリガー: クラウドサービスの登録の一時停止・解除・削除（ovs_suspension） / internal trigger, not called by users: service suspension, lift and removal';
COMMENT ON COLUMN ismap.cloud_service_list.provider_name_en IS '事業者の英文名称 / provider''s English name';
COMMENT ON COLUMN ismap.cloud_service_list.auditor_name_en IS '監査機関の英文名称 / auditor''s English name';
COMMENT ON FUNCTION ismap.log_change() IS
  '内部用のトリガー: 登録簿の変更を決定の記録に追記する / internal trigger, not called by users: appends every change to the decision log';
COMMENT ON FUNCTION ismap.history_guard() IS
  '内部用のトリガー: 決定の記録の更新・削除を拒否する / internal trigger, not called by users: the decision log is append-only';
COMMENT ON FUNCTION ismap.history_first_break() IS
  '内部用: 決定の記録の連鎖の最初の切れ目（なければ NULL） / internal, not called by users: first broken link of the chain, or nulls';
COMMENT ON FUNCTION ismap.history_first_break(bigint, text) IS
  '内部用: 決定の記録の連鎖の最初の切れ目（控えた末尾に届かない場合を含む。なければ NULL） / internal, not called by users: first broken link of the chain, or of its reach to a recorded head; or nulls';
COMMENT ON FUNCTION ismap.known_rows(text, timestamptz) IS
  '内部用: ある時点で記録されていた表の行（決定の記録から復元） / internal, not called by users: rows of a registry table as recorded at a moment, rebuilt from the decision log';
COMMENT ON FUNCTION ismap.entry_change_reason(text, bigint, date, date, ismap.listing_status, ismap.listing_status, date, date, date) IS
  '内部用: リストの項目が二日の間で変わった理由 / internal, not called by users: why a list entry changed between two days';
COMMENT ON COLUMN ismap.cloud_service_list_periods.registration_id IS '登録ID / registration id';
COMMENT ON COLUMN ismap.cloud_service_list_periods.registration_number IS '登録番号 / registration number';
COMMENT ON COLUMN ismap.cloud_service_list_periods.service_id IS 'クラウドサービスID / service id';
COMMENT ON COLUMN ismap.cloud_service_list_periods.service_name IS 'クラウドサービスの名称 / service name';
COMMENT ON COLUMN ismap.cloud_service_list_periods.service_name_en IS 'クラウドサービスの英文名称 / service name in English';
COMMENT ON COLUMN ismap.cloud_service_list_periods.provider_name IS 'クラウドサービス事業者 / provider';
COMMENT ON COLUMN ismap.cloud_service_list_periods.provider_corporate_number IS '事業者の法人番号 / provider''s corporate number';
COMMENT ON COLUMN ismap.cloud_service_list_periods.statement_scope IS '言明の対象範囲 / statement scope';
COMMENT ON COLUMN ismap.cloud_service_list_periods.service_model IS 'サービスモデル / service model';
COMMENT ON COLUMN ismap.cloud_service_list_periods.registered_on IS '登録日 / registration date';
COMMENT ON COLUMN ismap.cloud_service_list_periods.audit_period_start IS 'この期間に効力のある登録の監査対象期間（開始） / audit period start of the term in force in this period';
COMMENT ON COLUMN ismap.cloud_service_list_periods.audit_period_end IS '同（終了） / audit period end of that term';
COMMENT ON COLUMN ismap.cloud_service_list_periods.valid_until IS 'その有効期限 / valid until';
COMMENT ON COLUMN ismap.cloud_service_list_periods.auditor_name IS 'その監査を行った監査機関 / auditor of that audit';
COMMENT ON COLUMN ismap.cloud_service_list_periods.auditor_registration_number IS '監査機関の登録番号 / auditor''s registration number';
COMMENT ON COLUMN ismap.cloud_service_list_periods.status IS 'この期間の状態（valid, renewal_pending, suspended） / status in this period';
COMMENT ON COLUMN ismap.cloud_service_list_periods.listed_from IS 'この期間の初日 / first day of the period';
COMMENT ON COLUMN ismap.cloud_service_list_periods.listed_until IS 'この期間の末日（infinity: 終わりが未定） / last day of the period (infinity: no end known yet)';
COMMENT ON COLUMN ismap.cloud_service_list_periods.provider_name_en IS '事業者の英文名称 / provider''s English name';
COMMENT ON COLUMN ismap.cloud_service_list_periods.auditor_name_en IS '監査機関の英文名称 / auditor''s English name';

\echo Use "ALTER EXTENSION ismap UPDATE" to load this file. \quit

-- Registration numbers: serial and branch are unique whatever the year
-- digits (src/sql/60_services.sql).  On a registry where 0.1.0 let two
-- numbers of one serial and branch in (C25-0032-1 and C26-0032-1, or
-- C26-0032-1 and C26-00032-1), this fails with their serial and branch:
-- the update stops, and the registry stays at 0.1.0 until they are told
-- apart.
CREATE UNIQUE INDEX service_registrations_serial_branch
  ON ismap.service_registrations
  ((pg_catalog.split_part(registration_number, '-', 2)::pg_catalog.int8),
   (pg_catalog.split_part(registration_number, '-', 3)::pg_catalog.int4));

-- A number may be given when the application is filed, and is checked then.
COMMENT ON COLUMN ismap.service_applications.registration_number IS '登録番号: 申請時又は承認時に指定するか、承認時に自動採番され、承認がここに書く / registration number: given with the application or its approval, or assigned at the approval, which writes it here';
