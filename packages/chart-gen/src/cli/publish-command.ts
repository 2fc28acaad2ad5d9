import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { publishToChartRepository } from '../publish/chart-repository';
import { credentialsFromEnv } from '../publish/http';
import { type HelmRunner, publishToOci } from '../publish/oci';
import { type ChartPackage, findPackages } from '../publish/packages';
import { type PublishResult, summary } from '../publish/result';
import { parseArgs, UsageError } from './args';
import { findRoot } from './root';
import type { Writer } from './writer';

/** Charts and their versions as Chart.yaml says now, by the chart folders (all, or --charts a,b). */
function currentCharts(root: string, only: string[] | null): { name: string; version: string }[] {
  const names = fs
    .readdirSync(path.join(root, 'charts'))
    .filter((name) => fs.existsSync(path.join(root, 'charts', name, 'Chart.yaml')));
  const unknown = (only ?? []).filter((name) => !names.includes(name));
  if (unknown.length) throw new UsageError(`--charts: no chart ${unknown.join(', ')} under charts/`);
  return names
    .filter((name) => !only || only.includes(name))
    .sort()
    .map((name) => {
      const chart = yaml.load(fs.readFileSync(path.join(root, 'charts', name, 'Chart.yaml'), 'utf8')) as {
        version: string;
      };
      return { name, version: String(chart.version) };
    });
}

const chartsFlag = (flags: Record<string, string>) =>
  flags.charts
    ? flags.charts
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
    : null;

function publishOci(url: string, packages: ChartPackage[], flags: Record<string, string>): PublishResult[] {
  const bin = flags.helm ?? process.env.HELM ?? 'helm';
  const helm: HelmRunner = (args) => {
    const result = spawnSync(bin, args, { encoding: 'utf8' });
    if (result.error) return { status: null, stdout: '', stderr: `cannot run ${bin}: ${result.error.message}` };
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const options = { url, plainHttp: flags['plain-http'] === 'true', force: flags.force === 'true' };
  return packages.map((pkg) => publishToOci(helm, pkg, options));
}

async function publishHttp(
  url: string,
  packages: ChartPackage[],
  flags: Record<string, string>,
): Promise<PublishResult[]> {
  const parsed = new URL(url);
  const timeoutSeconds = Number(flags.timeout ?? '60');
  if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout ${flags.timeout}: a number of seconds above 0`);
  const options = {
    url,
    force: flags.force === 'true',
    credentials: credentialsFromEnv(process.env),
    origin: parsed.origin,
    timeoutSeconds,
    attempts: 3,
    backoffMs: 500,
  };
  const results: PublishResult[] = [];
  // One at a time: the summary lists charts in order, and a failing server is not hit by every chart at once.
  for (const pkg of packages) results.push(await publishToChartRepository(pkg, options));
  return results;
}

export async function publishCommand(argv: string[], out: Writer, err: Writer): Promise<number> {
  const { positionals, flags } = parseArgs(argv, {
    switches: ['plain-http', 'force'],
    values: ['packages', 'charts', 'helm', 'root', 'timeout'],
  });
  if (positionals.length !== 1) throw new UsageError('publish takes exactly one repository URL');
  const url = positionals[0]!.replace(/\/+$/, '');
  const http = /^https?:\/\//.test(url);
  if (!http && !url.startsWith('oci://'))
    throw new UsageError(`${url}: give an oci:// registry or an http(s):// chart repository`);
  if (http && /^https?:\/\/[^/]*@/.test(url)) {
    // Said without echoing the URL: it holds a password.
    throw new UsageError(
      'put the credentials in HELM_REPO_USERNAME and HELM_REPO_PASSWORD (or HELM_REPO_ACCESS_TOKEN), not in the URL',
    );
  }
  const root = findRoot(process.cwd(), flags.root);
  const packages = findPackages(
    path.resolve(root, flags.packages ?? 'dist/charts'),
    currentCharts(root, chartsFlag(flags)),
  );
  const results = http ? await publishHttp(url, packages, flags) : publishOci(url, packages, flags);
  const failed = results.some((r) => r.outcome === 'failed');
  (failed ? err : out).write(summary(results));
  return failed ? 1 : 0;
}
