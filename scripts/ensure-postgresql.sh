#!/usr/bin/env bash
# Installs Debian's PostgreSQL server, used by the tests to run the postgresql chart's rendered config, init scripts
# and the whole stack against a real server. Prints only the folder of its binaries (initdb, pg_ctl, psql).
set -euo pipefail
# `|| true`: with pipefail, ls finding no folder would otherwise end the script before it installs anything.
find_bindir() { { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
bindir=$(find_bindir)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "ensure-postgresql: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  # On a fresh machine the package lists may be missing or stale: update them once and try again.
  sudo_if_needed apt-get install -y --no-install-recommends postgresql >&2 ||
    { sudo_if_needed apt-get update >&2 && sudo_if_needed apt-get install -y --no-install-recommends postgresql >&2; }
  bindir=$(find_bindir)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "ensure-postgresql: no PostgreSQL server after installing" >&2
  exit 1
fi
echo "$bindir"
