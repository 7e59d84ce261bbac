-- The leak probe (sec_confidential): a function that is not leakproof,
-- placed in the WHERE clause of a query on every table and view a role may
-- read, sees only rows that role may see.  Row-level security and the
-- security_barrier views evaluate their own filters first; a probe that
-- ran before them would see, and could RAISE NOTICE, another provider's
-- rows.  The probe writes what it saw into a table, since pgTAP cannot
-- read notices.  Then what each provider and auditor sees is compared with
-- the rule, computed as the superuser.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(4);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;

-- ---------- a small registry: two providers, two audit firms ----------
SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人かすみ'), (2, '架空監査法人みぞれ'),
               (11, '架空クラウド株式会社きらら'), (12, '架空クラウド株式会社くじら')) AS o(n, name)
 \g /dev/null
SELECT ismap_test.register(101, 1, '2024-04-01', '2024-05-10') AS a \gset
SELECT ismap_test.register(201, 2, '2024-04-01', '2024-05-10') AS b \gset
SELECT ismap_test.service(1, 11, '架空会議室予約') \g /dev/null
SELECT ismap_test.service(2, 12, '架空電子帳簿') \g /dev/null
SELECT ismap_test.service(3, 12, '架空未登録サービス') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(21, 2, :b, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(31, 3, :b, '2025-01-01', '2025-09-30', '2025-11-20') \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2025-01-25', '2025-02-10') AS r1 \gset
SELECT ismap_test.svc_register(2001, 2, 21, '2025-01-25', '2025-02-10') AS r2 \gset
SELECT ismap_test.svc_file(3001, 3, '2025-11-25', 31) \g /dev/null
UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-03-20' WHERE auditor_id IN (:a, :b);
SELECT ismap_test.at(d, s) FROM (VALUES
  ('2025-04-01'::date, format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
     VALUES (1, %s, '2025-04-01', '架空の漏えい（きらら）')$$, :r1)),
  ('2025-04-01', format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
     VALUES (2, %s, '2025-04-01', '架空の漏えい（くじら）')$$, :r2)),
  ('2025-04-02', $$INSERT INTO ismap.incident_reports (incident_id, stage, reported_on, body)
     VALUES (1, 'first', '2025-04-02', '速報（きらら）'), (2, 'first', '2025-04-02', '速報（くじら）')$$),
  ('2025-04-03', $$INSERT INTO ismap.service_change_notices (notice_id, service_id, kind, noticed_on, effective_on, description)
     VALUES (1, 1, 'control_change', '2025-04-03', '2025-04-15', '基盤の移設（きらら）'),
            (2, 2, 'control_change', '2025-04-03', '2025-04-15', '基盤の移設（くじら）')$$),
  ('2025-04-03', $$INSERT INTO ismap.organization_change_notices (notice_id, organization_id, noticed_on, effective_on, new_name)
     VALUES (1, 11, '2025-04-03', '2025-04-15', '架空クラウド株式会社きららネオ'),
            (2, 12, '2025-04-03', '2025-04-15', '架空クラウド株式会社くじらネオ'),
            (3, 2, '2025-04-03', '2025-04-15', '架空監査法人みぞれネオ')$$),
  ('2025-05-01', format($$INSERT INTO ismap.investigations (investigation_id, registration_id, opened_on)
     VALUES (1, %s, '2025-05-01')$$, :r2)),
  ('2025-05-01', format($$INSERT INTO ismap.investigations (investigation_id, auditor_id, opened_on)
     VALUES (2, %s, '2025-05-01')$$, :b)),
  ('2025-05-20', $$UPDATE ismap.investigations SET closed_on = '2025-05-20', finding = 'issues_found',
     finding_text = '架空の不備' WHERE investigation_id = 1$$),
  ('2025-06-02', format($$INSERT INTO ismap.reaudit_demands (demand_id, registration_id, demanded_on, due_on, investigation_id)
     VALUES (1, %s, '2025-06-02', '2025-08-31', 1)$$, :r2)),
  ('2025-06-02', format($$INSERT INTO ismap.reapplication_demands (demand_id, registration_id, demanded_on, due_on, grounds)
     VALUES (1, %s, '2025-06-02', '2026-01-31', '架空の理由（くじら）')$$, :r2)),
  ('2025-06-02', format($$INSERT INTO ismap.reapplication_demands (demand_id, auditor_id, demanded_on, due_on, grounds)
     VALUES (2, %s, '2025-06-02', '2026-01-31', '架空の理由（みぞれ）')$$, :b))
) AS x(d, s) \g /dev/null

