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

-- Oversight (issue 15): incidents, change notices, investigations and
-- demands (src/sql/75_oversight.sql, and its types, settings and log
-- triggers); a reapplication kind of application; status changes that
-- rest on an overdue demand.  A value added to an enum cannot be used in
-- the transaction that adds it: nothing below names 'reapplication'.
ALTER TYPE ismap.application_kind ADD VALUE 'reapplication';
CREATE TYPE ismap.report_stage AS ENUM ('first', 'final');
COMMENT ON TYPE ismap.report_stage IS 'インシデント報告の段階: first 速報, final 確報 / stage of an incident report: first, final';

CREATE TYPE ismap.notice_kind AS ENUM ('published_info', 'control_change');
COMMENT ON TYPE ismap.notice_kind IS '変更の届出の種別: published_info 公表事項の変更, control_change 統制の重大な変更（又はそのおそれのある事象） / kind of change notice: published information, or a significant control change';

CREATE TYPE ismap.finding AS ENUM ('no_issue', 'issues_found');
COMMENT ON TYPE ismap.finding IS '調査結果: no_issue 問題なし, issues_found 問題あり / finding of an investigation';

-- The defaults come with the extension: written past their guard here, as
-- CREATE EXTENSION writes them before the guard exists.
ALTER TABLE ismap.setting_defaults DISABLE TRIGGER setting_defaults_written_by_extension;
INSERT INTO ismap.setting_defaults (name, value, description) VALUES
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
ALTER TABLE ismap.setting_defaults ENABLE TRIGGER setting_defaults_written_by_extension;
COMMENT ON COLUMN ismap.settings.value IS '設定値（月数の期間、日数又は日付） / value in force: a period in whole months, a number of days, or a date';

ALTER TABLE ismap.auditor_status_changes ADD COLUMN reaudit_demand_id bigint,
  ADD COLUMN reapplication_demand_id bigint;
COMMENT ON COLUMN ismap.auditor_status_changes.reaudit_demand_id IS '根拠となる期限超過の再監査の要求（5.4、一時停止・削除のみ） / the overdue re-audit demand a suspension or removal rests on';
COMMENT ON COLUMN ismap.auditor_status_changes.reapplication_demand_id IS '根拠となる期限超過の再申請の要求（5.4、一時停止・削除のみ） / the overdue re-application demand a suspension or removal rests on';
ALTER TABLE ismap.service_status_changes ADD COLUMN reaudit_demand_id bigint,
  ADD COLUMN reapplication_demand_id bigint;
COMMENT ON COLUMN ismap.service_status_changes.reaudit_demand_id IS '根拠となる期限超過の再監査の要求（5.4、一時停止・削除のみ） / the overdue re-audit demand a suspension or removal rests on';
COMMENT ON COLUMN ismap.service_status_changes.reapplication_demand_id IS '根拠となる期限超過の再申請の要求（5.4、一時停止・削除のみ） / the overdue re-application demand a suspension or removal rests on';

-- ---------- change notices, and the lists that follow them (issue 15) ----------
--
-- Part 1 needs the type ismap.notice_kind (src/sql/10_types.sql) and must
-- come before the rest of the oversight schema of src/sql/75_oversight.sql
-- (the notices' triggers, their dump marking, and the functions and views
-- that read the published values); part 2 needs part 1.

-- Part 1: the notice tables and their periods of values
-- (src/sql/35_organization_notices.sql, src/sql/65_service_notices.sql).
CREATE TABLE ismap.organization_change_notices (
  notice_id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id bigint NOT NULL,
  noticed_on      date NOT NULL,
  effective_on    date NOT NULL,
  new_name        text,
  new_name_en     text,
  description     text
);
CREATE INDEX ON ismap.organization_change_notices (organization_id, effective_on);
COMMENT ON TABLE ismap.organization_change_notices IS
  '事業者・監査機関の登録事項の変更の届出（3.8, 4.7、非公開。名称の変更はリストに反映） / change notices of providers and auditors (confidential; new names reach the lists)';
COMMENT ON COLUMN ismap.organization_change_notices.notice_id IS '届出ID / notice id';
COMMENT ON COLUMN ismap.organization_change_notices.organization_id IS '法人 / the organization';
COMMENT ON COLUMN ismap.organization_change_notices.noticed_on IS '届出日 / the day it was notified';
COMMENT ON COLUMN ismap.organization_change_notices.effective_on IS '変更の効力発生日 / the day the change takes effect';
COMMENT ON COLUMN ismap.organization_change_notices.new_name IS '変更後の名称 / new name, NULL if unchanged';
COMMENT ON COLUMN ismap.organization_change_notices.new_name_en IS '変更後の英文名称 / new English name, NULL if unchanged';
COMMENT ON COLUMN ismap.organization_change_notices.description IS '変更の内容 / what changes';

-- The names of the organizations that have notices, period by period:
-- the values first recorded (ismap.organizations, as corrected) until
-- the first notice takes effect; then, for each day a notice takes
-- effect, until the day before the next, the latest value notified with
-- an effective date on or before that day (of notices effective the same
-- day, the last recorded, by notice_id).  A notice that leaves a value
-- NULL leaves it as it was.  Derived when read, so nothing stored can
-- disagree with the notices; read by joins and aggregates over the
-- notices alone (no subquery per row), so that the lists can join it by
-- hash, in parallel workers too, whatever their size.
CREATE VIEW ismap.noticed_organization_values AS
  SELECT o.organization_id, '-infinity'::date AS valid_from,
         f.first_effective OPERATOR(pg_catalog.-) 1 AS valid_until,
         o.name, o.name_en
    FROM (SELECT n.organization_id, pg_catalog.min(n.effective_on) AS first_effective
            FROM ismap.organization_change_notices n
           GROUP BY n.organization_id) f
    JOIN ismap.organizations o ON o.organization_id OPERATOR(pg_catalog.=) f.organization_id
  UNION ALL
  SELECT d.organization_id, d.effective_on,
         COALESCE(pg_catalog.min(n.effective_on)
                    FILTER (WHERE n.effective_on OPERATOR(pg_catalog.>) d.effective_on)
                    OPERATOR(pg_catalog.-) 1,
                  'infinity'::date),
         COALESCE((pg_catalog.array_agg(n.new_name ORDER BY n.effective_on DESC, n.notice_id DESC)
                     FILTER (WHERE n.effective_on OPERATOR(pg_catalog.<=) d.effective_on
                               AND n.new_name IS NOT NULL))[1], o.name),
         COALESCE((pg_catalog.array_agg(n.new_name_en ORDER BY n.effective_on DESC, n.notice_id DESC)
                     FILTER (WHERE n.effective_on OPERATOR(pg_catalog.<=) d.effective_on
                               AND n.new_name_en IS NOT NULL))[1], o.name_en)
    FROM (SELECT DISTINCT n.organization_id, n.effective_on
            FROM ismap.organization_change_notices n) d
    JOIN ismap.organization_change_notices n
      ON n.organization_id OPERATOR(pg_catalog.=) d.organization_id
    JOIN ismap.organizations o ON o.organization_id OPERATOR(pg_catalog.=) d.organization_id
   GROUP BY d.organization_id, d.effective_on, o.organization_id;
COMMENT ON VIEW ismap.noticed_organization_values IS
  '内部用: 変更の届出のある法人の名称の期間ごとの値 / internal: the names of the organizations with change notices, period by period';
COMMENT ON COLUMN ismap.noticed_organization_values.organization_id IS '法人 / organization';
COMMENT ON COLUMN ismap.noticed_organization_values.valid_from IS '期間の初日（-infinity: 最初の値） / first day (-infinity: the values first recorded)';
COMMENT ON COLUMN ismap.noticed_organization_values.valid_until IS '期間の末日 / last day';
COMMENT ON COLUMN ismap.noticed_organization_values.name IS '名称 / name';
COMMENT ON COLUMN ismap.noticed_organization_values.name_en IS '英文名称 / English name';

-- The names of every organization, period by period: one period, as
-- recorded, for an organization without notices.
CREATE VIEW ismap.organization_published_values WITH (security_barrier) AS
  SELECT o.organization_id, '-infinity'::date AS valid_from, 'infinity'::date AS valid_until,
         o.name, o.name_en
    FROM ismap.organizations o
   WHERE NOT EXISTS (SELECT FROM ismap.organization_change_notices n
                      WHERE n.organization_id OPERATOR(pg_catalog.=) o.organization_id)
  UNION ALL
  SELECT v.organization_id, v.valid_from, v.valid_until, v.name, v.name_en
    FROM ismap.noticed_organization_values v;
COMMENT ON VIEW ismap.organization_published_values IS
  '事業者・監査機関の名称の期間ごとの値（変更の届出から導出、非公開） / the names of each organization, period by period, derived from the change notices';
COMMENT ON COLUMN ismap.organization_published_values.organization_id IS '法人 / organization';
COMMENT ON COLUMN ismap.organization_published_values.valid_from IS '期間の初日（-infinity: 最初の値） / first day (-infinity: the values first recorded)';
COMMENT ON COLUMN ismap.organization_published_values.valid_until IS '期間の末日 / last day';
COMMENT ON COLUMN ismap.organization_published_values.name IS '名称 / name';
COMMENT ON COLUMN ismap.organization_published_values.name_en IS '英文名称 / English name';

CREATE TABLE ismap.service_change_notices (
  notice_id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  service_id          bigint NOT NULL,
  kind                ismap.notice_kind NOT NULL,
  noticed_on          date NOT NULL,
  effective_on        date NOT NULL,
  new_name            text,
  new_name_en         text,
  new_statement_scope text,
  description         text
);
CREATE INDEX ON ismap.service_change_notices (service_id, effective_on);
COMMENT ON TABLE ismap.service_change_notices IS
  'クラウドサービスの変更の届出（3.8、非公開。公表事項の変更はリストに反映） / change notices of cloud services (confidential; published values reach the lists)';
COMMENT ON COLUMN ismap.service_change_notices.notice_id IS '届出ID / notice id';
COMMENT ON COLUMN ismap.service_change_notices.service_id IS 'クラウドサービス / the service';
COMMENT ON COLUMN ismap.service_change_notices.kind IS '公表事項の変更（published_info）又は統制の重大な変更（control_change） / change of published information, or significant control change';
COMMENT ON COLUMN ismap.service_change_notices.noticed_on IS '届出日 / the day it was notified';
COMMENT ON COLUMN ismap.service_change_notices.effective_on IS '変更の効力発生日（届出日の前後いずれも可） / the day the change takes effect (before or after noticed_on)';
COMMENT ON COLUMN ismap.service_change_notices.new_name IS '変更後の名称（変更しないときは NULL） / new name, NULL if unchanged';
COMMENT ON COLUMN ismap.service_change_notices.new_name_en IS '変更後の英文名称 / new English name, NULL if unchanged';
COMMENT ON COLUMN ismap.service_change_notices.new_statement_scope IS '変更後の言明の対象範囲 / new statement scope, NULL if unchanged';
COMMENT ON COLUMN ismap.service_change_notices.description IS '変更の内容（統制の変更では必須） / what changes (required for a control change)';

-- The published values of the services that have notices of published
-- information, period by period, as ismap.noticed_organization_values
-- gives the names of organizations (src/sql/35_organization_notices.sql):
-- the values first recorded (ismap.cloud_services, as corrected) until
-- the first such notice takes effect, then from each day one takes effect
-- the latest value notified on or before it (of notices effective the
-- same day, the last recorded).  A notice that leaves a value NULL leaves
-- it as it was; a control change changes none.
CREATE VIEW ismap.noticed_service_values AS
  SELECT s.service_id, '-infinity'::date AS valid_from,
         f.first_effective OPERATOR(pg_catalog.-) 1 AS valid_until,
         s.name, s.name_en, s.statement_scope
    FROM (SELECT n.service_id, pg_catalog.min(n.effective_on) AS first_effective
            FROM ismap.service_change_notices n
           WHERE n.kind OPERATOR(pg_catalog.=) 'published_info'::ismap.notice_kind
           GROUP BY n.service_id) f
    JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) f.service_id
  UNION ALL
  SELECT d.service_id, d.effective_on,
         COALESCE(pg_catalog.min(n.effective_on)
                    FILTER (WHERE n.effective_on OPERATOR(pg_catalog.>) d.effective_on)
                    OPERATOR(pg_catalog.-) 1,
                  'infinity'::date),
         COALESCE((pg_catalog.array_agg(n.new_name ORDER BY n.effective_on DESC, n.notice_id DESC)
                     FILTER (WHERE n.effective_on OPERATOR(pg_catalog.<=) d.effective_on
                               AND n.new_name IS NOT NULL))[1], s.name),
         COALESCE((pg_catalog.array_agg(n.new_name_en ORDER BY n.effective_on DESC, n.notice_id DESC)
                     FILTER (WHERE n.effective_on OPERATOR(pg_catalog.<=) d.effective_on
                               AND n.new_name_en IS NOT NULL))[1], s.name_en),
         COALESCE((pg_catalog.array_agg(n.new_statement_scope ORDER BY n.effective_on DESC, n.notice_id DESC)
                     FILTER (WHERE n.effective_on OPERATOR(pg_catalog.<=) d.effective_on
                               AND n.new_statement_scope IS NOT NULL))[1], s.statement_scope)
    FROM (SELECT DISTINCT n.service_id, n.effective_on FROM ismap.service_change_notices n
           WHERE n.kind OPERATOR(pg_catalog.=) 'published_info'::ismap.notice_kind) d
    JOIN ismap.service_change_notices n
      ON n.service_id OPERATOR(pg_catalog.=) d.service_id
     AND n.kind OPERATOR(pg_catalog.=) 'published_info'::ismap.notice_kind
    JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) d.service_id
   GROUP BY d.service_id, d.effective_on, s.service_id;
COMMENT ON VIEW ismap.noticed_service_values IS
  '内部用: 公表事項の変更の届出のあるクラウドサービスの公表事項の期間ごとの値 / internal: the published values of the services with notices of published information, period by period';
COMMENT ON COLUMN ismap.noticed_service_values.service_id IS 'クラウドサービス / service';
COMMENT ON COLUMN ismap.noticed_service_values.valid_from IS '期間の初日（-infinity: 最初の値） / first day (-infinity: the values first recorded)';
COMMENT ON COLUMN ismap.noticed_service_values.valid_until IS '期間の末日 / last day';
COMMENT ON COLUMN ismap.noticed_service_values.name IS '名称 / name';
COMMENT ON COLUMN ismap.noticed_service_values.name_en IS '英文名称 / English name';
COMMENT ON COLUMN ismap.noticed_service_values.statement_scope IS '言明の対象範囲 / statement scope';

