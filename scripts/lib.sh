# Shared by scripts/test and scripts/demo: install what is missing.
# Packages come from Debian's archive, installed as root or through sudo.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

ISMAP_PACKAGES=(make gcc libc6-dev postgresql-15 postgresql-server-dev-15 postgresql-common
                postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl bc)
# What the tests need besides: random queries (test/fuzz/sqlsmith.sh).
ISMAP_TEST_PACKAGES=("${ISMAP_PACKAGES[@]}" sqlsmith)

build_and_install() {
  ensure_packages "${ISMAP_PACKAGES[@]}"
  make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config "$@"
  as_root make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config install
}
