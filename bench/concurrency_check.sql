-- bench/concurrency_check.sql: after the pgbench mix of bench/concurrency.sh,
-- checks that no rule is broken in the data.  Prints one line per check,
-- "ok - ..." or "not ok - ..." (with "#" lines of examples after a failure),
-- then the refusals counted by rule id, for information.  The day checked is
-- the pinned day of the run, 2025-06-01.
\set ON_ERROR_STOP 1
\pset format unaligned
\pset tuples_only on
\pset footer off
SET ismap.today = '2025-06-01';

CREATE FUNCTION pg_temp.result(bad bigint, description text, examples text) RETURNS text
LANGUAGE sql AS $$
  SELECT CASE WHEN coalesce(bad, 0) = 0 THEN 'ok - ' || description
              ELSE 'not ok - ' || description || E'\n#   ' || bad || ' found, e.g. '
                   || coalesce(examples, '') END
$$;

-- 1. The decision log's hash chain is whole.
SELECT pg_temp.result(count(*), 'ismap.verify_history() finds the chain whole',
                      string_agg(format('seq %s: %s', seq, problem), '; '))
  FROM ismap.verify_history();

-- 2. seq is 1, 2, 3, ... without gaps.
SELECT pg_temp.result(coalesce(max(seq), 0) - count(*) + (min(seq) IS DISTINCT FROM 1)::int,
                      format('ismap.history seq runs 1..%s without gaps', max(seq)),
                      format('min %s, max %s, %s rows', min(seq), max(seq), count(*)))
  FROM ismap.history;

-- 3. At most one registration of a service in force on the day.
WITH in_force AS (
  SELECT service_id, string_agg(registration_number, ',') AS numbers
    FROM ismap.service_registrations r
   WHERE ismap.service_status(r.registration_id, '2025-06-01')
         IN ('valid', 'renewal_pending', 'suspended')
   GROUP BY service_id HAVING count(*) > 1)
SELECT pg_temp.result((SELECT count(*) FROM in_force),
         'every service has at most one registration in force on 2025-06-01',
         (SELECT string_agg(format('service %s: %s', service_id, numbers), '; ')
            FROM (SELECT * FROM in_force ORDER BY service_id LIMIT 5) x));

-- 4. The public list of the day agrees with service_status() of every
-- registration: listed iff valid/renewal_pending/suspended, with that
-- status, and with the valid_until of the term in force that day.
WITH status AS (
  SELECT r.registration_id, r.registration_number,
         ismap.service_status(r.registration_id, '2025-06-01') AS status,
         (SELECT t.valid_until FROM ismap.service_registration_terms t
           WHERE t.registration_id = r.registration_id AND t.in_force_from <= '2025-06-01'
           ORDER BY t.in_force_from DESC, t.term_no DESC LIMIT 1) AS valid_until
    FROM ismap.service_registrations r
    JOIN ismap.cloud_services s USING (service_id)
   WHERE s.program = 'ismap'),
listed AS (SELECT * FROM ismap.cloud_service_list_at('2025-06-01')),
bad AS (
  SELECT coalesce(s.registration_number, l.registration_number) AS number,
         s.status AS computed, l.status AS listed, s.valid_until AS term_until,
         l.valid_until AS listed_until
    FROM status s FULL JOIN listed l USING (registration_id)
   WHERE (s.status IN ('valid', 'renewal_pending', 'suspended')) IS DISTINCT FROM (l.registration_id IS NOT NULL)
      OR (l.registration_id IS NOT NULL
          AND (l.status IS DISTINCT FROM s.status OR l.valid_until IS DISTINCT FROM s.valid_until)))
SELECT pg_temp.result((SELECT count(*) FROM bad),
         format('cloud_service_list_at(2025-06-01) (%s rows) agrees with service_status() of all %s registrations',
                (SELECT count(*) FROM listed), (SELECT count(*) FROM status)),
         (SELECT string_agg(format('%s: status %s, listed %s, term until %s, listed until %s',
                                   number, computed, listed, term_until, listed_until), '; ')
            FROM (SELECT * FROM bad ORDER BY number LIMIT 5) b));

-- 5. The list rebuilt from the decision log agrees with the list.
WITH now_list AS (SELECT * FROM ismap.cloud_service_list_at('2025-06-01')),
log_list AS (SELECT * FROM ismap.cloud_service_list_at('2025-06-01', clock_timestamp())),
diff AS ((SELECT 'only in the list' AS side, * FROM (TABLE now_list EXCEPT TABLE log_list) a)
         UNION ALL
         (SELECT 'only in the log''s list', * FROM (TABLE log_list EXCEPT TABLE now_list) b))
