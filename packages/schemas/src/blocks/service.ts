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

/**
 * The ports the container listens on, by name; the Service's ports target these names. One value per port: the
 * program's arguments, the container port and the NetworkPolicy derive from it. Below 1024 needs a runtime that lets
 * non-root processes bind such ports.
 */
export function containerPortsSpec<K extends string>(ports: Record<K, string>) {
  const portProps = Object.fromEntries(Object.entries<string>(ports).map(([name, text]) => [name, port(text)]));
  return obj('Ports the container listens on.', portProps as Record<K, ReturnType<typeof port>>);
}
