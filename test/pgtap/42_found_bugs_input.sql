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
SELECT plan(29);
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
SELECT is(ismap.service_status(9223372036854775807, '-infinity'), NULL::ismap.listing_status,
          'service_status of no registration, on -infinity: null');
SELECT is((SELECT count(*) FROM ismap.auditor_list_changes('-infinity', 'infinity')), 0::bigint,
          'auditor_list_changes from -infinity to infinity: nothing listed on either day');
SELECT is((SELECT count(*) FROM ismap.cloud_service_list_at('infinity', '-infinity')), 0::bigint,
          'cloud_service_list_at(infinity, as known at -infinity): empty');
SELECT ismap_test.refused($$SELECT ismap.service_valid_until('5874897-01-01')$$, '22008', 'svc_validity',
                          'service_valid_until near the last date: out of range, with its rule');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
