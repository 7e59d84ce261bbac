-- The oversight tables (src/sql/75_oversight.sql) are user data, dumped
-- with their sequences.  Registered here, after the log (80_history.sql),
-- in the order an update from 0.1.0 registers them: the list of an
-- extension's dumped tables is in registration order, and an updated
-- database must equal a fresh install.
SELECT pg_catalog.pg_extension_config_dump('ismap.incidents', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.incident_reports', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.service_change_notices', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.organization_change_notices', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.investigations', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.reaudit_demands', '');
SELECT pg_catalog.pg_extension_config_dump('ismap.reapplication_demands', '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.incidents', 'incident_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.incident_reports', 'report_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.service_change_notices', 'notice_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.organization_change_notices', 'notice_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.investigations', 'investigation_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.reaudit_demands', 'demand_id'), '');
SELECT pg_catalog.pg_extension_config_dump(
  pg_catalog.pg_get_serial_sequence('ismap.reapplication_demands', 'demand_id'), '');
