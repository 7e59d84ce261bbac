-- Who sees what (sec_confidential, README "Access"): on every table of
-- confidential rows, each capacity sees exactly the rows the rule gives
-- it.  The expectation is computed here, by a superuser, from the rows'
-- own columns (which organization a row concerns as a provider, and which
-- as an auditor), independently of the policies' C functions; each role's
-- SELECT is then compared with it, row id by row id.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(158);
SET LOCAL ismap.today = '2025-12-01';
SET LOCAL client_min_messages = warning;

-- Two audit firms (1, 2) and two providers (11, 12); auditor A of firm 1
-- audits service 1 of provider 11, auditor B of firm 2 service 2 of
-- provider 12.  Each registration has an incident with its first report,
-- a control change notice and a re-audit demand resting on it, an
-- investigation; each organization a change notice; auditor B an
-- investigation and a re-application demand.
SELECT ismap_test.organization(n, name)
  FROM (VALUES (1, '架空監査法人かすみ'), (2, '架空監査法人こはく'),
               (11, '架空クラウド株式会社きらら'), (12, '架空クラウド株式会社くじら')) AS o(n, name)
 \g /dev/null
SELECT ismap_test.register(101, 1, '2024-04-01', '2024-05-10') AS a \gset
SELECT ismap_test.register(201, 2, '2024-04-01', '2024-05-10') AS b \gset
SELECT ismap_test.service(1, 11, '架空会議室予約') \g /dev/null
SELECT ismap_test.service(2, 12, '架空電子帳簿') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.audit(21, 2, :b, '2024-01-01', '2024-12-31', '2025-01-20') \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2025-01-25', '2025-02-10') AS r1 \gset
SELECT ismap_test.svc_register(2001, 2, 21, '2025-01-25', '2025-02-10') AS r2 \gset
SELECT ismap_test.at('2025-03-01', format($$INSERT INTO ismap.incidents (incident_id, registration_id, recognized_on, summary)
  VALUES (1, %s, '2025-03-01', '架空の不正アクセス'), (2, %s, '2025-03-01', '架空の障害')$$, :r1, :r2)) \g /dev/null
SELECT ismap_test.at('2025-03-02', $$INSERT INTO ismap.incident_reports (report_id, incident_id, stage, reported_on, body)
  VALUES (1, 1, 'first', '2025-03-02', '速報（架空）'), (2, 2, 'first', '2025-03-02', '速報（架空）')$$) \g /dev/null
SELECT ismap_test.at('2025-04-01', $$INSERT INTO ismap.service_change_notices
  (notice_id, service_id, kind, noticed_on, effective_on, description)
  VALUES (1, 1, 'control_change', '2025-04-01', '2025-04-15', '基盤の移設（架空）'),
         (2, 2, 'control_change', '2025-04-01', '2025-04-15', '基盤の移設（架空）')$$) \g /dev/null
SELECT ismap_test.at('2025-04-01', $$INSERT INTO ismap.organization_change_notices
  (notice_id, organization_id, noticed_on, effective_on, new_name_en)
  VALUES (1, 1, '2025-04-01', '2025-04-01', 'Kasumi Fictional Audit'), (2, 2, '2025-04-01', '2025-04-01', 'Kohaku Fictional Audit'),
         (3, 11, '2025-04-01', '2025-04-01', 'Kirara Fictional Cloud'), (4, 12, '2025-04-01', '2025-04-01', 'Kujira Fictional Cloud')$$)
 \g /dev/null
SELECT ismap_test.at('2025-04-10', format($$INSERT INTO ismap.reaudit_demands (demand_id, registration_id, demanded_on, due_on, notice_id)
  VALUES (1, %s, '2025-04-10', '2025-10-10', 1), (2, %s, '2025-04-10', '2025-10-10', 2)$$, :r1, :r2)) \g /dev/null
SELECT ismap_test.at('2025-05-01', format($$INSERT INTO ismap.investigations (investigation_id, registration_id, auditor_id, opened_on)
  VALUES (1, %s, NULL, '2025-05-01'), (2, %s, NULL, '2025-05-01'), (3, NULL, %s, '2025-05-01')$$, :r1, :r2, :b)) \g /dev/null
SELECT ismap_test.at('2025-06-01', format($$INSERT INTO ismap.reapplication_demands (demand_id, registration_id, auditor_id, demanded_on, due_on)
  VALUES (1, %s, NULL, '2025-06-01', '2025-09-01'), (2, NULL, %s, '2025-06-01', '2025-09-01')$$, :r1, :b)) \g /dev/null

