import {
  commonDefaults,
  ingressDefaults,
  metricsDefaults,
  mlflowValuesSpec,
  type Static,
  workloadDefaults,
} from '@chart-gen/schemas';

import { chartReadmeUrl } from '../../blocks/monitoring/runbooks';
import type { DeepPartial } from '../../model';
import { APP_VERSION, MLFLOW_UID, PORT } from './settings';

type Values = Static<typeof mlflowValuesSpec>;

const metrics = metricsDefaults(chartReadmeUrl('mlflow'));

/** values.yaml */
export const defaults: Values = {
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
  metrics: {
    ...metrics,
    prometheusRule: { ...metrics.prometheusRule, errorRatePercent: 5, errorRateFor: '10m' },
  },
  // npm run bench:stack measures ~640 MiB with two workers and no job workers (~2 GiB with them).
  // The artifact proxy spools uploads in /tmp (an emptyDir) before they go to S3: room for model files.
  ...workloadDefaults(
    MLFLOW_UID,
    { requests: { cpu: '250m', memory: '768Mi' }, limits: { cpu: '1', memory: '2Gi' } },
    { request: '1Gi', limit: '8Gi' },
  ),
};

/** ci/<name>-values.yaml: an external database, and S3 reached directly behind an Ingress. */
export const examples: Record<string, DeepPartial<Values>> = {
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
};
