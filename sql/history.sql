--
-- history: the decision log (sec_history).  Who changed what in the
-- registry, when and why, in one hash chain that nobody rewrites unnoticed;
-- and what a DBA reads from it.
--
-- What a DBA sees:
--   * Every INSERT, UPDATE and DELETE on a registry table appends one row to
--     ismap.history, in the same transaction: the table and the row's key,
--     the row before and after (jsonb, without the derived facts column),
--     the login user and the role acting, when (the transaction's start),
--     and why: the grounds of a status change, the reason given to
--     ismap.correct(), or else the session's ismap.reason.
--   * Mistakes in decided records are fixed by ismap.correct(), with a
--     reason; the log keeps the row before and after.
--   * The rows form one SHA-256 chain: each row's hash covers its fields and
--     the hash of the row before, and seq runs 1, 2, 3, ... without gaps.
--     ismap.verify_history() returns no row while the chain is whole, else
--     its first broken link.
--   * Nobody updates, deletes or truncates the log, superusers included
--     (42501 sec_history).  A superuser who switches triggers off
--     (session_replication_role = replica) can still alter it, and
--     verify_history() then names the row.
--   * Read from the log and the registry: what changed on the public list
--     between two days and why, the list as the registry knew it at a
--     moment, registrations about to expire without a renewal, and overdue
--     items.
--
-- The files before this one left their own rows in the same database: this
-- file looks only at the log rows it writes (seq after the one saved at the
-- start) and at its own fictional organizations, found by their 法人番号.
-- Hashes and timestamps differ from run to run, so only comparisons of them
-- are shown.  ismap.today() is pinned at each step.
--

SET DateStyle = 'ISO, YMD';

-- Where the log stood when this file started.
SELECT coalesce(max(seq), 0) AS start_seq FROM ismap.history \gset

-- What a log row says changed: the columns of the row after that differ
-- from the row before (every column, for an INSERT).  Values that depend on
-- the files run before are masked: key columns (*_id) are shown by name
-- only, and an auditor's registration number without its serial.
CREATE FUNCTION pg_temp.changed(before jsonb, after jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(CASE WHEN k LIKE '%\_id' THEN k
                         WHEN before IS NULL THEN format('%s=%s', k, v)
                         ELSE format('%s: %s -> %s', k, coalesce(before->>k, 'null'), v) END,
                    ', ' ORDER BY k)
    FROM jsonb_object_keys(after) k,
         coalesce(regexp_replace(after->>k, '^(A[0-9]{2}-)[0-9]{4}$', '\1####'), 'null') v
   WHERE before IS NULL OR before->k IS DISTINCT FROM after->k
$$;

-- A registrar: a role of the operator (運用支援機関), which records organizations.
CREATE ROLE regress_ismap_registrar IN ROLE ismap_operator;

--
-- 1. An audit firm is registered
--

-- 架空監査法人ひなた applies on 2024-01-10, together with the cloud provider
-- 架空クラウド株式会社かすみ (both fictional).  The two organizations are
-- written in one transaction; inside it, the log already shows them: one
-- row each, keyed by organization_id, no row before, written by the login
-- user acting as itself, at the transaction's start, with no reason given.
SET ismap.today = '2024-01-10';
BEGIN;
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('2999906000001', '架空監査法人ひなた', 'Hinata Fictional Audit Corporation'),
       ('1999906000002', '架空クラウド株式会社かすみ', 'Kasumi Fictional Cloud Inc.');
SELECT h.seq - :start_seq AS n, h.table_name, h.operation,
       h.row_key = h.after->>'organization_id' AS keyed_by_id,
       h.before IS NULL AS no_before,
       h.after->>'corporate_number' AS corporate_number, h.after->>'name' AS name,
       h.session_user_name = session_user AS by_session_user,
       h.acting_user_name = current_user AS acting_as_itself,
       h.recorded_at = now() AS at_transaction_start,
       h.reason
  FROM ismap.history h
 WHERE h.seq > :start_seq
 ORDER BY h.seq;
COMMIT;

SELECT organization_id AS hinata FROM ismap.organizations
 WHERE corporate_number = '2999906000001' \gset
SELECT organization_id AS kasumi FROM ismap.organizations
 WHERE corporate_number = '1999906000002' \gset

INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:hinata, 'new', '2024-01-10');

-- Accepted, then approved on 2024-02-15.  The approval is one UPDATE; the
-- extension writes the auditor, its first term and its first compliance
-- report, and the log keeps every one of these rows.
SET ismap.today = '2024-02-15';
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE organization_id = :hinata;
SELECT max(seq) AS mark FROM ismap.history \gset
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-02-15'
 WHERE organization_id = :hinata;
SELECT auditor_id AS hinata_auditor, registration_number AS hinata_number
  FROM ismap.auditors WHERE organization_id = :hinata \gset

SELECT h.seq - :start_seq AS n, h.table_name, h.operation,
       pg_temp.changed(h.before, h.after) AS changed, h.reason
  FROM ismap.history h
 WHERE h.seq > :mark
 ORDER BY h.seq;

-- The auditor's copy of its facts (column facts) was refreshed too; that
-- derived column is neither logged nor part of a row image.
SELECT count(*) FILTER (WHERE h.after ? 'facts' OR h.before ? 'facts') AS images_with_facts
  FROM ismap.history h
 WHERE h.seq > :start_seq;

--
-- 2. Two cloud services are registered
--

-- かすみストレージ and かすみ会計, audited by ひなた over calendar 2023
-- (reported 2024-02-20), apply on 2024-03-01 and are approved on 2024-04-12
-- under the numbers of the published list, C24-9061-1 and C24-9062-1.
INSERT INTO ismap.cloud_services (provider_id, name, name_en, statement_scope, service_model)
VALUES (:kasumi, 'かすみストレージ', 'Kasumi Storage',
        'かすみストレージ（IaaS）の提供に係る業務', 'IaaS'),
       (:kasumi, 'かすみ会計', 'Kasumi Accounting',
        'かすみ会計（SaaS）の提供に係る業務', 'SaaS');
SELECT service_id AS storage FROM ismap.cloud_services
 WHERE provider_id = :kasumi AND name = 'かすみストレージ' \gset
SELECT service_id AS accounting FROM ismap.cloud_services
 WHERE provider_id = :kasumi AND name = 'かすみ会計' \gset
SET ismap.today = '2024-02-20';
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:storage, :hinata_auditor, 'operating', '2023-01-01', '2023-12-31', '2024-02-20'),
       (:accounting, :hinata_auditor, 'operating', '2023-01-01', '2023-12-31', '2024-02-20');
