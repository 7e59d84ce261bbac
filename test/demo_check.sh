#!/usr/bin/env bash
# The demo, as the README tells it (README, "Demo" and "A tour in psql").
#
# Runs against the server the PG* environment names, as a superuser (inside
# pg_virtualenv, from scripts/run-suites).  It runs scripts/demo-session
# without a terminal, as `scripts/demo </dev/null` does (the loading and the
# lists are scripts/demo-lib.sh's, so the check cannot drift from the
# demo), then checks:
#   - the demo's day: the database pins it, a new session sees it, the demo
#     says so, and the README names the same day;
#   - that what the demo prints does not depend on the real date: the same
#     lists with the cluster's default ismap.today moved to another day,
#     and different lists without the pin (so that the comparison can fail);
#   - each claim of the README's Demo section about the registry and about
#     the lists the demo prints;
#   - the README's "Things to try", run as written in one transaction that
#     is rolled back, paragraph by paragraph: the results its comments
#     state, and the refusals they announce (SQLSTATE and rule id), nothing
#     else refused, and the registry unchanged after;
#   - the README's "A tour in psql", run as written in a database of its
#     own: the results it shows, and the error it shows after it.
# One line per check, "ok - ..." or "not ok - ...", then "N passed, M
# failed".  Exits non-zero if a check fails.  The databases it makes are
# dropped at the end, and the cluster's setting it moves is put back.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/demo-lib.sh
export PGCLIENTENCODING=UTF8   # the registry speaks Japanese

DB=$DEMO_DB
UNPINNED=ismap_demo_unpinned
TOUR=ismap_demo_tour
# A day on which the demo's story, left unpinned, reads very differently
# (no service valid any more): the cluster's default day while the check
# compares the demo's lists.
OTHER_DAY=2028-06-01
WORK=$(mktemp -d /tmp/ismap_demo_check.XXXXXX)
LOG=$WORK/log
passed=0
failed=0
moved_cluster_day=0

drop_databases() {
  local db
  for db in "$DB" "$UNPINNED" "$TOUR"; do
    dropdb --if-exists "$db" >/dev/null 2>&1
  done
}
cleanup() {
  if [ "$moved_cluster_day" = 1 ]; then
    psql -X -q -d postgres -c 'ALTER SYSTEM RESET ismap.today' -c 'SELECT pg_reload_conf()' >/dev/null 2>&1
  fi
  drop_databases
  rm -rf "$WORK"
}
trap cleanup EXIT

ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() {
  echo "not ok - $1"
  failed=$((failed + 1))
  if [ -s "$LOG" ]; then sed 's/^/#   /' "$LOG" | head -40; fi
  : >"$LOG"
}
summary() { echo "$passed passed, $failed failed"; }

# check NAME COMMAND...: ok if the command succeeds; its output is shown
# if it does not.
check() {
  local name=$1
  shift
  if "$@" >"$LOG" 2>&1; then
    ok "$name"
    : >"$LOG"
  else
    not_ok "$name"
  fi
}

# q DB SQL: the query's result, unaligned, without headers, in a new session.
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2" 2>>"$LOG"; }

# expect NAME SQL EXPECTED [DB]: the query's result (in the demo database
# unless DB is given) is EXPECTED.
expect() {
  local name=$1 sql=$2 want=$3 db=${4:-$DB} got
  : >"$LOG"
  got=$(q "$db" "$sql")
  if [ "$got" = "$want" ]; then
    ok "$name"
  else
    {
      echo "expected: $want"
      echo "got:      ${got:-(nothing)}"
    } >>"$LOG"
    not_ok "$name"
  fi
}

# claim PHRASE NAME SQL EXPECTED: the README (its lines joined) still says
# PHRASE, and the query gives EXPECTED: a claim reworded in the README
# fails here until this check is told what it now means.
README_TEXT=$(tr '\n' ' ' <README.md | tr -s ' ')
claim() {
  local phrase=$1
  shift
  if [[ "$README_TEXT" != *"$phrase"* ]]; then
    echo "the README no longer says: $phrase" >"$LOG"
    not_ok "$1"
    return
  fi
  expect "$@"
}

# statuses SQL: "status:count ..." of the rows of a query that has a status
# column, in the demo database.
statuses() {
  echo "SELECT string_agg(status || ':' || n, ' ' ORDER BY status)
          FROM (SELECT status::text, count(*) AS n FROM ($1) l GROUP BY 1) s"
}

# readme_block AFTER FENCE: the lines of the first block opened by the line
# FENCE (three backquotes, then "sql" or nothing) after the first README
# line containing AFTER, without its fences.
readme_block() {
  awk -v after="$1" -v fence="$2" '
    state == 0 && index($0, after) { state = 1; next }
    state == 1 && $0 == fence { state = 2; next }
    state == 2 && $0 == "```" { exit }
    state == 2 { print }' README.md
}

drop_databases

#
# The demo, as scripts/demo runs it without a terminal.
#
: >"$LOG"
if scripts/demo-session </dev/null >"$WORK/demo.out" 2>&1; then
  ok "scripts/demo-session loads the demo and prints its lists"
else
  cp "$WORK/demo.out" "$LOG"
  not_ok "scripts/demo-session loads the demo and prints its lists"
  summary
  exit 1
fi
if grep -n -E 'ERROR|WARNING|NOTICE' "$WORK/demo.out" >"$LOG"; then
  not_ok "the demo prints no ERROR, WARNING or NOTICE"
else
  ok "the demo prints no ERROR, WARNING or NOTICE"
fi

#
# The demo's day.
#
expect "a new session of $DB has the demo's day pinned (SHOW ismap.today = $DEMO_DAY)" \
  "SHOW ismap.today" "$DEMO_DAY"
expect "ismap.today() in a new session of $DB is the demo's day" \
  "SELECT ismap.today()" "$DEMO_DAY"
expect "the pin is the database's: pg_db_role_setting holds ismap.today=$DEMO_DAY for $DB" \
  "SELECT s.setconfig::text FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
    WHERE d.datname = '$DB' AND s.setrole = 0" "{ismap.today=$DEMO_DAY}"
