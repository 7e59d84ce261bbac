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