-- ---------- one login role per capacity ----------
CREATE ROLE ismap_test_cm LOGIN IN ROLE ismap_committee;
CREATE ROLE ismap_test_op LOGIN IN ROLE ismap_operator;
CREATE ROLE ismap_test_mi LOGIN IN ROLE ismap_ministry;
CREATE ROLE ismap_test_p1 LOGIN IN ROLE ismap_provider;
CREATE ROLE ismap_test_p2 LOGIN IN ROLE ismap_provider;
CREATE ROLE ismap_test_a1 LOGIN IN ROLE ismap_auditor;
CREATE ROLE ismap_test_pr LOGIN IN ROLE ismap_procurer;
CREATE ROLE ismap_test_rd LOGIN IN ROLE ismap_reader;
INSERT INTO ismap.role_organizations VALUES ('ismap_test_p1', 11), ('ismap_test_p2', 12), ('ismap_test_a1', 1);

-- ---------- the probe ----------
CREATE SCHEMA ismap_probe;
GRANT USAGE ON SCHEMA ismap_probe TO PUBLIC;
CREATE TABLE ismap_probe.seen (who name, rel text, row_text text);
GRANT INSERT ON ismap_probe.seen TO PUBLIC;
-- Not leakproof, and cheap, so that the planner would gladly run it first.
CREATE FUNCTION ismap_probe.probe(anyelement) RETURNS boolean
LANGUAGE plpgsql COST 0.0001 SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE NOTICE 'probe saw %', $1;
  INSERT INTO ismap_probe.seen VALUES (current_user, current_setting('ismap_probe.rel'), $1::text);
  RETURN true;
END $$;

-- What each role sees by an ordinary SELECT, and what the probe saw
-- through the same relation; run as the role.
CREATE TABLE ismap_probe.visible (who name, rel text, row_text text);
GRANT INSERT ON ismap_probe.visible TO PUBLIC;
CREATE FUNCTION ismap_probe.run(rel regclass) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM set_config('ismap_probe.rel', rel::text, true);
  EXECUTE format('INSERT INTO ismap_probe.visible SELECT current_user, %L, t::text FROM %s t', rel, rel);
  EXECUTE format('SELECT count(*) FROM %s t WHERE ismap_probe.probe(t::text)', rel);
END $$;

SET LOCAL client_min_messages = warning;
CREATE TEMP TABLE pairs AS
  SELECT r.rolname AS who, c.oid::regclass AS rel
    FROM pg_roles r, pg_class c
   WHERE r.rolname LIKE 'ismap\_test\_%' AND c.relnamespace = 'ismap'::regnamespace
     AND c.relkind IN ('r', 'v') AND has_table_privilege(r.rolname, c.oid, 'SELECT');
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT * FROM pairs ORDER BY 1, 2 LOOP
    PERFORM set_config('role', p.who, true);
    PERFORM ismap_probe.run(p.rel);
    PERFORM set_config('role', 'none', true);
  END LOOP;
END $$;

SELECT is((SELECT count(*) FROM pairs WHERE who = 'ismap_test_p1') > 10, true,
          'the probe ran on every relation each role reads');
-- (The committee, the operator and the ministries see every row of every
-- table, so what their probe sees cannot be a leak: through some views,
-- organization_published_values and noticed_registrations, it sees rows
-- the view's own filters drop later.  Those views are not granted to the
-- other capacities.)
SELECT is(array(SELECT s.who || ' ' || s.rel || ' ' || s.row_text FROM ismap_probe.seen s
                 WHERE s.who NOT IN ('ismap_test_cm', 'ismap_test_op', 'ismap_test_mi')
                EXCEPT SELECT v.who || ' ' || v.rel || ' ' || v.row_text FROM ismap_probe.visible v
                ORDER BY 1),
          '{}'::text[],
          'a non-leakproof function in the WHERE clause sees no row the role may not select');