-- The published values of every service, period by period: one period,
-- as recorded, for a service without notices of published information.
CREATE VIEW ismap.service_published_values WITH (security_barrier) AS
  SELECT s.service_id, '-infinity'::date AS valid_from, 'infinity'::date AS valid_until,
         s.name, s.name_en, s.statement_scope
    FROM ismap.cloud_services s
   WHERE NOT EXISTS (SELECT FROM ismap.service_change_notices n
                      WHERE n.service_id OPERATOR(pg_catalog.=) s.service_id
                        AND n.kind OPERATOR(pg_catalog.=) 'published_info'::ismap.notice_kind)
  UNION ALL
  SELECT v.service_id, v.valid_from, v.valid_until, v.name, v.name_en, v.statement_scope
    FROM ismap.noticed_service_values v;
COMMENT ON VIEW ismap.service_published_values IS
  'クラウドサービスの公表事項（名称・英文名称・言明の対象範囲）の期間ごとの値（変更の届出から導出、非公開） / the published values of each service, period by period, derived from the change notices';
COMMENT ON COLUMN ismap.service_published_values.service_id IS 'クラウドサービス / service';
COMMENT ON COLUMN ismap.service_published_values.valid_from IS '期間の初日（-infinity: 最初の値） / first day (-infinity: the values first recorded)';
COMMENT ON COLUMN ismap.service_published_values.valid_until IS '期間の末日 / last day';
COMMENT ON COLUMN ismap.service_published_values.name IS '名称 / name';
COMMENT ON COLUMN ismap.service_published_values.name_en IS '英文名称 / English name';
COMMENT ON COLUMN ismap.service_published_values.statement_scope IS '言明の対象範囲 / statement scope';
REVOKE ALL ON ismap.organization_change_notices, ismap.noticed_organization_values,
  ismap.organization_published_values, ismap.service_change_notices, ismap.noticed_service_values,
  ismap.service_published_values FROM PUBLIC;
REVOKE ALL ON SEQUENCE ismap.organization_change_notices_notice_id_seq,
  ismap.service_change_notices_notice_id_seq FROM PUBLIC;

-- Oversight while an entry is on the lists (3.7, 3.8, 4.7, 5.1–5.3):
-- incident reports, change notices, investigations, re-audit and
-- re-application demands.  Every table here is confidential (9.1): none is
-- granted to PUBLIC; the published values that change notices give reach
-- the public only through the lists.
--
-- "Registered on a day" means the registration's status that day is
-- valid, renewal_pending or suspended: a suspended registration is not in
-- force for the lists, but its provider and auditor keep their duties.

-- ---------- incidents (3.7, svc_incident_report) ----------

CREATE TABLE ismap.incidents (
  incident_id     bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  registration_id bigint NOT NULL,
  recognized_on   date NOT NULL,
  summary         text NOT NULL
);
CREATE INDEX ON ismap.incidents (registration_id);
COMMENT ON TABLE ismap.incidents IS
  '登録されたクラウドサービスの重大なセキュリティインシデント（3.7、非公開） / serious security incidents of registered services (confidential)';
COMMENT ON COLUMN ismap.incidents.incident_id IS 'インシデントID / incident id';
COMMENT ON COLUMN ismap.incidents.registration_id IS 'クラウドサービスの登録（認知日に登録されていること） / the service registration, registered on recognized_on';
COMMENT ON COLUMN ismap.incidents.recognized_on IS '事業者が認知した日（報告期限の起算日） / the day the provider recognized it; the report due dates count from it';
COMMENT ON COLUMN ismap.incidents.summary IS '概要 / summary';

CREATE TABLE ismap.incident_reports (
  report_id   bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  incident_id bigint NOT NULL,
  stage       ismap.report_stage NOT NULL,
  reported_on date NOT NULL,
  body        text NOT NULL,
  UNIQUE (incident_id, stage)
);
COMMENT ON TABLE ismap.incident_reports IS
  'インシデントの速報・確報（3.7、非公開） / first and final reports of incidents (confidential)';
COMMENT ON COLUMN ismap.incident_reports.report_id IS '報告ID / report id';
COMMENT ON COLUMN ismap.incident_reports.incident_id IS 'インシデント / the incident';
COMMENT ON COLUMN ismap.incident_reports.stage IS '速報（first）又は確報（final） / first or final report';
COMMENT ON COLUMN ismap.incident_reports.reported_on IS '報告日（期限後も受け付ける） / the day it was filed (accepted also when late)';
COMMENT ON COLUMN ismap.incident_reports.body IS '報告の内容 / the report';

CREATE FUNCTION ismap.incident_report_due(recognized_on date, stage ismap.report_stage)
  RETURNS date
  LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_incident_report_due';
COMMENT ON FUNCTION ismap.incident_report_due(date, ismap.report_stage) IS
  'インシデント報告の期限（認知日＋設定 incident_first_report_days / incident_final_report_days） / due date of an incident report: recognized_on plus its setting';

-- ---------- change notices: the tables and their values come before (part 1 below) ----------

-- ---------- investigations (5.1, ovs_monitoring) ----------

CREATE TABLE ismap.investigations (
  investigation_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  registration_id  bigint,
  auditor_id       bigint,
  opened_on        date NOT NULL,
  closed_on        date,
  finding          ismap.finding,
  finding_text     text
);
CREATE INDEX ON ismap.investigations (registration_id);
CREATE INDEX ON ismap.investigations (auditor_id);
COMMENT ON TABLE ismap.investigations IS
  '運営委員会による調査（5.1、非公開） / the committee''s investigations of registered services and auditors (confidential)';
COMMENT ON COLUMN ismap.investigations.investigation_id IS '調査ID / investigation id';
COMMENT ON COLUMN ismap.investigations.registration_id IS '調査の対象のクラウドサービスの登録（監査機関と択一） / the service registration investigated (or an auditor)';
COMMENT ON COLUMN ismap.investigations.auditor_id IS '調査の対象の監査機関（登録と択一） / the auditor investigated (or a registration)';
COMMENT ON COLUMN ismap.investigations.opened_on IS '開始日 / opened on';
COMMENT ON COLUMN ismap.investigations.closed_on IS '終了日（NULL: 調査中） / closed on, NULL while open';
COMMENT ON COLUMN ismap.investigations.finding IS '調査結果 / finding: no_issue or issues_found';
COMMENT ON COLUMN ismap.investigations.finding_text IS '調査結果の内容（issues_found では必須） / what was found (required with issues_found)';

-- ---------- demands (5.2 ovs_reaudit, 5.3 ovs_reapplication) ----------

CREATE TABLE ismap.reaudit_demands (
  demand_id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  registration_id  bigint NOT NULL,
  demanded_on      date NOT NULL,
  due_on           date NOT NULL,
  grounds          text,
  notice_id        bigint,
  investigation_id bigint
);
CREATE INDEX ON ismap.reaudit_demands (registration_id);
COMMENT ON TABLE ismap.reaudit_demands IS
  '再監査の要求（5.2、非公開） / the committee''s demands for a re-audit of a service (confidential)';
COMMENT ON COLUMN ismap.reaudit_demands.demand_id IS '要求ID / demand id';
COMMENT ON COLUMN ismap.reaudit_demands.registration_id IS 'クラウドサービスの登録 / the service registration';
COMMENT ON COLUMN ismap.reaudit_demands.demanded_on IS '要求日 / demanded on';
COMMENT ON COLUMN ismap.reaudit_demands.due_on IS '期限（この日までに報告された監査が要求を満たす） / due date: an audit of the service reported from demanded_on to this day fulfils it';
COMMENT ON COLUMN ismap.reaudit_demands.grounds IS '理由 / grounds';
COMMENT ON COLUMN ismap.reaudit_demands.notice_id IS '根拠となる統制の変更の届出（調査と択一） / the control change notice it rests on (or an investigation)';
COMMENT ON COLUMN ismap.reaudit_demands.investigation_id IS '根拠となる調査（issues_found で終了したもの） / the investigation closed with issues_found it rests on (or a notice)';

CREATE TABLE ismap.reapplication_demands (
  demand_id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  registration_id bigint,
  auditor_id      bigint,
  demanded_on     date NOT NULL,
  due_on          date NOT NULL,
  grounds         text
);
CREATE INDEX ON ismap.reapplication_demands (registration_id);
CREATE INDEX ON ismap.reapplication_demands (auditor_id);
COMMENT ON TABLE ismap.reapplication_demands IS
  '再申請の要求（5.3、非公開） / the committee''s demands that a service or an auditor re-apply (confidential)';
COMMENT ON COLUMN ismap.reapplication_demands.demand_id IS '要求ID / demand id';
COMMENT ON COLUMN ismap.reapplication_demands.registration_id IS 'クラウドサービスの登録（監査機関と択一） / the service registration (or an auditor)';
COMMENT ON COLUMN ismap.reapplication_demands.auditor_id IS '監査機関（登録と択一） / the auditor (or a registration)';
COMMENT ON COLUMN ismap.reapplication_demands.demanded_on IS '要求日 / demanded on';
COMMENT ON COLUMN ismap.reapplication_demands.due_on IS '期限（この日までの再申請が要求を満たす） / due date: a reapplication filed from demanded_on to this day fulfils it';
COMMENT ON COLUMN ismap.reapplication_demands.grounds IS '理由 / grounds';

CREATE FUNCTION ismap.demand_status(kind text, demand_id bigint, as_of date DEFAULT ismap.today())
  RETURNS text
  LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_demand_status';
COMMENT ON FUNCTION ismap.demand_status(text, bigint, date) IS
  '要求（kind: reaudit 又は reapplication）のある日の状態: open 未充足, fulfilled 充足, overdue 期限超過（要求日前は NULL） / status of a demand on a day: open, fulfilled or overdue (NULL before it was made)';

-- ---------- triggers: the rules, in C ----------

CREATE FUNCTION ismap.incidents_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_incidents_check';
COMMENT ON FUNCTION ismap.incidents_check() IS
  '内部用のトリガー: インシデントとその報告（svc_incident_report） / internal trigger, not called by users: incidents and their reports';
CREATE FUNCTION ismap.change_notices_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_change_notices_check';
COMMENT ON FUNCTION ismap.change_notices_check() IS
  '内部用のトリガー: 変更の届出（svc_change_notice, aud_change_notice） / internal trigger, not called by users: change notices';
CREATE FUNCTION ismap.investigations_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_investigations_check';
COMMENT ON FUNCTION ismap.investigations_check() IS
  '内部用のトリガー: 調査（ovs_monitoring） / internal trigger, not called by users: investigations';
CREATE FUNCTION ismap.demands_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_demands_check';
COMMENT ON FUNCTION ismap.demands_check() IS
  '内部用のトリガー: 再監査・再申請の要求（ovs_reaudit, ovs_reapplication） / internal trigger, not called by users: re-audit and re-application demands';

CREATE TRIGGER incidents_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.incidents
  FOR EACH ROW EXECUTE FUNCTION ismap.incidents_check();
CREATE TRIGGER incident_reports_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.incident_reports
  FOR EACH ROW EXECUTE FUNCTION ismap.incidents_check();
CREATE TRIGGER service_change_notices_check
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.service_change_notices
  FOR EACH ROW EXECUTE FUNCTION ismap.change_notices_check();
CREATE TRIGGER organization_change_notices_check
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.organization_change_notices
  FOR EACH ROW EXECUTE FUNCTION ismap.change_notices_check();
CREATE TRIGGER investigations_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.investigations
  FOR EACH ROW EXECUTE FUNCTION ismap.investigations_check();
CREATE TRIGGER reaudit_demands_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.reaudit_demands
  FOR EACH ROW EXECUTE FUNCTION ismap.demands_check();
CREATE TRIGGER reapplication_demands_check
  BEFORE INSERT OR UPDATE OR DELETE ON ismap.reapplication_demands
  FOR EACH ROW EXECUTE FUNCTION ismap.demands_check();

CREATE TRIGGER incidents_no_truncate BEFORE TRUNCATE ON ismap.incidents
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER incident_reports_no_truncate BEFORE TRUNCATE ON ismap.incident_reports
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER service_change_notices_no_truncate BEFORE TRUNCATE ON ismap.service_change_notices
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER organization_change_notices_no_truncate BEFORE TRUNCATE ON ismap.organization_change_notices
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER investigations_no_truncate BEFORE TRUNCATE ON ismap.investigations
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER reaudit_demands_no_truncate BEFORE TRUNCATE ON ismap.reaudit_demands
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER reapplication_demands_no_truncate BEFORE TRUNCATE ON ismap.reapplication_demands
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');


-- ---------- what is overdue, and what was filed late ----------

CREATE FUNCTION ismap.change_notice_due(effective_on date)
  RETURNS date
  LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_change_notice_due';
COMMENT ON FUNCTION ismap.change_notice_due(date) IS
  '変更の届出の期限（効力発生日＋設定 change_notice_days） / due date of a change notice: its effective date plus the setting change_notice_days';

