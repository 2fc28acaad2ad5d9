#!/usr/bin/env bash
# Prints each component's memory under the stack's end-to-end scenario with the charts' defaults
# (packages/chart-gen/bench/stack-memory.bench.ts). Needs root, as the stack tests do.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=tool-env.sh
source scripts/tool-env.sh
echo "== bench"
npx jest --config jest.bench.config.js --verbose=false