-- The roles: one per capacity, providers and auditors mapped to their
-- organizations; one role of two capacities; one provider with no mapping.
CREATE ROLE ismap_test_cm NOLOGIN IN ROLE ismap_committee;
CREATE ROLE ismap_test_op NOLOGIN IN ROLE ismap_operator;
CREATE ROLE ismap_test_mi NOLOGIN IN ROLE ismap_ministry;
CREATE ROLE ismap_test_p11 NOLOGIN IN ROLE ismap_provider;
CREATE ROLE ismap_test_p12 NOLOGIN IN ROLE ismap_provider;
CREATE ROLE ismap_test_a1 NOLOGIN IN ROLE ismap_auditor;
CREATE ROLE ismap_test_a2 NOLOGIN IN ROLE ismap_auditor;
CREATE ROLE ismap_test_both NOLOGIN IN ROLE ismap_provider, ismap_auditor;
CREATE ROLE ismap_test_unmapped NOLOGIN IN ROLE ismap_provider;
CREATE ROLE ismap_test_pr NOLOGIN IN ROLE ismap_procurer;
CREATE ROLE ismap_test_rd NOLOGIN IN ROLE ismap_reader;
INSERT INTO ismap.role_organizations VALUES
  ('ismap_test_p11', 11), ('ismap_test_p12', 12), ('ismap_test_a1', 1), ('ismap_test_a2', 2),
  ('ismap_test_both', 12), ('ismap_test_both', 1);

-- Whom each row concerns, as a provider and as an auditor (null: nobody).
CREATE TEMP TABLE concern (tbl text, id bigint, provider_org bigint, auditor_org bigint);
INSERT INTO concern
  SELECT 'cloud_services', service_id, provider_id, NULL::bigint FROM ismap.cloud_services
  UNION ALL
  SELECT 'service_applications', x.application_id, s.provider_id, NULL
    FROM ismap.service_applications x JOIN ismap.cloud_services s USING (service_id)
  UNION ALL
  SELECT 'audits', x.audit_id, s.provider_id, au.organization_id
    FROM ismap.audits x JOIN ismap.cloud_services s USING (service_id)
    JOIN ismap.auditors au ON au.auditor_id = x.auditor_id
  UNION ALL
  SELECT 'auditor_applications', application_id, organization_id, organization_id
    FROM ismap.auditor_applications
  UNION ALL
  SELECT 'auditor_compliance_reports', x.report_id, NULL, au.organization_id
    FROM ismap.auditor_compliance_reports x JOIN ismap.auditors au USING (auditor_id)
  UNION ALL
  SELECT 'incidents', x.incident_id, s.provider_id, NULL
    FROM ismap.incidents x JOIN ismap.service_registrations r USING (registration_id)
    JOIN ismap.cloud_services s USING (service_id)
  UNION ALL
  SELECT 'incident_reports', x.report_id, s.provider_id, NULL
    FROM ismap.incident_reports x JOIN ismap.incidents i USING (incident_id)
    JOIN ismap.service_registrations r USING (registration_id) JOIN ismap.cloud_services s USING (service_id)
  UNION ALL
  SELECT 'service_change_notices', x.notice_id, s.provider_id, NULL
    FROM ismap.service_change_notices x JOIN ismap.cloud_services s USING (service_id)
  UNION ALL
  SELECT 'organization_change_notices', notice_id, organization_id, organization_id
    FROM ismap.organization_change_notices
  UNION ALL
  SELECT 'investigations', x.investigation_id, s.provider_id, au.organization_id
    FROM ismap.investigations x
    LEFT JOIN ismap.service_registrations r USING (registration_id)
    LEFT JOIN ismap.cloud_services s USING (service_id)
    LEFT JOIN ismap.auditors au ON au.auditor_id = x.auditor_id
  UNION ALL
  SELECT 'reaudit_demands', x.demand_id, s.provider_id, NULL
    FROM ismap.reaudit_demands x JOIN ismap.service_registrations r USING (registration_id)
    JOIN ismap.cloud_services s USING (service_id)
  UNION ALL
  SELECT 'reapplication_demands', x.demand_id, s.provider_id, au.organization_id
    FROM ismap.reapplication_demands x
    LEFT JOIN ismap.service_registrations r USING (registration_id)
    LEFT JOIN ismap.cloud_services s USING (service_id)
    LEFT JOIN ismap.auditors au ON au.auditor_id = x.auditor_id;
GRANT SELECT ON concern TO PUBLIC;

-- The data has rows of both sides on every table, so that a wrong
-- policy shows.
SELECT is((SELECT count(DISTINCT tbl)::int FROM concern), 12, 'the twelve tables of confidential rows hold rows');
SELECT is((SELECT count(*)::int FROM (SELECT tbl FROM concern GROUP BY tbl
                                        HAVING count(*) >= 2) t), 12,
          'each of them at least two');

