import { minioValuesSpec } from '@chart-gen/schemas';

import { credentialsDir, envVar, secretFileEnv } from '../blocks/container';
import { type ChartContext, credentialsSecretName, fullname, objectName } from '../blocks/context';
import { credentialsSecret } from '../blocks/credentials';
import { httpGetProbe } from '../blocks/http-exposure';
import { hookJob } from '../blocks/job';
import { jobPolicy, networkPolicy } from '../blocks/network-policy';
import { notes, persistenceNote } from '../blocks/notes';
import { podDisruptionBudget } from '../blocks/pdb';
import { persistentVolumeClaim } from '../blocks/persistence';
import { service } from '../blocks/service';
import { credentialsVolume, dataVolume, emptyDirVolume } from '../blocks/volumes';
import { workload } from '../blocks/workload';
import { type ChartDefinition, defineChart } from '../model';
import { valuesOf } from '../template/values-path';
import { commonDefaults, persistenceDefaults, withEphemeralStorage, workloadDefaults } from '../value-defaults';

const ctx: ChartContext = { chart: 'minio' };
const API_PORT = 9000;
const CONSOLE_PORT = 9001;
const STORAGE_SIZE = '100Gi';

const values = valuesOf(minioValuesSpec);
const ports = values.containerPorts;

/** The root credentials as files: MinIO reads MINIO_ROOT_USER_FILE and MINIO_ROOT_PASSWORD_FILE itself. */
const rootCredentialsEnv = [
  secretFileEnv(ctx, 'MINIO_ROOT_USER', `${values.auth.secretKeys.rootUser}`),
  secretFileEnv(ctx, 'MINIO_ROOT_PASSWORD', `${values.auth.secretKeys.rootPassword}`),
];
const credentialKeys = [`${values.auth.secretKeys.rootUser}`, `${values.auth.secretKeys.rootPassword}`];
const credentialsMount = { name: 'credentials', mountPath: credentialsDir(ctx), readOnly: true };

/**
 * Waits for the server, then creates each bucket unless it exists: safe to run on every upgrade. The shell is the
 * container's PID 1, which ignores SIGTERM unless it traps it: without the trap a Job stopped at its deadline or by a
 * deleted sync would wait out the grace period.
 */
const createBucketsScript = `
trap 'echo "stopped before the buckets were created"; exit 143' TERM INT
# mc reads the keys from standard input, so they never appear in a process's arguments or environment.
printf '%s\\n%s\\n' "$(cat "$MINIO_ROOT_USER_FILE")" "$(cat "$MINIO_ROOT_PASSWORD_FILE")" |
  mc alias set target "$MINIO_ENDPOINT" --api S3v4 >/dev/null
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
  version: '0.1.11',
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
      image: {
        registry: 'quay.io',
        repository: 'minio/minio',
        tag: 'RELEASE.2025-09-07T16-13-09Z',
        digest: '',
        pullPolicy: 'IfNotPresent',
      },
      replicas: 1,
      auth: { existingSecret: '', secretKeys: { rootUser: 'accesskey', rootPassword: 'secretkey' }, rootUser: 'admin' },
      buckets: {
        create: true,
        names: ['mlflow-artifacts', 'models', 'datasets', 'experiments'],
        image: {
          registry: 'quay.io',
          repository: 'minio/mc',
          tag: 'RELEASE.2025-08-13T08-35-41Z',
          digest: '',
          pullPolicy: 'IfNotPresent',
        },
        backoffLimit: 3,
        activeDeadlineSeconds: 600,
        ttlSecondsAfterFinished: 3600,
        resources: withEphemeralStorage({
          requests: { cpu: '50m', memory: '64Mi' },
          limits: { cpu: '200m', memory: '128Mi' },
        }),
      },
      containerPorts: { api: API_PORT, console: CONSOLE_PORT },
      service: { type: 'ClusterIP', ports: { api: API_PORT, console: CONSOLE_PORT }, annotations: {} },
      persistence: persistenceDefaults(STORAGE_SIZE),
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
      replicas: `${values.replicas}`,
      strategy: 'Recreate',
      checksums: ['secret.yaml'],
      containers: [
        {
          name: 'minio',
          image: `${values.image}`,
          args: [
            'server',
            '/data',
            `--address=:{{ ${ports.api} }}`,
            `--console-address=:{{ ${ports.console} }}`,
            '--certs-dir=/tmp/certs',
          ],
          ports: [
            { name: 'api', port: `${ports.api}` },
            { name: 'console', port: `${ports.console}` },
          ],
          env: rootCredentialsEnv,
          extraEnv: true,
          probes: {
            liveness: httpGetProbe('/minio/health/live', 'api'),
            readiness: httpGetProbe('/minio/health/ready', 'api'),
          },
          resources: `${values.resources}`,
          securityContext: `${values.containerSecurityContext}`,
          volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'tmp', mountPath: '/tmp' }, credentialsMount],
        },
      ],
      volumes: [dataVolume(ctx, 'data'), emptyDirVolume('tmp'), credentialsVolume(ctx, 'credentials', credentialKeys)],
    }),
    'service.yaml': service(ctx, {
      name: fullname(ctx),
      component: 'server',
      selectsComponent: 'server',
      ports: [
        { name: 'api', port: `${values.service.ports.api}` },
        { name: 'console', port: `${values.service.ports.console}` },
      ],
    }),
    'pvc.yaml': persistentVolumeClaim(ctx, { component: 'server' }),
    'secret.yaml': credentialsSecret(ctx, { component: 'server', fields: ['rootUser', 'rootPassword'] }),
    'job-create-buckets.yaml': hookJob(ctx, {
      name: objectName(ctx, 'create-buckets'),
      component: 'create-buckets',
      when: `and ${values.buckets.create} ${values.buckets.names}`,
      settings: `${values.buckets}`,
      container: {
        name: 'create-buckets',
        image: `${values.buckets.image}`,
        script: createBucketsScript,
        env: [
          envVar('MINIO_ENDPOINT', `"http://${fullname(ctx)}:{{ ${values.service.ports.api} }}"`),
          envVar('BUCKETS', `{{ join " " ${values.buckets.names} | quote }}`),
          envVar('MC_CONFIG_DIR', '/tmp/mc'),
          ...rootCredentialsEnv,
        ],
        resources: `${values.buckets.resources}`,
        securityContext: `${values.containerSecurityContext}`,
        volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }, credentialsMount],
      },
      volumes: [emptyDirVolume('tmp'), credentialsVolume(ctx, 'credentials', credentialKeys)],
    }),
    'networkpolicy.yaml': networkPolicy(ctx, {
      name: fullname(ctx),
      component: 'server',
      ports: [`${ports.api}`, `${ports.console}`],
    }),
    'networkpolicy-create-buckets.yaml': jobPolicy(ctx, {
      name: objectName(ctx, 'create-buckets'),
      component: 'create-buckets',
      when: `${values.buckets.create} ${values.buckets.names}`,
      egress: [{ comment: 'The MinIO server, to create the buckets.', ports: [`${ports.api}`] }],
    }),
    'pdb.yaml': podDisruptionBudget(ctx, { name: fullname(ctx), component: 'server' }),
    'NOTES.txt': notes(`
