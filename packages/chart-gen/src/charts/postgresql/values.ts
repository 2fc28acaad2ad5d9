import {
  commonDefaults,
  metricsDefaults,
  persistenceDefaults,
  postgresqlValuesSpec,
  restrictedSecurity,
  type Static,
  withEphemeralStorage,
  workloadDefaults,
} from '@chart-gen/schemas';

import { chartReadmeUrl } from '../../blocks/monitoring/runbooks';
import type { DeepPartial } from '../../model';
import { EXPORTER_PORT, PORT, POSTGRES_UID, STORAGE_SIZE } from './settings';

type Values = Static<typeof postgresqlValuesSpec>;

const metrics = metricsDefaults(chartReadmeUrl('postgresql'));

/** values.yaml */
export const defaults: Values = {
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
  metrics: {
    ...metrics,
    image: {
      registry: 'quay.io',
      repository: 'prometheuscommunity/postgres-exporter',
      tag: 'v0.20.1',
      digest: '',
      pullPolicy: 'IfNotPresent',
    },
    port: EXPORTER_PORT,
    resources: withEphemeralStorage({
      requests: { cpu: '20m', memory: '32Mi' },
      limits: { cpu: '200m', memory: '128Mi' },
    }),
    containerSecurityContext: restrictedSecurity(POSTGRES_UID).containerSecurityContext,
    prometheusRule: {
      ...metrics.prometheusRule,
      connectionsUsedPercent: 80,
      connectionsUsedFor: '10m',
      wraparoundAgeTransactions: 1000000000,
    },
  },
  // npm run bench:stack measures ~55 MiB under the stack scenario; shared_buffers (128MB) and a connection's
  // work_mem come on top as the database grows.
  ...workloadDefaults(POSTGRES_UID, {
    requests: { cpu: '250m', memory: '256Mi' },
    limits: { cpu: '1', memory: '1Gi' },
  }),
};

/** ci/<name>-values.yaml: representative values for the lint and render tests. */
export const examples: Record<string, DeepPartial<Values>> = {
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
};
