import {
  commonDefaults,
  type ModelFormat,
  modelValuesSpec,
  type Static,
  withEphemeralStorage,
} from '@chart-gen/schemas';

import type { ChartContext } from '../blocks/context';
import { notes } from '../blocks/notes';
import { type ChartDefinition, defineChart } from '../model';
import { valuesOf } from '../template/values-path';
import { inferenceService } from './model/inference-service';
import { s3Endpoint, s3Secret, serviceAccount } from './model/storage-access';

const values = valuesOf(modelValuesSpec);

export interface ModelOptions {
  name: string;
  description?: string;
  /** Chart version; bump it whenever the generated chart changes. */
  version: string;
  format: ModelFormat;
  /** e.g. s3://mlflow-artifacts/<experiment>/<run>/artifacts/model */
  storageUri: string;
  /** GPUs per replica (nvidia.com/gpu, or the time-sliced share where the cluster renames it); none by default. */
  gpu?: number;
  replicas?: { min: number; max: number };
  /** Target CPU utilisation of the HPA, in percent of the requests. */
  cpuTarget?: number;
  resources?: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };
  /** A ServingRuntime or ClusterServingRuntime by name; KServe chooses by format when absent. */
  runtime?: string;
}

/** Model servers load whole models into memory: more than a web application's defaults. */
const DEFAULT_RESOURCES = { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '4Gi' } };
/** The storage initializer downloads into an emptyDir: room for a small model, raised per model when larger. */
const MODEL_SCRATCH = { request: '1Gi', limit: '4Gi' };
const GPU_TOLERATION = { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' };

/**
 * A chart serving one model with KServe: an InferenceService in Standard mode, the ServiceAccount it runs as and
 * the S3 credentials its storage initializer downloads the model with, from the stack's MinIO. `chart-gen new
 * <name> --kind model` writes a definition calling this.
 */
export function model(options: ModelOptions): ChartDefinition<typeof modelValuesSpec> {
  const ctx: ChartContext = { chart: options.name };
  const defaults: Static<typeof modelValuesSpec> = {
    ...commonDefaults(),
    format: options.format,
    formatVersion: '',
    runtime: options.runtime ?? '',
    // MLServer (the runtime of mlflow models) speaks the Open Inference Protocol.
    protocolVersion: 'v2',
    storageUri: options.storageUri,
    replicas: options.replicas ?? { min: 1, max: 1 },
    autoscaling: { metric: 'cpu', target: options.cpuTarget ?? 80 },
    gpu: { count: options.gpu ?? 0, resourceName: 'nvidia.com/gpu' },
    resources: withEphemeralStorage(options.resources ?? DEFAULT_RESOURCES, MODEL_SCRATCH),
    nodeSelector: {},
    tolerations: options.gpu ? [GPU_TOLERATION] : [],
    s3: { endpoint: '', useHttps: false, verifySsl: false, region: 'us-east-1' },
    auth: {
      existingSecret: '',
      // The key names KServe's credential builder reads by default (inferenceservice-config credentials.s3).
      secretKeys: { accessKeyId: 'AWS_ACCESS_KEY_ID', secretAccessKey: 'AWS_SECRET_ACCESS_KEY' },
    },
  };
  const description = options.description ?? `Serves the ${options.format} model ${options.name} with KServe.`;
  return defineChart({
    name: options.name,
    version: options.version,
    appVersion: options.version,
    description,
    keywords: [options.name, 'kserve', 'model', options.format, 'mlops'],
    home: 'https://kserve.github.io/website/',
    sources: [],
    partOf: 'mlops',
    // After KServe (-1), the stack's storage (0) and MLflow (1).
    syncWave: 2,
    values: {
      spec: modelValuesSpec,
      defaults,
      examples: {
        gpu: { gpu: { count: 1, resourceName: 'nvidia.com/gpu.shared' }, tolerations: [GPU_TOLERATION] },
        autoscaling: { replicas: { min: 2, max: 5 }, autoscaling: { metric: 'memory', target: 70 } },
      },
      // The environments read the credentials from a Secret their cluster holds, named by the stack's convention.
      environmentDefaults: { auth: { existingSecret: `${options.name}-s3-credentials` } },
    },
    templates: {
      'inferenceservice.yaml': inferenceService(ctx),
      'serviceaccount.yaml': serviceAccount(ctx),
      'secret.yaml': s3Secret(ctx),
      'NOTES.txt': notes(`
${options.name} is served by KServe in namespace {{ .Release.Namespace }} from {{ ${values.storageUri} }}.

  kubectl -n {{ .Release.Namespace }} get inferenceservice ${options.name}
  In-cluster (Open Inference Protocol):
    http://${options.name}-predictor.{{ .Release.Namespace }}.svc/v2/models/${options.name}/infer
{{- if ${values.auth.existingSecret} }}

The Secret {{ ${values.auth.existingSecret} }} must hold the keys {{ ${values.auth.secretKeys.accessKeyId} }}
and {{ ${values.auth.secretKeys.secretAccessKey} }}, and carry these annotations:
  serving.kserve.io/s3-endpoint: {{ ${s3Endpoint} }}
  serving.kserve.io/s3-usehttps: {{ ternary "1" "0" ${values.s3.useHttps} | quote }}
  serving.kserve.io/s3-verifyssl: {{ ternary "1" "0" ${values.s3.verifySsl} | quote }}
  serving.kserve.io/s3-region: {{ ${values.s3.region} }}
{{- end }}
`),
    },
    readme: {
      overview: `${description}

An InferenceService \`${options.name}\` (format \`${options.format}\`, from \`${options.storageUri}\`) in KServe's
Standard mode: KServe makes a Deployment, a Service \`${options.name}-predictor\` and a HorizontalPodAutoscaler of it. The
storage initializer downloads the model as the ServiceAccount \`${options.name}\`, with the S3 credentials of the
Secret it lists (\`${options.name}-credentials\`, or \`auth.existingSecret\`) and KServe's S3 annotations pointing at
the stack's MinIO. Needs the \`kserve\` chart on the cluster.`,
      notes: '',
    },
  });
}
