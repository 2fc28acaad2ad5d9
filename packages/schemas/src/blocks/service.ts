import { obj, oneOf, port, stringMap } from '../kit';

/** A Service whose named ports are given by the chart, e.g. `{ api: 'S3 API port.' }`. */
export function serviceSpec<K extends string>(description: string, ports: Record<K, string>) {
  const portProps = Object.fromEntries(Object.entries<string>(ports).map(([name, text]) => [name, port(text)]));
  return obj(description, {
    type: oneOf('Service type.', ['ClusterIP', 'NodePort', 'LoadBalancer'] as const),
    ports: obj('Service ports.', portProps as Record<K, ReturnType<typeof port>>),
    annotations: stringMap('Annotations on the Service.'),
  });
}
