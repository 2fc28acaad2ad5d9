import type { ComponentMonitoring } from '../../blocks/monitoring/component';
import { postgresqlAlerts } from './alerts';
import { postgresqlDashboard } from './dashboard';
import { values } from './settings';

/** PostgreSQL scraped through the exporter's port on the external Service. */
export const postgresqlMonitoring: ComponentMonitoring = {
  metrics: `${values.metrics}`,
  component: 'primary',
  title: 'PostgreSQL',
  service: { port: 'metrics', path: '/metrics' },
  alerts: postgresqlAlerts,
  dashboard: postgresqlDashboard,
};
