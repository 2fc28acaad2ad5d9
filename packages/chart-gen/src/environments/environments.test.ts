import * as fs from 'node:fs';

import { environments } from './index';

describe('environments', () => {
  it('are discovered from their files, one per file, sorted by name', () => {
    const names = environments.map((e) => e.name);
    const files = fs
      .readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts') && !/^(index|model)\.ts$|\.test\.ts$/.test(f));
    expect(names).toEqual(expect.arrayContaining(['dev', 'prod']));
    expect(names).toHaveLength(files.length);
    expect(names).toEqual([...names].sort());
  });

  it('carry the former dev overlay: namespace mlops-dev, one MinIO replica, 250m / 512Mi', () => {
    const dev = environments.find((e) => e.name === 'dev')!;
    expect(dev.namespace).toBe('mlops-dev');
    expect(dev.values.minio?.replicas).toBe(1);
    expect(dev.values.minio?.resources?.requests).toEqual({ cpu: '250m', memory: '512Mi' });
  });

  it('reference existing Secrets and hold no password', () => {
    for (const env of environments) {
      expect(env.values.minio?.auth).toEqual({ existingSecret: 'minio-credentials' });
      expect(env.values.postgresql?.auth).toEqual({ existingSecret: 'postgresql-credentials' });
    }
  });
});
