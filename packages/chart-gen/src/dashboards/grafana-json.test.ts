import { gpuOperatorDashboard } from '../charts/gpu-operator/dashboard';
import { minioDashboard } from '../charts/minio/dashboard';
import { mlflowDashboard } from '../charts/mlflow/dashboard';
import { postgresqlDashboard } from '../charts/postgresql/dashboard';
import { dashboardJson, dashboardLayout, DATASOURCE } from './grafana-json';
import type { Dashboard, Panel } from './model';
import { dashboardRowsMarkdown } from './readme';

interface GridPos {
  h: number;
  w: number;
  x: number;
  y: number;
}
interface JsonPanel {
  id: number;
  type: string;
  title: string;
  gridPos: GridPos;
  datasource?: unknown;
  targets?: { datasource: unknown; expr: string; legendFormat: string; refId: string }[];
}
interface JsonVariable {
  name: string;
  type: string;
  query: unknown;
  datasource?: unknown;
}
interface JsonDashboard {
  uid: string;
  schemaVersion: number;
  editable: boolean;
  refresh: string;
  time: { from: string; to: string };
  panels: JsonPanel[];
  templating: { list: JsonVariable[] };
}

const panel = (title: string, extra: Partial<Panel> = {}): Panel => ({
  title,
  description: `${title}.`,
  unit: 'short',
  queries: [{ expr: 'sum by (pod) (up{namespace=~"$namespace"})', legend: '{{pod}}' }],
  ...extra,
});

/** A dashboard of every panel kind and width, wrapping lines of mixed heights. */
const sample: Dashboard = {
  uid: 'sample',
  title: 'Sample',
  tags: ['test'],
  namespaceMetric: 'up',
  variables: [{ name: 'job', label: 'Job', query: 'label_values(up{namespace=~"$namespace"}, job)', multi: true }],
  rows: [
    {
      title: 'First',
      description: 'Mixed kinds.',
      panels: [
        panel('A', { kind: 'stat' }),
        panel('B', { kind: 'gauge', width: 6 }),
        panel('C'),
        panel('D', { kind: 'table', width: 24 }),
        panel('E', { width: 7 }),
        panel('F', { width: 17, thresholds: [{ value: 1, color: 'red' }] }),
      ],
    },
    { title: 'Second', description: 'One panel.', panels: [panel('G', { width: 24 })] },
  ],
};

const components: [string, Dashboard][] = [
  ['minio', minioDashboard],
  ['postgresql', postgresqlDashboard],
  ['mlflow', mlflowDashboard],
  ['gpu-operator', gpuOperatorDashboard],
];
const all: [string, Dashboard][] = [['sample', sample], ...components];

