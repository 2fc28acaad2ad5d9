import { minioValuesSpec } from '@chart-gen/schemas';

import { credentialsDir, envVar, secretFileEnv } from '../blocks/container';
import { fullname, objectName } from '../blocks/context';
import { credentialsSecret } from '../blocks/credentials';
import { dashboardFiles } from '../blocks/dashboard';
import { httpGetProbe } from '../blocks/http-exposure';
import { hookJob } from '../blocks/job';
import { componentMonitoring } from '../blocks/monitoring/component';
import { jobPolicy, networkPolicy } from '../blocks/network-policy';
import { podDisruptionBudget } from '../blocks/pdb';
import { persistentVolumeClaim } from '../blocks/persistence';
import { service } from '../blocks/service';
import { valueChecks } from '../blocks/value-checks';
import { credentialsVolume, dataVolume, emptyDirVolume } from '../blocks/volumes';
import { workload } from '../blocks/workload';
import { type ChartDefinition, defineChart } from '../model';
import { when } from '../template/nodes';
import { createBucketsScript } from './minio/create-buckets';
import { minioMonitoring } from './minio/monitoring';
import { notesTemplate, readme } from './minio/readme';
import { ctx, values } from './minio/settings';
import { defaults, examples } from './minio/values';

const ports = values.containerPorts;

/** The root credentials as files: MinIO reads MINIO_ROOT_USER_FILE and MINIO_ROOT_PASSWORD_FILE itself. */
const rootCredentialsEnv = [
  secretFileEnv(ctx, 'MINIO_ROOT_USER', `${values.auth.secretKeys.rootUser}`),
  secretFileEnv(ctx, 'MINIO_ROOT_PASSWORD', `${values.auth.secretKeys.rootPassword}`),
];
const credentialKeys = [`${values.auth.secretKeys.rootUser}`, `${values.auth.secretKeys.rootPassword}`];
const credentialsMount = { name: 'credentials', mountPath: credentialsDir(ctx), readOnly: true };
const metrics = values.metrics;

export const minio: ChartDefinition<typeof minioValuesSpec> = defineChart({
  name: 'minio',
  version: '0.1.16',
  appVersion: 'RELEASE.2025-09-07T16-13-09Z',
  description: 'MinIO S3-compatible object storage for ML artifacts, models and datasets.',
  keywords: ['minio', 's3', 'object-storage', 'mlops'],
  home: 'https://min.io',
  sources: ['https://github.com/minio/minio'],
  partOf: 'mlops',
  syncWave: 0,
  values: {
    spec: minioValuesSpec,
    defaults,
    examples,
  },
  files: dashboardFiles([minioMonitoring.dashboard]),
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
          env: [
            ...rootCredentialsEnv,
            when(`${metrics.enabled}`, envVar('MINIO_PROMETHEUS_AUTH_TYPE', `{{ ${metrics.auth} | quote }}`)),
          ],
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
      metricsPort: `${ports.api}`,
    }),
    'networkpolicy-create-buckets.yaml': jobPolicy(ctx, {
      name: objectName(ctx, 'create-buckets'),
      component: 'create-buckets',
      when: `${values.buckets.create} ${values.buckets.names}`,
      egress: [{ comment: 'The MinIO server, to create the buckets.', ports: [`${ports.api}`] }],
    }),
    'pdb.yaml': podDisruptionBudget(ctx, { name: fullname(ctx), component: 'server' }),
    ...componentMonitoring(ctx, minioMonitoring),
    'validate-values.yaml': valueChecks(ctx, [
      {
        refuseWhen: `and ${metrics.enabled} ${metrics.serviceMonitor.enabled} (eq ${metrics.auth} "jwt") (not ${metrics.bearerTokenSecret.name})`,
        message:
          'metrics.auth jwt needs metrics.bearerTokenSecret.name: a Secret holding a token from mc admin prometheus generate (or set metrics.auth public)',
      },
    ]),
    'NOTES.txt': notesTemplate(),
  },
  readme,
});
