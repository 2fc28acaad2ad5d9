import { commonProperties } from '../blocks/common';
import { credentialsSpec } from '../blocks/credentials';
import { resourcesSpec } from '../blocks/resources';
import { bool, int, k8sObject, list, obj, oneOf, type Static, str, stringMap } from '../kit';

/**
 * Model formats KServe's built-in ServingRuntimes of v0.20.0 declare (`supportedModelFormats`). A format outside
 * this list would leave the InferenceService without a runtime, which KServe reports only after it is applied.
 */
export const MODEL_FORMATS = [
  'mlflow',
  'sklearn',
  'xgboost',
  'lightgbm',
  'tensorflow',
  'pytorch',
  'onnx',
  'triton',
  'huggingface',
  'paddle',
  'pmml',
] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];

/**
 * Schemes KServe's storage initializer downloads from. `s3://` is the stack's MinIO; a plain `http://` or a
 * `file://` path would bypass the credentials wiring, so they are refused here rather than failing in the pod.
 */
export const STORAGE_URI_PATTERN = '^(s3|gs|pvc|hf|oci)://[^/\\s]+(/\\S*)?$|^https://\\S+$';

/** GPU resources the cluster advertises: whole GPUs, or time-sliced shares when time-slicing renames them. */
export const GPU_RESOURCE_NAMES = ['nvidia.com/gpu', 'nvidia.com/gpu.shared'] as const;

const s3Spec = obj("Where KServe's storage initializer finds S3 (the annotations on the credentials Secret).", {
  endpoint: str(
    'host:port of the S3 API (serving.kserve.io/s3-endpoint); empty: the stack MinIO, minio.<namespace>.svc:9000.',
    { pattern: '^([a-z0-9.-]+(:[0-9]{1,5})?)?$' },
  ),
  useHttps: bool('Talk to the endpoint over HTTPS (serving.kserve.io/s3-usehttps).'),
  verifySsl: bool("Verify the endpoint's TLS certificate (serving.kserve.io/s3-verifyssl)."),
  region: str('S3 region (serving.kserve.io/s3-region); MinIO accepts any, us-east-1 by default.', {
    pattern: '^[a-z0-9-]+$',
  }),
});

export const modelValuesSpec = obj('Values of a served model: a KServe InferenceService and its storage access.', {
  ...commonProperties(),
  format: oneOf("The model's format; KServe picks the ServingRuntime that supports it.", MODEL_FORMATS),
  formatVersion: str('Version of the format (modelFormat.version), e.g. 1 for sklearn; empty: any.', {
    pattern: '^[0-9A-Za-z.+-]*$',
  }),
  runtime: str('ServingRuntime or ClusterServingRuntime to use; empty lets KServe choose by format.', {
    pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?)?$',
  }),
  protocolVersion: oneOf('Inference protocol: v2 (Open Inference Protocol, MLServer) or v1.', ['v1', 'v2'] as const),
  storageUri: str(
    'Where the model is, e.g. s3://mlflow-artifacts/<experiment>/<run>/artifacts/model or s3://models/<name>.',
    { pattern: STORAGE_URI_PATTERN },
  ),
  replicas: obj('Pod replicas; the HorizontalPodAutoscaler moves between them.', {
    min: int('Fewest replicas (Standard mode cannot scale to zero: at least 1).', { minimum: 1 }),
    max: int('Most replicas.', { minimum: 1 }),
  }),
  autoscaling: obj('What the HorizontalPodAutoscaler scales on (serving.kserve.io/autoscalerClass: hpa).', {
    metric: oneOf('Metric: cpu or memory utilisation (Standard mode has no request-based metrics).', [
      'cpu',
      'memory',
    ] as const),
    target: int('Target utilisation, in percent of the requests.', { minimum: 1, maximum: 100 }),
  }),
  gpu: obj('GPUs per replica, requested and limited on top of resources.', {
    count: int('GPUs per replica; 0 for none.', { minimum: 0, maximum: 8 }),
    resourceName: oneOf(
      'Resource the GPU nodes advertise: nvidia.com/gpu.shared when the GPU Operator time-slices with renameByDefault.',
      GPU_RESOURCE_NAMES,
    ),
  }),
  resources: resourcesSpec('CPU and memory of the model server container.'),
  nodeSelector: stringMap('Node labels the model pods must match.'),
  tolerations: list(
    'Tolerations of the model pods; GPU nodes are often tainted nvidia.com/gpu.',
    k8sObject('A Toleration.'),
  ),
  s3: s3Spec,
  auth: credentialsSpec('S3 credentials the storage initializer downloads the model with, read from a Secret.', {
    accessKeyId: { description: 'S3 access key id', minLength: 3 },
    secretAccessKey: { description: 'S3 secret access key', minLength: 8 },
  }),
});

export type ModelValues = Static<typeof modelValuesSpec>;
