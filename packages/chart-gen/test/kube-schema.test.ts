import { validateKubernetesObject } from './support/kube-schema';

// The render tests trust this validator; it must actually reject what the API server would.
describe('validateKubernetesObject', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i:1' }] } } },
  };

  it('accepts a valid object', () => expect(() => validateKubernetesObject(deployment)).not.toThrow());

  it('rejects a field of the wrong type, naming the object', () => {
    const broken = JSON.parse(JSON.stringify(deployment));
    broken.spec.template.spec.containers[0].ports = [{ containerPort: '9000x' }];
    expect(() => validateKubernetesObject(broken)).toThrow(/Deployment\/x: .*containerPort/);
  });

  it('rejects a kind it has no schema for', () => {
    expect(() => validateKubernetesObject({ ...deployment, kind: 'Deploymnet' })).toThrow(/no Kubernetes schema for apps\/v1 Deploymnet/);
  });
});
