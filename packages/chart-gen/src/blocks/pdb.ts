import { type ChartContext, selectorLabels } from './context';
import { metadata } from './metadata';
import { generatedHeader, lines } from './text';

export function podDisruptionBudget(ctx: ChartContext, options: { name: string; component: string }): string {
  return lines(
    generatedHeader(),
    '{{- if .Values.podDisruptionBudget.enabled }}',
    '{{- if and (hasKey .Values.podDisruptionBudget "minAvailable") (hasKey .Values.podDisruptionBudget "maxUnavailable") }}',
    `{{- fail "${ctx.chart}: set only one of podDisruptionBudget.minAvailable and podDisruptionBudget.maxUnavailable (set the other to null)" }}`,
    '{{- end }}',
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    metadata(ctx, { name: options.name, component: options.component }),
    'spec:',
    '  {{- with .Values.podDisruptionBudget }}',
    '  {{- if hasKey . "minAvailable" }}',
    '  minAvailable: {{ .minAvailable }}',
    '  {{- else if hasKey . "maxUnavailable" }}',
    '  maxUnavailable: {{ .maxUnavailable }}',
    '  {{- else }}',
    '  maxUnavailable: 1',
    '  {{- end }}',
    '  {{- end }}',
    '  selector:',
    '    matchLabels:',
    `      ${selectorLabels(ctx, options.component, 6)}`,
    '{{- end }}',
  );
}
