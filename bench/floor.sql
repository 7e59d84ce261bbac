-- bench/floor.sql: the floor of the write benchmark.  Every row that ismap
-- ended up writing (registry tables, terms, registrations, the log) is
-- written again, one plain INSERT per row and the applications' two status
-- UPDATEs, into tables of the same shape with no trigger, no rule and no
-- log.  Run after bench/workload.sql in the same database.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS floor CASCADE;
CREATE SCHEMA floor;
CREATE TABLE floor.organizations (LIKE ismap.organizations INCLUDING INDEXES);
CREATE TABLE floor.auditors (LIKE ismap.auditors INCLUDING INDEXES);
CREATE TABLE floor.auditor_applications (LIKE ismap.auditor_applications INCLUDING INDEXES);
CREATE TABLE floor.auditor_terms (LIKE ismap.auditor_terms INCLUDING INDEXES);
CREATE TABLE floor.auditor_compliance_reports (LIKE ismap.auditor_compliance_reports INCLUDING INDEXES);
CREATE TABLE floor.cloud_services (LIKE ismap.cloud_services INCLUDING INDEXES);
CREATE TABLE floor.audits (LIKE ismap.audits INCLUDING INDEXES);
CREATE TABLE floor.service_applications (LIKE ismap.service_applications INCLUDING INDEXES);
CREATE TABLE floor.service_registrations (LIKE ismap.service_registrations INCLUDING INDEXES);
CREATE TABLE floor.service_registration_terms (LIKE ismap.service_registration_terms INCLUDING INDEXES);
CREATE TABLE floor.service_status_changes (LIKE ismap.service_status_changes INCLUDING INDEXES);
CREATE TABLE floor.history (LIKE ismap.history INCLUDING INDEXES);

CREATE FUNCTION pg_temp.floor_load() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  o ismap.organizations; a ismap.auditors; aa ismap.auditor_applications;
  t ismap.auditor_terms; c ismap.auditor_compliance_reports; s ismap.cloud_services;
  au ismap.audits; sa ismap.service_applications; r ismap.service_registrations;
  st ismap.service_registration_terms; sc ismap.service_status_changes; h ismap.history;
BEGIN
  FOR o IN SELECT * FROM ismap.organizations LOOP INSERT INTO floor.organizations VALUES (o.*); END LOOP;
  FOR a IN SELECT * FROM ismap.auditors LOOP INSERT INTO floor.auditors VALUES (a.*); END LOOP;
  FOR aa IN SELECT * FROM ismap.auditor_applications LOOP INSERT INTO floor.auditor_applications VALUES (aa.*); END LOOP;
  FOR t IN SELECT * FROM ismap.auditor_terms LOOP INSERT INTO floor.auditor_terms VALUES (t.*); END LOOP;
  FOR c IN SELECT * FROM ismap.auditor_compliance_reports LOOP INSERT INTO floor.auditor_compliance_reports VALUES (c.*); END LOOP;
  FOR s IN SELECT * FROM ismap.cloud_services LOOP INSERT INTO floor.cloud_services VALUES (s.*); END LOOP;
  FOR au IN SELECT * FROM ismap.audits LOOP INSERT INTO floor.audits VALUES (au.*); END LOOP;
  FOR sa IN SELECT * FROM ismap.service_applications LOOP
    INSERT INTO floor.service_applications VALUES (sa.*);
    UPDATE floor.service_applications SET status = 'accepted' WHERE application_id = sa.application_id;
    UPDATE floor.service_applications SET status = sa.status, decided_on = sa.decided_on
     WHERE application_id = sa.application_id;
  END LOOP;
  FOR r IN SELECT * FROM ismap.service_registrations LOOP INSERT INTO floor.service_registrations VALUES (r.*); END LOOP;
  FOR st IN SELECT * FROM ismap.service_registration_terms LOOP INSERT INTO floor.service_registration_terms VALUES (st.*); END LOOP;
  FOR sc IN SELECT * FROM ismap.service_status_changes LOOP INSERT INTO floor.service_status_changes VALUES (sc.*); END LOOP;
  FOR h IN SELECT * FROM ismap.history LOOP INSERT INTO floor.history VALUES (h.*); END LOOP;
END $$;

\timing on
SELECT pg_temp.floor_load();
