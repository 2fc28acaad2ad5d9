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
    mlflow: {
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    },
    postgresql: {
      auth: { existingSecret: 'postgresql-credentials' },
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      persistence: { size: '10Gi' },
    },
    // No 'gpu-operator' here: the GPU Operator is cluster-wide and dev shares its cluster with prod, whose
    // Application runs it. A dev cluster of its own would set destinationServer above and give the operator its
    // values here, e.g. driver.enabled false on nodes with a preinstalled driver and timeSlicing for shared GPUs.
    // No 'monitoring' either, for the same reason: prod's release monitors the cluster, dev's namespace included.
  },
});
