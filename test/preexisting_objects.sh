#!/usr/bin/env bash
# CREATE EXTENSION ismap among objects made beforehand by someone else
# (README, "Access"): a schema named ismap, or a capacity role that could
# do more than a capacity (LOGIN, CREATEDB, BYPASSRLS), makes it fail and
# change nothing, the other role's objects untouched; the error names the
# unsafe role (42501, sec_role_authority).  A safe NOLOGIN capacity role
# made beforehand is reused with its members.  The roles outlive DROP
# EXTENSION.
#
# Roles belong to the cluster, and the test server may hold the capacity
# roles already (another suite's database), so this runs a throwaway
# cluster of its own on a socket in a private directory, with this tree
# installed.  One "ok"/"not ok" line per check, then "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export PGCLIENTENCODING=UTF8

BIN=$(pg_config --bindir)
PORT=${PREEXISTING_PORT:-5797}
WORK=$(mktemp -d /tmp/ismap_preexisting.XXXXXX)
# The cluster trusts its socket, which only its owner (and root) can reach.
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
chmod 700 "$WORK"
LOG="$WORK/log"
SERVER_LOG="$WORK/server.log"
. test/cluster_lib.sh

cleanup() {
  as_postgres "$BIN/pg_ctl" -D "$WORK/data" stop -m immediate >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

CAPACITIES="'ismap_committee', 'ismap_operator', 'ismap_ministry', 'ismap_provider',
            'ismap_auditor', 'ismap_procurer', 'ismap_reader'"

# q USER DB SQL: the result, unaligned, without headers (each statement
# of SQL in a transaction of its own).
q() { psql -U "$1" -h "$WORK" -p "$PORT" -d "$2" -X -q -A -t -v ON_ERROR_STOP=1 -f - <<<"$3" 2>"$LOG"; }
su() { q postgres "$@"; }

# expect NAME DB SQL EXPECTED (as the superuser)
expect() {
  local name=$1 db=$2 sql=$3 want=$4 got
  if got=$(su "$db" "$sql") && [ "$got" = "$want" ]; then
    ok "$name"
  else
    echo "not ok - $name"
    echo "#   expected: $want"
    echo "#   got:      ${got:-(nothing)}"
    [ -s "$LOG" ] && sed 's/^/#   /' "$LOG"
    failed=$((failed + 1))
  fi
}

# What a failed CREATE EXTENSION must leave as it found: the roles (their
# rights and memberships), the schemas, the extensions, and every object
# of a schema named ismap with its owner.
STATE="SELECT md5(string_agg(x, E'\n' ORDER BY x)) FROM (
  SELECT format('role %s %s %s %s %s %s %s', r.rolname, r.rolcanlogin, r.rolsuper, r.rolcreaterole,
                r.rolcreatedb, r.rolreplication, r.rolbypassrls) FROM pg_roles r
  UNION ALL SELECT format('member %s of %s', m.member::regrole, m.roleid::regrole) FROM pg_auth_members m
  UNION ALL SELECT format('schema %s %s', n.nspname, n.nspowner::regrole) FROM pg_namespace n
  UNION ALL SELECT format('extension %s', e.extname) FROM pg_extension e
  UNION ALL SELECT format('relation %s %s %s', c.relname, c.relkind, c.relowner::regrole)
              FROM pg_class c WHERE c.relnamespace::regnamespace::text = 'ismap'
  UNION ALL SELECT format('function %s %s', p.oid::regprocedure, p.proowner::regrole)
              FROM pg_proc p WHERE p.pronamespace::regnamespace::text = 'ismap') s(x)"

# create_extension DB: CREATE EXTENSION ismap as the superuser; answers
# "created", or the error's SQLSTATE, constraint name and message.
create_extension() {
  su "$1" "DO \$\$
    DECLARE s text; c text; m text;
    BEGIN
      CREATE EXTENSION ismap;
      PERFORM set_config('preexisting.result', 'created', false);
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, c = CONSTRAINT_NAME, m = MESSAGE_TEXT;
      PERFORM set_config('preexisting.result', format('%s %s %s', s, coalesce(nullif(c, ''), '-'), m), false);
    END \$\$;
    SELECT current_setting('preexisting.result');"
}

# refused NAME DB SQLSTATE RULE MESSAGE_PART: CREATE EXTENSION ismap fails
# so, and leaves the cluster's state as it was.
refused() {
  local name=$1 db=$2 want_state=$3 want_rule=$4 want_part=$5 before after got
  before=$(su "$db" "$STATE")
  got=$(create_extension "$db")
  after=$(su "$db" "$STATE")
  case "$got" in
    "$want_state $want_rule "*"$want_part"*) ok "$name: $got" ;;
    *) echo "not ok - $name"; echo "#   got: ${got:-(nothing)}"; failed=$((failed + 1)) ;;
  esac
  if [ -n "$before" ] && [ "$before" = "$after" ]; then
    ok "$name: nothing changed (roles, memberships, schemas, extensions, the schema's objects)"
  else
    not_ok "$name: nothing changed"
  fi
}

step "initdb of a throwaway cluster" \
  as_postgres "$BIN/initdb" -D "$WORK/data" -A trust -U postgres --encoding=UTF8 --locale=C
step "start it" as_postgres "$BIN/pg_ctl" -D "$WORK/data" -l "$SERVER_LOG" -w -t 60 \
  -o "-p $PORT -k $WORK -c listen_addresses=''" start
# mallory: may create roles and schemas, but is no superuser.
step "a role that may create roles and schemas, not a superuser" \
  su postgres "CREATE ROLE mallory LOGIN CREATEROLE; CREATE ROLE alice LOGIN;
               CREATE DATABASE s1; CREATE DATABASE s2; CREATE DATABASE s3; CREATE DATABASE s4; GRANT CREATE ON DATABASE s1 TO mallory"

