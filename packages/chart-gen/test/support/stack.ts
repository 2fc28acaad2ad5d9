import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { helms, type K8sObject, REPO_ROOT, run } from './helm';
import { type LocalCluster, runnerNeedsRoot } from './pods/cluster';
import type { LocalPrograms } from './pods/images';
import { parseManifests } from './pods/manifests';

/**
 * The MLOps stack as a user installs it: the mlops-stack umbrella with the dev environment's values, in its namespace,
 * after creating the two Secrets the environment names (test values, never real ones).
 */
export const NAMESPACE = 'mlops-dev';
export const CREDENTIALS = {
  minio: { accesskey: 'stack-test-admin', secretkey: 'stack-test-minio-secret' },
  postgresql: { 'postgres-password': 'stack-test-superuser', password: 'stack-test-mlflow' },
};

/** The programs that stand in for the charts' images, built or installed once per machine. */
export function localPrograms(): LocalPrograms {
  const { MINIO, MC, MLFLOW_BIN, PG_BINDIR } = process.env;
  if (MINIO && MC && MLFLOW_BIN && PG_BINDIR)
    return { minio: MINIO, mc: MC, mlflowBin: MLFLOW_BIN, postgresBin: PG_BINDIR };
  const script = path.join(REPO_ROOT, 'tools/install-tools.sh');
  const output = execFileSync('bash', [script, 'minio', 'mc', 'mlflow'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const paths = Object.fromEntries(
    output
      .trim()
      .split('\n')
      .map((line) => line.split('=') as [string, string]),
  );
  const postgresBin =
    process.env.PG_BINDIR ||
    execFileSync('bash', [path.join(REPO_ROOT, 'scripts/ensure-postgresql.sh')], { encoding: 'utf8' }).trim();
  return { minio: paths.minio!, mc: paths.mc!, mlflowBin: paths.mlflow!, postgresBin };
}

export function secret(name: string, data: Record<string, string>): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: NAMESPACE },
    type: 'Opaque',
    stringData: data,
  };
}

/** What the test creates in the namespace besides the chart: the Secrets the environment names, the client script. */
export const testObjects = (): K8sObject[] => [
  secret('minio-credentials', CREDENTIALS.minio),
  secret('postgresql-credentials', CREDENTIALS.postgresql),
  clientConfigMap(),
];

let dependenciesBuilt = false;

export const DEV_VALUES = 'charts/mlops-stack/values-dev.yaml';
/** The charts' own defaults, with only the existing Secrets named. */
export const DEFAULT_VALUES = 'charts/mlops-stack/ci/existing-secrets-values.yaml';

/** `helm template` of the umbrella with the dev values (and any extra `--set`), read as the API server reads it. */
export function renderStack(extraArgs: string[] = [], valuesFile = DEV_VALUES): K8sObject[] {
  const [, helm] = helms()[0]!;
  if (!dependenciesBuilt) {
    const built = run(helm, ['dependency', 'build', 'charts/mlops-stack']);
    if (built.status !== 0) throw new Error(`helm dependency build failed:\n${built.stderr}`);
    dependenciesBuilt = true;
  }
  const args = [
    'template',
    'mlops-stack',
    'charts/mlops-stack',
    '--namespace',
    NAMESPACE,
    '--values',
    valuesFile,
    ...extraArgs,
  ];
  const result = run(helm, args);
  if (result.status !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  return parseManifests(result.stdout);
}

export const scratchDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `chart-gen-${prefix}-`));

/** `mc` run from outside the cluster against MinIO at `endpoint`, with the test's root credentials. */
export function mcOutside(programs: LocalPrograms, endpoint: string) {
  const config = scratchDir('mc');
  const mc = (...args: string[]) => {
    const result = spawnSync(programs.mc, ['--config-dir', config, ...args], { encoding: 'utf8', timeout: 30_000 });
    if (result.status !== 0) throw new Error(`mc ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
    return result.stdout;
  };
  mc('alias', 'set', 'stack', endpoint, CREDENTIALS.minio.accesskey, CREDENTIALS.minio.secretkey);
  return mc;
}

/** One query's rows (unaligned, `|`-separated) through psql over TCP with a password, as a client Pod connects. */
export function psqlOutside(
  programs: LocalPrograms,
  host: string,
  sql: string,
  user = 'mlflow',
  password = CREDENTIALS.postgresql.password,
  database = 'mlflow',
): string {
  const result = spawnSync(
    path.join(programs.postgresBin, 'psql'),
    ['-X', '-tA', '-h', host, '-p', '5432', '-U', user, '-d', database, '-c', sql],
    {
      encoding: 'utf8',
      env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '5' },
    },
  );
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** The tracking URI the chart's NOTES.txt gives in-cluster clients: the Service's DNS name. */
export const TRACKING_URI = `http://mlflow.${NAMESPACE}.svc:5000`;

/** The client script as a ConfigMap (`kubectl create configmap mlflow-client --from-file=…`). */
export const clientConfigMap = (): K8sObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'mlflow-client', namespace: NAMESPACE },
  data: { 'mlflow-client.py': fs.readFileSync(path.join(__dirname, 'mlflow-client.py'), 'utf8') },
});

let clientRuns = 0;

/**
 * A Pod spec running a Python client script from ConfigMap `configMap` (mounted at /client) as a non-root user with
 * only the tracking URI: the clients of the MLflow and model tests.
 */
export function trackingClientPod(image: string, configMap: string, command: string[]) {
  return {
    securityContext: { runAsUser: 1001, runAsGroup: 1001, runAsNonRoot: true },
    containers: [
      {
        name: 'client',
        image,
        command,
        env: [
          { name: 'MLFLOW_TRACKING_URI', value: TRACKING_URI },
          { name: 'HOME', value: '/tmp' },
          // The test talks to this machine only.
          { name: 'MLFLOW_DISABLE_TELEMETRY', value: 'true' },
        ],
        securityContext: { readOnlyRootFilesystem: true },
        volumeMounts: [
          { name: 'client', mountPath: '/client', readOnly: true },
          { name: 'tmp', mountPath: '/tmp' },
        ],
      },
    ],
    volumes: [
      { name: 'client', configMap: { name: configMap } },
      { name: 'tmp', emptyDir: {} },
    ],
  };
}

/**
 * A data scientist's MLflow client (support/mlflow-client.py) in a Pod of the namespace, with the MLflow image and
 * only the tracking URI: no database or S3 settings, so everything goes through the tracking server by its Service
 * name, with the Host header in-cluster clients send. Returns the JSON line the script prints.
 */
export async function mlflowClient(
  cluster: LocalCluster,
  image: string,
  command: string,
  ...args: string[]
): Promise<Record<string, unknown>> {
  const { code, log } = await cluster.runPod(
    `mlflow-client-${++clientRuns}`,
    trackingClientPod(image, 'mlflow-client', ['python3', '/client/mlflow-client.py', command, ...args]),
  );
  if (code !== 0) throw new Error(`mlflow client ${command} exited with ${code}:\n${log}`);
  return JSON.parse(log.trim().split('\n').pop()!) as Record<string, unknown>;
}

/** `describe` for tests that run Pods; where the Pod runner cannot run, `describe.skip`, saying why. */
export function describeWithPods(name: string, tests: () => void): void {
  const reason = runnerNeedsRoot();
  if (reason) console.warn(`skipped: ${name}: ${reason}`);
  (reason ? describe.skip : describe)(name, tests);
}