last_written=$(sed -n "s/^SET ismap.today = '\([0-9-]*\)';.*/\1/p" demo/auditors.sql demo/services.sql | sort | tail -1)
check "the demo's day ($DEMO_DAY) is the last day demo/*.sql write ($last_written)" \
  test "$last_written" = "$DEMO_DAY"
check "scripts/demo-session says the demo's day and how to see the real today" \
  grep -q -F "== the demo's day is $DEMO_DAY, the last day of its story: $DB pins it (ALTER DATABASE $DB SET ismap.today); for the real today, SET ismap.today = '' in psql" "$WORK/demo.out"
check "the README shows the pin the demo makes (ALTER DATABASE $DB SET ismap.today = '$DEMO_DAY')" \
  grep -q -x -F "ALTER DATABASE $DB SET ismap.today = '$DEMO_DAY';" README.md
check "the README names the demo's day as the end of the story" \
  grep -q -F "The story ends on $DEMO_DAY" README.md
expect "SET ismap.today = '' in a session of $DB gives the real today (as the README says)" \
  "SET ismap.today = ''; SELECT ismap.today() = (transaction_timestamp() AT TIME ZONE current_setting('ismap.timezone'))::date" "t"
expect "RESET ismap.today in a session of $DB returns to the demo's day" \
  "SET ismap.today = '2024-04-01'; RESET ismap.today; SELECT ismap.today()" "$DEMO_DAY"

claim "from 2026-12-03 Kohaku's term has ended and no firm is suspended, and from 2028 no service is valid any more" \
  "left on the real date the story ages, as the README says (why the day is pinned)" \
  "SELECT (SELECT count(*) FROM ismap.auditor_list_at('2026-12-02') WHERE status = 'suspended') || ' '
       || (SELECT count(*) FROM ismap.auditor_list_at('2026-12-03') WHERE status = 'suspended') || ' '
       || (SELECT count(*) FROM ismap.cloud_service_list_at('2028-01-01') WHERE status = 'valid')" "1 0 0"

#
# What the demo prints does not depend on the real date.  A copy of the
# database made from it as a template has the same rows but not the pin
# (a database's settings are not copied with it).
#
demo_show "$DB" >"$WORK/shown.real" 2>"$LOG"
sed -n "/^== ${DEMO_TITLE[${DEMO_KEYS[0]}]}\$/,/^== not a terminal/p" "$WORK/demo.out" | sed '$d' >"$WORK/shown.demo"
check "scripts/demo-session printed what demo_show prints now" \
  diff "$WORK/shown.demo" "$WORK/shown.real"
: >"$LOG"
if createdb -T "$DB" "$UNPINNED" >"$LOG" 2>&1; then
  ok "create $UNPINNED from $DB as a template"
else
  not_ok "create $UNPINNED from $DB as a template"
fi
expect "$UNPINNED has no pinned day" "SHOW ismap.today" "" "$UNPINNED"

# cluster_day DAY: make DAY the cluster's default ismap.today (ALTER
# SYSTEM, as a server whose clock shows DAY would give it to a session
# without a pin), or the real date if DAY is empty; wait until new
# sessions see it (a reload is asynchronous).
cluster_day() {
  local i
  if [ -n "$1" ]; then
    moved_cluster_day=1
    psql -X -q -v ON_ERROR_STOP=1 -d "$UNPINNED" -c 'SELECT ismap.today()' \
      -c "ALTER SYSTEM SET ismap.today = '$1'" -c 'SELECT pg_reload_conf()' >>"$LOG" 2>&1 || return 1
  else
    psql -X -q -v ON_ERROR_STOP=1 -d "$UNPINNED" -c 'ALTER SYSTEM RESET ismap.today' \
      -c 'SELECT pg_reload_conf()' >>"$LOG" 2>&1 || return 1
    moved_cluster_day=0
  fi
  for i in $(seq 50); do
    [ "$(q "$UNPINNED" 'SHOW ismap.today')" = "$1" ] && return 0
    sleep 0.1
  done
  echo "new sessions of $UNPINNED do not see ismap.today = '$1'" >>"$LOG"
  return 1
}
: >"$LOG"
if cluster_day "$OTHER_DAY"; then
  ok "the cluster's default ismap.today moved to $OTHER_DAY (ALTER SYSTEM)"
  demo_show "$DB" >"$WORK/shown.other" 2>>"$LOG"
  demo_show "$UNPINNED" >"$WORK/unpinned.other" 2>>"$LOG"
  check "the demo prints the same lists when the cluster's day is $OTHER_DAY" \
    diff "$WORK/shown.real" "$WORK/shown.other"
  : >"$LOG"
  if diff -q "$WORK/shown.other" "$WORK/unpinned.other" >/dev/null; then
    echo "the unpinned copy printed the same lists: this comparison cannot see a lost pin" >"$LOG"
    not_ok "without the pin, the same lists differ on $OTHER_DAY (the comparison above can fail)"
  else
    ok "without the pin, the same lists differ on $OTHER_DAY (the comparison above can fail)"
  fi
  : >"$LOG"
  if cluster_day ""; then
    ok "the cluster's default ismap.today put back (the real date)"
  else
    not_ok "the cluster's default ismap.today put back (the real date)"
  fi
else
  not_ok "the cluster's default ismap.today moved to $OTHER_DAY (ALTER SYSTEM)"
fi

#
# The Demo section: the registry the two files write.
#
claim 'fifteen audit firms' "fifteen audit firms apply" \
  "SELECT count(DISTINCT organization_id) FROM ismap.auditor_applications" "15"
claim 'thirty-five services (IaaS, PaaS and SaaS) of eleven providers' "thirty-five services (IaaS, PaaS and SaaS) of eleven providers" \
  "SELECT count(*) || ' ' || count(DISTINCT provider_id) || ' ' || string_agg(DISTINCT service_model::text, ',')
     FROM ismap.cloud_services" "35 11 IaaS,PaaS,SaaS"
expect "every organization and service is marked fictional" \
  "SELECT (SELECT count(*) FROM ismap.organizations WHERE name_en IS NULL OR name_en NOT LIKE '%(fictional)')
        + (SELECT count(*) FROM ismap.cloud_services WHERE name_en IS NULL OR name_en NOT LIKE '%(fictional)')" "0"