SELECT pg_temp.result((SELECT count(*) FROM diff),
         'cloud_service_list_at(2025-06-01, as known now) from the log equals the list',
         (SELECT string_agg(format('%s: %s %s until %s', side, registration_number, status, valid_until), '; ')
            FROM (SELECT * FROM diff ORDER BY registration_number LIMIT 5) d));

-- 6. Every registration's current columns are those of its latest term,
-- and its terms are numbered 1..n in order of coming into force.
WITH latest AS (
  SELECT DISTINCT ON (registration_id) *
    FROM ismap.service_registration_terms
   ORDER BY registration_id, term_no DESC),
bad AS (
  SELECT r.registration_number
    FROM ismap.service_registrations r LEFT JOIN latest t USING (registration_id)
   WHERE t.registration_id IS NULL
      OR (r.audit_period_start, r.audit_period_end, r.valid_until, r.audit_id, r.auditor_id)
         IS DISTINCT FROM (t.audit_period_start, t.audit_period_end, t.valid_until, t.audit_id, t.auditor_id))
SELECT pg_temp.result(count(*), 'every registration''s current columns equal its latest term',
                      string_agg(registration_number, ', '))
  FROM bad;

WITH numbered AS (
  SELECT registration_id, term_no, in_force_from,
         row_number() OVER w AS expected_no,
         lag(in_force_from) OVER w AS previous_from
    FROM ismap.service_registration_terms
  WINDOW w AS (PARTITION BY registration_id ORDER BY term_no)),
bad AS (SELECT * FROM numbered WHERE term_no <> expected_no OR in_force_from < previous_from)
SELECT pg_temp.result(count(*), 'terms are numbered 1..n per registration and come into force in order',
                      string_agg(format('registration %s term %s', registration_id, term_no), ', '))
  FROM bad;

-- 7. Every approved application made exactly one term; none is left
-- undecided (every action files and decides in one transaction).
SELECT pg_temp.result(count(*), 'every approved application put exactly one term in force',
                      string_agg(a.application_id::text, ', '))
  FROM ismap.service_applications a
 WHERE a.status = 'approved'
   AND (SELECT count(*) FROM ismap.service_registration_terms t
         WHERE t.application_id = a.application_id) <> 1;

SELECT pg_temp.result(count(*), 'no application is left undecided',
                      string_agg(application_id::text, ', '))
  FROM ismap.service_applications WHERE status IN ('submitted', 'accepted');

-- 8. Status changes of each registration are recorded in effective-date
-- order (the same day only for a removal), a lift follows a suspension, a
-- suspension does not follow a suspension, nothing follows a removal.
WITH changes AS (
  SELECT c.*,
         lag(effective_on) OVER (PARTITION BY registration_id ORDER BY change_id) AS previous_on,
         lag(action) OVER (PARTITION BY registration_id ORDER BY change_id) AS previous_action,
         (SELECT p.action FROM ismap.service_status_changes p
           WHERE p.registration_id = c.registration_id AND p.change_id < c.change_id
             AND p.action IN ('suspend', 'lift')
           ORDER BY p.change_id DESC LIMIT 1) AS previous_suspend_or_lift
    FROM ismap.service_status_changes c),
bad AS (
  SELECT registration_id, change_id, action, effective_on, previous_on, previous_action
    FROM changes
   WHERE effective_on < previous_on
      OR (effective_on = previous_on AND action <> 'remove')
      OR previous_action = 'remove'
      OR (action = 'lift' AND previous_suspend_or_lift IS DISTINCT FROM 'suspend')
      OR (action = 'suspend' AND previous_suspend_or_lift = 'suspend'))
SELECT pg_temp.result(count(*),
         format('status changes (%s) are in effective-date order, lifts follow suspensions',
                (SELECT count(*) FROM ismap.service_status_changes)),
         string_agg(format('registration %s change %s %s on %s after %s',
                           registration_id, change_id, action, effective_on,
                           coalesce(previous_action || ' on ' || previous_on, 'no change')), '; '))
  FROM bad;

-- 9. For information: what the actions did, and the refusals by rule id.
SELECT format('# %-16s %-9s %s', action, outcome, count(*))
  FROM bench.outcomes WHERE outcome <> 'refused'
 GROUP BY action, outcome ORDER BY action, outcome;
SELECT format('# %-16s refused %-28s %s %s', action, rule, sqlstate, count(*))
  FROM bench.outcomes WHERE outcome = 'refused'
 GROUP BY action, rule, sqlstate ORDER BY action, count(*) DESC, rule;
