#!/usr/bin/env bash
# Make sure the store tests can start their own throwaway PostgreSQL server: they need the server
# binaries (initdb, pg_ctl) of Debian's `postgresql` package, in /usr/lib/postgresql/*/bin. The
# tests start and stop the server themselves (tests/unit/conftest.py), on a free port, in a
# temporary folder; nothing here starts a server.
set -euo pipefail

have_pg() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null
}

have_pg && exit 0

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure_postgres: installing postgresql ..."
  # No default cluster: the tests make their own, and no system server should be left running.
  if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
  have_pg && exit 0
  echo "ensure_postgres: installed postgresql but initdb/pg_ctl are still missing" >&2
  exit 1
fi

cat >&2 <<'MSG'
ensure_postgres: PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb).
The store tests run against a throwaway PostgreSQL server they start themselves; without the
binaries those tests are skipped (and fail in CI). Install them with:

    sudo apt-get install -y postgresql

MSG
# Locally the tests skip with this reason; in CI the missing package is an error.
[[ -n "${CI:-}" ]] && exit 1
exit 0
