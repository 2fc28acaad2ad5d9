#!/usr/bin/env bash
# Installs the exact npm dependencies of package-lock.json when node_modules is missing or older than the lock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ensure-deps: npm ci" >&2
  npm ci --no-audit --no-fund >&2
fi
