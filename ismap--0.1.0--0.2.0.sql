-- ismap: upgrade from 0.1.0 to 0.2.0, run by ALTER EXTENSION ismap UPDATE.
--
-- src/sql/*.sql is the script of the current version, for fresh installs;
-- ismap--0.1.0.sql stays as released.  Every change of the schema made in
-- src/sql after 0.1.0 (a table, column, index, constraint, function,
-- trigger, view, grant or comment) must be made here too, so that an
-- upgraded database equals a fresh install: test/upgrade.sh installs 0.1.0,
-- loads the demo, updates, and compares the catalog with CREATE EXTENSION
-- ismap's.
--
-- A new comment in ismap.control needs a COMMENT ON EXTENSION here as well:
-- CREATE EXTENSION applies the control file's comment, ALTER EXTENSION
-- UPDATE does not.
\echo Use "ALTER EXTENSION ismap UPDATE" to load this file. \quit

-- Registration numbers: serial and branch are unique whatever the year
-- digits (src/sql/60_services.sql).  On a registry where 0.1.0 let two
-- numbers of one serial and branch in (C25-0032-1 and C26-0032-1, or
-- C26-0032-1 and C26-00032-1), this fails with their serial and branch:
-- the update stops, and the registry stays at 0.1.0 until they are told
-- apart.
CREATE UNIQUE INDEX service_registrations_serial_branch
  ON ismap.service_registrations
  ((pg_catalog.split_part(registration_number, '-', 2)::pg_catalog.int8),
   (pg_catalog.split_part(registration_number, '-', 3)::pg_catalog.int4));

-- A number may be given when the application is filed, and is checked then.
COMMENT ON COLUMN ismap.service_applications.registration_number IS '申請時又は承認時に指定する登録番号（省略時は自動採番） / registration number given with the application or its approval; assigned if null';
