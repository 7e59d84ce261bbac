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
  '内部用: 監査機関のある日の状態とその日に効力のある有効期限 / internal, not called by users: status of an auditor on a day, and the expiry of the term in force that day';

CREATE FUNCTION ismap.registration_standing(facts ismap.registration_facts, registered_on date, day date,
                                            OUT status ismap.listing_status,
                                            OUT audit_period_start date, OUT audit_period_end date,
                                            OUT valid_until date, OUT audit_id bigint,
                                            OUT auditor_id bigint, OUT renewal_filed_on date)
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'ismap_registration_standing';
COMMENT ON FUNCTION ismap.registration_standing(ismap.registration_facts, date, date) IS
  '内部用: 登録の行に保たれた事実からある日の状態、その日の有効期間、審査中の更新申請の申請日を求める / internal, not called by users: status on a day, the term in force and a pending renewal''s filing date, from the facts kept on a registration row';

-- The lists refuse a NULL day (or moment) instead of answering with no
-- rows, which would read as an empty list.  Called with the list's
-- argument and no column, it is a one-time filter: evaluated once per query.
CREATE FUNCTION ismap.list_arg_given(value anyelement, name text, rule text)
  RETURNS boolean
  LANGUAGE c IMMUTABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'ismap_list_arg_given';
COMMENT ON FUNCTION ismap.list_arg_given(anyelement, text, text) IS
  '内部用: リストの引数が NULL でないことを確かめる / internal: refuses a NULL argument of a list function';

CREATE FUNCTION ismap.auditor_list_at(day date)
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
