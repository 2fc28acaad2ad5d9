import type { AlertRule } from './alert';

/** Template text as a reader should see it: a value as its key, a Prometheus expression as what it prints. */
function prose(text: string): string {
  return text
    .replace(/\{\{ `\{\{ \$labels\.(\w+) \}\}` \}\}/g, '`$labels.$1`')
    .replace(/\{\{ `\{\{ [^`]*\$value[^`]* \}\}` \}\}/g, '`$value`')
    .replace(/\{\{ (?:int64 )?\.Values\.([\w.]+)(?: \| quote)? \}\}/g, '`$1`')
    .replace(/\{\{ include "[\w-]+\.names\.fullname" \$ \}\}/g, '`<release>`')
    .replace(/\{\{ \.Release\.Namespace \}\}/g, '`<namespace>`');
}

const forText = (value: string | undefined) =>
  value === undefined
    ? 'at once'
    : value.startsWith('.')
      ? `after \`${value.slice('.Values.'.length)}\``
      : `after ${value}`;

/** One alert's runbook section; runbook_url points at its heading. */
function alertSection(rule: AlertRule): string {
  return [
    `#### ${rule.alert}`,
    '',
    `**${rule.severity}**, fires ${forText(rule.for)}: ${prose(rule.summary)}.`,
    '',
    prose(rule.description),
    '',
    `What to do: ${rule.runbook}`,
  ].join('\n');
}

export interface MonitoringReadme {
  /** How the metrics are exposed and scraped (one paragraph). */
  scraping: string;
  /** Values that turn it on in an environment, as YAML under the chart's key. */
  enable: string;
  alerts: AlertRule[];
  /** Markdown list of the dashboard's rows and panels. */
  dashboard?: string;
}

/** How the metrics block's objects find the monitoring chart's Prometheus (for charts with a `metrics` block). */
export const SELECTED_BY_MONITORING =
  'The ServiceMonitor and PrometheusRule carry `release: monitoring` (`metrics.serviceMonitor.labels`, ' +
  "`metrics.prometheusRule.labels`), the label the monitoring chart's Prometheus selects by; with " +
  '`networkPolicy.enabled`, `metrics.scrapeFrom` lets the `monitoring` namespace reach the metrics port. The ' +
  'dashboard ConfigMap carries `grafana_dashboard: "1"`, which its Grafana sidecar loads.';

/** The README's Monitoring section: turning it on, what is scraped, the dashboard, then one runbook per alert. */
export function monitoringReadme(options: MonitoringReadme): string {
  return [
    options.scraping.trim(),
    '',
    'To turn it on in an environment (`packages/chart-gen/src/environments/<name>.ts`), set:',
    '',
    '```yaml',
    options.enable.trim(),
    '```',
    ...(options.dashboard ? ['', '### Dashboard', '', options.dashboard.trim()] : []),
    '',
    '### Alerts',
    '',
    "Each alert's `runbook_url` points at its section below (`metrics.prometheusRule.runbookUrl`).",
    '',
    options.alerts.map(alertSection).join('\n\n'),
  ].join('\n');
}
