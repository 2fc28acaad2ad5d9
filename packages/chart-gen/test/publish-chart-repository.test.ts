import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { changedMinioPackage } from './support/changed-package';
import { chartMuseumUnavailable, startChartMuseum } from './support/chartmuseum';
import { chartCases, umbrellaCases } from './support/charts';
import { startGitea } from './support/gitea';
import { helms, REPO_ROOT, run } from './support/helm';
import { freePort } from './support/ports';

/**
 * `chart-gen publish https://…` against the real ChartMuseum and the real Gitea (whose Helm registry takes
 * ChartMuseum's upload route but overwrites silently and lists no digest), with real packages of our charts.
 */
const cases = [...chartCases, ...umbrellaCases].sort((a, b) => a.name.localeCompare(b.name));
const charts = cases.map((c) => c.name);
const versionOf = (chart: string) => cases.find((c) => c.name === chart)!.definition.version;
const USER = 'publisher';
const PASSWORD = 'publish-test-password';

let work: string;
const packages = () => path.join(work, 'packages');

interface Repository {
  url: string;
  env: Record<string, string>;
  /** Credentials as a bearer token, where the server issues one. */
  tokenEnv?: Record<string, string>;
  stop(): Promise<void>;
}

function publish(url: string, env: Record<string, string>, args: string[] = [], only = charts) {
  const result = spawnSync(
    'node',
    ['packages/chart-gen/dist/cli.js', 'publish', url, '--packages', packages(), '--charts', only.join(','), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
    },
  );
  return { code: result.status, out: result.stdout + result.stderr };
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-publish-repo-'));
  for (const chart of charts)
    execFileSync('bash', ['scripts/package-chart.sh', chart, packages()], { cwd: REPO_ROOT, stdio: 'ignore' });
}, 180_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const basicAuth = { HELM_REPO_USERNAME: USER, HELM_REPO_PASSWORD: PASSWORD };
const authHeader = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

async function get(url: string, authorization = authHeader): Promise<Buffer | null> {
  const response = await fetch(url, { headers: { authorization } });
  return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : null;
}

/** A published package's bytes, found as helm finds it: through the repository's index.yaml. */
async function download(
  base: string,
  env: Record<string, string>,
  chart: string,
  version: string,
): Promise<Buffer | null> {
  const authorization = `Basic ${Buffer.from(`${env.HELM_REPO_USERNAME}:${env.HELM_REPO_PASSWORD}`).toString('base64')}`;
  const index = yaml.load((await get(`${base}/index.yaml`, authorization))?.toString('utf8') ?? '') as {
    entries?: Record<string, { version: string; urls: string[] }[]>;
  } | null;
  const entry = index?.entries?.[chart]?.find((candidate) => candidate.version === version);
  return entry ? get(new URL(entry.urls[0]!, `${base}/`).href, authorization) : null;
}

const servers: [string, () => Promise<Repository>][] = [];
const museumSkip = chartMuseumUnavailable();
if (museumSkip) console.warn(`skipped: the ChartMuseum tests (${museumSkip})`);
else {
  servers.push([
    'ChartMuseum',
    async () => {
      const museum = await startChartMuseum({ username: USER, password: PASSWORD });
      return { url: museum.url, env: basicAuth, stop: museum.stop };
    },
  ]);
}
servers.push([
  'Gitea',
  async () => {
    const gitea = await startGitea();
    return {
      url: gitea.url,
      env: { HELM_REPO_USERNAME: gitea.username, HELM_REPO_PASSWORD: gitea.password },
      ...(gitea.token ? { tokenEnv: { HELM_REPO_ACCESS_TOKEN: gitea.token } } : {}),
      stop: gitea.stop,
    };
  },
]);

