import { environments } from './index';

describe('environments', () => {
  it('are discovered from their files, sorted by name', () => {
    expect(environments.map((e) => e.name)).toEqual(['dev', 'prod']);
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
