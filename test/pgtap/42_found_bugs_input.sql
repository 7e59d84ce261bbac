-- Bugs found in the input the extension accepts (issue 13), one section
-- per item: every case the issue quotes, refused with its SQLSTATE and rule
-- id and changing nothing, and what must still be accepted next to it.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(66);
SET LOCAL ismap.today = '2024-06-01';
SET LOCAL client_min_messages = warning;

-- =====================================================================
-- Issue 13, item 4: ismap.registration_standing(), granted to PUBLIC for
-- the public auditor list, reached an internal error (XX000) on a facts
-- value of another shape than the registry writes.  Every array is now
-- checked: one dimension (or empty), the arrays of the terms, of the
-- renewals and of the changes each of one length, no null where the
-- registry writes none, a known action.  Refused as facts_value: 2202E
-- for the shape, 22023 for a value.

-- An auditor whose copy holds what the checks let through: an undecided
-- renewal (renewal_decided_on null) and a status change.
SELECT ismap_test.organization(1, '架空監査法人あおい', 'Aoi Fictional Audit Corporation') \g /dev/null
SELECT ismap_test.register(101, 1, '2022-04-01', '2022-05-01') AS a1 \gset
SELECT ismap_test.file(102, 1, '2024-03-01', 'renewal', :a1) \g /dev/null
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
VALUES (:a1, 'suspend', '2024-05-01', '監査機関要求基準への不適合の疑い');

-- registration_standing() of a facts value written out (the ten arrays),
-- for a registration of 2024-01-01, on a day.
CREATE FUNCTION ismap_test.standing_sql(facts text, day date DEFAULT '2024-06-01') RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format('SELECT * FROM ismap.registration_standing(ROW(%s)::ismap.registration_facts, %L, %L)',
                facts, '2024-01-01', day)
$$;

CREATE ROLE ismap_test_public_42 NOLOGIN;
SET LOCAL ROLE ismap_test_public_42;

SELECT ismap_test.refused($$SELECT * FROM ismap.registration_standing(ROW('{{2024-01-01}}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{}', '{}')::ismap.registration_facts, '2024-01-01', '2024-06-01')$$,
                          '2202E', 'facts_value', 'a two-dimensional term array is refused (the case of the issue)');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{{suspend}}', '{2024-03-01}'$$),
                          '2202E', 'facts_value', 'a two-dimensional change_action is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{suspend}', '{{2024-03-01}}'$$),
                          '2202E', 'facts_value', 'a two-dimensional change_effective_on is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}'$$),
                          '2202E', 'facts_value', 'term arrays of different lengths are refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7,8}', '{}', '{}', '{}', '{}'$$),
                          '2202E', 'facts_value', 'a term array longer than the others is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{2025-04-01}', '{}', '{}', '{}'$$),
                          '2202E', 'facts_value', 'renewal arrays of different lengths are refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{suspend,lift}', '{2024-03-01}'$$),
                          '2202E', 'facts_value', 'change arrays of different lengths are refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{NULL}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{}', '{}'$$),
                          '22023', 'facts_value', 'a null term_in_force_from is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10,2025-04-20}', '{2023-01-01,NULL}', '{2023-12-31,2024-12-31}', '{2025-04-30,2026-04-30}', '{11,12}', '{7,7}', '{}', '{}', '{}', '{}'$$),
                          '22023', 'facts_value', 'a null term_audit_period_start of a second term is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{NULL}', '{11}', '{7}', '{}', '{}', '{}', '{}'$$),
                          '22023', 'facts_value', 'a null term_valid_until is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{NULL}', '{NULL}', '{}', '{}'$$),
                          '22023', 'facts_value', 'a null renewal_filed_on is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{suspend,NULL}', '{2024-03-01,2024-04-01}'$$),
                          '22023', 'facts_value', 'a null change_action is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{suspend}', '{NULL}'$$),
                          '22023', 'facts_value', 'a null change_effective_on is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{revoke}', '{2024-03-01}'$$),
                          '22023', 'facts_value', 'an action other than suspend, lift or remove is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', NULL, '{11}', '{7}', '{}', '{}', '{}', '{}'$$),
                          '22023', 'facts_value', 'a null array is refused');
SELECT ismap_test.refused(ismap_test.standing_sql($$NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL$$),
                          '22023', 'facts_value', 'a facts value of nulls only is refused');

