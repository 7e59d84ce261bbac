--
-- corporate_number: organizations and their 法人番号 (corporate number).
--
-- What a DBA sees:
--   * An organization (a cloud service provider or an auditor) is recorded
--     in ismap.organizations with its 13-digit 法人番号.
--   * The first digit is a check digit: 9 minus the remainder after dividing
--     by 9 the sum of the other twelve digits weighted 1, 2, 1, 2, ... from
--     the rightmost.  ismap.corporate_number_is_valid() checks it.
--   * A number that is not 13 digits is refused with 22P02, a wrong check
--     digit with 22023, a blank name with 23502 (rule org_corporate_number).
--   * Organizations are never truncated (sec_history).
--
-- All organizations of this tour are fictional; their numbers are made up
-- (registry office code 9999, which does not exist) with correct check
-- digits.
--

SET DateStyle = 'ISO, YMD';
SET ismap.today = '2024-06-01';

--
-- 1. The check digit
--

-- The check digit of the twelve digits 999901000001, computed in SQL the way
-- the rule states it.
SELECT 9 - sum(substr('999901000001', 13 - i, 1)::int
               * CASE WHEN i % 2 = 1 THEN 1 ELSE 2 END) % 9 AS check_digit
  FROM generate_series(1, 12) AS i;

-- So 7999901000001 is a valid number; changing any digit breaks it.
SELECT n AS corporate_number, ismap.corporate_number_is_valid(n) AS is_valid
  FROM (VALUES ('7999901000001'),   -- correct check digit
               ('6999901000002'),   -- correct check digit
               ('1999901000001'),   -- wrong check digit
               ('7999901000002'),   -- a digit mistyped
               ('799990100000'),    -- 12 digits
               ('79999010000011'),  -- 14 digits
               ('7-9999-01-000001'),  -- hyphens are not part of the number
               ('７９９９９０１０００００１'),  -- full-width digits
               ('')) v(n)
 ORDER BY n;
SELECT ismap.corporate_number_is_valid(NULL) IS NULL AS is_null;

--
-- 2. Recording organizations
--

INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('7999901000001', '架空監査法人さくら', 'Sakura Fictional Audit Corporation'),
       ('6999901000002', '架空クラウド株式会社', 'Kaku Cloud Fictional K.K.');

SELECT corporate_number, name, name_en FROM ismap.organizations ORDER BY corporate_number;

-- Refused: not 13 digits (22P02).
INSERT INTO ismap.organizations (corporate_number, name)
VALUES ('799990100000', '架空監査法人ひのき');
INSERT INTO ismap.organizations (corporate_number, name)
VALUES ('7-9999-01-000001', '架空監査法人ひのき');
-- Refused: a wrong check digit (22023); the detail says which digit fits.
INSERT INTO ismap.organizations (corporate_number, name)
VALUES ('1999901000003', '架空監査法人ひのき');
-- Refused: no number, or no name (23502).
INSERT INTO ismap.organizations (corporate_number, name)
VALUES (NULL, '架空監査法人ひのき');
INSERT INTO ismap.organizations (corporate_number, name)
VALUES ('5999901000003', '   ');
-- A correction is checked too.
UPDATE ismap.organizations SET corporate_number = '8999901000001'
 WHERE corporate_number = '7999901000001';
-- One organization per number (PostgreSQL's unique constraint).
INSERT INTO ismap.organizations (corporate_number, name)
VALUES ('7999901000001', '架空監査法人さくら（重複）');
-- The organizations are never truncated, with or without CASCADE
-- (sec_history).
TRUNCATE ismap.organizations;
SET client_min_messages = warning;
TRUNCATE ismap.organizations CASCADE;

-- The SQLSTATE and rule id of these refusals.
SELECT s AS statement, r.*
  FROM (VALUES
    ($$INSERT INTO ismap.organizations (corporate_number, name) VALUES ('799990100000', 'x')$$),
    ($$INSERT INTO ismap.organizations (corporate_number, name) VALUES ('1999901000003', 'x')$$),
    ($$INSERT INTO ismap.organizations (corporate_number, name) VALUES (NULL, 'x')$$),
    ($$INSERT INTO ismap.organizations (corporate_number, name) VALUES ('5999901000003', ' ')$$),
    ($$TRUNCATE ismap.organizations CASCADE$$)) v(s),
       refusal(s) r
 ORDER BY 1;
RESET client_min_messages;

-- Nothing changed.
SELECT corporate_number, name, name_en FROM ismap.organizations ORDER BY corporate_number;

-- The number with the right check digit is accepted.
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('5999901000003', '架空監査法人ひのき', 'Hinoki Fictional Audit LLC');

SELECT corporate_number, name, name_en FROM ismap.organizations ORDER BY corporate_number;
