import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { changedMinioPackage } from './support/changed-package';
import { chartCases, umbrellaCases } from './support/charts';
import { helms, REPO_ROOT, run } from './support/helm';
import { type Registry, startRegistry } from './support/registry';

/** Charts that package offline: everything but charts whose dependency must be downloaded. */
const cases = [...chartCases, ...umbrellaCases].sort((a, b) => a.name.localeCompare(b.name));
const charts = cases.map((c) => c.name);
const versionOf = (chart: string) => cases.find((c) => c.name === chart)!.definition.version;

let registry: Registry;
let work: string;
const packages = () => path.join(work, 'packages');

function publish(args: string[], only = charts) {
  const result = spawnSync(
    'node',
    ['packages/chart-gen/dist/cli.js', 'publish', ...args, '--charts', only.join(','), '--helm', process.env.HELM4!],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  return { code: result.status, out: result.stdout + result.stderr };
}

const ociUrl = () => `${registry.url.replace('http://', 'oci://')}/charts`;

beforeAll(async () => {
  registry = await startRegistry();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-publish-'));
  for (const chart of charts) {
    execFileSync('bash', ['scripts/package-chart.sh', chart, packages()], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('chart-gen publish to an OCI registry', () => {
  it('publishes every chart, then skips them all when nothing changed', () => {
    const first = publish([ociUrl(), '--plain-http', '--packages', packages()]);
    expect(first.out).toContain(`${charts.length} published, 0 skipped, 0 failed`);
    expect(first.code).toBe(0);
    const again = publish([ociUrl(), '--plain-http', '--packages', packages()]);
    expect(again.out).toContain(`0 published, ${charts.length} skipped, 0 failed`);
    expect(again.code).toBe(0);
  });

  it('skips a chart packaged again from a fresh checkout: same files, newer file times', () => {
    const checkout = path.join(work, 'checkout');
    fs.cpSync(path.join(REPO_ROOT, 'charts/minio'), path.join(checkout, 'minio'), { recursive: true });
    const later = new Date(Date.now() + 3600_000);
    for (const entry of fs.readdirSync(path.join(checkout, 'minio'), { recursive: true }))
      fs.utimesSync(path.join(checkout, 'minio', String(entry)), later, later);
    execFileSync(process.env.HELM4!, [
      'package',
      path.join(checkout, 'minio'),
      '--destination',
      path.join(checkout, 'out'),
    ]);
    expect(fs.readFileSync(path.join(checkout, 'out', `minio-${versionOf('minio')}.tgz`))).not.toEqual(
      fs.readFileSync(path.join(packages(), `minio-${versionOf('minio')}.tgz`)),
    );
    const again = publish([ociUrl(), '--plain-http', '--packages', path.join(checkout, 'out')], ['minio']);
    expect(again.out).toContain('0 published, 1 skipped, 0 failed');
  });

  it('refuses the same version with other content, and replaces it only with --force', () => {
    const changed = changedMinioPackage(work);
    const refused = publish([ociUrl(), '--plain-http', '--packages', changed], ['minio']);
    expect(refused.code).toBe(1);
    const version = versionOf('minio');
    expect(refused.out).toContain(
      `minio ${version}: ${version} is published with different content; bump the chart version`,
    );
    const forced = publish([ociUrl(), '--plain-http', '--force', '--packages', changed], ['minio']);
    expect(forced.out).toContain('1 published, 0 skipped, 0 failed');
    // Put the real package back for the tests that pull it.
    expect(publish([ociUrl(), '--plain-http', '--force', '--packages', packages()]).code).toBe(0);
  });

  it('says what is wrong when the registry cannot be reached, and publishes nothing', () => {
    const closed = publish(['oci://127.0.0.1:1/charts', '--plain-http', '--packages', packages()]);
    expect(closed.code).toBe(1);
    expect(closed.out).toContain(`0 published, 0 skipped, ${charts.length} failed`);
    expect(closed.out).toMatch(/cannot read oci:\/\/127\.0\.0\.1:1\/charts: .*(connection refused|connect)/);
  });
});

describe.each(helms())('%s installs from the registry', (_, helm) => {
  it.each(charts)('pulls and renders %s', (chart) => {
    const dest = fs.mkdtempSync(path.join(work, `pull-${chart}-`));
    const version = versionOf(chart);
    const pulled = run(helm, [
      'pull',
      `${ociUrl()}/${chart}`,
      '--version',
      version,
      '--plain-http',
      '--destination',
      dest,
    ]);
    expect(pulled.stderr).not.toMatch(/Error/);
    const tgz = path.join(dest, `${chart}-${version}.tgz`);
    expect(fs.readFileSync(tgz)).toEqual(fs.readFileSync(path.join(packages(), `${chart}-${version}.tgz`)));
    const values =
      chart === 'mlops-stack'
        ? ['--set', 'minio.auth.existingSecret=m', '--set', 'postgresql.auth.existingSecret=p']
        : ['--set', 'auth.existingSecret=s'];
    const rendered = run(helm, ['template', chart, tgz, ...(chart === 'mlflow' ? [] : values)]);
    expect(rendered.stderr).toBe('');
    // A model's workload is its InferenceService: KServe's controller makes the Deployment.
    expect(rendered.stdout).toMatch(/^kind: (Deployment|StatefulSet|InferenceService)$/m);
  });
});
