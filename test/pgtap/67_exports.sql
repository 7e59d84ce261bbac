-- Exports of the public lists (issue 17): ismap.list_json, list_csv and
-- list_digest.  The CSV parsed back equals the list; the JSON has the
-- list's column names as keys and its rows in registration-number order;
-- the digest is the SHA-256 of the jsonb text and changes exactly on the
-- days the list changes; bad arguments are refused with 22023.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(22);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;

-- A provider's name with a quote, a comma and a line break, for the CSV.
SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人かすみ'), (11, '架空クラウド株式会社きらら'),
               (12, E'架空クラウド株式会社"くじら", 本社\n東京')) AS o(n, name)
 \g /dev/null
SELECT ismap_test.register(101, 1, '2024-04-01', '2024-05-10') AS a \gset
SELECT ismap_test.service(1, 11, '架空会議室予約') \g /dev/null
SELECT ismap_test.service(2, 12, '架空電子帳簿') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(21, 2, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2025-01-25', '2025-02-10') AS r1 \gset
SELECT ismap_test.svc_register(2001, 2, 21, '2025-01-25', '2025-03-03') AS r2 \gset
SELECT ismap_test.svc_change(:r2, 'suspend', '2025-06-01') \g /dev/null
SELECT ismap_test.svc_change(:r2, 'lift', '2025-07-01') \g /dev/null

-- RFC 4180, parsed independently of the extension: one text[] per record.
CREATE FUNCTION ismap_test.csv_records(csv text) RETURNS SETOF text[]
LANGUAGE plpgsql AS $$
DECLARE
  i int := 1;
  n int := length(csv);
  c text;
  field text := '';
  fields text[] := '{}';
  quoted boolean := false;
  in_quotes boolean := false;
BEGIN
  WHILE i <= n LOOP
    c := substr(csv, i, 1);
    IF in_quotes THEN
      IF c = '"' AND substr(csv, i + 1, 1) = '"' THEN field := field || '"'; i := i + 1;
      ELSIF c = '"' THEN in_quotes := false;
      ELSE field := field || c;
      END IF;
    ELSIF c = '"' THEN in_quotes := true; quoted := true;
    ELSIF c = ',' THEN
      fields := fields || CASE WHEN field = '' AND NOT quoted THEN NULL ELSE field END;
      field := ''; quoted := false;
    ELSIF c = E'\r' AND substr(csv, i + 1, 1) = E'\n' THEN
      fields := fields || CASE WHEN field = '' AND NOT quoted THEN NULL ELSE field END;
      RETURN NEXT fields;
      fields := '{}'; field := ''; quoted := false; i := i + 1;
    ELSIF c IN (E'\r', E'\n') THEN
      RAISE EXCEPTION 'bare line break at %', i;
    ELSE field := field || c;
    END IF;
    i := i + 1;
  END LOOP;
  IF fields <> '{}' OR field <> '' THEN RAISE EXCEPTION 'no CRLF at the end'; END IF;
END $$;

-- The list as text[] rows, the way the CSV must show it.
CREATE FUNCTION ismap_test.list_rows(day date) RETURNS SETOF text[]
LANGUAGE sql SET datestyle = 'ISO, YMD' AS $$
  SELECT ARRAY[l.registration_id::text, l.registration_number, l.service_id::text, l.service_name,
               l.service_name_en, l.provider_name, l.provider_corporate_number, l.statement_scope,
               l.service_model::text, l.registered_on::text, l.audit_period_start::text,
               l.audit_period_end::text, l.valid_until::text, l.auditor_name,
               l.auditor_registration_number, l.status::text, l.provider_name_en, l.auditor_name_en]
    FROM ismap.cloud_service_list_at(day) l ORDER BY l.registration_number
$$;

-- ---------- CSV ----------
SELECT is((SELECT r FROM ismap_test.csv_records(ismap.list_csv('cloud_service', '2025-12-01', 'en')) r LIMIT 1),
          array(SELECT a.attname::text FROM pg_attribute a
                 WHERE a.attrelid = 'ismap.cloud_service_list'::regclass AND a.attnum > 0 ORDER BY a.attnum),
          'en: the header row is the column names');
SELECT is((SELECT r FROM ismap_test.csv_records(ismap.list_csv('cloud_service', '2025-12-01')) r LIMIT 1),
          array(SELECT split_part(col_description(a.attrelid, a.attnum), ' / ', 1) FROM pg_attribute a
                 WHERE a.attrelid = 'ismap.cloud_service_list'::regclass AND a.attnum > 0 ORDER BY a.attnum),
          'ja (the default): the header row is the Japanese part of the column comments');
SELECT ok(ismap.list_csv('cloud_service', '2025-12-01') LIKE '登録ID,登録番号,クラウドサービスID,クラウドサービスの名称,%',
          'ja headers as the portal shows them');
SELECT is(array(SELECT r::text FROM ismap_test.csv_records(ismap.list_csv('cloud_service', '2025-12-01', 'en')) r OFFSET 1),
          array(SELECT r::text FROM ismap_test.list_rows('2025-12-01') r),
          'the CSV parsed back equals the list (a quote, a comma and a line break included)');
SELECT ok(ismap.list_csv('cloud_service', '2025-12-01', 'en') LIKE E'%"架空クラウド株式会社""くじら"", 本社\n東京"%',
          'a field with a quote, a comma or a line break is quoted, its quotes doubled');
SELECT is((SELECT count(*) FROM ismap_test.csv_records(ismap.list_csv('cloud_service', '2025-01-01'))), 1::bigint,
          'an empty list is its header row');
SELECT is(array(SELECT r[2] FROM ismap_test.csv_records(ismap.list_csv('auditor', '2025-12-01', 'en')) r),
          '{registration_number,A24-0001}', 'the auditor list');
SET LOCAL datestyle = 'SQL, DMY';
SELECT is(array(SELECT r::text FROM ismap_test.csv_records(ismap.list_csv('cloud_service', '2025-12-01', 'en')) r OFFSET 1),
          array(SELECT r::text FROM ismap_test.list_rows('2025-12-01') r),
          'dates are ISO whatever the session''s DateStyle');
RESET datestyle;

-- ---------- JSON ----------
SELECT is(ismap.list_json('cloud_service', '2025-12-01'),
          (SELECT jsonb_agg(to_jsonb(l) ORDER BY l.registration_number) FROM ismap.cloud_service_list_at('2025-12-01') l),
          'the JSON is the list''s rows');
SELECT is(array(SELECT jsonb_object_keys(ismap.list_json('cloud_service', '2025-12-01') -> 0) ORDER BY 1),
          array(SELECT a.attname::text FROM pg_attribute a
                 WHERE a.attrelid = 'ismap.cloud_service_list'::regclass AND a.attnum > 0 ORDER BY 1),
          'its keys are the list''s column names');
SELECT is(array(SELECT e ->> 'registration_number' FROM jsonb_array_elements(ismap.list_json('cloud_service', '2025-12-01')) e),
          '{C25-0001-1,C25-0002-1}', 'in registration-number order');
SELECT is(ismap.list_json('cloud_service', '2025-01-01'), '[]'::jsonb, 'an empty list is []');
SELECT is(ismap.list_json('cloud_service', '2025-12-01', now()), ismap.list_json('cloud_service', '2025-12-01'),
          'as known now, the list as it is');
SELECT is(ismap.list_json('auditor', '2025-12-01', '2024-01-01'), '[]'::jsonb,
          'as known before anything was recorded, empty');

-- ---------- digest ----------
SELECT is(ismap.list_digest('cloud_service', '2025-12-01'),
          encode(sha256(convert_to(ismap.list_json('cloud_service', '2025-12-01')::text, 'UTF8')), 'hex'),
          'the digest is the SHA-256 of the jsonb text');
SELECT is(ismap.list_digest('cloud_service'), ismap.list_digest('cloud_service', '2025-12-01'), 'today by default');
-- Over every day of 2025, the digest changes from one day to the next
-- exactly when the list's rows do.
SELECT is((SELECT count(*) FROM generate_series('2025-01-02'::date, '2025-12-01', '1 day') d
            WHERE (ismap.list_digest('cloud_service', d::date) <> ismap.list_digest('cloud_service', d::date - 1))
               <> (array(SELECT r::text FROM ismap_test.list_rows(d::date) r)
                   <> array(SELECT r::text FROM ismap_test.list_rows(d::date - 1) r))), 0::bigint,
          'the digest of a day changes exactly on the days the list changes');
SELECT is(array(SELECT d::date FROM generate_series('2025-01-02'::date, '2025-12-01', '1 day') d
                 WHERE ismap.list_digest('cloud_service', d::date) <> ismap.list_digest('cloud_service', d::date - 1)),
          '{2025-02-10,2025-03-03,2025-06-01,2025-07-01}'::date[],
          'and those days are the registrations, the suspension and its lifting');

-- ---------- bad arguments ----------
SELECT ismap_test.refused($$SELECT ismap.list_json('services')$$, '22023', 'list_export', 'an unknown list');
SELECT ismap_test.refused($$SELECT ismap.list_csv('cloud_service', NULL)$$, '22023', 'list_export', 'a null day');
SELECT ismap_test.refused($$SELECT ismap.list_csv('cloud_service', '2025-12-01', 'fr')$$, '22023', 'list_export',
                          'an unknown language');
SELECT ismap_test.well_reported($$SELECT ismap.list_digest(NULL)$$, 'a null list, with a hint naming the lists');

SELECT * FROM finish();
ROLLBACK;
