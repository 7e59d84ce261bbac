-- Organizations: the 法人番号 and its check digit (org_corporate_number).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(43);
SET LOCAL ismap.today = '2024-06-01';
SET LOCAL client_min_messages = warning;

-- Check digit = 9 - (sum of the 12 base digits weighted 1,2,1,2... from
-- the rightmost) mod 9.  7999900000101: base 999900000101, weighted sum
-- 1*1 + 0*2 + 1*1 + 0 ... + 9*1 + 9*2 + 9*1 + 9*2 = 2 + 54 = 56; 56 mod 9 = 2;
-- 9 - 2 = 7.
SELECT is(ismap_test.corporate_number('999900000101'), '7999900000101', '(the test helper computes the check digit)');

-- ---------------------------------------------------------------------
-- corporate_number_is_valid

SELECT ok(ismap.corporate_number_is_valid('7999900000101'), 'corporate_number_is_valid: a right check digit');
SELECT ok(NOT ismap.corporate_number_is_valid('8999900000101'), 'a wrong check digit is not valid');
SELECT ok(NOT ismap.corporate_number_is_valid('0999900000101'), 'a check digit 0 is never valid');
SELECT ok(NOT ismap.corporate_number_is_valid('999900000101'), '12 digits are not valid');
SELECT ok(NOT ismap.corporate_number_is_valid('79999000001010'), '14 digits are not valid');
SELECT ok(NOT ismap.corporate_number_is_valid('7-9999-0000-0101'), 'hyphens are not valid');
SELECT ok(NOT ismap.corporate_number_is_valid('79999OOOOO1O1'), 'letters are not valid');
SELECT ok(NOT ismap.corporate_number_is_valid(''), 'the empty string is not valid');
SELECT ok(NOT ismap.corporate_number_is_valid('７９９９９０００００１０１'), 'full-width digits are not valid');
SELECT is(ismap.corporate_number_is_valid(NULL), NULL, 'null gives null');

-- For 2,000 base numbers, exactly the computed check digit is valid.
SELECT is((SELECT count(*)
             FROM generate_series(1, 2000) AS n,
                  LATERAL (SELECT lpad((n * 7919 + 123456789)::text, 12, '0') AS base) AS b,
                  generate_series(0, 9) AS c
            WHERE ismap.corporate_number_is_valid(c::text || b.base)
                  <> (c::text || b.base = ismap_test.corporate_number(b.base))),
          0::bigint, 'for 2,000 bases and every first digit, only the computed check digit is valid');

-- ---------------------------------------------------------------------
-- Insert and update of organizations

SELECT ismap_test.accepted(
  $$INSERT INTO ismap.organizations (organization_id, corporate_number, name, name_en)
    VALUES (1, '7999900000101', '架空監査法人さくら', 'Sakura Fictional Audit Corporation')$$,
  'an organization with a valid corporate number is accepted');
SELECT ismap_test.accepted(
  $$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
    VALUES (2, '6999900000102', '架空クラウド株式会社')$$,
  'an organization without an English name is accepted');
SELECT results_eq($$SELECT corporate_number, name, name_en FROM ismap.organizations ORDER BY organization_id$$,
                  $$VALUES ('7999900000101', '架空監査法人さくら', 'Sakura Fictional Audit Corporation'),
                           ('6999900000102', '架空クラウド株式会社', NULL)$$,
                  'the organizations are stored as given');

SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '8999900000103', '架空監査法人もみじ')$$,
                          '22023', 'org_corporate_number', 'a wrong check digit is refused (22023)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '0999900000103', '架空監査法人もみじ')$$,
                          '22023', 'org_corporate_number', 'a check digit 0 is refused (22023)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '999900000103', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', '12 digits are refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '59999000001030', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', '14 digits are refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '59999ABCDE103', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', 'letters are refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '5-9999-0000-0103', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', 'hyphens are refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '5 9999 0000 0103', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', 'spaces between digits are refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, ' 5999900000103', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', 'a leading space is refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '5999900000103 ', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', 'a trailing space is refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '５９９９９００００１０３', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', 'full-width digits are refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', 'an empty corporate number is refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '-599990000103', '架空監査法人もみじ')$$,
                          '22P02', 'org_corporate_number', 'a sign is refused (22P02)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, NULL, '架空監査法人もみじ')$$,
                          '23502', 'org_corporate_number', 'a null corporate number is refused (23502)');

-- The name
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '5999900000103', '')$$,
                          '23502', 'org_corporate_number', 'an empty name is refused (23502)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '5999900000103', E' \t\n ')$$,
                          '23502', 'org_corporate_number', 'a name of spaces, tabs and newlines is refused (23502)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '5999900000103', '　　')$$,
                          '23502', 'org_corporate_number', 'a name of ideographic spaces (U+3000) is refused (23502)');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (3, '5999900000103', NULL)$$,
                          '23502', 'org_corporate_number', 'a null name is refused (23502)');
SELECT ismap_test.accepted($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                             VALUES (3, '5999900000103', '架空監査法人もみじ')$$,
                           'the same organization with a valid number and a name is accepted');

-- Updates are checked the same way.
SELECT ismap_test.refused($$UPDATE ismap.organizations SET corporate_number = '7999900000102' WHERE organization_id = 2$$,
                          '22023', 'org_corporate_number', 'an update to a wrong check digit is refused');
SELECT ismap_test.refused($$UPDATE ismap.organizations SET corporate_number = '6-9999-0000-0102' WHERE organization_id = 2$$,
                          '22P02', 'org_corporate_number', 'an update to a malformed number is refused');
SELECT ismap_test.refused($$UPDATE ismap.organizations SET name = '  ' WHERE organization_id = 2$$,
                          '23502', 'org_corporate_number', 'an update to a blank name is refused');
SELECT ismap_test.accepted($$UPDATE ismap.organizations SET name = '架空クラウドホールディングス株式会社' WHERE organization_id = 2$$,
                           'an update of the name is accepted');
SELECT ismap_test.accepted($$UPDATE ismap.organizations SET corporate_number = '4999900000104' WHERE organization_id = 2$$,
                           'an update to another valid number is accepted');

-- One organization per corporate number.
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (5, '7999900000101', '架空監査法人さくら（重複）')$$,
                          '23505', 'org_corporate_number', 'a corporate number registered twice is refused, with the rule id');

-- sec_history: the table is never truncated.
SELECT ismap_test.refused($$TRUNCATE ismap.organizations CASCADE$$, '55000', 'sec_history',
                          'organizations cannot be truncated');

-- Privileges: the public does not read organizations directly.
CREATE ROLE ismap_test_public_03 NOLOGIN;
SET LOCAL ROLE ismap_test_public_03;
SELECT ismap_test.refused($$SELECT * FROM ismap.organizations$$, '42501', NULL,
                          'a role without grants cannot read ismap.organizations');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (6, '3999900000105', '架空監査法人ひのき')$$, '42501', NULL,
                          'a role without grants cannot insert organizations');
SELECT ok(ismap.corporate_number_is_valid('7999900000101'), 'anyone may call corporate_number_is_valid');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
