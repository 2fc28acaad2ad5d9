import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { helms, type K8sObject, REPO_ROOT, run } from './support/helm';
import { predictorDeployment } from './support/kserve-predictor';
import { LocalCluster } from './support/pods/cluster';
import type { LocalPrograms } from './support/pods/images';
import { parseManifests } from './support/pods/manifests';
import type { Pod } from './support/pods/pod';
import type { PodSpec } from './support/pods/pod-spec';
import {
  CREDENTIALS,
  describeWithPods,
  localPrograms,
  mcOutside,
  NAMESPACE,
  renderStack,
  scratchDir,
  testObjects,
  trackingClientPod,
} from './support/stack';

/**
 * The model path end to end with the real programs, pinned (tools/model-serving): an MLflow client logs a
 * scikit-learn model through the stack's MLflow server into its MinIO; the iris-classifier chart, rendered with that
 * run's storageUri, gives a ServiceAccount, an annotated S3 Secret and an InferenceService; the predictor Pod KServe's
 * controller would make of them (support/kserve-predictor.ts: KServe itself cannot run here) downloads the model with
 * kserve-storage using exactly that wiring, and MLServer with mlserver-mlflow answers a V2 inference request with the
 * model's own predictions.
 */
const MODEL = 'iris-classifier';
const IMAGES = {
  storageInitializer: 'kserve/storage-initializer:v0.20.0',
  // MLServer 1.7.1, the newest on PyPI, as the lock pins it. KServe v0.20.0's kserve-mlserver runtime names its own
  // tag, not checked here: KServe's charts cannot be downloaded offline.
  runtime: 'docker.io/seldonio/mlserver:1.7.1',
};

interface Logged {
  experiment_id: string;
  run_id: string;
  artifact_uri: string;
  columns: string[];
  rows: number[][];
  predictions: number[];
}

function modelServingBin(): string {
  if (process.env.MODEL_SERVING_BIN) return process.env.MODEL_SERVING_BIN;
  const script = path.join(REPO_ROOT, 'tools/install-tools.sh');
  return execFileSync('bash', [script, '--print', 'model-serving'], { encoding: 'utf8' }).trim();
}

/** The model chart as Argo CD renders it into the stack's namespace, with the MinIO credentials given inline. */
function renderModel(storageUri: string, secretKey = CREDENTIALS.minio.secretkey): K8sObject[] {
  const [, helm] = helms()[0]!;
  const args = ['template', MODEL, `charts/${MODEL}`, '--namespace', NAMESPACE, '--set', `storageUri=${storageUri}`];
  args.push('--set', `auth.accessKeyId=${CREDENTIALS.minio.accesskey}`);
  args.push('--set', `auth.secretAccessKey=${secretKey}`);
  const result = run(helm, args);
  if (result.status !== 0) throw new Error(`helm template ${MODEL} failed:\n${result.stderr}`);
  return parseManifests(result.stdout);
}

const clientConfigMap = (): K8sObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'model-client', namespace: NAMESPACE },
  data: { 'model-client.py': fs.readFileSync(path.join(__dirname, 'support/model-client.py'), 'utf8') },
});

