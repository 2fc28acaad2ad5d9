import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';

import { typed } from '../template/k8s';
import {
  type Child,
  comment,
  entry,
  expr,
  list,
  map,
  mapOf,
  spliced,
  when,
  type YamlList,
  yamlOf,
} from '../template/nodes';
import { type ChartContext, includeHelper, selectorLabels } from './context';
import { metadata } from './metadata';
import { templateFile } from './text';

/**
 * Where a component's pods may connect, besides DNS: ports of the pods behind the Services it talks to (a policy
 * sees a connection after the Service has translated its port), to any address, since a database or an S3 endpoint
 * may live outside the cluster.
 */
export interface EgressRule {
  /** Why the rule exists, written above it. */
  comment: string;
  /** Port expressions, TCP. */
  ports: string[];
}

export interface PolicyOptions {
  name: string;
  component: string;
  /** Actions before the policy, e.g. variables the egress ports read. */
  prelude?: Child[];
  egress?: EgressRule[];
}

const tcpPorts = (ports: string[]) =>
  list(...ports.map((port) => typed<INetworkPolicyPort>({ port: `{{ ${port} }}`, protocol: 'TCP' })));

/** DNS first (every pod resolves Service names), then the component's own rules, then the user's. */
function egressRules(rules: EgressRule[]) {
  const dns = typed<INetworkPolicyPort[]>([
    { port: 53, protocol: 'UDP' },
    { port: 53, protocol: 'TCP' },
  ]);
  return list(
    comment('DNS, to resolve Service and host names.'),
    mapOf({ ports: dns }),
    ...rules.flatMap((rule) => [comment(rule.comment), mapOf({ ports: tcpPorts(rule.ports) })]),
    spliced('.Values.networkPolicy.extraEgress'),
  );
}

/** A NetworkPolicy rendered when `condition`, selecting one component's pods, limiting its ingress and egress. */
function policy(ctx: ChartContext, options: PolicyOptions, condition: string, ingressRules: YamlList): string {
  return templateFile(
    when(
      condition,
      ...(options.prelude ?? []),
      entry('apiVersion', 'networking.k8s.io/v1'),
      entry('kind', 'NetworkPolicy'),
      metadata(ctx, { name: options.name, component: options.component }),
      entry(
        'spec',
        map(
          entry('podSelector', mapOf({ matchLabels: selectorLabels(ctx, options.component) })),
          entry('policyTypes', list('Ingress', 'Egress')),
          entry('ingress', ingressRules),
          entry('egress', egressRules(options.egress ?? [])),
        ),
      ),
    ),
  );
}

/**
 * Ingress to one component's ports from the release's own pods, the release namespace (optional) and the configured
 * peers, and to its metrics port from `metrics.scrapeFrom` when metrics are on; egress to DNS, the component's
 * dependencies and the configured rules.
 */
export function networkPolicy(
  ctx: ChartContext,
  options: PolicyOptions & { ports: string[]; metricsPort?: string },
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
  const scrapers = options.metricsPort && [
    comment('Prometheus, to scrape the metrics.'),
    map(entry('ports', tcpPorts([options.metricsPort])), entry('from', yamlOf('.Values.metrics.scrapeFrom'))),
  ];
  const ingress = list(
    map(entry('ports', tcpPorts(options.ports)), entry('from', from)),
    scrapers && when('.Values.metrics.enabled', ...scrapers),
  );
  return policy(ctx, options, '.Values.networkPolicy.enabled', ingress);
}

/**
 * A NetworkPolicy for pods that serve nothing (hook Jobs): no ingress, egress to what the Job talks to, so that with
 * policies enabled every pod of the chart is covered by one.
 */
export function jobPolicy(ctx: ChartContext, options: PolicyOptions & { when: string }): string {
  return policy(ctx, options, `and .Values.networkPolicy.enabled ${options.when}`, list());
}
