import { postgresqlValuesSpec } from '@chart-gen/schemas';

import { configMap } from '../blocks/config-map';
import { credentialsDir, envVar, secretFileEnv } from '../blocks/container';
import { type ChartContext, credentialsSecretName, fullname, objectName } from '../blocks/context';
import { credentialsSecret } from '../blocks/credentials';
import { networkPolicy } from '../blocks/network-policy';
import { notes, persistenceNote } from '../blocks/notes';
import { podDisruptionBudget } from '../blocks/pdb';
import { persistentVolumeClaim } from '../blocks/persistence';
import { service } from '../blocks/service';
import { configMapVolume, credentialsVolume, dataVolume, emptyDirVolume } from '../blocks/volumes';
import { workload } from '../blocks/workload';
import { type ChartDefinition, defineChart } from '../model';
import { entry, list, literal, literalOf, mapOf, range } from '../template/nodes';
import { valuesOf } from '../template/values-path';
import { commonDefaults, persistenceDefaults, workloadDefaults } from '../value-defaults';

const ctx: ChartContext = { chart: 'postgresql' };
const PORT = 5432;
const STORAGE_SIZE = '20Gi';
/** uid and gid of the postgres user in the official image. */
const POSTGRES_UID = 999;

/**
 * Creates the application role and database unless they exist. Values arrive as psql variables, quoted by
 * format()'s %I and %L, so no name or password is ever spliced into SQL text; psql reads the password from its file
 * itself, so it is in no process's arguments or environment.
 */
