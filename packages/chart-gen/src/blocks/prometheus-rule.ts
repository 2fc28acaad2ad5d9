import { entry, list, map, mapOf, scalar, when } from '../template/nodes';
import { type ChartContext, standardLabels } from './context';
import { templateFile } from './text';

/** One alerting rule; texts may hold Helm expressions and, through promExpr, Prometheus template expressions. */
export interface AlertRule {
  alert: string;
  expr: string;
  /** How long the condition must hold (a Helm expression of a duration, e.g. `.Values.alerts.sustainedFor`). */
  for?: string;
  severity: 'info' | 'warning' | 'critical';
  summary: string;
  description: string;
}

export interface PrometheusRuleOptions {
  /** Object name expression. */
  name: string;
  component: string;
  /** Condition expression under which the rule exists, e.g. `.Values.alerts.enabled`. */
  when: string;
  /** Expression of extra labels on the object: the Prometheus Operator selects rules by label. */
  labels: string;
  groups: { name: string; rules: AlertRule[] }[];
}

/** A description in single quotes, so `: ` and `#` in prose never end the YAML scalar. */
const singleQuoted = (text: string) => scalar(`'${text.replace(/'/g, "''")}'`);

const rule = (r: AlertRule) =>
  map(
    entry('alert', r.alert),
    entry('expr', r.expr),
    r.for && entry('for', `{{ ${r.for} | quote }}`),
    entry('labels', mapOf({ severity: r.severity })),
    entry('annotations', mapOf({ summary: r.summary, description: singleQuoted(r.description) })),
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
            ...options.groups.map((group) => mapOf({ name: group.name, rules: list(...group.rules.map(rule)) })),
          ),
        }),
      ),
    ),
  );
}

/**
 * A Prometheus template expression (`$labels.gpu`, `printf "%.0f" $value`) inside Helm template text, which
 * Helm would otherwise evaluate itself: Helm prints it from a raw string, so it may hold double quotes.
 */
export const promExpr = (expression: string) => `{{ \`{{ ${expression} }}\` }}`;
