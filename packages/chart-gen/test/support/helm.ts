import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import yaml from 'js-yaml';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (its global setup installs the tools)`);
  return value;
}

/** Both supported Helm majors; every chart test runs under each. */
export const helms = (): [string, string][] => [
  ['helm 4', required('HELM4')],
  ['helm 3', required('HELM3')],
];

export const helmUnittest = () => required('HELM_UNITTEST');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(bin: string, args: string[]): Run {
  const result = spawnSync(bin, args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, HELM_CACHE_HOME: path.join(REPO_ROOT, '.nx/helm-cache') },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** `helm template`, failing the test with helm's own message when the render fails. */
export function renderText(bin: string, release: string, chart: string, args: string[] = []): string {
  const result = run(bin, ['template', release, chart, '--namespace', 'mlops', ...args]);
  if (result.status !== 0) throw new Error(`helm template ${chart} failed:\n${result.stderr}`);
  return result.stdout;
}

export function render(bin: string, release: string, chart: string, args: string[] = []): K8sObject[] {
  return yaml
    .loadAll(renderText(bin, release, chart, args))
    .filter((doc): doc is K8sObject => doc !== null && doc !== undefined);
}

export const kindAndName = (objects: K8sObject[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
