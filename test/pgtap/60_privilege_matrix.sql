-- The privilege matrix (sec_confidential, sec_role_authority; README,
-- "Access"): for each capacity, and PUBLIC, and each table and view of
-- schema ismap, the privileges it holds of SELECT, INSERT, UPDATE and
-- DELETE, as the catalog says (has_table_privilege; a privilege held on
-- some columns only is shown with them, from has_column_privilege).  The
-- expectation is the intent of src/sql/98_access.sql and 90_privileges.sql:
-- the committee, the operator and the ministry read everything; the
-- ministry writes nothing; a provider and an auditor read and write the
-- tables of their part (row-level security and the C checks narrow that
-- to their own rows); a procurer, the public reader and PUBLIC read the
-- public lists and the settings only.  What a capacity may do with a
-- privilege is the C checks' business (suite 62); a privilege refused is
-- SQLSTATE 42501, as the probes at the end show.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
SELECT plan(362);

-- What 'who' holds of relation 'rel': the privileges held on the whole
-- relation, by name, and those held on some columns only, with the
-- columns, in the order SELECT INSERT UPDATE DELETE; '-' for none.
CREATE FUNCTION ismap_test.privileges(who name, rel regclass) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(x, ' ' ORDER BY o), '-') FROM (
    SELECT o, CASE WHEN has_table_privilege(who, rel, op) THEN op
                   WHEN op <> 'DELETE' AND has_any_column_privilege(who, rel, op) THEN
                     op || '(' || (SELECT string_agg(a.attname, ',' ORDER BY a.attnum)
                                     FROM pg_attribute a
                                    WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped
                                      AND has_column_privilege(who, rel, a.attname, op)) || ')'
              END AS x
      FROM unnest('{SELECT, INSERT, UPDATE, DELETE}'::text[]) WITH ORDINALITY AS u(op, o)) s
$$;

CREATE TABLE ismap_test.grantees (grantee name PRIMARY KEY, ord int NOT NULL);
INSERT INTO ismap_test.grantees
SELECT g, o FROM unnest('{ismap_committee, ismap_operator, ismap_ministry, ismap_provider,
                          ismap_auditor, ismap_procurer, ismap_reader, public}'::name[])
                 WITH ORDINALITY AS u(g, o);

-- relation: committee, operator, ministry, provider, auditor, procurer,
-- reader, PUBLIC
CREATE TABLE ismap_test.expected_privileges (relation name PRIMARY KEY, committee text,
  operator text, ministry text, provider text, auditor text, procurer text, reader text,
  public text);
