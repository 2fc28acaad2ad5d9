import type { Dashboard, Panel, PanelKind, Query, Row, Variable } from './model';

/**
 * Grafana's dashboard JSON (the classic model, schemaVersion 39) of a typed dashboard: deterministic, pretty-printed
 * with two spaces, every object's keys in alphabetical order (as Grafana exports them), one final line break.
 *
 * Layout: each row is a `type: "row"` panel across the 24-column grid, its panels following it left to right and
 * wrapping to a new line when the next one would pass column 24; a line is as tall as its tallest panel, so no two
 * panels overlap. Ids run 1, 2, 3 … in reading order.
 *
 * Data source: a `datasource` variable (type `datasource`, any Prometheus) that every panel, target and query
 * variable names as `${datasource}`, so the dashboard works with whatever Prometheus data source a Grafana has,
 * never with a hard-coded uid. A `namespace` variable lists the namespaces of the dashboard's namespaceMetric.
 *
 * Not editable: the dashboard is generated from its definition and provisioned from a ConfigMap by the Grafana
 * sidecar. Grafana does not save changes made in its UI over a provisioned dashboard, and the sidecar would write the
 * ConfigMap's version again anyway, so a change belongs in the definition; a user can still copy it with "Save as".
 */

export const SCHEMA_VERSION = 39;

/** Where every query goes: the data source the `datasource` variable selects. */
export const DATASOURCE = { type: 'prometheus', uid: '${datasource}' } as const;

const GRID_COLUMNS = 24;
const HEIGHTS: Record<PanelKind, number> = { timeseries: 8, table: 8, stat: 4, gauge: 4 };
const WIDTHS: Record<PanelKind, number> = { timeseries: 12, table: 12, stat: 6, gauge: 6 };
const UID = /^[A-Za-z0-9_-]{1,40}$/;

export interface GridPos {
  h: number;
  w: number;
  x: number;
  y: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The same value with every object's keys sorted: the written order never depends on how it was built. */
function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key]!)]),
  );
}

const kindOf = (panel: Panel): PanelKind => panel.kind ?? 'timeseries';

function check(dashboard: Dashboard): void {
  const where = `dashboard ${dashboard.uid}`;
  if (!UID.test(dashboard.uid)) throw new Error(`${where}: uid must be 1 to 40 letters, digits, "-" or "_"`);
  const names = ['datasource', 'namespace', ...(dashboard.variables ?? []).map((v) => v.name)];
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`${where}: variable "${twice}" is defined twice`);
  for (const row of dashboard.rows) {
    if (!row.panels.length) throw new Error(`${where}: row "${row.title}" has no panel`);
    for (const panel of row.panels) {
      const at = `${where}, panel "${panel.title}"`;
      const width = panel.width ?? WIDTHS[kindOf(panel)];
      if (!Number.isInteger(width) || width < 1 || width > GRID_COLUMNS) {
        throw new Error(`${at}: width ${width} is not a whole number of columns from 1 to ${GRID_COLUMNS}`);
      }
      if (!panel.queries.length) throw new Error(`${at}: has no query`);
      const steps = (panel.thresholds ?? []).map((t) => t.value);
      if (steps.some((value, i) => i > 0 && value <= steps[i - 1]!)) {
        throw new Error(`${at}: thresholds must ascend by value`);
      }
    }
  }
}

/** Every panel's place on the grid, rows included, in reading order. */
export function dashboardLayout(
  rows: Row[],
): { row: Row; rowPos: GridPos; panels: { panel: Panel; pos: GridPos }[] }[] {
  let y = 0;
  return rows.map((row) => {
    const rowPos = { h: 1, w: GRID_COLUMNS, x: 0, y };
    y += 1;
    let x = 0;
    let lineHeight = 0;
    const panels = row.panels.map((panel) => {
      const w = panel.width ?? WIDTHS[kindOf(panel)];
      const h = HEIGHTS[kindOf(panel)];
      if (x + w > GRID_COLUMNS) {
        y += lineHeight;
        x = 0;
        lineHeight = 0;
      }
      const pos = { h, w, x, y };
      x += w;
      lineHeight = Math.max(lineHeight, h);
      return { panel, pos };
    });
    y += lineHeight;
    return { row, rowPos, panels };
  });
}

const refId = (index: number) => String.fromCharCode('A'.charCodeAt(0) + index);

function target(kind: PanelKind, query: Query, index: number): Json {
  return {
    datasource: { ...DATASOURCE },
    editorMode: 'code',
    expr: query.expr,
    legendFormat: query.legend ?? '__auto',
    refId: refId(index),
    ...(kind === 'table' ? { format: 'table', instant: true, range: false } : { range: true }),
  };
}

