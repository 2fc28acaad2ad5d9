import * as fs from 'node:fs';
import * as path from 'node:path';

import type { AlertRule } from '../../src/blocks/monitoring/alert';
import { PROOF_RELEASE } from '../../src/blocks/monitoring/alert';
import { componentAlerts } from '../../src/blocks/monitoring/component';
import { gpuAlerts } from '../../src/charts/gpu-operator/alert-rules';
import { gpuOperatorDashboard } from '../../src/charts/gpu-operator/dashboard';
import { minioMonitoring } from '../../src/charts/minio/monitoring';
import { ctx as minioCtx } from '../../src/charts/minio/settings';
import { mlflowMonitoring } from '../../src/charts/mlflow/monitoring';
import { ctx as mlflowCtx } from '../../src/charts/mlflow/settings';
import { postgresqlMonitoring } from '../../src/charts/postgresql/monitoring';
import { ctx as postgresqlCtx } from '../../src/charts/postgresql/settings';
import type { Dashboard } from '../../src/dashboards/model';
import { copyWithoutDependencies } from './chart-copy';
import { type K8sObject, render, REPO_ROOT } from './helm';
import { metricNamesOf } from './promtool';

/** Where the metric names a chart's alerts and dashboard use are proven to exist. */
export type MetricSource =
  /** The component runs in the stack test, which scrapes it (stack-metrics.test.ts). */
  | { scraped: true }
  /** A list pinned from the exporter's source (test/fixtures/metrics), its image not being runnable here. */
  | { pinned: string };

export interface MonitoredChart {
  name: string;
  /** Absolute chart folder. */
  dir: string;
  alerts: AlertRule[];
  dashboard: Dashboard;
  metricNames: MetricSource;
  /** Its objects rendered by helm 4 with monitoring on, release named like the chart, in PROOF_RELEASE's namespace. */
  objects: () => K8sObject[];
  prometheusRule: () => K8sObject & { spec: { groups: { name: string; rules: unknown[] }[] } };
}

const FIXTURES = path.join(__dirname, '../fixtures/metrics');

function monitored(
  name: string,
  chart: Omit<MonitoredChart, 'name' | 'dir' | 'objects' | 'prometheusRule'>,
  values: string[],
  external = false,
): MonitoredChart {
  let objects: K8sObject[] | undefined;
  const renderOnce = () => {
    if (objects) return objects;
    const copy = external ? copyWithoutDependencies(`charts/${name}`) : undefined;
    const args = ['--namespace', PROOF_RELEASE.namespace, ...values.flatMap((value) => ['--set', value])];
    try {
      objects = render(process.env.HELM4!, name, copy?.dir ?? `charts/${name}`, args);
    } finally {
      copy?.remove();
    }
    return objects;
  };
  return {
    name,
    dir: path.join(REPO_ROOT, 'charts', name),
    ...chart,
    objects: renderOnce,
    prometheusRule: () => {
      const rule = renderOnce().find((object) => object.kind === 'PrometheusRule');
      if (!rule) throw new Error(`charts/${name} rendered no PrometheusRule with ${values.join(' ')}`);
      return rule as ReturnType<MonitoredChart['prometheusRule']>;
    },
  };
}

/** The names of a pinned list (its lines without the comments). */
export function pinnedMetricNames(file: string): Set<string> {
  const lines = fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n');
  return new Set(lines.map((line) => line.trim()).filter((line) => line && !line.startsWith('#')));
}

/** Every chart with alerts and a dashboard, and how each is rendered with all of its monitoring on. */
export function monitoredCharts(): MonitoredChart[] {
  return [
    monitored(
      'minio',
      {
        alerts: componentAlerts(minioCtx, minioMonitoring),
        dashboard: minioMonitoring.dashboard,
        metricNames: { scraped: true },
      },
      ['auth.existingSecret=minio-root', 'metrics.enabled=true', 'metrics.bearerTokenSecret.name=minio-metrics-token'],
    ),
    monitored(
      'postgresql',
      {
        alerts: componentAlerts(postgresqlCtx, postgresqlMonitoring),
        dashboard: postgresqlMonitoring.dashboard,
        metricNames: { pinned: 'postgres-exporter-v0.20.1.txt' },
      },
      ['auth.existingSecret=postgresql-credentials', 'metrics.enabled=true'],
    ),
    monitored(
      'mlflow',
      {
        alerts: componentAlerts(mlflowCtx, mlflowMonitoring),
        dashboard: mlflowMonitoring.dashboard,
        metricNames: { scraped: true },
      },
      ['metrics.enabled=true'],
    ),
    monitored(
      'gpu-operator',
      { alerts: gpuAlerts, dashboard: gpuOperatorDashboard, metricNames: { pinned: 'dcgm-exporter-4.4.2-4.7.0.txt' } },
      ['alerts.enabled=true', 'dashboard.enabled=true'],
      true,
    ),
  ];
}

/**
 * The metric names a chart's alert expressions and dashboard queries use, as Prometheus's parser reads them; throws
 * naming any that does not parse. `up` is left out: Prometheus records it for every scrape.
 */
export function usedMetricNames(chart: MonitoredChart): string[] {
  const rules = chart.prometheusRule().spec.groups.flatMap((group) => group.rules as { expr: string }[]);
  const queries = chart.dashboard.rows.flatMap((row) => row.panels.flatMap((panel) => panel.queries));
  // Grafana replaces $__rate_interval before a query reaches Prometheus.
  const exprs = [...rules.map((r) => r.expr), ...queries.map((q) => q.expr.replaceAll('$__rate_interval', '5m'))];
  const parsed = metricNamesOf(exprs);
  const broken = parsed.filter((p) => p.error);
  if (broken.length) throw new Error(`${chart.name}: ${broken.map((p) => `${p.expr}: ${p.error}`).join('\n')}`);
  return [...new Set(parsed.flatMap((p) => p.metrics))].filter((name) => name !== 'up').sort();
}
