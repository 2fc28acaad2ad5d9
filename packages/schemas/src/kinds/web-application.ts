import { commonProperties } from '../blocks/common';
import { type CredentialField, credentialsSpec } from '../blocks/credentials';
import { imageSpec } from '../blocks/image';
import { ingressSpec } from '../blocks/ingress';
import { metricsSpec } from '../blocks/metrics';
import { persistenceSpec } from '../blocks/persistence';
import { containerPortsSpec, serviceSpec } from '../blocks/service';
import { workloadProperties } from '../blocks/workload';
import { int, obj, str, type TObject, type TProperties } from '../kit';

export interface WebApplicationSpecOptions {
  /** Chart name, for descriptions. */
  name: string;
  /** Keep data on a PersistentVolumeClaim. */
  persistence: boolean;
  /** Credentials the application reads from a Secret, by value name. */
  credentials: Record<string, CredentialField>;
  /** The application serves Prometheus metrics: the `metrics` block. */
  metrics?: boolean;
}

/** Values of a single-container HTTP application: the shape `chart-gen new` starts every application from. */
export function webApplicationValuesSpec(options: WebApplicationSpecOptions): TObject<TProperties> {
  const credentials: TProperties = {};
  if (Object.keys(options.credentials).length) {
    credentials.auth = credentialsSpec(`Credentials of ${options.name}, read from a Secret.`, options.credentials);
  }
  const persistence: TProperties = {};
  if (options.persistence) {
    persistence.persistence = persistenceSpec();
    persistence.dataPath = str('Where the data volume is mounted in the container.', { pattern: '^/' });
  }
  const metrics: TProperties = {};
  if (options.metrics) {
    metrics.metrics = metricsSpec(
      `Prometheus metrics of ${options.name}, its "target down" alert and dashboard.`,
      {},
      {},
    );
  }
  return obj(`Values of the ${options.name} chart.`, {
    ...commonProperties(),
    image: imageSpec(`${options.name} image.`),
    replicas: int('Pod replicas.', { minimum: 0 }),
    ...credentials,
    containerPorts: containerPortsSpec({ http: 'Port the application serves HTTP on.' }),
    service: serviceSpec(`Service of ${options.name}.`, { http: 'HTTP port.' }),
    ingress: ingressSpec(),
    ...persistence,
    ...metrics,
    ...workloadProperties(),
  });
}
