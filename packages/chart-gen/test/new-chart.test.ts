import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { helms, helmUnittest, type K8sObject, REPO_ROOT } from './support/helm';
import { validateKubernetesObject } from './support/kube-schema';

/**
 * `chart-gen new` end to end, in a copy of the workspace: define, build, generate, then the new chart must lint,
 * render and pass its own smoke suite under helm 4 and helm 3.
 */
let workspace: string;
const inWorkspace = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-new-'));
  for (const entry of ['packages', 'nx.json', 'tsconfig.json', 'tsconfig.base.json', 'chart-gen.config.json']) {
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(workspace, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(workspace, 'node_modules'));
  inWorkspace('node', [
    'packages/chart-gen/dist/cli.js',
    'new',
    'demo-app',
    '--image',
    'ghcr.io/acme/demo:1.4.2',
    '--port',
    '8080',
    '--persistence',
    '2Gi',
    '--credentials',
    'apiKey',
    '--health-path',
    '/healthz',
    '--metrics-path',
    '/metrics',
    '--root',
    workspace,
  ]);
  inWorkspace('node', ['packages/chart-gen/scripts/build.mjs']);
  inWorkspace('node', ['packages/chart-gen/dist/cli.js', 'generate', 'demo-app', '--root', workspace]);
}, 120_000);

afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

const chart = () => path.join(workspace, 'charts/demo-app');

it('generates a complete chart from the short definition', () => {
  for (const file of [
    'Chart.yaml',
    'values.yaml',
    'values.schema.json',
    'README.md',
    'templates/deployment.yaml',
    'templates/pvc.yaml',
    'templates/secret.yaml',
  ]) {
    expect({ file, exists: fs.existsSync(path.join(chart(), file)) }).toEqual({ file, exists: true });
  }
  expect(
    fs.readFileSync(path.join(workspace, 'packages/chart-gen/src/charts/demo-app.ts'), 'utf8').split('\n').length,
  ).toBeLessThan(25);
});

describe.each(helms())('%s', (_, helm) => {
  const credentials = ['--set', 'auth.apiKey=test-only-api-key'];

  it('lints --strict', () => {
    expect(inWorkspace(helm, ['lint', '--strict', chart(), ...credentials])).toContain(
      '1 chart(s) linted, 0 chart(s) failed',
    );
  });

  it('renders the Deployment, Service, claim and Secret', () => {
    const rendered = inWorkspace(helm, ['template', 'demo-app', chart(), ...credentials]);
    for (const kind of ['Deployment', 'Service', 'PersistentVolumeClaim', 'Secret'])
      expect(rendered).toContain(`kind: ${kind}\n`);
  });
});

describe.each(helms())('%s, with --metrics-path', (_, helm) => {
  const credentials = ['--set', 'auth.apiKey=test-only-api-key'];
  const render = (args: string[]) =>
    (yaml.loadAll(inWorkspace(helm, ['template', 'demo-app', chart(), ...credentials, ...args])) as K8sObject[]).filter(
      Boolean,
    );

  it('renders no monitoring object until metrics.enabled', () => {
    const kinds = render([]).map((o) => o.kind);
    expect(kinds).not.toContain('ServiceMonitor');
    expect(kinds).not.toContain('PrometheusRule');
    expect(kinds).not.toContain('ConfigMap');
  });

  it('with metrics.enabled: a ServiceMonitor of the path, a target-down alert and the dashboard, each valid', () => {
    const objects = render(['--set', 'metrics.enabled=true']);
    for (const object of objects) validateKubernetesObject(object);
    const monitor = objects.find((o) => o.kind === 'ServiceMonitor') as K8sObject & {
      spec: { endpoints: { port: string; path: string }[] };
    };
    expect(monitor.spec.endpoints.map(({ port, path }) => ({ port, path }))).toEqual([
      { port: 'http', path: '/metrics' },
    ]);
    const rule = objects.find((o) => o.kind === 'PrometheusRule') as K8sObject & {
      spec: { groups: { rules: { alert: string }[] }[] };
    };
    expect(rule.spec.groups.flatMap((g) => g.rules.map((r) => r.alert))).toEqual(['DemoAppTargetDown']);
    const dashboard = objects.find((o) => o.kind === 'ConfigMap')!;
    expect(dashboard.metadata.labels).toMatchObject({ grafana_dashboard: '1' });
    expect(JSON.parse((dashboard.data as Record<string, string>)['mlops-demo-app.json']!).uid).toBe('mlops-demo-app');
  });
});

it('passes its generated smoke suite', () => {
  expect(inWorkspace(helmUnittest(), ['--strict', '--color=false', chart()])).toMatch(/Tests:\s+\d+ passed, \d+ total/);
});
