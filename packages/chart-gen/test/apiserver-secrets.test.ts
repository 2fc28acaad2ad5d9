import { generateKeyPairSync } from 'node:crypto';

import yaml from 'js-yaml';

import { charts } from '../src/charts';
import dev from '../src/environments/dev';
import { devWithExternalSecrets, devWithSealedSecrets } from '../src/secrets/example-environments';
import { kubernetesSecretStore } from '../src/secrets/example-store';
import { secretsFiles } from '../src/secrets/files';
import { encryptionLabel, seal } from '../src/secrets/seal';
import { installCrds } from './support/apiserver/crds';
import { kubectl } from './support/apiserver/kubectl';
import { createNamespace } from './support/apiserver/namespaces';
import { describeWithControlPlane, tools, useControlPlane } from './support/apiserver/suite';

// The environments' ExternalSecrets, SealedSecrets and secrets Applications judged by their projects' own CRDs
// (external-secrets v1.3.2 config/crds/bases, sealed-secrets v0.40.0 helm/sealed-secrets/crds, Argo CD's; pinned in
// tools/versions.env, from the Go module proxy) on a real API server, with strict server-side field validation.
const SERVER_SIDE = ['apply', '--server-side', '--validate=strict', '--field-manager=argocd-controller'];

const settings = {
  repoURL: 'https://git.example.com/mlops.git',
  targetRevision: 'main',
  project: 'default',
  argocdNamespace: 'argocd',
  destinationServer: 'https://kubernetes.default.svc',
};

const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const sealedFor = (name: string, keys: string[]) =>
  Object.fromEntries(
    keys.map((key) => [
      key,
      seal(publicKey, Buffer.from(`test-${key}-4f1`), encryptionLabel('mlops-dev', name, 'strict')),
    ]),
  );

const generated = [
  ...secretsFiles(devWithExternalSecrets(dev), settings, charts),
  ...secretsFiles(
    devWithSealedSecrets(dev, {
      'minio-credentials': sealedFor('minio-credentials', ['accesskey', 'secretkey']),
      'postgresql-credentials': sealedFor('postgresql-credentials', ['password', 'postgres-password']),
    }),
    settings,
    charts,
  ),
].map((file, i) => ({ name: `${i} ${file.path} (${(yaml.load(file.content) as { kind: string }).kind})`, ...file }));

describeWithControlPlane('secret objects on a real API server', () => {
  const plane = useControlPlane(async ({ kubeconfig }) => {
    await installCrds(
      kubeconfig,
      tools().externalSecretsCrds,
      /^external-secrets\.io_(externalsecrets|secretstores|clustersecretstores)\.yaml$/,
    );
    await installCrds(kubeconfig, tools().sealedSecretsCrds);
    await installCrds(kubeconfig, tools().argocdCrds, /application-crd\.yaml$/);
    await createNamespace(kubeconfig, 'argocd', 'restricted');
    await createNamespace(kubeconfig, 'mlops-dev', 'restricted');
  });

  it.each(generated.map((file) => [file.name, file.content]))(
    '%s passes its CRD with strict validation',
    async (_, content) => {
      const result = await kubectl(plane().kubeconfig, [...SERVER_SIDE, '-f', '-'], content);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it("the README's SecretStore (Kubernetes provider) passes its CRD", async () => {
    const store = JSON.stringify(kubernetesSecretStore('mlops-dev'));
    const result = await kubectl(plane().kubeconfig, [...SERVER_SIDE, '-f', '-'], store);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses a misspelt field and a policy the CRD does not know, so the checks above can fail', async () => {
    const external = yaml.load(
      generated.find((file) => file.path.endsWith('secrets/minio-credentials.yaml'))!.content,
    ) as {
      metadata: { name: string };
      spec: { target: Record<string, unknown> };
    };
    external.metadata.name = 'misspelt';
    external.spec.target.creationPolicy = 'Owned';
    external.spec.target.deletionPolcy = 'Retain';
    const result = await kubectl(plane().kubeconfig, [...SERVER_SIDE, '-f', '-'], JSON.stringify(external));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(
      /creationPolicy: Unsupported value: "Owned"|deletionPolcy: field not declared in schema/,
    );
  });
});
