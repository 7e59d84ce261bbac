--
-- foundation: installing ismap, the scheme's "today", its settings, and the
-- validity arithmetic.
--
-- What a DBA sees:
--   * CREATE EXTENSION ismap creates the schema ismap and its objects.
--   * ismap.today() is the scheme's day: the calendar date in Tokyo
--     (ismap.timezone), whatever the session's TimeZone.  A superuser pins it
--     with SET ismap.today for tests and backfills; bad values are refused.
--   * ismap.settings holds the figures that the scheme revises; every change
--     is validated, settings are never deleted, and only the changed values
--     are stored (the defaults come with the extension).
--   * ismap.auditor_valid_until() and ismap.service_valid_until() count
--     periods as the Japanese Civil Code does (aud_validity, svc_validity).
--
-- The files of this suite run in order in one database; later files continue
-- from the state this one leaves.
--

-- Dates print as YYYY-MM-DD in this tour (pg_regress starts psql with the
-- "Postgres" DateStyle).
SET DateStyle = 'ISO, YMD';

CREATE EXTENSION ismap;

-- The extension creates schema ismap itself, so the schema is one of its
-- members and DROP EXTENSION removes it too.
SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname = 'ismap';
SELECT pg_describe_object(classid, objid, objsubid) AS member
  FROM pg_depend
 WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'ismap')
   AND classid = 'pg_namespace'::regclass;