-- One row per item overdue on a day: from the day after its due date
-- until it is filed or fulfilled, and only while its subject is
-- registered that day.  Read-only, so it answers on a hot standby.
CREATE FUNCTION ismap.overdue_obligations_at(as_of date)
  RETURNS TABLE (kind text, registration_number text, organization_name text,
                 due_on date, days_overdue integer, item_id bigint)
  LANGUAGE sql STABLE STRICT
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH items AS (
      SELECT 'compliance_report'::text AS kind, a.registration_number, a.organization_id,
             c.due_on, c.report_id AS item_id,
             ismap.auditor_status(a.auditor_id, as_of) AS subject_status
        FROM ismap.auditor_compliance_reports c
        JOIN ismap.auditors a ON a.auditor_id OPERATOR(pg_catalog.=) c.auditor_id
       WHERE c.due_on OPERATOR(pg_catalog.<) as_of
         AND (c.filed_on IS NULL OR c.filed_on OPERATOR(pg_catalog.>) as_of)
      UNION ALL
      SELECT 'incident_' OPERATOR(pg_catalog.||) st.stage::text OPERATOR(pg_catalog.||) '_report',
             r.registration_number, s.provider_id,
             ismap.incident_report_due(i.recognized_on, st.stage), i.incident_id,
             ismap.service_status(r.registration_id, as_of)
        FROM ismap.incidents i
        JOIN ismap.service_registrations r ON r.registration_id OPERATOR(pg_catalog.=) i.registration_id
        JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) r.service_id
       CROSS JOIN (VALUES ('first'::ismap.report_stage), ('final'::ismap.report_stage)) st(stage)
       WHERE i.recognized_on OPERATOR(pg_catalog.<=) as_of
         AND ismap.incident_report_due(i.recognized_on, st.stage) OPERATOR(pg_catalog.<) as_of
         AND NOT EXISTS (SELECT 1 FROM ismap.incident_reports p
                          WHERE p.incident_id OPERATOR(pg_catalog.=) i.incident_id
                            AND p.stage OPERATOR(pg_catalog.=) st.stage
                            AND p.reported_on OPERATOR(pg_catalog.<=) as_of)
      UNION ALL
      SELECT 'reaudit', r.registration_number, s.provider_id, d.due_on, d.demand_id,
             ismap.service_status(r.registration_id, as_of)
        FROM ismap.reaudit_demands d
        JOIN ismap.service_registrations r ON r.registration_id OPERATOR(pg_catalog.=) d.registration_id
        JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) r.service_id
       WHERE d.due_on OPERATOR(pg_catalog.<) as_of
         AND ismap.demand_status('reaudit', d.demand_id, as_of) OPERATOR(pg_catalog.=) 'overdue'
      UNION ALL
      SELECT 'reapplication', COALESCE(r.registration_number, a.registration_number),
             COALESCE(s.provider_id, a.organization_id), d.due_on, d.demand_id,
             CASE WHEN d.registration_id IS NOT NULL
                  THEN ismap.service_status(d.registration_id, as_of)
                  ELSE ismap.auditor_status(d.auditor_id, as_of) END
        FROM ismap.reapplication_demands d
        LEFT JOIN ismap.service_registrations r ON r.registration_id OPERATOR(pg_catalog.=) d.registration_id
        LEFT JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) r.service_id
        LEFT JOIN ismap.auditors a ON a.auditor_id OPERATOR(pg_catalog.=) d.auditor_id
       WHERE d.due_on OPERATOR(pg_catalog.<) as_of
         AND ismap.demand_status('reapplication', d.demand_id, as_of) OPERATOR(pg_catalog.=) 'overdue'
    )
    SELECT it.kind, it.registration_number, v.name, it.due_on,
           as_of OPERATOR(pg_catalog.-) it.due_on, it.item_id
      FROM items it
      JOIN ismap.organization_published_values v
        ON v.organization_id OPERATOR(pg_catalog.=) it.organization_id
       AND v.valid_from OPERATOR(pg_catalog.<=) as_of
       AND v.valid_until OPERATOR(pg_catalog.>=) as_of
     WHERE it.subject_status OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
     ORDER BY it.due_on, it.registration_number, it.kind, it.item_id
  $$;
COMMENT ON FUNCTION ismap.overdue_obligations_at(date) IS
  'ある日に期限を過ぎて未履行の義務（遵守状況報告、インシデントの速報・確報、再監査、再申請）。その日に登録されている対象のもの / every obligation overdue on a day, of subjects registered that day';

CREATE VIEW ismap.overdue_obligations WITH (security_barrier) AS
  SELECT * FROM ismap.overdue_obligations_at(ismap.today());
COMMENT ON VIEW ismap.overdue_obligations IS
  '本日時点で期限を過ぎて未履行の義務 / every obligation overdue today';
COMMENT ON COLUMN ismap.overdue_obligations.kind IS '種別（compliance_report, incident_first_report, incident_final_report, reaudit, reapplication） / kind of obligation';
COMMENT ON COLUMN ismap.overdue_obligations.registration_number IS 'クラウドサービス又は監査機関の登録番号 / registration number of the service or the auditor';
COMMENT ON COLUMN ismap.overdue_obligations.organization_name IS '事業者又は監査機関の名称（本日の名称） / provider or auditor, by its name today';
COMMENT ON COLUMN ismap.overdue_obligations.due_on IS '期限 / due date';
COMMENT ON COLUMN ismap.overdue_obligations.days_overdue IS '超過日数 / days overdue';
COMMENT ON COLUMN ismap.overdue_obligations.item_id IS '報告・インシデント・要求のID / id of the report, incident or demand';

-- Reports and notices filed after their due date.
CREATE VIEW ismap.late_filings WITH (security_barrier) AS
  SELECT f.kind, f.registration_number, f.due_on, f.filed_on,
         f.filed_on OPERATOR(pg_catalog.-) f.due_on AS days_late, f.item_id
    FROM (
      SELECT 'compliance_report'::text AS kind, a.registration_number, c.due_on,
             c.filed_on, c.report_id AS item_id
        FROM ismap.auditor_compliance_reports c
        JOIN ismap.auditors a ON a.auditor_id OPERATOR(pg_catalog.=) c.auditor_id
      UNION ALL
      SELECT 'incident_' OPERATOR(pg_catalog.||) p.stage::text OPERATOR(pg_catalog.||) '_report',
             r.registration_number, ismap.incident_report_due(i.recognized_on, p.stage),
             p.reported_on, p.report_id
        FROM ismap.incident_reports p
        JOIN ismap.incidents i ON i.incident_id OPERATOR(pg_catalog.=) p.incident_id
        JOIN ismap.service_registrations r ON r.registration_id OPERATOR(pg_catalog.=) i.registration_id
      UNION ALL
      SELECT 'service_change_notice', r.registration_number,
             ismap.change_notice_due(n.effective_on), n.noticed_on, n.notice_id
        FROM ismap.service_change_notices n
        LEFT JOIN LATERAL (
               SELECT g.registration_number FROM ismap.service_registrations g
                WHERE g.service_id OPERATOR(pg_catalog.=) n.service_id
                  AND ismap.service_status(g.registration_id, n.effective_on)
                      OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
                ORDER BY g.registered_on DESC LIMIT 1) r ON true
      UNION ALL
      SELECT 'organization_change_notice', a.registration_number,
             ismap.change_notice_due(n.effective_on), n.noticed_on, n.notice_id
        FROM ismap.organization_change_notices n
        LEFT JOIN LATERAL (
               SELECT g.registration_number FROM ismap.auditors g
                WHERE g.organization_id OPERATOR(pg_catalog.=) n.organization_id
                  AND ismap.auditor_status(g.auditor_id, n.effective_on)
                      OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
                ORDER BY g.registered_on DESC LIMIT 1) a ON true
    ) f
   WHERE f.filed_on OPERATOR(pg_catalog.>) f.due_on
   ORDER BY f.filed_on, f.kind, f.item_id;
COMMENT ON VIEW ismap.late_filings IS
  '期限を過ぎて提出された報告・届出 / reports and notices filed after their due date';
COMMENT ON COLUMN ismap.late_filings.kind IS '種別（compliance_report, incident_first_report, incident_final_report, service_change_notice, organization_change_notice） / kind of filing';
COMMENT ON COLUMN ismap.late_filings.registration_number IS '登録番号（事業者の届出では NULL、監査機関の届出ではその番号） / registration number (of the service, or of the auditor; NULL for a provider''s notice)';
COMMENT ON COLUMN ismap.late_filings.due_on IS '期限 / due date';
COMMENT ON COLUMN ismap.late_filings.filed_on IS '提出日 / filed on';
COMMENT ON COLUMN ismap.late_filings.days_late IS '遅延日数 / days late';
COMMENT ON COLUMN ismap.late_filings.item_id IS '報告・届出のID / id of the report or notice';

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

CREATE OR REPLACE FUNCTION ismap.overdue_items(as_of date DEFAULT ismap.today())
  RETURNS TABLE (item text, registration_number text, name text, due_on date, days_overdue integer)
  LANGUAGE sql STABLE STRICT
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT o.kind, o.registration_number, o.organization_name, o.due_on, o.days_overdue
      FROM ismap.overdue_obligations_at(as_of) o
     ORDER BY 4, 2, 1
  $$;
COMMENT ON FUNCTION ismap.overdue_items(date) IS
  'ある日に期限を過ぎた事項（ismap.overdue_obligations_at の要約） / items overdue on a day: compliance reports, incident reports, re-audits and re-applications (a summary of ismap.overdue_obligations_at)';

SELECT pg_catalog.pg_extension_config_dump('ismap.incidents', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.incident_reports', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.service_change_notices', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.organization_change_notices', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.investigations', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.reaudit_demands', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.reapplication_demands', '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.incidents', 'incident_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.incident_reports', 'report_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.service_change_notices', 'notice_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.organization_change_notices', 'notice_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.investigations', 'investigation_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.reaudit_demands', 'demand_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.reapplication_demands', 'demand_id'), '');

COMMENT ON SEQUENCE ismap.incidents_incident_id_seq IS 'インシデントIDの連番 / incident ids';
COMMENT ON SEQUENCE ismap.incident_reports_report_id_seq IS 'インシデント報告IDの連番 / incident report ids';
COMMENT ON SEQUENCE ismap.service_change_notices_notice_id_seq IS 'クラウドサービスの変更の届出IDの連番 / service change notice ids';
COMMENT ON SEQUENCE ismap.organization_change_notices_notice_id_seq IS '法人の変更の届出IDの連番 / organization change notice ids';
COMMENT ON SEQUENCE ismap.investigations_investigation_id_seq IS '調査IDの連番 / investigation ids';
COMMENT ON SEQUENCE ismap.reaudit_demands_demand_id_seq IS '再監査の要求IDの連番 / re-audit demand ids';
COMMENT ON SEQUENCE ismap.reapplication_demands_demand_id_seq IS '再申請の要求IDの連番 / re-application demand ids';

-- As in a fresh install (src/sql/90_privileges.sql): PUBLIC may execute
-- none of the new functions, nor read any new table, view or sequence
-- (the REVOKE makes their owner's privileges explicit, as there).
REVOKE EXECUTE ON FUNCTION ismap.incident_report_due(date, ismap.report_stage),
  ismap.change_notice_due(date), ismap.demand_status(text, bigint, date),
  ismap.overdue_obligations_at(date), ismap.incidents_check(), ismap.change_notices_check(),
  ismap.investigations_check(), ismap.demands_check() FROM PUBLIC;
REVOKE ALL ON ismap.incidents, ismap.incident_reports, ismap.service_change_notices,
  ismap.organization_change_notices, ismap.investigations, ismap.reaudit_demands,
  ismap.reapplication_demands, ismap.service_published_values,
  ismap.organization_published_values, ismap.overdue_obligations, ismap.late_filings FROM PUBLIC;
REVOKE ALL ON SEQUENCE ismap.incidents_incident_id_seq, ismap.incident_reports_report_id_seq,
  ismap.service_change_notices_notice_id_seq, ismap.organization_change_notices_notice_id_seq,
  ismap.investigations_investigation_id_seq, ismap.reaudit_demands_demand_id_seq,
  ismap.reapplication_demands_demand_id_seq FROM PUBLIC;

-- Comments new or changed since 0.1.0: the English of the enum types, the
-- internal functions said to be internal, the columns of the list views.
COMMENT ON TYPE ismap.application_kind IS '申請の種別: new 新規登録申請, renewal 登録更新申請, reapplication 運営委員会の要求による再申請（5.3） / kind of application: new (first registration), renewal, reapplication (on the committee''s demand)';
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
-- apart.  The initial letter is the third key: ISMAP-LIU numbers
-- (L23-0001-1) have serials of their own.
CREATE UNIQUE INDEX service_registrations_serial_branch
  ON ismap.service_registrations
  ((pg_catalog.split_part(registration_number, '-', 2)::pg_catalog.int8),
   (pg_catalog.split_part(registration_number, '-', 3)::pg_catalog.int4),
   (pg_catalog.left(registration_number, 1)));

-- A number may be given when the application is filed, and is checked then.
COMMENT ON COLUMN ismap.service_applications.registration_number IS '登録番号: 申請時又は承認時に指定するか、承認時に自動採番され、承認がここに書く / registration number: given with the application or its approval, or assigned at the approval, which writes it here';

-- ---------- change notices: the lists that follow them (issue 15) ----------

-- Part 2: the lists show the values in force on each day.
-- The registrations whose list entries change notices touch: of a
-- service with a notice of published information, of a service whose
-- provider has a notice, or with a term whose auditor's organization has
-- one (a registration may come more than once).  Found from the notices.
CREATE VIEW ismap.noticed_registrations AS
  SELECT r.registration_id
    FROM ismap.service_change_notices n
    JOIN ismap.service_registrations r ON r.service_id OPERATOR(pg_catalog.=) n.service_id
   WHERE n.kind OPERATOR(pg_catalog.=) 'published_info'::ismap.notice_kind
  UNION ALL
  SELECT r.registration_id
    FROM ismap.organization_change_notices n
    JOIN ismap.cloud_services c ON c.provider_id OPERATOR(pg_catalog.=) n.organization_id
    JOIN ismap.service_registrations r ON r.service_id OPERATOR(pg_catalog.=) c.service_id
  UNION ALL
  SELECT t.registration_id
    FROM ismap.organization_change_notices n
    JOIN ismap.auditors a ON a.organization_id OPERATOR(pg_catalog.=) n.organization_id
    JOIN ismap.service_registration_terms t ON t.auditor_id OPERATOR(pg_catalog.=) a.auditor_id;
COMMENT ON VIEW ismap.noticed_registrations IS
  '内部用: 変更の届出（サービス・事業者・監査機関）がリストの記載に関わる登録（重複あり） / internal: the registrations whose list entries change notices touch (of the service, its provider or an auditor of a term; may repeat)';
COMMENT ON COLUMN ismap.noticed_registrations.registration_id IS '登録 / registration';
REVOKE ALL ON ismap.noticed_registrations FROM PUBLIC;

-- The service list cuts the periods of registrations that notices touch (src/sql/70_service_lists.sql); the view keeps its columns.
-- Made anew rather than replaced, with the list view that reads it: a
-- view older than the views it reads makes pg_dump --binary-upgrade (and
-- so pg_upgrade) dump it twice, as a placeholder first; a fresh install
-- creates it after them.  Its comments and grants are made again.
DROP VIEW ismap.cloud_service_list_periods CASCADE;
CREATE VIEW ismap.cloud_service_list_periods WITH (security_barrier) AS
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
   WHERE s.program OPERATOR(pg_catalog.=) 'ismap'::ismap.program
     AND sp.registration_id NOT IN (SELECT x.registration_id FROM ismap.noticed_registrations x)
  UNION ALL
  SELECT sp.registration_id, sp.registration_number, s.service_id,
         CASE WHEN sv.service_id IS NULL THEN s.name ELSE sv.name END,
         CASE WHEN sv.service_id IS NULL THEN s.name_en ELSE sv.name_en END,
         CASE WHEN pv.organization_id IS NULL THEN p.name ELSE pv.name END,
         p.corporate_number,
         CASE WHEN sv.service_id IS NULL THEN s.statement_scope ELSE sv.statement_scope END,
         s.service_model, sp.registered_on,
         sp.audit_period_start, sp.audit_period_end, sp.valid_until,
         CASE WHEN av.organization_id IS NULL THEN ao.name ELSE av.name END,
         au.registration_number, sp.status,
         GREATEST(sp.listed_from, sv.valid_from, pv.valid_from, av.valid_from),
         LEAST(sp.listed_until, sv.valid_until, pv.valid_until, av.valid_until),
         CASE WHEN pv.organization_id IS NULL THEN p.name_en ELSE pv.name_en END,
         CASE WHEN av.organization_id IS NULL THEN ao.name_en ELSE av.name_en END
    -- the periods of those registrations, found first (OFFSET 0 keeps the
    -- planner from joining every period before it looks for them)
    FROM (SELECT t.* FROM ismap.service_list_spans t
           WHERE t.registration_id IN (SELECT x.registration_id FROM ismap.noticed_registrations x)
          OFFSET 0) sp
    JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) sp.service_id
    JOIN ismap.organizations p ON p.organization_id OPERATOR(pg_catalog.=) s.provider_id
    JOIN ismap.auditors au ON au.auditor_id OPERATOR(pg_catalog.=) sp.auditor_id
    JOIN ismap.organizations ao ON ao.organization_id OPERATOR(pg_catalog.=) au.organization_id
    LEFT JOIN ismap.noticed_service_values sv
      ON sv.service_id OPERATOR(pg_catalog.=) sp.service_id
     AND sv.valid_from OPERATOR(pg_catalog.<=) sp.listed_until
     AND sv.valid_until OPERATOR(pg_catalog.>=) sp.listed_from
    LEFT JOIN ismap.noticed_organization_values pv
      ON pv.organization_id OPERATOR(pg_catalog.=) s.provider_id
     AND pv.valid_from OPERATOR(pg_catalog.<=) sp.listed_until
     AND pv.valid_until OPERATOR(pg_catalog.>=) sp.listed_from
    LEFT JOIN ismap.noticed_organization_values av
      ON av.organization_id OPERATOR(pg_catalog.=) au.organization_id
     AND av.valid_from OPERATOR(pg_catalog.<=) sp.listed_until
     AND av.valid_until OPERATOR(pg_catalog.>=) sp.listed_from
   WHERE s.program OPERATOR(pg_catalog.=) 'ismap'::ismap.program
     AND GREATEST(sp.listed_from, sv.valid_from, pv.valid_from, av.valid_from)
         OPERATOR(pg_catalog.<=) LEAST(sp.listed_until, sv.valid_until, pv.valid_until, av.valid_until);
