import { umbrellaCases } from './support/charts';
import { helms, kindAndName, render, run, type K8sObject } from './support/helm';
import { validateKubernetesObject } from './support/kube-schema';

const umbrella = umbrellaCases.find((c) => c.name === 'mlops-stack')!;
const withSecrets = ['--values', `${umbrella.dir}/ci/existing-secrets-values.yaml`];
const ofSubchart = (objects: K8sObject[], name: string) => objects.filter((o) => o.metadata.labels?.['app.kubernetes.io/name'] === name);

describe.each(helms())('%s mlops-stack', (_, helm) => {
  beforeAll(() => {
    // The committed Chart.lock must be accepted as it is: a digest mismatch fails this build.
    const result = run(helm, ['dependency', 'build', umbrella.dir]);
    if (result.status !== 0) throw new Error(`helm dependency build failed:\n${result.stderr}`);
  });

  it('keeps the former manifests\' object names whatever the release is called', () => {
    expect(kindAndName(render(helm, 'anything', umbrella.dir, withSecrets))).toEqual([
      'ConfigMap/postgresql-config',
      'ConfigMap/postgresql-init-scripts',
      'Deployment/minio',
      'Job/minio-create-buckets',
      'PersistentVolumeClaim/minio-storage',
      'PersistentVolumeClaim/postgresql-storage',
      'Service/minio',
      'Service/postgresql',
      'Service/postgresql-external',
      'StatefulSet/postgresql',
    ]);
  });

  it.each(['minio', 'postgresql'])('removes exactly the %s objects when it is disabled', (name) => {
    const all = render(helm, 'mlops-stack', umbrella.dir, withSecrets);
    const without = render(helm, 'mlops-stack', umbrella.dir, [...withSecrets, '--set', `${name}.enabled=false`]);
    expect(ofSubchart(all, name).length).toBeGreaterThan(0);
    expect(kindAndName(without)).toEqual(kindAndName(all.filter((o) => !ofSubchart([o], name).length)));
  });

  it('passes global settings to every subchart', () => {
    const objects = render(helm, 'mlops-stack', umbrella.dir, [...withSecrets, '--set', 'global.imageRegistry=registry.example.com']);
    const images = JSON.stringify(objects).match(/"image":"[^"]+"/g) ?? [];
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const image of images) expect(image).toMatch(/"image":"registry\.example\.com\//);
    const claims = objects.filter((o) => o.kind === 'PersistentVolumeClaim') as unknown as { spec: { storageClassName?: string } }[];
    expect(claims.map((c) => c.spec.storageClassName)).toEqual(['fast', 'fast']);
  });

  it.each(umbrella.valuesFiles)('lints --strict with %s', (file) => {
    const result = run(helm, ['lint', '--strict', umbrella.dir, '--values', file]);
    expect(result.stdout + result.stderr).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it.each(umbrella.valuesFiles)('renders objects valid for the Kubernetes API with %s', (file) => {
    for (const object of render(helm, 'mlops-stack', umbrella.dir, ['--values', file])) validateKubernetesObject(object);
  });

  it.each([
    ['an unknown subchart key', ['--set', 'minio.persistence.sizee=1Gi'], /additional properties 'sizee' not allowed/],
    ['a subchart image tag latest', ['--set', 'postgresql.image.tag=latest'], /\/postgresql\/image\/tag/],
    ['an unknown top-level key', ['--set', 'mlflow.enabled=true'], /additional properties 'mlflow' not allowed/],
  ])('its schema checks the whole tree: refuses %s', (_, args, message) => {
    const result = run(helm, ['template', 'mlops-stack', umbrella.dir, ...withSecrets, ...args]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });
});
