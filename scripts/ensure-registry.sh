#!/usr/bin/env bash
# Installs Debian's docker-registry (the CNCF distribution registry) for the OCI publishing tests, once per machine.
set -euo pipefail
command -v docker-registry >/dev/null && exit 0
echo "ensure-registry: installing docker-registry" >&2
export DEBIAN_FRONTEND=noninteractive
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
sudo_if_needed apt-get install -y --no-install-recommends docker-registry >&2 ||
  { sudo_if_needed apt-get update >&2 && sudo_if_needed apt-get install -y --no-install-recommends docker-registry >&2; }
