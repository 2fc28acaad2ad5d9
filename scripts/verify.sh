#!/usr/bin/env bash
# Packages every chart (npx nx run-many -t package) and checks the published ones against them: each chart's signature
# and that the signed package holds the files this checkout builds. Arguments go to `chart-gen verify`, e.g.:
#
#   scripts/verify.sh https://charts.example.com --keyring pubring.gpg
#   scripts/verify.sh oci://registry.example.com/mlops --key cosign.pub
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=${NX_DAEMON:-false} NX_NO_CLOUD=true
[ $# -gt 0 ] || { echo "usage: scripts/verify.sh <https://<chart repository> --keyring <pubring> | oci://<registry>/<path> --key <cosign.pub>>" >&2; exit 2; }
bash scripts/ensure-deps.sh
npx nx run-many -t package --output-style=static >&2
if [ -z "${COSIGN:-}" ] && [[ $1 == oci://* ]]; then
  COSIGN=$(bash tools/install-tools.sh --print cosign)
  export COSIGN
fi
HELM=$(bash tools/install-tools.sh --print helm4) node packages/chart-gen/dist/cli.js verify "$@"
