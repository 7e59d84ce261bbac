#!/usr/bin/env bash
# The README shows what the project's files say, and the update from 0.1.0
# ends with what a fresh install runs last:
#   - the README's two blocks of "Access" are demo/roles.sql and
#     demo/role_organizations.sql, which the demo runs;
#   - ismap--0.1.0--0.2.0.sql ends with src/sql/98_access.sql and every
#     later part of the script as they are (scripts/sync-upgrade-tail).
# One "ok"/"not ok" line per check, then "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
passed=0
failed=0
diffs=$(mktemp /tmp/docs_check.XXXXXX)
trap 'rm -f "$diffs"' EXIT

check() {
  local name=$1
  shift
  if "$@" >"$diffs" 2>&1; then
    echo "ok - $name"
    passed=$((passed + 1))
  else
    echo "not ok - $name"
    sed 's/^/#   /' "$diffs"
    failed=$((failed + 1))
  fi
}

# readme_block FIRST_LINE: the README's code block that begins with that line.
readme_block() {
  awk -v first="$1" '
    started && /^```/ { exit }
    !started && $0 == first { started = 1 }
    started { print }' README.md
}

for f in demo/roles.sql demo/role_organizations.sql; do
  check "the README's block that begins as $f does is $f" \
    diff "$f" <(readme_block "$(head -1 "$f")")
done
first='-- ==== src/sql/98_access.sql as it is ===='
check "the update from 0.1.0 ends with src/sql/98_access.sql and the later parts as they are" \
  diff <(scripts/upgrade-tail) <(awk -v m="$first" '$0 == m { found = 1 } found { print }' ismap--0.1.0--0.2.0.sql)

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