SET ismap.today = '2024-03-01';
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
SELECT service_id, 'new', '2024-03-01', audit_id
  FROM ismap.audits WHERE service_id IN (:storage, :accounting);
UPDATE ismap.service_applications SET status = 'accepted'
 WHERE service_id IN (:storage, :accounting);
SET ismap.today = '2024-04-12';
SELECT max(seq) AS mark FROM ismap.history \gset
UPDATE ismap.service_applications
   SET status = 'approved', decided_on = '2024-04-12', registration_number = 'C24-9061-1'
 WHERE service_id = :storage;
UPDATE ismap.service_applications
   SET status = 'approved', decided_on = '2024-04-12', registration_number = 'C24-9062-1'
 WHERE service_id = :accounting;
SELECT registration_id AS storage_reg FROM ismap.service_registrations
 WHERE registration_number = 'C24-9061-1' \gset
SELECT registration_id AS accounting_reg FROM ismap.service_registrations
 WHERE registration_number = 'C24-9062-1' \gset

-- Each approval: the application decided, the registration and its first
-- term created.
SELECT h.seq - :start_seq AS n, h.table_name, h.operation,
       pg_temp.changed(h.before, h.after) AS changed
  FROM ismap.history h
 WHERE h.seq > :mark
 ORDER BY h.seq;

SELECT registration_number, service_name, provider_name, registered_on, valid_until, status
  FROM ismap.cloud_service_list_at('2024-04-12')
 WHERE provider_corporate_number = '1999906000002'
 ORDER BY registration_number;

--
-- 3. A correction, with its reason
--

