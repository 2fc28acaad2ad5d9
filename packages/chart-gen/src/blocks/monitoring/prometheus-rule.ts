import { entry, list, literal, map, mapOf, scalar, when } from '../../template/nodes';
import { type ChartContext, standardLabels } from '../context';
import { templateFile } from '../text';
import { type AlertRule, runbookAnchor } from './alert';

export interface PrometheusRuleOptions {
  /** Object name expression. */
  name: string;
  component: string;
  /** Condition expression under which the rule exists. */
  when: string;
  /** Expression of extra labels on the object: the Prometheus Operator selects rules by label. */
  labels: string;
  /** Expression of the page the alerts' runbook_url annotations point at (the chart README). */
  runbookUrl: string;
  groups: { name: string; rules: AlertRule[] }[];
}

/** A description in single quotes, so `: ` and `#` in prose never end the YAML scalar. */
const singleQuoted = (text: string) => scalar(`'${text.replace(/'/g, "''")}'`);

/** A fixed duration is written as it is; a values path is quoted by Helm. */
const duration = (value: string) => (value.startsWith('.') ? `{{ ${value} | quote }}` : value);

const rule = (r: AlertRule, runbookUrl: string) =>
  map(
    entry('alert', r.alert),
    entry('expr', literal(r.expr, '-')),
    r.for && entry('for', duration(r.for)),
    entry('labels', mapOf({ severity: r.severity })),
    entry(
      'annotations',
      mapOf({
        summary: singleQuoted(r.summary),
        description: singleQuoted(r.description),
        runbook_url: `{{ printf "%s#${runbookAnchor(r.alert)}" ${runbookUrl} }}`,
      }),
    ),
  );

/** A Prometheus Operator PrometheusRule (monitoring.coreos.com/v1). */
export function prometheusRule(ctx: ChartContext, options: PrometheusRuleOptions): string {
  return templateFile(
    when(
      options.when,
      entry('apiVersion', 'monitoring.coreos.com/v1'),
      entry('kind', 'PrometheusRule'),
      entry(
        'metadata',
        map(
          entry('name', options.name),
          entry('namespace', '{{ .Release.Namespace }}'),
          entry('labels', standardLabels(ctx, options.component, options.labels)),
        ),
      ),
      entry(
        'spec',
        mapOf({
          groups: list(
            ...options.groups.map((group) =>
              mapOf({ name: group.name, rules: list(...group.rules.map((r) => rule(r, options.runbookUrl))) }),
            ),
          ),
        }),
      ),
    ),
  );
}
