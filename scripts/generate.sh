#!/usr/bin/env bash
# Set-up step one: install dependencies, then generate every chart through Nx (cached, so a second run is instant).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=${NX_DAEMON:-false} NX_NO_CLOUD=true
bash scripts/ensure-deps.sh
npx nx run-many -t generate "$@"
