# The demo registry, sourced by scripts/demo-session (which loads it and
# shows it) and by test/demo_check.sh (which checks that what it shows is
# what the README says): one loader and one list of what the demo prints,
# so that the check cannot drift from the demo.  Runs against the server
# the PG* environment names, as a superuser.

DEMO_DB=ismap_demo

# The demo's day.  The story of demo/auditors.sql and demo/services.sql
# ends on 2026-11-20 (the last day either file writes), and everything the
# README says about "today" in the demo is true of that day.  Left on the
# real date, the story ages: from 2026-12-03 Kohaku's term has ended and the
# auditor list has no suspended firm, and from 2028 no service is valid any
# more.  So the demo database pins its day for every session that
# connects to it (ALTER DATABASE ... SET ismap.today).
DEMO_DAY=2026-11-20

# The past day on which the demo shows the lists as they stood.
DEMO_PAST_DAY=2024-04-01

# demo_load DB: create DB, install ismap, load the three files as the
# operations body would have written them, make the demo's login roles
# (demo/roles.sql: roles belong to the cluster, so only where they are
# missing) and map them to their organizations in DB
# (demo/role_organizations.sql), then pin the demo's day for the sessions
# that connect after (the files set each day of their history themselves,
# and end with RESET ismap.today).
demo_load() {
  local db=$1 roles
  createdb --encoding=UTF8 --locale=C --template=template0 "$db" &&
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION ismap' &&
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f demo/auditors.sql &&
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f demo/services.sql &&
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f demo/oversight.sql &&
    roles=$(psql -X -A -t -d "$db" -c "SELECT count(*) FROM pg_roles WHERE rolname = 'demo_committee'") &&
    { [ "$roles" = 1 ] || psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f demo/roles.sql; } &&
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f demo/role_organizations.sql &&
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" \
      -c "ALTER DATABASE \"$db\" SET ismap.today = '$DEMO_DAY'"
}

# What the demo prints, in order: a key (for test/demo_check.sh), a title
# and the query behind it (without its semicolon, so that the check can
# wrap it).  "@today@" in a title is replaced by the day the database
# reports as ismap.today(), so that a lost pin shows in the title too.
DEMO_SERVICE_COLUMNS="registration_number, service_name, provider_name, service_model, audit_period_start, audit_period_end, valid_until, auditor_name, status"
DEMO_KEYS=(settings auditors_today auditors_past overdue services_today services_past service_statuses obligations late_filings provider_audits)
declare -A DEMO_TITLE DEMO_QUERY
DEMO_TITLE[settings]="settings of the scheme"
DEMO_QUERY[settings]="SELECT name, value FROM ismap.settings ORDER BY name"
DEMO_TITLE[auditors_today]="the public auditor list today (@today@)"
DEMO_QUERY[auditors_today]="SELECT * FROM ismap.auditor_list"
DEMO_TITLE[auditors_past]="the same list as it stood on $DEMO_PAST_DAY"
DEMO_QUERY[auditors_past]="SELECT * FROM ismap.auditor_list_at('$DEMO_PAST_DAY')"
DEMO_TITLE[overdue]="compliance reports overdue today"
DEMO_QUERY[overdue]="SELECT * FROM ismap.overdue_compliance_reports"
DEMO_TITLE[services_today]="the public cloud service list today (@today@)"
DEMO_QUERY[services_today]="SELECT $DEMO_SERVICE_COLUMNS FROM ismap.cloud_service_list"
DEMO_TITLE[services_past]="the cloud service list as it stood on $DEMO_PAST_DAY"
DEMO_QUERY[services_past]="SELECT $DEMO_SERVICE_COLUMNS FROM ismap.cloud_service_list_at('$DEMO_PAST_DAY')"
DEMO_TITLE[obligations]="every obligation overdue today: compliance reports, incident reports, re-audits, re-applications (confidential)"
DEMO_QUERY[obligations]="SELECT kind, registration_number, organization_name, due_on, days_overdue FROM ismap.overdue_obligations"
DEMO_TITLE[late_filings]="reports and notices filed after their due date (confidential)"
DEMO_QUERY[late_filings]="SELECT * FROM ismap.late_filings"
DEMO_TITLE[provider_audits]="what a provider's staff sees of the audits: those of its own services (row-level security)"
DEMO_QUERY[provider_audits]="SET ROLE soyokaze_staff; SELECT s.name_en AS service, a.assessment, a.period_start, a.period_end, a.reported_on FROM ismap.audits a JOIN ismap.cloud_services s USING (service_id) ORDER BY a.reported_on, s.name_en"
DEMO_TITLE[service_statuses]="every cloud service registration by its status today (expired and removed ones are not listed)"
DEMO_QUERY[service_statuses]="SELECT ismap.service_status(registration_id) AS status, count(*) AS registrations FROM ismap.service_registrations GROUP BY 1 ORDER BY 1"

# demo_today DB: ismap.today() as a new session of DB sees it, with what
# it is: the demo's day (pinned) or not.
demo_today() {
  local day
  day=$(psql -X -A -t -d "$1" -c 'SELECT ismap.today()') || return 1
  if [ "$day" = "$DEMO_DAY" ]; then
    echo "$day, the demo's day"
  else
    echo "$day, Asia/Tokyo"
  fi
}

# demo_show DB: print each list with the query behind it.
demo_show() {
  local db=$1 today key title
  today=$(demo_today "$db") || return 1
  for key in "${DEMO_KEYS[@]}"; do
    title=${DEMO_TITLE[$key]//@today@/$today}
    echo "== $title"
    echo "   ${DEMO_QUERY[$key]};"
    psql -X -q -P pager=off -d "$db" -c "${DEMO_QUERY[$key]};" || return 1
  done
}
