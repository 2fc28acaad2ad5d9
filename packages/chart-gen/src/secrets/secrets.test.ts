import { generateKeyPairSync } from 'node:crypto';

import yaml from 'js-yaml';

import { charts } from '../charts';
import { findPlainSecretsInManifest } from '../checks/plain-secrets';
import dev from '../environments/dev';
import prod from '../environments/prod';
import { EXAMPLE_SETTINGS } from '../gitops/example-settings';
import { devWithExternalSecrets, devWithSealedSecrets } from './example-environments';
import { secretsFiles, secretsSyncWave } from './files';
import { secretReads } from './reads';
import { encryptionLabel, seal } from './seal';
import { validateSecretSources } from './validate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, read field by field
type Manifest = Record<string, any>;

const settings = EXAMPLE_SETTINGS;

const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const sealedFor = (name: string, keys: string[]) =>
  Object.fromEntries(
    keys.map((key) => [
      key,
      seal(publicKey, Buffer.from(`value-of-${key}`), encryptionLabel('mlops-dev', name, 'strict')),
    ]),
  );
const sealedDev = () =>
  devWithSealedSecrets(dev, {
    'minio-credentials': sealedFor('minio-credentials', ['accesskey', 'secretkey']),
    'postgresql-credentials': sealedFor('postgresql-credentials', ['password', 'postgres-password']),
  });

describe('secret reads', () => {
  it('lists every key the charts of an environment read, and who reads it', () => {
    expect(secretReads(dev, charts)).toEqual([
      // A served model reads its S3 keys from a Secret of its own.
      { secret: 'iris-classifier-s3-credentials', key: 'AWS_ACCESS_KEY_ID', readers: ['iris-classifier'] },
      { secret: 'iris-classifier-s3-credentials', key: 'AWS_SECRET_ACCESS_KEY', readers: ['iris-classifier'] },
      { secret: 'minio-credentials', key: 'accesskey', readers: ['minio', 'mlflow'] },
      { secret: 'minio-credentials', key: 'secretkey', readers: ['minio', 'mlflow'] },
      { secret: 'postgresql-credentials', key: 'password', readers: ['postgresql', 'mlflow'] },
      { secret: 'postgresql-credentials', key: 'postgres-password', readers: ['postgresql'] },
    ]);
  });
});

describe('validateSecretSources', () => {
  it('accepts the committed environments and the dev examples of both methods', () => {
    for (const env of [dev, prod, devWithExternalSecrets(dev), sealedDev()])
      expect(validateSecretSources(env, charts)).toEqual([]);
  });

  it('names the environment file and the key a source misses or adds', () => {
    const env = devWithExternalSecrets(dev);
    const source = env.secrets!['postgresql-credentials']!;
    if (source.type !== 'externalSecret') throw new Error('fixture');
    const { password: _password, ...rest } = source.data;
    env.secrets!['postgresql-credentials'] = { ...source, data: { ...rest, pasword: { key: 'postgresql' } } };
    expect(validateSecretSources(env, charts)).toEqual([
      'environments/dev.ts: secrets.postgresql-credentials.data: key password is missing (read by postgresql, mlflow)',
      'environments/dev.ts: secrets.postgresql-credentials.data.pasword: no chart reads this key ' +
        '(they read: password, postgres-password)',
    ]);
  });

  it('refuses a source for a Secret no chart reads, a bad interval and a value that is not sealed', () => {
    const env = devWithExternalSecrets(dev);
    env.secrets!['minio-credentials'] = { ...env.secrets!['minio-credentials']!, refreshInterval: 'hourly' } as never;
    env.secrets!['mino-credentials'] = { type: 'existingSecret' };
    const sealed = sealedDev();
    sealed.secrets!['minio-credentials'] = {
      type: 'sealedSecret',
      scope: 'strict',
      encryptedData: { accesskey: 'admin', secretkey: sealedFor('x', ['s']).s! },
    };
    expect([...validateSecretSources(env, charts), ...validateSecretSources(sealed, charts)]).toEqual([
      'environments/dev.ts: secrets.minio-credentials.refreshInterval: not a duration like 1h or 15m',
      'environments/dev.ts: secrets.mino-credentials: no chart of dev reads a Secret mino-credentials ' +
        '(they read: iris-classifier-s3-credentials, minio-credentials, postgresql-credentials)',
      'environments/dev.ts: secrets.minio-credentials.encryptedData.accesskey: not a sealed value; make one with chart-gen seal',
    ]);
  });
});

