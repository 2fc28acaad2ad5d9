#!/bin/sh
# Stands in for the official postgres image's entrypoint, as far as the chart relies on it: on an empty $PGDATA it
# creates the cluster with POSTGRES_USER and POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE (socket connections
# trusted, TCP ones only with a scram-sha-256 password, from anywhere), runs /docker-entrypoint-initdb.d/* once against a server that listens on the
# socket only, stops it, and then runs the server in the foreground as the container's main process.
set -eu
case "${1:-}" in
  -*) set -- postgres "$@" ;;
esac
# As the image's entrypoint does (file_env): a password may come from a file instead.
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
  POSTGRES_PASSWORD=$(cat "$POSTGRES_PASSWORD_FILE")
fi
if [ "${1:-}" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "error: the database is not initialised and POSTGRES_PASSWORD is empty: set the superuser password" >&2
    exit 1
  fi
  user=${POSTGRES_USER:-postgres}
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  printf '%s\n' "$POSTGRES_PASSWORD" | initdb --username="$user" --pwfile=/dev/stdin \
    --auth-local=trust --auth-host=scram-sha-256 --pgdata="$PGDATA"
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  shift
  pg_ctl --pgdata="$PGDATA" --wait --options="$* -c listen_addresses=''" start
  for file in /docker-entrypoint-initdb.d/*; do
    case "$file" in
      *.sh)
        echo "running $file"
        if [ -x "$file" ]; then "$file"; else . "$file"; fi ;;
      *.sql)
        echo "running $file"
        psql -v ON_ERROR_STOP=1 --no-password --username "$user" --dbname postgres --file "$file" ;;
      *) echo "ignoring $file" ;;
    esac
  done
  pg_ctl --pgdata="$PGDATA" --mode=fast --wait stop
  echo "initialisation complete"
  set -- postgres "$@"
fi
exec "$@"