claim 'from June 2020 to November 2026' "the auditor registry runs from June 2020 to November 2026" \
  "SELECT to_char(min(applied_on), 'YYYY-MM') || ' ' || to_char(max(applied_on), 'YYYY-MM') FROM ismap.auditor_applications" \
  "2020-06 2026-11"
claim 'from October 2020 to November 2026' "the cloud service registry runs from October 2020 to November 2026" \
  "SELECT to_char(min(d), 'YYYY-MM') || ' ' || to_char(max(d), 'YYYY-MM')
     FROM (SELECT applied_on AS d FROM ismap.service_applications UNION ALL SELECT reported_on FROM ismap.audits) x" \
  "2020-10 2026-11"

# demo/auditors.sql, as the README lists it.
claim 'the renewals filed on the last day (in renewal grace until the approval)' \
  "auditors: renewals filed on the last day, in renewal grace until the approval (Aoba, Minato, Nagisa, Yamabuki)" \
  "SELECT string_agg(DISTINCT split_part(o.name_en, ' ', 1), ', ')
     FROM ismap.auditor_applications p
     JOIN ismap.auditor_terms t ON t.auditor_id = p.auditor_id AND t.valid_until = p.applied_on
     JOIN ismap.organizations o ON o.organization_id = p.organization_id
    WHERE p.kind = 'renewal' AND p.status = 'approved' AND p.decided_on > p.applied_on
      AND ismap.auditor_status(p.auditor_id, p.applied_on + 1) = 'renewal_pending'" \
  "Aoba, Minato, Nagisa, Yamabuki"
claim 'a renewal filed too late and refused as a renewal (the firm applies anew and gets a new registration number)' \
  "auditors: a renewal filed too late, the firm registered anew under a new number (Hibari, A24-0015)" \
  "SELECT string_agg(a.registration_number || ' ' || ismap.auditor_status(a.auditor_id), ', ' ORDER BY a.registration_number)
     FROM ismap.auditors a JOIN ismap.organizations o USING (organization_id)
    WHERE o.name_en = 'Hibari Assurance Co., Ltd. (fictional)'" \
  "A20-0005 expired, A24-0015 valid"
claim 'a rejected renewal' \
  "auditors: a rejected renewal (Tachibana), which then expired" \
  "SELECT string_agg(p.kind || ' ' || p.status, ', ' ORDER BY p.applied_on) || '; ' || ismap.auditor_status(min(a.auditor_id))
     FROM ismap.auditor_applications p JOIN ismap.organizations o USING (organization_id)
     JOIN ismap.auditors a ON a.organization_id = o.organization_id
    WHERE o.name_en = 'Tachibana Audit Corporation (fictional)'" \
  "new approved, renewal approved, renewal rejected; expired"
claim 'a suspension later lifted, a removal, a suspension in force' \
  "auditors: a suspension later lifted (Kamome), a removal (Wakaba), a suspension in force (Kohaku)" \
  "SELECT string_agg(split_part(o.name_en, ' ', 1) || ' ' || x.actions, '; ' ORDER BY o.name_en)
     FROM (SELECT auditor_id, string_agg(action::text, ' ' ORDER BY effective_on) AS actions
             FROM ismap.auditor_status_changes GROUP BY 1) x
     JOIN ismap.auditors a USING (auditor_id) JOIN ismap.organizations o USING (organization_id)" \
  "Kamome suspend lift; Kohaku suspend; Wakaba suspend remove"
claim 'a late and an overdue compliance report' \
  "auditors: a late compliance report (Nagisa) and an overdue one (Kohaku)" \
  "SELECT string_agg(a.registration_number || ' ' || r.due_on || ' ' || coalesce(r.filed_on::text, 'not filed'), ', ' ORDER BY r.due_on)
     FROM ismap.auditor_compliance_reports r JOIN ismap.auditors a USING (auditor_id)
    WHERE r.filed_on > r.due_on OR (r.filed_on IS NULL AND r.due_on < ismap.today())" \
  "A21-0011 2022-06-01 2022-08-10, A21-0010 2025-12-02 not filed"
claim 'and a renewal still undecided today' \
  "auditors: a renewal still undecided today (Tsubasa, renewal_pending)" \
  "SELECT string_agg(a.registration_number || ' ' || p.status || ' ' || ismap.auditor_status(a.auditor_id), ', ')
     FROM ismap.auditor_applications p JOIN ismap.auditors a USING (auditor_id)
    WHERE p.kind = 'renewal' AND p.status IN ('submitted', 'accepted')" \
  "A21-0008 accepted renewal_pending"

