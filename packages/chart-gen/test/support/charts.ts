import * as fs from 'node:fs';
import * as path from 'node:path';
import { charts } from '../../src/charts';
import type { ChartDefinition } from '../../src/model';
import { REPO_ROOT } from './helm';

export interface ChartCase {
  name: string;
  /** Chart folder, relative to the repository root. */
  dir: string;
  definition: ChartDefinition;
  /** `--set` arguments giving every credential at install time (test values, never real ones). */
  credentials: string[];
  /** Representative values files, relative to the repository root. */
  valuesFiles: string[];
}

function credentialArgs(definition: ChartDefinition): string[] {
  const auth = (definition.values.defaults as { auth?: { secretKeys?: Record<string, string> } }).auth;
  return Object.keys(auth?.secretKeys ?? {}).flatMap((field) => ['--set', `auth.${field}=test-only-${field}`]);
}

function chartCase(definition: ChartDefinition): ChartCase {
  const dir = `charts/${definition.name}`;
  const ciDir = path.join(REPO_ROOT, dir, 'ci');
  const examples = fs.existsSync(ciDir) ? fs.readdirSync(ciDir).sort().map((file) => `${dir}/ci/${file}`) : [];
  const environments = fs.readdirSync(path.join(REPO_ROOT, dir)).filter((file) => /^values-.+\.yaml$/.test(file)).sort().map((file) => `${dir}/${file}`);
  return { name: definition.name, dir, definition, credentials: credentialArgs(definition), valuesFiles: [...examples, ...environments] };
}

/** Charts that deploy an application themselves (not umbrellas). */
export const chartCases: ChartCase[] = charts.filter((definition) => !definition.dependencies?.length).map(chartCase);

/** Umbrella charts: their subcharts must be built (helm dependency build) before they render. */
export const umbrellaCases: ChartCase[] = charts.filter((definition) => definition.dependencies?.length).map(chartCase);

/** The objects the former Kustomize base created, by kind/name, for a release named like the chart. */
export const seedObjects: Record<string, string[]> = {
  minio: ['Deployment/minio', 'Job/minio-create-buckets', 'PersistentVolumeClaim/minio-storage', 'Secret/minio-credentials', 'Service/minio'],
  postgresql: [
    'ConfigMap/postgresql-config',
    'ConfigMap/postgresql-init-scripts',
    'PersistentVolumeClaim/postgresql-storage',
    'Secret/postgresql-credentials',
    'Service/postgresql',
    'Service/postgresql-external',
    'StatefulSet/postgresql',
  ],
};
