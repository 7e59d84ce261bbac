-- The decision log (sec_history): every write to a registry table logs one
-- row per row changed, in the same transaction, with the row before and
-- after, who, when and why; the log is append-only, even for superusers;
-- its rows form one SHA-256 chain that verify_history() checks.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
\ir history_helpers.psql
SELECT plan(105);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

SELECT is(ismap_test.last_seq(), 0::bigint, 'a new registry has an empty log');
SELECT is_empty('SELECT * FROM ismap.verify_history()', 'verify_history() finds nothing wrong with an empty log');

-- ---------------------------------------------------------------------
-- Every kind of write, one log row per row changed

SELECT is(ismap_test.logged($$
            SELECT ismap_test.organization(n, name, NULL)
              FROM (VALUES (1, '架空監査法人しらかば'), (2, '架空監査法人からまつ'),
                           (11, '架空クラウド株式会社あおぞら'), (12, '架空情報システム株式会社ゆうなぎ'),
                           (13, '架空商事株式会社つむぎ')) AS o(n, name)$$),
          'organizations INSERT 5', 'inserting five organizations logs five rows');
SELECT results_eq($$SELECT row_key, operation, before, after FROM ismap.history ORDER BY seq$$,
                  $$SELECT organization_id::text, 'INSERT', NULL::jsonb, to_jsonb(o)
                      FROM ismap.organizations o ORDER BY o.organization_id$$,
                  'each names its row by key, has no image before and the row inserted after');
SELECT is(ismap_test.logged($$UPDATE ismap.organizations SET name_en = format('Fictional Organization %s', organization_id)
                               WHERE organization_id IN (11, 12, 13)$$),
          'organizations UPDATE 3', 'an UPDATE of three rows logs three rows');
SELECT results_eq($$SELECT row_key, operation, before->>'name_en', after->>'name_en', before - 'name_en' = after - 'name_en'
                      FROM ismap.history WHERE seq > 5 ORDER BY seq$$,
                  $$VALUES ('11', 'UPDATE', NULL, 'Fictional Organization 11', true),
                           ('12', 'UPDATE', NULL, 'Fictional Organization 12', true),
                           ('13', 'UPDATE', NULL, 'Fictional Organization 13', true)$$,
                  'each with the row before and after the change');
SELECT is(ismap_test.logged($$UPDATE ismap.organizations SET name_en = 'x' WHERE organization_id = 999$$),
          'nothing', 'an UPDATE of no row logs nothing');
SELECT is(ismap_test.logged($$DELETE FROM ismap.organizations WHERE organization_id = 13$$),
          'organizations DELETE 1', 'a DELETE logs one row');
SELECT results_eq($$SELECT row_key, operation, before->>'name', before->>'name_en', after
                      FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('13', 'DELETE', '架空商事株式会社つむぎ', 'Fictional Organization 13', NULL::jsonb)$$,
                  'with the row deleted as its image before, and none after');

SELECT is(ismap_test.logged($$UPDATE ismap.settings SET value = '4 months' WHERE name = 'audit_period_min'$$),
          'setting_overrides INSERT 1', 'the first change of a setting logs its override inserted');
SELECT is(ismap_test.logged($$UPDATE ismap.settings SET value = '3 months' WHERE name = 'audit_period_min'$$),
          'setting_overrides UPDATE 1', 'a second change logs the override updated');
SELECT results_eq($$SELECT row_key, before->>'value', after->>'value' FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('audit_period_min', '4 months', '3 months')$$,
                  'named by the setting, with the value before and after');

-- Auditor 1: filed, accepted, approved, its compliance report filed, renewed.
SELECT is(ismap_test.logged($$SELECT ismap_test.file(101, 1, '2022-04-01')$$),
          'auditor_applications INSERT 1', 'filing an application logs it');
SELECT is(ismap_test.logged($$UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 101$$),
          'auditor_applications UPDATE 1', 'accepting it logs one row');
SELECT is(ismap_test.logged($$SELECT ismap_test.decide(101, 'approved', '2022-04-20')$$),
          'auditor_applications UPDATE 1, auditor_compliance_reports INSERT 1, auditor_terms INSERT 1, auditors INSERT 1',
          'approving it logs the application, and the auditor, term and compliance report it creates');
