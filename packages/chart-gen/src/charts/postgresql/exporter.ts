import { type ContainerOptions, credentialsDir, envVar, secretFileEnv } from '../../blocks/container';
import { httpGetProbe } from '../../blocks/http-exposure';
import { ctx, values } from './settings';

const metrics = values.metrics;

/**
 * postgres_exporter beside the server, when metrics are on: it connects over loopback as the superuser, whose password
 * it reads from the mounted credentials file (DATA_SOURCE_PASS_FILE), and also reports each database's transaction ID
 * age (the database_wraparound collector, off by default upstream) for the wraparound alert.
 */
export const exporterContainer: ContainerOptions = {
  name: 'metrics',
  image: `${metrics.image}`,
  when: `${metrics.enabled}`,
  args: [`--web.listen-address=:{{ ${metrics.port} }}`, '--collector.database_wraparound'],
  ports: [{ name: 'metrics', port: `${metrics.port}` }],
  env: [
    envVar('DATA_SOURCE_URI', `"127.0.0.1:{{ ${values.containerPorts.postgresql} }}/postgres?sslmode=disable"`),
    envVar('DATA_SOURCE_USER', 'postgres'),
    secretFileEnv(ctx, 'DATA_SOURCE_PASS', `${values.auth.secretKeys.postgresPassword}`),
  ],
  // The landing page answers without touching the database: a slow database must not restart the exporter.
  probes: { liveness: httpGetProbe('/', 'metrics'), readiness: httpGetProbe('/', 'metrics') },
  resources: `${metrics.resources}`,
  securityContext: `${metrics.containerSecurityContext}`,
  volumeMounts: [{ name: 'credentials', mountPath: credentialsDir(ctx), readOnly: true }],
};