# 1. A schema named ismap, another role's, with objects in it.
step "mallory creates schema ismap, with a table and a function named like the extension's" \
  q mallory s1 "CREATE SCHEMA ismap;
                CREATE TABLE ismap.organizations (organization_id bigint, name text);
                INSERT INTO ismap.organizations VALUES (1, 'mallory''s row');
                CREATE FUNCTION ismap.today() RETURNS date LANGUAGE sql AS 'SELECT date ''2000-01-01''';
                GRANT USAGE ON SCHEMA ismap TO PUBLIC"
refused "a schema ismap made beforehand" s1 42P06 - 'schema "ismap" already exists'
expect "mallory's schema and its objects are still mallory's, its row untouched" s1 \
  "SELECT n.nspowner::regrole || ' ' || (SELECT string_agg(c.relname || ':' || c.relowner::regrole, ',')
     FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'r') || ' '
     || (SELECT name FROM ismap.organizations) || ' ' || ismap.today()
     FROM pg_namespace n WHERE n.nspname = 'ismap'" \
  "mallory organizations:mallory mallory's row 2000-01-01"
expect "no capacity role was made" s1 \
  "SELECT count(*) FROM pg_roles WHERE rolname IN ($CAPACITIES)" 0

# 2. Unsafe capacity roles made beforehand.
step "mallory creates ismap_committee WITH LOGIN" q mallory postgres "CREATE ROLE ismap_committee LOGIN"
refused "ismap_committee WITH LOGIN" s2 42501 sec_role_authority 'role ismap_committee exists and is unsafe'
expect "ismap_committee is left as mallory made it, and no other capacity was made" s2 \
  "SELECT string_agg(rolname || ':' || rolcanlogin, ',') FROM pg_roles WHERE rolname IN ($CAPACITIES)" \
  "ismap_committee:true"
step "mallory drops it" q mallory postgres "DROP ROLE ismap_committee"

step "mallory creates ismap_reader CREATEDB" q mallory postgres "CREATE ROLE ismap_reader NOLOGIN CREATEDB"
refused "ismap_reader CREATEDB" s2 42501 sec_role_authority 'role ismap_reader exists and is unsafe'
step "mallory drops it" q mallory postgres "DROP ROLE ismap_reader"

# BYPASSRLS (and REPLICATION) only a superuser may give: the role is made
# by one, as a careless DBA would.
step "a superuser creates ismap_provider BYPASSRLS" su postgres "CREATE ROLE ismap_provider NOLOGIN BYPASSRLS"
refused "ismap_provider BYPASSRLS" s2 42501 sec_role_authority 'role ismap_provider exists and is unsafe'
step "it is dropped" su postgres "DROP ROLE ismap_provider"
expect "after the refusals, no extension in the database, nor a schema ismap" s2 \
  "SELECT count(*) FROM pg_extension WHERE extname = 'ismap'
   UNION ALL SELECT count(*) FROM pg_namespace WHERE nspname = 'ismap'" "0
0"

# 3. A safe capacity role made beforehand is reused, its members kept.
step "mallory creates a safe ismap_committee (NOLOGIN) and makes alice a member" \
  q mallory postgres "CREATE ROLE ismap_committee NOLOGIN; GRANT ismap_committee TO alice"
got=$(create_extension s3)
if [ "$got" = created ]; then ok "CREATE EXTENSION ismap reuses a safe ismap_committee"; else
  echo "not ok - CREATE EXTENSION ismap reuses a safe ismap_committee"; echo "#   got: $got"; failed=$((failed + 1)); fi
expect "ismap_committee keeps its member and gets the committee's grants; the other six are made NOLOGIN" s3 \
  "SELECT pg_has_role('alice', 'ismap_committee', 'MEMBER')
          AND has_table_privilege('alice', 'ismap.investigations', 'INSERT')
          AND (SELECT bool_and(NOT rolcanlogin AND NOT rolsuper AND NOT rolcreatedb AND NOT rolcreaterole
                               AND NOT rolbypassrls)
                 FROM pg_roles WHERE rolname IN ($CAPACITIES))
          AND (SELECT count(*) FROM pg_roles WHERE rolname IN ($CAPACITIES)) = 7" t

# 4. The roles outlive DROP EXTENSION, and serve the extension of another
# database.
step "CREATE EXTENSION ismap in a second database, with the roles already there" \
  su s4 "CREATE EXTENSION ismap"
step "DROP EXTENSION ismap in the first" su s3 "DROP EXTENSION ismap"
expect "the seven roles outlive DROP EXTENSION, alice still a committee member" postgres \
  "SELECT count(*) || ' ' || pg_has_role('alice', 'ismap_committee', 'MEMBER')
     FROM pg_roles WHERE rolname IN ($CAPACITIES)" "7 true"
expect "the other database's grants to them are intact" s4 \
  "SELECT has_table_privilege('ismap_committee', 'ismap.investigations', 'INSERT')
          AND has_table_privilege('ismap_ministry', 'ismap.audits', 'SELECT')" t
step "CREATE EXTENSION ismap again in the first database" su s3 "CREATE EXTENSION ismap"
step "DROP EXTENSION ismap in the first again" su s3 "DROP EXTENSION ismap"
step "DROP EXTENSION ismap in the second" su s4 "DROP EXTENSION ismap"
expect "and still after the last DROP EXTENSION of the cluster" postgres \
  "SELECT count(*) FROM pg_roles WHERE rolname IN ($CAPACITIES)" 7

summary
[ "$failed" = 0 ]
