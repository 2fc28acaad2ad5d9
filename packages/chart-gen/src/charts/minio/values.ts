import {
  commonDefaults,
  metricsDefaults,
  minioValuesSpec,
  persistenceDefaults,
  type Static,
  withEphemeralStorage,
  workloadDefaults,
} from '@chart-gen/schemas';

import { chartReadmeUrl } from '../../blocks/monitoring/runbooks';
import type { DeepPartial } from '../../model';
import { API_PORT, CONSOLE_PORT, STORAGE_SIZE } from './settings';

type Values = Static<typeof minioValuesSpec>;

const metrics = metricsDefaults(chartReadmeUrl('minio'));

/** values.yaml */
export const defaults: Values = {
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
  metrics: {
    ...metrics,
    auth: 'jwt',
    bearerTokenSecret: { name: '', key: 'token' },
    prometheusRule: { ...metrics.prometheusRule, diskUsedPercent: 85, diskUsedFor: '15m' },
  },
  // npm run bench:stack measures ~120 MiB under the stack scenario: room for upload buffers above it.
  ...workloadDefaults(1000, { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } }),
};

/** ci/<name>-values.yaml: representative values for the lint and render tests. */
export const examples: Record<string, DeepPartial<Values>> = {
  'existing-secret': {
    auth: { existingSecret: 'minio-root', secretKeys: { rootUser: 'user', rootPassword: 'password' } },
    buckets: { names: ['mlflow-artifacts'] },
    persistence: { existingClaim: 'minio-data', storageClass: 'fast' },
    networkPolicy: { enabled: true },
    podDisruptionBudget: { enabled: true },
    global: { imageRegistry: 'registry.example.com', imagePullSecrets: [{ name: 'regcred' }] },
  },
};
