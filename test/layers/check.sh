#!/usr/bin/env bash
# The layering of src/ (README, "Layout"): test/layers/check.pl passes on the
# tree, and fails on copies of it broken the ways it must catch (a call to a
# folder above, a header that leads back up, a circle inside one folder, a
# folder LAYERS does not name).  One "ok"/"not ok" line per check, then
# "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
passed=0
failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

if out=$(perl test/layers/check.pl src 2>&1); then
  ok "src/ is layered: $out"
else
  not_ok "src/ is layered"
  echo "$out" | sed 's/^/#   /'
fi

# broken NAME EDIT...: a copy of src/ with EDIT applied must fail the check.
broken() {
  local name=$1
  shift
  rm -rf "$scratch/src"
  cp -r src "$scratch/src"
  (cd "$scratch" && eval "$@")
  if perl test/layers/check.pl "$scratch/src" >"$scratch/out" 2>&1; then
    not_ok "refused: $name"
    sed 's/^/#   /' "$scratch/out"
  else
    ok "refused: $name ($(grep -m1 '^not ok' "$scratch/out"))"
  fi
}

broken "a store file calls a rule" \
  "printf 'void lower(void);\nvoid lower(void) { refuse_application_delete(NULL); }\n' >> src/store/tables.c"
broken "a base header uses a log function in a macro" \
  "printf '#define LOG_IT() history_lock()\n' >> src/base/errors.h"
broken "two files of one folder call each other" \
  "printf 'void back(void);\nvoid back(void) { registration_lock(NULL, 0); }\n' >> src/state/facts_scan.c"
broken "a header leads back to its own .c" \
  "printf '#include \"state/facts_refresh.h\"\n' >> src/state/list_spans.h"
broken "a function pointer hides a call upward" \
  "printf 'static void *hidden = (void *) &history_log_write;\n' >> src/store/registry.c"
broken "a folder LAYERS does not name" \
  "mkdir src/extra && printf 'int extra;\n' > src/extra/extra.c"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
