# Shared by the suites that run clusters of their own or beside the test
# server (test/standby.sh, test/logical.sh, test/pg_upgrade.sh): the
# "ok"/"not ok" lines and their count, steps that stop the suite when they
# fail, running the server as postgres, and a digest of a query's rows.
# The suite sets LOG (where a failing check's output goes) and, if it has
# one, SERVER_LOG (a server's log, whose tail a failing step shows).

passed=0
failed=0

ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); [ -s "$LOG" ] && sed 's/^/#   /' "$LOG"; }
summary() { echo "$passed passed, $failed failed"; }

# step NAME COMMAND...: a preparation step; the suite stops if it fails.
step() {
  local name=$1
  shift
  if "$@" >"$LOG" 2>&1; then
    ok "$name"
  else
    [ -n "${SERVER_LOG:-}" ] && [ -f "$SERVER_LOG" ] && tail -20 "$SERVER_LOG" >>"$LOG"
    not_ok "$name"
    summary
    exit 1
  fi
}

# The server refuses to run as root: run it (and its tools) as postgres.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- env PGPASSWORD="${PGPASSWORD:-}" "$@"
  else
    "$@"
  fi
}

# digest QUERY: a query answering its rows' count and an md5 over them, in
# a fixed order, so that two servers' answers compare as one line.
digest() {
  printf "SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(x::text, E'\\\\n' ORDER BY x::text), '')) FROM (%s) x" "$1"
}