describeWithPods('a model MLflow tracked in MinIO, served as KServe serves it', () => {
  let programs: LocalPrograms;
  let cluster: LocalCluster;
  const pods: Record<string, Pod> = {};
  let logged: Logged;

  beforeAll(async () => {
    programs = { ...localPrograms(), modelServingBin: modelServingBin() };
    const objects = [...renderStack(), ...testObjects(), clientConfigMap()];
    cluster = new LocalCluster({ namespace: NAMESPACE, objects, programs, dir: scratchDir('model') });
    pods.postgresql = await cluster.startPod('StatefulSet', 'postgresql');
    pods.minio = await cluster.startPod('Deployment', 'minio');
    await Promise.all([pods.postgresql.waitReady(60), pods.minio.waitReady(60)]);
    const buckets = await cluster.runJob('minio-create-buckets');
    expect(buckets.reason).toBe('Complete');
    pods.mlflow = await cluster.startPod('Deployment', 'mlflow');
    await pods.mlflow.waitReady(90);
  }, 600_000);

  afterAll(async () => {
    await cluster?.stopAll();
    if (cluster) console.log(`Pod runner substitutions:\n- ${[...cluster.substitutions].join('\n- ')}`);
  }, 120_000);

  it('an MLflow client logs a scikit-learn model through the tracking server into the mlflow-artifacts bucket', async () => {
    const { code, log } = await cluster.runPod(
      'model-client',
      trackingClientPod(IMAGES.runtime, 'model-client', ['python3', '/client/model-client.py', 'log', 'iris']),
      300,
    );
    expect({ code, log: code === 0 ? '' : log }).toEqual({ code: 0, log: '' });
    logged = JSON.parse(log.trim().split('\n').pop()!) as Logged;
    // The server proxies artifacts: the client only ever talks to MLflow, the files land in MinIO.
    expect(logged.artifact_uri).toBe(`mlflow-artifacts:/${logged.experiment_id}/${logged.run_id}/artifacts`);
    const mc = mcOutside(programs, `http://${pods.minio!.identity.ip}:9000`);
    const files = mc('ls', '--recursive', `stack/mlflow-artifacts/${logged.experiment_id}/${logged.run_id}/`);
    expect(files).toMatch(/artifacts\/model\/MLmodel/);
    // MLflow 3 serializes scikit-learn models with skops by default.
    expect(files).toMatch(/artifacts\/model\/model\.(skops|pkl)/);
  }, 360_000);

  it('the predictor downloads it with the rendered S3 wiring, and MLServer predicts what the model predicts', async () => {
    const storageUri = `s3://mlflow-artifacts/${logged.experiment_id}/${logged.run_id}/artifacts/model`;
    const rendered = renderModel(storageUri);
    for (const object of rendered) cluster.apply(object);
    const deployment = predictorDeployment(rendered, MODEL, IMAGES);
    const init = (deployment.spec as { template: { spec: { initContainers: { env: { name: string }[] }[] } } }).template
      .spec.initContainers[0]!;
    // The environment KServe's credential builder derives from the ServiceAccount's Secret and its annotations.
    expect(init.env).toEqual(
      expect.arrayContaining([
        { name: 'AWS_ENDPOINT_URL', value: `http://minio.${NAMESPACE}.svc:9000` },
        { name: 'S3_ENDPOINT', value: `minio.${NAMESPACE}.svc:9000` },
        { name: 'S3_USE_HTTPS', value: '0' },
        { name: 'S3_VERIFY_SSL', value: '0' },
        { name: 'AWS_DEFAULT_REGION', value: 'us-east-1' },
        {
          name: 'AWS_ACCESS_KEY_ID',
          valueFrom: { secretKeyRef: { name: `${MODEL}-credentials`, key: 'AWS_ACCESS_KEY_ID' } },
        },
      ]),
    );
    cluster.apply(deployment);
    pods.predictor = await cluster.startPod('Deployment', `${MODEL}-predictor`);
    await pods.predictor.waitReady(300);
    // kserve-storage's own account of the download: every file of the model, from MinIO, into /mnt/models.
    const initLog = pods.predictor.initLogs.get('storage-initializer')!;
    expect(initLog).toContain(`Successfully copied ${storageUri} to /mnt/models`);
    expect(initLog).toMatch(/Downloaded object .*artifacts\/model\/MLmodel/);

    const request = {
      parameters: { content_type: 'pd' },
      inputs: logged.columns.map((column, i) => ({
        name: column,
        shape: [logged.rows.length],
        datatype: 'FP64',
        data: logged.rows.map((row) => row[i]),
      })),
    };
    const response = await fetch(`http://${pods.predictor.identity.ip}:8080/v2/models/${MODEL}/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as { model_name: string; outputs: { data: number[] }[] };
    expect({ status: response.status, body: response.status === 200 ? '' : body }).toEqual({ status: 200, body: '' });
    expect(body.model_name).toBe(MODEL);
    expect(body.outputs[0]!.data).toEqual(logged.predictions);
  }, 420_000);

  it('the download depends on that wiring: with a wrong secret key MinIO refuses the storage initializer', async () => {
    const storageUri = `s3://mlflow-artifacts/${logged.experiment_id}/${logged.run_id}/artifacts/model`;
    const rendered = renderModel(storageUri, 'not-the-minio-secret');
    for (const object of rendered) cluster.apply(object);
    const pod = (predictorDeployment(rendered, MODEL, IMAGES).spec as { template: { spec: PodSpec } }).template.spec;
    const { code, log } = await cluster.runPod(
      'storage-initializer-wrong-key',
      {
        securityContext: pod.securityContext,
        containers: pod.initContainers!,
        volumes: pod.volumes,
      },
      120,
    );
    expect(code).not.toBe(0);
    expect(log).toMatch(/SignatureDoesNotMatch|InvalidAccessKeyId|AccessDenied|403/);
  }, 180_000);
});
