#!/usr/bin/env bash
# Installs the tools pinned in tools/versions.env into a cache outside the checkout, so every clone on this machine
# shares one build, and prints where they are. Already-built versions are skipped.
#   helm4, helm3, helm-unittest  built from the Go module proxy; a binary on PATH reporting the pinned version is
#                                linked instead
#   kube-strict                  this repository's tools/kube-strict (a strict Kubernetes manifest decoder)
#   minio, mc                    MinIO's server and client, for the end-to-end test of the MLOps stack
#   mlflow                       a virtualenv holding MLflow, psycopg2 and boto3, installed from the lock
#                                tools/mlflow/requirements.txt; its path is the virtualenv's bin folder
#   model-serving                a virtualenv holding KServe's storage library (kserve-storage), MLServer with its
#                                MLflow runtime, and the MLflow client with scikit-learn, from the lock
#                                tools/model-serving/requirements.txt; its path is the virtualenv's bin folder
#   chartmuseum, gitea           the two chart repository servers of the publish tests: ChartMuseum from its source
#                                tarball in $CHART_GEN_VENDOR_DIR (default <repo>/../shared/vendor), Gitea from the Go
#                                module proxy (its templates, options and public folders in static/ beside the binary)
#   cosign                       sigstore's cosign, which signs and verifies the charts pushed to OCI registries
#   etcd, kube-apiserver,        the throwaway control plane of the API server tests and the kubectl that drives it,
#   kube-controller-manager,     built from this repository's wrapper modules tools/etcd and tools/kubernetes (pinned
#   kubectl                      by their go.mod and go.sum)
#   argocd-crds,                 folders of CustomResourceDefinitions the API server tests install, from the Go module
#   prometheus-operator-crds,    proxy (Argo CD's manifests/crds, prometheus-operator's example/prometheus-operator-crd,
#   external-secrets-crds,       external-secrets' config/crds/bases, sealed-secrets' helm/sealed-secrets/crds)
#   sealed-secrets-crds
#   unseal-check                 sealed-secrets' own unsealing code at the pinned version, from the wrapper module
#                                tools/sealed-secrets: proves what `chart-gen seal` writes
#   sealed-secrets-controller    the Sealed Secrets controller itself (cmd/controller of the pinned module), which the
#                                API server tests run to unseal into real Secrets
#   promtool, promql-check       Prometheus's promtool (check rules, test rules) and this repository's promql-check
#                                (Prometheus's PromQL parser: does an expression parse, which metrics does it name),
#                                both built from the wrapper module tools/prometheus (pinned by its go.mod and go.sum)
#
#   tools/install-tools.sh                 ensure helm4, helm3, helm-unittest and kube-strict, print "name=path" lines
#   tools/install-tools.sh minio mc mlflow ensure only the named tools, print their "name=path" lines
#   tools/install-tools.sh --quiet [NAME…] ensure the same, print nothing
#   tools/install-tools.sh --print NAME    ensure only NAME, print its path alone
#
# CHART_GEN_TOOLS_DIR overrides the cache (default: ${XDG_CACHE_HOME:-~/.cache}/chart-gen/tools).
# Exit status: 0 ready, 1 failed, 2 usage error, 3 a named tool cannot be had here (chartmuseum without its tarball,
# the control plane, its CRDs, promtool and promql-check without Go: callers skip what needs it, saying so).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"

known=(helm4 helm3 helm-unittest kube-strict minio mc mlflow model-serving chartmuseum gitea cosign etcd kube-apiserver
  kube-controller-manager kubectl argocd-crds prometheus-operator-crds external-secrets-crds sealed-secrets-crds
  unseal-check sealed-secrets-controller promtool promql-check)
default=(helm4 helm3 helm-unittest kube-strict)

log() { echo "install-tools: $*" >&2; }
fail() { log "error: $*"; exit 1; }
unavailable() { log "unavailable: $*"; exit 3; }
usage_error() { log "error: $*"; log "known tools: ${known[*]}"; exit 2; }

