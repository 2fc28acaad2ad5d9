import { commonProperties } from '../blocks/common';
import { postgresConnectionSpec, s3ConnectionSpec } from '../blocks/connections';
import { imageSpec } from '../blocks/image';
import { ingressSpec } from '../blocks/ingress';
import { metricsSpec } from '../blocks/metrics';
import { containerPortsSpec, serviceSpec } from '../blocks/service';
import { workloadProperties } from '../blocks/workload';
import { bool, duration, int, list, obj, type Static, str } from '../kit';

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
  workers: int(
    'Worker processes of the server (`mlflow server --workers`); each holds the whole application in memory.',
    { minimum: 1 },
  ),
  jobs: obj(
    'MLflow server jobs (GenAI evaluations and scorers, periodic tasks), run by extra worker processes in the container.',
    {
      enabled: bool(
        'Run the job workers: about 1.4 GiB more memory; with several replicas every replica also runs the periodic tasks.',
      ),
    },
  ),
  allowedHosts: list(
    'Host names clients reach the server by besides its Service names, localhost and the Ingress host: the server answers other Host headers with 403 (DNS rebinding protection). `*` matches any part.',
    str('A host name or pattern.', { pattern: '^[A-Za-z0-9*]([-A-Za-z0-9*.]*[A-Za-z0-9*])?$', maxLength: 253 }),
    { uniqueItems: true },
  ),
  extraArgs: list(
    'More arguments of `mlflow server`, one option each (e.g. --gunicorn-opts=--timeout=120).',
    str('An argument.'),
  ),
  containerPorts: containerPortsSpec({ http: 'Port the tracking server listens on (`mlflow server --port`).' }),
  service: serviceSpec('Service of the tracking server.', { http: 'HTTP port of the tracking server and UI.' }),
  ingress: ingressSpec(),
  metrics: metricsSpec(
    "The server's own Prometheus metrics (`mlflow server --expose-prometheus`, /metrics on the http port), its alerts and dashboard.",
    {
      errorRatePercent: int('Share of requests answered 5xx, in percent, above which MLflowHighErrorRate fires.', {
        minimum: 1,
        maximum: 100,
      }),
      errorRateFor: duration('How long the 5xx share must stay above errorRatePercent before the alert fires'),
    },
    {},
  ),
  ...workloadProperties(),
});

export type MlflowValues = Static<typeof mlflowValuesSpec>;
