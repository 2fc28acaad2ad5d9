import { minioValuesSpec } from '@chart-gen/schemas';

import { secretEnv } from '../blocks/container';
import { type ChartContext,credentialsSecretName, fullname, objectName } from '../blocks/context';
import { credentialsSecret } from '../blocks/credentials';
import { hookJob } from '../blocks/job';
import { networkPolicy, noIngressPolicy } from '../blocks/network-policy';
import { notes, persistenceNote } from '../blocks/notes';
import { podDisruptionBudget } from '../blocks/pdb';
import { persistentVolumeClaim } from '../blocks/persistence';
import { service } from '../blocks/service';
import { dataVolume, emptyDirVolume, workload } from '../blocks/workload';
import { type ChartDefinition,defineChart } from '../model';
import { commonDefaults, persistenceDefaults, withEphemeralStorage, workloadDefaults } from '../value-defaults';

const ctx: ChartContext = { chart: 'minio' };
const API_PORT = 9000;
const CONSOLE_PORT = 9001;

const rootCredentialsEnv = [
  secretEnv(ctx, 'MINIO_ROOT_USER', '.Values.auth.secretKeys.rootUser'),
  secretEnv(ctx, 'MINIO_ROOT_PASSWORD', '.Values.auth.secretKeys.rootPassword'),
].join('\n');

/**
 * Waits for the server, then creates each bucket unless it exists: safe to run on every upgrade. The shell is the
 * container's PID 1, which ignores SIGTERM unless it traps it: without the trap a Job stopped at its deadline or by a
 * deleted sync would wait out the grace period.
 */
const createBucketsScript = `
trap 'echo "stopped before the buckets were created"; exit 143' TERM INT
mc alias set target "$MINIO_ENDPOINT" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" --api S3v4 >/dev/null
until mc ls target >/dev/null 2>&1; do
  echo "waiting for MinIO at $MINIO_ENDPOINT"
  sleep 3
done
for bucket in $BUCKETS; do
  mc mb --ignore-existing "target/$bucket"
done
`;

