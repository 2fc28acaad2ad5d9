import { mlflowValuesSpec } from '@chart-gen/schemas';

import { envVar, secretKeyEnv } from '../blocks/container';
import { type ChartContext, fullname, includeHelper } from '../blocks/context';
import { httpExposure, httpGetProbe } from '../blocks/http-exposure';
import { notes } from '../blocks/notes';
import { definitionFile } from '../blocks/text';
import { emptyDirVolume } from '../blocks/volumes';
import { workload } from '../blocks/workload';
import { type ChartDefinition, defineChart } from '../model';
import { choose, placed, quoted, statement, when } from '../template/nodes';
import { valuesOf } from '../template/values-path';
import { commonDefaults, ingressDefaults, workloadDefaults } from '../value-defaults';

/** After its storage (MinIO and PostgreSQL, wave 0). */
const SYNC_WAVE = 1;
const ctx: ChartContext = { chart: 'mlflow', syncWave: SYNC_WAVE };
const PORT = 5000;
/** MLflow's version: the official image's `-full` variant of it (see the README's image notes). */
const APP_VERSION = '3.17.2';
/** uid of the image's non-root user. */
const MLFLOW_UID = 1001;

const values = valuesOf(mlflowValuesSpec);
const backend = values.backendStore;
const s3 = values.artifacts.s3;
/** Named templates of the chart (templates/_env.tpl). */
const DATABASE_ENV = 'mlflow.env.database';

/**
 * Backend connection as environment, for the migration and the server alike. The URI carries no password: libpq
 * reads PGPASSWORD, so the password stays in its Secret and needs no URL escaping. The driver is named: the image
 * carries psycopg2 and psycopg 3, and SQLAlchemy picks one by its own version when the URI names none.
 */
const databaseEnv = [
  // libpq's own variables: psycopg2.connect("") in the migration reads them, with PGPASSWORD.
  envVar('PGHOST', `{{ ${backend.host} | quote }}`),
  envVar('PGPORT', `{{ ${backend.port} | quote }}`),
  envVar('PGUSER', `{{ ${backend.username} | quote }}`),
  envVar('PGDATABASE', `{{ ${backend.database} | quote }}`),
  envVar(
    'MLFLOW_BACKEND_STORE_URI',
    `{{ printf "postgresql+psycopg2://%s@%s:%v/%s" ${backend.username} ${backend.host} ${backend.port} ${backend.database} | quote }}`,
  ),
  secretKeyEnv('PGPASSWORD', `${backend.existingSecret}`, `${backend.passwordKey}`),
  envVar('HOME', '/tmp'),
  // MLflow reports usage to its makers unless told not to; a cluster's tracking server should not call out.
  envVar('MLFLOW_DISABLE_TELEMETRY', '"true"'),
];

/** Artifact store connection as environment: boto3 reads the endpoint and the AWS_* keys. */
const artifactEnv = [
  // Job workers are separate Python processes holding all of MLflow each (see the README's memory notes).
  envVar('MLFLOW_SERVER_ENABLE_JOB_EXECUTION', `{{ ${values.jobs.enabled} | quote }}`),
  envVar('MLFLOW_S3_ENDPOINT_URL', `{{ ${s3.endpoint} | quote }}`),
  secretKeyEnv('AWS_ACCESS_KEY_ID', `${s3.existingSecret}`, `${s3.accessKeyKey}`),
  secretKeyEnv('AWS_SECRET_ACCESS_KEY', `${s3.existingSecret}`, `${s3.secretKeyKey}`),
];

/**
 * Waits for PostgreSQL to accept connections, then brings the schema up to date (a no-op when it is). Replicas
 * starting together take turns on a PostgreSQL advisory lock, so one migrates and the others find the schema
 * current; the lock ends with its connection, also when the process dies. A refused password fails at once.
 */
