import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { credentialsFromEnv, type HttpOptions } from '../publish/http';
import { type ChartPackage, findPackages } from '../publish/packages';
import { UsageError } from './args';

/** What publish and verify share: the charts at their current versions, their packages, the repository URL. */

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

/** The packages of the selected charts in --packages (default dist/charts). */
export function selectedPackages(root: string, flags: Record<string, string>): ChartPackage[] {
  return findPackages(path.resolve(root, flags.packages ?? 'dist/charts'), currentCharts(root, chartsFlag(flags)));
}

/** The one positional URL without trailing slashes, and whether it is a chart repository (http) or OCI. */
export function repositoryUrl(positionals: string[], command: string): { url: string; http: boolean } {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one repository URL`);
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
  return { url, http };
}

/** HTTP settings for a chart repository: credentials from the environment, --timeout, three attempts. */
export function chartRepositoryHttp(url: string, flags: Record<string, string>): HttpOptions & { url: string } {
  const timeoutSeconds = Number(flags.timeout ?? '60');
  if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout ${flags.timeout}: a number of seconds above 0`);
  return {
    url,
    credentials: credentialsFromEnv(process.env),
    origin: new URL(url).origin,
    timeoutSeconds,
    attempts: 3,
    backoffMs: 500,
  };
}

/** A tool run to completion: its status and output (a binary that cannot start reads as a failure saying so). */
export function toolRunner(bin: string) {
  return (args: string[]) => {
    const result = spawnSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.error) return { status: null, stdout: '', stderr: `cannot run ${bin}: ${result.error.message}` };
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}

export const helmBinary = (flags: Record<string, string>) => flags.helm ?? process.env.HELM ?? 'helm';
export const cosignBinary = (flags: Record<string, string>) => flags.cosign ?? process.env.COSIGN ?? 'cosign';
