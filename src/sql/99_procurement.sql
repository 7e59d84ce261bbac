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