COMMENT ON VIEW ismap.cloud_service_list_periods IS
  'ISMAP クラウドサービスリストに載る期間の一覧（過去・現在・予定） / every period of every registration on the public cloud service list: past, present and already known future';
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
CREATE VIEW ismap.cloud_service_list WITH (security_barrier) AS
  SELECT l.registration_id, l.registration_number, l.service_id, l.service_name,
         l.service_name_en, l.provider_name, l.provider_corporate_number,
         l.statement_scope, l.service_model, l.registered_on, l.audit_period_start,
         l.audit_period_end, l.valid_until, l.auditor_name, l.auditor_registration_number,
         l.status, l.provider_name_en, l.auditor_name_en
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
COMMENT ON COLUMN ismap.cloud_service_list.provider_name_en IS '事業者の英文名称 / provider''s English name';
COMMENT ON COLUMN ismap.cloud_service_list.auditor_name_en IS '監査機関の英文名称 / auditor''s English name';
GRANT SELECT ON ismap.cloud_service_list, ismap.cloud_service_list_periods TO PUBLIC;

-- The auditor list and the overdue compliance reports name each auditor as on their day (src/sql/50_auditor_lists.sql).
CREATE OR REPLACE FUNCTION ismap.auditor_list_at(day date)
  RETURNS TABLE (auditor_id bigint, registration_number text, name text, name_en text,
                 corporate_number text, registered_on date, valid_until date,
                 status ismap.listing_status)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT a.auditor_id, a.registration_number, v.name, v.name_en, o.corporate_number,
           a.registered_on, s.valid_until, s.status
      FROM ismap.auditors a
      JOIN ismap.organizations o ON o.organization_id OPERATOR(pg_catalog.=) a.organization_id
      -- the names in force that day (aud_change_notice)
      JOIN ismap.organization_published_values v
        ON v.organization_id OPERATOR(pg_catalog.=) a.organization_id
       AND v.valid_from OPERATOR(pg_catalog.<=) day AND v.valid_until OPERATOR(pg_catalog.>=) day
     CROSS JOIN LATERAL ismap.registration_standing(a.facts, a.registered_on, day) s
     WHERE s.status OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
       AND ismap.list_arg_given(day, 'day', 'aud_public_list')
     ORDER BY a.registration_number
  $$;
CREATE OR REPLACE FUNCTION ismap.overdue_compliance_reports_at(day date)
  RETURNS TABLE (report_id bigint, auditor_id bigint, registration_number text, name text,
                 due_on date, filed_on date, days_overdue integer,
                 auditor_status ismap.listing_status)
  LANGUAGE sql STABLE STRICT
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT r.report_id, a.auditor_id, a.registration_number, v.name, r.due_on, r.filed_on,
           day OPERATOR(pg_catalog.-) r.due_on, ismap.auditor_status(a.auditor_id, day)
      FROM ismap.auditor_compliance_reports r
      JOIN ismap.auditors a ON a.auditor_id OPERATOR(pg_catalog.=) r.auditor_id
      -- the auditor's name on that day (aud_change_notice)
      JOIN ismap.organization_published_values v
        ON v.organization_id OPERATOR(pg_catalog.=) a.organization_id
       AND v.valid_from OPERATOR(pg_catalog.<=) day AND v.valid_until OPERATOR(pg_catalog.>=) day
     WHERE r.due_on OPERATOR(pg_catalog.<) day
       AND (r.filed_on IS NULL OR r.filed_on OPERATOR(pg_catalog.>) day)
       -- a report is owed only by an auditor still registered when it falls due
       AND ismap.auditor_status(a.auditor_id, r.due_on)
           OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
     ORDER BY r.due_on, a.registration_number
  $$;

-- The lists as known at a moment take the notices recorded by then; the change lists show a change of published information; the reminders name things as on their day (src/sql/85_history_reads.sql).
CREATE OR REPLACE FUNCTION ismap.cloud_service_list_at(day date, as_known_at timestamptz)
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
                         jsonb_populate_record(NULL::ismap.auditors, j) a),
         -- the notices known then that are in effect on the day
         snotices AS (SELECT n.* FROM ismap.known_rows('service_change_notices', as_known_at) j,
                             jsonb_populate_record(NULL::ismap.service_change_notices, j) n
                       WHERE n.kind OPERATOR(pg_catalog.=) 'published_info'::ismap.notice_kind
                         AND n.effective_on OPERATOR(pg_catalog.<=) day),
         onotices AS (SELECT n.* FROM ismap.known_rows('organization_change_notices', as_known_at) j,
                             jsonb_populate_record(NULL::ismap.organization_change_notices, j) n
                       WHERE n.effective_on OPERATOR(pg_catalog.<=) day)
    SELECT r.registration_id, r.registration_number, s.service_id,
           COALESCE(sn.name, s.name), COALESCE(sn.name_en, s.name_en),
           COALESCE(pn.name, p.name), p.corporate_number,
           COALESCE(sn.statement_scope, s.statement_scope), s.service_model,
           r.registered_on, st.audit_period_start, st.audit_period_end, st.valid_until,
           COALESCE(an.name, ao.name), au.registration_number, st.status,
           COALESCE(pn.name_en, p.name_en), COALESCE(an.name_en, ao.name_en)
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
      -- each value as the latest notice in effect gives it (of one day, the
      -- last recorded), or as first recorded (ismap.service_published_values)
     CROSS JOIN LATERAL (
             SELECT (array_agg(n.new_name ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name IS NOT NULL))[1] AS name,
                    (array_agg(n.new_name_en ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name_en IS NOT NULL))[1] AS name_en,
                    (array_agg(n.new_statement_scope ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_statement_scope IS NOT NULL))[1] AS statement_scope
               FROM snotices n WHERE n.service_id OPERATOR(pg_catalog.=) s.service_id) sn
     CROSS JOIN LATERAL (
             SELECT (array_agg(n.new_name ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name IS NOT NULL))[1] AS name,
                    (array_agg(n.new_name_en ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name_en IS NOT NULL))[1] AS name_en
               FROM onotices n WHERE n.organization_id OPERATOR(pg_catalog.=) p.organization_id) pn
     CROSS JOIN LATERAL (
             SELECT (array_agg(n.new_name ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name IS NOT NULL))[1] AS name,
                    (array_agg(n.new_name_en ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name_en IS NOT NULL))[1] AS name_en
               FROM onotices n WHERE n.organization_id OPERATOR(pg_catalog.=) ao.organization_id) an
     WHERE s.program OPERATOR(pg_catalog.=) 'ismap'::ismap.program
       AND st.status OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
       AND ismap.list_arg_given(day, 'day', 'svc_public_list')
       AND ismap.list_arg_given(as_known_at, 'as_known_at', 'svc_public_list')
     ORDER BY r.registration_number
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
                         jsonb_populate_record(NULL::ismap.organizations, j) o),
         -- the notices known then that are in effect on the day
         onotices AS (SELECT n.* FROM ismap.known_rows('organization_change_notices', as_known_at) j,
                             jsonb_populate_record(NULL::ismap.organization_change_notices, j) n
                       WHERE n.effective_on OPERATOR(pg_catalog.<=) day)
    SELECT a.auditor_id, a.registration_number, COALESCE(v.name, o.name),
           COALESCE(v.name_en, o.name_en), o.corporate_number,
           a.registered_on, s.valid_until, s.status
      FROM auds a
      JOIN orgs o ON o.organization_id OPERATOR(pg_catalog.=) a.organization_id
      -- each name as the latest notice in effect gives it (of one day, the
      -- last recorded), or as first recorded (ismap.organization_published_values)
     CROSS JOIN LATERAL (
             SELECT (array_agg(n.new_name ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name IS NOT NULL))[1] AS name,
                    (array_agg(n.new_name_en ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name_en IS NOT NULL))[1] AS name_en
               FROM onotices n WHERE n.organization_id OPERATOR(pg_catalog.=) o.organization_id) v
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
CREATE OR REPLACE FUNCTION ismap.cloud_service_list_changes(from_day date, to_day date)
  RETURNS TABLE (registration_number text, service_name text, change text,
                 old_status ismap.listing_status, new_status ismap.listing_status,
                 old_valid_until date, new_valid_until date, reason text)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT COALESCE(b.registration_number, a.registration_number),
           COALESCE(b.service_name, a.service_name),
           c.change, a.status, n.status, a.valid_until, n.valid_until,
           CASE WHEN c.change OPERATOR(pg_catalog.=) 'published_info_changed' THEN
             'published information changed: ' OPERATOR(pg_catalog.||) concat_ws('; ',
               CASE WHEN a.service_name IS DISTINCT FROM b.service_name
                    THEN format('service name %L → %L', a.service_name, b.service_name) END,
               CASE WHEN a.service_name_en IS DISTINCT FROM b.service_name_en
                    THEN format('English name %L → %L', a.service_name_en, b.service_name_en) END,
               CASE WHEN a.statement_scope IS DISTINCT FROM b.statement_scope
                    THEN format('statement scope %L → %L', a.statement_scope, b.statement_scope) END,
               CASE WHEN a.provider_name IS DISTINCT FROM b.provider_name
                    THEN format('provider %L → %L', a.provider_name, b.provider_name) END,
               CASE WHEN a.provider_name_en IS DISTINCT FROM b.provider_name_en
                    THEN format('provider''s English name %L → %L', a.provider_name_en, b.provider_name_en) END,
               CASE WHEN a.auditor_name IS DISTINCT FROM b.auditor_name
                    THEN format('auditor %L → %L', a.auditor_name, b.auditor_name) END,
               CASE WHEN a.auditor_name_en IS DISTINCT FROM b.auditor_name_en
                    THEN format('auditor''s English name %L → %L', a.auditor_name_en, b.auditor_name_en) END)
           ELSE
             ismap.entry_change_reason('cloud_service', COALESCE(a.registration_id, b.registration_id),
                                       from_day, to_day, a.status, n.status,
                                       a.valid_until, n.valid_until,
                                       COALESCE(a.registered_on, b.registered_on))
           END
      FROM ismap.cloud_service_list_at(from_day) a
      FULL JOIN ismap.cloud_service_list_at(to_day) b
        ON b.registration_id OPERATOR(pg_catalog.=) a.registration_id
     CROSS JOIN LATERAL (SELECT COALESCE(b.status, ismap.service_status(a.registration_id, to_day)) AS status,
                                COALESCE(b.valid_until, a.valid_until) AS valid_until) n
     CROSS JOIN LATERAL (SELECT CASE WHEN a.registration_id IS NULL THEN 'added'
                                     WHEN b.registration_id IS NULL THEN 'dropped'
                                     WHEN a.status OPERATOR(pg_catalog.<>) b.status THEN 'status_changed'
                                     WHEN a.valid_until OPERATOR(pg_catalog.<>) b.valid_until THEN 'renewed'
                                     -- a notice took effect (svc_change_notice, aud_change_notice)
                                     ELSE 'published_info_changed' END AS change) c
     WHERE a.registration_id IS NULL OR b.registration_id IS NULL
        OR a.status OPERATOR(pg_catalog.<>) b.status
        OR a.valid_until OPERATOR(pg_catalog.<>) b.valid_until
        OR (a.service_name, a.service_name_en, a.statement_scope, a.provider_name,
            a.provider_name_en, a.auditor_name, a.auditor_name_en)
           IS DISTINCT FROM (b.service_name, b.service_name_en, b.statement_scope, b.provider_name,
                             b.provider_name_en, b.auditor_name, b.auditor_name_en)
     ORDER BY 1
  $$;