-- What the rule gives each test role: every row to the oversight bodies;
-- to a provider or an auditor the rows that concern its organizations in
-- that capacity.  Written from the role catalog and the mappings, not from
-- the policies.
CREATE FUNCTION ismap_test.expected_ids(role_name name, tbl text) RETURNS bigint[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(c.id ORDER BY c.id), '{}') FROM concern c
   WHERE c.tbl = expected_ids.tbl
     AND (pg_has_role(role_name, 'ismap_committee', 'USAGE') OR pg_has_role(role_name, 'ismap_operator', 'USAGE')
          OR pg_has_role(role_name, 'ismap_ministry', 'USAGE')
          OR (pg_has_role(role_name, 'ismap_provider', 'USAGE') AND c.provider_org IN
                (SELECT m.organization_id FROM ismap.role_organizations m WHERE m.role_name = expected_ids.role_name))
          OR (pg_has_role(role_name, 'ismap_auditor', 'USAGE') AND c.auditor_org IN
                (SELECT m.organization_id FROM ismap.role_organizations m WHERE m.role_name = expected_ids.role_name)))
$$;
-- What the calling role sees of the table, by key.
CREATE FUNCTION ismap_test.seen_ids(tbl text) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
  key text := CASE tbl WHEN 'cloud_services' THEN 'service_id' WHEN 'audits' THEN 'audit_id'
                       WHEN 'service_applications' THEN 'application_id'
                       WHEN 'auditor_applications' THEN 'application_id'
                       WHEN 'incidents' THEN 'incident_id' WHEN 'investigations' THEN 'investigation_id'
                       WHEN 'reaudit_demands' THEN 'demand_id' WHEN 'reapplication_demands' THEN 'demand_id'
                       WHEN 'service_change_notices' THEN 'notice_id'
                       WHEN 'organization_change_notices' THEN 'notice_id' ELSE 'report_id' END;
  ids bigint[];
BEGIN
  EXECUTE format('SELECT coalesce(array_agg(%I ORDER BY %I), ''{}'') FROM ismap.%I', key, key, tbl) INTO ids;
  RETURN ids;
END $$;
GRANT USAGE ON SCHEMA ismap_test TO PUBLIC;

-- Every role that may read the tables, on every table: 9 roles x 12 tables.
CREATE FUNCTION ismap_test.visibility_tests(role_name name) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
  t text;
  seen bigint[];
  want bigint[];
BEGIN
  FOR t IN SELECT DISTINCT tbl FROM concern ORDER BY 1 LOOP
    want := ismap_test.expected_ids(role_name, t);
    IF NOT has_table_privilege(role_name, 'ismap.' || t, 'SELECT') THEN
      -- not granted to its capacity: the rule must give it no row there
      RETURN NEXT is(want, '{}'::bigint[], format('%s may not read ismap.%s, and no row of it concerns it', role_name, t));
      CONTINUE;
    END IF;
    EXECUTE format('SET LOCAL ROLE %I', role_name);
    seen := ismap_test.seen_ids(t);
    RESET ROLE;
    RETURN NEXT is(seen, want, format('%s sees rows %s of ismap.%s', role_name, want::text, t));
  END LOOP;
END $$;
SELECT ismap_test.visibility_tests(r)
  FROM unnest(ARRAY['ismap_test_cm', 'ismap_test_op', 'ismap_test_mi', 'ismap_test_p11', 'ismap_test_p12',
                    'ismap_test_a1', 'ismap_test_a2', 'ismap_test_both', 'ismap_test_unmapped']::name[]) r;

-- The rule, spelled out on a few of those rows, so that the expectation
-- cannot drift with them.
SET LOCAL ROLE ismap_test_p11;
SELECT is((SELECT array_agg(service_id ORDER BY service_id) FROM ismap.cloud_services), '{1}'::bigint[],
          'provider 11 sees its own service only');
SELECT is((SELECT array_agg(audit_id ORDER BY audit_id) FROM ismap.audits), '{11}'::bigint[],
          'and the audit of it, not provider 12''s');
SELECT ismap_test.refused('SELECT * FROM ismap.auditor_compliance_reports', '42501', NULL,
                          'and no auditor''s compliance report (not granted to providers)');
RESET ROLE;
SET LOCAL ROLE ismap_test_a1;
SELECT is((SELECT array_agg(audit_id ORDER BY audit_id) FROM ismap.audits), '{11}'::bigint[],
          'auditor firm 1 sees the audit it performed');
SELECT ismap_test.refused('SELECT * FROM ismap.incidents', '42501', NULL,
          'and no incident, not even of the service it audited');
SELECT ismap_test.refused('SELECT * FROM ismap.cloud_services', '42501', NULL,
          'nor the services table (it reads services through the lists)');