SELECT ismap_test.auditor(1) AS a1 \gset
SELECT results_eq($$SELECT table_name, row_key FROM ismap.history
                     WHERE table_name IN ('auditors', 'auditor_terms') ORDER BY seq$$,
                  format($$VALUES ('auditors', '%1$s'), ('auditor_terms', '%1$s,1')$$, :a1),
                  'a term is named by auditor and term number');
SELECT is(ismap_test.logged($$UPDATE ismap.auditor_compliance_reports SET filed_on = '2023-03-20' WHERE application_id = 101$$),
          'auditor_compliance_reports UPDATE 1', 'filing a compliance report logs one row');
SELECT is(ismap_test.logged($$SELECT ismap_test.file(102, 1, '2024-03-01', 'renewal')$$),
          'auditor_applications INSERT 1', 'filing a renewal logs it');
SELECT is(ismap_test.logged($$SELECT ismap_test.decide(102, 'approved', '2024-03-20')$$),
          'auditor_applications UPDATE 2, auditor_compliance_reports INSERT 1, auditor_terms INSERT 1, auditors UPDATE 1',
          'accepting and approving it logs both updates, the new term and report, and the auditor updated');
SELECT results_eq($$SELECT before->>'valid_until', after->>'valid_until', before->>'registered_on', after->>'registered_on'
                      FROM ismap.history WHERE table_name = 'auditors' AND operation = 'UPDATE'$$,
                  $$VALUES ('2024-04-01', '2026-03-01', '2022-04-20', '2022-04-20')$$,
                  'the auditor''s update shows its validity before and after the renewal');

-- Auditor 2: registered, then suspended.
SELECT is(ismap_test.logged($$SELECT ismap_test.register(201, 2, '2023-01-10', '2023-01-20')$$),
          'auditor_applications INSERT 1, auditor_applications UPDATE 2, auditor_compliance_reports INSERT 1, auditor_terms INSERT 1, auditors INSERT 1',
          'a second registration, filed and approved');
SELECT ismap_test.auditor(2) AS a2 \gset
SELECT facts::text AS a2_facts FROM ismap.auditors WHERE auditor_id = :a2 \gset
SELECT is(ismap_test.logged(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                     VALUES (%s, 'suspend', '2024-08-01', '監査業務の品質管理体制の不備')$$, :a2)),
          'auditor_status_changes INSERT 1', 'a suspension logs one row ...');
SELECT isnt((SELECT facts::text FROM ismap.auditors WHERE auditor_id = :a2), :'a2_facts',
            '... and none for the refresh of the auditor''s derived facts that it caused');

-- A cloud service registered and renewed, and suspended.
SELECT is(ismap_test.logged($$SELECT ismap_test.service(n, 11, format('架空ドライブ%s', n)) FROM generate_series(1, 2) n$$),
          'cloud_services INSERT 2', 'inserting two services logs two rows');
SELECT is(ismap_test.logged($$UPDATE ismap.cloud_services SET name = '架空ストレージ' WHERE service_id = 2$$),
          'cloud_services UPDATE 1', 'renaming one logs one row');
SELECT is(ismap_test.logged($$DELETE FROM ismap.cloud_services WHERE service_id = 2$$),
          'cloud_services DELETE 1', 'deleting one never registered logs one row');
SELECT is(ismap_test.logged(format($$SELECT ismap_test.audit(11, 1, %1$s, '2022-04-01', '2023-03-31', '2023-05-10'),
                                            ismap_test.audit(12, 1, %1$s, '2023-04-01', '2024-03-31', '2024-05-20')$$, :a1)),
          'audits INSERT 2', 'recording two audits logs two rows');
SELECT is(ismap_test.logged($$SELECT ismap_test.svc_register(1001, 1, 11, '2023-05-15', '2023-07-03')$$),
          'service_applications INSERT 1, service_applications UPDATE 2, service_registration_terms INSERT 1, service_registrations INSERT 1',
          'a service application filed, accepted and approved logs them and the registration and term it creates');
SELECT registration_id AS r1 FROM ismap.service_registrations WHERE service_id = 1 \gset
SELECT is((SELECT row_key FROM ismap.history WHERE table_name = 'service_registration_terms'), format('%s,1', :r1),
          'a service term is named by registration and term number');
