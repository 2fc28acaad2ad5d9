import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { charts } from '../charts';
import dev from '../environments/dev';
import prod from '../environments/prod';
import { InvalidValuesError } from '../generate';
import { generate } from '../generate-all';
import { EXAMPLE_SETTINGS } from '../gitops/example-settings';
import { devWithExternalSecrets } from './example-environments';

const settings = EXAMPLE_SETTINGS;

let root: string;
beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-secrets-'))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const run = (environments: (typeof dev)[]) =>
  generate(root, [...charts], { check: false, settings, known: charts, environments });

describe('generate with secret sources', () => {
  it('writes the secret objects with the charts, and removes them when the environment goes back to existingSecret', () => {
    run([devWithExternalSecrets(dev), { ...prod, secrets: {} }]);
    expect(fs.readdirSync(path.join(root, 'argocd-apps/dev/secrets')).sort()).toEqual([
      'minio-credentials.yaml',
      'postgresql-credentials.yaml',
    ]);
    expect(fs.existsSync(path.join(root, 'argocd-apps/dev/secrets.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'argocd-apps/prod/secrets.yaml'))).toBe(false);
    const { drift } = run([{ ...dev, secrets: {} }, prod]);
    expect(drift.stale.filter((file) => file.includes('secrets')).sort()).toEqual([
      'argocd-apps/dev/secrets.yaml',
      'argocd-apps/dev/secrets/minio-credentials.yaml',
      'argocd-apps/dev/secrets/postgresql-credentials.yaml',
    ]);
    expect(fs.existsSync(path.join(root, 'argocd-apps/dev/secrets.yaml'))).toBe(false);
  });

  it('writes nothing when a source misses a key, naming the environment file and the key', () => {
    const env = devWithExternalSecrets(dev);
    const source = env.secrets!['minio-credentials']!;
    if (source.type !== 'externalSecret') throw new Error('fixture');
    env.secrets!['minio-credentials'] = { ...source, data: { accesskey: source.data.accesskey! } };
    expect(() => run([env, prod])).toThrow(InvalidValuesError);
    expect(() => run([env, prod])).toThrow(
      /environments\/dev\.ts: secrets\.minio-credentials\.data: key secretkey is missing \(read by minio, mlflow\)/,
    );
    expect(fs.readdirSync(root)).toEqual([]);
  });
});