const createAppDatabaseScript = `#!/bin/sh
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

const values = valuesOf(postgresqlValuesSpec);
const port = values.containerPorts.postgresql;

/** The server, pg_isready and psql all read the port from PGPORT: containerPorts.postgresql is the only source. */
const pgIsReady = mapOf({
  exec: mapOf({
    command: list('/bin/sh', '-c', 'exec pg_isready --username "$POSTGRES_USER" --dbname postgres --host 127.0.0.1'),
  }),
});

/**
 * postgresql.conf from `config`. Strings are quoted with '' doubled; YAML numbers arrive as floats, and 10000000
 * would print as 1e+07, which postgresql.conf rejects, so whole numbers print as integers.
 */
const postgresqlConf = literal(`# Settings from ${values.config}; everything else keeps PostgreSQL's default.
{{- range $name, $value := ${values.config} }}
{{- if kindIs "string" $value }}
{{ $name }} = '{{ $value | replace "'" "''" }}'
{{- else if and (kindIs "float64" $value) (eq $value (floor $value)) }}
{{ $name }} = {{ $value | int64 }}
{{- else }}
{{ $name }} = {{ $value }}
{{- end }}
{{- end }}`);

export const postgresql: ChartDefinition<typeof postgresqlValuesSpec> = defineChart({
  name: 'postgresql',
  version: '0.1.11',
  appVersion: '17.6',
  description: 'PostgreSQL database for MLflow metadata.',
  keywords: ['postgresql', 'database', 'mlflow', 'mlops'],
  home: 'https://www.postgresql.org',
  sources: ['https://github.com/docker-library/postgres'],
  partOf: 'mlops',
  syncWave: 0,
  values: {
    spec: postgresqlValuesSpec,
    defaults: {
      ...commonDefaults(),
      image: {
        registry: 'docker.io',
        repository: 'library/postgres',
        tag: '17.6',
        digest: '',
        pullPolicy: 'IfNotPresent',
      },
      auth: {
        existingSecret: '',
        secretKeys: { postgresPassword: 'postgres-password', password: 'password' },
        username: 'mlflow',
        database: 'mlflow',
      },
      config: {
        listen_addresses: '*',
        max_connections: 100,
        shared_buffers: '128MB',
        password_encryption: 'scram-sha-256',
      },
      initScripts: {},
      containerPorts: { postgresql: PORT },
      service: { type: 'ClusterIP', ports: { postgresql: PORT }, annotations: {} },
      persistence: persistenceDefaults(STORAGE_SIZE),
      // npm run bench:stack measures ~55 MiB under the stack scenario; shared_buffers (128MB) and a connection's
      // work_mem come on top as the database grows.
      ...workloadDefaults(POSTGRES_UID, {
        requests: { cpu: '250m', memory: '256Mi' },
        limits: { cpu: '1', memory: '1Gi' },
      }),
    },
    examples: {
      'existing-secret': {
        auth: {
          existingSecret: 'postgresql-auth',
          secretKeys: { postgresPassword: 'admin-password', password: 'user-password' },
        },
        config: { max_connections: 200, shared_buffers: '512MB', log_min_duration_statement: 500 },
        initScripts: { '20-extensions.sql': 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements;\n' },
        persistence: { size: '50Gi', storageClass: 'fast' },
        networkPolicy: {
          enabled: true,
          extraFrom: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mlflow' } } }],
        },
        podDisruptionBudget: { enabled: true },
      },
    },
  },
  templates: {
    'statefulset.yaml': workload(ctx, {
      kind: 'StatefulSet',
      name: fullname(ctx),
      component: 'primary',
      replicas: 1,
      serviceName: fullname(ctx),
      checksums: ['secret.yaml', 'configmap-config.yaml', 'configmap-init-scripts.yaml'],
      containers: [
        {
          name: 'postgresql',
          image: `${values.image}`,
          args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          ports: [{ name: 'postgresql', port: `${port}` }],
          env: [
            envVar('POSTGRES_USER', 'postgres'),
            secretFileEnv(ctx, 'POSTGRES_PASSWORD', `${values.auth.secretKeys.postgresPassword}`),
            envVar('PGDATA', '/var/lib/postgresql/data/pgdata'),
            envVar('PGPORT', `{{ ${port} | quote }}`),
            envVar('APP_USER', `{{ ${values.auth.username} | quote }}`),
            envVar('APP_DATABASE', `{{ ${values.auth.database} | quote }}`),
            secretFileEnv(ctx, 'APP_PASSWORD', `${values.auth.secretKeys.password}`),
          ],
          extraEnv: true,
          probes: { liveness: pgIsReady, readiness: pgIsReady },
          resources: `${values.resources}`,
          securityContext: `${values.containerSecurityContext}`,
          volumeMounts: [
            { name: 'data', mountPath: '/var/lib/postgresql/data' },
            {
              name: 'config',
              mountPath: '/etc/postgresql/postgresql.conf',
              subPath: 'postgresql.conf',
              readOnly: true,
            },
            { name: 'init-scripts', mountPath: '/docker-entrypoint-initdb.d', readOnly: true },
            { name: 'run', mountPath: '/var/run/postgresql' },
            { name: 'tmp', mountPath: '/tmp' },
            { name: 'credentials', mountPath: credentialsDir(ctx), readOnly: true },
            // The container runtime's default /dev/shm (64Mi) is too small for parallel queries.
            { name: 'dshm', mountPath: '/dev/shm' },
          ],
        },
      ],
      volumes: [
        dataVolume(ctx, 'data'),
        configMapVolume('config', objectName(ctx, 'config')),
        configMapVolume('init-scripts', objectName(ctx, 'init-scripts'), 0o555),
        emptyDirVolume('run'),
        emptyDirVolume('tmp'),
        emptyDirVolume('dshm', 'Memory'),
        credentialsVolume(ctx, 'credentials', [
          `${values.auth.secretKeys.postgresPassword}`,
          `${values.auth.secretKeys.password}`,
        ]),
      ],
    }),
    'service-headless.yaml': service(ctx, {
      name: fullname(ctx),
      component: 'primary',
      selectsComponent: 'primary',
      headless: true,
      ports: [{ name: 'postgresql', port: `${values.service.ports.postgresql}` }],
    }),
    'service-external.yaml': service(ctx, {
      name: objectName(ctx, 'external'),
      component: 'primary',
      selectsComponent: 'primary',
      ports: [{ name: 'postgresql', port: `${values.service.ports.postgresql}` }],
    }),
    'pvc.yaml': persistentVolumeClaim(ctx, { component: 'primary' }),
    'secret.yaml': credentialsSecret(ctx, { component: 'primary', fields: ['postgresPassword', 'password'] }),
    'configmap-config.yaml': configMap(ctx, {
      name: objectName(ctx, 'config'),
      component: 'primary',
      data: [entry('postgresql.conf', postgresqlConf)],
    }),
    'configmap-init-scripts.yaml': configMap(ctx, {
      name: objectName(ctx, 'init-scripts'),
      component: 'primary',
      data: [
        entry('00-create-app-database.sh', literal(createAppDatabaseScript)),
        range(`$file, $content := ${values.initScripts}`, entry('{{ $file }}', literalOf('$content'))),
      ],
    }),
    'networkpolicy.yaml': networkPolicy(ctx, { name: fullname(ctx), component: 'primary', ports: [`${port}`] }),
    'pdb.yaml': podDisruptionBudget(ctx, { name: fullname(ctx), component: 'primary' }),
    'NOTES.txt': notes(`
