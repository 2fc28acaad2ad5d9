# Sourced by scripts/test.sh and scripts/bench-stack.sh: installs what the tests run (the npm dependencies, the pinned
# tools of tools/versions.env, Debian's PostgreSQL server) and exports their paths for jest and its workers:
# HELM4, HELM3, HELM_UNITTEST, KUBE_STRICT; MINIO, MC, MLFLOW_BIN (the programs the stack tests run in place of the
# charts' images); PG_BINDIR.
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
  esac
  echo "$name: $path"
done < <(bash tools/install-tools.sh helm4 helm3 helm-unittest kube-strict minio mc mlflow)

PG_BINDIR=$(bash scripts/ensure-postgresql.sh)
export PG_BINDIR
