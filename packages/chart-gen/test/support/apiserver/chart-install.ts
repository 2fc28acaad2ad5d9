import yaml from 'js-yaml';

import type { ChartCase } from '../charts';
import type { K8sObject } from '../helm';
import { helmWithHooks, succeeded } from './helm-release';
import { runAsync } from './kubectl';
import { keptObjects, manifestObjects, namespaceObjects } from './namespace-objects';
import { createNamespace, deleteNamespace, type PodSecurityLevel } from './namespaces';
import { waitForWorkloadPods } from './workload-pods';

/** Server warnings helm prints: a template Pod Security would refuse, a field the server does not know. */
export const SERVER_WARNINGS = /would violate PodSecurity|unknown field|duplicate field/i;

/** The `--set` arguments giving an umbrella's subcharts their credentials, for its defaults. */
export const UMBRELLA_CREDENTIALS = [
  '--set',
  'minio.auth.rootPassword=test-only-minio',
  '--set',
  'postgresql.auth.postgresPassword=test-only-admin',
  '--set',
  'postgresql.auth.password=test-only-mlflow',
];

/** The values a case installs with: the chart's defaults (plus install-time credentials) or one values file. */
export const valuesArgs = (chart: ChartCase, file: string, credentials = chart.credentials) =>
  file === 'defaults' ? credentials : [...chart.credentials, '--values', file];

export interface Installed {
  namespace: string;
  release: string;
  /** Kind/name of what `helm get manifest` lists. */
  manifest: string[];
  /** Kind/name of what the manifest marks to keep on uninstall. */
  kept: string[];
  /** Kind/name of the hook Jobs and Pods of the install, in the order helm ran them. */
  hooks: string[];
  /** helm's stderr: warnings the server sent. */
  warnings: string;
}

export async function manifestOf(helm: string, kubeconfig: string, namespace: string, release: string) {
  const result = await runAsync(helm, ['get', 'manifest', release, '--namespace', namespace], kubeconfig);
  if (result.status !== 0) throw new Error(`helm get manifest ${release} failed:\n${result.stderr}`);
  return { manifest: manifestObjects(result.stdout), kept: keptObjects(result.stdout) };
}

/** Creates the namespace at <level> and installs <chart> into it (no --wait: Pods never run here). */
export async function install(
  helm: string,
  kubeconfig: string,
  namespace: string,
  level: PodSecurityLevel,
  release: string,
  chartDir: string,
  args: string[],
): Promise<Installed> {
  await createNamespace(kubeconfig, namespace, level);
  const result = succeeded(
    await helmWithHooks(helm, kubeconfig, namespace, ['install', release, chartDir, ...args]),
    `helm install ${release} ${chartDir} ${args.join(' ')}`,
  );
  return {
    namespace,
    release,
    ...(await manifestOf(helm, kubeconfig, namespace, release)),
    hooks: result.hooks.map((run) => run.hook),
    warnings: result.stderr,
  };
}

/** What the namespace must hold after an install or upgrade: the manifest's objects, nothing more. */
export async function expectOnlyManifest(kubeconfig: string, installed: Installed, extraKinds: string[] = []) {
  expect(await namespaceObjects(kubeconfig, installed.namespace, extraKinds)).toEqual(installed.manifest);
  const pods = await waitForWorkloadPods(kubeconfig, installed.namespace);
  expect({ failures: pods.failures, missing: pods.missing }).toEqual({ failures: [], missing: [] });
}

/**
 * Uninstalls and returns what is left in the namespace (what the chart keeps on purpose, e.g. a PVC annotated
 * helm.sh/resource-policy: keep), then deletes the namespace.
 */
export async function uninstall(helm: string, kubeconfig: string, installed: Installed, extraKinds: string[] = []) {
  succeeded(
    await helmWithHooks(helm, kubeconfig, installed.namespace, ['uninstall', installed.release]),
    `helm uninstall ${installed.release}`,
  );
  const left = await namespaceObjects(kubeconfig, installed.namespace, extraKinds);
  await deleteNamespace(kubeconfig, installed.namespace);
  return left;
}

/** Kind/name of the release's hook Jobs and Pods that run on <event> (post-install, post-upgrade, test …). */
export async function hooksOn(helm: string, kubeconfig: string, installed: Installed, event: string) {
  const args = ['get', 'hooks', installed.release, '--namespace', installed.namespace];
  const result = await runAsync(helm, args, kubeconfig);
  if (result.status !== 0) throw new Error(`helm get hooks failed:\n${result.stderr}`);
  return (yaml.loadAll(result.stdout).filter(Boolean) as K8sObject[])
    .filter((o) => ['Job', 'Pod'].includes(o.kind))
    .filter((o) => (o.metadata.annotations?.['helm.sh/hook'] ?? '').split(',').includes(event))
    .map((o) => `${o.kind}/${o.metadata.name}`);
}
