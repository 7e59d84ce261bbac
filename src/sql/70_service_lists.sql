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

-- Every period of every ISMAP registration on the public list, with the
-- list's columns: public information (the list on each of those days).
-- A security barrier: a caller's function cannot see the rows the view
-- filters out (other programs) before the filter applies.
--
-- The names, English names and statement scope are those in force on the
-- period's days (svc_change_notice, aud_change_notice).  The first part
-- gives the periods of the registrations that no notice touches (nearly
-- all), as the spans hold them, so that a list read on a day filters the
-- spans themselves, as a plain SELECT of the registry would.  The second
-- gives the periods of the others, cut where a notice of the service, its
-- provider or its auditor takes effect within them: each piece is the
-- days a period shares with a period of values of each (GREATEST and
-- LEAST pass over the NULLs of those without notices), with those values.
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

-- Plain SQL that PostgreSQL inlines into the caller's query (no SECURITY
-- DEFINER, no SET, not STRICT: each would prevent that), and PARALLEL
-- SAFE, or the inlined query could not use parallel workers; every name and
-- operator is schema-qualified, so the caller's search_path cannot change
-- its meaning, and it reads only the public view above.  A NULL day is
-- refused (list_arg_given: a one-time filter, evaluated once per query).
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