describe.each(servers)('chart-gen publish to %s', (kind, start) => {
  let repo: Repository;
  beforeAll(async () => {
    repo = await start();
  }, 120_000);
  afterAll(() => repo?.stop(), 30_000);

  it('publishes every chart, then skips them all when nothing changed', () => {
    const first = publish(repo.url, repo.env);
    expect(first.out).toContain(`${charts.length} published, 0 skipped, 0 failed`);
    expect(first.code).toBe(0);
    const again = publish(repo.url, repo.env);
    expect(again.out).toContain(`0 published, ${charts.length} skipped, 0 failed`);
    expect(again.code).toBe(0);
  }, 120_000);

  it('refuses a changed chart without a version bump and leaves the published package as it was', async () => {
    const version = versionOf('minio');
    const before = await download(repo.url, repo.env, 'minio', version);
    expect(before).toEqual(fs.readFileSync(path.join(packages(), `minio-${version}.tgz`)));
    const refused = publish(repo.url, repo.env, ['--packages', changedMinioPackage(work)], ['minio']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      `minio ${version}: ${version} is published with different content; bump the chart version`,
    );
    expect(await download(repo.url, repo.env, 'minio', version)).toEqual(before);
  }, 60_000);

  it('replaces it with --force, and the server then serves the new package', async () => {
    const version = versionOf('minio');
    const out = changedMinioPackage(work);
    const forced = publish(repo.url, repo.env, ['--force', '--packages', out], ['minio']);
    expect(forced.out).toContain('1 published, 0 skipped, 0 failed');
    expect(await download(repo.url, repo.env, 'minio', version)).toEqual(
      fs.readFileSync(path.join(out, `minio-${version}.tgz`)),
    );
    // The real package back, for the tests that install from the repository.
    expect(publish(repo.url, repo.env, ['--force'], ['minio']).code).toBe(0);
  }, 60_000);

  it('names the credential variables on a wrong password, and never prints the password', () => {
    const wrong = publish(
      repo.url,
      { HELM_REPO_USERNAME: USER, HELM_REPO_PASSWORD: 'not-the-password' },
      [],
      ['minio'],
    );
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(
      /401 unauthorized: the server refused the credentials from HELM_REPO_USERNAME and HELM_REPO_PASSWORD/,
    );
    expect(wrong.out).not.toContain('not-the-password');
    expect(wrong.out).not.toContain(Buffer.from(`${USER}:not-the-password`).toString('base64'));
  });

  it('uploads with a bearer token from HELM_REPO_ACCESS_TOKEN, where the server issues tokens', async () => {
    if (!repo.tokenEnv) return console.warn(`skipped: ${kind} issues no token here`);
    const version = versionOf('minio');
    const out = changedMinioPackage(work);
    const forced = publish(repo.url, repo.tokenEnv, ['--force', '--packages', out], ['minio']);
    expect(forced.out).toContain('1 published, 0 skipped, 0 failed');
    expect(forced.out).not.toContain(repo.tokenEnv.HELM_REPO_ACCESS_TOKEN);
    expect(await download(repo.url, repo.env, 'minio', version)).toEqual(
      fs.readFileSync(path.join(out, `minio-${version}.tgz`)),
    );
    expect(publish(repo.url, repo.tokenEnv, ['--force'], ['minio']).code).toBe(0);
  }, 60_000);

  describe.each(helms())(`%s installs the published umbrella from ${kind}`, (_, helm) => {
    it('adds the repository, pulls mlops-stack and renders it', () => {
      const config = fs.mkdtempSync(path.join(work, 'helm-'));
      const repoArgs = [
        '--repository-config',
        path.join(config, 'repositories.yaml'),
        '--repository-cache',
        path.join(config, 'cache'),
      ];
      const added = run(helm, [
        'repo',
        'add',
        'stack',
        repo.url,
        '--username',
        repo.env.HELM_REPO_USERNAME!,
        '--password',
        repo.env.HELM_REPO_PASSWORD!,
        ...repoArgs,
      ]);
      expect(added.stderr).toBe('');
      const version = versionOf('mlops-stack');
      const pulled = run(helm, [
        'pull',
        'stack/mlops-stack',
        '--version',
        version,
        '--destination',
        config,
        ...repoArgs,
      ]);
      expect(pulled.stderr).toBe('');
      const tgz = path.join(config, `mlops-stack-${version}.tgz`);
      expect(fs.readFileSync(tgz)).toEqual(fs.readFileSync(path.join(packages(), `mlops-stack-${version}.tgz`)));
      const rendered = run(helm, [
        'template',
        'mlops-stack',
        tgz,
        '--set',
        'minio.auth.existingSecret=m',
        '--set',
        'postgresql.auth.existingSecret=p',
      ]);
      expect(rendered.stderr).toBe('');
      expect(rendered.stdout).toMatch(/^kind: StatefulSet$/m);
    });
  });
});

