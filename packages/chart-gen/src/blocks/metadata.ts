import { type ChartContext, standardLabels } from './context';
import { lines } from './text';

export interface MetadataOptions {
  /** Name expression, e.g. objectName(ctx, 'credentials'). */
  name: string;
  component: string;
  /** Annotations every render carries (hook settings …). */
  annotations?: Record<string, string>;
  /** Annotations carried when a condition holds, e.g. the keep policy of a claim. */
  conditionalAnnotations?: { when: string; key: string; value: string }[];
  /** Values path of annotations a user adds, e.g. `.Values.service.annotations`. */
  annotationsFrom?: string;
}

/**
 * The annotations block. Built as one dict so the chart's own annotations (its sync wave, hooks, a keep policy) and
 * the user's never end up as two `annotations:` keys; the chart's own win a clash. Absent when empty.
 */
function annotationsBlock(ctx: ChartContext, options: MetadataOptions): string | undefined {
  const fixed = {
    ...(ctx.syncWave ? { 'argocd.argoproj.io/sync-wave': String(ctx.syncWave) } : {}),
    ...options.annotations,
  };
  const conditional = options.conditionalAnnotations ?? [];
  if (!Object.keys(fixed).length && !conditional.length && !options.annotationsFrom) return undefined;
  const pairs = Object.entries(fixed).map(([key, value]) => `${JSON.stringify(key)} ${JSON.stringify(value)}`);
  return lines(
    `{{- $annotations := dict${pairs.map((pair) => ` ${pair}`).join('')} }}`,
    ...conditional.map(
      ({ when, key, value }) =>
        `{{- if ${when} }}{{ $_ := set $annotations ${JSON.stringify(key)} ${JSON.stringify(value)} }}{{ end }}`,
    ),
    options.annotationsFrom && `{{- $annotations = merge $annotations (${options.annotationsFrom} | default dict) }}`,
    '{{- with $annotations }}',
    'annotations:',
    '  {{- toYaml . | nindent 2 }}',
    '{{- end }}',
  ).trimEnd();
}

/** metadata of a namespaced object: name, the release namespace, the standard labels and the annotations. */
export function metadata(ctx: ChartContext, options: MetadataOptions): string {
  const annotations = annotationsBlock(ctx, options);
  return lines(
    'metadata:',
    `  name: ${options.name}`,
    '  namespace: {{ .Release.Namespace }}',
    '  labels:',
    `    ${standardLabels(ctx, options.component, 4)}`,
    annotations &&
      annotations
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n')
        .replace(/nindent 2/, 'nindent 4'),
  ).trimEnd();
}