-- Accepted: what the registry writes, whatever the subscripts.
SELECT results_eq(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{}', '{}'$$),
                  $$VALUES ('valid'::ismap.listing_status, '2023-01-01'::date, '2023-12-31'::date, '2025-04-30'::date, 11::bigint, 7::bigint, NULL::date)$$,
                  'a well-formed value gives the term in force');
SELECT results_eq(ismap_test.standing_sql($$'[0:0]={2024-01-10}', '{2023-01-01}', '[5:5]={2023-12-31}', '{2025-04-30}', '[-3:-3]={11}', '{7}', '{}', '{}', '{}', '{}'$$),
                  $$VALUES ('valid'::ismap.listing_status, '2023-01-01'::date, '2023-12-31'::date, '2025-04-30'::date, 11::bigint, 7::bigint, NULL::date)$$,
                  'arrays with other lower bounds are read by position: the same answer');
SELECT results_eq($$SELECT status, valid_until FROM ($$ ||
                  ismap_test.standing_sql($$'{2024-01-10}', '{2024-01-01}', '{NULL}', '{2026-01-01}', '{NULL}', '{NULL}', '{}', '{}', '{}', '{}'$$) || ') s',
                  $$VALUES ('valid'::ismap.listing_status, '2026-01-01'::date)$$,
                  'an auditor''s term, without audit period end nor audit (nulls), is accepted');
SELECT results_eq(ismap_test.standing_sql($$'{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{2025-04-01,2024-03-01}', '{NULL,2024-03-20}', '{}', '{}'$$, '2025-05-10'),
                  $$VALUES ('renewal_pending'::ismap.listing_status, '2023-01-01'::date, '2023-12-31'::date, '2025-04-30'::date, 11::bigint, 7::bigint, '2025-04-01'::date)$$,
                  'an undecided renewal (renewal_decided_on null) keeps the registration in grace');
SELECT is((SELECT status FROM ismap.registration_standing(ROW('{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{2025-04-30}', '{11}', '{7}', '{}', '{}', '{suspend,lift}', '{2024-03-01,2024-05-01}')::ismap.registration_facts, '2024-01-01', '2024-04-01')),
          'suspended'::ismap.listing_status, 'status changes are read with their actions');
SELECT is((SELECT status FROM ismap.registration_standing(ROW('{2024-01-10}', '{2023-01-01}', '{2023-12-31}', '{infinity}', '{11}', '{7}', '{}', '{}', '{}', '{}')::ismap.registration_facts, '-infinity', 'infinity')),
          'valid'::ismap.listing_status, 'infinite dates are compared, not refused');

-- The copies the registry keeps pass the checks: the public auditor list,
-- today and as known now (which rebuilds the facts from the log, with nulls
-- for the audit columns an auditor has not).
SELECT results_eq(format('SELECT status FROM ismap.auditor_list WHERE auditor_id = %s', :a1),
                  $$VALUES ('suspended'::ismap.listing_status)$$,
                  'an unprivileged role reads the auditor list: suspended while its renewal is undecided');
SELECT results_eq(format($$SELECT status FROM ismap.auditor_list_at('2024-06-01', now()) WHERE auditor_id = %s$$, :a1),
                  $$VALUES ('suspended'::ismap.listing_status)$$,
                  'and the auditor list as known now');

-- The other functions granted to PUBLIC, at the ends of the calendar and
-- of bigint: an answer or a refusal with a rule, never an internal error.
SELECT is(ismap.auditor_status(:a1, 'infinity'), 'expired'::ismap.listing_status,
          'auditor_status on infinity: expired');
SELECT ismap_test.refused($$SELECT ismap.service_status(9223372036854775807, '-infinity')$$,
                          '22023', 'svc_public_list', 'service_status of no registration, on -infinity: refused');
SELECT is((SELECT count(*) FROM ismap.auditor_list_changes('-infinity', 'infinity')), 0::bigint,
          'auditor_list_changes from -infinity to infinity: nothing listed on either day');
SELECT is((SELECT count(*) FROM ismap.cloud_service_list_at('infinity', '-infinity')), 0::bigint,
          'cloud_service_list_at(infinity, as known at -infinity): empty');
SELECT ismap_test.refused($$SELECT ismap.service_valid_until('5874897-01-01')$$, '22008', 'svc_validity',
                          'service_valid_until near the last date: out of range, with its rule');
RESET ROLE;

-- =====================================================================
-- Issue 13, item 9: names, grounds and reasons made only of white space or
-- of characters that show nothing (a zero-width space U+200B, ...) were
-- accepted.  Text made only of ASCII white space and controls, Unicode
-- spaces and separators, C1 controls, and the format and filler characters
-- of the issue's list counts as no text.

SELECT ismap_test.organization(2, '架空監査法人いぶき', 'Ibuki Fictional Audit Corporation') \g /dev/null
SELECT ismap_test.register(201, 2, '2023-04-01', '2023-05-01') AS a2 \gset
SELECT ismap_test.organization(11, '架空クラウド株式会社うみべ', 'Umibe Fictional Cloud K.K.') \g /dev/null

-- grounds_sql(grounds): a suspension of auditor 2 from 2024-07-01 on those grounds.
CREATE FUNCTION ismap_test.grounds_sql(auditor_id bigint, grounds text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format('INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)'
                ' VALUES (%s, %L, %L, %L)', auditor_id, 'suspend', '2024-07-01', grounds)
$$;

SELECT ismap_test.refused(ismap_test.grounds_sql(:a2, U&'\200B'), '23502', 'ovs_suspension',
                          'grounds of a zero-width space (U+200B) are refused (the case of the issue)');
SELECT ismap_test.refused(ismap_test.grounds_sql(:a2, U&'\200B\200C\200D\2060\FEFF'), '23502', 'ovs_suspension',
                          'grounds of zero-width characters, joiners and a BOM are refused');
SELECT ismap_test.refused(ismap_test.grounds_sql(:a2, U&'\00A0\1680\2000\2005\200A\202F\205F\3000'), '23502', 'ovs_suspension',
                          'grounds of Unicode space separators are refused');
SELECT ismap_test.refused(ismap_test.grounds_sql(:a2, U&'\2028\2029'), '23502', 'ovs_suspension',
                          'grounds of line and paragraph separators are refused');
SELECT ismap_test.refused(ismap_test.grounds_sql(:a2, U&'\0085\009F' || E'\x01\x7f\x0b\f'), '23502', 'ovs_suspension',
                          'grounds of C1 and ASCII control characters are refused');
SELECT ismap_test.refused(ismap_test.grounds_sql(:a2, U&'\00AD\034F\061C\17B4\17B5\180B\180E\200E\200F\202A\202E\2066\206F'), '23502', 'ovs_suspension',
                          'grounds of format characters (soft hyphen, marks, bidi controls) are refused');
SELECT ismap_test.refused(ismap_test.grounds_sql(:a2, U&'\115F\1160\3164\FFA0'), '23502', 'ovs_suspension',
                          'grounds of Hangul fillers are refused');
SELECT ismap_test.refused(ismap_test.grounds_sql(:a2, U&'\FE00\FE0F\+0E0100\+0E01EF'), '23502', 'ovs_suspension',
                          'grounds of variation selectors are refused');
SELECT ismap_test.refused(ismap_test.grounds_sql(:a2, U&'\+0E0001\+0E0020\+0E007F'), '23502', 'ovs_suspension',
                          'grounds of tag characters are refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
                                   VALUES (1, 'suspend', '2024-07-01', %L)$$, U&'\3000\200B'),
                          '23502', 'ovs_suspension', 'invisible grounds of a service''s status change are refused');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '5999900000103', U&'\200B')$$,
                          '23502', 'org_corporate_number', 'an organization named by a zero-width space is refused');