SELECT is(ismap_test.logged($$SELECT ismap_test.svc_file(1002, 1, '2024-06-01', 12, 'renewal')$$),
          'service_applications INSERT 1', 'filing a renewal logs it');
SELECT is(ismap_test.logged($$SELECT ismap_test.svc_decide(1002, 'approved', '2024-07-01')$$),
          'service_applications UPDATE 2, service_registration_terms INSERT 1, service_registrations UPDATE 1',
          'approving it logs the application, the new term and the registration updated');
SELECT is(ismap_test.logged(format($$SELECT ismap_test.svc_change(%s, 'suspend', '2024-08-15')$$, :r1)),
          'service_status_changes INSERT 1', 'a suspension of the service logs one row, none for the facts refresh');

SELECT set_eq($$SELECT DISTINCT table_name FROM ismap.history$$,
              $$SELECT table_name FROM ismap_test.logged_tables()$$,
              'every registry table has now been written, and logged');
SELECT set_eq($$SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind = 'r'
                   AND NOT EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'log_change')$$,
              $$VALUES ('history'), ('setting_defaults'), ('service_list_spans')$$,
              'every table of schema ismap logs its changes, except the log, the shipped defaults and the list periods derived from the facts');
SELECT is(ismap_test.log_disagreements(), '',
          'the last log image of every row is the row as it stands (and null for the deleted ones)');
SELECT has_column('ismap', 'auditors', 'facts', '(registrations carry a derived facts column)');
SELECT is((SELECT count(*) FROM ismap.history WHERE before ? 'facts' OR after ? 'facts'), 0::bigint,
          'no row image carries the derived facts column');

-- ---------------------------------------------------------------------
-- In the same transaction: rolled back with the write

SELECT is((SELECT count(*) FROM ismap.history WHERE recorded_at <> transaction_timestamp()), 0::bigint,
          'every row is recorded at the start of the transaction that wrote it');
SELECT ismap_test.last_seq() AS seq_before \gset
SAVEPOINT before_write;
SELECT ismap_test.organization(21, '架空監査法人ひのき') \g /dev/null
SELECT ismap_test.last_seq() AS seq_inside \gset
ROLLBACK TO SAVEPOINT before_write;
SELECT is(:seq_inside::bigint, (:seq_before + 1)::bigint, 'a write inside a savepoint is logged at once');
SELECT is(ismap_test.last_seq(), :seq_before::bigint, 'rolling back to the savepoint takes its log row away');
SELECT ismap_test.refused($$INSERT INTO ismap.organizations (organization_id, corporate_number, name)
                            VALUES (21, ismap_test.corporate_number('999900000021'), '架空監査法人ひのき'),
                                   (22, '1999900000022', '架空監査法人けやき')$$,
                          '22023', 'org_corporate_number',
                          'a statement refused on its second row leaves no log row of its first');
SELECT is(ismap_test.logged($$SELECT ismap_test.organization(21, '架空監査法人ひのき')$$),
          'organizations INSERT 1', 'the next write is logged ...');
SELECT is(ismap_test.last_seq(), (:seq_before + 1)::bigint, '... with the next seq: nothing rolled back leaves a gap');

-- ---------------------------------------------------------------------
-- Who

SELECT is((SELECT count(*) FROM ismap.history
            WHERE session_user_name <> session_user OR acting_user_name <> session_user), 0::bigint,
          'so far the login user wrote every row, acting as itself');
CREATE ROLE ismap_test_clerk_30a NOLOGIN;
CREATE ROLE ismap_test_clerk_30b NOLOGIN;
GRANT ismap_test_clerk_30b TO ismap_test_clerk_30a;
-- a clerk of the operator (運用支援機関), which records organizations
GRANT ismap_operator TO ismap_test_clerk_30b;
SET LOCAL ROLE ismap_test_clerk_30b;
SELECT ismap_test.organization(31, '架空監査法人くぬぎ') \g /dev/null
RESET ROLE;
SELECT results_eq($$SELECT row_key, session_user_name, acting_user_name FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  format($$VALUES ('31', %L, 'ismap_test_clerk_30b')$$, session_user),
                  'after SET ROLE: the login user and the role acting');
