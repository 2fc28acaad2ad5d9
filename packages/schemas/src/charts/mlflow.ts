import { bool, int, list, obj, str, type Static } from '../kit';
import { commonProperties } from '../blocks/common';
import { postgresConnectionSpec, s3ConnectionSpec } from '../blocks/connections';
import { imageSpec } from '../blocks/image';
import { ingressSpec } from '../blocks/ingress';
import { serviceSpec } from '../blocks/service';
import { workloadProperties } from '../blocks/workload';

export const mlflowValuesSpec = obj('Values of the mlflow chart.', {
  ...commonProperties(),
  image: imageSpec('MLflow image. It must contain mlflow, psycopg2 (PostgreSQL backend) and boto3 (S3 artifacts).'),
  replicas: int('Tracking server replicas (stateless: state lives in PostgreSQL and S3).', { minimum: 0 }),
  backendStore: postgresConnectionSpec('PostgreSQL holding the tracking metadata (runs, params, metrics).'),
  artifacts: obj('Where artifacts are stored.', {
    serve: bool(
      'Proxy artifact uploads and downloads through the tracking server (clients need no S3 keys); false gives clients the S3 location to use directly.',
    ),
    s3: s3ConnectionSpec('S3-compatible store of the artifacts.'),
  }),
  migration: obj('Database migration (mlflow db upgrade) run by an init container before the server starts.', {
    enabled: bool('Upgrade the database schema before starting.'),
    waitTimeoutSeconds: int('Seconds to wait for PostgreSQL to accept connections.', { minimum: 1 }),
  }),
  extraArgs: list('More arguments of `mlflow server`, one option each (e.g. --workers=2).', str('An argument.')),
  service: serviceSpec('Service of the tracking server.', { http: 'HTTP port of the tracking server and UI.' }),
  ingress: ingressSpec(),
  ...workloadProperties(),
});

export type MlflowValues = Static<typeof mlflowValuesSpec>;
