import { type ChartContext, selectorLabels } from './context';
import { metadata } from './metadata';
import { generatedHeader, lines } from './text';

export interface ServiceOptions {
  name: string;
  component: string;
  /** Pods of this component receive the traffic. */
  selectsComponent: string;
  /** Headless: one DNS record per pod, no virtual IP (a StatefulSet's governing Service). */
  headless?: boolean;
  /** Named ports; `port` is a Helm expression, the target is the container port of the same name. */
  ports: { name: string; port: string }[];
}

export function service(ctx: ChartContext, options: ServiceOptions): string {
  const kind = options.headless
    ? ['  type: ClusterIP', '  clusterIP: None', '  publishNotReadyAddresses: true']
    : ['  type: {{ .Values.service.type }}'];
  return lines(
    generatedHeader(),
    'apiVersion: v1',
    'kind: Service',
    metadata(ctx, {
      name: options.name,
      component: options.component,
      annotationsFrom: options.headless ? undefined : '.Values.service.annotations',
    }),
    'spec:',
    ...kind,
    '  ports:',
    ...options.ports.map(
      (p) => `    - name: ${p.name}\n      port: {{ ${p.port} }}\n      targetPort: ${p.name}\n      protocol: TCP`,
    ),
    '  selector:',
    `    ${selectorLabels(ctx, options.selectsComponent, 4)}`,
  );
}
