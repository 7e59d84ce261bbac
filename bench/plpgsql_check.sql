-- bench/plpgsql_check.sql: after bench/workload.sql and
-- the same load into schema plpg (bench/bench.sh) in one database, shows that both loads did the
-- same work: the same number of rows in every table (the log included), the
-- same log (each row's table, key, operation, images and reason, in the
-- same order), the same facts copies, and a plpg chain that verifies with
-- ismap's hash (the same function reproduces ismap's stored hashes).
-- Raises if anything differs.
\set ON_ERROR_STOP 1
CREATE TEMP TABLE plpg_check AS
SELECT t AS table_name,
       (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM ismap.%I', t), false, true, '')))[1]::text::bigint AS ismap_rows,
       (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM plpg.%I', t), false, true, '')))[1]::text::bigint AS plpg_rows
  FROM unnest(ARRAY['organizations', 'auditors', 'auditor_applications', 'auditor_terms',
                    'auditor_status_changes', 'auditor_compliance_reports', 'cloud_services',
                    'audits', 'service_registrations', 'service_applications',
                    'service_registration_terms', 'service_status_changes', 'history']) t;
SELECT * FROM plpg_check;

DO $$
DECLARE
  bad text;
  n bigint;
BEGIN
  SELECT string_agg(format('%s: ismap %s, plpg %s', table_name, ismap_rows, plpg_rows), '; ')
    INTO bad FROM plpg_check WHERE ismap_rows IS DISTINCT FROM plpg_rows;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'row counts differ: %', bad;
  END IF;

  -- the same log, row for row (times, users and hashes aside)
  SELECT count(*) INTO n
    FROM ismap.history i FULL JOIN plpg.history p USING (seq)
   WHERE (i.table_name, i.row_key, i.operation, i.before, i.after, i.reason)
         IS DISTINCT FROM (p.table_name, p.row_key, p.operation, p.before, p.after, p.reason);
  IF n > 0 THEN
    RAISE EXCEPTION '% log rows differ between ismap.history and plpg.history', n;
  END IF;

  -- the same facts copies on the registrations
  SELECT count(*) INTO n
    FROM ismap.service_registrations i FULL JOIN plpg.service_registrations p USING (registration_id)
   WHERE i.facts::text IS DISTINCT FROM p.facts::text;
  IF n > 0 THEN
    RAISE EXCEPTION '% service registrations differ in their facts copy', n;
  END IF;

  -- plpg's hash is ismap's: it reproduces ismap's stored chain ...
  SELECT count(*) INTO n FROM ismap.history h
   WHERE h.hash <> plpg.history_hash(h.seq, h.table_name, h.row_key, h.operation, h.before::text,
                                     h.after::text, h.session_user_name, h.acting_user_name,
                                     h.recorded_at, h.reason, h.prev_hash);
  IF n > 0 THEN
    RAISE EXCEPTION 'plpg.history_hash disagrees with % hashes of ismap.history', n;
  END IF;
  -- ... and plpg's chain is whole
  SELECT count(*) INTO n
    FROM (SELECT h.*, row_number() OVER (ORDER BY seq) AS expected_seq,
                 coalesce(lag(h.hash) OVER (ORDER BY seq), '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) AS expected_prev
            FROM plpg.history h) h
   WHERE h.seq <> h.expected_seq OR h.prev_hash <> h.expected_prev
      OR h.hash <> plpg.history_hash(h.seq, h.table_name, h.row_key, h.operation, h.before::text,
                                     h.after::text, h.session_user_name, h.acting_user_name,
                                     h.recorded_at, h.reason, h.prev_hash);
  IF n > 0 THEN
    RAISE EXCEPTION 'plpg.history: % rows break the chain', n;
  END IF;
  RAISE NOTICE 'ismap and plpg did the same work: same rows, same log, same facts; both chains verify';
END $$;