# demo/services.sql, as the README lists it.
claim 'four services registered in the scheme'\''s first year on design-only audits (整備状況評価, accepted for applications filed up to 2021-05-31;' \
  "services: four registered on design-only audits, filed up to 2021-05-31; no later audit behind an application is design-only" \
  "SELECT count(DISTINCT r.service_id) || ' ' || max(p.applied_on) || ' '
          || (SELECT count(*) FROM ismap.audits a WHERE a.assessment = 'design' AND a.reported_on > '2021-05-31'
                 AND EXISTS (SELECT FROM ismap.service_applications x WHERE x.audit_id = a.audit_id))
     FROM ismap.audits au JOIN ismap.service_registration_terms t USING (audit_id)
     JOIN ismap.service_registrations r USING (registration_id)
     JOIN ismap.service_applications p ON p.application_id = t.application_id
    WHERE au.assessment = 'design'" \
  "4 2021-05-31 0"
claim 'the first registrations, C21-0001-1 to C21-0003-1, on 2021-03-12' \
  "services: the first registrations, C21-0001-1 to C21-0003-1, on 2021-03-12" \
  "SELECT min(registered_on) || ' ' || string_agg(registration_number, ',' ORDER BY registration_number)
     FROM ismap.service_registrations
    WHERE registered_on = (SELECT min(registered_on) FROM ismap.service_registrations)" \
  "2021-03-12 C21-0001-1,C21-0002-1,C21-0003-1"
claim 'each resting on an audit of the twelve months that follow on from the previous audit period' \
  "services: each renewal rests on the twelve months that follow the previous audit period" \
  "SELECT count(*) FROM ismap.service_registration_terms t
     JOIN ismap.service_registration_terms prev ON prev.registration_id = t.registration_id AND prev.term_no = t.term_no - 1
    WHERE t.audit_period_start <> prev.audit_period_end + 1
       OR t.audit_period_end <> (t.audit_period_start + interval '1 year' - interval '1 day')::date" "0"
claim 'each term valid until the end of the sixteen months after its audit period (period ending 2023-03-31: valid until 2024-07-31)' \
  "services: every term is valid until the end of the sixteen months after its audit period (2023-03-31: 2024-07-31)" \
  "SELECT count(*) FILTER (WHERE valid_until <> (date_trunc('month', audit_period_end) + interval '17 months' - interval '1 day')::date)
          || ' ' || string_agg(DISTINCT valid_until::text, ',') FILTER (WHERE audit_period_end = '2023-03-31')
     FROM ismap.service_registration_terms" "0 2024-07-31"
claim 'meanwhile: Mizuki Groupware on 2024-04-01' \
  "services: Mizuki Groupware renewal_pending on 2024-04-01" \
  "SELECT ismap.service_status(registration_id, '2024-04-01') FROM ismap.service_registrations
    WHERE registration_number = 'C22-0008-1'" "renewal_pending"
claim 'a registration number given with the approval, as when the published list is keyed in (C21-0100-1), the others assigned by the extension' \
  "services: a registration number given with the approval (C21-0100-1), the others assigned" \
  "SELECT string_agg(r.registration_number, ',')
          || ' ' || (SELECT count(*) FROM ismap.service_applications p
                       JOIN ismap.service_registrations r2 USING (registration_id)
                      WHERE p.kind = 'new' AND p.status = 'approved'
                        AND p.registration_number IS DISTINCT FROM r2.registration_number)
     FROM ismap.service_registrations r
    WHERE split_part(r.registration_number, '-', 2)::int
          > (SELECT last_value FROM ismap.service_registration_serial)" "C21-0100-1 0"
claim 'a first application returned (不受理) and one withdrawn (取下げ), both refiled' \
  "services: a first application returned and one withdrawn, both refiled and registered" \
  "SELECT string_agg(p.status || ' ' || (SELECT count(*) FROM ismap.service_registrations r
                                           WHERE r.service_id = p.service_id AND r.registered_on > p.applied_on),
                     ', ' ORDER BY p.status)
     FROM ismap.service_applications p WHERE p.status IN ('returned', 'withdrawn')" \
  "returned 1, withdrawn 1"
# (The refusal itself, svc_renewal_deadline, is checked by demo/services.sql
# as it loads: its DO block stops the load unless the renewal is refused so.)
claim 'a renewal filed after expiry (Hoshizora Log Monitoring, 2024-11-08), refused as a renewal (`svc_renewal_deadline`): the service applies anew and gets a new registration number (C24-0028-1)' \
  "services: Hoshizora Log Monitoring, expired, applied anew on 2024-11-08 and registered as C24-0028-1" \
  "SELECT string_agg(r.registration_number || ' ' || ismap.service_status(r.registration_id), ', ' ORDER BY r.registered_on)
          || '; ' || (SELECT p.kind || ' ' || p.applied_on FROM ismap.service_applications p
                      JOIN ismap.service_registrations n USING (registration_id)
                     WHERE n.registration_number = 'C24-0028-1' ORDER BY p.applied_on LIMIT 1)
     FROM ismap.service_registrations r JOIN ismap.cloud_services s USING (service_id)
    WHERE s.name_en = 'Hoshizora Log Monitoring (fictional)'" \
  "C22-0015-1 expired, C24-0028-1 valid; new 2024-11-08"
claim 'a registration not renewed, which expires (Asanagi Content Delivery, 2024-08-01)' \
  "services: Asanagi Content Delivery, not renewed, expires on 2024-08-01" \
  "SELECT string_agg(ismap.service_status(r.registration_id, d)::text, ' ' ORDER BY d)
     FROM ismap.service_registrations r JOIN ismap.cloud_services s USING (service_id),
          unnest(ARRAY[date '2024-07-31', '2024-08-01']) d
    WHERE s.name_en = 'Asanagi Content Delivery (fictional)'" "valid expired"
claim 'a suspension later lifted (Hayate Cloud Compute, 2024); a suspension followed by a removal (Asanagi Virtual Desktop, 2025); a suspension in force today (Umineko Survey)' \
  "services: suspended and lifted (Hayate Cloud Compute, 2024), suspended and removed (Asanagi Virtual Desktop, 2025), suspended (Umineko Survey)" \
  "SELECT string_agg(s.name_en || ' ' || x.actions, '; ' ORDER BY s.name_en)
     FROM (SELECT registration_id, string_agg(action || ' ' || extract(year FROM effective_on), ' ' ORDER BY effective_on) AS actions
             FROM ismap.service_status_changes
            WHERE reaudit_demand_id IS NULL AND reapplication_demand_id IS NULL GROUP BY 1) x
     JOIN ismap.service_registrations r USING (registration_id) JOIN ismap.cloud_services s USING (service_id)" \
  "Asanagi Virtual Desktop (fictional) suspend 2025 remove 2025; Hayate Cloud Compute (fictional) suspend 2024 lift 2024; Umineko Survey (fictional) suspend 2026"
claim 'a suspension in force today (Umineko Survey)' \
  "services: Umineko Survey is suspended today" \
  "SELECT l.status FROM ismap.cloud_service_list l WHERE l.service_name_en = 'Umineko Survey (fictional)'" "suspended"
claim 'services changing auditor when theirs can no longer audit (Wakaba removed, Tachibana expired, Hibari registered again under A24-0015)' \
  "services change auditor: from Wakaba (A21-0007), Tachibana (A20-0004) and Hibari's first number (A20-0005)" \
  "SELECT string_agg(o || '>' || n, ' ' ORDER BY o, n)
     FROM (SELECT DISTINCT old.registration_number AS o, new.registration_number AS n
             FROM ismap.service_registration_terms t
             JOIN ismap.service_registration_terms nt ON nt.registration_id = t.registration_id AND nt.term_no = t.term_no + 1
             JOIN ismap.auditors old ON old.auditor_id = t.auditor_id
             JOIN ismap.auditors new ON new.auditor_id = nt.auditor_id
            WHERE t.auditor_id <> nt.auditor_id) x" \
  "A20-0004>A20-0006 A20-0005>A24-0015 A21-0007>A21-0008 A21-0007>A21-0011"
