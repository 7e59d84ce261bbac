-- Read side of the cloud service registry: status on any day, the public list.

CREATE FUNCTION ismap.service_status(registration_id bigint, as_of date DEFAULT ismap.today())
  RETURNS ismap.listing_status
  LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_service_status';
COMMENT ON FUNCTION ismap.service_status(bigint, date) IS
  'クラウドサービスの登録のある日の状態（登録前は NULL） / listing status of a service registration on a day, from the registry tables';

CREATE FUNCTION ismap.cloud_service_list_at(day date)
  RETURNS TABLE (registration_id bigint, registration_number text,
                 service_id bigint, service_name text, service_name_en text,
                 provider_name text, provider_corporate_number text,
                 statement_scope text, service_model ismap.service_model,
                 registered_on date, audit_period_start date, audit_period_end date,
                 valid_until date, auditor_name text, auditor_registration_number text,
                 status ismap.listing_status)
  LANGUAGE sql STABLE STRICT SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT r.registration_id, r.registration_number, s.service_id, s.name, s.name_en,
           p.name, p.corporate_number, s.statement_scope, s.service_model,
           r.registered_on, st.audit_period_start, st.audit_period_end, st.valid_until,
           ao.name, au.registration_number, st.status
      FROM ismap.service_registrations r
      JOIN ismap.cloud_services s ON s.service_id OPERATOR(pg_catalog.=) r.service_id
      JOIN ismap.organizations p ON p.organization_id OPERATOR(pg_catalog.=) s.provider_id
     CROSS JOIN LATERAL ismap.registration_standing(r.facts, r.registered_on, day) st
      JOIN ismap.auditors au ON au.auditor_id OPERATOR(pg_catalog.=) st.auditor_id
      JOIN ismap.organizations ao ON ao.organization_id OPERATOR(pg_catalog.=) au.organization_id
     WHERE s.program OPERATOR(pg_catalog.=) 'ismap'::ismap.program
       AND st.status OPERATOR(pg_catalog.=) ANY ('{valid,renewal_pending,suspended}'::ismap.listing_status[])
     ORDER BY r.registration_number
  $$;
COMMENT ON FUNCTION ismap.cloud_service_list_at(date) IS
  'ある日の ISMAP クラウドサービスリスト（一時停止中は suspended と表示） / the public cloud service list as it stood on a day';

CREATE VIEW ismap.cloud_service_list WITH (security_barrier) AS
  SELECT * FROM ismap.cloud_service_list_at(ismap.today());
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
