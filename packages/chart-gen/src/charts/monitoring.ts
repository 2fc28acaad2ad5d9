import { monitoringValuesSpec } from '@chart-gen/schemas';

import type { ChartContext } from '../blocks/context';
import { notes } from '../blocks/notes';
import { valueChecks } from '../blocks/value-checks';
import { type ChartDefinition, defineChart } from '../model';
import { valuesOf } from '../template/values-path';
import { monitoringIgnoreDifferences } from './monitoring/ignore-differences';
import { monitoringReadme } from './monitoring/readme';
import { secretChecks } from './monitoring/value-checks';

const values = valuesOf(monitoringValuesSpec);
const stack = values['kube-prometheus-stack'];
const prom = stack.prometheus.prometheusSpec;

const ctx: ChartContext = { chart: 'monitoring' };
/**
 * prometheus-community's chart version. The 77.x line bundles Prometheus Operator v0.85.0 (the chart's appVersion),
 * the version whose CRDs the tests install (PROMETHEUS_OPERATOR_VERSION in tools/versions.env); 78.x bundles v0.86.
 * Source: prometheus-community/helm-charts, release kube-prometheus-stack-77.11.1, whose Chart.yaml gives
 * appVersion v0.85.0 (`helm list` shows CHART kube-prometheus-stack-77.11.1, APP VERSION v0.85.0).
 */
export const KUBE_PROMETHEUS_STACK_VERSION = '77.11.1';
/** The Prometheus Operator that version bundles: the chart's appVersion. */
const PROMETHEUS_OPERATOR_VERSION = 'v0.85.0';

/**
 * The cluster's monitoring: kube-prometheus-stack (Prometheus Operator, Prometheus, Alertmanager, Grafana,
 * node-exporter, kube-state-metrics) with the cluster's settings. Cluster-wide, so it has its own Argo CD Application
 * in its own namespace, synced before everything that creates ServiceMonitors or PrometheusRules.
 */
