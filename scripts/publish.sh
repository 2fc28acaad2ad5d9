#!/usr/bin/env bash
# Packages every chart (npx nx run-many -t package) and publishes the packages to an OCI registry (with the pinned
# helm 4) or to a repository with ChartMuseum's upload API. Arguments go to `chart-gen publish`, e.g.:
#
#   scripts/publish.sh oci://registry.example.com/mlops
#   scripts/publish.sh oci://127.0.0.1:5000/charts --plain-http
#   scripts/publish.sh https://charts.example.com
#   scripts/publish.sh https://git.example.com/api/packages/mlops/helm
#
# OCI credentials come from `helm registry login` (or the Docker config helm reads); a chart repository's from
# HELM_REPO_USERNAME and HELM_REPO_PASSWORD, or HELM_REPO_ACCESS_TOKEN. Signing keys come from the variables
# `chart-gen --help` lists (CHART_GEN_SIGNING_* for helm provenance, COSIGN_KEY and COSIGN_PASSWORD for OCI).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=${NX_DAEMON:-false} NX_NO_CLOUD=true
[ $# -gt 0 ] || { echo "usage: scripts/publish.sh <oci://<registry>/<path> | https://<chart repository>> [--force] [--plain-http]" >&2; exit 2; }
bash scripts/ensure-deps.sh
npx nx run-many -t package --output-style=static >&2
# cosign (a few minutes to build on first use) only when an OCI push is to be signed.
if [ -z "${COSIGN:-}" ] && { [ -n "${COSIGN_KEY:-}" ] || [[ " $* " == *" --cosign-key"* ]]; }; then
  COSIGN=$(bash tools/install-tools.sh --print cosign)
  export COSIGN
fi
HELM=$(bash tools/install-tools.sh --print helm4) node packages/chart-gen/dist/cli.js publish "$@"