is_known() {
  local name
  for name in "${known[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}

# ---- helm, helm-unittest, kube-strict

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

# ---- minio, mc

# The ldflags MinIO's Makefiles set (buildscripts/gen-ldflags.go), from what a pseudo-version carries
# (v0.0.0-<YYYYMMDDhhmmss>-<12-hex commit>): without them `--version` says only DEVELOPMENT.GOGET. The tag starts
# with DEVELOPMENT., as their Makefiles write it for a build that is not a release.
minio_ldflags() {
  local module=$1 version=$2 stamp commit time
  stamp=${version#v0.0.0-}
  commit=${stamp#*-}
  stamp=${stamp%%-*}
  if ! [[ $stamp =~ ^[0-9]{14}$ && $commit =~ ^[0-9a-f]{12}$ ]]; then
    echo "-s -w"
    return
  fi
  time="${stamp:0:4}-${stamp:4:2}-${stamp:6:2}T${stamp:8:2}:${stamp:10:2}:${stamp:12:2}Z"
  echo "-s -w -X $module/cmd.Version=$time -X $module/cmd.ReleaseTag=DEVELOPMENT.${time//:/-}" \
    "-X $module/cmd.CommitID=$commit -X $module/cmd.ShortCommitID=$commit -X $module/cmd.CopyrightYear=${stamp:0:4}"
}

# Ensures <cache>/<name>-<version>/<name>, built by `go install module@version` (neither go.mod has a replace
# directive, so no source copy is needed), and prints its path.
ensure_go_install() {
  local name=$1 module=$2 version=$3 dir="$cache/$1-$3"
  if [ ! -x "$dir/$name" ]; then
    need_go "$name"
    mkdir -p "$dir"
    log "building $name $version (a few minutes on first use)"
    # go install names the binary itself: build into a scratch GOBIN, then move it in one rename, so an interrupted
    # build never leaves a half binary under the final name.
    rm -rf "$dir/.partial"
    CGO_ENABLED=0 GOBIN="$dir/.partial" go install -trimpath -ldflags "$(minio_ldflags "$module" "$version")" \
      "$module@$version" || fail "could not build $module@$version"
    mv "$dir/.partial/$name" "$dir/$name"
    rmdir "$dir/.partial"
  fi
  echo "$dir/$name"
}

# ---- mlflow

# Ensures a virtualenv <cache>/mlflow-<version>-<hash of the lock file> and prints its bin folder. The lock pins and
# hashes the whole closure, so pip installs exactly it (--require-hashes --no-deps) and resolves nothing; any edit of
# the lock names a new folder.
ensure_mlflow() {
  local lock="$here/mlflow/requirements.txt" hash dir
  grep -q "^mlflow==$MLFLOW_VERSION " "$lock" ||
    fail "$lock does not pin mlflow==$MLFLOW_VERSION (tools/versions.env): regenerate it as its header says"
  hash=$(sha256sum <"$lock" | cut -c1-12)
  dir="$cache/mlflow-$MLFLOW_VERSION-$hash"
  # A virtualenv is not relocatable (its scripts' #! lines name its own path), so it is built at its final path and
  # counts as there only once the marker, written last, is: a folder without it is an interrupted build, redone.
  [ -f "$dir/.complete" ] || build_mlflow_venv "$dir" "$lock"
  echo "$dir/bin"
}

build_mlflow_venv() {
  local dir=$1 lock=$2 python=python3 reported
  # Debian's python rather than the first on PATH (pyenv's, under /root): a virtualenv's python is a link to its
  # base interpreter, and the test's Pods see this machine's /usr only.
  [ -x /usr/bin/python3 ] && python=/usr/bin/python3
  command -v "$python" >/dev/null || fail "Python 3.10 or later is needed for mlflow"
  rm -rf "$dir"
  log "creating the mlflow $MLFLOW_VERSION virtualenv with $("$python" --version) (a few minutes on first use)"
  "$python" -m venv "$dir" || fail "$python -m venv failed (on Debian: apt-get install python3-venv)"
  "$dir/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$lock" >&2 ||
    fail "pip could not install $lock into $dir"
  reported=$("$dir/bin/mlflow" --version 2>/dev/null || true) # "mlflow, version 3.17.2"
  [ "${reported##* }" = "$MLFLOW_VERSION" ] || fail "$dir/bin/mlflow reports \"$reported\", not $MLFLOW_VERSION"
  touch "$dir/.complete"
}

# ---- model-serving

# Ensures a virtualenv <cache>/model-serving-<hash of the lock file> and prints its bin folder, built as the mlflow one
# is (the whole closure pinned and hashed; any edit of the lock names a new folder).
ensure_model_serving() {
  local lock="$here/model-serving/requirements.txt" python=python3 hash dir
  hash=$(sha256sum <"$lock" | cut -c1-12)
  dir="$cache/model-serving-$hash"
  if [ ! -f "$dir/.complete" ]; then
    [ -x /usr/bin/python3 ] && python=/usr/bin/python3
    rm -rf "$dir"
    log "creating the model-serving virtualenv with $("$python" --version) (a few minutes on first use)"
    "$python" -m venv "$dir" || fail "$python -m venv failed (on Debian: apt-get install python3-venv)"
    "$dir/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$lock" >&2 ||
      fail "pip could not install $lock into $dir"
    "$dir/bin/python" -c 'import kserve_storage, mlserver, mlserver_mlflow, sklearn' ||
      fail "$dir lacks kserve_storage, mlserver, mlserver_mlflow or sklearn"
    touch "$dir/.complete"
  fi
  echo "$dir/bin"
}

# ---- chartmuseum, gitea

# The Go module proxy refuses ChartMuseum's module (helm.sh/chartmuseum) but serves all its dependencies, so it is
# built from its unchanged source tarball, kept beside the project (../shared/vendor/README.md). A clone elsewhere has
# no tarball: then ChartMuseum cannot be had, which exits 3 (unavailable), not 1.
vendor_dir() { realpath -m "${CHART_GEN_VENDOR_DIR:-$here/../../shared/vendor}"; }

ensure_chartmuseum() {
  local version=$1 dir="$cache/chartmuseum-$1" tarball
  if [ ! -x "$dir/chartmuseum" ]; then
    tarball="$(vendor_dir)/chartmuseum-$version.tar.gz"
    [ -f "$tarball" ] ||
      unavailable "chartmuseum: no chartmuseum-$version.tar.gz in $(vendor_dir) (CHART_GEN_VENDOR_DIR names the folder holding it)"
    mkdir -p "$dir"
    build_chartmuseum "$version" "$tarball" "$dir/chartmuseum"
  fi
  [[ $("$dir/chartmuseum" --version 2>/dev/null) == *" $version "* ]] || fail "$dir/chartmuseum does not report $version"
  echo "$dir/chartmuseum"
}

build_chartmuseum() {
  local version=$1 tarball=$2 out=$3 work
  need_go "chartmuseum $version"
  work=$(mktemp -d)
  tar -xzf "$tarball" -C "$work" && [ -d "$work/chartmuseum-$version/cmd/chartmuseum" ] ||
    { rm -rf "$work"; fail "$tarball does not extract to chartmuseum-$version/cmd/chartmuseum"; }
  log "building chartmuseum $version from $tarball (~2 min on first use)"
  (cd "$work/chartmuseum-$version" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.Version=$version" \
    -o "$out.partial" ./cmd/chartmuseum) || { rm -rf "$work"; fail "could not build chartmuseum $version"; }
  rm -rf "$work"
  mv "$out.partial" "$out"
}

# Build tags (Gitea's Makefile passes $(TAGS), empty by default): since 1.27 Gitea's default SQLite driver is modernc's
# pure Go one (models/db/driver_sqlite_modernc.go, `!sqlite_mattn`), so a CGO_ENABLED=0 build needs none; the
# `sqlite sqlite_unlock_notify` of older releases is gone (the cgo driver is now `sqlite_mattn sqlite_unlock_notify`).
# Without the `bindata` tag Gitea reads its templates, options (locales …) and public folders at run time from
# STATIC_ROOT_PATH: they are copied to static/ beside the binary, which the test helper passes. That is simpler than
# bindata, which needs a `go generate` step writing files into the source before the build: this stays one plain
# `go build` like the other tools'. (public/ has no built JS/CSS, so the web UI is unstyled; the API is complete.)
# The binary is moved in last, so its presence means static/ is complete too.
ensure_gitea() {
  local version=$1 dir="$cache/gitea-$1"
  if [ ! -x "$dir/gitea" ]; then
    mkdir -p "$dir"
    build_gitea "$version" "$dir"
  fi
  [[ $("$dir/gitea" --version 2>/dev/null) == *" version ${version#v} "* ]] || fail "$dir/gitea does not report ${version#v}"
  echo "$dir/gitea"
}

build_gitea() {
  local version=$1 dir=$2 src work
  src=$(module_dir code.gitea.io/gitea "$version")
  work=$(writable_copy "$src")
  log "building gitea $version (~4 min on first use)"
  # main.Version as Gitea's Makefile sets it (the tag without its v); without it Gitea reports "development".
  (cd "$work" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.Version=${version#v}" -o "$dir/gitea.partial" .) ||
    { rm -rf "$work"; fail "could not build gitea $version"; }
  rm -rf "$dir/static" "$dir/static.partial"
  mkdir "$dir/static.partial"
  cp -r "$work/templates" "$work/options" "$work/public" "$dir/static.partial/"
  rm -rf "$work"
  mv "$dir/static.partial" "$dir/static"
  mv "$dir/gitea.partial" "$dir/gitea"
}

# ---- cosign

# Its go.mod has no replace directive, so `go install` builds it straight from the proxy. The ldflags are the
# version its Makefile sets; without them `cosign version` reports "devel".
ensure_cosign() {
  local version=$1 dir="$cache/cosign-$1"
  if [ ! -x "$dir/cosign" ]; then
    need_go "cosign $version"
    mkdir -p "$dir"
    log "building cosign $version (4-6 min on first use)"
    rm -rf "$dir/.partial"
    local ldflags="-s -w -X sigs.k8s.io/release-utils/version.gitVersion=$version"
    ldflags+=" -X sigs.k8s.io/release-utils/version.gitTreeState=clean"
    CGO_ENABLED=0 GOBIN="$dir/.partial" go install -trimpath -ldflags "$ldflags" \
      "github.com/sigstore/cosign/v3/cmd/cosign@$version" || fail "could not build cosign $version"
    mv "$dir/.partial/cosign" "$dir/cosign"
    rmdir "$dir/.partial"
  fi
  [[ $("$dir/cosign" version --json 2>/dev/null) == *"\"gitVersion\": \"$version\""* ]] ||
    fail "$dir/cosign does not report $version"
  echo "$dir/cosign"
}

# ---- etcd, kube-apiserver, kube-controller-manager

# The wrapper module's pinned version of <module> (its go.mod line), which must equal versions.env's.
check_wrapper_pin() {
  local dir=$1 module=$2 version=$3
  grep -Eq "^[[:space:]]*(require[[:space:]]+)?$module $version([[:space:]]|$)" "$dir/go.mod" ||
    fail "$dir/go.mod does not require $module $version (tools/versions.env): update it with go get $module@$version"
}

# A wrapper module's binaries go to <cache>/<name>-<version>-<hash of the wrapper's files>, so an edit of the wrapper
# rebuilds and every clone with the same wrapper shares one build.
wrapper_hash() { (cd "$1" && find . -type f \( -name go.mod -o -name go.sum -o -name '*.go' \) | sort | xargs cat) |
  sha256sum | cut -c1-12; }

# Builds ./<package> of a wrapper module into <out> (-mod=readonly: the committed go.mod and go.sum are the pin).
build_wrapper() {
  local dir=$1 package=$2 out=$3 ldflags=$4 tags=${5:-}
  need_go "$(basename "$out")"
  (cd "$dir" && CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -tags "$tags" -ldflags "$ldflags" \
    -o "$out.partial" "$package") || fail "could not build $(basename "$out") from $dir"
  mv "$out.partial" "$out"
}

# The control plane and its CRDs are only for the API server tests: without Go they cannot be had here (exit 3), and
# those tests skip saying so, as the publish tests do without ChartMuseum.
go_or_unavailable() { command -v go >/dev/null || unavailable "$1: Go 1.26 or later is needed to build or fetch it"; }

ensure_etcd() {
  local version=$1 src="$here/etcd" dir
  check_wrapper_pin "$src" go.etcd.io/etcd/server/v3 "$version"
  dir="$cache/etcd-$version-$(wrapper_hash "$src")"
  if [ ! -x "$dir/etcd" ]; then
    go_or_unavailable etcd
    mkdir -p "$dir"
    log "building etcd $version (~2 min on first use)"
    build_wrapper "$src" . "$dir/etcd" "-s -w"
  fi
  [[ $("$dir/etcd" --version 2>/dev/null) == *"etcd Version: ${version#v}"* ]] ||
    fail "$dir/etcd does not report $version"
  echo "$dir/etcd"
}

# Without the version ldflags of upstream's hack/lib/version.sh the binaries report v0.0.0-master, and the server's
# /version makes helm refuse every chart whose kubeVersion asks for a real release. client-go's copy is what the
# controller-manager sends as its user agent.
kube_ldflags() {
  local version=$1 minor flags="-s -w" pkg
  minor=${version#v1.}
  minor=${minor%%.*}
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X $pkg.gitVersion=$version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
  done
  echo "$flags"
}

# The version a Kubernetes binary reports: kubectl has no --version flag.
kube_version_of() {
  if [ "$(basename "$1")" = kubectl ]; then
    "$1" version --client 2>/dev/null | sed -n 's/^Client Version: //p'
  else
    "$1" --version 2>/dev/null | sed -n 's/^Kubernetes //p'
  fi
}

# kube-apiserver, kube-controller-manager or kubectl; all are built from tools/kubernetes and share one Go build
# cache, so each after the first takes a minute or two more.
ensure_kube() {
  local name=$1 version=$2 src="$here/kubernetes" dir
  check_wrapper_pin "$src" k8s.io/kubernetes "$version"
  # The staging modules of release v1.X.Y are published as v0.X.Y; a replace line left at another release would build
  # a mix.
  grep -q "k8s.io/api => k8s.io/api v0.${version#v1.}\$" "$src/go.mod" ||
    fail "$src/go.mod: its replace lines must name the staging modules at v0.${version#v1.} (for $version)"
  dir="$cache/kubernetes-$version-$(wrapper_hash "$src")"
  if [ ! -x "$dir/$name" ]; then
    go_or_unavailable "$name"
    mkdir -p "$dir"
    log "building $name $version (~8 min on first use with 2 cores, a minute or two for each after the first)"
    build_wrapper "$src" "./$name" "$dir/$name" "$(kube_ldflags "$version")"
  fi
  [ "$(kube_version_of "$dir/$name")" = "$version" ] || fail "$dir/$name does not report $version"
  echo "$dir/$name"
}

# ---- unseal-check

ensure_unseal_check() {
  local version=$1 src="$here/sealed-secrets" dir
  check_wrapper_pin "$src" github.com/bitnami/sealed-secrets "$version"
  dir="$cache/unseal-check-$version-$(wrapper_hash "$src")"
  if [ ! -x "$dir/unseal-check" ]; then
    go_or_unavailable unseal-check
    mkdir -p "$dir"
    log "building unseal-check with sealed-secrets $version (~1 min on first use)"
    build_wrapper "$src" . "$dir/unseal-check" "-s -w"
  fi
  echo "$dir/unseal-check"
}

# The controller from the module's own source (a copy: the module cache is read-only), with the version its Makefile
# sets; without it the controller reports UNKNOWN.
ensure_sealed_secrets_controller() {
  local version=$1 dir="$cache/sealed-secrets-controller-$1" src work
  if [ ! -x "$dir/controller" ]; then
    go_or_unavailable sealed-secrets-controller
    src=$(module_dir github.com/bitnami-labs/sealed-secrets "$version")
    work=$(writable_copy "$src")
    mkdir -p "$dir"
    log "building the sealed-secrets controller $version (~1.5 min on first use)"
    (cd "$work" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.VERSION=$version" \
      -o "$dir/controller.partial" ./cmd/controller) || { rm -rf "$work"; fail "could not build the controller"; }
    rm -rf "$work"
    mv "$dir/controller.partial" "$dir/controller"
  fi
  [[ $("$dir/controller" --version 2>/dev/null) == *"$version"* ]] || fail "$dir/controller does not report $version"
  echo "$dir/controller"
}

# ---- promtool, promql-check

# Prometheus publishes release 3.X.Y as the Go module version v0.3XX.Y (v0.316.0 is 3.16.0, as the module's VERSION
# file says): the release is what its promtool reports.
prometheus_release() {
  local rest=${1#v0.} minor
  minor=${rest%%.*}
  echo "${minor:0:1}.$((10#${minor:1})).${rest#*.}"
}

# Both are built from the wrapper module tools/prometheus: promtool is upstream's cmd/promtool (named by a tool line in
# its go.mod, so go.sum covers all it needs), promql-check this repository's program on Prometheus's PromQL parser.
# They share one cache folder. promtool gets the version ldflags of upstream's .promu.yml; without them
# `promtool --version` reports an empty version.
ensure_prometheus_tool() {
  local name=$1 version=$2 src="$here/prometheus" dir release
  check_wrapper_pin "$src" github.com/prometheus/prometheus "$version"
  release=$(prometheus_release "$version")
  dir="$cache/prometheus-$version-$(wrapper_hash "$src")"
  if [ ! -x "$dir/$name" ]; then
    go_or_unavailable "$name"
    mkdir -p "$dir"
    if [ "$name" = promtool ]; then
      [ "$(cat "$(module_dir github.com/prometheus/prometheus "$version")/VERSION")" = "$release" ] ||
        fail "github.com/prometheus/prometheus@$version is not Prometheus $release (its VERSION file)"
      log "building promtool $release (7 min of CPU time on first use: 4 min or more with 2 cores)"
      # remove_all_sd leaves out the cloud service discoveries (AWS, Azure, GCE …): rule checks and unit tests need
      # none of them, and they are most of the build.
      build_wrapper "$src" github.com/prometheus/prometheus/cmd/promtool "$dir/promtool" \
        "-s -w -X github.com/prometheus/common/version.Version=$release" remove_all_sd
    else
      log "building promql-check with Prometheus $release (~1 min on first use)"
      build_wrapper "$src" ./promql-check "$dir/promql-check" "-s -w"
    fi
  fi
  if [ "$name" = promtool ]; then
    [[ $("$dir/promtool" --version 2>/dev/null) == "promtool, version $release "* ]] ||
      fail "$dir/promtool does not report $release"
  fi
  echo "$dir/$name"
}

# ---- CRDs of the API server tests

# Prints the folder of CRD files inside <module>@<version> from the Go module proxy (read-only, in the module cache).
ensure_crds() {
  local module=$1 version=$2 sub=$3 dir
  go_or_unavailable "$module"
  dir=$(module_dir "$module" "$version")
  [ -d "$dir/$sub" ] || fail "$module@$version has no $sub"
  echo "$dir/$sub"
}

# ---- main

# Holds an exclusive lock on <cache>/.<name>.lock until the calling subshell exits: two runs at once (a test and a
# person) build a tool once, the second waits and then finds it. Skipped where the cache is not writable (another
# user's, already built) or flock is missing.
lock_tool() {
  command -v flock >/dev/null || return 0
  local fd
  { exec {fd}>>"$cache/.$1.lock"; } 2>/dev/null || return 0
  flock "$fd"
}

# Ensures one tool and prints its path; run in a subshell, which also releases its lock.
ensure() {
  lock_tool "$1"
  case "$1" in
    helm4) ensure_helm 4 "$HELM4_VERSION" ;;
    helm3) ensure_helm 3 "$HELM3_VERSION" ;;
    helm-unittest) ensure_unittest "$HELM_UNITTEST_VERSION" ;;
    kube-strict) ensure_kube_strict ;;
    minio) ensure_go_install minio github.com/minio/minio "$MINIO_VERSION" ;;
    mc) ensure_go_install mc github.com/minio/mc "$MC_VERSION" ;;
    mlflow) ensure_mlflow ;;
    model-serving) ensure_model_serving ;;
    chartmuseum) ensure_chartmuseum "$CHARTMUSEUM_VERSION" ;;
    gitea) ensure_gitea "$GITEA_VERSION" ;;
    cosign) ensure_cosign "$COSIGN_VERSION" ;;
    etcd) ensure_etcd "$ETCD_VERSION" ;;
    kube-apiserver | kube-controller-manager | kubectl) ensure_kube "$1" "$KUBERNETES_VERSION" ;;
    argocd-crds) ensure_crds github.com/argoproj/argo-cd/v3 "$ARGOCD_VERSION" manifests/crds ;;
    prometheus-operator-crds)
      ensure_crds github.com/prometheus-operator/prometheus-operator "$PROMETHEUS_OPERATOR_VERSION" \
        example/prometheus-operator-crd ;;
    external-secrets-crds)
      ensure_crds github.com/external-secrets/external-secrets "$EXTERNAL_SECRETS_VERSION" config/crds/bases ;;
    # The project's go.mod names it github.com/bitnami/sealed-secrets; the proxy serves it under the repository's path.
    sealed-secrets-crds)
      ensure_crds github.com/bitnami-labs/sealed-secrets "$SEALED_SECRETS_VERSION" helm/sealed-secrets/crds ;;
    unseal-check) ensure_unseal_check "$SEALED_SECRETS_VERSION" ;;
    sealed-secrets-controller) ensure_sealed_secrets_controller "$SEALED_SECRETS_VERSION" ;;
    promtool | promql-check) ensure_prometheus_tool "$1" "$PROMETHEUS_VERSION" ;;
  esac
}

mode=list
case "${1:-}" in
  --quiet) mode=quiet; shift ;;
  --print)
    mode=print
    [ $# = 2 ] || usage_error "--print needs one tool name"
    shift ;;
esac
names=()
for arg in "$@"; do
  case "$arg" in -*) usage_error "unknown argument $arg" ;; esac
  is_known "$arg" || usage_error "unknown tool $arg"
  names+=("$arg")
done
[ ${#names[@]} -gt 0 ] || names=("${default[@]}")

cache=${CHART_GEN_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/chart-gen/tools}
mkdir -p "$cache"

# Everything is ensured before anything is printed, so a failure prints no partial list.
lines=()
for name in "${names[@]}"; do
  path=$(ensure "$name")
  lines+=("$name=$path")
done
for line in "${lines[@]}"; do
  case "$mode" in
    list) echo "$line" ;;
    print) echo "${line#*=}" ;;
  esac
done
