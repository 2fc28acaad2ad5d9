#!/bin/sh
# Stands in for the MinIO image's entrypoint: arguments that do not start with a program name are minio's.
set -e
if [ -n "${1:-}" ] && [ "$1" != minio ]; then
  set -- minio "$@"
fi
exec "$@"