CREATE OR REPLACE FUNCTION ismap.auditor_list_changes(from_day date, to_day date)
  RETURNS TABLE (registration_number text, name text, change text,
                 old_status ismap.listing_status, new_status ismap.listing_status,
                 old_valid_until date, new_valid_until date, reason text)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT COALESCE(b.registration_number, a.registration_number), COALESCE(b.name, a.name),
           c.change, a.status, n.status, a.valid_until, n.valid_until,
           CASE WHEN c.change OPERATOR(pg_catalog.=) 'published_info_changed' THEN
             'published information changed: ' OPERATOR(pg_catalog.||) concat_ws('; ',
               CASE WHEN a.name IS DISTINCT FROM b.name
                    THEN format('name %L → %L', a.name, b.name) END,
               CASE WHEN a.name_en IS DISTINCT FROM b.name_en
                    THEN format('English name %L → %L', a.name_en, b.name_en) END)
           ELSE
             ismap.entry_change_reason('auditor', COALESCE(a.auditor_id, b.auditor_id),
                                       from_day, to_day, a.status, n.status,
                                       a.valid_until, n.valid_until,
                                       COALESCE(a.registered_on, b.registered_on))
           END
      FROM ismap.auditor_list_at(from_day) a
      FULL JOIN ismap.auditor_list_at(to_day) b ON b.auditor_id OPERATOR(pg_catalog.=) a.auditor_id
     CROSS JOIN LATERAL (SELECT COALESCE(b.status, ismap.auditor_status(a.auditor_id, to_day)) AS status,
                                COALESCE(b.valid_until, a.valid_until) AS valid_until) n
     CROSS JOIN LATERAL (SELECT CASE WHEN a.auditor_id IS NULL THEN 'added'
                                     WHEN b.auditor_id IS NULL THEN 'dropped'
                                     WHEN a.status OPERATOR(pg_catalog.<>) b.status THEN 'status_changed'
                                     WHEN a.valid_until OPERATOR(pg_catalog.<>) b.valid_until THEN 'renewed'
                                     -- a notice took effect (aud_change_notice)
                                     ELSE 'published_info_changed' END AS change) c
     WHERE a.auditor_id IS NULL OR b.auditor_id IS NULL
        OR a.status OPERATOR(pg_catalog.<>) b.status
        OR a.valid_until OPERATOR(pg_catalog.<>) b.valid_until
        OR (a.name, a.name_en) IS DISTINCT FROM (b.name, b.name_en)
     ORDER BY 1
  $$;
CREATE OR REPLACE FUNCTION ismap.upcoming_expiries(within interval, as_of date DEFAULT ismap.today())
  RETURNS TABLE (list text, registration_id bigint, registration_number text, name text,
                 valid_until date, days_left integer, status ismap.listing_status)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT * FROM (
      SELECT 'auditor'::text, a.auditor_id, a.registration_number, o.name,
             s.valid_until, s.valid_until OPERATOR(pg_catalog.-) as_of, s.status
        FROM ismap.auditors a
        JOIN ismap.organization_published_values o
          ON o.organization_id OPERATOR(pg_catalog.=) a.organization_id
         AND o.valid_from OPERATOR(pg_catalog.<=) as_of AND o.valid_until OPERATOR(pg_catalog.>=) as_of
       CROSS JOIN LATERAL ismap.registration_standing(a.facts, a.registered_on, as_of) s
       WHERE s.status OPERATOR(pg_catalog.=) ANY ('{valid,suspended}'::ismap.listing_status[])
         AND s.renewal_filed_on IS NULL
         AND s.valid_until OPERATOR(pg_catalog.<=) (as_of OPERATOR(pg_catalog.+) within)::date
      UNION ALL
      SELECT 'cloud_service', r.registration_id, r.registration_number, sv.name,
             s.valid_until, s.valid_until OPERATOR(pg_catalog.-) as_of, s.status
        FROM ismap.service_registrations r
        JOIN ismap.service_published_values sv
          ON sv.service_id OPERATOR(pg_catalog.=) r.service_id
         AND sv.valid_from OPERATOR(pg_catalog.<=) as_of AND sv.valid_until OPERATOR(pg_catalog.>=) as_of
       CROSS JOIN LATERAL ismap.registration_standing(r.facts, r.registered_on, as_of) s
       WHERE s.status OPERATOR(pg_catalog.=) ANY ('{valid,suspended}'::ismap.listing_status[])
         AND s.renewal_filed_on IS NULL
         AND s.valid_until OPERATOR(pg_catalog.<=) (as_of OPERATOR(pg_catalog.+) within)::date
    ) x ORDER BY 5, 3
  $$;

-- ==== src/sql/98_access.sql as it is ====
-- Who may see and do what (2.2, 9.1, 9.2; README, "Access"): the seven
-- capacities, the organizations a role acts for, declared interests, and
-- row-level security on every table of confidential rows.  What each
-- capacity may write is decided in C (sec_role_authority); the grants below
-- only open the tables to the capacities that write them.

-- The capacities are group roles.  Roles belong to the cluster, not to a
-- database: they are made when missing and outlive DROP EXTENSION, so that
-- another database's registry and the memberships a DBA granted survive.
-- One already present is reused only if it cannot log in and holds no
-- right that would reach past the registry's rules.
DO $capacities$
DECLARE
  capacity text;
  unsafe text;
BEGIN
  FOREACH capacity IN ARRAY ARRAY['ismap_committee', 'ismap_operator', 'ismap_ministry',
                                  'ismap_provider', 'ismap_auditor', 'ismap_procurer',
                                  'ismap_reader'] LOOP
    SELECT pg_catalog.concat_ws(', ',
             CASE WHEN r.rolcanlogin THEN 'LOGIN' END,
             CASE WHEN r.rolsuper THEN 'SUPERUSER' END,
             CASE WHEN r.rolcreaterole THEN 'CREATEROLE' END,
             CASE WHEN r.rolcreatedb THEN 'CREATEDB' END,
             CASE WHEN r.rolreplication THEN 'REPLICATION' END,
             CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' END)
      INTO unsafe
      FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) capacity;
    IF NOT FOUND THEN
      EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', capacity);
    ELSIF unsafe OPERATOR(pg_catalog.<>) '' THEN
      RAISE EXCEPTION 'sec_role_authority: role % exists and is unsafe as a capacity', capacity
        USING ERRCODE = '42501', CONSTRAINT = 'sec_role_authority',
              DETAIL = pg_catalog.format('Role %s has %s.', capacity, unsafe),
              HINT = pg_catalog.format('Make it NOLOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS (ALTER ROLE %I ...), or drop it, then create the extension.', capacity);
    END IF;
  END LOOP;
END
$capacities$;

CREATE TYPE ismap.interest_kind AS ENUM ('consulting', 'financial', 'other');
COMMENT ON TYPE ismap.interest_kind IS
  '利害関係の種類: consulting 助言・コンサルティング, financial 資本・取引, other その他 / kind of a declared interest';

CREATE TABLE ismap.role_organizations (
  role_name       name NOT NULL,
  organization_id bigint NOT NULL,
  PRIMARY KEY (role_name, organization_id)
);
CREATE INDEX ON ismap.role_organizations (organization_id);
COMMENT ON TABLE ismap.role_organizations IS
  'ロールが代理する法人（事業者・監査機関）。運営委員会が記録する / the organizations a login role acts for, as a provider or an auditor; written by the committee';
COMMENT ON COLUMN ismap.role_organizations.role_name IS 'ロール（current_user として比較） / the role, compared with current_user';
COMMENT ON COLUMN ismap.role_organizations.organization_id IS '代理する法人 / the organization it acts for';

CREATE TABLE ismap.declared_interests (
  interest_id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  role_name               name,
  organization_id         bigint,
  subject_organization_id bigint NOT NULL,
  kind                    ismap.interest_kind NOT NULL,
  valid_from              date NOT NULL,
  valid_until             date,
  CHECK ((role_name IS NULL) OPERATOR(pg_catalog.<>) (organization_id IS NULL))
);
CREATE INDEX ON ismap.declared_interests (subject_organization_id);
CREATE INDEX ON ismap.declared_interests (organization_id);
CREATE INDEX ON ismap.declared_interests (role_name);
COMMENT ON TABLE ismap.declared_interests IS
  '申告された利害関係（9.2）。審査するロール又は監査機関の法人が申告する。削除せず valid_until で終える / declared interests of reviewer roles and audit firms in organizations; never deleted, ended by valid_until';
COMMENT ON COLUMN ismap.declared_interests.interest_id IS '申告ID / interest id';
COMMENT ON COLUMN ismap.declared_interests.role_name IS '申告したロール（審査・決定をする者） / the reviewer role that declares it';
COMMENT ON COLUMN ismap.declared_interests.organization_id IS '申告した法人（監査機関） / the audit firm that declares it';
COMMENT ON COLUMN ismap.declared_interests.subject_organization_id IS '利害関係の相手方の法人 / the organization the interest is in';
COMMENT ON COLUMN ismap.declared_interests.kind IS '種類 / kind';
COMMENT ON COLUMN ismap.declared_interests.valid_from IS '開始日（当日を含む） / first day in force';
COMMENT ON COLUMN ismap.declared_interests.valid_until IS '終了日（当日を含む。NULL は継続中） / last day in force, null while it lasts';

CREATE FUNCTION ismap.role_organizations_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_role_organizations_check';
COMMENT ON FUNCTION ismap.role_organizations_check() IS
  '内部用のトリガー: ロールと法人の対応を運営委員会だけが記録する / internal trigger, not called by users: only the committee maps roles to organizations';
CREATE TRIGGER role_organizations_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.role_organizations
  FOR EACH ROW EXECUTE FUNCTION ismap.role_organizations_check();

-- Declared interests (sec_conflict_of_interest): a role declares its own,
-- the committee an audit firm's; never deleted, ended by valid_until, which
-- is never set before today (src/rules/interests.c).
CREATE FUNCTION ismap.declared_interests_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_declared_interests_check';
COMMENT ON FUNCTION ismap.declared_interests_check() IS
  '内部用のトリガー: 利害関係は本人（監査機関のものは運営委員会）が申告し、削除せず今日以降の終了日で終える / internal trigger, not called by users: an interest is declared by its role (an audit firm''s by the committee), never deleted, ended on today or later';
CREATE TRIGGER declared_interests_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.declared_interests
  FOR EACH ROW EXECUTE FUNCTION ismap.declared_interests_check();

CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.role_organizations
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('role_name', 'organization_id');
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.declared_interests
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('interest_id');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON ismap.role_organizations
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON ismap.declared_interests
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');

-- Whose rows a role sees (sec_confidential), for the policies below.  Each
-- says whether the row of the id given concerns the calling role: the
-- committee, the operator and the ministries see every row; a provider the
-- rows of its organizations' services; an auditor those of its
-- organizations as an auditor.
CREATE FUNCTION ismap.sees_every_row() RETURNS boolean
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_sees_every_row';
COMMENT ON FUNCTION ismap.sees_every_row() IS
  '内部用: 呼出しのロールが全ての非公開の行を見るか（運営委員会・運用支援機関・所管省庁） / internal, for row-level security: whether the calling role sees every confidential row';
CREATE FUNCTION ismap.concerns_organization(organization_id bigint) RETURNS boolean
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_concerns_organization';
COMMENT ON FUNCTION ismap.concerns_organization(bigint) IS
  '内部用: 法人の行を呼出しのロールが見るか（その法人を代理する事業者・監査機関） / internal, for row-level security: whether a row of the organization concerns the calling role';
CREATE FUNCTION ismap.concerns_service(service_id bigint) RETURNS boolean
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_concerns_service';
COMMENT ON FUNCTION ismap.concerns_service(bigint) IS
  '内部用: クラウドサービスの行を呼出しのロールが見るか（その事業者） / internal, for row-level security: whether a row of the service concerns the calling role';
CREATE FUNCTION ismap.concerns_registration(registration_id bigint) RETURNS boolean
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_concerns_registration';
COMMENT ON FUNCTION ismap.concerns_registration(bigint) IS
  '内部用: 登録の行を呼出しのロールが見るか（そのサービスの事業者） / internal, for row-level security: whether a row of the service registration concerns the calling role';
CREATE FUNCTION ismap.concerns_incident(incident_id bigint) RETURNS boolean
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_concerns_incident';
COMMENT ON FUNCTION ismap.concerns_incident(bigint) IS
  '内部用: インシデントの報告を呼出しのロールが見るか（そのサービスの事業者） / internal, for row-level security: whether a report of the incident concerns the calling role';
CREATE FUNCTION ismap.concerns_auditor(auditor_id bigint) RETURNS boolean
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_concerns_auditor';
COMMENT ON FUNCTION ismap.concerns_auditor(bigint) IS
  '内部用: 監査機関の行を呼出しのロールが見るか（その監査機関） / internal, for row-level security: whether a row of the auditor concerns the calling role';

-- Row-level security, enabled and forced (the owner too, unless it is a
-- superuser: the extension's triggers read as the owner, which sees every
-- row through sees_every_row()).  One permissive policy per table: rows are
-- seen, updated and deleted by those they concern; what may be written is
-- the triggers' business (WITH CHECK true), so that a refusal carries its
-- rule.
ALTER TABLE ismap.cloud_services ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.cloud_services FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.cloud_services
  USING (ismap.concerns_service(service_id)) WITH CHECK (true);
ALTER TABLE ismap.service_applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.service_applications FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.service_applications
  USING (ismap.concerns_service(service_id)) WITH CHECK (true);
ALTER TABLE ismap.audits ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.audits FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.audits
  USING (ismap.concerns_service(service_id) OR ismap.concerns_auditor(auditor_id))
  WITH CHECK (true);
ALTER TABLE ismap.auditor_applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.auditor_applications FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.auditor_applications
  USING (ismap.concerns_organization(organization_id)) WITH CHECK (true);
