import { findPlainSecrets } from './plain-secrets';

describe('findPlainSecrets', () => {
  it('finds passwords, secret keys and tokens in clear, by key path', () => {
    expect(
      findPlainSecrets({
        auth: { rootPassword: 'hunter22', existingSecret: 'minio-credentials' },
        s3: { secretKey: 'abc', accessKey: 'AKIA' },
        extraEnv: [{ name: 'X', apiToken: 't' }],
        webhook: { token: 42 },
      }),
    ).toEqual(['auth.rootPassword', 's3.secretKey', 's3.accessKey', 'extraEnv[0].apiToken', 'webhook.token']);
  });

  it('allows references to secrets: existingSecret, configSecret, key names, empty values', () => {
    expect(
      findPlainSecrets({
        auth: {
          existingSecret: 'pg',
          secretKeys: { password: 'password', postgresPassword: 'postgres-password' },
          password: '',
        },
        imagePullSecrets: [{ name: 'regcred' }],
        alertmanager: { alertmanagerSpec: { configSecret: 'monitoring-alertmanager-config' } },
        extraEnv: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'pg', key: 'password' } } }],
      }),
    ).toEqual([]);
  });
});
