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
--
\echo Use "ALTER EXTENSION ismap UPDATE" to load this file. \quit

-- The head of the log and verify_history(seq, hash) (src/sql/80_history.sql).
-- The head of the log, to be kept outside the database (README,
-- "Operations"): a log emptied or rewritten and chained anew verifies as a
-- chain, but no longer reaches a head recorded before.
CREATE FUNCTION ismap.history_head(OUT seq bigint, OUT hash text)
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_history_head';
COMMENT ON FUNCTION ismap.history_head() IS
  '決定の記録の末尾（連番と SHA-256 の16進）。データベースの外に控え、後で verify_history(seq, hash) で照合する / the last row of the log (seq, SHA-256 in hex), to be recorded outside the database and checked later with verify_history(seq, hash)';

CREATE FUNCTION ismap.history_first_break(expected_seq bigint, expected_hash text,
                                          OUT seq bigint, OUT problem text)
  LANGUAGE c STABLE PARALLEL RESTRICTED
  AS 'MODULE_PATHNAME', 'ismap_verify_history';
COMMENT ON FUNCTION ismap.history_first_break(bigint, text) IS
  '決定の記録の連鎖の最初の切れ目（控えた末尾に届かない場合を含む。なければ NULL） / first broken link of the chain, or of its reach to a recorded head; or nulls';

CREATE FUNCTION ismap.verify_history(expected_seq bigint, expected_hash text)
  RETURNS TABLE (seq bigint, problem text)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT b.seq, b.problem FROM ismap.history_first_break(expected_seq, expected_hash) b
        WHERE b.seq IS NOT NULL $$;
COMMENT ON FUNCTION ismap.verify_history(bigint, text) IS
  'ハッシュ連鎖を検証し、控えた末尾（history_head() の値）に今も届くかを確かめる。最初の切れ目を返す（なければ0行） / verifies the chain and that it still reaches a head recorded with history_head(); returns the first break, or no row';
REVOKE EXECUTE ON FUNCTION ismap.history_head(), ismap.history_first_break(bigint, text),
  ismap.verify_history(bigint, text) FROM PUBLIC;

-- The public change feed says what changed, not why: the grounds of
-- suspensions and removals are no longer in its reasons (src/sql/85_history_reads.sql).
CREATE OR REPLACE FUNCTION ismap.entry_change_reason(list text, id bigint, from_day date, to_day date,
                                          old_status ismap.listing_status,
                                          new_status ismap.listing_status,
                                          old_valid_until date, new_valid_until date,
                                          registered_on date)
  RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH changes AS (
           SELECT action, effective_on FROM ismap.service_status_changes
            WHERE list OPERATOR(pg_catalog.=) 'cloud_service' AND registration_id OPERATOR(pg_catalog.=) id
           UNION ALL
           SELECT action, effective_on FROM ismap.auditor_status_changes
            WHERE list OPERATOR(pg_catalog.=) 'auditor' AND auditor_id OPERATOR(pg_catalog.=) id),
         renewals AS (
           SELECT applied_on, status, decided_on FROM ismap.service_applications
            WHERE list OPERATOR(pg_catalog.=) 'cloud_service' AND registration_id OPERATOR(pg_catalog.=) id
              AND kind OPERATOR(pg_catalog.=) 'renewal'
           UNION ALL
           SELECT applied_on, status, decided_on FROM ismap.auditor_applications
            WHERE list OPERATOR(pg_catalog.=) 'auditor' AND auditor_id OPERATOR(pg_catalog.=) id
              AND kind OPERATOR(pg_catalog.=) 'renewal'),
         last_change AS (
           SELECT * FROM changes WHERE effective_on OPERATOR(pg_catalog.>) from_day
              AND effective_on OPERATOR(pg_catalog.<=) to_day
            ORDER BY effective_on DESC LIMIT 1),
         last_decision AS (
           SELECT * FROM renewals WHERE decided_on OPERATOR(pg_catalog.>) from_day
              AND decided_on OPERATOR(pg_catalog.<=) to_day
            ORDER BY decided_on DESC LIMIT 1)
    SELECT CASE
      WHEN old_status IS NULL THEN format('registered on %s', registered_on)
      WHEN new_status OPERATOR(pg_catalog.=) 'removed' THEN
        (SELECT format('removed from %s', effective_on) FROM changes
          WHERE action OPERATOR(pg_catalog.=) 'remove' ORDER BY effective_on LIMIT 1)
      WHEN new_status OPERATOR(pg_catalog.=) 'suspended' AND old_status OPERATOR(pg_catalog.<>) 'suspended' THEN
        (SELECT format('suspended from %s', effective_on) FROM last_change)
      WHEN old_status OPERATOR(pg_catalog.=) 'suspended' AND new_status OPERATOR(pg_catalog.<>) 'expired'
           AND new_status OPERATOR(pg_catalog.<>) 'suspended' THEN
        (SELECT format('suspension lifted from %s', effective_on) FROM last_change)
      WHEN new_status OPERATOR(pg_catalog.=) 'expired' THEN
        COALESCE((SELECT format('renewal %s on %s', status, decided_on) FROM last_decision
                   WHERE status OPERATOR(pg_catalog.<>) 'approved'),
                 format('validity ended on %s', old_valid_until))
      WHEN new_status OPERATOR(pg_catalog.=) 'renewal_pending' THEN
        (SELECT format('validity ended on %s; renewal filed on %s is undecided', old_valid_until, applied_on)
           FROM renewals WHERE (decided_on IS NULL OR decided_on OPERATOR(pg_catalog.>) to_day)
            AND applied_on OPERATOR(pg_catalog.<=) old_valid_until
          ORDER BY applied_on DESC LIMIT 1)
      WHEN new_valid_until OPERATOR(pg_catalog.<>) old_valid_until THEN
        (SELECT format('renewal approved on %s: valid until %s', decided_on, new_valid_until)
           FROM last_decision WHERE status OPERATOR(pg_catalog.=) 'approved')
    END
  $$;
