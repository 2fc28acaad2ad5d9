#!/usr/bin/env bash
# Packages one generated chart into dist/charts/<name>-<version>.tgz with the pinned helm 4. An umbrella's
# subcharts are built into its charts/ first (helm dependency build), so the package carries them and Chart.lock.
#
#   scripts/package-chart.sh <chart> [output folder, default dist/charts]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
chart=${1:?usage: scripts/package-chart.sh <chart> [output folder]}
out=${2:-dist/charts}
[ -f "charts/$chart/Chart.yaml" ] || { echo "package-chart: no chart charts/$chart" >&2; exit 2; }
helm=$(bash tools/install-tools.sh --print helm4)
if grep -q '^dependencies:' "charts/$chart/Chart.yaml"; then
  # helm resolves an https:// dependency only through a configured repository: register each one in a private
  # repository config, so the user's own helm configuration is neither needed nor changed.
  config=$(mktemp -d)
  trap 'rm -rf "$config"' EXIT
  { grep -Eo 'repository: https?://[^[:space:]]+' "charts/$chart/Chart.yaml" || true; } | sed 's/repository: //' | sort -u | while read -r url; do
    "$helm" repo add "$(echo "$url" | tr -c 'a-z0-9\n' '-')" "$url" --repository-config "$config/repositories.yaml" \
      --repository-cache "$config/cache" >&2
  done
  "$helm" dependency build "charts/$chart" --repository-config "$config/repositories.yaml" --repository-cache "$config/cache" >&2
fi
mkdir -p "$out"
# Reproducible bytes: the archive's file times come from the chart's last commit, not from the checkout.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct -- "charts/$chart" 2>/dev/null || true)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}
"$helm" package "charts/$chart" --destination "$out"