export const minio: ChartDefinition<typeof minioValuesSpec> = defineChart({
  name: 'minio',
  version: '0.1.8',
  appVersion: 'RELEASE.2025-09-07T16-13-09Z',
  description: 'MinIO S3-compatible object storage for ML artifacts, models and datasets.',
  keywords: ['minio', 's3', 'object-storage', 'mlops'],
  home: 'https://min.io',
  sources: ['https://github.com/minio/minio'],
  partOf: 'mlops',
  syncWave: 0,
  values: {
    spec: minioValuesSpec,
    defaults: {
      ...commonDefaults(),
      image: { registry: 'quay.io', repository: 'minio/minio', tag: 'RELEASE.2025-09-07T16-13-09Z', digest: '', pullPolicy: 'IfNotPresent' },
      replicas: 1,
      auth: { existingSecret: '', secretKeys: { rootUser: 'accesskey', rootPassword: 'secretkey' }, rootUser: 'admin' },
      buckets: {
        create: true,
        names: ['mlflow-artifacts', 'models', 'datasets', 'experiments'],
        image: { registry: 'quay.io', repository: 'minio/mc', tag: 'RELEASE.2025-08-13T08-35-41Z', digest: '', pullPolicy: 'IfNotPresent' },
        backoffLimit: 3,
        activeDeadlineSeconds: 600,
        ttlSecondsAfterFinished: 3600,
        resources: withEphemeralStorage({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } }),
      },
      service: { type: 'ClusterIP', ports: { api: API_PORT, console: CONSOLE_PORT }, annotations: {} },
      persistence: persistenceDefaults('100Gi'),
      // npm run bench:stack measures ~120 MiB under the stack scenario: room for upload buffers above it.
      ...workloadDefaults(1000, { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } }),
    },
    examples: {
      'existing-secret': {
        auth: { existingSecret: 'minio-root', secretKeys: { rootUser: 'user', rootPassword: 'password' } },
        buckets: { names: ['mlflow-artifacts'] },
        persistence: { existingClaim: 'minio-data', storageClass: 'fast' },
        networkPolicy: { enabled: true },
        podDisruptionBudget: { enabled: true },
        global: { imageRegistry: 'registry.example.com', imagePullSecrets: [{ name: 'regcred' }] },
      },
    },
  },
  templates: {
    'deployment.yaml': workload(ctx, {
      kind: 'Deployment',
      name: fullname(ctx),
      component: 'server',
      replicas: '.Values.replicas',
      strategy: 'Recreate',
      checksums: ['secret.yaml'],
      containers: [
        {
          name: 'minio',
          image: '.Values.image',
          args: ['server', '/data', `--address=:${API_PORT}`, `--console-address=:${CONSOLE_PORT}`, '--certs-dir=/tmp/certs'],
          ports: [
            { name: 'api', port: String(API_PORT) },
            { name: 'console', port: String(CONSOLE_PORT) },
          ],
          env: rootCredentialsEnv,
          extraEnv: true,
          probes: {
            liveness: 'httpGet:\n  path: /minio/health/live\n  port: api',
            readiness: 'httpGet:\n  path: /minio/health/ready\n  port: api',
          },
          resources: '.Values.resources',
          securityContext: '.Values.containerSecurityContext',
          volumeMounts: [
            { name: 'data', mountPath: '/data' },
            { name: 'tmp', mountPath: '/tmp' },
          ],
        },
      ],
      volumes: [dataVolume(ctx, 'data'), emptyDirVolume('tmp')],
    }),
    'service.yaml': service(ctx, {
      name: fullname(ctx),
      component: 'server',
      selectsComponent: 'server',
      ports: [
        { name: 'api', port: '.Values.service.ports.api' },
        { name: 'console', port: '.Values.service.ports.console' },
      ],
    }),
    'pvc.yaml': persistentVolumeClaim(ctx, { component: 'server' }),
    'secret.yaml': credentialsSecret(ctx, { component: 'server', fields: ['rootUser', 'rootPassword'] }),
    'job-create-buckets.yaml': hookJob(ctx, {
      name: objectName(ctx, 'create-buckets'),
      component: 'create-buckets',
      when: 'and .Values.buckets.create .Values.buckets.names',
      settings: '.Values.buckets',
      container: {
        name: 'create-buckets',
        image: '.Values.buckets.image',
        script: createBucketsScript,
        env: [
          `- name: MINIO_ENDPOINT\n  value: "http://${fullname(ctx)}:{{ .Values.service.ports.api }}"`,
          '- name: BUCKETS\n  value: {{ join " " .Values.buckets.names | quote }}',
          '- name: MC_CONFIG_DIR\n  value: /tmp/mc',
          rootCredentialsEnv,
        ].join('\n'),
        resources: '.Values.buckets.resources',
        securityContext: '.Values.containerSecurityContext',
        volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
      },
      volumes: [emptyDirVolume('tmp')],
    }),
    'networkpolicy.yaml': networkPolicy(ctx, { name: fullname(ctx), component: 'server', ports: [String(API_PORT), String(CONSOLE_PORT)] }),
    'networkpolicy-create-buckets.yaml': noIngressPolicy(ctx, {
      name: objectName(ctx, 'create-buckets'),
      component: 'create-buckets',
      when: '.Values.buckets.create .Values.buckets.names',
    }),
    'pdb.yaml': podDisruptionBudget(ctx, { name: fullname(ctx), component: 'server' }),
    'NOTES.txt': notes(`
MinIO is starting in namespace {{ .Release.Namespace }}.

  S3 API:  http://${fullname(ctx)}.{{ .Release.Namespace }}.svc:{{ .Values.service.ports.api }}
  Console: kubectl -n {{ .Release.Namespace }} port-forward svc/${fullname(ctx)} {{ .Values.service.ports.console }}

Credentials: Secret ${credentialsSecretName(ctx)} (keys {{ .Values.auth.secretKeys.rootUser }}, {{ .Values.auth.secretKeys.rootPassword }}).
{{- if and .Values.buckets.create .Values.buckets.names }}
Buckets created after install and upgrade by Job ${objectName(ctx, 'create-buckets')}: {{ join ", " .Values.buckets.names }}.
{{- end }}
${persistenceNote(ctx)}
`),
  },
  readme: {
    overview: `Deploys a single MinIO server with the objects of the cluster's former Kustomize base (release name \`minio\`):

| Kind | Name | Notes |
| --- | --- | --- |
| Deployment | \`minio\` | S3 API on 9000, console on 9001 |
| Service | \`minio\` | ClusterIP, ports \`api\` and \`console\` |
| PersistentVolumeClaim | \`minio-storage\` | 100Gi, kept on uninstall |
| Secret | \`minio-credentials\` | keys \`accesskey\`, \`secretkey\`; not created with \`auth.existingSecret\` |
| Job | \`minio-create-buckets\` | post-install/post-upgrade hook creating \`mlflow-artifacts\`, \`models\`, \`datasets\`, \`experiments\` |`,
    notes: `### Buckets

\`buckets.names\` lists the buckets. The \`minio-create-buckets\` Job runs as a Helm post-install and post-upgrade hook: it
starts once MinIO is ready, so \`helm install --wait\` never waits on it. Under Argo CD it is a Sync hook in MinIO's sync
wave, so MLflow (a later wave in the umbrella) starts once the buckets exist. It waits for the S3 API, creates each
missing bucket with \`mc mb --ignore-existing\` and leaves existing ones untouched, so it is safe to run on every sync. It is bounded by \`buckets.backoffLimit\`, \`buckets.activeDeadlineSeconds\` and
\`buckets.ttlSecondsAfterFinished\`.

### Storage

The claim \`minio-storage\` carries \`helm.sh/resource-policy: keep\`: \`helm uninstall\` and Argo CD pruning leave it and its
data in place. Set \`persistence.keepOnUninstall=false\` to let it go with the release.`,
  },
});
