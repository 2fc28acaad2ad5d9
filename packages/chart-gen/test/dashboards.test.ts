import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { bool, grafanaDashboardDefaults, grafanaDashboardSpec, obj } from '@chart-gen/schemas';

import { dashboardConfigMap, dashboardFile, dashboardFiles } from '../src/blocks/dashboard';
import { gpuOperatorDashboard } from '../src/charts/gpu-operator/dashboard';
import { minioDashboard } from '../src/charts/minio/dashboard';
import { mlflowDashboard } from '../src/charts/mlflow/dashboard';
import { postgresqlDashboard } from '../src/charts/postgresql/dashboard';
import { dashboardJson } from '../src/dashboards/grafana-json';
import type { Dashboard } from '../src/dashboards/model';
import { generate } from '../src/generate-all';
import { EXAMPLE_SETTINGS } from '../src/gitops/example-settings';
import { type ChartDefinition, defineChart } from '../src/model';
import { valuesOf } from '../src/template/values-path';
import { helms, type K8sObject, render, run } from './support/helm';

/** A dashboard whose JSON holds what Helm would evaluate if it went through the template engine. */
const dashboard: Dashboard = {
  uid: 'probe',
  title: 'Probe "quoted" {{ .Values }}',
  tags: ['test'],
  namespaceMetric: 'up',
  rows: [
    {
      title: 'Pods',
      description: 'Per pod.',
      panels: [
        {
          title: 'Up by pod',
          description: 'Targets up, per {{pod}}.',
          unit: 'short',
          queries: [{ expr: 'sum by (pod) (up{namespace=~"$namespace"})', legend: '{{pod}} {{ .Release.Name }}' }],
        },
      ],
    },
  ],
};

const spec = obj('Values of the probe chart.', {
  metrics: obj('Prometheus metrics.', {
    enabled: bool('Export metrics.'),
    dashboard: grafanaDashboardSpec(),
  }),
});
const values = valuesOf(spec);
const ctx = { chart: 'probe', syncWave: 2 };

/** A small chart with one dashboard ConfigMap, generated as the repository's charts are. */
const probe: ChartDefinition = defineChart({
  name: 'probe',
  version: '0.1.0',
  appVersion: '1.0.0',
  description: 'A chart shipping one Grafana dashboard.',
  keywords: ['test'],
  home: 'https://example.com',
  sources: ['https://example.com'],
  partOf: 'mlops',
  syncWave: 2,
  values: {
    spec,
    defaults: { metrics: { enabled: true, dashboard: grafanaDashboardDefaults() } },
    examples: {},
  },
  templates: {
    'dashboard-configmap.yaml': dashboardConfigMap(ctx, {
      file: dashboardFile(dashboard),
      when: `and ${values.metrics.enabled} ${values.metrics.dashboard.enabled}`,
      labels: values.metrics.dashboard.labels,
      folder: values.metrics.dashboard.folder,
    }),
  },
  files: dashboardFiles([dashboard]),
  readme: { overview: 'A probe.', notes: '' },
}) as unknown as ChartDefinition;

/** The same chart shipping the four components' dashboards, each in its own ConfigMap. */
const components = [minioDashboard, postgresqlDashboard, mlflowDashboard, gpuOperatorDashboard];
const shipping: ChartDefinition = {
  ...probe,
  name: 'components',
  templates: Object.fromEntries(
    components.map((d) => [
      `${d.uid}-configmap.yaml`,
      dashboardConfigMap(
        { chart: 'components' },
        {
          file: dashboardFile(d),
          when: `${values.metrics.dashboard.enabled}`,
          labels: values.metrics.dashboard.labels,
          suffix: d.uid,
        },
      ),
    ]),
  ),
  files: dashboardFiles(components),
};

let root: string;
let chart: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-dashboards-'));
  const defs = [probe, shipping];
  generate(root, defs, { check: false, settings: EXAMPLE_SETTINGS, known: defs, environments: [] });
  chart = path.join(root, 'charts/probe');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const configMaps = (objects: K8sObject[]) => objects.filter((o) => o.kind === 'ConfigMap');

it('writes the dashboard JSON into the chart byte for byte', () => {
  expect(dashboardFile(dashboard)).toBe('dashboards/probe.json');
  expect(fs.readFileSync(path.join(chart, 'dashboards/probe.json'), 'utf8')).toBe(dashboardJson(dashboard));
  expect(fs.readFileSync(path.join(chart, 'templates/dashboard-configmap.yaml'), 'utf8')).toContain(
    '{{- .Files.Get "dashboards/probe.json" | nindent 4 }}',
  );
});

it('refuses two dashboards of one uid', () => {
  expect(() => dashboardFiles([dashboard, { ...dashboard, title: 'Other' }])).toThrow(
    'two dashboards have the uid probe',
  );
});

describe.each(helms())('%s', (_, helm) => {
  it('lints strictly', () => {
    const result = run(helm, ['lint', '--strict', chart]);
    expect({ status: result.status, output: result.stdout + result.stderr }).toMatchObject({ status: 0 });
  });

  it('renders a ConfigMap holding the exact JSON, {{pod}} and ${datasource} intact, for the Grafana sidecar', () => {
    const [configMap, ...others] = configMaps(render(helm, 'probe', chart));
    expect(others).toEqual([]);
    const data = configMap!.data as Record<string, string>;
    expect(Object.keys(data)).toEqual(['probe.json']);
    expect(data['probe.json']).toBe(dashboardJson(dashboard));
    expect(data['probe.json']).toContain('"legendFormat": "{{pod}} {{ .Release.Name }}"');
    expect(data['probe.json']).toContain('"uid": "${datasource}"');
    expect(configMap!.metadata).toMatchObject({
      name: 'probe-dashboard',
      namespace: 'mlops',
      labels: {
        grafana_dashboard: '1',
        'app.kubernetes.io/name': 'probe',
        'app.kubernetes.io/instance': 'probe',
        'app.kubernetes.io/component': 'dashboard',
      },
      annotations: { 'argocd.argoproj.io/sync-wave': '2' },
    });
    expect(configMap!.metadata.annotations).not.toHaveProperty('grafana_folder');
  });

  it('takes the sidecar labels from values, never replacing the standard ones, and the folder annotation', () => {
    const [configMap] = configMaps(
      render(helm, 'probe', chart, [
        '--set-json',
        'metrics.dashboard.labels={"grafana_dashboard":null,"dashboards":"mlops","app.kubernetes.io/name":"other"}',
        '--set',
        'metrics.dashboard.folder=MLOps',
      ]),
    );
    expect(configMap!.metadata.labels).toMatchObject({ dashboards: 'mlops', 'app.kubernetes.io/name': 'probe' });
    expect(configMap!.metadata.labels).not.toHaveProperty('grafana_dashboard');
    expect(configMap!.metadata.annotations).toEqual({
      'argocd.argoproj.io/sync-wave': '2',
      grafana_folder: 'MLOps',
    });
  });

  it("renders each component's dashboard byte for byte, one ConfigMap each", () => {
    const rendered = configMaps(render(helm, 'components', path.join(root, 'charts/components')));
    const byName = new Map(rendered.map((c) => [c.metadata.name, c.data]));
    expect(byName.size).toBe(components.length);
    for (const d of components) {
      expect(byName.get(`components-${d.uid}`)).toEqual({ [`${d.uid}.json`]: dashboardJson(d) });
    }
  });

  it.each([['metrics.enabled=false'], ['metrics.dashboard.enabled=false']])('renders no ConfigMap with %s', (set) => {
    expect(configMaps(render(helm, 'probe', chart, ['--set', set]))).toEqual([]);
  });
});