-- What providers and auditors select is what the rule gives them, on
-- every confidential table: the rows of their organizations' services, or
-- of their organizations as auditors.
CREATE TEMP TABLE rule (who name, rel regclass, concerns text);
INSERT INTO rule
SELECT w, t::regclass, c FROM (VALUES ('ismap_test_p1', 11), ('ismap_test_p2', 12)) AS p(w, org),
  LATERAL (VALUES
    ('ismap.cloud_services', format('provider_id = %s', org)),
    ('ismap.service_applications', format('service_id IN (SELECT service_id FROM ismap.cloud_services WHERE provider_id = %s)', org)),
    ('ismap.audits', format('service_id IN (SELECT service_id FROM ismap.cloud_services WHERE provider_id = %s)', org)),
    ('ismap.incidents', format('registration_id IN (SELECT registration_id FROM ismap.service_registrations r JOIN ismap.cloud_services s USING (service_id) WHERE s.provider_id = %s)', org)),
    ('ismap.incident_reports', format('incident_id IN (SELECT incident_id FROM ismap.incidents i JOIN ismap.service_registrations r USING (registration_id) JOIN ismap.cloud_services s USING (service_id) WHERE s.provider_id = %s)', org)),
    ('ismap.service_change_notices', format('service_id IN (SELECT service_id FROM ismap.cloud_services WHERE provider_id = %s)', org)),
    ('ismap.organization_change_notices', format('organization_id = %s', org)),
    ('ismap.investigations', format('registration_id IN (SELECT registration_id FROM ismap.service_registrations r JOIN ismap.cloud_services s USING (service_id) WHERE s.provider_id = %s)', org)),
    ('ismap.reaudit_demands', format('registration_id IN (SELECT registration_id FROM ismap.service_registrations r JOIN ismap.cloud_services s USING (service_id) WHERE s.provider_id = %s)', org)),
    ('ismap.reapplication_demands', format('registration_id IN (SELECT registration_id FROM ismap.service_registrations r JOIN ismap.cloud_services s USING (service_id) WHERE s.provider_id = %s)', org))
  ) AS x(t, c)
UNION ALL
SELECT 'ismap_test_a1', t::regclass, c FROM (VALUES
    ('ismap.audits', 'auditor_id IN (SELECT auditor_id FROM ismap.auditors WHERE organization_id = 1)'),
    ('ismap.auditor_applications', 'organization_id = 1'),
    ('ismap.auditor_compliance_reports', 'auditor_id IN (SELECT auditor_id FROM ismap.auditors WHERE organization_id = 1)'),
    ('ismap.organization_change_notices', 'organization_id = 1'),
    ('ismap.investigations', 'auditor_id IN (SELECT auditor_id FROM ismap.auditors WHERE organization_id = 1)'),
    ('ismap.reapplication_demands', 'auditor_id IN (SELECT auditor_id FROM ismap.auditors WHERE organization_id = 1)')
  ) AS x(t, c);
CREATE TEMP TABLE expected (who name, rel text, row_text text);
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT * FROM rule LOOP
    EXECUTE format('INSERT INTO expected SELECT %L, %L, t::text FROM %s t WHERE %s', r.who, r.rel, r.rel, r.concerns);
  END LOOP;
END $$;
SELECT is(array(SELECT * FROM (SELECT 'selected, not by the rule: ' || v.who || ' ' || v.rel || ' ' || v.row_text
                                 FROM ismap_probe.visible v JOIN rule USING (who) WHERE v.rel = rule.rel::text
                               EXCEPT SELECT 'selected, not by the rule: ' || e.who || ' ' || e.rel || ' ' || e.row_text FROM expected e) a
                UNION ALL
                SELECT * FROM (SELECT 'by the rule, not selected: ' || e.who || ' ' || e.rel || ' ' || e.row_text FROM expected e
                               JOIN pairs p ON p.who = e.who AND p.rel::text = e.rel
                               EXCEPT SELECT 'by the rule, not selected: ' || v.who || ' ' || v.rel || ' ' || v.row_text
                                 FROM ismap_probe.visible v) b
                ORDER BY 1),
          '{}'::text[],
          'each provider and auditor selects exactly the confidential rows the rule gives it');
-- The procurer and the public read the public lists, the settings and the
-- procurer scope (附則2); a procurer also the procuring bodies and its own
-- bodies' procurements (suite 68 checks which rows).
SELECT is(array(SELECT DISTINCT who || ' ' || rel FROM pairs
                 WHERE who IN ('ismap_test_pr', 'ismap_test_rd')
                   AND rel::text NOT IN ('ismap.auditor_list', 'ismap.cloud_service_list',
                                         'ismap.cloud_service_list_periods', 'ismap.liu_service_list',
                                         'ismap.liu_service_list_periods', 'ismap.settings',
                                         'ismap.procurer_scope')
                   AND NOT (who = 'ismap_test_pr'
                            AND rel::text IN ('ismap.procuring_bodies', 'ismap.procurements',
                                              'ismap.procurement_impact'))
                 ORDER BY 1),
          '{}'::text[], 'a procurer and the public read the public lists, the settings and the scope; a procurer its procurements, nothing else');

SELECT * FROM finish();
ROLLBACK;
