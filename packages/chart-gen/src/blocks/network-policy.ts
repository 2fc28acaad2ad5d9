import { comment, entry, expr, list, map, mapOf, spliced, when } from '../template/nodes';
import { type ChartContext, includeHelper, selectorLabels } from './context';
import { metadata } from './metadata';
import { templateFile } from './text';

/** A NetworkPolicy rendered when `condition`, selecting one component's pods, with the given ingress rules. */
function policy(
  ctx: ChartContext,
  options: { name: string; component: string },
  condition: string,
  ingressRules: ReturnType<typeof list>,
): string {
  return templateFile(
    when(
      condition,
      entry('apiVersion', 'networking.k8s.io/v1'),
      entry('kind', 'NetworkPolicy'),
      metadata(ctx, { name: options.name, component: options.component }),
      entry(
        'spec',
        map(
          entry('podSelector', mapOf({ matchLabels: selectorLabels(ctx, options.component) })),
          entry('policyTypes', list('Ingress')),
          entry('ingress', ingressRules),
        ),
      ),
    ),
  );
}

/**
 * Ingress to one component's ports from the release's own pods, the release namespace (optional) and the configured
 * peers.
 */
export function networkPolicy(
  ctx: ChartContext,
  options: { name: string; component: string; ports: string[] },
): string {
  const releasePods = mapOf({
    podSelector: mapOf({
      matchLabels: mapOf({
        'app.kubernetes.io/name': expr(includeHelper(ctx, 'names', 'name')),
        'app.kubernetes.io/instance': '{{ .Release.Name }}',
      }),
    }),
  });
  const from = list(
    comment("The release's own pods, such as its hook Jobs."),
    releasePods,
    when('.Values.networkPolicy.allowSameNamespace', mapOf({ podSelector: map() })),
    spliced('.Values.networkPolicy.extraFrom'),
  );
  const ports = list(...options.ports.map((port) => mapOf({ port: expr(port), protocol: 'TCP' })));
  return policy(ctx, options, '.Values.networkPolicy.enabled', list(map(entry('ports', ports), entry('from', from))));
}

/**
 * A NetworkPolicy that selects one component's pods and admits no ingress: for pods that serve nothing (hook Jobs),
 * so that with policies enabled every pod of the chart is covered by one.
 */
export function noIngressPolicy(ctx: ChartContext, options: { name: string; component: string; when: string }): string {
  return policy(ctx, options, `and .Values.networkPolicy.enabled ${options.when}`, list());
}
