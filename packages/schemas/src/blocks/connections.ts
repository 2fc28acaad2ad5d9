import { BUCKET_NAME_PATTERN, DATA_KEY_PATTERN, obj, port, resourceName, str } from '../kit';

const SECRET_KEY = { pattern: DATA_KEY_PATTERN, minLength: 1 };

/** A PostgreSQL database another release serves; the password is read from a Secret, never from values. */
export function postgresConnectionSpec(description: string) {
  return obj(description, {
    host: str('Host of the PostgreSQL Service.', { minLength: 1 }),
    port: port('Port of the PostgreSQL Service.'),
    database: str('Database name.', { minLength: 1 }),
    username: str('Role the application connects as.', { minLength: 1 }),
    existingSecret: resourceName("Secret holding the role's password."),
    passwordKey: str('Key of the password in that Secret.', SECRET_KEY),
  });
}

/** An S3-compatible object store another release serves; the keys are read from a Secret, never from values. */
export function s3ConnectionSpec(description: string) {
  return obj(description, {
    endpoint: str('S3 endpoint URL (http://<service>:<port> for an in-cluster MinIO).', {
      pattern: '^https?://[^\\s/]+(/.*)?$',
    }),
    bucket: str('Bucket the artifacts are stored in.', { pattern: BUCKET_NAME_PATTERN }),
    existingSecret: resourceName('Secret holding the access key and secret key.'),
    accessKeyKey: str('Key of the access key in that Secret.', SECRET_KEY),
    secretKeyKey: str('Key of the secret key in that Secret.', SECRET_KEY),
  });
}
