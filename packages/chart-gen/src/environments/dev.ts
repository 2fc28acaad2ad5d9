import { defineEnvironment } from './model';

/** Development: the former dev overlay (namespace mlops-dev, one small MinIO), synced and pruned automatically. */
export default defineEnvironment({
  name: 'dev',
  namespace: 'mlops-dev',
  sync: { automated: true, prune: true, selfHeal: true },
  values: {
    minio: {
      replicas: 1,
      auth: { existingSecret: 'minio-credentials' },
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      persistence: { size: '20Gi' },
    },
    postgresql: {
      auth: { existingSecret: 'postgresql-credentials' },
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      persistence: { size: '10Gi' },
    },
  },
});