(museumSkip ? describe.skip : describe)('chart-gen publish to ChartMuseum: server settings and failures', () => {
  it('honours the URL path as the server context path', async () => {
    const museum = await startChartMuseum({ username: USER, password: PASSWORD, contextPath: '/helm/stable' });
    try {
      expect(museum.url).toMatch(/\/helm\/stable$/);
      expect(publish(museum.url, basicAuth, [], ['minio']).out).toContain('1 published, 0 skipped, 0 failed');
      expect(await get(`${museum.url}/charts/minio-${versionOf('minio')}.tgz`)).toEqual(
        fs.readFileSync(path.join(packages(), `minio-${versionOf('minio')}.tgz`)),
      );
    } finally {
      await museum.stop();
    }
  }, 60_000);

  it('says the server refuses to overwrite when started with --disable-force-overwrite', async () => {
    const museum = await startChartMuseum({ username: USER, password: PASSWORD, disableForceOverwrite: true });
    try {
      expect(publish(museum.url, basicAuth, [], ['minio']).code).toBe(0);
      const refused = publish(museum.url, basicAuth, ['--force', '--packages', changedMinioPackage(work)], ['minio']);
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/409 conflict: the version exists and the server refuses to overwrite it/);
    } finally {
      await museum.stop();
    }
  }, 60_000);

  it("says the API is missing when the server runs without it (the official ChartMuseum chart's default)", async () => {
    const museum = await startChartMuseum({ username: USER, password: PASSWORD, disableApi: true });
    try {
      const refused = publish(museum.url, basicAuth, [], ['minio']);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain(
        `POST ${museum.url}/api/charts: 404 not found: no chart repository API at this URL`,
      );
      expect(refused.out).toContain('DISABLE_API=true');
    } finally {
      await museum.stop();
    }
  }, 60_000);

  it('a server that dies mid-run: a clear error for the rest, and nothing half-published', async () => {
    const storageDir = fs.mkdtempSync(path.join(work, 'storage-'));
    const museum = await startChartMuseum({ username: USER, password: PASSWORD, storageDir });
    const child = spawn(
      'node',
      ['packages/chart-gen/dist/cli.js', 'publish', museum.url, '--packages', packages(), '--charts', charts.join(',')],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH, ...basicAuth },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    // The server dies once the first chart's package is whole in its storage.
    const first = `${charts[0]}-${versionOf(charts[0]!)}.tgz`;
    const firstSize = fs.statSync(path.join(packages(), first)).size;
    const landed = () =>
      fs.existsSync(path.join(storageDir, first)) && fs.statSync(path.join(storageDir, first)).size === firstSize;
    while (!landed()) await new Promise((resolve) => setTimeout(resolve, 10));
    await museum.crash();
    expect(await exited).toBe(1);
    expect(out).toMatch(/connection refused \(is the server running, and is the port right\?\) \(3 attempts\)/);
    const published = [...out.matchAll(/^ {2}published +(\S+) /gm)].map((match) => match[1]!);
    expect(published.length).toBeLessThan(charts.length);

    // On the same storage, every package the server has is whole and is ours; the charts that failed are absent.
    const again = await startChartMuseum({ username: USER, password: PASSWORD, storageDir });
    try {
      for (const chart of charts) {
        const served = await get(`${again.url}/charts/${chart}-${versionOf(chart)}.tgz`);
        const ours = fs.readFileSync(path.join(packages(), `${chart}-${versionOf(chart)}.tgz`));
        if (published.includes(chart)) expect({ chart, served: served !== null }).toEqual({ chart, served: true });
        if (served) expect({ chart, whole: served.equals(ours) }).toEqual({ chart, whole: true });
      }
    } finally {
      await again.stop();
    }
  }, 120_000);

  it('reports an unreachable server after bounded retries', async () => {
    const port = await freePort();
    const closed = publish(`http://127.0.0.1:${port}`, basicAuth, [], ['minio']);
    expect(closed.code).toBe(1);
    expect(closed.out).toContain(
      `minio ${versionOf('minio')}: GET http://127.0.0.1:${port}/api/charts: connection refused`,
    );
    expect(closed.out).toContain('(3 attempts)');
  });
});
