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
    'gpu-operator': {
      // Dev GPUs are shared by time: each is advertised as 4 nvidia.com/gpu (the device plugin reads the ConfigMap).
      timeSlicing: { enabled: true, replicasPerGpu: 4 },
      'gpu-operator': {
        // The dev GPU nodes come with the NVIDIA driver preinstalled, so the operator must not install its own.
        driver: { enabled: false },
        devicePlugin: { config: { name: 'time-slicing-config', default: 'any' } },
      },
    },
  },
});