PostgreSQL is starting in namespace {{ .Release.Namespace }}.

  In-cluster:  ${objectName(ctx, 'external')}.{{ .Release.Namespace }}.svc:{{ ${values.service.ports.postgresql} }}
  Database:    {{ ${values.auth.database} }} (owner {{ ${values.auth.username} }}), created on first start
  Credentials: Secret ${credentialsSecretName(ctx)} (keys {{ ${values.auth.secretKeys.postgresPassword} }}, {{ ${values.auth.secretKeys.password} }})

  kubectl -n {{ .Release.Namespace }} port-forward svc/${objectName(ctx, 'external')} {{ ${values.service.ports.postgresql} }}
${persistenceNote(ctx)}
`),
  },
  readme: {
    overview: `Deploys a single PostgreSQL primary with the objects of the cluster's former Kustomize base (release name \`postgresql\`):

| Kind | Name | Notes |
| --- | --- | --- |
| StatefulSet | \`postgresql\` | one primary, readiness and liveness through \`pg_isready\` |
| Service | \`postgresql\` | headless, governs the StatefulSet |
| Service | \`postgresql-external\` | ClusterIP, what clients connect to |
| PersistentVolumeClaim | \`postgresql-storage\` | ${STORAGE_SIZE}, kept on uninstall |
| Secret | \`postgresql-credentials\` | keys \`postgres-password\`, \`password\`; not created with \`auth.existingSecret\` |
| ConfigMap | \`postgresql-config\` | \`postgresql.conf\` from \`config\` |
| ConfigMap | \`postgresql-init-scripts\` | creates the MLflow role and database, then runs \`initScripts\` |`,
    notes: `### First start

On an empty data directory the server runs \`/docker-entrypoint-initdb.d\` once: \`00-create-app-database.sh\` creates the
role \`auth.username\` with the password under \`auth.secretKeys.password\` and the database \`auth.database\` it owns; the
scripts of \`initScripts\` follow in name order. Later changes to these values do not alter an existing database.

### Credentials as files

Both passwords reach the container as files: the credentials Secret is mounted at \`/run/secrets/postgresql\` (mode 0440,
readable by the pod's group) and the image's entrypoint reads \`POSTGRES_PASSWORD_FILE\`; the first-start script reads
\`APP_PASSWORD_FILE\` itself (psql's \`\\set\` with a backquoted \`cat\`), and refuses to create the role when the file cannot be read.

### Storage

The claim \`postgresql-storage\` carries \`helm.sh/resource-policy: keep\`: \`helm uninstall\` and Argo CD pruning leave it
and its data in place.`,
  },
});
