#!/usr/bin/env bash
# Installs Debian's PostgreSQL server, used by the tests to run the postgresql chart's rendered config and init
# script against a real server. Prints the folder of its binaries (initdb, pg_ctl, psql).
set -euo pipefail
find_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bindir=$(find_bindir)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "ensure-postgresql: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get install -y --no-install-recommends postgresql >&2 ||
    { sudo_if_needed apt-get update >&2 && sudo_if_needed apt-get install -y --no-install-recommends postgresql >&2; }
  bindir=$(find_bindir)
fi
echo "$bindir"
