import type { IContainerPort } from 'kubernetes-models/v1/ContainerPort';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';

import { typed } from '../template/k8s';
import {
  type Child,
  entry,
  expr,
  list,
  literal,
  map,
  mapOf,
  type Maybe,
  placed,
  quoted,
  range,
  spliced,
  when,
  withValue,
  type YamlMap,
  yamlOf,
} from '../template/nodes';
import { type ChartContext, imageRef, includeHelper } from './context';

export type VolumeMount = Pick<IVolumeMount, 'name' | 'mountPath' | 'subPath' | 'readOnly'>;

export interface ContainerOptions {
  name: string;
  /** Expression of an image spec, e.g. `.Values.image`. */
  image: string;
  command?: string[];
  /** Arguments: a string is one quoted argument (it may hold inline Helm actions); nodes make some conditional. */
  args?: (string | Child)[];
  /** Expression of a list of more arguments, appended. */
  extraArgs?: string;
  /** Condition under which the container exists, e.g. `.Values.migration.enabled`. */
  when?: string;
  /** A shell script run as `/bin/sh -ec <script>` (instead of command and args); it reads values from env. */
  script?: string;
  /** Named TCP ports; `port` is an expression such as `.Values.service.ports.api`. */
  ports?: { name: string; port: string }[];
  /** Chart-specific environment: list items (see envVar, secretKeyEnv). */
  env?: Maybe<Child>[];
  /** Append the chart's `.Values.extraEnv`. */
  extraEnv?: boolean;
  /** Probe handlers (httpGet/exec maps); timings come from `.Values.probes`. */
  probes?: { liveness: YamlMap; readiness: YamlMap };
  /** Expression of a resources spec. */
  resources: string;
  /** Expression of a container security context. */
  securityContext: string;
  volumeMounts?: VolumeMount[];
}

const quotedItems = (items: (string | Child)[]) =>
  items.map((item) => (typeof item === 'string' ? quoted(item) : item));

function commandAndArgs(options: ContainerOptions): Maybe<Child>[] {
  if (options.script) {
    return [entry('command', list('/bin/sh', '-ec')), entry('args', list(literal(options.script.trim())))];
  }
  const args = [...quotedItems(options.args ?? []), options.extraArgs && range(options.extraArgs, expr('. | quote'))];
  return [
    options.command?.length && entry('command', list(...quotedItems(options.command))),
    args.some(Boolean) && entry('args', list(...args)),
  ];
}

function ports(options: ContainerOptions): Maybe<Child> {
  if (!options.ports?.length) return undefined;
  return entry(
    'ports',
    list(
      ...options.ports.map((p) =>
        typed<IContainerPort>({ name: p.name, containerPort: `{{ ${p.port} }}`, protocol: 'TCP' }),
      ),
    ),
  );
}

function env(options: ContainerOptions): Maybe<Child> {
  const items = [...(options.env ?? []), options.extraEnv && spliced('.Values.extraEnv')];
  return items.some(Boolean) && entry('env', list(...items));
}

/** A probe whose timings come from `.Values.probes.<kind>` and whose check is the chart's. */
function probe(kind: 'liveness' | 'readiness', handler: YamlMap): Child {
  return withValue(
    `.Values.probes.${kind}`,
    when('.enabled', entry(`${kind}Probe`, map(...handler.children, placed('omit . "enabled" | toYaml')))),
  );
}

function volumeMounts(mounts: VolumeMount[] | undefined): Maybe<Child> {
  if (!mounts?.length) return undefined;
  return entry(
    'volumeMounts',
    list(
      ...mounts.map((m) =>
        typed<IVolumeMount>({
          name: m.name,
          mountPath: m.mountPath,
          subPath: m.subPath,
          readOnly: m.readOnly || undefined,
        }),
      ),
    ),
  );
}

/** One container, as a list item. */
export function container(ctx: ChartContext, options: ContainerOptions): Child {
  const item = map(
    entry('name', options.name),
    entry('image', imageRef(ctx, options.image)),
    entry('imagePullPolicy', `{{ ${options.image}.pullPolicy }}`),
    ...commandAndArgs(options),
    ports(options),
    env(options),
    options.probes && probe('liveness', options.probes.liveness),
    options.probes && probe('readiness', options.probes.readiness),
    entry('resources', yamlOf(options.resources)),
    entry('securityContext', yamlOf(options.securityContext)),
    volumeMounts(options.volumeMounts),
  );
  return options.when ? when(options.when, item) : item;
}

/** An env var with a value (a plain string or an inline expression). */
export const envVar = (name: string, value: string) => mapOf({ name, value });

/** An env var read from a Secret; `name` and `key` are expressions. */
export function secretKeyEnv(variable: string, name: string, key: string): YamlMap {
  return mapOf({
    name: variable,
    valueFrom: mapOf({ secretKeyRef: mapOf({ name: expr(name), key: expr(key) }) }),
  });
}

/** Where a container mounts the chart's credentials Secret (see credentialsVolume). */
export const credentialsDir = (ctx: ChartContext) => `/run/secrets/${ctx.chart}`;

/** `<variable>_FILE`: the path of one key of the mounted credentials Secret, for programs that read it there. */
export const secretFileEnv = (ctx: ChartContext, variable: string, keyPath: string) =>
  envVar(`${variable}_FILE`, `"${credentialsDir(ctx)}/{{ ${keyPath} }}"`);

/** An env var read from the chart's credentials Secret. */
export function secretEnv(ctx: ChartContext, variable: string, keyPath: string): YamlMap {
  return secretKeyEnv(variable, includeHelper(ctx, 'credentials', 'secretName'), keyPath);
}