-- On 2024-05-20 the secretariat finds that かすみ会計 was approved on
-- 2024-04-11 (the minutes say so); 2024-04-12 was mistyped.  A decided
-- application is never updated directly (55000; the error's detail, which
-- names the application by its id, is not shown here):
SET ismap.today = '2024-05-20';
SELECT application_id AS accounting_app FROM ismap.service_applications
 WHERE registration_number = 'C24-9062-1' \gset
SELECT max(seq) AS mark FROM ismap.history \gset
\set VERBOSITY terse
UPDATE ismap.service_applications SET decided_on = '2024-04-11'
 WHERE application_id = :accounting_app;
\set VERBOSITY default
-- ismap.correct() needs a reason, and corrects only what was mistyped, not
-- what was decided (the status, here):
SELECT ismap.correct('ismap.service_applications', :accounting_app,
                     '{"decided_on": "2024-04-11"}', ' ');
SELECT ismap.correct('ismap.service_applications', :accounting_app,
                     '{"status": "rejected"}', '誤り（架空）');
-- None of these wrote anything.
SELECT count(*) AS new_log_rows FROM ismap.history WHERE seq > :mark;

-- What the registry knew just before the correction.
SELECT now() AS before_correction \gset
SELECT max(seq) AS mark FROM ismap.history \gset

SELECT ismap.correct('ismap.service_applications', :accounting_app,
                     '{"decided_on": "2024-04-11"}',
                     '決定日の入力誤り（議事録 2024-04-11）（架空） / decision date mistyped; minutes of 2024-04-11');

-- The log keeps the row before and after, with the reason: the decision
-- date, and with it the day the term came into force and the registration
-- date.
SELECT h.seq - :start_seq AS n, h.table_name, h.operation,
       pg_temp.changed(h.before, h.after) AS changed, h.reason
  FROM ismap.history h
 WHERE h.seq > :mark
 ORDER BY h.seq;

-- The list for 2024-04-11 now shows かすみ会計; as the registry knew it
-- before the correction, it did not.
SELECT registration_number, service_name, registered_on, status
  FROM ismap.cloud_service_list_at('2024-04-11')
 WHERE provider_corporate_number = '1999906000002';
SELECT registration_number, service_name, registered_on, status
  FROM ismap.cloud_service_list_at('2024-04-11', :'before_correction')
 WHERE provider_corporate_number = '1999906000002';
SELECT registration_number, service_name, registered_on, status
  FROM ismap.cloud_service_list_at('2024-04-12', :'before_correction')
 WHERE provider_corporate_number = '1999906000002'
 ORDER BY registration_number;

--
-- 4. A suspension, with its grounds
--

-- The committee suspends かすみストレージ from 2024-07-01.  The log row's
-- reason is the change's grounds.
SET ismap.today = '2024-07-01';
SELECT max(seq) AS mark FROM ismap.history \gset
INSERT INTO ismap.service_status_changes (registration_id, action, effective_on, grounds)
VALUES (:storage_reg, 'suspend', '2024-07-01', '重大インシデントの報告遅延（架空）');
SELECT h.seq - :start_seq AS n, h.table_name, h.operation,
       pg_temp.changed(h.before, h.after) AS changed, h.reason
  FROM ismap.history h
 WHERE h.seq > :mark
 ORDER BY h.seq;
SELECT max(seq) AS suspension_seq FROM ismap.history \gset

--
-- 5. A rename, by the registrar, with ismap.reason
--

-- On 2024-10-01 かすみ changes its trade name.  The registrar records it; a
-- change that has no grounds of its own takes its reason from the setting
-- ismap.reason, here SET LOCAL for this transaction only.  The log names
-- the login user (the session user) and the role that acted.
SET ismap.today = '2024-10-01';
SELECT max(seq) AS mark FROM ismap.history \gset
SELECT now() AS before_rename \gset
BEGIN;
SET LOCAL ROLE regress_ismap_registrar;
SET LOCAL ismap.reason = '商号変更（2024-10-01 登記）（架空） / trade name changed';
UPDATE ismap.organizations
   SET name = '架空クラウド株式会社かすみテクノロジーズ',
       name_en = 'Kasumi Fictional Technologies Inc.'
 WHERE corporate_number = '1999906000002';
