import { defineEnvironment } from './model';

/**
 * Namespaces whose pods (training and serving jobs) may reach MinIO and MLflow through the NetworkPolicies: a
 * namespace opts in with `kubectl label namespace <ns> mlops/client=true`. PostgreSQL stays reachable from its own
 * namespace only, where MLflow runs.
 */
const mlopsClients = { namespaceSelector: { matchLabels: { 'mlops/client': 'true' } } };

/**
 * Scraped by the monitoring chart's Prometheus (namespace monitoring, synced first), with its alerts and dashboard.
 * MinIO's metrics need a bearer token: the Secret minio-metrics-token holds one (see the minio chart's README).
 */
const monitored = { metrics: { enabled: true } };

/**
 * Production: namespace mlops, production-sized resources, network policies and disruption budgets. Argo CD
 * syncs and self-heals automatically but never prunes on its own: deleting objects (and with them, data) takes a
 * person running a sync with prune.
 */
export default defineEnvironment({
  name: 'prod',
  namespace: 'mlops',
  sync: { automated: true, prune: false, selfHeal: true },
  values: {
    minio: {
      replicas: 1,
      auth: { existingSecret: 'minio-credentials' },
      resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { cpu: '4', memory: '16Gi' } },
      persistence: { size: '100Gi' },
      networkPolicy: { enabled: true, extraFrom: [mlopsClients] },
      metrics: { ...monitored.metrics, bearerTokenSecret: { name: 'minio-metrics-token' } },
    },
    mlflow: {
      replicas: 2,
      resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
      podDisruptionBudget: { enabled: true },
      networkPolicy: { enabled: true, extraFrom: [mlopsClients] },
      ...monitored,
    },
    postgresql: {
      auth: { existingSecret: 'postgresql-credentials' },
      resources: { requests: { cpu: '1', memory: '4Gi' }, limits: { cpu: '2', memory: '8Gi' } },
      persistence: { size: '20Gi' },
      config: { max_connections: 200, shared_buffers: '1GB' },
      networkPolicy: { enabled: true },
      ...monitored,
    },
    'gpu-operator': {
      'gpu-operator': {
        // The operator installs the driver, pinned: a driver change is a reviewed commit, never a chart default.
        driver: { enabled: true, version: '580.95.05' },
        // Prometheus scrapes the DCGM exporter; needs the Prometheus Operator CRDs, like the alerts below.
        dcgmExporter: { serviceMonitor: { enabled: true } },
      },
      alerts: { enabled: true },
      dashboard: { enabled: true },
    },
    // The cluster's monitoring, for the cluster dev shares. Grafana's admin and Alertmanager's receivers come from the
    // Secrets monitoring-grafana-admin and monitoring-alertmanager-config in namespace monitoring (the chart's
    // environmentDefaults).
    monitoring: {
      'kube-prometheus-stack': {
        prometheus: {
          prometheusSpec: {
            retention: '30d',
            retentionSize: '90GB',
            resources: { requests: { cpu: '1', memory: '4Gi' }, limits: { cpu: '2', memory: '8Gi' } },
            storageSpec: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '100Gi' } } } } },
          },
        },
      },
    },
    // KServe is cluster-wide too: prod runs it for the cluster dev shares, so the models of both are served.
    kserve: {
      'kserve-resources': {
        kserve: {
          controller: {
            deploymentMode: 'Standard',
            resources: { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
          },
        },
      },
    },
  },
});