MinIO is starting in namespace {{ .Release.Namespace }}.

  S3 API:  http://${fullname(ctx)}.{{ .Release.Namespace }}.svc:{{ ${values.service.ports.api} }}
  Console: kubectl -n {{ .Release.Namespace }} port-forward svc/${fullname(ctx)} {{ ${values.service.ports.console} }}

Credentials: Secret ${credentialsSecretName(ctx)} (keys {{ ${values.auth.secretKeys.rootUser} }}, {{ ${values.auth.secretKeys.rootPassword} }}).
{{- if and ${values.buckets.create} ${values.buckets.names} }}
Buckets created after install and upgrade by Job ${objectName(ctx, 'create-buckets')}: {{ join ", " ${values.buckets.names} }}.
{{- end }}
${persistenceNote(ctx)}
`),
  },
  readme: {
    overview: `Deploys a single MinIO server with the objects of the cluster's former Kustomize base (release name \`minio\`):

| Kind | Name | Notes |
| --- | --- | --- |
| Deployment | \`minio\` | S3 API on ${API_PORT}, console on ${CONSOLE_PORT} |
| Service | \`minio\` | ClusterIP, ports \`api\` and \`console\` |
| PersistentVolumeClaim | \`minio-storage\` | ${STORAGE_SIZE}, kept on uninstall |
| Secret | \`minio-credentials\` | keys \`accesskey\`, \`secretkey\`; not created with \`auth.existingSecret\` |
| Job | \`minio-create-buckets\` | post-install/post-upgrade hook creating \`mlflow-artifacts\`, \`models\`, \`datasets\`, \`experiments\` |`,
    notes: `### Buckets

\`buckets.names\` lists the buckets. The \`minio-create-buckets\` Job runs as a Helm post-install and post-upgrade hook: it
starts once MinIO is ready, so \`helm install --wait\` never waits on it. Under Argo CD it is a Sync hook in MinIO's sync
wave, so MLflow (a later wave in the umbrella) starts once the buckets exist. It waits for the S3 API, creates each
missing bucket with \`mc mb --ignore-existing\` and leaves existing ones untouched, so it is safe to run on every sync. It is bounded by \`buckets.backoffLimit\`, \`buckets.activeDeadlineSeconds\` and
\`buckets.ttlSecondsAfterFinished\`.

### Credentials as files

The root credentials reach MinIO as files, never as environment variables: the credentials Secret is mounted at
\`/run/secrets/minio\` (mode 0440, readable by the pod's group) and MinIO reads \`MINIO_ROOT_USER_FILE\` and
\`MINIO_ROOT_PASSWORD_FILE\`. The bucket Job hands them to \`mc alias set\` on standard input, so they are in no process's
arguments either.

### Storage

The claim \`minio-storage\` carries \`helm.sh/resource-policy: keep\`: \`helm uninstall\` and Argo CD pruning leave it and its
data in place. Set \`persistence.keepOnUninstall=false\` to let it go with the release.`,
  },
});
