# Sourced by scripts/test.sh and scripts/bench-stack.sh: installs what the tests run (the npm dependencies, the pinned
# tools of tools/versions.env, Debian's PostgreSQL server) and exports their paths for jest and its workers:
# HELM4, HELM3, HELM_UNITTEST, KUBE_STRICT; MINIO, MC, MLFLOW_BIN, MODEL_SERVING_BIN (the programs the stack tests run
# in place of the charts' and KServe's images); GITEA and CHARTMUSEUM (the chart repository servers of the publish tests; CHARTMUSEUM only where its
# source tarball is, see tools/install-tools.sh); COSIGN (signs and verifies charts in OCI registries); ETCD,
# KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBECTL, ARGOCD_CRDS, PROMETHEUS_OPERATOR_CRDS, EXTERNAL_SECRETS_CRDS and
# SEALED_SECRETS_CRDS (the throwaway control plane of the API server tests, its kubectl and the CRD folders they
# install), UNSEAL_CHECK (sealed-secrets' own unsealing code) and SEALED_SECRETS_CONTROLLER, or
# CONTROL_PLANE_UNAVAILABLE saying why not; PROMTOOL and PROMQL_CHECK (Prometheus's promtool and PromQL parser, for the
# tests of rules and queries), or PROMETHEUS_TOOLS_UNAVAILABLE saying why not; PG_BINDIR.
bash scripts/ensure-deps.sh

echo "== tools"
while IFS='=' read -r name path; do
  case "$name" in
    helm4) export HELM4="$path" ;;
    helm3) export HELM3="$path" ;;
    helm-unittest) export HELM_UNITTEST="$path" ;;
    kube-strict) export KUBE_STRICT="$path" ;;
    minio) export MINIO="$path" ;;
    mc) export MC="$path" ;;
    mlflow) export MLFLOW_BIN="$path" ;;
    model-serving) export MODEL_SERVING_BIN="$path" ;;
    gitea) export GITEA="$path" ;;
    cosign) export COSIGN="$path" ;;
  esac
  echo "$name: $path"
done < <(bash tools/install-tools.sh helm4 helm3 helm-unittest kube-strict minio mc mlflow model-serving gitea cosign)

# ChartMuseum is built from a source tarball beside the project, which a clone elsewhere lacks: install-tools.sh then
# exits 3 (its one-line reason on stderr), nothing is exported, and the tests that need it skip, saying why.
chartmuseum_status=0
chartmuseum_path=$(bash tools/install-tools.sh --print chartmuseum) || chartmuseum_status=$?
case "$chartmuseum_status" in
  0)
    export CHARTMUSEUM="$chartmuseum_path"
    echo "chartmuseum: $CHARTMUSEUM" ;;
  3) echo "chartmuseum: unavailable (install-tools printed why on stderr), CHARTMUSEUM not set: the tests needing it skip" ;;
  *)
    echo "error: tools/install-tools.sh chartmuseum failed ($chartmuseum_status)" >&2
    return "$chartmuseum_status" ;;
esac
unset chartmuseum_status chartmuseum_path

# The control plane of the API server tests: kube-apiserver takes 6-8 min to build the first time (2 cores). Exit 3
# (no Go here) leaves CONTROL_PLANE_UNAVAILABLE holding install-tools' reason, and those tests skip with it.
control_plane_tools=(etcd kube-apiserver kube-controller-manager kubectl argocd-crds prometheus-operator-crds
  external-secrets-crds sealed-secrets-crds unseal-check sealed-secrets-controller)
control_plane_status=0
control_plane_lines=$(bash tools/install-tools.sh "${control_plane_tools[@]}") || control_plane_status=$?
case "$control_plane_status" in
  0)
    while IFS='=' read -r name path; do
      case "$name" in
        etcd) export ETCD="$path" ;;
        kube-apiserver) export KUBE_APISERVER="$path" ;;
        kube-controller-manager) export KUBE_CONTROLLER_MANAGER="$path" ;;
        kubectl) export KUBECTL="$path" ;;
        argocd-crds) export ARGOCD_CRDS="$path" ;;
        prometheus-operator-crds) export PROMETHEUS_OPERATOR_CRDS="$path" ;;
        external-secrets-crds) export EXTERNAL_SECRETS_CRDS="$path" ;;
        sealed-secrets-crds) export SEALED_SECRETS_CRDS="$path" ;;
        unseal-check) export UNSEAL_CHECK="$path" ;;
        sealed-secrets-controller) export SEALED_SECRETS_CONTROLLER="$path" ;;
      esac
      echo "$name: $path"
    done <<<"$control_plane_lines" ;;
  3)
    # Asked again (it answers at once) for its one-line reason, which went to the terminal the first time.
    CONTROL_PLANE_UNAVAILABLE=$(bash tools/install-tools.sh --quiet "${control_plane_tools[@]}" 2>&1 >/dev/null |
      sed -n 's/^install-tools: unavailable: //p' | tail -1)
    export CONTROL_PLANE_UNAVAILABLE="${CONTROL_PLANE_UNAVAILABLE:-tools/install-tools.sh exited 3}"
    echo "control plane: unavailable ($CONTROL_PLANE_UNAVAILABLE): the API server tests skip" ;;
  *)
    echo "error: tools/install-tools.sh ${control_plane_tools[*]} failed ($control_plane_status)" >&2
    return "$control_plane_status" ;;
esac
unset control_plane_tools control_plane_status control_plane_lines

# promtool and promql-check (tools/prometheus): promtool takes 7 min of CPU time to build the first time (4 min or
# more with 2 cores). Without Go, install-tools exits 3 and PROMETHEUS_TOOLS_UNAVAILABLE holds its reason, with which the
# tests needing them skip.
prometheus_tools=(promtool promql-check)
prometheus_status=0
prometheus_lines=$(bash tools/install-tools.sh "${prometheus_tools[@]}") || prometheus_status=$?
case "$prometheus_status" in
  0)
    while IFS='=' read -r name path; do
      case "$name" in
        promtool) export PROMTOOL="$path" ;;
        promql-check) export PROMQL_CHECK="$path" ;;
      esac
      echo "$name: $path"
    done <<<"$prometheus_lines" ;;
  3)
    PROMETHEUS_TOOLS_UNAVAILABLE=$(bash tools/install-tools.sh --quiet "${prometheus_tools[@]}" 2>&1 >/dev/null |
      sed -n 's/^install-tools: unavailable: //p' | tail -1)
    export PROMETHEUS_TOOLS_UNAVAILABLE="${PROMETHEUS_TOOLS_UNAVAILABLE:-tools/install-tools.sh exited 3}"
    echo "prometheus tools: unavailable ($PROMETHEUS_TOOLS_UNAVAILABLE): the tests needing promtool skip" ;;
  *)
    echo "error: tools/install-tools.sh ${prometheus_tools[*]} failed ($prometheus_status)" >&2
    return "$prometheus_status" ;;
esac
unset prometheus_tools prometheus_status prometheus_lines

PG_BINDIR=$(bash scripts/ensure-postgresql.sh)
export PG_BINDIR