ALTER TABLE ismap.auditor_compliance_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.auditor_compliance_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.auditor_compliance_reports
  USING (ismap.concerns_auditor(auditor_id)) WITH CHECK (true);
ALTER TABLE ismap.incidents ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.incidents FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.incidents
  USING (ismap.concerns_registration(registration_id)) WITH CHECK (true);
ALTER TABLE ismap.incident_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.incident_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.incident_reports
  USING (ismap.concerns_incident(incident_id)) WITH CHECK (true);
ALTER TABLE ismap.service_change_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.service_change_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.service_change_notices
  USING (ismap.concerns_service(service_id)) WITH CHECK (true);
ALTER TABLE ismap.organization_change_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.organization_change_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.organization_change_notices
  USING (ismap.concerns_organization(organization_id)) WITH CHECK (true);
ALTER TABLE ismap.investigations ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.investigations FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.investigations
  USING (ismap.concerns_registration(registration_id) OR ismap.concerns_auditor(auditor_id))
  WITH CHECK (true);
ALTER TABLE ismap.reaudit_demands ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.reaudit_demands FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.reaudit_demands
  USING (ismap.concerns_registration(registration_id)) WITH CHECK (true);
ALTER TABLE ismap.reapplication_demands ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.reapplication_demands FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.reapplication_demands
  USING (ismap.concerns_registration(registration_id) OR ismap.concerns_auditor(auditor_id))
  WITH CHECK (true);
ALTER TABLE ismap.role_organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.role_organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.role_organizations
  USING (ismap.sees_every_row() OR role_name OPERATOR(pg_catalog.=) CURRENT_USER)
  WITH CHECK (true);
ALTER TABLE ismap.declared_interests ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.declared_interests FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.declared_interests
  USING (ismap.sees_every_row() OR role_name OPERATOR(pg_catalog.=) CURRENT_USER OR
         ismap.concerns_organization(organization_id))
  WITH CHECK (true);

-- Privileges.  Nothing new is PUBLIC's.
REVOKE ALL ON ismap.role_organizations, ismap.declared_interests FROM PUBLIC;
REVOKE ALL ON SEQUENCE ismap.declared_interests_interest_id_seq FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ismap.role_organizations_check(), ismap.declared_interests_check(),
  ismap.sees_every_row(),
  ismap.concerns_organization(bigint), ismap.concerns_service(bigint),
  ismap.concerns_registration(bigint), ismap.concerns_incident(bigint),
  ismap.concerns_auditor(bigint) FROM PUBLIC;

-- Every capacity reads the public lists, as the public does; the policies'
-- functions run as the reader.
GRANT SELECT ON ismap.settings, ismap.auditor_list, ismap.cloud_service_list,
  ismap.cloud_service_list_periods
  TO ismap_committee, ismap_operator, ismap_ministry, ismap_provider, ismap_auditor,
     ismap_procurer, ismap_reader;
GRANT EXECUTE ON FUNCTION
  ismap.today(), ismap.auditor_valid_until(date), ismap.service_valid_until(date),
  ismap.corporate_number_is_valid(text), ismap.auditor_status(bigint, date),
  ismap.auditor_standing(bigint, date), ismap.auditor_list_at(date),
  ismap.service_status(bigint, date),
  ismap.registration_standing(ismap.registration_facts, date, date),
  ismap.list_arg_given(anyelement, text, text), ismap.cloud_service_list_at(date),
  ismap.cloud_service_list_at(date, timestamptz), ismap.auditor_list_at(date, timestamptz),
  ismap.cloud_service_list_changes(date, date), ismap.auditor_list_changes(date, date),
  ismap.sees_every_row(), ismap.concerns_organization(bigint), ismap.concerns_service(bigint),
  ismap.concerns_registration(bigint), ismap.concerns_incident(bigint),
  ismap.concerns_auditor(bigint)
  TO ismap_committee, ismap_operator, ismap_ministry, ismap_provider, ismap_auditor,
     ismap_procurer, ismap_reader;

-- The committee, the operator and the ministries read everything, the
-- decision log included, and the reports on it.
GRANT SELECT ON ALL TABLES IN SCHEMA ismap TO ismap_committee, ismap_operator, ismap_ministry;
GRANT EXECUTE ON FUNCTION ismap.overdue_compliance_reports_at(date),
  ismap.overdue_items(date), ismap.upcoming_expiries(interval, date),
  ismap.verify_history(), ismap.history_first_break(),
  ismap.verify_history(bigint, text), ismap.history_first_break(bigint, text),
  ismap.history_head(), ismap.demand_status(text, bigint, date),
  ismap.overdue_obligations_at(date), ismap.incident_report_due(date, ismap.report_stage),
  ismap.change_notice_due(date)
  TO ismap_committee, ismap_operator, ismap_ministry;

-- 運営委員会: decides applications, suspends, lifts and removes, investigates
-- and demands, maps roles, declares interests, revises the settings and
-- corrects the record.
GRANT INSERT, UPDATE ON ismap.organizations TO ismap_committee, ismap_operator;
GRANT UPDATE ON ismap.auditor_applications, ismap.service_applications
  TO ismap_committee, ismap_operator;
GRANT INSERT ON ismap.auditor_status_changes, ismap.service_status_changes,
  ismap.investigations, ismap.reaudit_demands, ismap.reapplication_demands TO ismap_committee;
GRANT UPDATE (closed_on, finding, finding_text) ON ismap.investigations TO ismap_committee;
GRANT INSERT, DELETE ON ismap.role_organizations TO ismap_committee;
GRANT UPDATE (value) ON ismap.settings TO ismap_committee;
GRANT EXECUTE ON FUNCTION ismap.correct(regclass, bigint, jsonb, text) TO ismap_committee;
-- ismap.correct() runs its UPDATE as the caller
GRANT UPDATE ON ismap.cloud_services, ismap.service_change_notices,
  ismap.organization_change_notices TO ismap_committee;
GRANT UPDATE (grounds) ON ismap.auditor_status_changes, ismap.service_status_changes
  TO ismap_committee;
GRANT UPDATE (summary) ON ismap.incidents TO ismap_committee;
GRANT UPDATE (body) ON ismap.incident_reports TO ismap_committee;
-- reviewers declare their own interests; the committee those of audit firms
GRANT INSERT, UPDATE (valid_until) ON ismap.declared_interests TO ismap_committee, ismap_operator;

-- Providers and auditors: their own rows (the policies), and the public
-- facts they work from.
GRANT SELECT ON ismap.organizations, ismap.role_organizations, ismap.declared_interests,
  ismap.organization_change_notices, ismap.investigations, ismap.reapplication_demands
  TO ismap_provider, ismap_auditor;
GRANT SELECT ON ismap.cloud_services, ismap.service_registrations,
  ismap.service_registration_terms, ismap.service_applications, ismap.audits,
  ismap.incidents, ismap.incident_reports, ismap.service_change_notices,
  ismap.reaudit_demands
  TO ismap_provider;
GRANT INSERT ON ismap.cloud_services TO ismap_provider;
GRANT INSERT, UPDATE (status, decided_on) ON ismap.service_applications TO ismap_provider;
GRANT INSERT ON ismap.incidents, ismap.incident_reports, ismap.service_change_notices
  TO ismap_provider;
GRANT INSERT ON ismap.organization_change_notices TO ismap_provider, ismap_auditor;
GRANT SELECT ON ismap.auditors, ismap.auditor_terms, ismap.audits, ismap.auditor_applications,
  ismap.auditor_compliance_reports
  TO ismap_auditor;
GRANT INSERT ON ismap.audits TO ismap_auditor;
GRANT INSERT, UPDATE (status, decided_on) ON ismap.auditor_applications TO ismap_auditor;
GRANT UPDATE (filed_on) ON ismap.auditor_compliance_reports TO ismap_auditor;

-- User data, dumped with its sequence; registered after the oversight
-- tables (97_oversight_dump.sql), in the order an update registers them.
SELECT pg_catalog.pg_extension_config_dump('ismap.role_organizations', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.declared_interests', '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.declared_interests', 'interest_id'), '');
-- ==== src/sql/98_procuring_bodies.sql as it is ====
-- Procuring bodies (2.3, 附則2): the government bodies that procure from the
-- lists, and assess the impact of a SaaS for ISMAP-LIU.  Public facts of
-- the scheme, recorded by the committee or the operator.

CREATE TYPE ismap.body_kind AS ENUM
  ('ministry', 'incorporated_agency', 'designated_corporation', 'local_government');
COMMENT ON TYPE ismap.body_kind IS
  '調達機関の種類: ministry 国の行政機関, incorporated_agency 独立行政法人, designated_corporation 指定法人, local_government 地方公共団体 / kind of procuring body';

CREATE TABLE ismap.procuring_bodies (
  body_id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id bigint NOT NULL UNIQUE,
  kind            ismap.body_kind NOT NULL
);
COMMENT ON TABLE ismap.procuring_bodies IS
  '調達機関（府省庁、独立行政法人等）。運営委員会又は運用支援機関が記録する / procuring bodies, recorded by the committee or the operator';
COMMENT ON COLUMN ismap.procuring_bodies.body_id IS '調達機関ID / body id';
COMMENT ON COLUMN ismap.procuring_bodies.organization_id IS '法人 / the organization';
COMMENT ON COLUMN ismap.procuring_bodies.kind IS '種類 / kind';

CREATE FUNCTION ismap.procuring_bodies_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_procuring_bodies_check';
COMMENT ON FUNCTION ismap.procuring_bodies_check() IS
  '内部用のトリガー: 調達機関を検証する / internal trigger, not called by users: checks a procuring body';
CREATE TRIGGER procuring_bodies_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.procuring_bodies
  FOR EACH ROW EXECUTE FUNCTION ismap.procuring_bodies_check();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.procuring_bodies
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('body_id');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON ismap.procuring_bodies
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');

REVOKE ALL ON ismap.procuring_bodies FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ismap.procuring_bodies_check() FROM PUBLIC;
-- (a procurer reads the public lists only until procurement comes: issue 17)
GRANT SELECT ON ismap.procuring_bodies TO ismap_committee, ismap_operator, ismap_ministry;
GRANT INSERT ON ismap.procuring_bodies TO ismap_committee, ismap_operator;

SELECT pg_catalog.pg_extension_config_dump('ismap.procuring_bodies', '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.procuring_bodies', 'body_id'), '');
-- ==== src/sql/99_liu.sql as it is ====
-- ISMAP-LIU (issue 17): the low-impact SaaS programme (liu_scope,
-- liu_list).  A service of program 'ismap_liu' is SaaS (cloud_services.c);
-- an application for it is dated on or after the setting liu_start and
-- rests on an impact assessment of the service by a ministry whose result
-- is low (src/rules/liu.c); its terms are counted by liu_validity_months and
-- its numbers are liu_number_prefix + year + serial of its own + branch
-- (L23-0001-1).  Its registrations are on the LIU list below, never on the
-- cloud service list (whose views keep program 'ismap'), and ISMAP ones
-- never on the LIU list.

CREATE TYPE ismap.impact_level AS ENUM ('low', 'not_low');
COMMENT ON TYPE ismap.impact_level IS
  '影響度評価の結果: low 低, not_low 低くない / result of an impact assessment';

CREATE TABLE ismap.impact_assessments (
  assessment_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  service_id    bigint NOT NULL,
  assessed_by   bigint NOT NULL,
  assessed_on   date NOT NULL,
  result        ismap.impact_level NOT NULL
);
CREATE INDEX ON ismap.impact_assessments (service_id);
COMMENT ON TABLE ismap.impact_assessments IS
  'ISMAP-LIU の影響度評価（府省庁が行う）。記録の後は変更も削除もされない / impact assessments of SaaS by a ministry, for ISMAP-LIU (confidential to the provider; never changed or deleted)';
COMMENT ON COLUMN ismap.impact_assessments.assessment_id IS '評価ID / assessment id';
COMMENT ON COLUMN ismap.impact_assessments.service_id IS '評価したクラウドサービス / the assessed service';
COMMENT ON COLUMN ismap.impact_assessments.assessed_by IS '評価した府省庁（種類 ministry の調達機関） / the assessing ministry, a procuring body of kind ministry';
COMMENT ON COLUMN ismap.impact_assessments.assessed_on IS '評価日 / date of the assessment';
COMMENT ON COLUMN ismap.impact_assessments.result IS '結果（low 又は not_low） / result';

CREATE FUNCTION ismap.impact_assessments_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_impact_assessments_check';
COMMENT ON FUNCTION ismap.impact_assessments_check() IS
  '内部用のトリガー: 影響度評価を検証する（liu_scope） / internal trigger, not called by users: checks an impact assessment';
CREATE TRIGGER impact_assessments_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.impact_assessments
  FOR EACH ROW EXECUTE FUNCTION ismap.impact_assessments_check();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.impact_assessments
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('assessment_id');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON ismap.impact_assessments
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');

-- An assessment concerns the provider of the service (sec_confidential), as
-- the service's own rows do: the committee, the operator and the ministries
-- see every one.
ALTER TABLE ismap.impact_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.impact_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.impact_assessments
  USING (ismap.concerns_service(service_id)) WITH CHECK (true);

-- The serial of LIU registration numbers, its own (L23-0001-1 and
-- C23-0001-1 are two registrations).
CREATE SEQUENCE ismap.liu_registration_serial;
COMMENT ON SEQUENCE ismap.liu_registration_serial IS
  'ISMAP-LIU の登録番号の連番 / serial of ISMAP-LIU registration numbers';