RESET ROLE;
SELECT h.seq - :start_seq AS n, h.table_name, h.operation,
       pg_temp.changed(h.before, h.after) AS changed, h.reason,
       h.session_user_name = session_user AS by_session_user,
       h.acting_user_name, h.recorded_at = now() AS at_transaction_start
  FROM ismap.history h
 WHERE h.seq > :mark
 ORDER BY h.seq;
COMMIT;

-- The reason ended with the transaction.
SHOW ismap.reason;

-- The list shows the new name; as the registry knew it before the
-- rename, the old one.
SELECT registration_number, service_name, provider_name, status
  FROM ismap.cloud_service_list
 WHERE provider_corporate_number = '1999906000002'
 ORDER BY registration_number;
SELECT registration_number, service_name, provider_name, status
  FROM ismap.cloud_service_list_at(ismap.today(), :'before_rename')
 WHERE provider_corporate_number = '1999906000002'
 ORDER BY registration_number;

--
-- 6. Renewal, expiry and a late compliance report
--

-- ひなた's first compliance report falls due on 2025-01-10.  かすみ会計's
-- audit of calendar 2024 is reported on 2025-03-10 and its renewal filed on
-- 2025-03-15; かすみストレージ, suspended, files none.
SET ismap.today = '2025-03-10';
INSERT INTO ismap.audits (service_id, auditor_id, assessment, period_start, period_end, reported_on)
VALUES (:accounting, :hinata_auditor, 'operating', '2024-01-01', '2024-12-31', '2025-03-10');
SET ismap.today = '2025-03-15';
INSERT INTO ismap.service_applications (service_id, kind, applied_on, audit_id)
SELECT service_id, 'renewal', '2025-03-15', audit_id
  FROM ismap.audits WHERE service_id = :accounting AND period_start = '2024-01-01';
UPDATE ismap.service_applications SET status = 'accepted'
 WHERE service_id = :accounting AND kind = 'renewal';
SET ismap.today = '2025-03-20';
UPDATE ismap.auditor_compliance_reports SET filed_on = '2025-03-20'
 WHERE auditor_id = :hinata_auditor;

-- Registrations whose validity ends within three months and that have no
-- renewal filed.  On 2025-03-01 both services ending 2025-04-30; on
-- 2025-03-20, only the one that filed no renewal.  Within a year, ひなた
-- (valid until 2026-01-10) too.
SELECT v.as_of, v.within, e.list, e.registration_number = :'hinata_number' AS is_hinata,
       CASE e.list WHEN 'cloud_service' THEN e.registration_number END AS registration_number,
       e.name, e.valid_until, e.days_left, e.status
  FROM (VALUES (date '2025-03-01', '3 months'), ('2025-03-20', '3 months'),
               ('2025-03-20', '1 year')) v(as_of, within)
 CROSS JOIN LATERAL ismap.upcoming_expiries(v.within::interval, v.as_of) e
 WHERE (e.list = 'cloud_service' AND e.registration_id IN (:storage_reg, :accounting_reg))
    OR (e.list = 'auditor' AND e.registration_id = :hinata_auditor)
 ORDER BY v.as_of, v.within::interval, e.valid_until, e.list, e.registration_number;

-- Overdue items: the report due 2025-01-10 was overdue until it was filed
-- on 2025-03-20.
SELECT d AS as_of, o.item, o.registration_number = :'hinata_number' AS is_hinata,
       o.name, o.due_on, o.days_overdue
  FROM (VALUES (date '2025-01-10'), ('2025-01-11'), ('2025-03-19'), ('2025-03-20')) v(d)
 CROSS JOIN LATERAL ismap.overdue_items(d) o
 WHERE o.registration_number = :'hinata_number'
 ORDER BY d;

-- The renewal is approved on 2025-05-20.
SET ismap.today = '2025-05-20';
UPDATE ismap.service_applications SET status = 'approved', decided_on = '2025-05-20'
 WHERE service_id = :accounting AND kind = 'renewal';

--
-- 7. What changed on the public list between two days, and why
--