INSERT INTO ismap_test.expected_privileges VALUES
  -- tables
  ('auditor_applications', 'SELECT UPDATE', 'SELECT UPDATE', 'SELECT', '-', 'SELECT INSERT UPDATE(status,decided_on)', '-', '-', '-'),
  ('auditor_compliance_reports', 'SELECT', 'SELECT', 'SELECT', '-', 'SELECT UPDATE(filed_on)', '-', '-', '-'),
  ('auditor_status_changes', 'SELECT INSERT UPDATE(grounds)', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('auditor_terms', 'SELECT', 'SELECT', 'SELECT', '-', 'SELECT', '-', '-', '-'),
  ('auditors', 'SELECT', 'SELECT', 'SELECT', '-', 'SELECT', '-', '-', '-'),
  ('audits', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT INSERT', '-', '-', '-'),
  -- committee UPDATE: for ismap.correct() only (the C check refuses a plain UPDATE)
  ('cloud_services', 'SELECT UPDATE', 'SELECT', 'SELECT', 'SELECT INSERT', '-', '-', '-', '-'),
  ('declared_interests', 'SELECT INSERT UPDATE(valid_until)', 'SELECT INSERT UPDATE(valid_until)', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-'),
  -- the log holds every confidential row: the oversight bodies only
  ('history', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  -- procurer INSERT: a ministry's role records its assessments (liu.c), read by oversight
  ('impact_assessments', 'SELECT INSERT', 'SELECT', 'SELECT', 'SELECT', '-', 'INSERT', '-', '-'),
  ('incident_reports', 'SELECT UPDATE(body)', 'SELECT', 'SELECT', 'SELECT INSERT', '-', '-', '-', '-'),
  ('incidents', 'SELECT UPDATE(summary)', 'SELECT', 'SELECT', 'SELECT INSERT', '-', '-', '-', '-'),
  ('investigations', 'SELECT INSERT UPDATE(closed_on,finding,finding_text)', 'SELECT', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-'),
  -- committee UPDATE: as service_change_notices
  ('organization_change_notices', 'SELECT UPDATE', 'SELECT', 'SELECT', 'SELECT INSERT', 'SELECT INSERT', '-', '-', '-'),
  ('organizations', 'SELECT INSERT UPDATE', 'SELECT INSERT UPDATE', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-'),
  ('reapplication_demands', 'SELECT INSERT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-'),
  ('reaudit_demands', 'SELECT INSERT', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-'),
  -- committee UPDATE: always refused by the trigger (a mapping is not rewritten)
  -- procurements: recorded by the body's procurer roles (the C check), read as the policy allows
  ('procurements', 'SELECT', 'SELECT', 'SELECT', '-', '-', 'SELECT INSERT', '-', '-'),
  -- the scope of 附則2: every capacity reads it (PUBLIC reads no table); the committee sets a date
  ('procurer_scope', 'SELECT UPDATE(in_scope_from)', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', '-'),
  ('procuring_bodies', 'SELECT INSERT', 'SELECT INSERT', 'SELECT', '-', '-', 'SELECT', '-', '-'),
  ('role_organizations', 'SELECT INSERT DELETE', 'SELECT', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-'),
  ('service_applications', 'SELECT UPDATE', 'SELECT UPDATE', 'SELECT', 'SELECT INSERT UPDATE(status,decided_on)', '-', '-', '-', '-'),
  -- committee UPDATE: for ismap.correct() only (sec_history refuses a plain one)
  ('service_change_notices', 'SELECT UPDATE', 'SELECT', 'SELECT', 'SELECT INSERT', '-', '-', '-', '-'),
  ('service_list_spans', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('service_registration_terms', 'SELECT', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-'),
  -- providers read every registration (no row-level security: the lists show them)
  ('service_registrations', 'SELECT', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-'),
  ('service_status_changes', 'SELECT INSERT UPDATE(grounds)', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('setting_defaults', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('setting_overrides', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  -- views
  ('auditor_list', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT'),
  ('cloud_service_list', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT'),
  ('cloud_service_list_periods', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT'),
  ('liu_service_list', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT'),
  ('liu_service_list_periods', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT'),
  ('late_filings', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('noticed_organization_values', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('noticed_registrations', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('noticed_service_values', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('organization_published_values', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('overdue_compliance_reports', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('procurement_impact', 'SELECT', 'SELECT', 'SELECT', '-', '-', 'SELECT', '-', '-'),
  ('overdue_obligations', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('service_published_values', 'SELECT', 'SELECT', 'SELECT', '-', '-', '-', '-', '-'),
  ('settings', 'SELECT UPDATE(value)', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT')
;

-- Every table and view of ismap has its row, and every row its relation.
SELECT is((SELECT string_agg(coalesce(c.relname, e.relation) || CASE WHEN c.relname IS NULL THEN ' (no such relation)'
                                                                    ELSE ' (no expectation)' END, ', ')
             FROM (SELECT relname FROM pg_class
                    WHERE relnamespace = 'ismap'::regnamespace AND relkind IN ('r', 'v', 'm', 'f', 'p')) c
             FULL JOIN ismap_test.expected_privileges e ON e.relation = c.relname
            WHERE c.relname IS NULL OR e.relation IS NULL), NULL,
          'the matrix covers every table and view of schema ismap');

-- One test per grantee and relation.
SELECT is(ismap_test.privileges(g.grantee, ('ismap.' || quote_ident(e.relation))::regclass),
          (to_jsonb(e) ->> CASE g.grantee WHEN 'public' THEN 'public'
                                          ELSE substr(g.grantee, 7) END),
          format('%s on ismap.%s', g.grantee, e.relation))
  FROM ismap_test.expected_privileges e, ismap_test.grantees g
 WHERE to_regclass('ismap.' || quote_ident(e.relation)) IS NOT NULL
 ORDER BY e.relation, g.ord;

-- No grantee holds any privilege on a sequence of ismap: the identity
-- columns take their next value without one, and nobody sets them.
SELECT is((SELECT string_agg(format('%s on %s', g.grantee, c.oid::regclass), ', ')
             FROM pg_class c, ismap_test.grantees g
            WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind = 'S'
              AND (has_sequence_privilege(g.grantee, c.oid, 'USAGE')
                   OR has_sequence_privilege(g.grantee, c.oid, 'SELECT')
                   OR has_sequence_privilege(g.grantee, c.oid, 'UPDATE'))), NULL,
          'no capacity, nor PUBLIC, holds a privilege on a sequence of ismap');

-- The catalog is what PostgreSQL enforces: a login role of each capacity
-- (and one of none, for PUBLIC) reads exactly the relations the matrix
-- grants it, and is refused the others with SQLSTATE 42501.
CREATE FUNCTION ismap_test.select_outcomes(who name) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  rel regclass;
  got text;
  wrong text := '';
BEGIN
  FOR rel IN SELECT c.oid FROM pg_class c WHERE c.relnamespace = 'ismap'::regnamespace
                AND c.relkind IN ('r', 'v') ORDER BY c.relname LOOP
    BEGIN
      PERFORM set_config('role', who, true);
      EXECUTE format('SELECT 1 FROM %s LIMIT 0', rel);
      got := 'read';
      RAISE EXCEPTION USING ERRCODE = 'ZT999';
    EXCEPTION WHEN OTHERS THEN
      IF SQLSTATE <> 'ZT999' THEN got := SQLSTATE; END IF;
    END;
    IF got <> (CASE WHEN has_table_privilege(who, rel, 'SELECT') THEN 'read' ELSE '42501' END) THEN
      wrong := wrong || format('%s: %s; ', rel, got);
    END IF;
  END LOOP;
  RETURN nullif(wrong, '');
END $$;
CREATE ROLE regress_matrix_committee IN ROLE ismap_committee;
CREATE ROLE regress_matrix_operator IN ROLE ismap_operator;
CREATE ROLE regress_matrix_ministry IN ROLE ismap_ministry;
CREATE ROLE regress_matrix_provider IN ROLE ismap_provider;
CREATE ROLE regress_matrix_auditor IN ROLE ismap_auditor;
CREATE ROLE regress_matrix_procurer IN ROLE ismap_procurer;
CREATE ROLE regress_matrix_reader IN ROLE ismap_reader;
CREATE ROLE regress_matrix_nobody;
SELECT is(ismap_test.select_outcomes(r), NULL,
          format('%s reads what the matrix grants it, and is refused the rest with 42501', r))
  FROM unnest('{regress_matrix_committee, regress_matrix_operator, regress_matrix_ministry,
                regress_matrix_provider, regress_matrix_auditor, regress_matrix_procurer,
                regress_matrix_reader, regress_matrix_nobody}'::name[]) AS r;

SELECT * FROM finish();
ROLLBACK;
