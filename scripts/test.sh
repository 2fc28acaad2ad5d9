#!/usr/bin/env bash
# Set-up step two: every test. Installs what it needs (npm dependencies, the pinned tools of tools/versions.env,
# Debian's docker-registry and PostgreSQL server), regenerates the charts, proves the committed output is what the
# definitions generate, then runs every jest suite: unit tests, helm lint/template/schema tests, helm-unittest
# suites and the stack's end-to-end tests. Arguments go to jest (`npm run test:stack` passes the stack tests' path).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=${NX_DAEMON:-false} NX_NO_CLOUD=true

# shellcheck source=tool-env.sh
source scripts/tool-env.sh
bash scripts/ensure-registry.sh

echo "== generate"
npx nx run-many -t generate --output-style=static
node packages/chart-gen/dist/cli.js generate --check
# A chart whose packaged content changed since the base must carry a higher version (the base must exist).
version_base=${CHART_GEN_VERSION_BASE:-HEAD~1}
if git rev-parse --verify --quiet "$version_base^{commit}" >/dev/null; then
  node packages/chart-gen/dist/cli.js check-versions --base "$version_base"
else
  echo "note: no $version_base in this clone (shallow?): chart versions not checked; set CHART_GEN_VERSION_BASE"
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  drift=$(git status --porcelain -- charts argocd-apps)
  if [ -n "$drift" ]; then
    if [ "${CI:-}" = "true" ]; then
      echo "Regenerating changed committed output; commit the regenerated files:" >&2
      echo "$drift" >&2
      git --no-pager diff --stat -- charts argocd-apps >&2
      exit 1
    fi
    echo "note: generated files differ from the last commit (uncommitted regeneration):"
    echo "$drift"
  fi
fi

echo "== lint"
# ESLint (typescript-eslint, import order, unused code, 120 columns) and Prettier's formatting check.
npm run -s lint

echo "== jest"
results=.nx/jest-results.json
mkdir -p .nx
status=0
npx jest --ci --json --outputFile="$results" "$@" || status=$?
node -e '
  const r = require(process.argv[1]);
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' "$PWD/$results"
exit "$status"
