import * as fs from 'node:fs';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { isPlainObject } from '../../src/emit/schema-walk';
import { REPO_ROOT } from './helm';

const isHelmSource = (spec: Record<string, unknown>) => isPlainObject(spec.source) && 'helm' in spec.source;

export interface Application {
  apiVersion: string;
  kind: 'Application';
  metadata: { name: string; namespace: string; annotations?: Record<string, string>; finalizers?: string[] };
  spec: {
    project: string;
    source: {
      repoURL: string;
      targetRevision: string;
      path: string;
      helm: { releaseName: string; valueFiles: string[] };
    };
    destination: { server: string; namespace: string };
    syncPolicy: { automated?: { prune: boolean; selfHeal: boolean }; syncOptions: string[]; retry?: unknown };
  };
}

/** Every generated Argo CD object, by repository-relative file. */
export function argocdFiles(): { file: string; object: { kind: string } & Record<string, unknown> }[] {
  const dir = path.join(REPO_ROOT, 'argocd-apps');
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)))
    .sort()
    .map((file) => ({
      file,
      object: yaml.load(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as { kind: string },
    }));
}

/**
 * The Applications deploying a chart (a Helm source): not an environment's secrets Application, whose source is the
 * folder of its ExternalSecrets or SealedSecrets.
 */
export const applications = () =>
  argocdFiles()
    .filter(({ object }) => object.kind === 'Application' && isPlainObject(object.spec) && isHelmSource(object.spec))
    .map(({ file, object }) => ({ file, app: object as unknown as Application }));

/**
 * Whether the Application's chart depends on a chart from outside this repository: only a build with network
 * access fetches it (in-repository `file://` subcharts build offline).
 */
export function hasExternalDependencies(app: Application): boolean {
  const chartYaml = path.join(REPO_ROOT, app.spec.source.path, 'Chart.yaml');
  const chart = yaml.load(fs.readFileSync(chartYaml, 'utf8')) as { dependencies?: { repository: string }[] };
  return (chart.dependencies ?? []).some((dependency) => !dependency.repository.startsWith('file://'));
}

/**
 * The `helm template` command Argo CD runs for a Helm source (argo-cd util/helm/cmd.go): chart path, release
 * name, destination namespace, cluster version, each value file resolved against the chart path, CRDs included.
 */
export function argocdTemplateArgs(app: Application, kubeVersion: string): string[] {
  const { source, destination } = app.spec;
  return [
    'template',
    source.path,
    '--name-template',
    source.helm.releaseName,
    '--namespace',
    destination.namespace,
    '--kube-version',
    kubeVersion,
    ...source.helm.valueFiles.flatMap((file) => ['--values', path.join(source.path, file)]),
    '--include-crds',
  ];
}
