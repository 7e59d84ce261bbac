-- bench/floor.sql: the floor of the write benchmark.  Every row that ismap
-- ended up writing (registry tables, terms, registrations, the list
-- periods, the log) is written again, one plain INSERT per row, plus one
-- UPDATE per row version ismap wrote on top: the applications' two status
-- UPDATEs, and on each service registration one UPDATE per refresh of its
-- facts and one per change of its current term (as the log counts them),
-- into tables of the same shape with no trigger, no rule and no log.  Run
-- after bench/workload.sql in the same database.
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
CREATE TABLE floor.service_list_spans (LIKE ismap.service_list_spans INCLUDING INDEXES);
CREATE TABLE floor.history (LIKE ismap.history INCLUDING INDEXES);

-- How many times ismap rewrote each service registration after inserting
-- it: a facts refresh per renewal filed, per decision other than an
-- approval and per status change, and the logged updates of its current
-- term (a renewal's approval writes the new facts with them; a new
-- registration is inserted with its facts).  At the end the total is
-- checked against PostgreSQL's count of the row versions ismap wrote.
CREATE TEMP TABLE floor_rewrites AS
SELECT registration_id, count(*) AS rewrites
  FROM (SELECT (h.after->>'registration_id')::bigint AS registration_id
          FROM ismap.history h
         WHERE h.table_name = 'service_applications' AND h.after->>'registration_id' IS NOT NULL
           AND (h.operation = 'INSERT'
                OR ((h.before->>'decided_on' IS DISTINCT FROM h.after->>'decided_on'
                     OR h.before->>'registration_id' IS DISTINCT FROM h.after->>'registration_id')
                    AND NOT (h.after->>'status' = 'approved' AND h.before->>'status' <> 'approved')))
        UNION ALL
        SELECT (h.after->>'registration_id')::bigint
          FROM ismap.history h
         WHERE h.table_name = 'service_status_changes' AND h.operation = 'INSERT'
        UNION ALL
        SELECT (h.after->>'registration_id')::bigint
          FROM ismap.history h
         WHERE h.table_name = 'service_registrations' AND h.operation = 'UPDATE') x
 GROUP BY registration_id;

CREATE FUNCTION pg_temp.floor_load() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  o ismap.organizations; a ismap.auditors; aa ismap.auditor_applications;
  t ismap.auditor_terms; c ismap.auditor_compliance_reports; s ismap.cloud_services;
  au ismap.audits; sa ismap.service_applications; r ismap.service_registrations;
  st ismap.service_registration_terms; sc ismap.service_status_changes; h ismap.history;
  sp ismap.service_list_spans; rw record;
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
  FOR rw IN SELECT x.registration_id, x.facts, w.rewrites
              FROM ismap.service_registrations x JOIN floor_rewrites w USING (registration_id) LOOP
    FOR k IN 1..rw.rewrites LOOP
      UPDATE floor.service_registrations SET facts = rw.facts WHERE registration_id = rw.registration_id;
    END LOOP;
  END LOOP;
  FOR sp IN SELECT * FROM ismap.service_list_spans LOOP INSERT INTO floor.service_list_spans VALUES (sp.*); END LOOP;
  FOR st IN SELECT * FROM ismap.service_registration_terms LOOP INSERT INTO floor.service_registration_terms VALUES (st.*); END LOOP;
  FOR sc IN SELECT * FROM ismap.service_status_changes LOOP INSERT INTO floor.service_status_changes VALUES (sc.*); END LOOP;
  FOR h IN SELECT * FROM ismap.history LOOP INSERT INTO floor.history VALUES (h.*); END LOOP;
END $$;

\timing on
SELECT pg_temp.floor_load();
\timing off

-- The floor rewrote the registrations as often as ismap did (PostgreSQL's
-- count of the row versions ismap wrote, flushed when the load's session
-- ended).
DO $$
DECLARE
  ismap_updates bigint := (SELECT n_tup_upd FROM pg_stat_user_tables
                            WHERE relid = 'ismap.service_registrations'::regclass);
  floor_updates bigint := (SELECT coalesce(sum(rewrites), 0) FROM floor_rewrites);
BEGIN
  IF ismap_updates IS DISTINCT FROM floor_updates THEN
    RAISE WARNING 'floor: % updates of service registrations, ismap wrote %',
      floor_updates, ismap_updates;
  END IF;
END $$;