claim 'while the registrations resting on their earlier audits stand' \
  "services: registrations resting on Wakaba's audits stand after its removal (2023-09-01)" \
  "SELECT count(*) > 0 FROM ismap.service_registration_terms t JOIN ismap.auditors a USING (auditor_id)
    WHERE a.registration_number = 'A21-0007' AND t.in_force_from <= '2023-09-01' AND t.valid_until > '2023-09-01'
      AND ismap.service_status(t.registration_id, '2023-09-02') = 'valid'" "t"
claim 'three renewals filed on or before expiry in autumn 2026 and undecided today (`renewal_pending`)' \
  "services: three renewals filed on or before expiry in autumn 2026, undecided, renewal_pending today" \
  "SELECT string_agg(r.registration_number, ',' ORDER BY r.registration_number)
     FROM ismap.cloud_service_list l JOIN ismap.service_registrations r USING (registration_id)
     JOIN ismap.service_applications p ON p.registration_id = r.registration_id
    WHERE l.status = 'renewal_pending' AND p.kind = 'renewal' AND p.status IN ('submitted', 'accepted')
      AND p.applied_on <= r.valid_until AND p.applied_on >= '2026-09-01'" \
  "C21-0005-1,C22-0016-1,C23-0023-1"
claim 'other renewals undecided while still valid' \
  "services: other renewals undecided while the services are still valid" \
  "SELECT count(*) > 0 FROM ismap.service_applications
    WHERE kind = 'renewal' AND status IN ('submitted', 'accepted') AND ismap.service_status(registration_id) = 'valid'" "t"
claim 'and a new application undecided (not listed)' \
  "services: a new application undecided, not listed (Yunagi Counter Booking)" \
  "SELECT string_agg(s.name_en || ' ' || p.status || ' listed:' ||
                     EXISTS (SELECT FROM ismap.cloud_service_list l WHERE l.service_id = s.service_id), ', ')
     FROM ismap.service_applications p JOIN ismap.cloud_services s USING (service_id)
    WHERE p.kind = 'new' AND p.status IN ('submitted', 'accepted')" \
  "Yunagi Counter Booking (fictional) accepted listed:false"

#
# demo/oversight.sql, as the README lists it.
#
claim 'a service renamed from 2026-04-01 (みずきチャット becomes みずきビジネスチャット, announced on 2026-03-20), listed under its old name on earlier days' \
  "oversight: C22-0017-1 listed as みずきチャット on 2026-03-31, みずきビジネスチャット from 2026-04-01" \
  "SELECT string_agg(d || ' ' || l.service_name, ', ' ORDER BY d)
     FROM unnest('{2026-03-31,2026-04-01}'::date[]) d, ismap.cloud_service_list_at(d) l
    WHERE l.registration_number = 'C22-0017-1'" \
  "2026-03-31 みずきチャット, 2026-04-01 みずきビジネスチャット"
claim 'a provider'\''s new name notified late (Umineko, in force from 2026-07-01, notified on 2026-08-20)' \
  "oversight: Umineko's new name on the list from 2026-07-01, its notice 20 days late" \
  "SELECT (SELECT string_agg(DISTINCT d || ' ' || l.provider_name, ', ')
             FROM unnest('{2026-06-30,2026-07-01}'::date[]) d, ismap.cloud_service_list_at(d) l
            WHERE l.registration_number = 'C22-0014-1')
          || ' / ' || (SELECT string_agg(f.days_late::text, ',') FROM ismap.late_filings f
                        WHERE f.kind = 'organization_change_notice')" \
  "2026-06-30 株式会社架空ラボうみねこ, 2026-07-01 株式会社架空うみねこラボ / 20"
claim 'an incident of ゆうなぎ基幹系ホスティング recognized on 2026-06-10, its first report (速報) on time and its final report (確報) ten days late' \
  "oversight: the incident's reports, the final one 10 days late" \
  "SELECT string_agg(p.stage || ' ' || p.reported_on || ' due ' || ismap.incident_report_due(i.recognized_on, p.stage), ', ' ORDER BY p.stage)
     FROM ismap.incidents i JOIN ismap.incident_reports p USING (incident_id)" \
  "first 2026-06-12 due 2026-06-13, final 2026-07-20 due 2026-07-10"
claim 'an investigation of こもれびワークフロー closed with issues found, and the re-audit demand resting on it, fulfilled by a design assessment reported before its due date' \
  "oversight: the re-audit demand on the investigation is fulfilled" \
  "SELECT string_agg(r.registration_number || ' ' || v.finding || ' ' || ismap.demand_status('reaudit', d.demand_id), ', ')
     FROM ismap.reaudit_demands d JOIN ismap.investigations v USING (investigation_id)
     JOIN ismap.service_registrations r ON r.registration_id = d.registration_id" \
  "C22-0007-1 issues_found fulfilled"
claim 'a re-audit demand due 2026-10-15 that no audit answers, and the suspension from 2026-10-20 resting on it (the demand is still overdue today)' \
  "oversight: C26-0033-1 suspended from 2026-10-20 on its overdue re-audit demand" \
  "SELECT r.registration_number || ' ' || c.action || ' ' || c.effective_on || ' ' || ismap.demand_status('reaudit', c.reaudit_demand_id)
          || ' ' || ismap.service_status(r.registration_id)
     FROM ismap.service_status_changes c JOIN ismap.service_registrations r USING (registration_id)
    WHERE c.reaudit_demand_id IS NOT NULL" \
  "C26-0033-1 suspend 2026-10-20 overdue suspended"