SELECT ismap_test.refused($$UPDATE ismap.organizations SET name = U&'\3164\3000' WHERE organization_id = 2$$,
                          '23502', 'org_corporate_number', 'renaming an organization to a Hangul filler is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
                            VALUES (11, U&'\FEFF', '架空ストレージの提供に係る全ての業務', 'IaaS')$$,
                          '23502', 'svc_public_list', 'a cloud service named by a BOM is refused');
SELECT ismap_test.refused($$INSERT INTO ismap.cloud_services (provider_id, name, statement_scope, service_model)
                            VALUES (11, '架空ストレージ', U&'\2060\2061', 'IaaS')$$,
                          '23502', 'svc_public_list', 'an invisible statement scope is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 2, '{"name": "架空監査法人いぶき（訂正）"}', U&'\200B\200B')$$,
                          '23502', 'sec_history', 'a correction whose reason is invisible is refused');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.organizations', 2, '{"name": "\u200b"}', '商号の誤記')$$,
                          '23502', 'org_corporate_number', 'a correction to an invisible name is refused');

-- Visible text among invisible characters, and the characters next to the
-- ranges, are text.
SELECT ismap_test.accepted(ismap_test.grounds_sql(:a2, U&'\200B監査機関要求基準への不適合\200B'),
                           'grounds with visible text between zero-width spaces are accepted');
