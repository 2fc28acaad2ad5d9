#!/usr/bin/env bash
# Installs the pinned helm 4, helm 3 and helm-unittest (tools/versions.env), and builds this repository's
# tools/kube-strict (a strict Kubernetes manifest decoder, pinned by its go.mod), into a cache outside the checkout,
# so every clone on this machine shares one build. Already-built versions are skipped; a binary on PATH that
# reports the pinned version is linked instead of built.
#
#   tools/install-tools.sh                ensure all tools, then print one "name=path" line per tool
#   tools/install-tools.sh --quiet        ensure all tools, print nothing
#   tools/install-tools.sh --print helm4  ensure all tools, print the path of one (helm4, helm3, helm-unittest,
#                                         kube-strict)
#
# CHART_GEN_TOOLS_DIR overrides the cache (default: ${XDG_CACHE_HOME:-~/.cache}/chart-gen/tools).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
cache=${CHART_GEN_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/chart-gen/tools}
mode=all
case "${1:-}" in
  --quiet) mode=quiet ;;
  --print) mode=print; wanted=${2:?--print needs a tool name: helm4, helm3, helm-unittest or kube-strict} ;;
  "") ;;
  *) echo "install-tools: unknown argument $1" >&2; exit 2 ;;
esac

log() { echo "install-tools: $*" >&2; }
fail() { log "error: $*"; exit 1; }

# The helm version a binary reports, or nothing.
helm_version_of() { "$1" version --template '{{.Version}}' 2>/dev/null || true; }

need_go() { command -v go >/dev/null || fail "Go 1.26 or later is needed to build $1 (see README, Set-up)"; }

# Downloads a module through the Go module proxy and prints its read-only source folder.
module_dir() {
  need_go "$1@$2"
  local dir
  dir=$(cd /tmp && GOFLAGS=-mod=mod go mod download -json "$1@$2" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p') ||
    fail "the Go module proxy refused $1@$2"
  [ -d "$dir" ] || fail "the Go module proxy refused $1@$2"
  echo "$dir"
}

# Copies a module's source to a writable build folder (the module cache is read-only).
writable_copy() {
  local work
  work=$(mktemp -d)
  cp -r "$1/." "$work/"
  chmod -R u+w "$work"
  echo "$work"
}

# Builds helm <major> at <version> with the ldflags its Makefile passes: without them helm 3 reports a wrong
# version and defaults .Capabilities.KubeVersion to v1.20.
build_helm() {
  local major=$1 version=$2 out=$3 src work ldflags kube
  src=$(module_dir "helm.sh/helm/v$major" "$version")
  work=$(writable_copy "$src")
  ldflags="-w -s -X helm.sh/helm/v$major/internal/version.version=$version -X helm.sh/helm/v$major/internal/version.gitTreeState=clean"
  if [ "$major" = 3 ]; then
    kube=$(cd "$work" && go list -f '{{.Version}}' -m k8s.io/client-go) # v0.35.1 means Kubernetes 1.35
    kube=${kube#v0.}
    kube=${kube%%.*}
    for pkg in pkg/lint/rules pkg/chartutil; do
      ldflags+=" -X helm.sh/helm/v3/$pkg.k8sVersionMajor=1 -X helm.sh/helm/v3/$pkg.k8sVersionMinor=$kube"
    done
  fi
  log "building helm $version (a few minutes on first use)"
  (cd "$work" && CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$out.partial" ./cmd/helm)
  rm -rf "$work"
  mv "$out.partial" "$out"
}

# helm-unittest's go.mod has a replace directive, so `go install module@version` is refused: build a copy.
build_unittest() {
  local version=$1 out=$2 src work
  src=$(module_dir github.com/helm-unittest/helm-unittest "$version")
  work=$(writable_copy "$src")
  log "building helm-unittest $version (a few minutes on first use)"
  (cd "$work" && CGO_ENABLED=0 go build -trimpath \
    -ldflags "-X github.com/helm-unittest/helm-unittest/internal/build.version=$version" \
    -o "$out.partial" ./cmd/helm-unittest)
  rm -rf "$work"
  mv "$out.partial" "$out"
}

# Ensures <cache>/<name>-<version>/<binary> exists and prints its path.
ensure_helm() {
  local major=$1 version=$2 dir="$cache/helm$1-$2" on_path
  if [ ! -x "$dir/helm" ]; then
    mkdir -p "$dir"
    on_path=$(command -v helm || true)
    if [ -n "$on_path" ] && [ "$(helm_version_of "$on_path")" = "$version" ]; then
      log "using helm $version from $on_path"
      ln -sf "$on_path" "$dir/helm"
    else
      build_helm "$major" "$version" "$dir/helm"
    fi
  fi
  [ "$(helm_version_of "$dir/helm")" = "$version" ] || fail "$dir/helm does not report $version"
  echo "$dir/helm"
}

ensure_unittest() {
  local version=$1 dir="$cache/helm-unittest-$1" on_path
  if [ ! -x "$dir/untt" ]; then
    mkdir -p "$dir"
    on_path=$(command -v untt || true)
    # untt prints no version; a Go binary's build info names its module version.
    if [ -n "$on_path" ] && go version -m "$on_path" 2>/dev/null | grep -Eq "mod[[:space:]]+github.com/helm-unittest/helm-unittest[[:space:]]+$version"; then
      log "using helm-unittest $version from $on_path"
      ln -sf "$on_path" "$dir/untt"
    else
      build_unittest "$version" "$dir/untt"
    fi
  fi
  echo "$dir/untt"
}

# kube-strict is built from this repository: its cache folder is named by a hash of its sources, so an edit rebuilds.
ensure_kube_strict() {
  local src="$here/kube-strict" hash dir
  hash=$(cat "$src/go.mod" "$src/go.sum" "$src"/*.go | sha256sum | cut -c1-12)
  dir="$cache/kube-strict-$hash"
  if [ ! -x "$dir/kube-strict" ]; then
    mkdir -p "$dir"
    log "building kube-strict (a minute on first use)"
    need_go kube-strict
    # -mod=readonly: the committed go.mod and go.sum are the pin; a build must not rewrite them.
    (cd "$src" && CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -o "$dir/kube-strict.partial" .)
    mv "$dir/kube-strict.partial" "$dir/kube-strict"
  fi
  echo "$dir/kube-strict"
}

helm4=$(ensure_helm 4 "$HELM4_VERSION")
helm3=$(ensure_helm 3 "$HELM3_VERSION")
untt=$(ensure_unittest "$HELM_UNITTEST_VERSION")
kube_strict=$(ensure_kube_strict)
case "$mode" in
  all) printf 'helm4=%s\nhelm3=%s\nhelm-unittest=%s\nkube-strict=%s\n' "$helm4" "$helm3" "$untt" "$kube_strict" ;;
  print)
    case "$wanted" in
      helm4) echo "$helm4" ;;
      helm3) echo "$helm3" ;;
      helm-unittest) echo "$untt" ;;
      kube-strict) echo "$kube_strict" ;;
      *) fail "unknown tool $wanted; known: helm4, helm3, helm-unittest, kube-strict" ;;
    esac ;;
esac
