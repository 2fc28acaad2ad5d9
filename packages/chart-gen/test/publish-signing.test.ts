import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { samePackageContent } from '../src/publish/packages';
import { changedMinioPackage } from './support/changed-package';
import { type ChartMuseum, chartMuseumUnavailable, startChartMuseum } from './support/chartmuseum';
import { chartCases, umbrellaCases } from './support/charts';
import { cosignBinary } from './support/cosign';
import { startGitea } from './support/gitea';
import { helms, REPO_ROOT } from './support/helm';
import { type Registry, startRegistry } from './support/registry';
import { type CosignKey, makeCosignKey, makePgpKey, type PgpKey } from './support/signing-keys';

/**
 * Signed publishing and `chart-gen verify` with the real tools and servers: helm provenance on ChartMuseum (and what
 * Gitea does with it), cosign on an OCI registry. Keys are made for the run and never leave its folder.
 */
const cases = [...chartCases, ...umbrellaCases].sort((a, b) => a.name.localeCompare(b.name));
const charts = cases.map((c) => c.name);
const versionOf = (chart: string) => cases.find((c) => c.name === chart)!.definition.version;
const fileOf = (chart: string) => `${chart}-${versionOf(chart)}.tgz`;
const USER = 'publisher';
const PASSWORD = 'signing-test-password';
const basicAuth = { HELM_REPO_USERNAME: USER, HELM_REPO_PASSWORD: PASSWORD };
const authorization = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

let work: string;
let pgp: PgpKey;
let otherPgp: PgpKey;
const packages = () => path.join(work, 'packages');
/** Everything chart-gen printed, checked at the end for key material. */
const printed: string[] = [];

/**
 * Runs the CLI without blocking: the servers' output is read by this process, and a server whose log pipe fills up
 * while the test waits synchronously would stop answering.
 */
