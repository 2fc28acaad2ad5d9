import { dashboardJson } from '../dashboards/grafana-json';
import type { Dashboard } from '../dashboards/model';
import { entry, literalOf, map, when } from '../template/nodes';
import type { Ref } from '../template/values-path';
import { type ChartContext, objectName } from './context';
import { metadata } from './metadata';
import { templateFile } from './text';

/** The folder of a chart's dashboard files (one of the chart folders the generator owns). */
export const DASHBOARDS_FOLDER = 'dashboards';

/** Where a dashboard's JSON lives in the chart: `dashboards/<uid>.json`. */
export const dashboardFile = (dashboard: Dashboard) => `${DASHBOARDS_FOLDER}/${dashboard.uid}.json`;

/** A chart definition's `files` entries of its dashboards: each one's JSON at dashboardFile(dashboard). */
export function dashboardFiles(dashboards: Dashboard[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dashboard of dashboards) {
    const file = dashboardFile(dashboard);
    if (file in files) throw new Error(`two dashboards have the uid ${dashboard.uid}`);
    files[file] = dashboardJson(dashboard);
  }
  return files;
}

export interface DashboardConfigMapOptions {
  /** The dashboard's file in the chart, e.g. `dashboards/minio.json` (an entry of the chart's `files`). */
  file: string;
  /** Condition under which it exists, e.g. `and .Values.metrics.enabled .Values.metrics.dashboard.enabled`. */
  when: string;
  /** The sidecar's labels, a map (`metrics.dashboard.labels`): added to the standard labels. */
  labels: Ref;
  /** The Grafana folder (`metrics.dashboard.folder`): the `grafana_folder` annotation when it is not empty. */
  folder?: Ref;
  /** Object name suffix; `dashboard` when left out (`<fullname>-dashboard`). */
  suffix?: string;
}

/**
 * A ConfigMap holding one dashboard's JSON for the Grafana sidecar of kube-prometheus-stack. The JSON is read with
 * `.Files.Get` and placed as a literal block, never passed through Helm's template engine, so Grafana's own
 * `{{pod}}` legends and `${datasource}` references reach Grafana exactly as generated.
 */
export function dashboardConfigMap(ctx: ChartContext, options: DashboardConfigMapOptions): string {
  const key = options.file.split('/').at(-1)!;
  return templateFile(
    when(
      options.when,
      entry('apiVersion', 'v1'),
      entry('kind', 'ConfigMap'),
      metadata(ctx, {
        name: objectName(ctx, options.suffix ?? 'dashboard'),
        component: 'dashboard',
        extraLabels: `${options.labels}`,
        valueAnnotations: options.folder ? [{ key: 'grafana_folder', value: `${options.folder}` }] : [],
      }),
      entry('data', map(entry(key, literalOf(`.Files.Get ${JSON.stringify(options.file)}`)))),
    ),
  );
}
