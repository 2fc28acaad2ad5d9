import { type Child, entry, list, type Maybe, optionalEntry, placed, when, withValue, yamlOf } from '../template/nodes';
import { container, type ContainerOptions } from './container';
import { type ChartContext, includeHelper } from './context';

/** Pod spec keys taken from values as they are, when set. */
export type PodSetting = 'priorityClassName' | 'runtimeClassName' | 'nodeSelector' | 'tolerations' | 'affinity';

const SCALAR_SETTINGS: PodSetting[] = ['priorityClassName', 'runtimeClassName'];

/** A values key placed in the pod spec as it is, when set. */
function passThrough(key: PodSetting, settings: string): Child {
  const path = `${settings}.${key}`;
  return SCALAR_SETTINGS.includes(key) ? withValue(path, entry(key, '{{ . | quote }}')) : optionalEntry(key, path);
}

export interface PodSpecOptions {
  /** Expression of the values holding podSecurityContext and the pod settings (default `.Values`). */
  settings?: string;
  /** Which pod settings the values hold (default: priorityClassName, nodeSelector, tolerations, affinity). */
  podSettings?: PodSetting[];
  initContainers?: ContainerOptions[];
  containers: ContainerOptions[];
  /** Pod volumes: list items (see volumes.ts). */
  volumes: Child[];
  /** Pod spec entries before the shared ones (e.g. restartPolicy). */
  head?: Child[];
}

/**
 * The initContainers key and items. When every one is conditional the key is too, under one condition (no empty key
 * is left), and the items are not wrapped a second time.
 */
function initContainers(ctx: ChartContext, items: ContainerOptions[]): Maybe<Child> {
  if (items.length === 0) return undefined;
  const conditions = items.map((c) => c.when);
  if (conditions.some((condition) => !condition)) {
    return entry('initContainers', list(...items.map((c) => container(ctx, c))));
  }
  const any = conditions.length === 1 ? conditions[0]! : `or ${conditions.map((c) => `(${c})`).join(' ')}`;
  const unwrapped = items.map((c) => container(ctx, conditions.length === 1 ? { ...c, when: undefined } : c));
  return when(any, entry('initContainers', list(...unwrapped)));
}

/**
 * A pod spec: pull secrets, no service account token and no service links (none of these pods talk to the API
 * server or need link variables), the pod security context and the scheduling values, then the containers.
 */
export function podSpec(ctx: ChartContext, options: PodSpecOptions): Child[] {
  const settings = options.settings ?? '.Values';
  return [
    ...(options.head ?? []),
    withValue(`${includeHelper(ctx, 'images', 'pullSecrets')} | trim`, placed('.')),
    entry('automountServiceAccountToken', false),
    entry('enableServiceLinks', false),
    entry('securityContext', yamlOf(`${settings}.podSecurityContext`)),
    ...(options.podSettings ?? ['priorityClassName', 'nodeSelector', 'tolerations', 'affinity']).map((key) =>
      passThrough(key, settings),
    ),
    initContainers(ctx, options.initContainers ?? []),
    entry('containers', list(...options.containers.map((c) => container(ctx, c)))),
    options.volumes.length > 0 && entry('volumes', list(...options.volumes)),
  ].filter((child): child is Child => Boolean(child));
}
