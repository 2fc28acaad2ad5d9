import { container, type ContainerOptions } from './container';
import { type ChartContext, helper } from './context';
import { includeBlock, indent, lines } from './text';

/** A values key placed in the pod spec as it is, when set. */
function passThrough(key: PodSetting, settings: string): string {
  const value = SCALAR_SETTINGS.includes(key)
    ? [`${key}: {{ . | quote }}`]
    : [`${key}:`, '  {{- toYaml . | nindent 2 }}'];
  return [`{{- with ${settings}.${key} }}`, ...value, '{{- end }}'].join('\n');
}

/** Pod spec keys taken from values as they are, when set. */
export type PodSetting = 'priorityClassName' | 'runtimeClassName' | 'nodeSelector' | 'tolerations' | 'affinity';

const SCALAR_SETTINGS: PodSetting[] = ['priorityClassName', 'runtimeClassName'];

export interface PodSpecOptions {
  /** Values path holding podSecurityContext and the pod settings (default `.Values`). */
  settings?: string;
  /** Which pod settings the values hold (default: priorityClassName, nodeSelector, tolerations, affinity). */
  podSettings?: PodSetting[];
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
  const settings = options.settings ?? '.Values';
  return lines(
    ...(options.head ?? []),
    includeBlock(`include "${helper(ctx, 'images', 'pullSecrets')}" $`, 0),
    'automountServiceAccountToken: false',
    'enableServiceLinks: false',
    'securityContext:',
    `  {{- toYaml ${settings}.podSecurityContext | nindent 2 }}`,
    ...(options.podSettings ?? ['priorityClassName', 'nodeSelector', 'tolerations', 'affinity']).map((key) =>
      passThrough(key, settings),
    ),
    initContainers(ctx, options.initContainers ?? []),
    'containers:',
    ...options.containers.map((c) => indent(container(ctx, c), 2)),
    options.volumes.length > 0 && 'volumes:',
    ...options.volumes.map((v) => indent(v, 2)),
  ).trimEnd();
}
