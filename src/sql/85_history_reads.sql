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
  '内部用: ある時点で記録されていた表の行（決定の記録から復元） / internal, not called by users: rows of a registry table as recorded at a moment, rebuilt from the decision log';

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
COMMENT ON FUNCTION ismap.cloud_service_list_at(date, timestamptz) IS
  'ある日のクラウドサービスリストを、ある時点で登録簿が知っていたとおりに示す（後の訂正・遡及記録を含まない） / the cloud service list for a day as the registry knew it at a moment';

CREATE FUNCTION ismap.auditor_list_at(day date, as_known_at timestamptz)
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
COMMENT ON FUNCTION ismap.entry_change_reason(text, bigint, date, date, ismap.listing_status, ismap.listing_status, date, date, date) IS
  '内部用: リストの項目が二日の間で変わった理由 / internal, not called by users: why a list entry changed between two days';

CREATE FUNCTION ismap.cloud_service_list_changes(from_day date, to_day date)
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
COMMENT ON FUNCTION ismap.upcoming_expiries(interval, date) IS
  '期間内に有効期限を迎え、更新申請のない登録（監査機関・クラウドサービス） / registrations whose validity ends within the interval and for which no renewal is filed';

CREATE FUNCTION ismap.overdue_items(as_of date DEFAULT ismap.today())
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
