import * as fs from 'node:fs';
import * as path from 'node:path';

import { type Application, applications } from './support/argocd';
import { externalCases } from './support/charts';
import { buildExternalDependencies } from './support/external-dependencies';
import { helms, type K8sObject, render, run } from './support/helm';
import { validateKserveObject } from './support/kserve-crds';

const MODEL = 'charts/iris-classifier';
const KSERVE = externalCases.find((c) => c.name === 'kserve')!;
const CREDENTIALS = ['--set', 'auth.accessKeyId=test-only-id', '--set', 'auth.secretAccessKey=test-only-secret'];

type InferenceService = K8sObject & {
  spec: {
    predictor: {
      serviceAccountName: string;
      minReplicas: number;
      maxReplicas: number;
      model: {
        modelFormat: { name: string };
        storageUri: string;
        resources: { requests: Record<string, unknown>; limits: Record<string, unknown> };
      };
    };
  };
};

const byKind = (objects: K8sObject[], kind: string) => objects.find((o) => o.kind === kind)!;
const syncWave = (app: Application) => Number(app.metadata.annotations?.['argocd.argoproj.io/sync-wave']);
const applicationNamed = (name: string) => applications().find(({ app }) => app.metadata.name === name)?.app;

describe.each(helms())('%s model chart', (_, helm) => {
  const objects = (args: string[]) => render(helm, 'iris-classifier', MODEL, args);

  it("renders an InferenceService KServe v0.20.0's CRD accepts, reading the model from MinIO as its ServiceAccount", () => {
    const rendered = objects(CREDENTIALS);
    const isvc = byKind(rendered, 'InferenceService') as InferenceService;
    validateKserveObject(isvc);
    expect(isvc.metadata.annotations).toMatchObject({ 'serving.kserve.io/deploymentMode': 'Standard' });
    expect(isvc.spec.predictor).toMatchObject({
      serviceAccountName: 'iris-classifier',
      minReplicas: 1,
      maxReplicas: 3,
    });
    expect(isvc.spec.predictor.model).toMatchObject({
      modelFormat: { name: 'mlflow' },
      storageUri: 's3://models/iris-classifier',
    });
    const account = byKind(rendered, 'ServiceAccount') as K8sObject & { secrets: { name: string }[] };
    expect(account.secrets).toEqual([{ name: 'iris-classifier-credentials' }]);
    const secret = byKind(rendered, 'Secret') as K8sObject & { data: Record<string, string> };
    expect(secret.metadata.annotations).toEqual({
      'serving.kserve.io/s3-endpoint': 'minio.mlops.svc:9000',
      'serving.kserve.io/s3-usehttps': '0',
      'serving.kserve.io/s3-verifyssl': '0',
      'serving.kserve.io/s3-region': 'us-east-1',
    });
    expect(Object.keys(secret.data).sort()).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
  });

  it('in an environment, lists the existing Secret and creates none', () => {
    const rendered = objects(['--values', `${MODEL}/values-dev.yaml`]);
    expect(rendered.map((o) => o.kind).sort()).toEqual(['InferenceService', 'ServiceAccount']);
    const account = byKind(rendered, 'ServiceAccount') as K8sObject & { secrets: { name: string }[] };
    expect(account.secrets).toEqual([{ name: 'iris-classifier-s3-credentials' }]);
  });

  it('asks for the GPUs under the time-sliced resource name, in requests and limits alike', () => {
    const isvc = byKind(
      objects([...CREDENTIALS, '--set', 'gpu.count=2', '--set', 'gpu.resourceName=nvidia.com/gpu.shared']),
      'InferenceService',
    ) as InferenceService;
    validateKserveObject(isvc);
    expect(isvc.spec.predictor.model.resources.requests['nvidia.com/gpu.shared']).toBe(2);
    expect(isvc.spec.predictor.model.resources.limits['nvidia.com/gpu.shared']).toBe(2);
    expect(isvc.spec.predictor.model.resources.limits.memory).toBe('4Gi');
  });

  it.each([
    ['a storageUri scheme the storage initializer would not authenticate', 'storageUri=http://minio:9000/models/x'],
    ['a file path as storageUri', 'storageUri=file:///models/x'],
    ['a negative replica count', 'replicas.min=-1'],
    ['zero replicas (Standard mode cannot scale to zero)', 'replicas.min=0'],
    ['an unknown model format', 'format=caffe'],
    ['an unknown GPU resource name', 'gpu.resourceName=amd.com/gpu'],
  ])('refuses %s at render time (values.schema.json)', (_, setting) => {
    expect(() => objects([...CREDENTIALS, '--set', setting])).toThrow(/values don't meet the specifications/);
  });
});

describe("KServe v0.20.0's CRD schemas (fixtures)", () => {
  const isvc = (predictor: Record<string, unknown>) => ({
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name: 'probe' },
    spec: { predictor },
  });

  it('refuse what the API server would: an unknown field, a metric KServe has no autoscaler for', () => {
    const model = { modelFormat: { name: 'mlflow' }, storageUri: 's3://models/x' };
    expect(() => validateKserveObject(isvc({ model, replicaz: 2 }))).toThrow(/must NOT have additional properties/);
    expect(() => validateKserveObject(isvc({ model, scaleMetric: 'gpu' }))).toThrow(/scaleMetric must be equal/);
    expect(() => validateKserveObject(isvc({ model: { ...model, storageUri: 3 } }))).toThrow(
      /storageUri must be string/,
    );
  });

  // A runtime for mlflow models shaped like KServe's kserve-mlserver (its exact fields are not checked here), as a
  // cluster-wide and a namespaced runtime: what the model charts' runtime value may name.
  const runtimeSpec = {
    annotations: { 'prometheus.kserve.io/port': '8080', 'prometheus.kserve.io/path': '/metrics' },
    supportedModelFormats: [{ name: 'mlflow', version: '2', autoSelect: true }],
    protocolVersions: ['v2'],
    containers: [
      {
        name: 'kserve-container',
        image: 'docker.io/seldonio/mlserver:1.7.1',
        env: [{ name: 'MLSERVER_MODEL_IMPLEMENTATION', value: 'mlserver_mlflow.MLflowRuntime' }],
        resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
      },
    ],
  };

  it.each(['ClusterServingRuntime', 'ServingRuntime'])('accept an MLServer %s for mlflow models', (kind) => {
    const runtime = { apiVersion: 'serving.kserve.io/v1alpha1', kind, metadata: { name: 'mlserver' } };
    validateKserveObject({ ...runtime, spec: runtimeSpec } as K8sObject);
    expect(() => validateKserveObject({ ...runtime, spec: { ...runtimeSpec, containers: 'x' } } as K8sObject)).toThrow(
      /containers must be array/,
    );
  });
});

