import { type Child, entry, map, when } from '../template/nodes';
import type { ContainerOptions } from './container';
import type { ChartContext } from './context';
import { metadata } from './metadata';
import { podSpec } from './pod';
import { templateFile } from './text';

export interface TestPodOptions {
  /** Object name expression. */
  name: string;
  component: string;
  /** Condition expression under which the Pod exists, e.g. `.Values.smokeTest.enabled`. */
  when: string;
  /**
   * Expression of the Pod's settings: podSecurityContext, nodeSelector, tolerations and runtimeClassName
   * (the last three may be empty).
   */
  settings: string;
  /** Actions placed before the Pod, e.g. `$x := …` variables the container reads. */
  prelude?: Child[];
  container: ContainerOptions;
}

/**
 * A Pod run by `helm test`. The previous run is deleted before a new one and a passing run at once, so a failed
 * Pod stays for `kubectl logs`. Argo CD ignores test hooks: it never creates this Pod.
 */
export function testPod(ctx: ChartContext, options: TestPodOptions): string {
  const pod = podSpec(ctx, {
    head: [entry('restartPolicy', 'Never')],
    settings: options.settings,
    podSettings: ['runtimeClassName', 'nodeSelector', 'tolerations'],
    containers: [options.container],
    volumes: [],
  });
  return templateFile(
    when(
      options.when,
      ...(options.prelude ?? []),
      entry('apiVersion', 'v1'),
      entry('kind', 'Pod'),
      metadata(ctx, {
        name: options.name,
        component: options.component,
        annotations: { 'helm.sh/hook': 'test', 'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded' },
      }),
      entry('spec', map(...pod)),
    ),
  );
}
