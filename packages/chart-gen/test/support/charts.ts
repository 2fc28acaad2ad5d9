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
  /** The chart reads credentials from a Secret it can create (an `auth` block). */
  hasCredentials: boolean;
  /** The chart keeps data on a claim (a `persistence` block). */
  hasPersistence: boolean;
  /**
   * A model served by KServe (the `model` kind): it renders an InferenceService, and KServe's controller makes the
   * pods, their probes and their Service from it; the chart has no pod template of its own.
   */
  servesModel: boolean;
}

function credentialArgs(definition: ChartDefinition): string[] {
  const auth = (definition.values.defaults as { auth?: { secretKeys?: Record<string, string> } }).auth;
  return Object.keys(auth?.secretKeys ?? {}).flatMap((field) => ['--set', `auth.${field}=test-only-${field}`]);
}

function chartCase(definition: ChartDefinition): ChartCase {
  const dir = `charts/${definition.name}`;
  const ciDir = path.join(REPO_ROOT, dir, 'ci');
  const examples = fs.existsSync(ciDir)
    ? fs
        .readdirSync(ciDir)
        .sort()
        .map((file) => `${dir}/ci/${file}`)
    : [];
  const environments = fs
    .readdirSync(path.join(REPO_ROOT, dir))
    .filter((file) => /^values-.+\.yaml$/.test(file))
    .sort()
    .map((file) => `${dir}/${file}`);
  const keys = Object.keys((definition.values.spec as { properties?: object }).properties ?? {});
  return {
    name: definition.name,
    dir,
    definition,
    credentials: credentialArgs(definition),
    valuesFiles: [...examples, ...environments],
    hasCredentials: keys.includes('auth'),
    hasPersistence: keys.includes('persistence'),
    servesModel: keys.includes('storageUri'),
  };
}

/** Charts that deploy an application themselves: no subcharts (umbrellas) and no external chart to download. */
export const chartCases: ChartCase[] = charts
  .filter((definition) => !definition.dependencies?.length && !definition.externalDependencies?.length)
  .map(chartCase);

/** Umbrella charts: their subcharts must be built (helm dependency build) before they render. */
export const umbrellaCases: ChartCase[] = charts.filter((definition) => definition.dependencies?.length).map(chartCase);

/**
 * Charts wrapping a chart from outside the repository (gpu-operator): helm needs network to build them, so their
 * own tests render a copy without the dependency (see without-dependencies.ts).
 */
export const externalCases: ChartCase[] = charts
  .filter((definition) => definition.externalDependencies?.length)
  .map(chartCase);

/**
 * The objects each chart renders with its defaults, by kind/name, for a release named like the chart. For minio and
 * postgresql these are exactly the objects of the former Kustomize base.
 */
export const defaultObjects: Record<string, string[]> = {
  mlflow: ['Deployment/mlflow', 'Service/mlflow'],
  'iris-classifier': [
    'InferenceService/iris-classifier',
    'Secret/iris-classifier-credentials',
    'ServiceAccount/iris-classifier',
  ],
  minio: [
    'Deployment/minio',
    'Job/minio-create-buckets',
    'PersistentVolumeClaim/minio-storage',
    'Secret/minio-credentials',
    'Service/minio',
  ],
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