-- ひなた joins the auditor list on 2024-02-15.
SELECT registration_number = :'hinata_number' AS is_hinata, name, change,
       old_status, new_status, old_valid_until, new_valid_until, reason
  FROM ismap.auditor_list_changes('2024-02-14', '2024-02-15')
 WHERE registration_number = :'hinata_number';

-- The cloud service list, between pairs of days.
SELECT v.from_day, v.to_day, c.registration_number, c.service_name, c.change,
       c.old_status, c.new_status, c.old_valid_until, c.new_valid_until, c.reason
  FROM (VALUES (date '2024-04-01', date '2024-04-30'),
               ('2024-06-30', '2024-07-01'),
               ('2025-04-30', '2025-05-01'),
               ('2025-05-01', '2025-05-20')) v(from_day, to_day)
 CROSS JOIN LATERAL ismap.cloud_service_list_changes(v.from_day, v.to_day) c
 WHERE c.registration_number IN ('C24-9061-1', 'C24-9062-1')
 ORDER BY v.from_day, c.registration_number;

-- Nothing changed between two days on which the list was the same.
SELECT count(*) AS changes
  FROM ismap.cloud_service_list_changes('2024-07-01', '2024-12-31')
 WHERE registration_number IN ('C24-9061-1', 'C24-9062-1');

--
-- 8. The whole story in the log
--

-- Every row this file wrote, per table and operation.
SELECT h.table_name, h.operation, count(*) AS log_rows,
       count(h.reason) AS with_reason
  FROM ismap.history h
 WHERE h.seq > :start_seq
 GROUP BY h.table_name, h.operation
 ORDER BY h.table_name, h.operation;

-- The rows with a reason.
SELECT h.seq - :start_seq AS n, h.table_name, h.operation, h.reason
  FROM ismap.history h
 WHERE h.seq > :start_seq AND h.reason IS NOT NULL
 ORDER BY h.seq;

-- The history of one row: かすみ's organization, by its key.
SELECT h.seq - :start_seq AS n, h.operation, pg_temp.changed(h.before, h.after) AS changed,
       h.acting_user_name = session_user_name AS acting_as_itself, h.reason
  FROM ismap.history h
 WHERE h.table_name = 'organizations' AND h.row_key = :'kasumi'
 ORDER BY h.seq;

--
-- 9. The chain
--

-- Every hash is 32 bytes (SHA-256), all differ, each row's prev_hash is the
-- hash of the row before it, and seq has no gap.
SELECT count(*) AS rows_written,
       bool_and(length(h.hash) = 32 AND length(h.prev_hash) = 32) AS sha256,
       count(DISTINCT h.hash) = count(*) AS hashes_differ,
       bool_and(h.prev_hash = p.hash) AS chained,
       max(h.seq) - min(h.seq) + 1 = count(*) AS no_gap,
       bool_and(h.recorded_at >= p.recorded_at) AS in_time_order
  FROM ismap.history h
  JOIN ismap.history p ON p.seq = h.seq - 1
 WHERE h.seq > :start_seq;

-- The first row of the log follows 32 zero bytes.
SELECT prev_hash = '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
       AS first_prev_hash_zero
  FROM ismap.history WHERE seq = 1;

-- The chain verifies: no row.
SELECT * FROM ismap.verify_history();

--
-- 10. The log refuses to be rewritten
--

-- Refused, to the superuser too (42501 sec_history): UPDATE, DELETE,
-- TRUNCATE and a direct INSERT.
UPDATE ismap.history SET reason = '改ざん' WHERE seq = :suspension_seq;
DELETE FROM ismap.history WHERE seq = :suspension_seq;
TRUNCATE ismap.history;
INSERT INTO ismap.history
SELECT seq + 1000000, table_name, row_key, operation, before, after, session_user_name,
       acting_user_name, recorded_at, reason, prev_hash, hash
  FROM ismap.history WHERE seq = :suspension_seq;
-- The registrar, the operator's, reads it (the operator reads everything)
-- and cannot delete it either.
SET ROLE regress_ismap_registrar;
SELECT count(*) > 0 AS reads_the_log FROM ismap.history;
DELETE FROM ismap.history;
RESET ROLE;

-- Nothing changed.
SELECT count(*) AS rows_written FROM ismap.history WHERE seq > :start_seq;
SELECT * FROM ismap.verify_history();