-- A helper for this tour only (not part of the extension): run a statement
-- and show the SQLSTATE and the rule id (the error's constraint name) of the
-- error that refused it, or nulls if it was accepted.  The statement runs in
-- a subtransaction, so a refused write leaves nothing behind.
CREATE FUNCTION refusal(statement text, OUT sqlstate text, OUT rule text)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE statement;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS refusal.sqlstate = RETURNED_SQLSTATE,
                          refusal.rule = CONSTRAINT_NAME;
END $$;

--
-- 1. ismap.today(): the scheme's day
--

-- Unpinned, today() is the current date in Tokyo (the default
-- ismap.timezone).  The date itself changes from run to run, so only the
-- comparison is shown.
SHOW ismap.timezone;
SHOW ismap.today;
SET TimeZone = 'UTC';
SELECT ismap.today() = (now() AT TIME ZONE 'Asia/Tokyo')::date AS is_tokyo_date;
-- The session's TimeZone does not matter: still the Tokyo date.
SET TimeZone = 'America/Los_Angeles';
SELECT ismap.today() = (now() AT TIME ZONE 'Asia/Tokyo')::date AS is_tokyo_date;

-- ismap.timezone names the zone whose days are the scheme's days.
SET ismap.timezone = 'America/Los_Angeles';
SELECT ismap.today() = (now() AT TIME ZONE 'America/Los_Angeles')::date AS is_los_angeles_date;
RESET ismap.timezone;

-- A superuser pins the day.  The pinned day is the same in every TimeZone.
SET ismap.today = '2024-04-01';
SET TimeZone = 'UTC';
SELECT ismap.today();
SET TimeZone = 'America/Los_Angeles';
SELECT ismap.today();
SET TimeZone = 'Asia/Tokyo';
SELECT ismap.today();

-- Only calendar days written YYYY-MM-DD are accepted (22023) ...
SET ismap.today = '2024-02-30';
SET ismap.today = '2024-4-1';
SET ismap.today = 'tomorrow';
-- ... and only known time zones.
SET ismap.timezone = 'Mars/Base';
-- These are setting errors, SQLSTATE 22023 (invalid_parameter_value).
SELECT s AS statement, r.*
  FROM (VALUES ($$SET ismap.today = '2024-02-30'$$),
               ($$SET ismap.timezone = 'Mars/Base'$$)) v(s),
       refusal(s) r
 ORDER BY 1;
-- Nothing changed: the day is still pinned to 2024-04-01, in Tokyo.
SHOW ismap.today;
SHOW ismap.timezone;
SELECT ismap.today();

-- A leap day is a calendar day.
SET ismap.today = '2024-02-29';
SELECT ismap.today();

-- An empty string unpins: back to the real Tokyo date.
SET ismap.today = '';
SELECT ismap.today() = (now() AT TIME ZONE 'Asia/Tokyo')::date AS is_tokyo_date;

-- The rest of this file works on a pinned day.
SET ismap.today = '2024-06-01';

--
-- 2. ismap.settings: the figures the scheme revises
--

-- The value in force, and the default that comes with the extension.
SELECT name, value, default_value FROM ismap.settings ORDER BY name;

-- Each setting says what it means and which rule reads it.
SELECT description FROM ismap.settings WHERE name = 'auditor_validity';

-- Periods are whole months (the Civil Code counts such periods in months and
-- years), within bounds; otherwise the update is refused (22023,
-- setting_value).
UPDATE ismap.settings SET value = '2 years 3 days' WHERE name = 'auditor_validity';
UPDATE ismap.settings SET value = '0 months' WHERE name = 'auditor_validity';
UPDATE ismap.settings SET value = '11 years' WHERE name = 'auditor_validity';
UPDATE ismap.settings SET value = 'two years' WHERE name = 'auditor_validity';
UPDATE ismap.settings SET value = NULL WHERE name = 'auditor_validity';
-- The scheme's start is a calendar day.
UPDATE ismap.settings SET value = 'infinity' WHERE name = 'scheme_start';
UPDATE ismap.settings SET value = '2020-02-30' WHERE name = 'scheme_start';
-- The shortest audit period cannot exceed the longest.
UPDATE ismap.settings SET value = '2 years' WHERE name = 'audit_period_min';
-- A setting is not renamed, not deleted (55000).
UPDATE ismap.settings SET name = 'auditor_term' WHERE name = 'auditor_validity';
DELETE FROM ismap.settings WHERE name = 'auditor_validity';
-- There is no setting the rules do not read.
INSERT INTO ismap.settings (name, value)
  VALUES ('auditor_fee', '1 year');
-- The defaults are the extension's: not written directly, not truncated
-- (with CASCADE, since the overrides reference them; the notice listing the
-- cascade is not shown).
UPDATE ismap.setting_defaults SET value = '3 years' WHERE name = 'auditor_validity';
SET client_min_messages = warning;
TRUNCATE ismap.setting_defaults CASCADE;
-- A value written straight into ismap.setting_overrides is checked too.
INSERT INTO ismap.setting_overrides (name, value) VALUES ('auditor_validity', '2 weeks');

-- The SQLSTATE and rule id of these refusals, as a client program reads them.
SELECT s AS statement, r.*
  FROM (VALUES
    ($$UPDATE ismap.settings SET value = '2 years 3 days' WHERE name = 'auditor_validity'$$),
    ($$UPDATE ismap.settings SET value = NULL WHERE name = 'auditor_validity'$$),
    ($$UPDATE ismap.settings SET value = '2 years' WHERE name = 'audit_period_min'$$),
    ($$UPDATE ismap.settings SET name = 'auditor_term' WHERE name = 'auditor_validity'$$),
    ($$DELETE FROM ismap.settings WHERE name = 'auditor_validity'$$),
    ($$INSERT INTO ismap.settings (name, value) VALUES ('auditor_fee', '1 year')$$),
    ($$UPDATE ismap.setting_defaults SET value = '3 years' WHERE name = 'auditor_validity'$$),
    ($$TRUNCATE ismap.setting_defaults CASCADE$$),
    ($$INSERT INTO ismap.setting_overrides (name, value) VALUES ('auditor_validity', '2 weeks')$$)) v(s),
       refusal(s) r
 ORDER BY 1;
RESET client_min_messages;

-- Nothing changed.
SELECT name, value, default_value FROM ismap.settings ORDER BY name;
SELECT count(*) AS overrides FROM ismap.setting_overrides;

-- A valid change takes effect at once.  Only the changed value is stored,
-- in ismap.setting_overrides (the table pg_dump dumps); the defaults come
-- with the extension.  (Shown in a transaction that is rolled back, so the
-- defaults stay for the rest of the tour.)
BEGIN;
UPDATE ismap.settings SET value = '3 years' WHERE name = 'auditor_validity';
SELECT name, value, default_value FROM ismap.settings WHERE name = 'auditor_validity';
SELECT name, value FROM ismap.setting_overrides ORDER BY name;
SELECT ismap.auditor_valid_until('2024-04-01');
ROLLBACK;
SELECT name, value, default_value FROM ismap.settings WHERE name = 'auditor_validity';
SELECT ismap.auditor_valid_until('2024-04-01');

--
-- 3. The validity arithmetic
--

-- aud_validity: an auditor registration is valid for 2 years from the
-- application date.  The day of application is not counted (民法140): the
-- period starts the next day and ends on the day before the corresponding
-- day, or on the last day of the month where there is none.
SELECT applied_on, ismap.auditor_valid_until(applied_on) AS valid_until
  FROM (VALUES (date '2024-04-01'), ('2024-02-29'), ('2024-02-28'), ('2024-01-31'),
               ('2023-12-31'), ('2022-03-01')) v(applied_on)
 ORDER BY applied_on;

-- svc_validity: a cloud service registration is valid for 1 year 4 months
-- from the day after its audit period ends.
SELECT audit_period_end, ismap.service_valid_until(audit_period_end) AS valid_until
  FROM (VALUES (date '2023-03-31'), ('2023-10-30'), ('2023-06-30'), ('2023-10-31'),
               ('2023-12-31'), ('2022-10-29')) v(audit_period_end)
 ORDER BY audit_period_end;

-- A period cannot be counted from an infinite date (22007); a null date
-- gives null.
SELECT ismap.auditor_valid_until('infinity');
SELECT ismap.service_valid_until('-infinity');
SELECT ismap.auditor_valid_until(NULL) IS NULL AS is_null;
SELECT s AS statement, r.*
  FROM (VALUES ($$SELECT ismap.auditor_valid_until('infinity')$$),
               ($$SELECT ismap.service_valid_until('-infinity')$$)) v(s),
       refusal(s) r
 ORDER BY 1;
