import type { ContainerOptions } from './container';
import { type ChartContext, standardLabels } from './context';
import { metadata } from './metadata';
import { podSpec } from './pod';
import { generatedHeader, indent, lines } from './text';

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
 * ready, so `helm install --wait` does not wait on it and it does not wait on a server that is not created yet.
 * Argo CD runs it as a Sync hook in the chart's wave, and the next wave starts once it succeeded. The previous run
 * is deleted before a new one (Job templates are immutable), and a successful run is deleted at once.
 */
export function hookJob(ctx: ChartContext, options: HookJobOptions): string {
  const pod = podSpec(ctx, {
    head: ['restartPolicy: Never'],
    containers: [options.container],
    volumes: options.volumes,
  });
  return lines(
    generatedHeader(),
    `{{- if ${options.when} }}`,
    'apiVersion: batch/v1',
    'kind: Job',
    metadata(ctx, {
      name: options.name,
      component: options.component,
      annotations: {
        'helm.sh/hook': 'post-install,post-upgrade',
        'helm.sh/hook-weight': '0',
        'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
        // Argo CD's own hook annotations replace Helm's: a Sync hook runs in the chart's sync wave, so what a later
        // wave starts (MLflow) finds the Job done, where a PostSync hook would run only after everything.
        'argocd.argoproj.io/hook': 'Sync',
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation,HookSucceeded',
      },
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
    indent(pod, 6),
    '{{- end }}',
  );
}
