import { list, literal, mapOf } from '../../template/nodes';
import { values } from './settings';

/**
 * Creates the application role and database unless they exist. Values arrive as psql variables, quoted by
 * format()'s %I and %L, so no name or password is ever spliced into SQL text; psql reads the password from its file
 * itself, so it is in no process's arguments or environment.
 */
export const createAppDatabaseScript = `#!/bin/sh
set -eu
if [ ! -s "$APP_PASSWORD_FILE" ] || [ ! -r "$APP_PASSWORD_FILE" ]; then
  echo "cannot read the application role's password from $APP_PASSWORD_FILE" >&2
  exit 1
fi
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \\
  --set=app_user="$APP_USER" --set=app_database="$APP_DATABASE" <<'SQL'
\\set app_password \`cat "$APP_PASSWORD_FILE"\`
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'app_user', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user')\\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'app_database', :'app_user')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'app_database')\\gexec
SQL
`;

/** The server, pg_isready and psql all read the port from PGPORT: containerPorts.postgresql is the only source. */
export const pgIsReady = mapOf({
  exec: mapOf({
    command: list('/bin/sh', '-c', 'exec pg_isready --username "$POSTGRES_USER" --dbname postgres --host 127.0.0.1'),
  }),
});

/**
 * postgresql.conf from `config`. Strings are quoted with '' doubled; YAML numbers arrive as floats, and 10000000
 * would print as 1e+07, which postgresql.conf rejects, so whole numbers print as integers.
 */
export const postgresqlConf = literal(`# Settings from ${values.config}; everything else keeps PostgreSQL's default.
{{- range $name, $value := ${values.config} }}
{{- if kindIs "string" $value }}
{{ $name }} = '{{ $value | replace "'" "''" }}'
{{- else if and (kindIs "float64" $value) (eq $value (floor $value)) }}
{{ $name }} = {{ $value | int64 }}
{{- else }}
{{ $name }} = {{ $value }}
{{- end }}
{{- end }}`);
