import { type ChartContext, helper, imageRef } from './context';
import { indent, quoted } from './text';

export interface VolumeMount {
  name: string;
  mountPath: string;
  subPath?: string;
  readOnly?: boolean;
}

export interface ContainerOptions {
  name: string;
  /** Values path of an image spec, e.g. `.Values.image`. */
  image: string;
  command?: string[];
  /**
   * Arguments; they may hold Helm actions (without double quotes inside). An item that is a whole Helm action
   * starting with `{{-` (an if, else or end) is placed as it is, to make the arguments around it conditional.
   */
  args?: string[];
  /** Values path of a list of more arguments, appended. */
  extraArgs?: string;
  /** Condition under which the container exists, e.g. `.Values.migration.enabled`. */
  when?: string;
  /** A shell script run as `/bin/sh -ec <script>` (instead of command and args); it reads values from env. */
  script?: string;
  /** Named TCP ports; `port` is a Helm expression such as `.Values.service.ports.api`. */
  ports?: { name: string; port: string }[];
  /** Chart-specific environment, as YAML list items at indent 0. */
  env?: string;
  /** Append the chart's `.Values.extraEnv`. */
  extraEnv?: boolean;
  /** Probe handlers (httpGet/exec YAML at indent 0, using `$` for values); timings come from `.Values.probes`. */
  probes?: { liveness: string; readiness: string };
  /** Values path of a resources spec. */
  resources: string;
  /** Values path of a container security context. */
  securityContext: string;
  volumeMounts?: VolumeMount[];
}

function stringList(key: string, items: string[] | undefined, extraItems?: string): string | undefined {
  if (!items?.length && !extraItems) return undefined;
  const lines = (items ?? []).map((item) => (item.startsWith('{{-') ? `  ${item}` : `  - ${quoted(item)}`));
  if (extraItems) lines.push(`  {{- range ${extraItems} }}`, '  - {{ . | quote }}', '  {{- end }}');
  return `${key}:\n${lines.join('\n')}`;
}

function shellScript(script: string): string {
  return `command:\n  - /bin/sh\n  - -ec\nargs:\n  - |\n${indent(script.trim(), 4)}`;
}

function ports(options: ContainerOptions): string | undefined {
  if (!options.ports?.length) return undefined;
  const items = options.ports.map((p) => `  - name: ${p.name}\n    containerPort: {{ ${p.port} }}\n    protocol: TCP`);
  return `ports:\n${items.join('\n')}`;
}

function env(options: ContainerOptions): string | undefined {
  const parts: string[] = [];
  if (options.env) parts.push(indent(options.env, 2));
  if (options.extraEnv) parts.push('  {{- with .Values.extraEnv }}\n  {{- toYaml . | nindent 2 }}\n  {{- end }}');
  if (!parts.length) return undefined;
  return `env:\n${parts.join('\n')}`;
}

/** A probe whose timings come from `.Values.probes.<kind>` and whose check is the chart's. */
function probe(kind: 'liveness' | 'readiness', handler: string): string {
  return `{{- with .Values.probes.${kind} }}
{{- if .enabled }}
${kind}Probe:
${indent(handler, 2)}
  {{- omit . "enabled" | toYaml | nindent 2 }}
{{- end }}
{{- end }}`;
}

function volumeMounts(mounts: VolumeMount[] | undefined): string | undefined {
  if (!mounts?.length) return undefined;
  const items = mounts.map((m) =>
    [
      `  - name: ${m.name}`,
      `    mountPath: ${m.mountPath}`,
      m.subPath && `    subPath: ${m.subPath}`,
      m.readOnly && '    readOnly: true',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return `volumeMounts:\n${items.join('\n')}`;
}

/** One container, as a YAML list item at indent 0. */
export function container(ctx: ChartContext, options: ContainerOptions): string {
  const body = [
    `name: ${options.name}`,
    `image: ${imageRef(ctx, options.image)}`,
    `imagePullPolicy: {{ ${options.image}.pullPolicy }}`,
    options.script ? shellScript(options.script) : stringList('command', options.command),
    options.script ? undefined : stringList('args', options.args, options.extraArgs),
    ports(options),
    env(options),
    options.probes && probe('liveness', options.probes.liveness),
    options.probes && probe('readiness', options.probes.readiness),
    `resources:\n  {{- toYaml ${options.resources} | nindent 2 }}`,
    `securityContext:\n  {{- toYaml ${options.securityContext} | nindent 2 }}`,
    volumeMounts(options.volumeMounts),
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n');
  const item = `- ${indent(body, 2).slice(2)}`;
  return options.when ? `{{- if ${options.when} }}\n${item}\n{{- end }}` : item;
}

/** An env var read from a Secret; `name` and `key` are Helm expressions. */
export function secretKeyEnv(variable: string, name: string, key: string): string {
  return `- name: ${variable}
  valueFrom:
    secretKeyRef:
      name: {{ ${name} }}
      key: {{ ${key} }}`;
}

/** An env var read from the chart's credentials Secret. */
export function secretEnv(ctx: ChartContext, variable: string, keyPath: string): string {
  return secretKeyEnv(variable, `include "${helper(ctx, 'credentials', 'secretName')}" $`, keyPath);
}