claim 'a re-application demand of Shirakaba, fulfilled by its reapplication (2026-09-10), approved on 2026-10-15 with a new term to 2028-09-10' \
  "oversight: Shirakaba's reapplication fulfils its demand and gives a term to 2028-09-10" \
  "SELECT a.registration_number || ' ' || ismap.demand_status('reapplication', d.demand_id) || ' ' || a.valid_until
     FROM ismap.reapplication_demands d JOIN ismap.auditors a USING (auditor_id)" \
  "A20-0006 fulfilled 2028-09-10"

#
# The Demo section: the lists the demo prints, by the very queries it prints.
#
claim 'where one firm is `renewal_pending` and one `suspended`' "the auditor list today: one firm renewal_pending and one suspended" \
  "$(statuses "${DEMO_QUERY[auditors_today]}")" "renewal_pending:1 suspended:1 valid:10"
expect "the auditor list today: Tsubasa renewal_pending, Kohaku suspended" \
  "SELECT string_agg(registration_number || ' ' || status, ', ' ORDER BY registration_number)
     FROM (${DEMO_QUERY[auditors_today]}) l WHERE status <> 'valid'" \
  "A21-0008 renewal_pending, A21-0010 suspended"
claim 'with firms since expired or re-registered' "the auditor list on $DEMO_PAST_DAY: firms since expired (Tachibana) or re-registered (Hibari)" \
  "SELECT string_agg(p.registration_number || ' ' || ismap.auditor_status(p.auditor_id)
                     || coalesce(' re-registered as ' || t.registration_number, ''), ', ' ORDER BY p.registration_number)
     FROM (${DEMO_QUERY[auditors_past]}) p
     LEFT JOIN (${DEMO_QUERY[auditors_today]}) t ON t.corporate_number = p.corporate_number
    WHERE p.registration_number NOT IN (SELECT registration_number FROM (${DEMO_QUERY[auditors_today]}) t)" \
  "A20-0004 expired, A20-0005 expired re-registered as A24-0015"
claim 'the compliance reports overdue today' "the compliance reports overdue today: Kohaku's" \
  "SELECT string_agg(registration_number || ' ' || due_on, ', ') FROM (${DEMO_QUERY[overdue]}) l" \
  "A21-0010 2025-12-02"
claim 'where three services are `renewal_pending` and two `suspended`' "the cloud service list today: three renewal_pending and two suspended" \
  "$(statuses "${DEMO_QUERY[services_today]}")" "renewal_pending:3 suspended:2 valid:27"
claim 'with a service in renewal grace, one suspended,' "the cloud service list on $DEMO_PAST_DAY: a service in renewal grace and one suspended" \
  "SELECT string_agg(registration_number || ' ' || status, ', ' ORDER BY registration_number)
     FROM (${DEMO_QUERY[services_past]}) l WHERE status <> 'valid'" \
  "C21-0006-1 suspended, C22-0008-1 renewal_pending"
claim 'and registrations since expired or removed' "the cloud service list on $DEMO_PAST_DAY: registrations since expired or removed" \
  "SELECT string_agg(DISTINCT ismap.service_status(r.registration_id)::text, ',')
     FROM (${DEMO_QUERY[services_past]}) l JOIN ismap.service_registrations r USING (registration_number)
    WHERE ismap.service_status(r.registration_id) IN ('expired', 'removed')" "expired,removed"
claim 'Kohaku'\''s compliance report and the ignored re-audit demand' "the obligations overdue today: Kohaku's report and Yunagi's re-audit" \
  "SELECT string_agg(kind || ' ' || registration_number, ', ' ORDER BY kind) FROM (${DEMO_QUERY[obligations]}) o" \
  "compliance_report A21-0010, reaudit C26-0033-1"
claim 'expired and removed ones included' "every registration counted by its status today, expired and removed ones included" \
  "SELECT string_agg(status || ':' || registrations, ' ' ORDER BY status) FROM (${DEMO_QUERY[service_statuses]}) l" \
  "valid:27 renewal_pending:3 suspended:2 expired:2 removed:1"

#
# Things to try: the README's block, run as written, paragraph by paragraph,
# in one transaction rolled back at the end.  psql's ON_ERROR_ROLLBACK
# undoes a refused statement alone, so that the paragraphs after it run as
# they would in a psql typed into.  Each paragraph's output and errors are
# cut out by markers (\echo on stdout, \warn on stderr).
#
# What each paragraph must give, by its comment lines exactly as the README
# writes them: a README paragraph this check does not know, or one it knows
# that the README no longer has, fails, so that a changed comment is
# checked again.  Each function gets the paragraph's output (unaligned,
# without headers) and its errors, and says what is wrong in $LOG.
#
no_errors() { [ ! -s "$1" ] || { echo "unexpected errors:"; cat "$1"; } >>"$LOG"; [ ! -s "$1" ]; }
output_is() {
  [ "$1" = "$2" ] && return 0
  { echo "expected output:"; echo "$2"; echo "got:"; echo "${1:-(nothing)}"; } >>"$LOG"
  return 1
}
# refused_with ERRFILE SQLSTATE RULE: the paragraph's statement was refused
# with that SQLSTATE and rule id (the constraint name \errverbose shows),
# and nothing else in it failed.
refused_with() {
  local errs=$1 state=$2 rule=$3 bad
  bad=$(grep 'ERROR:' "$errs" | grep -v -E "ERROR:  ($state: )?$rule: ")
  if [ -n "$bad" ] || ! grep -q "ERROR:  $state: $rule: " "$errs" ||
     ! grep -q -x "CONSTRAINT NAME:  $rule" "$errs"; then
    { echo "expected a refusal $state $rule, and no other error; got:"; cat "$errs"; } >>"$LOG"
    return 1
  fi
}

