import { helper, standardLabels, type ChartContext } from './context';
import { container, type ContainerOptions } from './container';
import { metadata } from './metadata';
import { generatedHeader, includeBlock, indent, lines } from './text';

export interface HookJobOptions {
  name: string;
  component: string;
  /** Condition expression under which the Job exists, e.g. `.Values.buckets.create`. */
  when: string;
  /** Values path of the Job's settings: backoffLimit, activeDeadlineSeconds, ttlSecondsAfterFinished. */
  settings: string;
  container: ContainerOptions;
  volumes: string[];
}

/**
 * A Job run after install and upgrade as a Helm hook. As a hook it starts only once the release's resources are
 * ready, so `helm install --wait` does not wait on it and it does not wait on a server that is not created yet;
 * Argo CD runs it as a PostSync hook after the app is healthy. The previous run is deleted before a new one
 * (Job templates are immutable), and a successful run is deleted at once.
 */
export function hookJob(ctx: ChartContext, options: HookJobOptions): string {
  const podSpec = lines(
    'restartPolicy: Never',
    includeBlock(`include "${helper(ctx, 'images', 'pullSecrets')}" $`, 0),
    'automountServiceAccountToken: false',
    'enableServiceLinks: false',
    'securityContext:',
    '  {{- toYaml .Values.podSecurityContext | nindent 2 }}',
    '{{- with .Values.nodeSelector }}',
    'nodeSelector:',
    '  {{- toYaml . | nindent 2 }}',
    '{{- end }}',
    '{{- with .Values.tolerations }}',
    'tolerations:',
    '  {{- toYaml . | nindent 2 }}',
    '{{- end }}',
    'containers:',
    indent(container(ctx, options.container), 2),
    options.volumes.length > 0 && 'volumes:',
    ...options.volumes.map((v) => indent(v, 2)),
  ).trimEnd();
  return lines(
    generatedHeader(),
    `{{- if ${options.when} }}`,
    'apiVersion: batch/v1',
    'kind: Job',
    metadata(ctx, {
      name: options.name,
      component: options.component,
      annotations: [
        'helm.sh/hook: post-install,post-upgrade',
        'helm.sh/hook-weight: "0"',
        'helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded',
      ],
    }),
    'spec:',
    `  backoffLimit: {{ ${options.settings}.backoffLimit }}`,
    `  activeDeadlineSeconds: {{ ${options.settings}.activeDeadlineSeconds }}`,
    `  ttlSecondsAfterFinished: {{ ${options.settings}.ttlSecondsAfterFinished }}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        ${standardLabels(ctx, options.component, 8, '.Values.podLabels')}`,
    '    spec:',
    indent(podSpec, 6),
    '{{- end }}',
  );
}
