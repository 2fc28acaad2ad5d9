import { type ChartContext, fullname } from './context';
import { ingress } from './ingress';
import { networkPolicy } from './network-policy';
import { podDisruptionBudget } from './pdb';
import { service } from './service';

/**
 * The objects around one HTTP component: its Service (port `http`), an optional Ingress, NetworkPolicy and
 * PodDisruptionBudget, all named after the chart. `port` is the container port the policy admits.
 */
export function httpExposure(ctx: ChartContext, options: { component: string; port: number }): Record<string, string> {
  const { component } = options;
  return {
    'service.yaml': service(ctx, {
      name: fullname(ctx),
      component,
      selectsComponent: component,
      ports: [{ name: 'http', port: '.Values.service.ports.http' }],
    }),
    'ingress.yaml': ingress(ctx, { name: fullname(ctx), component, servicePort: 'http' }),
    'networkpolicy.yaml': networkPolicy(ctx, { name: fullname(ctx), component, ports: [String(options.port)] }),
    'pdb.yaml': podDisruptionBudget(ctx, { name: fullname(ctx), component }),
  };
}
