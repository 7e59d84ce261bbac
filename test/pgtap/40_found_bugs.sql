-- Found bugs (issue 13: holes found by probing 0.1.0 as an attacker would),
-- one case per bug, each named after it.  Items 5-7 are in
-- 41_found_bugs_dates.sql, items 4, 9 and 10 in 42_found_bugs_input.sql;
-- item 3 (a lock anyone could take) is the isolation spec
-- test/isolation/specs/log_lock_unprivileged.spec.
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
SELECT plan(36);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

-- The committee acts as its capacity role, ismap_committee, with the
-- grants the extension gives it.

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人あかつき', 'Akatsuki Fictional Audit Corporation'),
               (2, '架空監査法人こはく', 'Kohaku Fictional Audit Corporation'),
               (3, '架空監査法人さんご', 'Sango Fictional Audit Corporation'),
               (4, '架空監査法人ひすい', 'Hisui Fictional Audit Corporation'),
               (11, '架空クラウド株式会社みなと', 'Minato Fictional Cloud K.K.')) AS o(n, name, name_en)
 \g /dev/null

-- Auditor A, registered in 2023, audits service 1 (provider 11), registered
-- on 2024-07-03.  Organizations 2, 3 and 4 have accepted applications.
SELECT ismap_test.register(101, 1, '2023-04-01', '2023-05-10') AS a \gset
SELECT ismap_test.service(1, 11, '架空グループウェア') \g /dev/null
SELECT ismap_test.audit(11, 1, :a, '2023-04-01', '2024-03-31', '2024-05-10') \g /dev/null
SELECT ismap_test.svc_register(1001, 1, 11, '2024-05-15', '2024-07-03') AS r1 \gset
SELECT ismap_test.file(n * 100 + 1, n, '2024-08-01') FROM generate_series(2, 4) n \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE status = 'submitted';
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:r1, 'suspend', '2024-08-20', '重大インシデントの報告遅延（架空）') RETURNING change_id AS r1_change \gset

