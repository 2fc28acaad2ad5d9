import { mlflowValuesSpec } from '@chart-gen/schemas';
import { secretKeyEnv } from '../blocks/container';
import { fullname, type ChartContext } from '../blocks/context';
import { httpExposure } from '../blocks/http-exposure';
import { notes } from '../blocks/notes';
import { emptyDirVolume, workload } from '../blocks/workload';
import { defineChart, type ChartDefinition } from '../model';
import { commonDefaults, workloadDefaults } from '../value-defaults';

/** After its storage (MinIO and PostgreSQL, wave 0). */
const SYNC_WAVE = 1;
const ctx: ChartContext = { chart: 'mlflow', syncWave: SYNC_WAVE };
const PORT = 5000;
/** uid of the image's non-root user. */
const MLFLOW_UID = 1001;

/**
 * Backend connection as environment. The URI carries no password: libpq (psycopg2) reads PGPASSWORD,
 * so the password stays in its Secret and needs no URL escaping.
 */
const backendEnv = [
  '- name: MLFLOW_BACKEND_STORE_URI',
  '  value: {{ printf "postgresql://%s@%s:%v/%s" .Values.backendStore.username .Values.backendStore.host .Values.backendStore.port .Values.backendStore.database | quote }}',
  secretKeyEnv('PGPASSWORD', '.Values.backendStore.existingSecret', '.Values.backendStore.passwordKey'),
  '- name: HOME',
  '  value: /tmp',
].join('\n');

/** Artifact store connection as environment: boto3 reads the endpoint and the AWS_* keys. */
const artifactEnv = [
  '- name: MLFLOW_S3_ENDPOINT_URL',
  '  value: {{ .Values.artifacts.s3.endpoint | quote }}',
  secretKeyEnv('AWS_ACCESS_KEY_ID', '.Values.artifacts.s3.existingSecret', '.Values.artifacts.s3.accessKeyKey'),
  secretKeyEnv('AWS_SECRET_ACCESS_KEY', '.Values.artifacts.s3.existingSecret', '.Values.artifacts.s3.secretKeyKey'),
].join('\n');

/** Waits for PostgreSQL to accept connections, then brings the schema up to date (a no-op when it is). */
const migrateScript = `
python - <<'PY'
import os, socket, time
host, port = os.environ["DB_HOST"], int(os.environ["DB_PORT"])
deadline = time.time() + int(os.environ["WAIT_TIMEOUT_SECONDS"])
while True:
    try:
        socket.create_connection((host, port), timeout=3).close()
        break
    except OSError as error:
        if time.time() > deadline:
            raise SystemExit(f"PostgreSQL at {host}:{port} is not reachable: {error}")
        print(f"waiting for PostgreSQL at {host}:{port}", flush=True)
        time.sleep(3)
PY
exec mlflow db upgrade "$MLFLOW_BACKEND_STORE_URI"
`;

const serverArgs = [
  'server',
  '--host=0.0.0.0',
  `--port=${PORT}`,
  '{{- if .Values.artifacts.serve }}',
  '--serve-artifacts',
  '--artifacts-destination=s3://{{ .Values.artifacts.s3.bucket }}',
  '{{- else }}',
  '--no-serve-artifacts',
  '--default-artifact-root=s3://{{ .Values.artifacts.s3.bucket }}',
  '{{- end }}',
];

