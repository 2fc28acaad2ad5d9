import yaml from 'js-yaml';

import { checkStrictly, validateKubernetesObject } from './support/kube-schema';

// The render tests trust these validators; they must actually reject what the API server would.
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x' },
  spec: {
    selector: { matchLabels: { a: 'b' } },
    template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i:1' }] } },
  },
};

describe('validateKubernetesObject', () => {
  it('accepts a valid object', () => expect(() => validateKubernetesObject(deployment)).not.toThrow());

  it('rejects a field of the wrong type, naming the object', () => {
    const broken = JSON.parse(JSON.stringify(deployment));
    broken.spec.template.spec.containers[0].ports = [{ containerPort: '9000x' }];
    expect(() => validateKubernetesObject(broken)).toThrow(/Deployment\/x: .*containerPort/);
  });

  it('rejects a kind it has no schema for', () => {
    expect(() => validateKubernetesObject({ ...deployment, kind: 'Deploymnet' })).toThrow(
      /no Kubernetes schema for apps\/v1 Deploymnet/,
    );
  });
});

describe('checkStrictly', () => {
  it('accepts valid manifests and counts custom resources as skipped', () => {
    const custom = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'r' },
      spec: {},
    };
    expect(checkStrictly(`${yaml.dump(deployment)}---\n${yaml.dump(custom)}`)).toEqual({ checked: 1, skipped: 1 });
  });

  it('rejects a misspelt field that kubernetes-models lets through, naming it', () => {
    const misspelt = JSON.parse(JSON.stringify(deployment));
    misspelt.spec.template.spec.containers[0].securityContext = { readOnlyRootFileSystem: true };
    expect(() => validateKubernetesObject(misspelt)).not.toThrow();
    expect(() => checkStrictly(yaml.dump(misspelt))).toThrow(
      /Deployment x: strict decoding error: unknown field "spec.template.spec.containers\[0\].securityContext.readOnlyRootFileSystem"/,
    );
  });
});