async function chartGen(command: string, args: string[], env: Record<string, string | undefined>, only = charts) {
  const child = spawn(
    'node',
    ['packages/chart-gen/dist/cli.js', command, '--packages', packages(), '--charts', only.join(','), ...args],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: work, HELM: process.env.HELM4, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  printed.push(out);
  return { code, out };
}

/** A tool run without blocking (see chartGen), with helm's cache where the other tests keep it. */
function tool(bin: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, HELM_CACHE_HOME: path.join(REPO_ROOT, '.nx/helm-cache') };
  return new Promise((resolve) =>
    execFile(bin, args, { cwd: REPO_ROOT, env, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** The signing settings of CI: key by name, keyring by path, passphrase in a variable. */
const pgpEnv = () => ({
  CHART_GEN_SIGNING_KEY: pgp.name,
  CHART_GEN_SIGNING_KEYRING: pgp.secring,
  CHART_GEN_SIGNING_PASSPHRASE: pgp.passphrase,
});

async function get(url: string): Promise<Buffer | null> {
  const response = await fetch(url, { headers: { authorization } });
  return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : null;
}

/** gpg makes the test's PGP keys; without it the provenance tests cannot run (the cosign ones still do). */
const gpgMissing = spawnSync('gpg', ['--version']).error
  ? 'gpg is not on PATH (Debian: apt-get install gnupg)'
  : undefined;
if (gpgMissing) console.warn(`skipped: the helm provenance tests (${gpgMissing})`);

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-signing-'));
  if (!gpgMissing) {
    pgp = makePgpKey(path.join(work, 'pgp'), 'chart-gen publisher <charts@example.com>');
    otherPgp = makePgpKey(path.join(work, 'other-pgp'), 'someone else <else@example.com>');
  }
  for (const chart of charts)
    execFileSync('bash', ['scripts/package-chart.sh', chart, packages()], { cwd: REPO_ROOT, stdio: 'ignore' });
}, 180_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const museumSkip = chartMuseumUnavailable();
if (museumSkip) console.warn(`skipped: the signed ChartMuseum tests (${museumSkip})`);

(museumSkip || gpgMissing ? describe.skip : describe)('signed publishing to ChartMuseum', () => {
  let museum: ChartMuseum;
  beforeAll(async () => {
    museum = await startChartMuseum({ username: USER, password: PASSWORD });
  }, 60_000);
  afterAll(() => museum?.stop());

  it('signs every chart with helm package --sign and uploads its .prov, which helm 4 and helm 3 verify', async () => {
    const first = await chartGen('publish', [museum.url], { ...basicAuth, ...pgpEnv() });
    expect(first.out).toContain(`${charts.length} published, 0 skipped, 0 failed`);
    expect(first.code).toBe(0);
    for (const chart of charts) expect(first.out).toMatch(new RegExp(`published +${chart} .*signed \\(\\.prov\\)`));
    const dir = fs.mkdtempSync(path.join(work, 'downloaded-'));
    for (const chart of charts) {
      const tgz = await get(`${museum.url}/charts/${fileOf(chart)}`);
      // The signed package holds the built files. (Not always the same bytes: helm orders an umbrella's subcharts as
      // it loads them, from a map.)
      fs.writeFileSync(path.join(dir, fileOf(chart)), tgz!);
      const same = samePackageContent(path.join(dir, fileOf(chart)), path.join(packages(), fileOf(chart)));
      expect({ chart, same }).toEqual({ chart, same: true });
      fs.writeFileSync(path.join(dir, fileOf(chart)), tgz!);
      fs.writeFileSync(
        path.join(dir, `${fileOf(chart)}.prov`),
        (await get(`${museum.url}/charts/${fileOf(chart)}.prov`))!,
      );
      for (const [name, helm] of helms()) {
        const verified = await tool(helm, ['verify', path.join(dir, fileOf(chart)), '--keyring', pgp.pubring]);
        expect({ chart, name, stderr: verified.stderr }).toEqual({ chart, name, stderr: '' });
        expect(verified.stdout).toContain('Signed by: chart-gen publisher <charts@example.com>');
      }
    }
  }, 180_000);

  it('chart-gen verify passes, and helm pull --verify installs from the repository', async () => {
    const verified = await chartGen('verify', [museum.url, '--keyring', pgp.pubring], basicAuth);
    expect(verified.out).toContain(`${charts.length} verified, 0 failed`);
    expect(verified.code).toBe(0);
    for (const [name, helm] of helms()) {
      const config = fs.mkdtempSync(path.join(work, `helm-${name.replace(/\W/g, '')}-`));
      const repoArgs = ['--repository-config', `${config}/repositories.yaml`, '--repository-cache', `${config}/cache`];
      await tool(helm, ['repo', 'add', 'signed', museum.url, '--username', USER, '--password', PASSWORD, ...repoArgs]);
      const pulled = await tool(helm, [
        'pull',
        'signed/mlops-stack',
        '--version',
        versionOf('mlops-stack'),
        '--verify',
        '--keyring',
        pgp.pubring,
        '--destination',
        config,
        ...repoArgs,
      ]);
      expect({ name, stderr: pulled.stderr }).toEqual({ name, stderr: '' });
      const refused = await tool(helm, [
        'pull',
        'signed/mlops-stack',
        '--version',
        versionOf('mlops-stack'),
        '--verify',
        '--keyring',
        otherPgp.pubring,
        '--destination',
        fs.mkdtempSync(path.join(config, 'refused-')),
        ...repoArgs,
      ]);
      expect(refused.stderr).toMatch(/Error/);
    }
  }, 120_000);

  it('republishing unchanged content skips every chart and leaves the one signature', async () => {
    const before = await get(`${museum.url}/charts/${fileOf('minio')}.prov`);
    const again = await chartGen('publish', [museum.url], { ...basicAuth, ...pgpEnv() });
    expect(again.out).toContain(`0 published, ${charts.length} skipped, 0 failed`);
    expect(await get(`${museum.url}/charts/${fileOf('minio')}.prov`)).toEqual(before);
  }, 60_000);

  it('fails every chart, naming it, against another public key', async () => {
    const wrong = await chartGen('verify', [museum.url, '--keyring', otherPgp.pubring], basicAuth);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain(`0 verified, ${charts.length} failed`);
    for (const chart of charts)
      expect(wrong.out).toMatch(new RegExp(`failed +${chart} .*the signature does not verify`));
  });

  it('fails a signed chart whose files differ from what this checkout builds, naming it', async () => {
    const args = [museum.url, '--keyring', pgp.pubring, '--packages', changedMinioPackage(work)];
    const differs = await chartGen('verify', args, basicAuth, ['minio']);
    expect(differs.code).toBe(1);
    expect(differs.out).toMatch(/failed +minio .*signed, but its files differ from what this repository builds now/);
  }, 60_000);

  it('fails a package replaced on the server, naming it, and passes the others', async () => {
    // Replaced as someone with write access to the server would: a different package, its .prov left as it was.
    const changed = path.join(changedMinioPackage(work), fileOf('minio'));
    const form = new FormData();
    form.append('chart', new Blob([fs.readFileSync(changed)]), fileOf('minio'));
    const replaced = await fetch(`${museum.url}/api/charts?force`, {
      method: 'POST',
      body: form,
      headers: { authorization },
    });
    expect(replaced.status).toBe(201);
    const tampered = await chartGen('verify', [museum.url, '--keyring', pgp.pubring], basicAuth);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`${charts.length - 1} verified, 1 failed`);
    expect(tampered.out).toMatch(/failed +minio .*the signature does not verify: .*sha256 sum does not match/);
  }, 60_000);

  it('fails an unsigned chart, naming it; a key from CHART_GEN_SIGNING_PRIVATE_KEY signs as CI would', async () => {
    const other = await startChartMuseum({ username: USER, password: PASSWORD });
    try {
      expect((await chartGen('publish', [other.url], basicAuth, ['minio'])).code).toBe(0);
      const unsigned = await chartGen('verify', [other.url, '--keyring', pgp.pubring], basicAuth, ['minio']);
      expect(unsigned.code).toBe(1);
      expect(unsigned.out).toMatch(/failed +minio .*: unsigned: .*minio-.*\.tgz\.prov is not served/);
      const fromSecret = await chartGen(
        'publish',
        [other.url],
        {
          ...basicAuth,
          CHART_GEN_SIGNING_KEY: 'charts@example.com',
          CHART_GEN_SIGNING_PRIVATE_KEY: pgp.armored,
          CHART_GEN_SIGNING_PASSPHRASE: pgp.passphrase,
        },
        ['postgresql'],
      );
      expect(fromSecret.out).toContain('1 published, 0 skipped, 0 failed');
      const verified = await chartGen('verify', [other.url, '--keyring', pgp.pubring], basicAuth, ['postgresql']);
      expect(verified.out).toContain('1 verified, 0 failed');
    } finally {
      await other.stop();
    }
  }, 60_000);
});

(gpgMissing ? describe.skip : describe)('signed publishing to Gitea', () => {
  it('publishes, says the .prov is not kept there, and verification then fails as unsigned', async () => {
    const gitea = await startGitea();
    try {
      const env = { HELM_REPO_USERNAME: gitea.username, HELM_REPO_PASSWORD: gitea.password };
      const published = await chartGen('publish', [gitea.url], { ...env, ...pgpEnv() }, ['minio']);
      expect(published.code).toBe(0);
      expect(published.out).toContain(
        "not signed there: this repository has no ChartMuseum API to take a .prov (Gitea's Helm registry keeps none)",
      );
      const verified = await chartGen('verify', [gitea.url, '--keyring', pgp.pubring], env, ['minio']);
      expect(verified.code).toBe(1);
      expect(verified.out).toMatch(/failed +minio .*unsigned: .*\.prov is not served/);
    } finally {
      await gitea.stop();
    }
  }, 120_000);
});

describe('cosign-signed publishing to an OCI registry', () => {
  let registry: Registry;
  let cosign: CosignKey;
  let otherCosign: CosignKey;
  const ociUrl = (repo = 'charts') => `${registry.url.replace('http://', 'oci://')}/${repo}`;
  const cosignEnv = () => ({ COSIGN: cosignBinary(), COSIGN_KEY: cosign.key, COSIGN_PASSWORD: cosign.password });
  const verifyArgs = (key: string, repo?: string) => [ociUrl(repo), '--plain-http', '--key', key];

  beforeAll(async () => {
    registry = await startRegistry();
    cosign = makeCosignKey(path.join(work, 'cosign'));
    otherCosign = makeCosignKey(path.join(work, 'other-cosign'));
  }, 300_000);
  afterAll(() => registry?.stop());

  /** Every tag of a repository with the manifest digest it points at: signatures are tags here. */
  async function tagsOfRepo(repo: string): Promise<Record<string, string>> {
    const base = `${registry.url}/v2/${repo}`;
    const { tags } = (await (await fetch(`${base}/tags/list`)).json()) as { tags: string[] };
    const accept = 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json';
    const entries = await Promise.all(
      tags.map(async (tag) => {
        const head = await fetch(`${base}/manifests/${tag}`, { method: 'HEAD', headers: { accept } });
        return [tag, head.headers.get('docker-content-digest') ?? ''];
      }),
    );
    return Object.fromEntries(entries);
  }

  const tagsOf = (chart: string) => tagsOfRepo(`charts/${chart}`);

  it('signs every pushed chart; cosign verify and chart-gen verify pass', async () => {
    const first = await chartGen('publish', [ociUrl(), '--plain-http'], cosignEnv());
    expect(first.out).toContain(`${charts.length} published, 0 skipped, 0 failed`);
    for (const chart of charts) expect(first.out).toMatch(new RegExp(`published +${chart} .*signed with cosign`));
    const reference = `${ociUrl().replace('oci://', '')}/minio:${versionOf('minio')}`;
    const direct = await tool(cosignBinary(), [
      'verify',
      '--key',
      cosign.pub,
      '--insecure-ignore-tlog=true',
      '--allow-http-registry',
      reference,
    ]);
    expect(direct.stdout).toContain('"docker-manifest-digest"');
    const verified = await chartGen('verify', verifyArgs(cosign.pub), cosignEnv());
    expect(verified.out).toContain(`${charts.length} verified, 0 failed`);
    expect(verified.code).toBe(0);
  }, 120_000);

  it('republishing unchanged content skips every chart and adds no signature', async () => {
    const before = await tagsOf('minio');
    expect(Object.keys(before)).toHaveLength(2); // the version and its signature
    const again = await chartGen('publish', [ociUrl(), '--plain-http'], cosignEnv());
    expect(again.out).toContain(`0 published, ${charts.length} skipped, 0 failed`);
    expect(await tagsOf('minio')).toEqual(before);
  }, 60_000);

  it('fails every chart, naming it, against another public key', async () => {
    const wrong = await chartGen('verify', verifyArgs(otherCosign.pub), cosignEnv());
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain(`0 verified, ${charts.length} failed`);
    for (const chart of charts) expect(wrong.out).toMatch(new RegExp(`failed +${chart} .*no cosign signature`));
  });

  it('fails an unsigned chart, naming it; publishing with the key then signs that digest once', async () => {
    expect((await chartGen('publish', [ociUrl('unsigned'), '--plain-http'], {}, ['minio'])).code).toBe(0);
    const unsigned = await chartGen('verify', verifyArgs(cosign.pub, 'unsigned'), cosignEnv(), ['minio']);
    expect(unsigned.code).toBe(1);
    expect(unsigned.out).toMatch(
      /failed +minio .*no cosign signature of sha256:[0-9a-f]+ verifies .*no signatures found/,
    );
    // As after a run stopped between push and sign: the same content is not pushed again, its digest is signed.
    const repaired = await chartGen('publish', [ociUrl('unsigned'), '--plain-http'], cosignEnv(), ['minio']);
    expect(repaired.out).toMatch(/published +minio .*already published with the same content .*unsigned: signed now/);
    const signed = await tagsOfRepo('unsigned/minio');
    const again = await chartGen('publish', [ociUrl('unsigned'), '--plain-http'], cosignEnv(), ['minio']);
    expect(again.out).toContain('0 published, 1 skipped, 0 failed');
    expect(await tagsOfRepo('unsigned/minio')).toEqual(signed);
    expect((await chartGen('verify', verifyArgs(cosign.pub, 'unsigned'), cosignEnv(), ['minio'])).code).toBe(0);
  }, 60_000);

  it('pushes nothing when cosign cannot use the key', async () => {
    const env = { ...cosignEnv(), COSIGN_PASSWORD: 'not-the-password' };
    const refused = await chartGen('publish', [ociUrl('refused'), '--plain-http'], env, ['minio']);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/failed +minio .*nothing pushed: cosign cannot use the key .*decryption failed/);
    expect((await fetch(`${registry.url}/v2/refused/minio/tags/list`)).status).toBe(404);
  }, 60_000);

  it('fails a signed chart whose files differ from what this checkout builds, naming it', async () => {
    const args = [...verifyArgs(cosign.pub), '--packages', changedMinioPackage(work)];
    const differs = await chartGen('verify', args, cosignEnv(), ['minio']);
    expect(differs.code).toBe(1);
    expect(differs.out).toMatch(/failed +minio .*signed \(sha256:[0-9a-f]+\), but its files differ from what this/);
  }, 60_000);

  it('fails a chart replaced in the registry, naming it, and passes the others', async () => {
    // Replaced as someone with push rights would: another package under the same tag, the old signature left.
    const changed = path.join(changedMinioPackage(work), fileOf('minio'));
    await tool(process.env.HELM4!, ['push', changed, ociUrl(), '--plain-http']);
    const tampered = await chartGen('verify', verifyArgs(cosign.pub), cosignEnv());
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`${charts.length - 1} verified, 1 failed`);
    expect(tampered.out).toMatch(/failed +minio .*no cosign signature of sha256:[0-9a-f]+ verifies/);
  }, 60_000);

  it('never prints private key material, passphrases or passwords', () => {
    const secrets = [cosign.password, 'PRIVATE KEY', fs.readFileSync(cosign.key, 'utf8').split('\n')[1]!.slice(0, 40)];
    if (pgp) secrets.push(pgp.passphrase, pgp.armored.split('\n')[2]!.slice(0, 40));
    const all = printed.join('\n');
    expect(printed.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