RESET ROLE;
SET LOCAL ROLE ismap_test_a2;
SELECT is((SELECT array_agg(investigation_id ORDER BY investigation_id) FROM ismap.investigations), '{3}'::bigint[],
          'auditor firm 2 sees the investigation of itself');
SELECT is((SELECT array_agg(demand_id ORDER BY demand_id) FROM ismap.reapplication_demands), '{2}'::bigint[],
          'and the demand made of it');
RESET ROLE;

-- The public lists stay everyone's, whoever they are.
CREATE FUNCTION ismap_test.list_counts() RETURNS text LANGUAGE sql AS $$
  SELECT (SELECT count(*) FROM ismap.cloud_service_list) || ' services, '
         || (SELECT count(*) FROM ismap.auditor_list) || ' auditors'
$$;
SELECT ismap_test.list_counts() AS superuser_lists \gset
SET LOCAL ROLE ismap_test_p11;
SELECT is(ismap_test.list_counts(), :'superuser_lists', 'a provider reads the whole public lists');
RESET ROLE;
SET LOCAL ROLE ismap_test_pr;
SELECT is(ismap_test.list_counts(), :'superuser_lists', 'so does a procurer');
RESET ROLE;
SET LOCAL ROLE ismap_test_rd;
SELECT is(ismap_test.list_counts(), :'superuser_lists', 'and the public');
RESET ROLE;

-- The procurer and the public read no confidential table at all.
CREATE FUNCTION ismap_test.refusal_tests(role_name name) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT DISTINCT tbl FROM concern UNION SELECT 'role_organizations' UNION SELECT 'declared_interests'
           ORDER BY 1 LOOP
    EXECUTE format('SET LOCAL ROLE %I', role_name);
    RETURN NEXT ismap_test.refused(format('SELECT * FROM ismap.%I', t), '42501', NULL,
                                   format('%s may not read ismap.%s', role_name, t));
    RESET ROLE;
  END LOOP;
END $$;
SELECT ismap_test.refusal_tests(r) FROM unnest(ARRAY['ismap_test_pr', 'ismap_test_rd']::name[]) r;

-- role_organizations: the oversight bodies read every mapping, a role its own.
SET LOCAL ROLE ismap_test_both;
SELECT is((SELECT array_agg(organization_id ORDER BY organization_id) FROM ismap.role_organizations), '{1,12}'::bigint[],
          'a role reads its own mappings only');
RESET ROLE;
SET LOCAL ROLE ismap_test_op;
SELECT is((SELECT count(*)::int FROM ismap.role_organizations), 6, 'the operator reads every mapping');
RESET ROLE;

-- An invisible row cannot be written either: provider 11 withdrawing
-- provider 12's application touches no row.
CREATE FUNCTION ismap_test.rows_affected(statement text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  EXECUTE statement;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
SELECT ismap_test.digest() AS before_withdrawal \gset
SET LOCAL ROLE ismap_test_p11;
SELECT is(ismap_test.rows_affected($$UPDATE ismap.service_applications SET status = 'withdrawn',
                                       decided_on = ismap.today() WHERE application_id = 2001$$), 0,
          'provider 11''s UPDATE of provider 12''s application matches no row');
RESET ROLE;
SELECT is(ismap_test.digest(), :'before_withdrawal', 'and the registry is unchanged');

-- A refusal names only what the caller gave: provider 11 filing for
-- provider 12's service is told it does not act for it, not whose it is.
SET LOCAL ROLE ismap_test_p11;
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (2, '2025-11-01', 21)$$, '42501', 'sec_role_authority',
                          'provider 11 cannot file for provider 12''s service');
SELECT ok((SELECT e.detail !~ '(くじら|電子帳簿|Fictional Service 2)' AND e.message !~ '(くじら|電子帳簿)'
             FROM ismap_test.error_of($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                                        VALUES (2, '2025-11-01', 21)$$) e),
          'and the refusal names neither the service nor its provider');
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (99, '2025-11-01', 21)$$, '42501', 'sec_role_authority',
                          'a service that does not exist is refused the same way (nothing learnt of it)');
-- Nor through another rule's refusal: provider 11 naming provider 12's
-- audit on its own application learns nothing of the audited service.
SELECT ismap_test.refused($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                            VALUES (1, '2025-11-01', 21)$$, '23514', 'svc_audit_by_registered_auditor',
                          'provider 11 cannot file on provider 12''s audit');
SELECT ok((SELECT concat_ws(' ', e.message, e.detail, e.hint) !~ '(くじら|電子帳簿|Fictional Service 2)'
             FROM ismap_test.error_of($$INSERT INTO ismap.service_applications (service_id, applied_on, audit_id)
                                        VALUES (1, '2025-11-01', 21)$$) e),
          'and the refusal does not name the audited service');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
