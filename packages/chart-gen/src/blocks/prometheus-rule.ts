import { type ChartContext, standardLabels } from './context';
import { generatedHeader, indent, lines } from './text';

export interface PrometheusRuleOptions {
  /** Object name expression. */
  name: string;
  component: string;
  /** Condition expression under which the rule exists, e.g. `.Values.alerts.enabled`. */
  when: string;
  /** Values path of extra labels on the object: the Prometheus Operator selects rules by label. */
  labels: string;
  /** `spec.groups` as YAML list items at indent 0 (template text). */
  groups: string;
}

/** A Prometheus Operator PrometheusRule (monitoring.coreos.com/v1). */
export function prometheusRule(ctx: ChartContext, options: PrometheusRuleOptions): string {
  return lines(
    generatedHeader(),
    `{{- if ${options.when} }}`,
    'apiVersion: monitoring.coreos.com/v1',
    'kind: PrometheusRule',
    'metadata:',
    `  name: ${options.name}`,
    '  namespace: {{ .Release.Namespace }}',
    '  labels:',
    `    ${standardLabels(ctx, options.component, 4, options.labels)}`,
    'spec:',
    '  groups:',
    indent(options.groups, 4),
    '{{- end }}',
  );
}

/**
 * A Prometheus template expression (`$labels.gpu`, `printf "%.0f" $value`) inside Helm template text, which
 * Helm would otherwise evaluate itself: Helm prints it from a raw string, so it may hold double quotes.
 */
export const promExpr = (expression: string) => `{{ \`{{ ${expression} }}\` }}`;
