import { bool, obj, type Static, str, stringMap } from '../kit';

/**
 * A Grafana dashboard shipped as a ConfigMap for the Grafana sidecar of kube-prometheus-stack, which loads every
 * ConfigMap carrying its label (`grafana_dashboard: "1"` by default) into Grafana.
 */
export function grafanaDashboardSpec() {
  return obj('Grafana dashboard: a ConfigMap that the Grafana sidecar (kube-prometheus-stack) loads.', {
    enabled: bool('Create the dashboard ConfigMap.'),
    labels: stringMap(
      "Labels of the ConfigMap: the Grafana sidecar's label and value (sidecar.dashboards.label, labelValue).",
    ),
    folder: str(
      "Grafana folder of the dashboard, set as the grafana_folder annotation (the sidecar's folderAnnotation); empty: the sidecar's default folder.",
    ),
  });
}

export function grafanaDashboardDefaults(): Static<ReturnType<typeof grafanaDashboardSpec>> {
  return { enabled: true, labels: { grafana_dashboard: '1' }, folder: '' };
}
