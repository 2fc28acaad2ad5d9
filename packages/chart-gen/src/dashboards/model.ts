/**
 * A Grafana dashboard as typed data: rows of panels, each panel one or more PromQL queries. grafana-json.ts lays
 * it out and writes Grafana's dashboard JSON; a chart ships that file and a ConfigMap the Grafana sidecar loads.
 */

/** The Grafana unit ids the dashboards use (fieldConfig.defaults.unit). */
export type Unit =
  'percent' | 'percentunit' | 'bytes' | 'Bps' | 's' | 'reqps' | 'ops' | 'short' | 'celsius' | 'watt' | 'none';

/** Grafana visualisations a panel can be. */
export type PanelKind = 'timeseries' | 'stat' | 'gauge' | 'table';

/** The named colours of Grafana's palette a threshold may take. */
export type ThresholdColor = 'green' | 'blue' | 'yellow' | 'orange' | 'red' | 'purple';

/** From `value` up (in the panel's unit), values are drawn in `color`; below the first step in the base colour. */
export interface Threshold {
  value: number;
  color: ThresholdColor;
}

export interface Query {
  /** PromQL; filter by `namespace=~"$namespace"` where the series carry a namespace label. */
  expr: string;
  /** Series name: Grafana's legend format (`{{pod}}`), written as it is into the JSON. */
  legend?: string;
}

export interface Panel {
  title: string;
  /** Shown as the panel's info tooltip: what the number means and when to worry. */
  description: string;
  /** Visualisation; timeseries when left out. */
  kind?: PanelKind;
  unit: Unit;
  queries: Query[];
  /** Colour steps, ascending by value (stat, gauge, and the timeseries' threshold lines). */
  thresholds?: Threshold[];
  /** Colour below the first threshold; green when left out (red for a 0/1 "up" where 1 is the good value). */
  baseColor?: ThresholdColor;
  /** Axis or gauge bounds, in the panel's unit. */
  min?: number;
  max?: number;
  /** Width in grid columns (of 24); 12 for a timeseries or table, 6 for a stat or gauge when left out. */
  width?: number;
}

export interface Row {
  title: string;
  /** One line for the chart's README: what the row shows. */
  description: string;
  panels: Panel[];
}

/** A query variable beyond the data source and namespace ones, e.g. a GPU or a pod to narrow the panels to. */
export interface Variable {
  /** Name used in queries as `$name`. */
  name: string;
  label: string;
  /** Its values: a label over a metric, e.g. `label_values(DCGM_FI_DEV_GPU_UTIL{namespace=~"$namespace"}, gpu)`. */
  query: string;
  /** Several values (and All) may be selected; queries then match them with `=~`. */
  multi?: boolean;
}

export interface Dashboard {
  /** Grafana's dashboard uid (at most 40 characters): stable, so links and bookmarks survive a reload. */
  uid: string;
  title: string;
  description?: string;
  tags: string[];
  /** A metric every scraped target of the component exports: the namespace variable lists its namespaces. */
  namespaceMetric: string;
  rows: Row[];
  variables?: Variable[];
}
