#!/usr/bin/env bash
# Set-up step two: every test. Installs what it needs (npm dependencies, the pinned helm 4, helm 3 and
# helm-unittest, Debian's docker-registry and PostgreSQL server), regenerates the charts, proves the committed output is what the definitions generate, then runs
# the unit tests, the helm lint/template/schema tests and the helm-unittest suites under jest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=${NX_DAEMON:-false} NX_NO_CLOUD=true

bash scripts/ensure-deps.sh

echo "== tools"
while IFS='=' read -r name path; do
  case "$name" in
    helm4) export HELM4="$path" ;;
    helm3) export HELM3="$path" ;;
    helm-unittest) export HELM_UNITTEST="$path" ;;
    kube-strict) export KUBE_STRICT="$path" ;;
  esac
  echo "$name: $path"
done < <(bash tools/install-tools.sh)

bash scripts/ensure-registry.sh
PG_BINDIR=$(bash scripts/ensure-postgresql.sh)
export PG_BINDIR

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
