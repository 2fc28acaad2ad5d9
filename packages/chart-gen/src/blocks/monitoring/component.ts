import type { Dashboard } from '../../dashboards/model';
import { type ChartContext, fullname, objectName } from '../context';
import { dashboardConfigMap, dashboardFile } from '../dashboard';
import type { AlertRule } from './alert';
import { prometheusRule } from './prometheus-rule';
import { serviceMonitor, type ServiceMonitorOptions } from './service-monitor';
import { metricsWhen } from './switches';
import { targetDownAlert } from './target-down';

export interface ComponentMonitoring {
  /** Expression of the chart's `metrics` values. */
  metrics: string;
  component: string;
  /** Name of the component in alert names and texts, e.g. `MinIO`. */
  title: string;
  /** The Service port the ServiceMonitor scrapes, and the path. */
  service: { port: string; path: string };
  bearerTokenSecret?: ServiceMonitorOptions['bearerTokenSecret'];
  /** The component's own alerts; a target-down alert is added to them. */
  alerts: AlertRule[];
  /** Its Grafana dashboard; the chart ships its JSON (`files: dashboardFiles([dashboard])`). */
  dashboard: Dashboard;
}

/** The alerts of a component: its own, then "target down". */
export const componentAlerts = (ctx: ChartContext, options: ComponentMonitoring): AlertRule[] => [
  ...options.alerts,
  targetDownAlert(ctx.chart, options.title, fullname(ctx)),
];

/**
 * templates/servicemonitor.yaml, prometheusrule.yaml and dashboard-configmap.yaml of a component scraped through its
 * Service.
 */
export function componentMonitoring(ctx: ChartContext, options: ComponentMonitoring): Record<string, string> {
  return {
    'servicemonitor.yaml': serviceMonitor(ctx, {
      name: objectName(ctx, 'metrics'),
      component: options.component,
      metrics: options.metrics,
      job: fullname(ctx),
      port: options.service.port,
      path: options.service.path,
      bearerTokenSecret: options.bearerTokenSecret,
    }),
    'prometheusrule.yaml': prometheusRule(ctx, {
      name: objectName(ctx, 'alerts'),
      component: options.component,
      when: metricsWhen(options.metrics, 'prometheusRule'),
      labels: `${options.metrics}.prometheusRule.labels`,
      runbookUrl: `${options.metrics}.prometheusRule.runbookUrl`,
      groups: [{ name: `${ctx.chart}-${options.component}`, rules: componentAlerts(ctx, options) }],
    }),
    'dashboard-configmap.yaml': dashboardConfigMap(ctx, {
      file: dashboardFile(options.dashboard),
      when: metricsWhen(options.metrics, 'dashboard'),
      labels: `${options.metrics}.dashboard.labels`,
      folder: `${options.metrics}.dashboard.folder`,
    }),
  };
}