const parse = (dashboard: Dashboard) => JSON.parse(dashboardJson(dashboard)) as JsonDashboard;
const overlap = (a: GridPos, b: GridPos) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every object key path and value of a JSON value, for checks over the whole document. */
function* walk(value: unknown, path = ''): Generator<[string, unknown, Record<string, unknown>]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* walk(item, `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      yield [`${path}.${key}`, child, value as Record<string, unknown>];
      yield* walk(child, `${path}.${key}`);
    }
  }
}

describe.each(all)('the %s dashboard JSON', (_, dashboard) => {
  const text = dashboardJson(dashboard);
  const json = parse(dashboard);

  it('is valid JSON, pretty-printed with two spaces, keys sorted, one final line break', () => {
    expect(`${JSON.stringify(JSON.parse(text), null, 2)}\n`).toBe(text);
    expect(text.endsWith('}\n') && !text.endsWith('\n\n')).toBe(true);
    for (const [path, value] of walk(json)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const keys = Object.keys(value);
      expect({ path, keys }).toEqual({ path, keys: [...keys].sort() });
    }
  });

  it('is the same bytes every time', () => {
    expect(dashboardJson(structuredClone(dashboard))).toBe(text);
  });

  it("is Grafana's current model: schemaVersion, time, refresh, not editable", () => {
    expect(json.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(json.schemaVersion).toBeLessThanOrEqual(41);
    expect(json.time).toEqual({ from: 'now-6h', to: 'now' });
    expect(json.refresh).toBe('1m');
    expect(json.editable).toBe(false);
    expect(json.uid).toBe(dashboard.uid);
  });

  it('numbers panels 1, 2, 3 … in reading order', () => {
    expect(json.panels.map((p) => p.id)).toEqual(json.panels.map((_p, i) => i + 1));
  });

  it('lays every panel on the 24-column grid without overlaps, each row a full-width row panel', () => {
    for (const { gridPos, title } of json.panels) {
      expect({ title, ok: [gridPos.x, gridPos.y, gridPos.w, gridPos.h].every(Number.isInteger) }).toEqual({
        title,
        ok: true,
      });
      expect(gridPos.x).toBeGreaterThanOrEqual(0);
      expect(gridPos.w).toBeGreaterThanOrEqual(1);
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
    }
    json.panels.forEach((a, i) =>
      json.panels.slice(i + 1).forEach((b) =>
        expect({ a: a.title, b: b.title, overlap: overlap(a.gridPos, b.gridPos) }).toEqual({
          a: a.title,
          b: b.title,
          overlap: false,
        }),
      ),
    );
    const rows = json.panels.filter((p) => p.type === 'row');
    expect(rows.map((r) => r.title)).toEqual(dashboard.rows.map((r) => r.title));
    for (const row of rows) expect(row.gridPos).toMatchObject({ x: 0, w: 24, h: 1 });
    const panels = json.panels.filter((p) => p.type !== 'row');
    expect(panels.map((p) => p.title)).toEqual(dashboard.rows.flatMap((r) => r.panels.map((p) => p.title)));
  });

  it('queries only through the datasource variable, and hard-codes no data source uid', () => {
    const panels = json.panels.filter((p) => p.type !== 'row');
    for (const p of panels) {
      expect(p.datasource).toEqual(DATASOURCE);
      expect(p.targets!.length).toBeGreaterThan(0);
      for (const target of p.targets!) expect(target.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
    }
    const uids = [...walk(json)].filter(([path]) => path.endsWith('.uid') && path !== '.uid').map(([, v]) => v);
    expect(new Set(uids)).toEqual(new Set(['${datasource}']));
    const datasources = [...walk(json)].filter(([path]) => path.endsWith('.datasource')).map(([, v]) => v);
    for (const ds of datasources) expect(ds).toEqual(DATASOURCE);
  });

  it('has the datasource and namespace variables, the namespace one over the dashboard metric', () => {
    const [datasource, namespace, ...more] = json.templating.list;
    expect(datasource).toMatchObject({ name: 'datasource', type: 'datasource', query: 'prometheus' });
    expect(namespace).toMatchObject({
      name: 'namespace',
      type: 'query',
      datasource: DATASOURCE,
      query: `label_values(${dashboard.namespaceMetric}, namespace)`,
    });
    expect(more.map((v) => v.name)).toEqual((dashboard.variables ?? []).map((v) => v.name));
  });

  it('filters every query by the namespace variable', () => {
    const exprs = json.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    for (const expr of exprs) expect(expr).toContain('namespace=~"$namespace"');
  });

  it('keeps Grafana legends such as {{pod}} as they are', () => {
    const legends = dashboard.rows.flatMap((r) => r.panels.flatMap((p) => p.queries.map((q) => q.legend ?? '__auto')));
    const written = json.panels.flatMap((p) => (p.targets ?? []).map((t) => t.legendFormat));
    expect(written).toEqual(legends);
  });
});

describe('the component dashboards', () => {
  const metrics: Record<string, string[]> = {
    minio: [
      'minio_cluster_capacity_usable_total_bytes',
      'minio_cluster_capacity_usable_free_bytes',
      'minio_cluster_nodes_online_total',
      'minio_cluster_nodes_offline_total',
      'minio_cluster_drive_online_total',
      'minio_cluster_drive_offline_total',
      'minio_s3_requests_total',
      'minio_s3_requests_errors_total',
      'minio_s3_traffic_received_bytes',
      'minio_s3_traffic_sent_bytes',
    ],
    postgresql: [
      'pg_up',
      'pg_stat_database_numbackends',
      'pg_settings_max_connections',
      'pg_database_size_bytes',
      'pg_stat_database_xact_commit',
      'pg_stat_database_xact_rollback',
      'pg_stat_database_deadlocks',
    ],
    mlflow: [
      'mlflow_http_request_total',
      'mlflow_http_request_duration_seconds_bucket',
      'mlflow_http_request_duration_seconds_sum',
      'mlflow_http_request_duration_seconds_count',
      'up',
    ],
    'gpu-operator': [
      'DCGM_FI_DEV_GPU_UTIL',
      'DCGM_FI_DEV_GPU_TEMP',
      'DCGM_FI_DEV_FB_USED',
      'DCGM_FI_DEV_FB_FREE',
      'DCGM_FI_DEV_POWER_USAGE',
      'DCGM_FI_DEV_XID_ERRORS',
    ],
  };
  const rows: Record<string, string[]> = {
    minio: ['Capacity', 'Health', 'Requests'],
    postgresql: ['Availability', 'Connections', 'Throughput', 'Size'],
    mlflow: ['Availability', 'Requests', 'Latency'],
    'gpu-operator': ['Utilisation', 'Memory', 'Health'],
  };

  it.each(components)('%s uses exactly its metrics, and has its rows', (name, dashboard) => {
    const exprs = dashboard.rows.flatMap((r) => r.panels.flatMap((p) => p.queries.map((q) => q.expr)));
    const used = new Set(
      exprs
        .flatMap((expr) => expr.match(/[A-Za-z_:][A-Za-z0-9_:]*(?=\{)/g) ?? [])
        .filter((word) => !['by', 'rate', 'sum'].includes(word)),
    );
    expect([...used].sort()).toEqual([...metrics[name]!].sort());
    expect(dashboard.rows.map((r) => r.title)).toEqual(rows[name]);
  });

  it('have distinct uids', () => {
    const uids = components.map(([, d]) => d.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });
});

describe('dashboardLayout', () => {
  it('wraps a panel that would pass column 24 to a new line below the tallest of the line', () => {
    const [row] = dashboardLayout([
      {
        title: 'R',
        description: 'r',
        panels: [panel('stat', { kind: 'stat', width: 12 }), panel('ts'), panel('next')],
      },
    ]);
    expect(row!.rowPos).toEqual({ h: 1, w: 24, x: 0, y: 0 });
    expect(row!.panels.map((p) => p.pos)).toEqual([
      { h: 4, w: 12, x: 0, y: 1 },
      { h: 8, w: 12, x: 12, y: 1 },
      { h: 8, w: 12, x: 0, y: 9 },
    ]);
  });
});

describe('dashboardJson refuses', () => {
  const broken = (change: Partial<Panel>, uid = 'broken'): Dashboard => ({
    ...sample,
    uid,
    rows: [{ title: 'R', description: 'r', panels: [panel('Wide', change)] }],
  });

  it('a panel wider than the grid, naming dashboard and panel', () =>
    expect(() => dashboardJson(broken({ width: 25 }))).toThrow(
      'dashboard broken, panel "Wide": width 25 is not a whole number of columns from 1 to 24',
    ));
  it('a panel without query', () =>
    expect(() => dashboardJson(broken({ queries: [] }))).toThrow('panel "Wide": has no query'));
  it('thresholds out of order', () =>
    expect(() =>
      dashboardJson(
        broken({
          thresholds: [
            { value: 2, color: 'red' },
            { value: 1, color: 'yellow' },
          ],
        }),
      ),
    ).toThrow('thresholds must ascend by value'));
  it('a uid Grafana would refuse', () =>
    expect(() => dashboardJson(broken({}, 'x'.repeat(41)))).toThrow('uid must be 1 to 40 letters'));
  it('a variable named twice', () =>
    expect(() =>
      dashboardJson({
        ...sample,
        variables: [{ name: 'namespace', label: 'N', query: 'label_values(up, namespace)' }],
      }),
    ).toThrow('variable "namespace" is defined twice'));
});

describe('dashboardRowsMarkdown', () => {
  it('lists each row with its description, and its panels below it', () => {
    expect(dashboardRowsMarkdown(sample).split('\n').slice(0, 3)).toEqual([
      '- **First**: Mixed kinds.',
      '  - A: A.',
      '  - B: B.',
    ]);
    expect(dashboardRowsMarkdown(minioDashboard)).toContain('- **Capacity**: ');
  });
});