describe('KServe Argo CD Applications', () => {
  it('install KServe once, in its own namespace, server-side, before the models', () => {
    const kserve = applicationNamed('kserve-prod')!;
    expect(applicationNamed('kserve-dev')).toBeUndefined();
    expect(kserve.spec.destination.namespace).toBe('kserve');
    expect(kserve.spec.syncPolicy.syncOptions).toContain('ServerSideApply=true');
    for (const [env, namespace] of [
      ['dev', 'mlops-dev'],
      ['prod', 'mlops'],
    ]) {
      const model = applicationNamed(`iris-classifier-${env}`)!;
      // Beside the environment's MinIO, which the model's S3 endpoint names by the release namespace.
      expect(model.spec.destination.namespace).toBe(namespace);
      expect(syncWave(kserve)).toBeLessThan(syncWave(model));
    }
  });
});

// KServe's charts come from ghcr.io. Offline the download fails at the network and the full render is skipped,
// saying so; any other build failure (a Chart.lock helm refuses) fails the suite.
describe("kserve with KServe's charts", () => {
  const [, firstHelm] = helms()[0]!;
  const build = buildExternalDependencies(firstHelm, KSERVE.dir);
  if (!build.built && build.offline) {
    console.log(`skipped: the full kserve render, because ghcr.io cannot be reached here:\n${build.output.trim()}`);
  }
  afterAll(() => build.copy.remove());

  it('builds its dependencies from the committed Chart.lock, unless the registry is unreachable', () => {
    if (build.built)
      expect(fs.readdirSync(path.join(build.copy.dir, 'charts')).sort()).toEqual([
        'kserve-crd-v0.20.0.tgz',
        'kserve-resources-v0.20.0.tgz',
      ]);
    else
      expect({ offline: build.offline, output: build.output }).toEqual({ offline: true, output: expect.any(String) });
  });

  (build.built ? it : it.skip)('prod: the controller defaults to Standard mode', () => {
    const result = run(firstHelm, [
      'template',
      'kserve',
      build.copy.dir,
      '--namespace',
      'kserve',
      '--values',
      `${KSERVE.dir}/values-prod.yaml`,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/"?defaultDeploymentMode"?\s*:\s*"Standard"/);
  });
});
