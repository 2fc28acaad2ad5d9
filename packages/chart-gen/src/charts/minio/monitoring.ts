import type { ComponentMonitoring } from '../../blocks/monitoring/component';
import { minioAlerts } from './alerts';
import { minioDashboard } from './dashboard';
import { values } from './settings';

const metrics = values.metrics;

/** MinIO scraped through its Service's API port, with a bearer token from a Secret unless its metrics are public. */
export const minioMonitoring: ComponentMonitoring = {
  metrics: `${metrics}`,
  component: 'server',
  title: 'MinIO',
  service: { port: 'api', path: '/minio/v2/metrics/cluster' },
  bearerTokenSecret: {
    when: `eq ${metrics.auth} "jwt"`,
    name: `{{ ${metrics.bearerTokenSecret.name} }}`,
    key: `{{ ${metrics.bearerTokenSecret.key} }}`,
  },
  alerts: minioAlerts,
  dashboard: minioDashboard,
};