const migrateScript = `
exec python - <<'PY'
import os, signal, socket, subprocess, sys, time
import psycopg2

# As the container's PID 1, Python would ignore SIGTERM: stop when the Pod is deleted.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

host, port = os.environ["PGHOST"], int(os.environ["PGPORT"])
deadline = time.time() + int(os.environ["WAIT_TIMEOUT_SECONDS"])
while True:
    try:
        socket.create_connection((host, port), timeout=3).close()
        break
    except OSError as error:
        if time.time() > deadline:
            sys.exit(f"PostgreSQL at {host}:{port} is not reachable: {error}")
        print(f"waiting for PostgreSQL at {host}:{port}", flush=True)
        time.sleep(3)
try:
    connection = psycopg2.connect("")
except psycopg2.OperationalError as error:
    sys.exit(f"cannot connect to PostgreSQL at {host}:{port}: {error}")
connection.autocommit = True


def revision(cursor):
    cursor.execute("SELECT to_regclass('alembic_version') IS NOT NULL")
    if not cursor.fetchone()[0]:
        return None
    cursor.execute("SELECT version_num FROM alembic_version")
    row = cursor.fetchone()
    return row[0] if row else None


with connection.cursor() as cursor:
    print("waiting for the migration lock", flush=True)
    cursor.execute("SELECT pg_advisory_lock(hashtext('mlflow db upgrade'))")
    before = revision(cursor)
    upgrade = subprocess.run(["mlflow", "db", "upgrade", os.environ["MLFLOW_BACKEND_STORE_URI"]])
    after = revision(cursor)
if upgrade.returncode != 0:
    sys.exit(f"mlflow db upgrade failed with exit code {upgrade.returncode}")
if before == after:
    print(f"schema already at revision {after}", flush=True)
else:
    print(f"schema upgraded from revision {before or 'none (empty database)'} to {after}", flush=True)
PY
`;

/**
 * MLflow answers only the Host headers it allows (all others get 403, /health excepted): the Service's DNS names,
 * localhost (port-forwarding), the Ingress host and allowedHosts, each with any port.
 */
const allowedHosts = [
  statement(`$service := ${includeHelper(ctx, 'names', 'fullname')}`),
  statement('$namespaced := printf "%s.%s" $service .Release.Namespace'),
  statement(
    '$hosts := list $service $namespaced (printf "%s.svc" $namespaced) (printf "%s.svc.cluster.local" $namespaced) ' +
      '"localhost" "127.0.0.1"',
  ),
  when(`${values.ingress.enabled}`, statement(`$hosts = append $hosts ${values.ingress.host}`)),
  statement(`$hosts = concat $hosts ${values.allowedHosts}`),
  quoted('--allowed-hosts={{ range $i, $host := $hosts }}{{ if $i }},{{ end }}{{ $host }},{{ $host }}:*{{ end }}'),
];

/** `$s3Port`: the port of artifacts.s3.endpoint, from the URL or its scheme's default. */
const s3EndpointPort = [
  statement(`$endpoint := urlParse ${s3.endpoint}`),
  statement('$s3Port := ternary "443" "80" (eq $endpoint.scheme "https")'),
  when('contains ":" $endpoint.host', statement('$s3Port = last (splitList ":" $endpoint.host)')),
];

const serverArgs = [
  'server',
  '--host=0.0.0.0',
  `--port={{ ${values.containerPorts.http} }}`,
  `--workers={{ ${values.workers} }}`,
  ...allowedHosts,
  choose(
    [
      `${values.artifacts.serve}`,
      [quoted('--serve-artifacts'), quoted(`--artifacts-destination=s3://{{ ${s3.bucket} }}`)],
    ],
    [undefined, [quoted('--no-serve-artifacts'), quoted(`--default-artifact-root=s3://{{ ${s3.bucket} }}`)]],
  ),
];