SELECT ismap_test.accepted(format($$UPDATE ismap.organizations SET name = %L WHERE organization_id = 11$$,
                                  U&'\2010\205E\FE10\+01F600'),
                           'a name of characters just outside the ranges (U+2010, U+205E, U+FE10) and an emoji is accepted');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.auditor_status_changes',
                                                  (SELECT max(change_id) FROM ismap.auditor_status_changes),
                                                  '{"grounds": "監査機関要求基準への不適合"}', U&'\3000転記誤り')$$,
                           'a reason led by an ideographic space is accepted');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.auditor_status_changes',
                                                 (SELECT max(change_id) FROM ismap.auditor_status_changes),
                                                 '{"grounds": "\u00a0\u200d"}', '転記誤り')$$,
                          '23502', 'ovs_suspension', 'but a correction of grounds to invisible ones is refused');

-- ismap.reason of invisible characters is no reason: the log records none.
SET LOCAL ismap.reason = E'\u200b\u3000';
UPDATE ismap.organizations SET name_en = 'Ibuki Fictional Audit Corp.' WHERE organization_id = 2;
SELECT is((SELECT reason FROM ismap.history ORDER BY seq DESC LIMIT 1), NULL,
          'an invisible ismap.reason is logged as no reason');
RESET ismap.reason;

-- =====================================================================
-- Issue 13, item 10: SET ismap.timezone = 'FOO-167' (a POSIX zone
-- specification, UTC+167 hours) was accepted and moved today() a week
-- ahead.  Only zones of the time zone database (pg_timezone_names) within
-- 14 hours of UTC are accepted; a refused SET is PostgreSQL's 22023.

SET LOCAL ismap.today = '';
SELECT ismap_test.refused($$SET LOCAL ismap.timezone = 'FOO-167'$$, '22023', NULL,
                          'ismap.timezone FOO-167 (a POSIX zone specification) is refused (the case of the issue)');
SELECT is(ismap.today(), (now() AT TIME ZONE 'Asia/Tokyo')::date, 'and today() is still the date in Tokyo');
SELECT is(current_setting('ismap.timezone'), 'Asia/Tokyo', 'and ismap.timezone is unchanged');
SELECT ismap_test.refused($$SET LOCAL ismap.timezone = 'JST-9'$$, '22023', NULL,
                          'a POSIX specification of Tokyo''s own offset is refused too');
SELECT ismap_test.refused($$SET LOCAL ismap.timezone = '<+1400>-14'$$, '22023', NULL,
                          'a POSIX specification with a quoted abbreviation is refused');
SELECT ismap_test.refused($$SELECT set_config('ismap.timezone', 'XYZ+167', true)$$, '22023', NULL,
                          'set_config with a POSIX specification is refused');
SELECT ismap_test.refused($$SET LOCAL ismap.timezone = 'right/Asia/Tokyo'$$, '22023', NULL,
                          'a zone with leap seconds (not in pg_timezone_names) is refused');
SELECT is(ismap.today(), (now() AT TIME ZONE 'Asia/Tokyo')::date, 'after the refusals today() has not moved');

SELECT ismap_test.accepted($$SET LOCAL ismap.timezone = 'Etc/GMT-14'$$, 'Etc/GMT-14 (UTC+14) is accepted');
SELECT is(ismap.today(), (now() AT TIME ZONE 'Etc/GMT-14')::date, 'today() is the date at UTC+14');
SELECT ismap_test.accepted($$SET LOCAL ismap.timezone = 'Etc/GMT+12'$$, 'Etc/GMT+12 (UTC-12) is accepted');
SELECT is(ismap.today(), (now() AT TIME ZONE 'Etc/GMT+12')::date, 'today() is the date at UTC-12');
SELECT ismap_test.accepted($$SET LOCAL ismap.timezone = 'UTC'$$, 'UTC is accepted');
SELECT is(ismap.today(), (now() AT TIME ZONE 'UTC')::date, 'today() is the date in UTC');
SELECT ismap_test.accepted($$SET LOCAL ismap.timezone = 'Asia/Tokyo'$$, 'Asia/Tokyo is accepted');
SELECT is(ismap.today(), (now() AT TIME ZONE 'Asia/Tokyo')::date, 'today() is the date in Tokyo again');

SELECT * FROM finish();
ROLLBACK;
