#!/usr/bin/env bash
# The README shows what the project's files say: its committee GRANT block
# is docs/committee_grants.sql (which the pgTAP suite 40 runs).  One
# "ok"/"not ok" line per check, then "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
passed=0
failed=0
if grep -v '^-- The committee\|^-- The test suite' docs/committee_grants.sql |
   diff - <(sed -n '/^CREATE ROLE ismap_committee NOLOGIN;/,/^```/p' README.md | sed '$d') >/tmp/docs_check.$$ 2>&1; then
  echo "ok - the README's committee grants are docs/committee_grants.sql"
  passed=$((passed + 1))
else
  echo "not ok - the README's committee grants are docs/committee_grants.sql"
  sed 's/^/#   /' /tmp/docs_check.$$
  failed=$((failed + 1))
fi
rm -f /tmp/docs_check.$$
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