export const monitoring: ChartDefinition<typeof monitoringValuesSpec> = defineChart({
  name: 'monitoring',
  version: '0.1.0',
  appVersion: PROMETHEUS_OPERATOR_VERSION,
  description:
    "prometheus-community's kube-prometheus-stack with the cluster's settings: retention, storage, and Secrets for " +
    "Grafana's admin and Alertmanager's receivers.",
  keywords: ['monitoring', 'prometheus', 'alertmanager', 'grafana', 'kube-prometheus-stack', 'mlops'],
  home: 'https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack',
  sources: [
    'https://github.com/prometheus-community/helm-charts',
    'https://github.com/prometheus-operator/kube-prometheus',
  ],
  partOf: 'mlops',
  externalDependencies: [
    {
      name: 'kube-prometheus-stack',
      version: KUBE_PROMETHEUS_STACK_VERSION,
      repository: 'https://prometheus-community.github.io/helm-charts',
      condition: 'kube-prometheus-stack.enabled',
    },
  ],
  // Its CRDs (ServiceMonitor, PodMonitor, PrometheusRule) must exist before the charts that create such objects sync:
  // the GPU Operator (wave -1, a ServiceMonitor and a PrometheusRule in prod) and the stack (0).
  syncWave: -2,
  argocd: {
    namespace: 'monitoring',
    // node-exporter runs with hostNetwork, hostPID and hostPath mounts of the node's /, /proc and /sys, which the
    // baseline and restricted levels refuse.
    namespaceLabels: { 'pod-security.kubernetes.io/enforce': 'privileged' },
    // The Prometheus and Alertmanager CRDs are larger than the 256 KiB annotation a client-side apply keeps.
    syncOptions: ['ServerSideApply=true'],
    ignoreDifferences: monitoringIgnoreDifferences,
  },
  values: {
    spec: monitoringValuesSpec,
    defaults: {
      nameOverride: '',
      fullnameOverride: '',
      commonLabels: {},
      imagePullSecrets: [],
      'kube-prometheus-stack': {
        enabled: true,
        prometheus: {
          prometheusSpec: {
            retention: '15d',
            // base 1024: 45 GiB of samples on a 50Gi volume, leaving room for the WAL and compaction.
            retentionSize: '45GB',
            resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
            storageSpec: {
              volumeClaimTemplate: {
                spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } } },
              },
            },
            // Select the ServiceMonitors, PodMonitors and PrometheusRules of every release, not only this one's.
            serviceMonitorSelectorNilUsesHelmValues: false,
            podMonitorSelectorNilUsesHelmValues: false,
            ruleSelectorNilUsesHelmValues: false,
          },
        },
        alertmanager: {
          enabled: true,
          // The receivers (and their tokens) come from a Secret; alertmanager.config is never rendered.
          alertmanagerSpec: { useExistingSecret: true, configSecret: '' },
        },
        grafana: {
          enabled: true,
          admin: { existingSecret: '', userKey: 'admin-user', passwordKey: 'admin-password' },
          sidecar: {
            dashboards: { enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'ALL' },
            datasources: { enabled: true, defaultDatasourceEnabled: true },
          },
        },
      },
    },
    // Every environment reads the credentials from existing Secrets named like the stack's <name>-credentials.
    environmentDefaults: {
      'kube-prometheus-stack': {
        alertmanager: { alertmanagerSpec: { configSecret: 'monitoring-alertmanager-config' } },
        grafana: { admin: { existingSecret: 'monitoring-grafana-admin' } },
      },
    },
    examples: {
      secrets: {
        'kube-prometheus-stack': {
          alertmanager: { alertmanagerSpec: { configSecret: 'monitoring-alertmanager-config' } },
          grafana: { admin: { existingSecret: 'monitoring-grafana-admin' } },
        },
      },
      'storage-class': {
        'kube-prometheus-stack': {
          prometheus: {
            prometheusSpec: {
              retention: '30d',
              retentionSize: '90GB',
              storageSpec: {
                volumeClaimTemplate: {
                  spec: { storageClassName: 'fast-ssd', resources: { requests: { storage: '100Gi' } } },
                },
              },
            },
          },
          alertmanager: { alertmanagerSpec: { configSecret: 'monitoring-alertmanager-config' } },
          grafana: { admin: { existingSecret: 'monitoring-grafana-admin', userKey: 'user', passwordKey: 'password' } },
        },
      },
      'prometheus-only': {
        'kube-prometheus-stack': { alertmanager: { enabled: false }, grafana: { enabled: false } },
      },
    },
  },
  templates: {
    'validate-values.yaml': valueChecks(ctx, secretChecks),
    'NOTES.txt': notes(`
Monitoring settings installed in namespace {{ .Release.Namespace }}.
{{- if ${stack.enabled} }}
kube-prometheus-stack ${KUBE_PROMETHEUS_STACK_VERSION} (Prometheus Operator ${PROMETHEUS_OPERATOR_VERSION}); follow it with:
  kubectl -n {{ .Release.Namespace }} get pods
Prometheus keeps {{ ${prom.retention} }} of samples{{ with ${prom.retentionSize} }} (at most {{ . }}){{ end }}.
{{- if or ${prom.serviceMonitorSelectorNilUsesHelmValues} ${prom.podMonitorSelectorNilUsesHelmValues} ${prom.ruleSelectorNilUsesHelmValues} }}
Some monitors are selected only when labelled release={{ .Release.Name }} (a *SelectorNilUsesHelmValues is true).
{{- else }}
It selects the ServiceMonitors, PodMonitors and PrometheusRules of every release in every namespace.
{{- end }}
{{- if ${stack.alertmanager.enabled} }}
Alertmanager reads its receivers from Secret {{ ${stack.alertmanager.alertmanagerSpec.configSecret} }} (key alertmanager.yaml).
{{- end }}
{{- if ${stack.grafana.enabled} }}
Grafana's admin credentials: Secret {{ ${stack.grafana.admin.existingSecret} }}.
{{- with ${stack.grafana.sidecar.dashboards} }}
{{- if .enabled }}
Grafana loads dashboards from ConfigMaps labelled {{ .label }}={{ .labelValue | quote }} (namespaces: {{ .searchNamespace }}).
{{- end }}
{{- end }}
{{- end }}
{{- end }}
`),
  },
  readme: monitoringReadme,
});
