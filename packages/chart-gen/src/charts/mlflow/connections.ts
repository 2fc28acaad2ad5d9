import { envVar, secretKeyEnv } from '../../blocks/container';
import { definitionFile } from '../../blocks/text';
import { placed, statement, when } from '../../template/nodes';
import { values } from './settings';

const backend = values.backendStore;
const s3 = values.artifacts.s3;
/** The named template of the database environment (templates/_env.tpl). */
const DATABASE_ENV = 'mlflow.env.database';

/**
 * Backend connection as environment, for the migration and the server alike. The URI carries no password: libpq
 * reads PGPASSWORD, so the password stays in its Secret and needs no URL escaping. The driver is named: the image
 * carries psycopg2 and psycopg 3, and SQLAlchemy picks one by its own version when the URI names none.
 */
const databaseEnv = [
  // libpq's own variables: psycopg2.connect("") in the migration reads them, with PGPASSWORD.
  envVar('PGHOST', `{{ ${backend.host} | quote }}`),
  envVar('PGPORT', `{{ ${backend.port} | quote }}`),
  envVar('PGUSER', `{{ ${backend.username} | quote }}`),
  envVar('PGDATABASE', `{{ ${backend.database} | quote }}`),
  envVar(
    'MLFLOW_BACKEND_STORE_URI',
    `{{ printf "postgresql+psycopg2://%s@%s:%v/%s" ${backend.username} ${backend.host} ${backend.port} ${backend.database} | quote }}`,
  ),
  secretKeyEnv('PGPASSWORD', `${backend.existingSecret}`, `${backend.passwordKey}`),
  envVar('HOME', '/tmp'),
  // MLflow reports usage to its makers unless told not to; a cluster's tracking server should not call out.
  envVar('MLFLOW_DISABLE_TELEMETRY', '"true"'),
];

/** Artifact store connection as environment: boto3 reads the endpoint and the AWS_* keys. */
export const artifactEnv = [
  // Job workers are separate Python processes holding all of MLflow each (see the README's memory notes).
  envVar('MLFLOW_SERVER_ENABLE_JOB_EXECUTION', `{{ ${values.jobs.enabled} | quote }}`),
  envVar('MLFLOW_S3_ENDPOINT_URL', `{{ ${s3.endpoint} | quote }}`),
  secretKeyEnv('AWS_ACCESS_KEY_ID', `${s3.existingSecret}`, `${s3.accessKeyKey}`),
  secretKeyEnv('AWS_SECRET_ACCESS_KEY', `${s3.existingSecret}`, `${s3.secretKeyKey}`),
];

/** templates/_env.tpl: the database environment, written once for both containers. */
export const envTemplate = () =>
  definitionFile([
    {
      name: DATABASE_ENV,
      comment: 'The database connection of the migration and the server.',
      context: 'list',
      children: databaseEnv,
    },
  ]);

/** Places the database environment in a container's env list. */
export const databaseEnvItems = () => placed(`include "${DATABASE_ENV}" $`);

/** `$s3Port`: the port of artifacts.s3.endpoint, from the URL or its scheme's default. */
export const s3EndpointPort = [
  statement(`$endpoint := urlParse ${s3.endpoint}`),
  statement('$s3Port := ternary "443" "80" (eq $endpoint.scheme "https")'),
  when('contains ":" $endpoint.host', statement('$s3Port = last (splitList ":" $endpoint.host)')),
];

/** Where the server connects: DNS aside, what its NetworkPolicy lets out. */
export const egress = [
  { comment: 'PostgreSQL, the backend store.', ports: [`${backend.port}`] },
  { comment: 'The S3 endpoint of the artifact store.', ports: ['$s3Port'] },
];