SET LOCAL SESSION AUTHORIZATION ismap_test_clerk_30a;
UPDATE ismap.organizations SET name_en = 'Kunugi Fictional Audit Corporation' WHERE organization_id = 31;
SET LOCAL ROLE ismap_test_clerk_30b;
UPDATE ismap.organizations SET name_en = 'Kunugi Fictional Audit Corp.' WHERE organization_id = 31;
SET LOCAL SESSION AUTHORIZATION DEFAULT;
RESET ROLE;
SELECT results_eq($$SELECT session_user_name, acting_user_name FROM ismap.history ORDER BY seq DESC LIMIT 2$$,
                  $$VALUES ('ismap_test_clerk_30a', 'ismap_test_clerk_30b'), ('ismap_test_clerk_30a', 'ismap_test_clerk_30a')$$,
                  'after SET SESSION AUTHORIZATION: that user, acting as itself, then as the role it set');
-- Role names are remembered between rows: a rename shows at once.
ALTER ROLE ismap_test_clerk_30b RENAME TO ismap_test_clerk_30c;
SET LOCAL ROLE ismap_test_clerk_30c;
UPDATE ismap.organizations SET name_en = 'Kunugi Audit' WHERE organization_id = 31;
RESET ROLE;
SELECT is((SELECT acting_user_name FROM ismap.history ORDER BY seq DESC LIMIT 1), 'ismap_test_clerk_30c',
          'a role renamed is logged under its new name');
ALTER ROLE ismap_test_clerk_30c RENAME TO ismap_test_clerk_30b;
SET LOCAL ROLE ismap_test_clerk_30b;
UPDATE ismap.organizations SET name_en = 'Kunugi Fictional Audit Corp.' WHERE organization_id = 31;
RESET ROLE;
SELECT is((SELECT acting_user_name FROM ismap.history ORDER BY seq DESC LIMIT 1), 'ismap_test_clerk_30b',
          '... and under its old name once renamed back');
CREATE ROLE ismap_test_provider_30 NOLOGIN IN ROLE ismap_provider;
SET LOCAL ROLE ismap_test_provider_30;
SELECT ismap_test.refused($$SELECT count(*) FROM ismap.history$$, '42501', NULL,
                          'a provider, which writes the registry, does not read the log (the committee, operator and ministries do)');
RESET ROLE;

-- ---------------------------------------------------------------------
-- Why

SELECT results_eq($$SELECT table_name, reason FROM ismap.history WHERE reason IS NOT NULL ORDER BY seq$$,
                  $$VALUES ('auditor_status_changes', '監査業務の品質管理体制の不備'),
                           ('service_status_changes', '重大なセキュリティインシデントの未報告')$$,
                  'a status change is logged with its grounds as the reason; the other rows so far have none');
SELECT set_config('ismap.reason', '第41回運営委員会の決定による', true) \g /dev/null
SELECT is(ismap_test.logged($$UPDATE ismap.organizations SET name_en = 'Shirakaba Fictional Audit Corporation'
                               WHERE organization_id = 1$$),
          'organizations UPDATE 1', 'with ismap.reason set, a write ...');
SELECT is((SELECT reason FROM ismap.history ORDER BY seq DESC LIMIT 1), '第41回運営委員会の決定による',
          '... is logged with it as the reason');
SELECT ismap_test.last_seq() AS seq_before \gset
SELECT ismap_test.organization(3, '架空監査法人ならがしわ') \g /dev/null
SELECT ismap_test.register(301, 3, '2024-05-01', '2024-06-03') AS a3 \gset
SELECT results_eq(format($$SELECT DISTINCT reason FROM ismap.history WHERE seq > %s$$, :seq_before),
                  $$VALUES ('第41回運営委員会の決定による')$$,
                  'so is every row a registration writes, the ones the extension writes included');
SELECT ismap_test.svc_change(:r1, 'lift', '2024-08-25') \g /dev/null
SELECT is((SELECT reason FROM ismap.history ORDER BY seq DESC LIMIT 1), '是正措置の完了を確認',
          'a status change keeps its own grounds as the reason even with ismap.reason set');
SELECT set_config('ismap.reason', '   ', true) \g /dev/null
UPDATE ismap.organizations SET name_en = 'Karamatsu Fictional Audit Corporation' WHERE organization_id = 2;
SELECT is((SELECT reason FROM ismap.history ORDER BY seq DESC LIMIT 1), NULL,
          'a blank ismap.reason gives no reason');
