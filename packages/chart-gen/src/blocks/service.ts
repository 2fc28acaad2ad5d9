import type { IServicePort } from 'kubernetes-models/v1/ServicePort';

import { typed } from '../template/k8s';
import { entry, list, map, when } from '../template/nodes';
import { type ChartContext, selectorLabels } from './context';
import { metadata } from './metadata';
import { templateFile } from './text';

export interface ServiceOptions {
  name: string;
  component: string;
  /** Pods of this component receive the traffic. */
  selectsComponent: string;
  /** Headless: one DNS record per pod, no virtual IP (a StatefulSet's governing Service). */
  headless?: boolean;
  /** Named ports; `port` is an expression, the target is the container port of the same name; `when` a condition. */
  ports: { name: string; port: string; when?: string }[];
}

export function service(ctx: ChartContext, options: ServiceOptions): string {
  const kind = options.headless
    ? [entry('type', 'ClusterIP'), entry('clusterIP', 'None'), entry('publishNotReadyAddresses', true)]
    : [entry('type', '{{ .Values.service.type }}')];
  return templateFile(
    entry('apiVersion', 'v1'),
    entry('kind', 'Service'),
    metadata(ctx, {
      name: options.name,
      component: options.component,
      annotationsFrom: options.headless ? undefined : '.Values.service.annotations',
    }),
    entry(
      'spec',
      map(
        ...kind,
        entry(
          'ports',
          list(
            ...options.ports.map((p) => {
              const port = typed<IServicePort>({
                name: p.name,
                port: `{{ ${p.port} }}`,
                targetPort: p.name,
                protocol: 'TCP',
              });
              return p.when ? when(p.when, port) : port;
            }),
          ),
        ),
        entry('selector', selectorLabels(ctx, options.selectsComponent)),
      ),
    ),
  );
}
