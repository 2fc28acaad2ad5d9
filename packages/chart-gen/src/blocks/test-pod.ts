import type { ContainerOptions } from './container';
import type { ChartContext } from './context';
import { metadata } from './metadata';
import { podSpec } from './pod';
import { generatedHeader, indent, lines } from './text';

export interface TestPodOptions {
  /** Object name expression. */
  name: string;
  component: string;
  /** Condition expression under which the Pod exists, e.g. `.Values.smokeTest.enabled`. */
  when: string;
  /**
   * Values path of the Pod's settings: podSecurityContext, nodeSelector, tolerations and runtimeClassName
   * (the last three may be empty).
   */
  settings: string;
  /** Template lines placed before the Pod, e.g. `{{- $x := … }}` variables the container reads. */
  prelude?: string;
  container: ContainerOptions;
}

/**
 * A Pod run by `helm test`. The previous run is deleted before a new one and a passing run at once, so a failed
 * Pod stays for `kubectl logs`. Argo CD ignores test hooks: it never creates this Pod.
 */
export function testPod(ctx: ChartContext, options: TestPodOptions): string {
  const pod = podSpec(ctx, {
    head: ['restartPolicy: Never'],
    settings: options.settings,
    podSettings: ['runtimeClassName', 'nodeSelector', 'tolerations'],
    containers: [options.container],
    volumes: [],
  });
  return lines(
    generatedHeader(),
    `{{- if ${options.when} }}`,
    options.prelude,
    'apiVersion: v1',
    'kind: Pod',
    metadata(ctx, {
      name: options.name,
      component: options.component,
      annotations: { 'helm.sh/hook': 'test', 'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded' },
    }),
    'spec:',
    indent(pod, 2),
    '{{- end }}',
  );
}