SELECT set_config('ismap.reason', '', true) \g /dev/null
UPDATE ismap.organizations SET name_en = 'Karamatsu Fictional Audit Corp.' WHERE organization_id = 2;
SELECT is((SELECT reason FROM ismap.history ORDER BY seq DESC LIMIT 1), NULL,
          'nor does an empty one');
SET LOCAL ROLE ismap_test_clerk_30b;
SET LOCAL ismap.reason = '商号変更の届出（受付番号 2024-118）';
UPDATE ismap.organizations SET name = '架空監査法人くぬぎ台' WHERE organization_id = 31;
SET LOCAL ismap.reason = '';
RESET ROLE;
SELECT results_eq($$SELECT acting_user_name, reason FROM ismap.history ORDER BY seq DESC LIMIT 1$$,
                  $$VALUES ('ismap_test_clerk_30b', '商号変更の届出（受付番号 2024-118）')$$,
                  'a role without special rights sets ismap.reason for its own writes');

-- ---------------------------------------------------------------------
-- The log is append-only, for everyone

SELECT ismap_test.refused($$UPDATE ismap.history SET reason = '書き換え' WHERE seq = 3$$,
                          '42501', 'sec_history', 'the superuser running this suite cannot UPDATE a log row');
SELECT ismap_test.refused($$DELETE FROM ismap.history WHERE seq = 3$$,
                          '42501', 'sec_history', 'nor DELETE one');
SELECT ismap_test.refused($$INSERT INTO ismap.history SELECT seq + 1000, table_name, row_key, operation, before, after,
                                   session_user_name, acting_user_name, recorded_at, reason, prev_hash, hash
                              FROM ismap.history WHERE seq = 3$$,
                          '42501', 'sec_history', 'nor INSERT one directly');
SELECT ismap_test.refused($$TRUNCATE ismap.history$$,
                          '42501', 'sec_history', 'nor TRUNCATE the log');
SELECT ismap_test.refused($$UPDATE ismap.history SET reason = reason$$,
                          '42501', 'sec_history', 'not even an UPDATE that changes nothing');
SELECT ismap_test.well_reported($$DELETE FROM ismap.history WHERE seq = 3$$,
                                'the refusal names sec_history and has a detail and a hint');
GRANT ALL ON ismap.history TO ismap_test_clerk_30b;
SET LOCAL ROLE ismap_test_clerk_30b;
SELECT ismap_test.refused($$UPDATE ismap.history SET reason = '書き換え' WHERE seq = 3$$,
                          '42501', 'sec_history', 'a role granted every privilege on the log cannot UPDATE it');
SELECT ismap_test.refused($$DELETE FROM ismap.history WHERE seq = 3$$,
                          '42501', 'sec_history', 'nor DELETE from it');
SELECT ismap_test.refused($$INSERT INTO ismap.history (seq, table_name, row_key, operation, session_user_name,
                                   acting_user_name, recorded_at, prev_hash, hash)
                            VALUES (100000, 'organizations', '1', 'DELETE', 'x', 'x', now(), '\x00', '\x00')$$,
                          '42501', 'sec_history', 'nor INSERT into it');
SELECT ismap_test.refused($$TRUNCATE ismap.history$$,
                          '42501', 'sec_history', 'nor TRUNCATE it');
RESET ROLE;

-- ---------------------------------------------------------------------
-- The chain

