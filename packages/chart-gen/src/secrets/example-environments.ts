import type { Environment } from '../environments/model';

/**
 * The dev environment switched to each method, as the README shows it: the tests generate, validate and apply these.
 * (The committed dev.ts keeps existingSecret: a cluster needs the operator or controller before switching.)
 */
export function devWithExternalSecrets(dev: Environment): Environment {
  return {
    ...dev,
    secrets: {
      'minio-credentials': {
        type: 'externalSecret',
        store: { kind: 'SecretStore', name: 'mlops-source' },
        refreshInterval: '1h',
        data: {
          accesskey: { key: 'minio-root', property: 'user' },
          secretkey: { key: 'minio-root', property: 'password' },
        },
      },
      'postgresql-credentials': {
        type: 'externalSecret',
        store: { kind: 'SecretStore', name: 'mlops-source' },
        refreshInterval: '1h',
        data: {
          'postgres-password': { key: 'postgresql', property: 'postgres-password' },
          password: { key: 'postgresql', property: 'password' },
        },
      },
    },
  };
}

/** Sealed values are made by the test with its own key pair (`chart-gen seal`), by Secret and key. */
export function devWithSealedSecrets(
  dev: Environment,
  sealed: Record<string, Record<string, string>>,
  scope: 'strict' | 'namespace-wide' = 'strict',
): Environment {
  return {
    ...dev,
    sealedSecrets: { certificate: 'cert.pem' },
    secrets: Object.fromEntries(
      Object.entries(sealed).map(([name, encryptedData]) => [name, { type: 'sealedSecret', scope, encryptedData }]),
    ),
  };
}