--
-- 11. A superuser with the triggers off, and verify_history()
--

-- With session_replication_role = replica no trigger fires, so a superuser
-- can rewrite the suspension's grounds in the log ...
SELECT reason AS suspension_reason FROM ismap.history WHERE seq = :suspension_seq \gset
SET session_replication_role = replica;
UPDATE ismap.history SET reason = '定期点検（架空）' WHERE seq = :suspension_seq;
RESET session_replication_role;
-- ... but verify_history() names the altered row.
SELECT seq = :suspension_seq AS is_the_altered_row, problem FROM ismap.verify_history();

-- Putting the row back exactly as it was mends the chain.
SET session_replication_role = replica;
UPDATE ismap.history SET reason = :'suspension_reason' WHERE seq = :suspension_seq;
RESET session_replication_role;
SELECT * FROM ismap.verify_history();

-- A row's prev_hash rewritten: the link to the row before is broken.
SET session_replication_role = replica;
UPDATE ismap.history SET prev_hash = hash WHERE seq = :suspension_seq;
RESET session_replication_role;
SELECT seq = :suspension_seq AS is_the_altered_row, problem FROM ismap.verify_history();
SET session_replication_role = replica;
UPDATE ismap.history h SET prev_hash = p.hash
  FROM ismap.history p
 WHERE h.seq = :suspension_seq AND p.seq = :suspension_seq - 1;
RESET session_replication_role;
SELECT * FROM ismap.verify_history();

-- A row deleted from the middle: the gap is named.
CREATE TEMP TABLE kept_row AS SELECT * FROM ismap.history WHERE seq = :suspension_seq;
SET session_replication_role = replica;
DELETE FROM ismap.history WHERE seq = :suspension_seq;
RESET session_replication_role;
SELECT seq = :suspension_seq AS is_the_deleted_row, problem = format('row %s is missing', :suspension_seq) AS says_missing
  FROM ismap.verify_history();
SET session_replication_role = replica;
INSERT INTO ismap.history SELECT * FROM kept_row;
RESET session_replication_role;
SELECT * FROM ismap.verify_history();

-- The limit of a chain: deleting its last rows leaves a shorter chain that
-- is whole, so verify_history() cannot see it.  Keep the last seq and hash
-- somewhere else (a report, a ticket) and compare.
SELECT seq AS last_seq, hash AS last_hash FROM ismap.history ORDER BY seq DESC LIMIT 1 \gset
TRUNCATE kept_row;
INSERT INTO kept_row SELECT * FROM ismap.history WHERE seq = :last_seq;
SET session_replication_role = replica;
DELETE FROM ismap.history WHERE seq = :last_seq;
RESET session_replication_role;
SELECT * FROM ismap.verify_history();
SELECT max(seq) = :last_seq AS last_seq_still_there FROM ismap.history;
SET session_replication_role = replica;
INSERT INTO ismap.history SELECT * FROM kept_row;
RESET session_replication_role;
SELECT max(seq) = :last_seq AS last_seq_still_there,
       (SELECT hash FROM ismap.history WHERE seq = :last_seq) = :'last_hash'::bytea AS same_last_hash
  FROM ismap.history;

-- The chain is whole again, and the next change chains on.
SELECT * FROM ismap.verify_history();
SELECT ismap.correct('ismap.cloud_services', :storage, '{"name_en": "Kasumi Storage Service"}',
                     '英語名の誤記（申請書のとおり）（架空） / English name as in the application');
SELECT h.seq = :last_seq + 1 AS next_seq, h.prev_hash = :'last_hash'::bytea AS chained_on_last,
       h.table_name, h.operation, pg_temp.changed(h.before, h.after) AS changed, h.reason
  FROM ismap.history h
 WHERE h.seq > :last_seq;
SELECT * FROM ismap.verify_history();
SELECT count(*) AS rows_written FROM ismap.history WHERE seq > :start_seq;

--
-- Clean up: the role goes; the registry keeps this file's rows.
--
DROP TABLE kept_row;
REVOKE ALL ON ismap.organizations FROM regress_ismap_registrar;
DROP ROLE regress_ismap_registrar;
RESET ismap.today;