declare -A TRY
TRY["-- The list as it stood on any day; Tachibana (renewal rejected) and Hibari
-- (renewal deadline missed) are gone on 2024-07-25."]=try_gone
try_gone() {
  local before
  no_errors "$2" || return 1
  before=$(q "$DB" "SELECT count(*) FROM ismap.auditor_list_at('2024-07-18')
                     WHERE name_en ~ '^(Tachibana|Hibari) '")
  if [ "$before" != 2 ] || [ -z "$1" ] || grep -q -E 'Tachibana|Hibari' <<<"$1"; then
    { echo "listed on 2024-07-18: $before of the two (want 2); on 2024-07-25:"; echo "${1:-(nothing)}"; } >>"$LOG"
    return 1
  fi
}

TRY["-- Tsubasa (A21-0008): valid until 2026-11-05, in renewal grace after it."]=try_tsubasa_grace
try_tsubasa_grace() {
  no_errors "$2" && output_is "$1" "2026-11-04|valid
2026-11-05|valid
2026-11-06|renewal_pending
2026-11-07|renewal_pending"
}

TRY["-- Approve its renewal: a new term from today, valid until 2028-10-20,
-- and a compliance report due 2027-10-20."]=try_tsubasa_approve
try_tsubasa_approve() {
  no_errors "$2" && output_is "$1" "A21-0008|Tsubasa Audit Corporation (fictional)|2028-10-20|valid
2027-10-20|"
}

TRY["-- Refused: Tachibana expired in 2024; a renewal now is not one."]=try_tachibana
try_tachibana() { output_is "$1" "" && refused_with "$2" 23514 aud_renewal_grace; }

TRY["-- Nagisa's first compliance report, as the committee saw it on 2022-07-01."]=try_nagisa
try_nagisa() {
  no_errors "$2" || return 1
  grep -q -x -E '[0-9]+\|[0-9]+\|A21-0011\|[^|]*\|2022-06-01\|2022-08-10\|30\|valid' <<<"$1" &&
    [ "$(wc -l <<<"$1")" = 1 ] && return 0
  { echo "expected one row, Nagisa's (A21-0011) report due 2022-06-01, filed 2022-08-10; got:"; echo "${1:-(nothing)}"; } >>"$LOG"
  return 1
}

TRY["-- Yamanami Private Cloud (C21-0005-1) was valid until 2026-09-30; the
-- renewal it filed that day is still undecided: it stays listed, in grace."]=try_yamanami_grace
try_yamanami_grace() {
  no_errors "$2" && output_is "$1" "2026-09-29|valid
2026-09-30|valid
2026-10-01|renewal_pending
2026-10-02|renewal_pending" &&
    expect_quietly "SELECT applied_on || ' ' || status FROM ismap.service_applications p
                      JOIN ismap.service_registrations r USING (registration_id)
                     WHERE r.registration_number = 'C21-0005-1' AND p.kind = 'renewal'
                       AND p.status IN ('submitted', 'accepted')" "2026-09-30 accepted"
}

TRY["-- Approve that renewal: a new term from today, valid until 2027-09-30
-- (sixteen months after its new audit period ended on 2026-05-31)."]=try_yamanami_approve
try_yamanami_approve() {
  no_errors "$2" && output_is "$1" "C21-0005-1|2025-06-01|2026-05-31|2027-09-30|valid"
}

TRY["-- Every term of Mizuki Groupware (C22-0008-1): audited by Wakaba
-- (A21-0007) until Wakaba was suspended and removed in 2023, then by Nagisa."]=try_mizuki_terms
try_mizuki_terms() {
  no_errors "$2" || return 1
  local auditors
  auditors=$(cut -d'|' -f6 <<<"$1" | uniq | tr '\n' ' ')
  [ "$auditors" = "A21-0007 A21-0011 " ] && return 0
  { echo "expected terms by A21-0007, then A21-0011 (Nagisa); got:"; echo "${1:-(nothing)}"; } >>"$LOG"
  return 1
}

TRY["-- Hoshizora Log Monitoring missed its renewal deadline in 2024: its first
-- registration expired, and it was registered again."]=try_hoshizora
try_hoshizora() {
  no_errors "$2" && output_is "$1" "C22-0015-1|2022-10-20|2024-10-31|expired
C24-0028-1|2024-12-13|2027-10-31|valid"
}

TRY["-- Refused: Kohaku (A21-0010) is suspended, so an audit it reports today
-- does not count (svc_audit_by_registered_auditor)."]=try_kohaku
try_kohaku() { output_is "$1" "" && refused_with "$2" 23514 svc_audit_by_registered_auditor; }

TRY["-- Who sees what (\"Access\"): Soyokaze's staff sees the audits of Soyokaze's
-- services and no other provider's."]=try_provider_sees
try_provider_sees() {
  local want
  no_errors "$2" || return 1
  want=$(q "$DB" "SELECT DISTINCT s.name_en FROM ismap.audits a JOIN ismap.cloud_services s USING (service_id)
                   JOIN ismap.organizations o ON o.organization_id = s.provider_id
                  WHERE o.corporate_number = '2999907301018' ORDER BY 1")
  [ -n "$want" ] || { echo "Soyokaze has no audited service" >>"$LOG"; return 1; }
  output_is "$1" "$want"
}

TRY["-- Refused: the operations body accepts applications (受理) but does not
-- approve them; the committee does (sec_role_authority)."]=try_operator_approves
try_operator_approves() { output_is "$1" "" && refused_with "$2" 42501 sec_role_authority; }

TRY["-- Travel in time (superusers only); RESET returns to the demo's day."]=try_travel
try_travel() {
  local want
  no_errors "$2" || return 1
  want=$(q "$DB" "SELECT * FROM ismap.auditor_list_at('2024-04-01')")$'\n'$(q "$DB" \
    "SELECT registration_number, service_name_en, valid_until, status FROM ismap.cloud_service_list_at('2024-04-01')")
  output_is "$1" "$want"
}

# expect_quietly SQL EXPECTED: as expect, inside a paragraph's check.
expect_quietly() {
  local got
  got=$(q "$DB" "$1")
  [ "$got" = "$2" ] && return 0
  echo "the registry: expected $2, got ${got:-(nothing)} from: $1" >>"$LOG"
  return 1
}

# digest DB: every row of every table of schema ismap (a rolled-back
# transaction leaves them as they were; sequences it used stay advanced).
digest() {
  q "$1" "SELECT md5(string_agg(c.relname || ':' || (xpath('/row/d/text()', query_to_xml(
            format('SELECT coalesce(md5(string_agg(t::text, %L ORDER BY t::text)), %L) AS d FROM %s t',
                   E'\n', '-', c.oid::regclass), false, true, '')))[1]::text, ' ' ORDER BY c.relname))
            FROM pg_class c WHERE c.relnamespace = 'ismap'::regnamespace AND c.relkind = 'r'"
}

readme_block "Things to try:" '```sql' >"$WORK/try.sql"
mkdir "$WORK/try"
# One file per paragraph (paragraphs are separated by blank lines).
awk -v dir="$WORK/try" 'BEGIN { RS = "" } { n++; print > (dir "/" n ".sql") }' "$WORK/try.sql"
paragraphs=$(find "$WORK/try" -name '*.sql' | wc -l)
{
  echo '\set ON_ERROR_ROLLBACK on'
  echo 'BEGIN;'
  for n in $(seq "$paragraphs"); do
    echo "\\echo '@@ $n'"
    echo "\\warn '@@ $n'"
    cat "$WORK/try/$n.sql"
  done
  echo "\\echo '@@ after'"
  echo "\\warn '@@ after'"
  echo 'SELECT ismap.today();'
  echo 'ROLLBACK;'
} >"$WORK/try.psql"

before=$(digest "$DB")
: >"$LOG"
if psql -X -q -A -t -v ON_ERROR_STOP=0 -d "$DB" -f "$WORK/try.psql" >"$WORK/try.out" 2>"$WORK/try.err"; then
  ok "Things to try: psql runs the README's block ($paragraphs paragraphs) in $DB"
else
  cp "$WORK/try.err" "$LOG"
  not_ok "Things to try: psql runs the README's block ($paragraphs paragraphs) in $DB"
fi
# Cut the output and the errors by paragraph.
awk -v dir="$WORK/try" '/^@@ /{ n = $2; next } { print > (dir "/" n ".out") }' "$WORK/try.out"
awk -v dir="$WORK/try" '/^@@ /{ n = $2; next } { print > (dir "/" n ".err") }' "$WORK/try.err"
declare -A SEEN
for n in $(seq "$paragraphs"); do
  comments=$(sed -n '/^--/!q; p' "$WORK/try/$n.sql")
  title=$(head -1 <<<"$comments" | sed 's/^-- //')
  out=$(cat "$WORK/try/$n.out" 2>/dev/null)
  touch "$WORK/try/$n.err"
  fn=${TRY[$comments]:-}
  : >"$LOG"
  if [ -z "$fn" ]; then
    { echo "this check does not know this paragraph's comments; say in test/demo_check.sh what it must give:"
      echo "$comments"; } >"$LOG"
    not_ok "Things to try, paragraph $n: $title"
    continue
  fi
  SEEN[$comments]=1
  if "$fn" "$out" "$WORK/try/$n.err"; then
    ok "Things to try, paragraph $n: $title"
  else
    not_ok "Things to try, paragraph $n: $title"
  fi
done
for comments in "${!TRY[@]}"; do
  if [ -z "${SEEN[$comments]:-}" ]; then
    echo "$comments" >"$LOG"
    not_ok "Things to try: a paragraph this check knows is not in the README"
  fi
done
: >"$LOG"
check "Things to try: after the block, today is the demo's day again" \
  test "$(cat "$WORK/try/after.out" 2>/dev/null)" = "$DEMO_DAY"
check "Things to try: nothing after the block failed" \
  no_errors "$WORK/try/after.err"
check "Things to try: the registry is as it was once the transaction is rolled back" \
  test "$(digest "$DB")" = "$before"

#
# The tour, in a database of its own, as the README says.
#
readme_block "## A tour in psql" '```sql' >"$WORK/tour.sql"
: >"$LOG"
if createdb --encoding=UTF8 --locale=C --template=template0 "$TOUR" >"$LOG" 2>&1 &&
   psql -X -q -A -t -F ' | ' -v ON_ERROR_STOP=1 -d "$TOUR" -f "$WORK/tour.sql" >"$WORK/tour.out" 2>"$WORK/tour.err" &&
   [ ! -s "$WORK/tour.err" ]; then
  ok "the tour runs as written in a new database, without an error or a warning"
else
  cat "$WORK/tour.err" >>"$LOG" 2>/dev/null
  not_ok "the tour runs as written in a new database, without an error or a warning"
fi
# The results the tour shows as comments ("--  A24-0001 | 2024-05-10 | ...",
# less the remark in parentheses after them) are lines of its output.
shown=$(sed -n 's/^--  \(.* | .*\)$/\1/p' "$WORK/tour.sql" | sed 's/  *(.*)$//')
check "the tour shows results (at least two)" test "$(grep -c . <<<"$shown")" -ge 2
while IFS= read -r line; do
  [ -n "$line" ] || continue
  check "the tour gives what it shows: $line" grep -q -x -F "$line" "$WORK/tour.out"
done <<<"$shown"
check "the tour's auditor_status(1, '2026-04-02') is expired, as its comment says" \
  bash -c "grep -q -F \"ismap.auditor_status(1, '2026-04-02');\" \"$WORK/tour.sql\" &&
           grep -F \"ismap.auditor_status(1, '2026-04-02');\" \"$WORK/tour.sql\" | grep -q -- '-- expired' &&
           grep -q -x expired \"$WORK/tour.out\""
# The refusal the README shows after the tour is the one the tour's
# registry gives to auditor 1's renewal filed the day after it expired.
readme_block "Every refused write is an error that names its rule" '```' >"$WORK/refusal.readme"
psql -X -q -d "$TOUR" -c "SET ismap.today = '2026-04-02'" \
  -c "INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id)
      VALUES (1, 'renewal', '2026-04-02', 1)" >/dev/null 2>"$WORK/refusal.got"
check "the README's example refusal is what the tour's registry says to a renewal filed on 2026-04-02" \
  diff "$WORK/refusal.readme" "$WORK/refusal.got"

#
# Last: the pin can be lifted as the README says (the database is dropped
# next).
#
psql -X -q -d "$DB" -c "ALTER DATABASE $DB RESET ismap.today" >"$LOG" 2>&1
expect "ALTER DATABASE $DB RESET ismap.today unpins it for the sessions after" "SHOW ismap.today" ""

summary
[ "$failed" = 0 ]
