import { type Child, entry, map, when } from '../template/nodes';
import type { ContainerOptions } from './container';
import { type ChartContext, standardLabels } from './context';
import { metadata } from './metadata';
import { podSpec } from './pod';
import { templateFile } from './text';

export interface HookJobOptions {
  name: string;
  component: string;
  /** Condition expression under which the Job exists, e.g. `.Values.buckets.create`. */
  when: string;
  /** Expression of the Job's settings: backoffLimit, activeDeadlineSeconds, ttlSecondsAfterFinished. */
  settings: string;
  container: ContainerOptions;
  volumes: Child[];
}

/**
 * A Job run after install and upgrade as a Helm hook. As a hook it starts only once the release's resources are
 * ready, so `helm install --wait` does not wait on it and it does not wait on a server that is not created yet.
 * Argo CD runs it as a Sync hook in the chart's wave, and the next wave starts once it succeeded. The previous run
 * is deleted before a new one (Job templates are immutable), and a successful run is deleted at once.
 */
export function hookJob(ctx: ChartContext, options: HookJobOptions): string {
  const pod = podSpec(ctx, {
    head: [entry('restartPolicy', 'Never')],
    containers: [options.container],
    volumes: options.volumes,
  });
  const setting = (key: string) => entry(key, `{{ ${options.settings}.${key} }}`);
  return templateFile(
    when(
      options.when,
      entry('apiVersion', 'batch/v1'),
      entry('kind', 'Job'),
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
      entry(
        'spec',
        map(
          setting('backoffLimit'),
          setting('activeDeadlineSeconds'),
          setting('ttlSecondsAfterFinished'),
          entry(
            'template',
            map(
              entry('metadata', map(entry('labels', standardLabels(ctx, options.component, '.Values.podLabels')))),
              entry('spec', map(...pod)),
            ),
          ),
        ),
      ),
    ),
  );
}
