import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';

import type { ComponentMonitoring } from '../../blocks/monitoring/component';
import { typed } from '../../template/k8s';
import { mlflowAlerts } from './alerts';
import { mlflowDashboard } from './dashboard';
import { values } from './settings';

/** MLflow scraped on its own http port, at /metrics. */
export const mlflowMonitoring: ComponentMonitoring = {
  metrics: `${values.metrics}`,
  component: 'tracking',
  title: 'MLflow',
  service: { port: 'http', path: '/metrics' },
  alerts: mlflowAlerts,
  dashboard: mlflowDashboard,
};

/** The pod's IP, which the server's allowed hosts name so that Prometheus's scrapes are not refused. */
export const podIpEnv = typed<IEnvVar>({ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } });
