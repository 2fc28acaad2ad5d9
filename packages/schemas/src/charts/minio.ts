import { commonProperties } from '../blocks/common';
import { credentialsSpec } from '../blocks/credentials';
import { imageSpec } from '../blocks/image';
import { metricsSpec } from '../blocks/metrics';
import { persistenceSpec } from '../blocks/persistence';
import { resourcesSpec } from '../blocks/resources';
import { containerPortsSpec, serviceSpec } from '../blocks/service';
import { workloadProperties } from '../blocks/workload';
import {
  bool,
  BUCKET_NAME_PATTERN,
  DATA_KEY_PATTERN,
  duration,
  int,
  list,
  obj,
  oneOf,
  resourceName,
  type Static,
  str,
} from '../kit';

export const minioValuesSpec = obj('Values of the minio chart.', {
  ...commonProperties(),
  image: imageSpec('MinIO server image.'),
  replicas: int('Server replicas. MinIO runs standalone on one volume, so 0 (stopped) or 1.', {
    minimum: 0,
    maximum: 1,
  }),
  auth: credentialsSpec('Root credentials of MinIO (also what clients such as MLflow use).', {
    rootUser: { description: 'root user (access key, at least 3 characters)', minLength: 3 },
    rootPassword: { description: 'root password (secret key, at least 8 characters)', minLength: 8 },
  }),
  buckets: obj('Buckets created after install and upgrade by the minio-create-buckets Job.', {
    create: bool('Run the bucket Job.'),
    names: list(
      'Buckets to create; existing ones are left as they are.',
      str('Bucket name.', { pattern: BUCKET_NAME_PATTERN }),
      {
        uniqueItems: true,
      },
    ),
    image: imageSpec('MinIO client (mc) image of the Job.'),
    backoffLimit: int('Retries of the Job before it is marked failed.', { minimum: 0 }),
    activeDeadlineSeconds: int('Seconds the Job may run, waiting for MinIO included.', { minimum: 1 }),
    ttlSecondsAfterFinished: int('Seconds a finished Job is kept for inspection.', { minimum: 0 }),
    resources: resourcesSpec('Resources of the Job container.'),
  }),
  containerPorts: containerPortsSpec({
    api: 'Port of the S3 API (`--address`).',
    console: 'Port of the web console (`--console-address`).',
  }),
  service: serviceSpec('Service in front of MinIO.', { api: 'S3 API port.', console: 'Web console port.' }),
  persistence: persistenceSpec(),
  metrics: metricsSpec(
    "MinIO's cluster metrics (metrics API v2, /minio/v2/metrics/cluster on the API port), its alerts and dashboard.",
    {
      diskUsedPercent: int('Share of the usable capacity in use, in percent, above which MinIODiskAlmostFull fires.', {
        minimum: 1,
        maximum: 100,
      }),
      diskUsedFor: duration('How long usage must stay above diskUsedPercent before MinIODiskAlmostFull fires'),
    },
    {
      auth: oneOf(
        'Who may read the metrics (MINIO_PROMETHEUS_AUTH_TYPE): jwt, a bearer token from `mc admin prometheus generate`; public, anyone who reaches the API port.',
        ['jwt', 'public'] as const,
      ),
      bearerTokenSecret: obj('With auth jwt: the Secret, in the release namespace, Prometheus reads the token from.', {
        name: resourceName('Secret name; required with auth jwt when the ServiceMonitor is created.'),
        key: str('Key of the token in the Secret.', { pattern: DATA_KEY_PATTERN, minLength: 1 }),
      }),
    },
  ),
  ...workloadProperties(),
});

export type MinioValues = Static<typeof minioValuesSpec>;