-- Every period of every ISMAP-LIU registration on the LIU list: as
-- ismap.cloud_service_list_periods (src/sql/70_service_lists.sql), for
-- program 'ismap_liu'.
CREATE VIEW ismap.liu_service_list_periods WITH (security_barrier) AS
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
   WHERE s.program OPERATOR(pg_catalog.=) 'ismap_liu'::ismap.program
     AND sp.registration_id NOT IN (SELECT x.registration_id FROM ismap.noticed_registrations x)
  UNION ALL
  SELECT sp.registration_id, sp.registration_number, s.service_id,
         CASE WHEN sv.service_id IS NULL THEN s.name ELSE sv.name END,
         CASE WHEN sv.service_id IS NULL THEN s.name_en ELSE sv.name_en END,
         CASE WHEN pv.organization_id IS NULL THEN p.name ELSE pv.name END,
         p.corporate_number,
         CASE WHEN sv.service_id IS NULL THEN s.statement_scope ELSE sv.statement_scope END,
         s.service_model, sp.registered_on,
         sp.audit_period_start, sp.audit_period_end, sp.valid_until,
         CASE WHEN av.organization_id IS NULL THEN ao.name ELSE av.name END,
         au.registration_number, sp.status,
         GREATEST(sp.listed_from, sv.valid_from, pv.valid_from, av.valid_from),
         LEAST(sp.listed_until, sv.valid_until, pv.valid_until, av.valid_until),
         CASE WHEN pv.organization_id IS NULL THEN p.name_en ELSE pv.name_en END,
         CASE WHEN av.organization_id IS NULL THEN ao.name_en ELSE av.name_en END
    -- the periods of those registrations, found first (OFFSET 0 keeps the
    -- planner from joining every period before it looks for them)
    FROM (SELECT t.* FROM ismap.service_list_spans t
           WHERE t.registration_id IN (SELECT x.registration_id FROM ismap.noticed_registrations x)
          OFFSET 0) sp
    JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) sp.service_id
    JOIN ismap.organizations p ON p.organization_id OPERATOR(pg_catalog.=) s.provider_id
    JOIN ismap.auditors au ON au.auditor_id OPERATOR(pg_catalog.=) sp.auditor_id
    JOIN ismap.organizations ao ON ao.organization_id OPERATOR(pg_catalog.=) au.organization_id
    LEFT JOIN ismap.noticed_service_values sv
      ON sv.service_id OPERATOR(pg_catalog.=) sp.service_id
     AND sv.valid_from OPERATOR(pg_catalog.<=) sp.listed_until
     AND sv.valid_until OPERATOR(pg_catalog.>=) sp.listed_from
    LEFT JOIN ismap.noticed_organization_values pv
      ON pv.organization_id OPERATOR(pg_catalog.=) s.provider_id
     AND pv.valid_from OPERATOR(pg_catalog.<=) sp.listed_until
     AND pv.valid_until OPERATOR(pg_catalog.>=) sp.listed_from
    LEFT JOIN ismap.noticed_organization_values av
      ON av.organization_id OPERATOR(pg_catalog.=) au.organization_id
     AND av.valid_from OPERATOR(pg_catalog.<=) sp.listed_until
     AND av.valid_until OPERATOR(pg_catalog.>=) sp.listed_from
   WHERE s.program OPERATOR(pg_catalog.=) 'ismap_liu'::ismap.program
     AND GREATEST(sp.listed_from, sv.valid_from, pv.valid_from, av.valid_from)
         OPERATOR(pg_catalog.<=) LEAST(sp.listed_until, sv.valid_until, pv.valid_until, av.valid_until);
COMMENT ON VIEW ismap.liu_service_list_periods IS
  'ISMAP-LIU クラウドサービスリストに載る期間の一覧（過去・現在・予定） / every period of every registration on the ISMAP-LIU list: past, present and already known future';
COMMENT ON COLUMN ismap.liu_service_list_periods.registration_id IS '登録ID / registration id';
COMMENT ON COLUMN ismap.liu_service_list_periods.registration_number IS '登録番号 / registration number';
COMMENT ON COLUMN ismap.liu_service_list_periods.service_id IS 'クラウドサービスID / service id';
COMMENT ON COLUMN ismap.liu_service_list_periods.service_name IS 'クラウドサービスの名称 / service name';
COMMENT ON COLUMN ismap.liu_service_list_periods.service_name_en IS 'クラウドサービスの英文名称 / service name in English';
COMMENT ON COLUMN ismap.liu_service_list_periods.provider_name IS 'クラウドサービス事業者 / provider';
COMMENT ON COLUMN ismap.liu_service_list_periods.provider_corporate_number IS '事業者の法人番号 / provider''s corporate number';
COMMENT ON COLUMN ismap.liu_service_list_periods.statement_scope IS '言明の対象範囲 / statement scope';
COMMENT ON COLUMN ismap.liu_service_list_periods.service_model IS 'サービスモデル / service model';
COMMENT ON COLUMN ismap.liu_service_list_periods.registered_on IS '登録日 / registration date';
COMMENT ON COLUMN ismap.liu_service_list_periods.audit_period_start IS 'この期間に効力のある登録の監査対象期間（開始） / audit period start of the term in force in this period';
COMMENT ON COLUMN ismap.liu_service_list_periods.audit_period_end IS '同（終了） / audit period end of that term';
COMMENT ON COLUMN ismap.liu_service_list_periods.valid_until IS 'その有効期限 / valid until';
COMMENT ON COLUMN ismap.liu_service_list_periods.auditor_name IS 'その監査を行った監査機関 / auditor of that audit';
COMMENT ON COLUMN ismap.liu_service_list_periods.auditor_registration_number IS '監査機関の登録番号 / auditor''s registration number';
COMMENT ON COLUMN ismap.liu_service_list_periods.status IS 'この期間の状態（valid, renewal_pending, suspended） / status in this period';
COMMENT ON COLUMN ismap.liu_service_list_periods.listed_from IS 'この期間の初日 / first day of the period';
COMMENT ON COLUMN ismap.liu_service_list_periods.listed_until IS 'この期間の末日（infinity: 終わりが未定） / last day of the period (infinity: no end known yet)';
COMMENT ON COLUMN ismap.liu_service_list_periods.provider_name_en IS '事業者の英文名称 / provider''s English name';
COMMENT ON COLUMN ismap.liu_service_list_periods.auditor_name_en IS '監査機関の英文名称 / auditor''s English name';

-- As ismap.cloud_service_list_at(date): inlined, reading the public view.
CREATE FUNCTION ismap.liu_service_list_at(day date)
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
      FROM ismap.liu_service_list_periods l
     WHERE l.listed_from OPERATOR(pg_catalog.<=) day
       AND l.listed_until OPERATOR(pg_catalog.>=) day
       AND ismap.list_arg_given(day, 'day', 'liu_list')
     ORDER BY l.registration_number
  $$;
COMMENT ON FUNCTION ismap.liu_service_list_at(date) IS
  'ある日の ISMAP-LIU クラウドサービスリスト / the ISMAP-LIU list as it stood on a day';

CREATE VIEW ismap.liu_service_list WITH (security_barrier) AS
  SELECT l.registration_id, l.registration_number, l.service_id, l.service_name,
         l.service_name_en, l.provider_name, l.provider_corporate_number,
         l.statement_scope, l.service_model, l.registered_on, l.audit_period_start,
         l.audit_period_end, l.valid_until, l.auditor_name, l.auditor_registration_number,
         l.status, l.provider_name_en, l.auditor_name_en
    FROM ismap.liu_service_list_periods l
   WHERE l.listed_from OPERATOR(pg_catalog.<=) (SELECT ismap.today())
     AND l.listed_until OPERATOR(pg_catalog.>=) (SELECT ismap.today())
   ORDER BY l.registration_number;
COMMENT ON VIEW ismap.liu_service_list IS
  '本日の ISMAP-LIU クラウドサービスリスト（liu_list） / the ISMAP-LIU list today';
COMMENT ON COLUMN ismap.liu_service_list.registration_id IS '登録ID / registration id';
COMMENT ON COLUMN ismap.liu_service_list.registration_number IS '登録番号 / registration number';
COMMENT ON COLUMN ismap.liu_service_list.service_id IS 'クラウドサービスID / service id';
COMMENT ON COLUMN ismap.liu_service_list.service_name IS 'クラウドサービスの名称 / service name';
COMMENT ON COLUMN ismap.liu_service_list.service_name_en IS '英文名称 / English name';
COMMENT ON COLUMN ismap.liu_service_list.provider_name IS 'クラウドサービス事業者 / provider';
COMMENT ON COLUMN ismap.liu_service_list.provider_corporate_number IS '事業者の法人番号 / provider''s corporate number';
COMMENT ON COLUMN ismap.liu_service_list.statement_scope IS '言明の対象範囲 / statement scope';
COMMENT ON COLUMN ismap.liu_service_list.service_model IS 'サービスモデル / service model';
COMMENT ON COLUMN ismap.liu_service_list.registered_on IS '登録日 / registration date';
COMMENT ON COLUMN ismap.liu_service_list.audit_period_start IS '監査対象期間（開始） / audit period start';
COMMENT ON COLUMN ismap.liu_service_list.audit_period_end IS '監査対象期間（終了） / audit period end';
COMMENT ON COLUMN ismap.liu_service_list.valid_until IS '有効期限 / valid until';
COMMENT ON COLUMN ismap.liu_service_list.auditor_name IS '監査機関 / auditor';
COMMENT ON COLUMN ismap.liu_service_list.auditor_registration_number IS '監査機関の登録番号 / auditor''s registration number';
COMMENT ON COLUMN ismap.liu_service_list.status IS '状態（valid, renewal_pending, suspended） / status';
COMMENT ON COLUMN ismap.liu_service_list.provider_name_en IS '事業者の英文名称 / provider''s English name';
COMMENT ON COLUMN ismap.liu_service_list.auditor_name_en IS '監査機関の英文名称 / auditor''s English name';

-- As ismap.cloud_service_list_at(date, timestamptz): the LIU list for a
-- day as the registry knew it at a moment.
CREATE FUNCTION ismap.liu_service_list_at(day date, as_known_at timestamptz)
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
                         jsonb_populate_record(NULL::ismap.auditors, j) a),
         -- the notices known then that are in effect on the day
         snotices AS (SELECT n.* FROM ismap.known_rows('service_change_notices', as_known_at) j,
                             jsonb_populate_record(NULL::ismap.service_change_notices, j) n
                       WHERE n.kind OPERATOR(pg_catalog.=) 'published_info'::ismap.notice_kind
                         AND n.effective_on OPERATOR(pg_catalog.<=) day),
         onotices AS (SELECT n.* FROM ismap.known_rows('organization_change_notices', as_known_at) j,
                             jsonb_populate_record(NULL::ismap.organization_change_notices, j) n
                       WHERE n.effective_on OPERATOR(pg_catalog.<=) day)
    SELECT r.registration_id, r.registration_number, s.service_id,
           COALESCE(sn.name, s.name), COALESCE(sn.name_en, s.name_en),
           COALESCE(pn.name, p.name), p.corporate_number,
           COALESCE(sn.statement_scope, s.statement_scope), s.service_model,
           r.registered_on, st.audit_period_start, st.audit_period_end, st.valid_until,
           COALESCE(an.name, ao.name), au.registration_number, st.status,
           COALESCE(pn.name_en, p.name_en), COALESCE(an.name_en, ao.name_en)
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
      -- each value as the latest notice in effect gives it (of one day, the
      -- last recorded), or as first recorded (ismap.service_published_values)
     CROSS JOIN LATERAL (
             SELECT (array_agg(n.new_name ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name IS NOT NULL))[1] AS name,
                    (array_agg(n.new_name_en ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name_en IS NOT NULL))[1] AS name_en,
                    (array_agg(n.new_statement_scope ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_statement_scope IS NOT NULL))[1] AS statement_scope
               FROM snotices n WHERE n.service_id OPERATOR(pg_catalog.=) s.service_id) sn
     CROSS JOIN LATERAL (
             SELECT (array_agg(n.new_name ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name IS NOT NULL))[1] AS name,
                    (array_agg(n.new_name_en ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name_en IS NOT NULL))[1] AS name_en
               FROM onotices n WHERE n.organization_id OPERATOR(pg_catalog.=) p.organization_id) pn
     CROSS JOIN LATERAL (
             SELECT (array_agg(n.new_name ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name IS NOT NULL))[1] AS name,
                    (array_agg(n.new_name_en ORDER BY n.effective_on DESC, n.notice_id DESC)
                       FILTER (WHERE n.new_name_en IS NOT NULL))[1] AS name_en
               FROM onotices n WHERE n.organization_id OPERATOR(pg_catalog.=) ao.organization_id) an
     WHERE s.program OPERATOR(pg_catalog.=) 'ismap_liu'::ismap.program
       AND st.status OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
       AND ismap.list_arg_given(day, 'day', 'liu_list')
       AND ismap.list_arg_given(as_known_at, 'as_known_at', 'liu_list')
     ORDER BY r.registration_number
  $$;
COMMENT ON FUNCTION ismap.liu_service_list_at(date, timestamptz) IS
  'ある日の ISMAP-LIU リストを、ある時点で登録簿が知っていたとおりに示す / the ISMAP-LIU list for a day as the registry knew it at a moment';

-- Privileges.  The LIU list is public, as the cloud service list is.
REVOKE ALL ON ismap.impact_assessments, ismap.liu_service_list_periods,
  ismap.liu_service_list FROM PUBLIC;
REVOKE ALL ON SEQUENCE ismap.liu_registration_serial,
  ismap.impact_assessments_assessment_id_seq FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ismap.impact_assessments_check(),
  ismap.liu_service_list_at(date), ismap.liu_service_list_at(date, timestamptz) FROM PUBLIC;
GRANT SELECT ON ismap.liu_service_list, ismap.liu_service_list_periods TO PUBLIC;
GRANT EXECUTE ON FUNCTION ismap.liu_service_list_at(date),
  ismap.liu_service_list_at(date, timestamptz) TO PUBLIC;
GRANT SELECT ON ismap.liu_service_list, ismap.liu_service_list_periods
  TO ismap_committee, ismap_operator, ismap_ministry, ismap_provider, ismap_auditor,
     ismap_procurer, ismap_reader;
GRANT EXECUTE ON FUNCTION ismap.liu_service_list_at(date),
  ismap.liu_service_list_at(date, timestamptz)
  TO ismap_committee, ismap_operator, ismap_ministry, ismap_provider, ismap_auditor,
     ismap_procurer, ismap_reader;
-- the assessments: read by oversight and by the provider concerned (the
-- policy); recorded by the assessing ministry's procurer role or the
-- committee (src/rules/liu.c)
GRANT SELECT ON ismap.impact_assessments
  TO ismap_committee, ismap_operator, ismap_ministry, ismap_provider;
GRANT INSERT ON ismap.impact_assessments TO ismap_committee, ismap_procurer;

SELECT pg_catalog.pg_extension_config_dump('ismap.impact_assessments', '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.impact_assessments', 'assessment_id'), '');
SELECT pg_catalog.pg_extension_config_dump('ismap.liu_registration_serial', '');
-- ==== src/sql/99_procurement.sql as it is ====
-- Procurement from the lists, and exports of the lists that a procurement
-- can cite (issue 17: 2.3, 6.1, 附則2).

