import type { IProbe } from 'kubernetes-models/v1/Probe';

import { typedMap } from '../template/k8s';
import type { Child } from '../template/nodes';
import { type ChartContext, fullname } from './context';
import { ingress } from './ingress';
import { type EgressRule, networkPolicy } from './network-policy';
import { podDisruptionBudget } from './pdb';
import { service } from './service';

/** A probe handler asking a named container port (`http` by default) for `path`. */
export const httpGetProbe = (path: string, port = 'http') => typedMap<IProbe>({ httpGet: { path, port } });

/**
 * The objects around one HTTP component: its Service (port `http`), an optional Ingress, NetworkPolicy and
 * PodDisruptionBudget, all named after the chart. The policy admits the container's port (containerPorts.http): it
 * sees traffic after the Service has translated its port. With `scraped`, Prometheus may reach that port too when
 * `metrics.enabled` (the chart has a `metrics` block).
 */
export function httpExposure(
  ctx: ChartContext,
  options: { component: string; prelude?: Child[]; egress?: EgressRule[]; scraped?: boolean },
): Record<string, string> {
  const { component } = options;
  return {
    'service.yaml': service(ctx, {
      name: fullname(ctx),
      component,
      selectsComponent: component,
      ports: [{ name: 'http', port: '.Values.service.ports.http' }],
    }),
    'ingress.yaml': ingress(ctx, { name: fullname(ctx), component, servicePort: 'http' }),
    'networkpolicy.yaml': networkPolicy(ctx, {
      ...options,
      name: fullname(ctx),
      component,
      ports: ['.Values.containerPorts.http'],
      metricsPort: options.scraped ? '.Values.containerPorts.http' : undefined,
    }),
    'pdb.yaml': podDisruptionBudget(ctx, { name: fullname(ctx), component }),
  };
}