export const mlflow: ChartDefinition<typeof mlflowValuesSpec> = defineChart({
  name: 'mlflow',
  version: '0.1.4',
  appVersion: '3.3.2',
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
      image: { registry: 'docker.io', repository: 'bitnamilegacy/mlflow', tag: '3.3.2-debian-12-r0', digest: '', pullPolicy: 'IfNotPresent' },
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
      extraArgs: [],
      service: { type: 'ClusterIP', ports: { http: PORT }, annotations: {} },
      ingress: {
        enabled: false,
        className: '',
        host: '',
        path: '/',
        pathType: 'Prefix',
        tls: { enabled: false, secretName: '' },
        annotations: {},
      },
      ...workloadDefaults(MLFLOW_UID, { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '2Gi' } }),
    },
    examples: {
      'direct-s3-ingress': {
        artifacts: { serve: false },
        ingress: { enabled: true, className: 'nginx', host: 'mlflow.example.com', tls: { enabled: true, secretName: 'mlflow-tls' } },
        replicas: 2,
        podDisruptionBudget: { enabled: true },
      },
      'external-database': {
        backendStore: { host: 'db.example.com', port: 6432, database: 'tracking', username: 'tracker', existingSecret: 'tracking-db', passwordKey: 'pw' },
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
      replicas: '.Values.replicas',
      strategy: 'RollingUpdate',
      checksums: [],
      initContainers: [
        {
          name: 'migrate',
          image: '.Values.image',
          when: '.Values.migration.enabled',
          script: migrateScript,
          env: [
            '- name: DB_HOST\n  value: {{ .Values.backendStore.host | quote }}',
            '- name: DB_PORT\n  value: {{ .Values.backendStore.port | quote }}',
            '- name: WAIT_TIMEOUT_SECONDS\n  value: {{ .Values.migration.waitTimeoutSeconds | quote }}',
            backendEnv,
          ].join('\n'),
          resources: '.Values.resources',
          securityContext: '.Values.containerSecurityContext',
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        },
      ],
      containers: [
        {
          name: 'mlflow',
          image: '.Values.image',
          command: ['mlflow'],
          args: serverArgs,
          extraArgs: '.Values.extraArgs',
          ports: [{ name: 'http', port: String(PORT) }],
          env: `${backendEnv}\n${artifactEnv}`,
          extraEnv: true,
          probes: {
            liveness: 'httpGet:\n  path: /health\n  port: http',
            readiness: 'httpGet:\n  path: /health\n  port: http',
          },
          resources: '.Values.resources',
          securityContext: '.Values.containerSecurityContext',
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        },
      ],
      volumes: [emptyDirVolume('tmp')],
    }),
    ...httpExposure(ctx, { component: 'tracking', port: PORT }),
    'NOTES.txt': notes(`
MLflow is starting in namespace {{ .Release.Namespace }}.

  Tracking URI (in-cluster): http://${fullname(ctx)}.{{ .Release.Namespace }}.svc:{{ .Values.service.ports.http }}
{{- if .Values.ingress.enabled }}
  Tracking URI (outside):    http{{ if .Values.ingress.tls.enabled }}s{{ end }}://{{ .Values.ingress.host }}{{ .Values.ingress.path }}
{{- end }}
  Metadata:  postgresql://{{ .Values.backendStore.username }}@{{ .Values.backendStore.host }}:{{ .Values.backendStore.port }}/{{ .Values.backendStore.database }} (password: Secret {{ .Values.backendStore.existingSecret }})
  Artifacts: s3://{{ .Values.artifacts.s3.bucket }} at {{ .Values.artifacts.s3.endpoint }}{{ if .Values.artifacts.serve }}, proxied by the server{{ else }}, accessed by clients directly{{ end }}
`),
  },
  readme: {
    overview: `Deploys the MLflow tracking server wired to the stack's storage: metadata in PostgreSQL (\`postgresql-external\`,
database and role \`mlflow\`, password from \`postgresql-credentials\`), artifacts in MinIO's \`mlflow-artifacts\` bucket
(\`http://minio:9000\`, keys from \`minio-credentials\`). These defaults are the names the postgresql and minio charts
create, so inside the mlops-stack umbrella it connects with no extra values.

| Kind | Name | Notes |
| --- | --- | --- |
| Deployment | \`mlflow\` | init container \`migrate\` waits for PostgreSQL, then runs \`mlflow db upgrade\` |
| Service | \`mlflow\` | ClusterIP, port \`http\` 5000 |
| Ingress | \`mlflow\` | only with \`ingress.enabled\` |`,
    install: `The chart creates no Secret: it reads the PostgreSQL and MinIO credentials Secrets of those charts (or any
Secret named in \`backendStore.existingSecret\` and \`artifacts.s3.existingSecret\`). No password appears in the
rendered manifests: the database password reaches the server as \`PGPASSWORD\`, the S3 keys as \`AWS_ACCESS_KEY_ID\` and
\`AWS_SECRET_ACCESS_KEY\`, all from \`secretKeyRef\`.

\`\`\`bash
helm install mlflow charts/mlflow --namespace mlops
\`\`\``,
    notes: `### The image

The official \`ghcr.io/mlflow/mlflow\` image ships without \`psycopg2\` and \`boto3\`, so it cannot use a PostgreSQL
backend or S3 artifacts, and installing them at start needs network a cluster may not have. The default is
\`docker.io/bitnamilegacy/mlflow\`, which carries both (Bitnami's images are frozen in its legacy repository). Any image
works that runs as a non-root user and contains \`mlflow\`, \`python\`, \`psycopg2\` and \`boto3\`; set \`image.*\`.

### Artifacts

With \`artifacts.serve: true\` (the default) clients upload and download artifacts through the tracking server and need
no S3 credentials. With \`false\` the server hands out \`s3://mlflow-artifacts/...\` locations and clients need S3 access
(\`MLFLOW_S3_ENDPOINT_URL\` and keys) themselves.

### Migrations

Each pod's \`migrate\` init container runs \`mlflow db upgrade\` (a no-op on an up-to-date schema) after PostgreSQL
accepts connections, waiting at most \`migration.waitTimeoutSeconds\`. Set \`migration.enabled: false\` to manage the
schema yourself.`,
  },
});