-- A row whose text needs escaping: quotes, a backslash, a newline, a tab, a
-- control character and characters outside ASCII.  Its image's canonical
-- text is printed by the extension, not by jsonb_out; the hashes below
-- (recomputed from jsonb_out's text) must still agree.
SELECT ismap_test.organization(77, E'架空"引用"\\商事\n改行\t株式会社\u0001', E'Quote "Fictional" \\ Co.') \g /dev/null
SELECT is((SELECT after->>'name' FROM ismap.history
            WHERE table_name = 'organizations' AND row_key = '77'),
          E'架空"引用"\\商事\n改行\t株式会社\u0001', 'the log keeps a name that needs escaping as written');
-- The images follow the table's shape: a column a DBA adds to a registry
-- table, or renames, appears in the next image (the extension works out
-- each table's image once, and again after any change to a table).
ALTER TABLE ismap.organizations ADD COLUMN note_for_test text;
SELECT ismap_test.organization(78, '架空商事株式会社こはく') \g /dev/null
UPDATE ismap.organizations SET note_for_test = 'added' WHERE organization_id = 78;
ALTER TABLE ismap.organizations RENAME COLUMN note_for_test TO renamed_note_for_test;
UPDATE ismap.organizations SET name_en = 'Kohaku Fictional Trading' WHERE organization_id = 78;
SELECT is((SELECT array_agg(coalesce(after->>'note_for_test', '-') || '/' ||
                            coalesce(after->>'renamed_note_for_test', '-') ORDER BY seq)
             FROM ismap.history WHERE table_name = 'organizations' AND row_key = '78'),
          ARRAY['-/-', 'added/-', '-/added'],
          'a column added to a registry table, then renamed, is in the images that follow');
ALTER TABLE ismap.organizations DROP COLUMN renamed_note_for_test;
-- A row's grounds column gives its log row the reason (status changes have
-- one); the extension notices one that a DBA adds to a table without it.
ALTER TABLE ismap.organizations ADD COLUMN grounds text;
UPDATE ismap.organizations SET name_en = 'Kohaku Trading', grounds = '英文名の訂正' WHERE organization_id = 78;
SELECT is((SELECT reason FROM ismap.history WHERE table_name = 'organizations' AND row_key = '78'
            ORDER BY seq DESC LIMIT 1), '英文名の訂正',
          'a grounds column added to a registry table gives the log row its reason');
ALTER TABLE ismap.organizations DROP COLUMN grounds;

SELECT results_eq($$SELECT seq FROM ismap.history ORDER BY seq$$,
                  $$SELECT generate_series(1::bigint, (SELECT count(*) FROM ismap.history))$$,
                  'seq runs 1, 2, 3, ... without a gap');
SELECT is((SELECT prev_hash FROM ismap.history WHERE seq = 1), decode(repeat('00', 32), 'hex'),
          'the first row''s prev_hash is 32 zero bytes');
SELECT is((SELECT count(*) FROM (SELECT prev_hash, lag(hash) OVER (ORDER BY seq) AS previous, seq
                                   FROM ismap.history) x
            WHERE seq > 1 AND prev_hash IS DISTINCT FROM previous), 0::bigint,
          'every other row''s prev_hash is the hash of the row before it');
SELECT is((SELECT count(*) FROM ismap.history WHERE octet_length(hash) <> 32), 0::bigint,
          'every hash is 32 bytes');
SELECT is((SELECT count(DISTINCT hash) FROM ismap.history), (SELECT count(*) FROM ismap.history),
          'no two rows have the same hash');
SELECT is((SELECT count(*) FROM ismap.history h
            WHERE h.hash NOT IN (ismap_test.row_hash(h, true), ismap_test.row_hash(h, false))), 0::bigint,
          'every hash is the SHA-256 of the row''s length-prefixed fields and prev_hash, recomputed here');
SELECT (ismap_test.row_hash(h, true) = h.hash)::text AS little_endian FROM ismap.history h WHERE seq = 1 \gset
SELECT is_empty('SELECT * FROM ismap.verify_history()', 'verify_history() returns no row for the whole chain');

-- ---------------------------------------------------------------------
-- Tampering with triggers off (session_replication_role = replica)

-- A row in the middle, an UPDATE without a reason.
SELECT min(seq) AS mid FROM ismap.history
 WHERE seq >= ismap_test.last_seq() / 2 AND operation = 'UPDATE' AND reason IS NULL \gset
SELECT ismap_test.last_seq() AS last \gset
SELECT results_eq(format($$SELECT * FROM ismap_test.tampered(%L)$$, format(s, :mid)),
                  format($$VALUES (%s::bigint, 'the row does not match its hash')$$, :mid),
                  format('a change of %s is found', c))
  FROM (VALUES ('its table_name', $$UPDATE ismap.history SET table_name = 'auditors' WHERE seq = %s$$),
               ('its row_key', $$UPDATE ismap.history SET row_key = row_key || '0' WHERE seq = %s$$),
               ('its operation', $$UPDATE ismap.history SET operation = 'INSERT' WHERE seq = %s$$),
               ('its image before', $$UPDATE ismap.history SET before = before || '{"name": "改ざん"}' WHERE seq = %s$$),
               ('its image after', $$UPDATE ismap.history SET after = after || '{"name": "改ざん"}' WHERE seq = %s$$),
               ('its session user', $$UPDATE ismap.history SET session_user_name = 'ismap_test_clerk_30a' WHERE seq = %s$$),
               ('its acting user', $$UPDATE ismap.history SET acting_user_name = 'ismap_test_clerk_30a' WHERE seq = %s$$),
               ('its recorded_at, by a microsecond', $$UPDATE ismap.history SET recorded_at = recorded_at - interval '1 microsecond' WHERE seq = %s$$),
               ('its reason, from null to empty', $$UPDATE ismap.history SET reason = '' WHERE seq = %s$$),
               ('its hash', $$UPDATE ismap.history SET hash = sha256(hash) WHERE seq = %s$$)) AS t(c, s);
SELECT results_eq(format($$SELECT * FROM ismap_test.tampered('UPDATE ismap.history SET prev_hash = decode(repeat(''00'', 32), ''hex'') WHERE seq = %s')$$, :mid),
                  format($$VALUES (%s::bigint, 'prev_hash is not the hash of the row before')$$, :mid),
                  'a prev_hash changed is found');
SELECT results_eq(format($$SELECT * FROM ismap_test.tampered('UPDATE ismap.history h SET reason = ''偽造'',
                             hash = ismap_test.row_hash(ROW(h.seq, h.table_name, h.row_key, h.operation, h.before, h.after,
                                                            h.session_user_name, h.acting_user_name, h.recorded_at, ''偽造'',
                                                            h.prev_hash, h.hash)::ismap.history, %s)
                             WHERE seq = %s')$$, :'little_endian', :mid),
                  format($$VALUES (%s::bigint, 'prev_hash is not the hash of the row before')$$, :mid + 1),
                  'a row altered with its hash recomputed breaks the link to the row after it');
SELECT results_eq(format($$SELECT * FROM ismap_test.tampered('DELETE FROM ismap.history WHERE seq = %s')$$, :mid),
                  format($$VALUES (%1$s::bigint, 'row %1$s is missing')$$, :mid),
                  'a row deleted in the middle is found: row N is missing');
SELECT results_eq($$SELECT * FROM ismap_test.tampered('DELETE FROM ismap.history WHERE seq = 1')$$,
                  $$VALUES (1::bigint, 'row 1 is missing')$$,
                  'so is the first row deleted');
SELECT results_eq(format($$SELECT * FROM ismap_test.tampered('DELETE FROM ismap.history WHERE seq = %1$s;
                             UPDATE ismap.history SET seq = -(seq - 1) WHERE seq > %1$s;
                             UPDATE ismap.history SET seq = -seq WHERE seq < 0')$$, :mid),
                  format($$VALUES (%s::bigint, 'prev_hash is not the hash of the row before')$$, :mid),
                  'a row deleted and the rows after renumbered is found where it was');
SELECT results_eq(format($$SELECT * FROM ismap_test.tampered('UPDATE ismap.history SET hash = ''\x00'' WHERE seq = %s')$$, :mid),
                  format($$VALUES (%s::bigint, 'a hash is not 32 bytes')$$, :mid),
                  'a hash of the wrong length is found');
SELECT results_eq(format($$SELECT * FROM ismap_test.tampered('UPDATE ismap.history SET reason = ''x'' WHERE seq = %s')$$, :last),
                  format($$VALUES (%s::bigint, 'the row does not match its hash')$$, :last),
                  'a change of the last row is found too');
SELECT is_empty('SELECT * FROM ismap.verify_history()', '(the tampering was undone: the chain is whole again)');
SELECT is(ismap_test.last_seq(), :last::bigint, '(and the log as long as before)');

-- The extension appends to the log's heap and indexes itself: an index a DBA
-- adds (partial, on an expression) is kept up to date; a table or index it
-- cannot write correctly is refused, not written wrongly.
CREATE INDEX history_inserts_by_table ON ismap.history (lower(table_name)) WHERE operation = 'INSERT';
SELECT ismap_test.svc_change(:r1, 'suspend', '2024-09-01') \g /dev/null
SET LOCAL enable_seqscan = off;
SELECT is((SELECT count(*) FROM ismap.history
            WHERE lower(table_name) = 'service_status_changes' AND operation = 'INSERT'),
          (SELECT count(*) FROM ismap.history
            WHERE table_name::text || '' = 'service_status_changes' AND operation || '' = 'INSERT'),
          'an index added to the log is maintained by the appends (partial, on an expression)');
RESET enable_seqscan;
SELECT ismap_test.refused(format($$ALTER TABLE ismap.history ADD COLUMN note text;
                                   SELECT ismap_test.svc_change(%s, 'lift', '2024-09-10')$$, :r1),
                          '55000', 'sec_history', 'a column added to the log stops the appends, which change nothing');
SELECT ismap_test.refused(format($$ALTER TABLE ismap.history DROP COLUMN reason;
                                   SELECT ismap_test.svc_change(%s, 'lift', '2024-09-10')$$, :r1),
                          '55000', 'sec_history', 'and so does a column dropped from it');
SELECT ismap_test.refused(format($$ALTER TABLE ismap.history ADD CONSTRAINT seq_hash UNIQUE (seq, hash)
                                     DEFERRABLE INITIALLY DEFERRED;
                                   SELECT ismap_test.svc_change(%s, 'lift', '2024-09-10')$$, :r1),
                          '0A000', 'sec_history', 'and so does a deferred unique index the appends could not check');
SELECT is_empty('SELECT * FROM ismap.verify_history()', 'the chain is whole after the refused appends');

-- The registration and term an approval creates are written the same way,
-- under the locks the approval's checks hold: an index a DBA adds is kept
-- up to date, a constraint or column the extension would not honour stops
-- the approval, and the log holds each row as stored.
SELECT ismap_test.service(3, 11, '架空ドライブ3') \g /dev/null
SELECT ismap_test.audit(13, 3, :a1, '2023-04-01', '2024-03-31', '2024-05-20') \g /dev/null
SELECT ismap_test.svc_file(1003, 3, '2024-06-01', 13) \g /dev/null
UPDATE ismap.service_applications SET status = 'accepted' WHERE application_id = 1003;
SELECT ismap_test.refused($$ALTER TABLE ismap.service_registration_terms
                              ADD CONSTRAINT one_year CHECK (valid_until < in_force_from + 365) NOT VALID;
                            SELECT ismap_test.svc_decide(1003, 'approved', '2024-07-01')$$,
                          '55000', 'svc_validity',
                          'a CHECK constraint added to the terms stops approvals, which change nothing');
SELECT ismap_test.refused($$ALTER TABLE ismap.service_registrations ADD COLUMN note text;
                            SELECT ismap_test.svc_decide(1003, 'approved', '2024-07-01')$$,
                          '55000', 'svc_registration_on_approval',
                          'and so does a column added to the registrations');
CREATE INDEX first_terms_by_auditor ON ismap.service_registration_terms (auditor_id) WHERE term_no = 1;
SELECT ismap_test.svc_decide(1003, 'approved', '2024-07-01') AS r3 \gset
SET LOCAL enable_seqscan = off;
SELECT is((SELECT array_agg(registration_id ORDER BY registration_id)
             FROM ismap.service_registration_terms WHERE auditor_id = :a1 AND term_no = 1),
          (SELECT array_agg(registration_id ORDER BY registration_id)
             FROM ismap.service_registration_terms WHERE auditor_id + 0 = :a1 AND term_no + 0 = 1),
          'an index added to the terms is maintained by approvals (partial)');
RESET enable_seqscan;
SELECT results_eq(format($$SELECT table_name::text, after FROM ismap.history
                             WHERE row_key IN ('%1$s', '%1$s,1') AND table_name LIKE 'service_registration%%'
                             ORDER BY seq$$, :r3),
                  format($$SELECT 'service_registrations', to_jsonb(r) - 'facts'
                             FROM ismap.service_registrations r WHERE registration_id = %1$s
                            UNION ALL
                            SELECT 'service_registration_terms', to_jsonb(t)
                             FROM ismap.service_registration_terms t WHERE registration_id = %1$s$$, :r3),
                  'the log holds the registration and its first term as stored');

SELECT * FROM finish();
ROLLBACK;
