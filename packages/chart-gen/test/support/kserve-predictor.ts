import type { K8sObject } from './helm';

/**
 * What KServe v0.20.0's controller makes of an InferenceService in Standard mode, for the Pod runner: a Deployment
 * `<name>-predictor` whose Pod downloads the model in the storage-initializer init container into /mnt/models and
 * serves it with the runtime's container. KServe's controller cannot run here; these are its rules, from its source:
 *
 * - pkg/credentials: the storage initializer gets the S3 environment from the Secrets the predictor's ServiceAccount
 *   lists: for a Secret holding AWS_SECRET_ACCESS_KEY (credentials.s3.s3SecretAccessKeyName), the two keys by
 *   secretKeyRef, then each serving.kserve.io/s3-* annotation as S3_USE_HTTPS, S3_ENDPOINT and AWS_ENDPOINT_URL
 *   (http:// when s3-usehttps is "0"), S3_VERIFY_SSL and AWS_DEFAULT_REGION (pkg/credentials/s3's constants).
 * - a ServingRuntime for the mlflow format over protocol v2 (KServe's kserve-mlserver): MLServer with its MLflow
 *   runtime on port 8080 (HTTP) and 9000 (gRPC), the model named after the InferenceService, loaded from /mnt/models.
 */
export function predictorDeployment(objects: K8sObject[], name: string, images: PredictorImages): K8sObject {
  const isvc = find(objects, 'InferenceService', name) as K8sObject & { spec: { predictor: Predictor } };
  const predictor = isvc.spec.predictor;
  const account = find(objects, 'ServiceAccount', predictor.serviceAccountName) as K8sObject & {
    secrets?: { name: string }[];
  };
  const s3Env = (account.secrets ?? []).flatMap(({ name: secretName }) =>
    credentialEnv(find(objects, 'Secret', secretName)),
  );
  const labels = { app: `isvc.${name}-predictor`, 'serving.kserve.io/inferenceservice': name };
  const models = { name: 'kserve-provision-location', mountPath: '/mnt/models' };
  const restricted = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `${name}-predictor`, namespace: isvc.metadata.namespace, labels },
    spec: {
      replicas: predictor.minReplicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: predictor.serviceAccountName,
          // The runner injects no Service variables; neither program reads any.
          enableServiceLinks: false,
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
          initContainers: [
            {
              name: 'storage-initializer',
              image: images.storageInitializer,
              args: [predictor.model.storageUri, models.mountPath],
              env: s3Env,
              securityContext: restricted,
              volumeMounts: [models, { name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          containers: [
            {
              name: 'kserve-container',
              image: images.runtime,
              env: [
                { name: 'MLSERVER_HTTP_PORT', value: '8080' },
                { name: 'MLSERVER_GRPC_PORT', value: '9000' },
                { name: 'MLSERVER_MODEL_IMPLEMENTATION', value: 'mlserver_mlflow.MLflowRuntime' },
                { name: 'MLSERVER_MODEL_NAME', value: name },
                { name: 'MLSERVER_MODEL_URI', value: models.mountPath },
                // One process: the runner's Pods share two cores, and inference workers add nothing to the proof.
                { name: 'MLSERVER_PARALLEL_WORKERS', value: '0' },
                { name: 'HOME', value: '/tmp' },
              ],
              ports: [{ name: 'http', containerPort: 8080 }],
              readinessProbe: { httpGet: { path: `/v2/models/${name}/ready`, port: 8080 }, periodSeconds: 2 },
              resources: predictor.model.resources,
              securityContext: restricted,
              volumeMounts: [
                { ...models, readOnly: true },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'kserve-provision-location', emptyDir: {} },
            { name: 'tmp', emptyDir: {} },
          ],
        },
      },
    },
  } as K8sObject;
}

export interface PredictorImages {
  storageInitializer: string;
  runtime: string;
}

interface Predictor {
  serviceAccountName: string;
  minReplicas: number;
  model: { storageUri: string; resources: unknown };
}

type SecretObject = K8sObject & { data?: Record<string, string>; stringData?: Record<string, string> };

function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

const ANNOTATION = 'serving.kserve.io';

/** KServe's S3 environment from one Secret, or nothing when it holds no S3 secret key. */
function credentialEnv(object: K8sObject) {
  const secret = object as SecretObject;
  const keys = Object.keys({ ...secret.data, ...secret.stringData });
  if (!keys.includes('AWS_SECRET_ACCESS_KEY')) return [];
  const fromSecret = (key: string) => ({
    name: key,
    valueFrom: { secretKeyRef: { name: secret.metadata.name, key } },
  });
  const annotations = secret.metadata.annotations ?? {};
  const env: { name: string; value?: string }[] = [
    fromSecret('AWS_ACCESS_KEY_ID'),
    fromSecret('AWS_SECRET_ACCESS_KEY'),
  ];
  const useHttps = annotations[`${ANNOTATION}/s3-usehttps`];
  if (useHttps !== undefined) env.push({ name: 'S3_USE_HTTPS', value: useHttps });
  const endpoint = annotations[`${ANNOTATION}/s3-endpoint`];
  if (endpoint !== undefined) {
    env.push({ name: 'S3_ENDPOINT', value: endpoint });
    env.push({ name: 'AWS_ENDPOINT_URL', value: `${useHttps === '0' ? 'http' : 'https'}://${endpoint}` });
  }
  const verify = annotations[`${ANNOTATION}/s3-verifyssl`];
  if (verify !== undefined) env.push({ name: 'S3_VERIFY_SSL', value: verify });
  const region = annotations[`${ANNOTATION}/s3-region`];
  if (region !== undefined) env.push({ name: 'AWS_DEFAULT_REGION', value: region });
  return env;
}