-- ---------- Exports ----------
-- The public lists as JSON and CSV, and the digest of a list on a day.
-- Arguments are checked in C (src/state/list_export.c, rule id list_export:
-- an unknown list or language, a null day, 22023 with a hint naming the
-- accepted values).  Public, like the lists.

CREATE FUNCTION ismap.list_json(list text, day date DEFAULT ismap.today(),
                                as_known_at timestamptz DEFAULT NULL)
  RETURNS jsonb
  LANGUAGE c STABLE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'ismap_list_json';
COMMENT ON FUNCTION ismap.list_json(text, date, timestamptz) IS
  'リスト（cloud_service, auditor, liu_service）のある日の内容を JSON 配列で（登録番号順、キーは列名。as_known_at を与えるとその時点で知られていたとおり） / a public list on a day (as known at a moment) as a JSON array in registration-number order, keys = the list''s column names';

CREATE FUNCTION ismap.list_csv(list text, day date DEFAULT ismap.today(), lang text DEFAULT 'ja')
  RETURNS text
  LANGUAGE c STABLE
  SET search_path = pg_catalog, pg_temp
  SET datestyle = 'ISO, YMD'
  AS 'MODULE_PATHNAME', 'ismap_list_csv';
COMMENT ON FUNCTION ismap.list_csv(text, date, text) IS
  'リストのある日の内容を CSV（RFC 4180、CRLF、見出し行: ja はポータルの見出し、en は列名）で / a public list on a day as RFC 4180 CSV with a header row (ja: the portal''s Japanese headers, en: the column names)';

-- The SHA-256 of the UTF-8 text of list_json() as jsonb prints it: anyone
-- can recompute it from the export; equal digests mean equal lists.
CREATE FUNCTION ismap.list_digest(list text, day date DEFAULT ismap.today(),
                                  as_known_at timestamptz DEFAULT NULL)
  RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
             ismap.list_json(list, day, as_known_at)::pg_catalog.text,
             'UTF8')), 'hex')
  $$;
COMMENT ON FUNCTION ismap.list_digest(text, date, timestamptz) IS
  'リストのある日の内容の SHA-256（list_json の jsonb の文字列の UTF-8） / SHA-256 hex of the UTF-8 text of list_json(list, day, as_known_at) as jsonb prints it';

GRANT EXECUTE ON FUNCTION ismap.list_json(text, date, timestamptz),
  ismap.list_csv(text, date, text), ismap.list_digest(text, date, timestamptz)
  TO PUBLIC, ismap_committee, ismap_operator, ismap_ministry, ismap_provider, ismap_auditor,
     ismap_procurer, ismap_reader;

-- ---------- Procurement (2.3, 6.1, 附則2) ----------

-- The dated scope of 附則2: from which day each kind of procuring body
-- procures from the lists (NULL: not in scope).  One row per kind, written
-- here; the committee changes a date by UPDATE, never a past day's scope
-- (src/rules/procurer_scope.c).  The ministries' date is the scheme_start
-- setting as it stands when the extension is created, copied: the scope is
-- a dated fact of its own, which a later revision of scheme_start does not
-- move (the committee moves it here, within the same rule).
CREATE TABLE ismap.procurer_scope (
  kind          ismap.body_kind PRIMARY KEY,
  in_scope_from date
);
COMMENT ON TABLE ismap.procurer_scope IS
  '調達機関の種類ごとの対象となる日（附則2）。NULL は対象外。運営委員会が UPDATE で定め、過ぎた日は変わらない / the day from which each kind of procuring body procures from the lists (NULL: not in scope), set by the committee';
COMMENT ON COLUMN ismap.procurer_scope.kind IS '調達機関の種類 / kind of procuring body';
COMMENT ON COLUMN ismap.procurer_scope.in_scope_from IS '対象となる日（NULL: 対象外） / in scope from (NULL: not in scope)';
INSERT INTO ismap.procurer_scope (kind, in_scope_from)
SELECT k, CASE WHEN k OPERATOR(pg_catalog.=) 'ministry'::ismap.body_kind
               THEN (SELECT s.value::pg_catalog.date FROM ismap.settings s
                      WHERE s.name OPERATOR(pg_catalog.=) 'scheme_start') END
  FROM pg_catalog.unnest(pg_catalog.enum_range(NULL::ismap.body_kind)) k;

CREATE FUNCTION ismap.procurer_scope_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_procurer_scope_check';
COMMENT ON FUNCTION ismap.procurer_scope_check() IS
  '内部用のトリガー: 調達機関の対象の日の変更を検証する / internal trigger, not called by users: checks a change of the procurer scope';
CREATE TRIGGER procurer_scope_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.procurer_scope
  FOR EACH ROW EXECUTE FUNCTION ismap.procurer_scope_check();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.procurer_scope
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('kind');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON ismap.procurer_scope
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');

-- Procurements: a procuring body's contract for a registered service,
-- citing (optionally) the digest of the list it relied on.  Confidential:
-- the committee, the operator, the ministries and the body's own roles
-- read them (policy concerned).  No foreign keys: the trigger checks the
-- body and the registration (src/rules/procurements.c), neither of which
-- is ever deleted, and a foreign key would make TRUNCATE of a referenced
-- table fail with 0A000 before its sec_history trigger refuses it.
CREATE TABLE ismap.procurements (
  procurement_id  bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  body_id         bigint NOT NULL,
  registration_id bigint NOT NULL,
  contracted_on   date NOT NULL,
  list_digest     text
);
CREATE INDEX procurements_registration ON ismap.procurements (registration_id);
CREATE INDEX procurements_body ON ismap.procurements (body_id);
COMMENT ON TABLE ismap.procurements IS
  '調達（調達機関がリストに登録されたクラウドサービスを契約した記録） / procurements of listed services by procuring bodies';
COMMENT ON COLUMN ismap.procurements.procurement_id IS '調達ID / procurement id';
COMMENT ON COLUMN ismap.procurements.body_id IS '調達機関 / procuring body';
COMMENT ON COLUMN ismap.procurements.registration_id IS '登録 / registration';
COMMENT ON COLUMN ismap.procurements.contracted_on IS '契約日 / contracted on';
COMMENT ON COLUMN ismap.procurements.list_digest IS '依拠したリストの要約値（ismap.list_digest、任意） / digest of the list relied on (optional)';

CREATE FUNCTION ismap.procurements_check() RETURNS trigger
  LANGUAGE c AS 'MODULE_PATHNAME', 'ismap_procurements_check';
COMMENT ON FUNCTION ismap.procurements_check() IS
  '内部用のトリガー: 調達を検証する / internal trigger, not called by users: checks a procurement';
CREATE TRIGGER procurements_check BEFORE INSERT OR UPDATE OR DELETE ON ismap.procurements
  FOR EACH ROW EXECUTE FUNCTION ismap.procurements_check();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON ismap.procurements
  FOR EACH ROW EXECUTE FUNCTION ismap.log_change('procurement_id');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON ismap.procurements
  FOR EACH STATEMENT EXECUTE FUNCTION ismap.refuse_truncate('sec_history');

CREATE FUNCTION ismap.concerns_body(body_id bigint) RETURNS boolean
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_concerns_body';
COMMENT ON FUNCTION ismap.concerns_body(bigint) IS
  '内部用: 行がその調達機関の行として呼出し元に関わるか / internal, not called by users: whether a procuring body''s row concerns the caller';
ALTER TABLE ismap.procurements ENABLE ROW LEVEL SECURITY;
ALTER TABLE ismap.procurements FORCE ROW LEVEL SECURITY;
CREATE POLICY concerned ON ismap.procurements USING (ismap.concerns_body(body_id));

-- The first day of the status a registration has on a day: its status
-- changes only at the edges of its list periods (ismap.service_list_spans)
-- and on its registration day, so the run begins at the latest such edge
-- after the last one where the status differed.
CREATE FUNCTION ismap.status_since(registration_id bigint, as_of date) RETURNS date
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH edges AS (
      SELECT DISTINCT e.day
        FROM (SELECT r.registered_on AS day FROM ismap.service_registrations r
               WHERE r.registration_id OPERATOR(pg_catalog.=) $1
              UNION ALL
              SELECT s.listed_from FROM ismap.service_list_spans s
               WHERE s.registration_id OPERATOR(pg_catalog.=) $1
              UNION ALL
              SELECT s.listed_until OPERATOR(pg_catalog.+) 1 FROM ismap.service_list_spans s
               WHERE s.registration_id OPERATOR(pg_catalog.=) $1
                 AND s.listed_until OPERATOR(pg_catalog.<) 'infinity'::pg_catalog.date) e
       WHERE e.day OPERATOR(pg_catalog.<=) $2),
    statuses AS (
      SELECT e.day, ismap.service_status($1, e.day) AS status FROM edges e)
    SELECT pg_catalog.min(s.day) FROM statuses s
     WHERE s.day OPERATOR(pg_catalog.>) COALESCE(
             (SELECT pg_catalog.max(o.day) FROM statuses o
               WHERE o.status IS DISTINCT FROM ismap.service_status($1, $2)),
             '-infinity'::pg_catalog.date)
  $$;
COMMENT ON FUNCTION ismap.status_since(bigint, date) IS
  '内部用: 登録がある日に持つ状態の始まった日 / internal, not called by users: the first day of the status a registration has on a day';

-- The public names a procurement refers to: the body's, the registration's
-- number and its service's (procuring bodies and registered services are
-- public facts of the scheme), for the procurer roles that read neither
-- ismap.organizations nor ismap.cloud_services.
CREATE FUNCTION ismap.procurement_labels(body_id bigint, registration_id bigint,
                                         OUT body_name text, OUT registration_number text,
                                         OUT service_name text)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT (SELECT o.name FROM ismap.procuring_bodies b
              JOIN ismap.organizations o ON o.organization_id OPERATOR(pg_catalog.=) b.organization_id
             WHERE b.body_id OPERATOR(pg_catalog.=) $1),
           r.registration_number, s.name
      FROM ismap.service_registrations r
      JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) r.service_id
     WHERE r.registration_id OPERATOR(pg_catalog.=) $2
  $$;
COMMENT ON FUNCTION ismap.procurement_labels(bigint, bigint) IS
  '内部用: 調達が指す調達機関の名称、登録番号、サービスの名称 / internal, not called by users: the public names a procurement refers to';

-- As the caller: the procurements it reads (policy concerned).
CREATE FUNCTION ismap.procurement_impact_at(as_of date)
  RETURNS TABLE (procurement_id bigint, body_id bigint, body_name text,
                 registration_number text, service_name text,
                 status ismap.listing_status, status_since date)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT x.procurement_id, x.body_id, l.body_name, l.registration_number, l.service_name,
           x.status, ismap.status_since(x.registration_id, as_of)
      FROM (SELECT p.procurement_id, p.body_id, p.registration_id,
                   ismap.service_status(p.registration_id, as_of) AS status
              FROM ismap.procurements p
             WHERE p.contracted_on OPERATOR(pg_catalog.<=) as_of
               AND ismap.list_arg_given(as_of, 'day', 'svc_public_list')) x,
           LATERAL ismap.procurement_labels(x.body_id, x.registration_id) l
     WHERE x.status OPERATOR(pg_catalog.=)
           ANY ('{renewal_pending,suspended,expired,removed}'::ismap.listing_status[])
     ORDER BY x.procurement_id
  $$;
COMMENT ON FUNCTION ismap.procurement_impact_at(date) IS
  'ある日に登録が更新手続中（注意）、一時停止、失効又は抹消となっている調達 / the procurements whose registration is renewal_pending (a warning), suspended, expired or removed on a day';

CREATE VIEW ismap.procurement_impact AS
  SELECT * FROM ismap.procurement_impact_at(ismap.today());
COMMENT ON VIEW ismap.procurement_impact IS
  '本日、登録が更新手続中、一時停止、失効又は抹消となっている調達 / procurement_impact_at(today)';
COMMENT ON COLUMN ismap.procurement_impact.procurement_id IS '調達ID / procurement id';
COMMENT ON COLUMN ismap.procurement_impact.body_id IS '調達機関 / procuring body';
COMMENT ON COLUMN ismap.procurement_impact.body_name IS '調達機関の名称 / body name';
COMMENT ON COLUMN ismap.procurement_impact.registration_number IS '登録番号 / registration number';
COMMENT ON COLUMN ismap.procurement_impact.service_name IS 'クラウドサービスの名称 / service name';
COMMENT ON COLUMN ismap.procurement_impact.status IS '状態 / status';
COMMENT ON COLUMN ismap.procurement_impact.status_since IS 'その状態となった日 / status since';

-- Grants.  The scope (附則2) is read by every capacity, ismap_reader (the
-- public's role) included, but not by PUBLIC itself, which reads no table; procurements are read by the
-- oversight bodies and their own body's procurer roles, and recorded by a
-- procurer role acting for the body's organization.
REVOKE ALL ON ismap.procurer_scope, ismap.procurements, ismap.procurement_impact FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ismap.procurer_scope_check(), ismap.procurements_check(),
  ismap.concerns_body(bigint), ismap.status_since(bigint, date),
  ismap.procurement_labels(bigint, bigint), ismap.procurement_impact_at(date) FROM PUBLIC;
GRANT SELECT ON ismap.procurer_scope TO ismap_committee, ismap_operator, ismap_ministry, ismap_provider, ismap_auditor,
  ismap_procurer, ismap_reader;
GRANT UPDATE (in_scope_from) ON ismap.procurer_scope TO ismap_committee;
GRANT SELECT ON ismap.procurements, ismap.procurement_impact
  TO ismap_committee, ismap_operator, ismap_ministry, ismap_procurer;
GRANT INSERT ON ismap.procurements TO ismap_procurer;
-- A procurer names its body by body_id: the bodies (government bodies, whose
-- names are public) are its to read from now on.
GRANT SELECT ON ismap.procuring_bodies TO ismap_procurer;
GRANT EXECUTE ON FUNCTION ismap.concerns_body(bigint), ismap.status_since(bigint, date),
  ismap.procurement_labels(bigint, bigint), ismap.procurement_impact_at(date)
  TO ismap_committee, ismap_operator, ismap_ministry, ismap_procurer;

SELECT pg_catalog.pg_extension_config_dump('ismap.procurer_scope', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.procurements', '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.procurements', 'procurement_id'), '');