function fieldDefaults(panel: Panel): Json {
  const kind = kindOf(panel);
  const steps = [{ color: panel.baseColor ?? 'green', value: null }, ...(panel.thresholds ?? [])] as Json;
  return {
    color: { mode: kind === 'timeseries' ? 'palette-classic' : 'thresholds' },
    ...(kind === 'timeseries'
      ? {
          custom: {
            drawStyle: 'line',
            fillOpacity: 10,
            lineWidth: 1,
            showPoints: 'never',
            spanNulls: false,
            thresholdsStyle: { mode: panel.thresholds?.length ? 'line' : 'off' },
          },
        }
      : {}),
    mappings: [],
    ...(panel.min !== undefined ? { min: panel.min } : {}),
    ...(panel.max !== undefined ? { max: panel.max } : {}),
    thresholds: { mode: 'absolute', steps },
    unit: panel.unit,
  };
}

const reduceOptions = { calcs: ['lastNotNull'], fields: '', values: false };

function options(kind: PanelKind): Json {
  switch (kind) {
    case 'timeseries':
      return {
        legend: { calcs: [], displayMode: 'list', placement: 'bottom', showLegend: true },
        tooltip: { mode: 'multi', sort: 'desc' },
      };
    case 'stat':
      return {
        colorMode: 'value',
        graphMode: 'area',
        justifyMode: 'auto',
        orientation: 'auto',
        reduceOptions,
        textMode: 'auto',
      };
    case 'gauge':
      return { orientation: 'auto', reduceOptions, showThresholdLabels: false, showThresholdMarkers: true };
    case 'table':
      return { cellHeight: 'sm', showHeader: true };
  }
}

function panelJson(panel: Panel, pos: GridPos, id: number): Json {
  const kind = kindOf(panel);
  return {
    datasource: { ...DATASOURCE },
    description: panel.description,
    fieldConfig: { defaults: fieldDefaults(panel), overrides: [] },
    gridPos: { ...pos },
    id,
    options: options(kind),
    targets: panel.queries.map((query, index) => target(kind, query, index)),
    title: panel.title,
    type: kind,
    // A table of instant queries: one line per series, its labels as columns, without the time column.
    ...(kind === 'table' ? { transformations: [{ id: 'organize', options: { excludeByName: { Time: true } } }] } : {}),
  };
}

function queryVariable(variable: Variable & { includeAll?: boolean }): Json {
  return {
    current: {},
    datasource: { ...DATASOURCE },
    definition: variable.query,
    hide: 0,
    includeAll: variable.includeAll ?? variable.multi ?? false,
    label: variable.label,
    multi: variable.multi ?? false,
    name: variable.name,
    options: [],
    query: variable.query,
    refresh: 2,
    regex: '',
    skipUrlSync: false,
    sort: 1,
    type: 'query',
  };
}

function templating(dashboard: Dashboard): Json {
  const datasource: Json = {
    current: {},
    hide: 0,
    includeAll: false,
    label: 'Data source',
    multi: false,
    name: 'datasource',
    options: [],
    query: 'prometheus',
    refresh: 1,
    regex: '',
    skipUrlSync: false,
    type: 'datasource',
  };
  const namespace = queryVariable({
    name: 'namespace',
    label: 'Namespace',
    query: `label_values(${dashboard.namespaceMetric}, namespace)`,
    multi: true,
  });
  return { list: [datasource, namespace, ...(dashboard.variables ?? []).map(queryVariable)] };
}

/** The dashboard as Grafana's JSON model; throws naming the dashboard and panel of a definition Grafana refuses. */
export function dashboardModel(dashboard: Dashboard): Json {
  check(dashboard);
  let id = 0;
  const panels: Json[] = dashboardLayout(dashboard.rows).flatMap(({ row, rowPos, panels: placed }) => [
    { collapsed: false, gridPos: { ...rowPos }, id: ++id, panels: [], title: row.title, type: 'row' },
    ...placed.map(({ panel, pos }) => panelJson(panel, pos, ++id)),
  ]);
  return sortKeys({
    annotations: { list: [] },
    ...(dashboard.description !== undefined ? { description: dashboard.description } : {}),
    editable: false,
    fiscalYearStartMonth: 0,
    graphTooltip: 1,
    id: null,
    links: [],
    panels,
    refresh: '1m',
    schemaVersion: SCHEMA_VERSION,
    tags: [...dashboard.tags],
    templating: templating(dashboard),
    time: { from: 'now-6h', to: 'now' },
    timepicker: {},
    timezone: 'browser',
    title: dashboard.title,
    uid: dashboard.uid,
  });
}

/** The dashboard's JSON file: two-space indentation, sorted keys, one final line break. */
export function dashboardJson(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboardModel(dashboard), null, 2)}\n`;
}
