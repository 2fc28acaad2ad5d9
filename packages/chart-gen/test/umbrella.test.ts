import { umbrellaCases } from './support/charts';
import { helms, type K8sObject, kindAndName, render, renderText, run } from './support/helm';
import { checkStrictly, isCustomResource, validateKubernetesObject } from './support/kube-schema';

const umbrella = umbrellaCases.find((c) => c.name === 'mlops-stack')!;
const withSecrets = ['--values', `${umbrella.dir}/ci/existing-secrets-values.yaml`];
const ofSubchart = (objects: K8sObject[], name: string) =>
  objects.filter((o) => o.metadata.labels?.['app.kubernetes.io/name'] === name);

describe.each(helms())('%s mlops-stack', (_, helm) => {
  beforeAll(() => {
    // The committed Chart.lock must be accepted as it is: a digest mismatch fails this build.
    const result = run(helm, ['dependency', 'build', umbrella.dir]);
    if (result.status !== 0) throw new Error(`helm dependency build failed:\n${result.stderr}`);
  });

  it("keeps the former manifests' object names whatever the release is called", () => {
    expect(kindAndName(render(helm, 'anything', umbrella.dir, withSecrets))).toEqual([
      'ConfigMap/postgresql-config',
      'ConfigMap/postgresql-init-scripts',
      'Deployment/minio',
      'Deployment/mlflow',
      'Job/minio-create-buckets',
      'PersistentVolumeClaim/minio-storage',
      'PersistentVolumeClaim/postgresql-storage',
      'Service/minio',
      'Service/mlflow',
      'Service/postgresql',
      'Service/postgresql-external',
      'StatefulSet/postgresql',
    ]);
  });

  it.each(['minio', 'postgresql', 'mlflow'])('removes exactly the %s objects when it is disabled', (name) => {
    const all = render(helm, 'mlops-stack', umbrella.dir, withSecrets);
    const without = render(helm, 'mlops-stack', umbrella.dir, [...withSecrets, '--set', `${name}.enabled=false`]);
    expect(ofSubchart(all, name).length).toBeGreaterThan(0);
    expect(kindAndName(without)).toEqual(kindAndName(all.filter((o) => !ofSubchart([o], name).length)));
  });

  it('syncs MLflow in a later Argo CD wave than its storage, so it starts once storage is healthy', () => {
    const waves = new Map<string, Set<string>>();
    for (const object of render(helm, 'mlops-stack', umbrella.dir, withSecrets)) {
      const name = object.metadata.labels!['app.kubernetes.io/name']!;
      const wave = object.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0';
      waves.set(name, new Set([...(waves.get(name) ?? []), wave]));
    }
    expect(Object.fromEntries([...waves].map(([name, set]) => [name, [...set]]))).toEqual({
      minio: ['0'],
      postgresql: ['0'],
      mlflow: ['1'],
    });
  });

  it('passes global settings to every subchart', () => {
    const objects = render(helm, 'mlops-stack', umbrella.dir, [
      ...withSecrets,
      '--set',
      'global.imageRegistry=registry.example.com',
    ]);
    const images = JSON.stringify(objects).match(/"image":"[^"]+"/g) ?? [];
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const image of images) expect(image).toMatch(/"image":"registry\.example\.com\//);
    const claims = objects.filter((o) => o.kind === 'PersistentVolumeClaim') as unknown as {
      spec: { storageClassName?: string };
    }[];
    expect(claims.map((c) => c.spec.storageClassName)).toEqual(['fast', 'fast']);
  });

  it.each(umbrella.valuesFiles)('lints --strict with %s', (file) => {
    const result = run(helm, ['lint', '--strict', umbrella.dir, '--values', file]);
    expect(result.stdout + result.stderr).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it.each(umbrella.valuesFiles)('renders objects valid for the Kubernetes API with %s', (file) => {
    const objects = render(helm, 'mlops-stack', umbrella.dir, ['--values', file]);
    for (const object of objects) validateKubernetesObject(object);
    const custom = objects.filter(isCustomResource).length;
    expect(checkStrictly(renderText(helm, 'mlops-stack', umbrella.dir, ['--values', file]))).toEqual({
      checked: objects.length - custom,
      skipped: custom,
    });
  });

  it.each([
    ['an unknown subchart key', ['--set', 'minio.persistence.sizee=1Gi'], /additional properties 'sizee' not allowed/],
    ['a subchart image tag latest', ['--set', 'postgresql.image.tag=latest'], /\/postgresql\/image\/tag/],
    ['an unknown top-level key', ['--set', 'kserve.enabled=true'], /additional properties 'kserve' not allowed/],
  ])('its schema checks the whole tree: refuses %s', (_, args, message) => {
    const result = run(helm, ['template', 'mlops-stack', umbrella.dir, ...withSecrets, ...args]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });
});

/** What the MLflow Deployment reads, found in the rendered umbrella. */
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

describe.each(helms())('%s mlops-stack wiring of MLflow to its storage', (_, helm) => {
  // Credentials given at install time, so the subcharts create their Secrets and the test sees their keys.
  const objects = () =>
    render(helm, 'mlops-stack', umbrella.dir, [
      '--set',
      'minio.auth.rootPassword=test-only-minio',
      '--set',
      'postgresql.auth.postgresPassword=test-only-admin',
      '--set',
      'postgresql.auth.password=test-only-mlflow',
    ]);
  const mlflowEnv = (all: K8sObject[]) => {
    const deployment = all.find((o) => o.kind === 'Deployment' && o.metadata.name === 'mlflow') as unknown as {
      spec: { template: { spec: { containers: { env: EnvVar[] }[]; initContainers: { env: EnvVar[] }[] } } };
    };
    const { containers, initContainers } = deployment.spec.template.spec;
    return [...containers[0]!.env, ...initContainers[0]!.env];
  };
  const services = (all: K8sObject[]) =>
    all
      .filter((o) => o.kind === 'Service')
      .map((o) => ({
        name: o.metadata.name,
        ports: (o as unknown as { spec: { ports: { port: number }[] } }).spec.ports.map((p) => p.port),
      }));

  it('reads only Secrets and keys that the subcharts create', () => {
    const all = objects();
    const secrets = all.filter((o) => o.kind === 'Secret') as unknown as {
      metadata: { name: string };
      data: Record<string, string>;
    }[];
    const refs = mlflowEnv(all).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : []));
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) {
      const secret = secrets.find((s) => s.metadata.name === ref.name);
      expect({ ref, secretExists: Boolean(secret), keyExists: Boolean(secret && ref.key in secret.data) }).toEqual({
        ref,
        secretExists: true,
        keyExists: true,
      });
    }
  });

  it('connects to the PostgreSQL Service, role and database the postgresql subchart creates', () => {
    const all = objects();
    const uri = new URL(mlflowEnv(all).find((e) => e.name === 'MLFLOW_BACKEND_STORE_URI')!.value!);
    expect(services(all)).toContainEqual({ name: uri.hostname, ports: [Number(uri.port)] });
    const statefulset = JSON.stringify(all.find((o) => o.kind === 'StatefulSet'));
    expect(statefulset).toContain(`{"name":"APP_USER","value":"${uri.username}"}`);
    expect(statefulset).toContain(`{"name":"APP_DATABASE","value":"${uri.pathname.slice(1)}"}`);
    expect(uri.password).toBe('');
  });

  it('stores artifacts in the MinIO Service and a bucket the minio subchart creates', () => {
    const all = objects();
    const env = mlflowEnv(all);
    const endpoint = new URL(env.find((e) => e.name === 'MLFLOW_S3_ENDPOINT_URL')!.value!);
    const minioService = services(all).find((s) => s.name === endpoint.hostname);
    expect(minioService?.ports).toContain(Number(endpoint.port));
    const deployment = JSON.stringify(all.find((o) => o.kind === 'Deployment' && o.metadata.name === 'mlflow'));
    const bucket = /s3:\/\/([a-z0-9.-]+)/.exec(deployment)![1]!;
    const buckets = JSON.stringify(all.find((o) => o.kind === 'Job'));
    expect(buckets).toMatch(new RegExp(`"name":"BUCKETS","value":"[^"]*\\b${bucket}\\b`));
  });

  it('puts no password in any rendered argument, ConfigMap or plain env value', () => {
    const all = objects();
    const rendered = JSON.stringify(all.filter((o) => o.kind !== 'Secret'));
    for (const password of ['test-only-minio', 'test-only-admin', 'test-only-mlflow'])
      expect(rendered).not.toContain(password);
  });
});
