import { type Control, entry, list, map, mapOf, type Maybe, when } from '../../template/nodes';
import { type ChartContext, selectorLabels, standardLabels } from '../context';
import { templateFile } from '../text';
import { metricsWhen } from './switches';

export interface ServiceMonitorOptions {
  /** Object name expression. */
  name: string;
  /** The job label of the scraped series (an expression), which the alerts select by. */
  job: string;
  component: string;
  /** Expression of the chart's `metrics` values, e.g. `.Values.metrics`. */
  metrics: string;
  /** Name of the Service port that serves the metrics. */
  port: string;
  /** HTTP path of the metrics. */
  path: string;
  /** Bearer token read by Prometheus from a Secret in the release namespace: expressions of its name and key. */
  bearerTokenSecret?: { when: string; name: string; key: string };
}

function authorization(secret: ServiceMonitorOptions['bearerTokenSecret']): Maybe<Control> {
  if (!secret) return undefined;
  const credentials = mapOf({ name: secret.name, key: secret.key });
  return when(secret.when, entry('authorization', mapOf({ type: 'Bearer', credentials })));
}

/**
 * A ServiceMonitor (monitoring.coreos.com/v1) scraping one port of the component's Service, in the release namespace
 * only, so two releases of a chart are never scraped under each other's name.
 */
export function serviceMonitor(ctx: ChartContext, options: ServiceMonitorOptions): string {
  const settings = `${options.metrics}.serviceMonitor`;
  const endpoint = map(
    entry('port', options.port),
    entry('path', options.path),
    entry('interval', `{{ ${settings}.interval }}`),
    entry('scrapeTimeout', `{{ ${settings}.scrapeTimeout }}`),
    entry('relabelings', list(mapOf({ action: 'replace', targetLabel: 'job', replacement: options.job }))),
    authorization(options.bearerTokenSecret),
  );
  return templateFile(
    when(
      metricsWhen(options.metrics, 'serviceMonitor'),
      entry('apiVersion', 'monitoring.coreos.com/v1'),
      entry('kind', 'ServiceMonitor'),
      entry(
        'metadata',
        map(
          entry('name', options.name),
          entry('namespace', '{{ .Release.Namespace }}'),
          entry('labels', standardLabels(ctx, options.component, `${settings}.labels`)),
        ),
      ),
      entry(
        'spec',
        map(
          entry('selector', mapOf({ matchLabels: selectorLabels(ctx, options.component) })),
          entry('namespaceSelector', mapOf({ matchNames: list('{{ .Release.Namespace }}') })),
          entry('endpoints', list(endpoint)),
        ),
      ),
    ),
  );
}
