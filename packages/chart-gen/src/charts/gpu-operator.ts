import {
  gpuOperatorValuesSpec,
  grafanaDashboardDefaults,
  MONITORING_NAMESPACE,
  restrictedSecurity,
  withEphemeralStorage,
} from '@chart-gen/schemas';

import { type ChartContext, objectName } from '../blocks/context';
import { dashboardConfigMap, dashboardFile, dashboardFiles } from '../blocks/dashboard';
import { chartReadmeUrl } from '../blocks/monitoring/runbooks';
import { notes } from '../blocks/notes';
import { valueChecks } from '../blocks/value-checks';
import { type ChartDefinition, defineChart } from '../model';
import { valuesOf } from '../template/values-path';
import { alertChecks, gpuAlertRules } from './gpu-operator/alert-rules';
import { gpuOperatorDashboard } from './gpu-operator/dashboard';
import { gpuOperatorIgnoreDifferences } from './gpu-operator/ignore-differences';
import { gpuOperatorReadme } from './gpu-operator/readme';
import { smokeTestPod } from './gpu-operator/smoke-test';
import { timeSlicingChecks, timeSlicingConfigMap } from './gpu-operator/time-slicing';

const values = valuesOf(gpuOperatorValuesSpec);

const ctx: ChartContext = { chart: 'gpu-operator' };
/** NVIDIA's chart version; our helpers are named gpu-operator.<area>.<thing>, apart from its gpu-operator.<thing>. */
const UPSTREAM_VERSION = 'v25.10.1';
/** nobody: nvidia-smi needs no user of its own. */
const SMOKE_TEST_UID = 65534;
const gpuTaintToleration = { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' };

/**
 * NVIDIA's GPU Operator with the cluster's settings, plus time-slicing, a GPU smoke test and GPU health alerts.
 * Cluster-wide, so it has its own Argo CD Application in its own namespace, synced before the MLOps stack.
 */
export const gpuOperator: ChartDefinition<typeof gpuOperatorValuesSpec> = defineChart({
  name: 'gpu-operator',
  version: '0.1.12',
  appVersion: UPSTREAM_VERSION,
  description:
    "NVIDIA's GPU Operator with the cluster's settings, GPU time-slicing, a GPU smoke test and GPU health alerts.",
  keywords: ['gpu', 'nvidia', 'gpu-operator', 'time-slicing', 'mlops'],
  home: 'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/',
  sources: ['https://github.com/NVIDIA/gpu-operator', 'https://github.com/NVIDIA/k8s-device-plugin'],
  partOf: 'mlops',
  externalDependencies: [
    {
      name: 'gpu-operator',
      version: UPSTREAM_VERSION,
      repository: 'https://helm.ngc.nvidia.com/nvidia',
      condition: 'gpu-operator.enabled',
    },
  ],
  // The GPU nodes must be ready before the MLOps stack schedules GPU workloads (wave 0).
  syncWave: -1,
  argocd: {
    namespace: 'gpu-operator',
    // The driver and toolkit pods run privileged; the default (restricted or baseline) levels would reject them.
    namespaceLabels: { 'pod-security.kubernetes.io/enforce': 'privileged' },
    // No last-applied-configuration annotation (limit 256 KiB), which the operator's large CRDs can outgrow.
    syncOptions: ['ServerSideApply=true'],
    ignoreDifferences: gpuOperatorIgnoreDifferences,
  },
  values: {
    spec: gpuOperatorValuesSpec,
    defaults: {
      nameOverride: '',
      fullnameOverride: '',
      commonLabels: {},
      imagePullSecrets: [],
      timeSlicing: {
        enabled: false,
        configMapName: 'time-slicing-config',
        configKey: 'any',
        replicasPerGpu: 4,
        renameByDefault: false,
        failRequestsGreaterThanOne: true,
      },
      smokeTest: {
        enabled: true,
        image: {
          registry: 'nvcr.io',
          repository: 'nvidia/cuda',
          tag: '12.8.1-base-ubuntu24.04',
          digest: '',
          pullPolicy: 'IfNotPresent',
        },
        resources: withEphemeralStorage({
          requests: { cpu: '50m', memory: '64Mi' },
          limits: { cpu: '500m', memory: '256Mi' },
        }),
        ...restrictedSecurity(SMOKE_TEST_UID),
        runtimeClassName: '',
        nodeSelector: {},
        tolerations: [gpuTaintToleration],
      },
      alerts: {
        enabled: false,
        labels: {},
        gpuTemperatureCelsius: 85,
        framebufferUsedPercent: 95,
        sustainedFor: '10m',
        absentFor: '15m',
        runbookUrl: chartReadmeUrl('gpu-operator'),
      },
      // Off with the alerts: both need the DCGM exporter scraped.
      dashboard: { ...grafanaDashboardDefaults(), enabled: false },
      'gpu-operator': {
        enabled: true,
        operator: {
          resources: { requests: { cpu: '200m', memory: '100Mi' }, limits: { cpu: '500m', memory: '350Mi' } },
          nodeSelector: {},
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
        },
        daemonsets: { tolerations: [gpuTaintToleration], priorityClassName: 'system-node-critical' },
        // An R580 data center driver; check NVIDIA's component matrix for the operator version before changing it.
        driver: { enabled: true, version: '580.95.05' },
        toolkit: { enabled: true },
        devicePlugin: { enabled: true, config: { create: false, name: '', default: '' } },
        mig: { strategy: 'single' },
        dcgmExporter: {
          enabled: true,
          serviceMonitor: { enabled: false, additionalLabels: { release: MONITORING_NAMESPACE }, interval: '15s' },
        },
        nfd: { enabled: true },
      },
    },
    examples: {
      'time-slicing': {
        timeSlicing: { enabled: true, replicasPerGpu: 8, renameByDefault: true },
        'gpu-operator': { devicePlugin: { config: { name: 'time-slicing-config', default: 'any' } } },
      },
      alerts: {
        alerts: { enabled: true, labels: { release: 'kube-prometheus-stack' }, gpuTemperatureCelsius: 80 },
        'gpu-operator': { dcgmExporter: { serviceMonitor: { enabled: true } } },
      },
      'preinstalled-driver': {
        smokeTest: { runtimeClassName: 'nvidia', nodeSelector: { 'nvidia.com/gpu.present': 'true' } },
        'gpu-operator': {
          driver: { enabled: false },
          toolkit: { enabled: false },
          nfd: { enabled: false },
          mig: { strategy: 'none' },
          operator: { nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } },
        },
      },
    },
  },
  files: dashboardFiles([gpuOperatorDashboard]),
  templates: {
    'dashboard-configmap.yaml': dashboardConfigMap(ctx, {
      file: dashboardFile(gpuOperatorDashboard),
      when: `${values.dashboard.enabled}`,
      labels: values.dashboard.labels,
      folder: values.dashboard.folder,
    }),
    'validate-values.yaml': valueChecks(ctx, [...timeSlicingChecks, ...alertChecks]),
    'time-slicing-configmap.yaml': timeSlicingConfigMap(ctx),
    'smoke-test-pod.yaml': smokeTestPod(ctx),
    'prometheusrule.yaml': gpuAlertRules(ctx),
    'NOTES.txt': notes(`
GPU Operator settings installed in namespace {{ .Release.Namespace }}.
{{- if index ${values} "gpu-operator" "enabled" }}
NVIDIA's gpu-operator ${UPSTREAM_VERSION} prepares every GPU node; follow it with:
  kubectl -n {{ .Release.Namespace }} get pods
  kubectl get clusterpolicies.nvidia.com cluster-policy
{{- end }}
{{- if ${values.timeSlicing.enabled} }}
Time-slicing: each GPU is shared by {{ ${values.timeSlicing.replicasPerGpu} }} pods (ConfigMap {{ ${values.timeSlicing.configMapName} }}, key {{ ${values.timeSlicing.configKey} }}).
{{- end }}
{{- if ${values.smokeTest.enabled} }}
Check that pods get a GPU: helm test {{ .Release.Name }} --namespace {{ .Release.Namespace }} --logs
{{- end }}
{{- if ${values.alerts.enabled} }}
GPU health alerts: PrometheusRule ${objectName(ctx, 'gpu-health')}.
{{- end }}
`),
  },
  readme: gpuOperatorReadme,
});
