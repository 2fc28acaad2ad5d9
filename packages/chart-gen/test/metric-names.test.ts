import * as fs from 'node:fs';
import * as path from 'node:path';

import type { K8sObject } from './support/helm';
import { monitoredCharts, pinnedMetricNames, usedMetricNames } from './support/monitored-charts';
import { describeWithPrometheusTools, metricNamesOf } from './support/promtool';

/** `[name, flag]` of a pinned list of metrics from collectors that a flag turns on (its -optional.txt beside it). */
function optionalMetricNames(file: string): [string, string][] {
  const optional = path.join(__dirname, 'fixtures/metrics', file.replace(/\.txt$/, '-optional.txt'));
  if (!fs.existsSync(optional)) return [];
  return fs
    .readFileSync(optional, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/) as [string, string]);
}

/** The arguments of every container named metrics in the rendered workloads (the exporter sidecar). */
function exporterArgs(objects: K8sObject[]): string[] {
  type Workload = { spec?: { template?: { spec?: { containers?: { name: string; args?: string[] }[] } } } };
  return objects.flatMap((object) =>
    ((object as Workload).spec?.template?.spec?.containers ?? [])
      .filter((c) => c.name === 'metrics')
      .flatMap((c) => c.args ?? []),
  );
}

// Every alert expression and dashboard query parses as PromQL, and the exporters that cannot run here (no GPU, no
// postgres_exporter image) are held to the metric names pinned from their source; MinIO and MLflow are scraped for
// real in stack-metrics.test.ts.
describeWithPrometheusTools('metric names of alerts and dashboards', () => {
  const charts = monitoredCharts();

  it.each(charts.map((chart) => [chart.name, chart] as const))(
    '%s: every alert expression and dashboard query parses and names metrics',
    (_, chart) => {
      expect(usedMetricNames(chart).length).toBeGreaterThan(2);
    },
  );

  const pinned = charts.flatMap((chart) =>
    'pinned' in chart.metricNames ? [[chart.name, chart, chart.metricNames.pinned] as const] : [],
  );
  it.each(pinned)('%s: uses only metrics its exporter exports (%s)', (_, chart, file) => {
    const known = pinnedMetricNames(file);
    // Metrics of collectors off by default count only when the rendered exporter turns them on.
    const flags = exporterArgs(chart.objects());
    const enabled = optionalMetricNames(file).filter(([, flag]) => flags.includes(flag));
    const allowed = new Set([...known, ...enabled.map(([name]) => name)]);
    expect(usedMetricNames(chart).filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('a misspelt metric or an unparsable query is caught', () => {
    expect(metricNamesOf(['sum(rate(pg_stat_database_xact_comit[5m]))'])[0]!.metrics).toEqual([
      'pg_stat_database_xact_comit',
    ]);
    expect(metricNamesOf(['sum by (job (up)'])[0]!.error).toBeTruthy();
  });
});
