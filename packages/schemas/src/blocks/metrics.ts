import { bool, duration, k8sObject, list, obj, str, stringMap, type TProperties } from '../kit';
import { grafanaDashboardDefaults, grafanaDashboardSpec } from './dashboard';
import type { ValuesOf } from './workload';

/** The label kube-prometheus-stack's Prometheus selects monitors and rules by when its selectors use Helm values. */
const SELECTED_BY_RELEASE = 'e.g. release: monitoring, the release name of kube-prometheus-stack';

/**
 * `metrics`: one switch for a component's monitoring, then each object it may create. `alerts` are the chart's alert
 * thresholds (typed by the chart), `exporter` what the chart needs to expose the metrics (a sidecar, an auth mode).
 */
export function metricsSpec<A extends TProperties, E extends TProperties>(description: string, alerts: A, exporter: E) {
  return obj(description, {
    enabled: bool('Expose the Prometheus metrics; the objects below are created only when this is on.'),
    ...exporter,
    serviceMonitor: obj('ServiceMonitor that has the Prometheus Operator scrape the metrics (needs its CRDs).', {
      enabled: bool('Create the ServiceMonitor.'),
      labels: stringMap(`Labels of the ServiceMonitor; Prometheus selects monitors by them (${SELECTED_BY_RELEASE}).`),
      interval: duration('Scrape interval'),
      scrapeTimeout: duration('Scrape timeout, at most the interval'),
    }),
    prometheusRule: obj("PrometheusRule with the component's alerts (needs the Prometheus Operator CRDs).", {
      enabled: bool('Create the PrometheusRule.'),
      labels: stringMap(`Labels of the PrometheusRule; Prometheus selects rules by them (${SELECTED_BY_RELEASE}).`),
      runbookUrl: str("Page the alerts' runbook_url points at, with #<alert name in lower case> appended.", {
        pattern: '^https?://',
      }),
      ...alerts,
    }),
    dashboard: grafanaDashboardSpec(),
    scrapeFrom: list(
      'With networkPolicy.enabled: who may reach the metrics port (NetworkPolicyPeer objects), e.g. the namespace Prometheus runs in.',
      k8sObject('A NetworkPolicyPeer.'),
    ),
  });
}

/** The keys every chart's `metrics` has, typed by a spec without chart-specific keys. */
type CommonMetricsValues = ValuesOf<ReturnType<typeof metricsSpec<TProperties, TProperties>>['properties']>;

/** Namespace where the monitoring chart installs Prometheus by default. */
export const MONITORING_NAMESPACE = 'monitoring';

/**
 * Off; when turned on, every object is created, selected by kube-prometheus-stack installed as release `monitoring`
 * and scraped from the namespace of that name. A chart adds its alert thresholds to `prometheusRule` and its
 * exporter's keys.
 */
export function metricsDefaults(runbookUrl: string) {
  const selected = { release: MONITORING_NAMESPACE };
  return {
    enabled: false,
    serviceMonitor: { enabled: true, labels: selected, interval: '30s', scrapeTimeout: '10s' },
    prometheusRule: { enabled: true, labels: selected, runbookUrl },
    dashboard: grafanaDashboardDefaults(),
    scrapeFrom: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': MONITORING_NAMESPACE } } }],
  } satisfies CommonMetricsValues;
}