export const mlflow: ChartDefinition<typeof mlflowValuesSpec> = defineChart({
  name: 'mlflow',
  version: '0.1.8',
  appVersion: APP_VERSION,
  description: 'MLflow tracking server, with metadata in PostgreSQL and artifacts in MinIO (S3).',
  keywords: ['mlflow', 'tracking', 'mlops'],
  home: 'https://mlflow.org',
  sources: ['https://github.com/mlflow/mlflow'],
  partOf: 'mlops',
  syncWave: SYNC_WAVE,
  values: {
    spec: mlflowValuesSpec,
    defaults: {
      ...commonDefaults(),
      image: {
        registry: 'ghcr.io',
        repository: 'mlflow/mlflow',
        tag: `v${APP_VERSION}-full`,
        digest: '',
        pullPolicy: 'IfNotPresent',
      },
      replicas: 1,
      // The names the postgresql and minio charts give their objects (release names postgresql and minio).
      backendStore: {
        host: 'postgresql-external',
        port: 5432,
        database: 'mlflow',
        username: 'mlflow',
        existingSecret: 'postgresql-credentials',
        passwordKey: 'password',
      },
      artifacts: {
        serve: true,
        s3: {
          endpoint: 'http://minio:9000',
          bucket: 'mlflow-artifacts',
          existingSecret: 'minio-credentials',
          accessKeyKey: 'accesskey',
          secretKeyKey: 'secretkey',
        },
      },
      migration: { enabled: true, waitTimeoutSeconds: 300 },
      workers: 2,
      jobs: { enabled: false },
      allowedHosts: [],
      extraArgs: [],
      containerPorts: { http: PORT },
      service: { type: 'ClusterIP', ports: { http: PORT }, annotations: {} },
      ingress: ingressDefaults(),
      // npm run bench:stack measures ~640 MiB with two workers and no job workers (~2 GiB with them).
      // The artifact proxy spools uploads in /tmp (an emptyDir) before they go to S3: room for model files.
      ...workloadDefaults(
        MLFLOW_UID,
        { requests: { cpu: '250m', memory: '768Mi' }, limits: { cpu: '1', memory: '2Gi' } },
        { request: '1Gi', limit: '8Gi' },
      ),
    },
    examples: {
      'direct-s3-ingress': {
        artifacts: { serve: false },
        ingress: {
          enabled: true,
          className: 'nginx',
          host: 'mlflow.example.com',
          tls: { enabled: true, secretName: 'mlflow-tls' },
        },
        replicas: 2,
        podDisruptionBudget: { enabled: true },
      },
      'external-database': {
        backendStore: {
          host: 'db.example.com',
          port: 6432,
          database: 'tracking',
          username: 'tracker',
          existingSecret: 'tracking-db',
          passwordKey: 'pw',
        },
        migration: { enabled: false },
        networkPolicy: { enabled: true },
      },
    },
  },
  templates: {
    'deployment.yaml': workload(ctx, {
      kind: 'Deployment',
      name: fullname(ctx),
      component: 'tracking',
      replicas: `${values.replicas}`,
      strategy: 'RollingUpdate',
      checksums: [],
      initContainers: [
        {
          name: 'migrate',
          image: `${values.image}`,
          when: `${values.migration.enabled}`,
          script: migrateScript,
          env: [
            placed(`include "${DATABASE_ENV}" $`),
            envVar('WAIT_TIMEOUT_SECONDS', `{{ ${values.migration.waitTimeoutSeconds} | quote }}`),
          ],
          resources: `${values.resources}`,
          securityContext: `${values.containerSecurityContext}`,
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        },
      ],
      containers: [
        {
          name: 'mlflow',
          image: `${values.image}`,
          command: ['mlflow'],
          args: serverArgs,
          extraArgs: `${values.extraArgs}`,
          ports: [{ name: 'http', port: `${values.containerPorts.http}` }],
          env: [placed(`include "${DATABASE_ENV}" $`), ...artifactEnv],
          extraEnv: true,
          // The same check: /health is the one path MLflow answers whatever the Host header (a kubelet's is the pod
          // IP). Readiness reacts within 15 s, liveness only after a minute (see probes in values).
          probes: { liveness: httpGetProbe('/health'), readiness: httpGetProbe('/health') },
          resources: `${values.resources}`,
          securityContext: `${values.containerSecurityContext}`,
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        },
      ],
      volumes: [emptyDirVolume('tmp')],
    }),
    '_env.tpl': definitionFile([
      {
        name: DATABASE_ENV,
        comment: 'The database connection of the migration and the server.',
        context: 'list',
        children: databaseEnv,
      },
    ]),
    ...httpExposure(ctx, {
      component: 'tracking',
      prelude: s3EndpointPort,
      egress: [
        { comment: 'PostgreSQL, the backend store.', ports: [`${backend.port}`] },
        { comment: 'The S3 endpoint of the artifact store.', ports: ['$s3Port'] },
      ],
    }),
    'NOTES.txt': notes(`
MLflow is starting in namespace {{ .Release.Namespace }}.

  Tracking URI (in-cluster): http://${fullname(ctx)}.{{ .Release.Namespace }}.svc:{{ ${values.service.ports.http} }}
{{- if ${values.ingress.enabled} }}
  Tracking URI (outside):    http{{ if ${values.ingress.tls.enabled} }}s{{ end }}://{{ ${values.ingress.host} }}{{ ${values.ingress.path} }}
{{- end }}
  Metadata:  postgresql://{{ ${values.backendStore.username} }}@{{ ${values.backendStore.host} }}:{{ ${values.backendStore.port} }}/{{ ${values.backendStore.database} }} (password: Secret {{ ${values.backendStore.existingSecret} }})
  Artifacts: s3://{{ ${values.artifacts.s3.bucket} }} at {{ ${values.artifacts.s3.endpoint} }}{{ if ${values.artifacts.serve} }}, proxied by the server{{ else }}, accessed by clients directly{{ end }}
`),
  },
  readme: {
    overview: `Deploys the MLflow tracking server wired to the stack's storage: metadata in PostgreSQL (\`postgresql-external\`,
database and role \`mlflow\`, password from \`postgresql-credentials\`), artifacts in MinIO's \`mlflow-artifacts\` bucket
(\`http://minio:9000\`, keys from \`minio-credentials\`). These defaults are the names the postgresql and minio charts
create, so inside the mlops-stack umbrella it connects with no extra values.

| Kind | Name | Notes |
| --- | --- | --- |
| Deployment | \`mlflow\` | init container \`migrate\` waits for PostgreSQL, then runs \`mlflow db upgrade\` under a lock |
| Service | \`mlflow\` | ClusterIP, port \`http\` ${PORT} |
| Ingress | \`mlflow\` | only with \`ingress.enabled\` |`,
    install: `The chart creates no Secret: it reads the PostgreSQL and MinIO credentials Secrets of those charts (or any
Secret named in \`backendStore.existingSecret\` and \`artifacts.s3.existingSecret\`). No password appears in the
rendered manifests: the database password reaches the server as \`PGPASSWORD\`, the S3 keys as \`AWS_ACCESS_KEY_ID\` and
\`AWS_SECRET_ACCESS_KEY\`, all from \`secretKeyRef\`.

\`\`\`bash
helm install mlflow charts/mlflow --namespace mlops
\`\`\``,
    notes: `### The image

The default is MLflow's official \`ghcr.io/mlflow/mlflow:v${APP_VERSION}-full\`: the \`-full\` variant (published from
MLflow 3.9.0 on, with every release) carries \`psycopg2\` and \`boto3\`, which the tracking server needs for its
PostgreSQL backend store and S3 artifacts; the plain \`ghcr.io/mlflow/mlflow:v${APP_VERSION}\` does not, and installing
them at start needs network a cluster may not have. It is maintained with each MLflow release, unlike the frozen
\`bitnamilegacy/mlflow\`. To keep the image small, build one from the plain image with exactly the two drivers:

\`\`\`dockerfile
FROM ghcr.io/mlflow/mlflow:v${APP_VERSION}
RUN pip install --no-cache-dir psycopg2-binary==2.9.13 boto3==1.44.8
\`\`\`

and set \`image.registry\`, \`image.repository\` and \`image.tag\` to it. Any image works that contains \`mlflow\`,
\`python3\`, \`psycopg2\` and \`boto3\` and runs as the non-root \`podSecurityContext.runAsUser\` (the official images
have no user of their own, so any uid works with the chart's \`HOME=/tmp\`). The tests run this chart's rendered
command with MLflow ${APP_VERSION} and those driver versions (\`tools/mlflow/requirements.txt\`).

### Credentials

The database password and the S3 keys reach the server as environment variables from \`secretKeyRef\` (never in the
rendered manifests). They cannot be files here: libpq's \`PGPASSFILE\` and boto3's shared credentials file need a format
(\`host:port:database:user:password\`, an INI section) that the Secrets of the postgresql and minio charts do not hold.

### Artifacts

With \`artifacts.serve: true\` (the default) clients upload and download artifacts through the tracking server and need
no S3 credentials. With \`false\` the server hands out \`s3://mlflow-artifacts/...\` locations and clients need S3 access
(\`MLFLOW_S3_ENDPOINT_URL\` and keys) themselves.

### Host names

The server refuses requests whose \`Host\` header it does not know (403 "Invalid Host header", against DNS rebinding;
\`/health\` is exempt, so probes pass while clients fail). The chart allows the Service's DNS names
(\`mlflow\`, \`mlflow.<namespace>\`, \`….svc\`, \`….svc.cluster.local\`), \`localhost\` (port-forwarding) and the Ingress
host, each with any port; add others (another Ingress, a gateway's host) to \`allowedHosts\`.

### Workers and memory

\`workers\` (default 2) sets \`mlflow server --workers\`; each worker holds the whole application. MLflow 3 also starts
job workers beside the server (GenAI evaluations and scorers, periodic tasks), seven more Python processes; they are
off unless \`jobs.enabled\`. \`npm run bench:stack\` measures the container's memory under the end-to-end scenario:
about 640 MiB with the defaults, about 2 GiB with \`jobs.enabled\` (raise \`resources.limits.memory\` to 3Gi or more
then). The defaults, 768Mi requested and 2Gi the limit, follow from the first number. With several replicas and
\`jobs.enabled\`, every replica runs the periodic tasks.

### Migrations

Each pod's \`migrate\` init container waits for PostgreSQL (at most \`migration.waitTimeoutSeconds\`), then runs
\`mlflow db upgrade\` holding a PostgreSQL advisory lock: replicas starting together take turns, so one migrates and
the others find the schema current (a migration runs once per install or upgrade, never concurrently). Its log says
which (\`schema upgraded from revision A to B\` or \`schema already at revision B\`). A wrong password fails at once
with PostgreSQL's message. Set \`migration.enabled: false\` to manage the schema yourself.`,
  },
});