describe('secretsFiles', () => {
  it('writes nothing for an environment whose Secrets exist already', () => {
    expect(
      secretsFiles({ ...dev, secrets: { 'minio-credentials': { type: 'existingSecret' } } }, settings, charts),
    ).toEqual([]);
  });

  it('puts the objects beside the Applications, deployed one wave before the first chart', () => {
    const files = secretsFiles(devWithExternalSecrets(dev), settings, charts);
    expect(files.map((file) => file.path)).toEqual([
      'argocd-apps/dev/secrets.yaml',
      'argocd-apps/dev/secrets/minio-credentials.yaml',
      'argocd-apps/dev/secrets/postgresql-credentials.yaml',
    ]);
    const app = yaml.load(files[0]!.content) as Manifest;
    expect(app.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-1');
    expect(app.spec.source.path).toBe('argocd-apps/dev/secrets');
    expect(app.spec.destination.namespace).toBe('mlops-dev');
    expect(secretsSyncWave(prod, charts)).toBe(-3); // before the monitoring's wave -2
  });

  it('keeps the Secret when its ExternalSecret or SealedSecret is deleted', () => {
    const [, external] = secretsFiles(devWithExternalSecrets(dev), settings, charts);
    expect((yaml.load(external!.content) as Manifest).spec.target).toEqual({
      name: 'minio-credentials',
      creationPolicy: 'Orphan',
      deletionPolicy: 'Retain',
    });
    const [, sealed] = secretsFiles(sealedDev(), settings, charts);
    expect((yaml.load(sealed!.content) as Manifest).spec.template.metadata.annotations).toEqual({
      'sealedsecrets.bitnami.com/skip-set-owner-references': 'true',
    });
  });

  it('marks a namespace-wide SealedSecret on the object and its template', () => {
    const env = devWithSealedSecrets(
      dev,
      { 'minio-credentials': sealedFor('m', ['accesskey', 'secretkey']) },
      'namespace-wide',
    );
    const sealed = yaml.load(secretsFiles(env, settings, charts)[1]!.content) as Manifest;
    expect(sealed.metadata.annotations).toEqual({ 'sealedsecrets.bitnami.com/namespace-wide': 'true' });
    expect(sealed.spec.template.metadata.annotations['sealedsecrets.bitnami.com/namespace-wide']).toBe('true');
  });

  it('passes the plain-secret check, which catches what would leak', () => {
    for (const env of [devWithExternalSecrets(dev), sealedDev()]) {
      for (const file of secretsFiles(env, settings, charts))
        expect(findPlainSecretsInManifest(yaml.load(file.content))).toEqual([]);
    }
    expect(
      findPlainSecretsInManifest({
        kind: 'SealedSecret',
        spec: { encryptedData: { password: 'hunter22' }, template: { stringData: { user: 'admin' } } },
      }),
    ).toEqual(['spec.encryptedData.password', 'spec.template.stringData']);
    expect(
      findPlainSecretsInManifest({
        kind: 'ExternalSecret',
        spec: { target: { template: { data: { password: 'hunter22', url: 'postgres://{{ .password }}@db' } } } },
      }),
    ).toEqual(['spec.target.template.data.password']);
    expect(findPlainSecretsInManifest({ kind: 'Secret', stringData: { password: 'x' } })).toEqual(['stringData']);
  });
});
