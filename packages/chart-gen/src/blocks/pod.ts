import { helper, type ChartContext } from './context';
import { container, type ContainerOptions } from './container';
import { includeBlock, indent, lines } from './text';

/** A values key placed in the pod spec as it is, when set. */
const passThrough = (key: string, valuesPath: string) =>
  [`{{- with ${valuesPath} }}`, `${key}:`, '  {{- toYaml . | nindent 2 }}', '{{- end }}'].join('\n');

export interface PodSpecOptions {
  initContainers?: ContainerOptions[];
  containers: ContainerOptions[];
  /** Pod volumes, as YAML list items at indent 0. */
  volumes: string[];
  /** Extra pod spec lines at indent 0, before the shared ones (e.g. restartPolicy). */
  head?: string[];
}

/** The initContainers key and items; when every item is conditional, the key is too (no empty key is left). */
function initContainers(ctx: ChartContext, items: ContainerOptions[]): string | false {
  if (items.length === 0) return false;
  const body = ['initContainers:', ...items.map((c) => indent(container(ctx, c), 2))].join('\n');
  const conditions = items.map((c) => c.when);
  if (conditions.some((when) => !when)) return body;
  const any = conditions.length === 1 ? conditions[0] : `or ${conditions.map((when) => `(${when})`).join(' ')}`;
  return `{{- if ${any} }}\n${body}\n{{- end }}`;
}

/**
 * A pod spec at indent 0: pull secrets, no service account token and no service links (none of these pods talk to
 * the API server or need link variables), the pod security context and the scheduling values, then the containers.
 */
export function podSpec(ctx: ChartContext, options: PodSpecOptions): string {
  return lines(
    ...(options.head ?? []),
    includeBlock(`include "${helper(ctx, 'images', 'pullSecrets')}" $`, 0),
    'automountServiceAccountToken: false',
    'enableServiceLinks: false',
    '{{- with .Values.priorityClassName }}',
    'priorityClassName: {{ . }}',
    '{{- end }}',
    'securityContext:',
    '  {{- toYaml .Values.podSecurityContext | nindent 2 }}',
    passThrough('nodeSelector', '.Values.nodeSelector'),
    passThrough('tolerations', '.Values.tolerations'),
    passThrough('affinity', '.Values.affinity'),
    initContainers(ctx, options.initContainers ?? []),
    'containers:',
    ...options.containers.map((c) => indent(container(ctx, c), 2)),
    options.volumes.length > 0 && 'volumes:',
    ...options.volumes.map((v) => indent(v, 2)),
  ).trimEnd();
}