-- What one log append shows: its table and operation, in order.
CREATE FUNCTION ismap_test.log_since(mark bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER AS $$
  SELECT string_agg(table_name || ' ' || operation, ', ' ORDER BY seq)
    FROM ismap.history WHERE seq > mark
$$;

-- ---------------------------------------------------------------------
-- 1. Writes that escaped the log, without superuser: a committee member's
-- approval run inside COPY ... TO, by a writable CTE or by a function the
-- COPY's query calls, was taken for a restore.

-- The normal path, for comparison: application 201 approved by UPDATE.
SET LOCAL ROLE ismap_committee;
SELECT ismap_test.last_seq() AS mark \gset
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = 201;
SELECT ismap_test.log_since(:mark) AS normal_approval_log \gset
SELECT is(:'normal_approval_log'::text,
          'auditors INSERT, auditor_terms INSERT, auditor_compliance_reports INSERT, auditor_applications UPDATE',
          '(an approval by UPDATE logs the auditor, its term, its compliance report and the application)');

-- Application 301 approved inside COPY (WITH ... UPDATE ...) TO STDOUT.
SELECT ismap_test.last_seq() AS mark \gset
COPY (WITH a AS (UPDATE ismap.auditor_applications
                    SET status = 'approved', decided_on = ismap.today()
                  WHERE application_id = 301 RETURNING 1)
      SELECT * FROM a) TO STDOUT \g /dev/null
SELECT is(ismap_test.log_since(:mark), :'normal_approval_log'::text,
          'COPY (WITH ... UPDATE) TO STDOUT by the committee: the approval is logged as an UPDATE''s is');

-- Application 401 approved by a function the COPY's query calls.
RESET ROLE;
CREATE FUNCTION ismap_test.approve(id bigint) RETURNS integer
LANGUAGE sql AS $$
  UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
   WHERE application_id = id RETURNING 1
$$;
GRANT EXECUTE ON FUNCTION ismap_test.approve(bigint) TO ismap_committee;
GRANT USAGE ON SCHEMA ismap_test TO ismap_committee;
SET LOCAL ROLE ismap_committee;
SELECT ismap_test.last_seq() AS mark \gset
COPY (SELECT ismap_test.approve(401)) TO STDOUT \g /dev/null
SELECT is(ismap_test.log_since(:mark), :'normal_approval_log'::text,
          'COPY (SELECT f()) TO STDOUT by the committee, f approving: logged as an UPDATE''s approval is');
RESET ROLE;
SELECT is_empty('SELECT * FROM ismap.verify_history()', 'the chain is whole after those approvals');
SELECT is(ismap_test.log_disagreements(), '',
          'and every row the approvals wrote is in the log as it is in the table');
SELECT is((SELECT count(*)::int FROM ismap.auditor_list_at(ismap.today(), now()) l
             JOIN ismap.auditors a USING (auditor_id) WHERE a.organization_id IN (2, 3, 4)), 3,
          'the list as known now (from the log) has the three auditors the approvals created');

-- A correction of an approval date inside COPY ... TO moves the term, logged
-- as the same correction made by a plain call is.
SET LOCAL ROLE ismap_committee;
SELECT ismap_test.last_seq() AS mark \gset
SELECT ismap.correct('ismap.auditor_applications', 201, '{"decided_on": "2024-08-30"}',
                     '決定日の入力誤り（架空）') \g /dev/null
SELECT ismap_test.log_since(:mark) AS normal_correction_log \gset
SELECT ismap_test.last_seq() AS mark \gset
COPY (SELECT ismap.correct('ismap.auditor_applications', 301, '{"decided_on": "2024-08-30"}',
                           '決定日の入力誤り（架空）')) TO STDOUT \g /dev/null
SELECT is(ismap_test.log_since(:mark), :'normal_correction_log'::text,
          'COPY (SELECT ismap.correct(...)) TO STDOUT: the moved term is logged as a plain correction''s is');
RESET ROLE;
SELECT is_empty('SELECT * FROM ismap.verify_history()', 'and the chain is whole');

-- ---------------------------------------------------------------------
-- 2. A superuser's COPY (SELECT f()) TO STDOUT whose f deletes an audit and
-- moves a registration's validity went through with nothing logged.  Only a
-- COPY ... FROM into the table itself is a restore.

-- attempt(statement): run it, and keep what happened (the SQLSTATE and the
-- rule id of its refusal, or 'accepted') in a table the test reads after.
CREATE TEMP TABLE attempts (statement text, outcome text);
CREATE FUNCTION ismap_test.attempt(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  outcome text := 'accepted';
  st text;
  rule text;
BEGIN
  BEGIN
    EXECUTE statement;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, rule = CONSTRAINT_NAME;
    outcome := st || ' ' || coalesce(rule, '');
  END;
  INSERT INTO attempts VALUES (statement, outcome);
  RETURN outcome;
END $$;

SELECT ismap_test.digest() AS before_copy \gset
COPY (SELECT ismap_test.attempt('DELETE FROM ismap.audits WHERE audit_id = 11')) TO STDOUT \g /dev/null
COPY (SELECT ismap_test.attempt(format('UPDATE ismap.service_registrations SET valid_until = %L
                                         WHERE registration_id = %s', '2099-12-31', :r1))) TO STDOUT \g /dev/null
SELECT is((SELECT outcome FROM attempts WHERE statement LIKE 'DELETE FROM ismap.audits%'), '55000 sec_history',
          'a superuser''s COPY (SELECT f()) TO STDOUT, f deleting an audit: refused (55000, sec_history)');
SELECT is((SELECT outcome FROM attempts WHERE statement LIKE 'UPDATE ismap.service_registrations%'),
          '42501 svc_registration_on_approval',
          'f moving a registration''s validity: refused (42501, svc_registration_on_approval)');
SELECT is(ismap_test.digest(), :'before_copy'::text, 'and neither changed anything');

-- A COPY ... FROM whose WHERE clause writes: the rows the COPY loads are a
-- restore, what its WHERE clause writes is not.
TRUNCATE attempts;
SELECT ismap_test.last_seq() AS mark \gset
COPY ismap.organizations (organization_id, corporate_number, name, name_en) FROM STDIN
 WHERE ismap_test.attempt('INSERT INTO ismap.auditor_applications (organization_id, applied_on, status, decided_on)
                           VALUES (1, ''2024-04-01'', ''approved'', ''2024-05-10'')') IS NOT NULL;
12	6999940000012	架空クラウド株式会社みずほ	Mizuho Fictional Cloud K.K.
\.
SELECT is((SELECT outcome FROM attempts), '55000 aud_application_flow',
          'a write by a function in COPY ... FROM''s WHERE clause goes through the rules (55000, aud_application_flow)');
SELECT is((SELECT name FROM ismap.organizations WHERE organization_id = 12), '架空クラウド株式会社みずほ',
          'while the row the COPY loads is restored');
SELECT is(ismap_test.log_since(:mark), NULL::text, 'and nothing is logged: the restored row is history already');

-- Writes by a function the COPY ... FROM's target table triggers are not a
-- restore either: a superuser's trigger on organizations that files an
-- application.
CREATE FUNCTION ismap_test.file_on_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ismap_test.attempt('INSERT INTO ismap.auditor_applications (organization_id, applied_on, status, decided_on)
                              VALUES (1, ''2024-04-01'', ''approved'', ''2024-05-10'')');
  RETURN NEW;
END $$;
CREATE TRIGGER zz_file_on_copy BEFORE INSERT ON ismap.organizations
  FOR EACH ROW EXECUTE FUNCTION ismap_test.file_on_copy();
TRUNCATE attempts;
COPY ismap.organizations (organization_id, corporate_number, name, name_en) FROM STDIN;
13	5999940000013	架空クラウド株式会社みさき	Misaki Fictional Cloud K.K.
\.
DROP TRIGGER zz_file_on_copy ON ismap.organizations;
SELECT is((SELECT outcome FROM attempts), '55000 aud_application_flow',
          'a write by a trigger that a restored row fires goes through the rules');

-- ---------------------------------------------------------------------
-- 8. A decision that rewrote the past: an auditor in renewal grace reports
-- an audit; its renewal is then rejected with a decision date before the
-- report, and the registry would hold an audit by an auditor expired on its
-- report date.  The same for backdated suspensions and removals.

-- Auditor B (organization 5): its renewal filed on its last valid day, an
-- audit reported in renewal grace ten days later.
SELECT ismap_test.organization(5, '架空監査法人こがね', 'Kogane Fictional Audit Corporation') \g /dev/null
SELECT ismap_test.register(501, 5, '2022-06-01', '2022-06-10') AS b \gset
SELECT valid_until AS b_until FROM ismap.auditors WHERE auditor_id = :b \gset
SELECT ismap_test.file(502, 5, :'b_until', 'renewal') \g /dev/null
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = 502;
SELECT ismap_test.service(2, 11, '架空ストレージ') \g /dev/null
SELECT ismap_test.audit(21, 2, :b, '2023-04-01', '2024-03-31', (:'b_until'::date + 10)) \g /dev/null
SELECT is(ismap.auditor_status(:b, :'b_until'::date + 10), 'renewal_pending',
          '(auditor B reported the audit in renewal grace)');

SELECT ismap_test.refused(format($$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = %L
                                   WHERE application_id = 502$$, :'b_until'::date + 5),
                          '55000', 'svc_audit_by_registered_auditor',
                          'a renewal rejected with a date before an audit reported in its grace is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'remove', %L, '監査機関要求基準への重大な不適合（架空）')$$,
                                 :b, :'b_until'::date - 1),
                          '55000', 'ovs_suspension',
                          'a removal effective before a renewal filed since is refused');
SELECT ismap_test.refused(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                                   VALUES (%s, 'suspend', %L, '監査品質の疑義（架空）')$$,
                                 :a, '2024-05-01'),
                          '55000', 'svc_audit_by_registered_auditor',
                          'a suspension effective before an audit the auditor reported since is refused');
SAVEPOINT before_decisions;
SELECT lives_ok($$UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = ismap.today()
                   WHERE application_id = 502$$,
                'the same rejection dated today, after the audit, is accepted');
SELECT lives_ok(format($$INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
                         VALUES (%s, 'suspend', '2024-05-11', '監査品質の疑義（架空）')$$, :a),
                'and a suspension effective after the audit');
ROLLBACK TO SAVEPOINT before_decisions;

-- ---------------------------------------------------------------------
-- 11. A log that a superuser could empty or forge undetected: its head,
-- recorded outside the database, is checked with verify_history(seq, hash).

SELECT seq AS head_seq, hash AS head_hash FROM ismap.history_head() \gset
SELECT is(:'head_hash'::text, (SELECT encode(hash, 'hex') FROM ismap.history ORDER BY seq DESC LIMIT 1),
          'history_head() gives the last row''s hash in hex');
SELECT is(:head_seq::bigint, ismap_test.last_seq(), 'and its seq');
SELECT is_empty(format($$SELECT * FROM ismap.verify_history(%s, %L)$$, :head_seq, :'head_hash'),
                'verify_history(seq, hash) of the head just recorded: no break');
SELECT is_empty(format($$SELECT * FROM ismap.verify_history(%s, %L)$$, :head_seq, '\x' || :'head_hash'),
                '(the hash may be written with \x before it)');

-- Emptied with the triggers off: a chain of nothing verifies, but not
-- against its head.
SAVEPOINT before_tampering;
SET LOCAL session_replication_role = replica;
TRUNCATE ismap.history;
SET LOCAL session_replication_role = origin;
SELECT is_empty('SELECT * FROM ismap.verify_history()', '(an emptied log verifies as a chain)');
SELECT results_eq(format($$SELECT * FROM ismap.verify_history(%s, %L)$$, :head_seq, :'head_hash'),
                  format($$VALUES (1::bigint, 'the log ends at row 0, before the head recorded at row %s: rows were removed')$$,
                         :head_seq),
                  'but not against the head recorded before');
ROLLBACK TO SAVEPOINT before_tampering;

-- A row rewritten and every row after it chained again.
SELECT (ismap_test.row_hash(h, true) = h.hash)::text AS little_endian FROM ismap.history h WHERE seq = 1 \gset
SELECT set_config('ismap_test.forged', (:head_seq / 2)::text, true),
       set_config('ismap_test.little_endian', :'little_endian', true) \g /dev/null
SET LOCAL session_replication_role = replica;
DO $$
DECLARE
  h ismap.history;
  prev bytea;
  forged bigint := current_setting('ismap_test.forged')::bigint;
BEGIN
  FOR h IN SELECT * FROM ismap.history WHERE seq >= forged ORDER BY seq LOOP
    IF h.seq = forged THEN
      h.reason := '偽造（架空）';
    ELSE
      h.prev_hash := prev;
    END IF;
    h.hash := ismap_test.row_hash(h, current_setting('ismap_test.little_endian')::boolean);
    UPDATE ismap.history SET reason = h.reason, prev_hash = h.prev_hash, hash = h.hash WHERE seq = h.seq;
    prev := h.hash;
  END LOOP;
END $$;
SET LOCAL session_replication_role = origin;
SELECT is_empty('SELECT * FROM ismap.verify_history()', '(a log rewritten and chained again verifies as a chain)');
SELECT results_eq(format($$SELECT * FROM ismap.verify_history(%s, %L)$$, :head_seq, :'head_hash'),
                  format($$VALUES (%s::bigint, 'the row''s hash is not the one recorded as the head: the log was rewritten up to here')$$,
                         :head_seq),
                  'but not against the head recorded before');
ROLLBACK TO SAVEPOINT before_tampering;

SELECT ismap_test.refused(format($$SELECT * FROM ismap.verify_history(%s, 'abc')$$, :head_seq),
                          '22023', 'sec_history', 'a head whose hash is not 64 hex digits is refused');
SELECT ismap_test.refused($$SELECT * FROM ismap.verify_history(NULL, NULL)$$,
                          '22004', 'sec_history', 'so is a head of nulls');

-- And the README's grants let the committee correct grounds and record the head.
SET LOCAL ROLE ismap_committee;
SELECT is(ismap.correct('ismap.service_status_changes', :r1_change,
                        '{"grounds": "重大インシデントの報告遅延（架空、訂正）"}', '誤記（架空）'), 1,
          'the committee corrects the grounds of a status change with ismap.correct()');
SELECT is((SELECT seq FROM ismap.history_head()), ismap_test.last_seq(),
          'and records the head of the log');
SELECT lives_ok($$UPDATE ismap.settings SET value = '2 years' WHERE name = 'auditor_validity'$$,
                'and revises a setting through ismap.settings (issue 14, item 7)');
RESET ROLE;
SELECT is((SELECT table_name || ' ' || (after->>'name') FROM ismap.history ORDER BY seq DESC LIMIT 1),
          'setting_overrides auditor_validity', '(the revision is logged)');
CREATE ROLE regress_found_nobody;
GRANT USAGE ON SCHEMA ismap_test TO regress_found_nobody;
SET LOCAL ROLE regress_found_nobody;
SELECT ismap_test.refused($$UPDATE ismap.settings SET value = '5 years' WHERE name = 'auditor_validity'$$,
                          '42501', NULL, 'a role without UPDATE on ismap.settings cannot revise a setting');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
