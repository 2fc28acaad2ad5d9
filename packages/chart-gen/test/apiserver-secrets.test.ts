import { createHash, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { charts } from '../src/charts';
import { sealCommand, type SealInput } from '../src/cli/seal-command';
import type { Writer } from '../src/cli/writer';
import dev from '../src/environments/dev';
import { devWithExternalSecrets, devWithSealedSecrets } from '../src/secrets/example-environments';
import { kubernetesSecretStore } from '../src/secrets/example-store';
import { secretsFiles } from '../src/secrets/files';
import { encryptionLabel, seal } from '../src/secrets/seal';
import { installCrds } from './support/apiserver/crds';
import { kubectl } from './support/apiserver/kubectl';
import { createNamespace } from './support/apiserver/namespaces';
import { canUnshareMounts, startSealedSecretsController } from './support/apiserver/sealed-secrets-controller';
import type { ServerProcess } from './support/apiserver/server-process';
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

  // The controller itself: it unseals what `chart-gen seal` wrote into a real Secret with the keys the charts read,
  // keeps that Secret when its SealedSecret goes, and refuses a copy in another namespace.
  const describeController = canUnshareMounts() ? describe : describe.skip;
  describeController('the Sealed Secrets controller', () => {
    const VALUES: Record<string, Record<string, string>> = {
      'postgresql-credentials': { password: 'Ctl-app-83b1!k', 'postgres-password': 'Ctl-su-d20e#w' },
      'minio-credentials': { accesskey: 'mlops-root', secretkey: 'Ctl-minio-5c9a$' },
    };
    const env = { ...dev, namespace: 'mlops-unseal' };
    let controller: ServerProcess;
    let files: { path: string; content: string }[];

    beforeAll(async () => {
      const { kubeconfig, dir } = plane();
      const started = await startSealedSecretsController(dir, tools().sealedSecretsController, kubeconfig);
      controller = started.controller;
      const cert = path.join(dir, 'controller-cert.pem');
      fs.writeFileSync(cert, await (await fetch(`${started.base}/v1/cert.pem`)).text());
      const sealed: Record<string, Record<string, string>> = {};
      for (const [name, keys] of Object.entries(VALUES)) {
        sealed[name] = {};
        for (const [key, value] of Object.entries(keys)) {
          let printed = '';
          const out = { write: (text: string) => ((printed += text), true) } as Writer;
          const input: SealInput = {
            stdin: async () => Buffer.from(value),
            stdinIsTerminal: false,
            fetchText: fetch as never,
          };
          const args = [
            '--namespace',
            env.namespace,
            '--name',
            name,
            '--scope',
            'strict',
            '--cert',
            cert,
            '--root',
            dir,
          ];
          await sealCommand(args, out, { write: () => true } as unknown as Writer, input);
          sealed[name][key] = printed.trim();
        }
      }
      files = secretsFiles(devWithSealedSecrets(env, sealed), settings, charts).filter((f) =>
        f.path.includes('/secrets/'),
      );
      await createNamespace(kubeconfig, env.namespace, 'restricted');
      await createNamespace(kubeconfig, 'mlops-copy', 'restricted');
    }, 180_000);
    afterAll(async () => controller?.stop(), 30_000);

    const digest = (data: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(data).map(([key, value]) => [
          key,
          createHash('sha256').update(Buffer.from(value, 'base64')).digest('hex'),
        ]),
      );
    const digestOf = (values: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(values).map(([key, value]) => [key, createHash('sha256').update(value).digest('hex')]),
      );

    type Secret = { metadata: { ownerReferences?: unknown[] }; data: Record<string, string> };
    async function waitForSecret(namespace: string, name: string, timeoutMs = 60_000): Promise<Secret | undefined> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const got = await kubectl(plane().kubeconfig, ['get', 'secret', name, '-n', namespace, '-o', 'json']);
        if (got.status === 0) return JSON.parse(got.stdout) as Secret;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return undefined;
    }

    it('unseals each SealedSecret into a Secret holding exactly the keys and values sealed', async () => {
      for (const file of files) {
        const applied = await kubectl(plane().kubeconfig, [...SERVER_SIDE, '-f', '-'], file.content);
        expect(applied.stderr).toBe('');
      }
      for (const [name, values] of Object.entries(VALUES)) {
        const secret = await waitForSecret(env.namespace, name);
        if (!secret) throw new Error(`no Secret ${name} within 60 s\n${controller.tail()}`);
        // Compared by digest: a failure shows no value.
        expect(digest(secret.data)).toEqual(digestOf(values));
        expect(secret.metadata.ownerReferences).toBeUndefined();
      }
    }, 150_000);

    it('keeps the Secret when its SealedSecret is deleted (a running database still reads it)', async () => {
      const { kubeconfig } = plane();
      await kubectl(kubeconfig, ['delete', 'sealedsecret', 'postgresql-credentials', '-n', env.namespace, '--wait']);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await waitForSecret(env.namespace, 'postgresql-credentials', 5_000)).toBeDefined();
    }, 60_000);

    it('refuses to unseal a copy in another namespace (strict scope)', async () => {
      const { kubeconfig } = plane();
      const copy = files
        .find((f) => f.path.endsWith('minio-credentials.yaml'))!
        .content.replaceAll(`namespace: ${env.namespace}`, 'namespace: mlops-copy');
      expect((await kubectl(kubeconfig, [...SERVER_SIDE, '-f', '-'], copy)).stderr).toBe('');
      expect(await waitForSecret('mlops-copy', 'minio-credentials', 15_000)).toBeUndefined();
      const status = await kubectl(kubeconfig, [
        'get',
        'sealedsecret',
        'minio-credentials',
        '-n',
        'mlops-copy',
        '-o',
        'json',
      ]);
      const conditions = (
        JSON.parse(status.stdout) as { status?: { conditions?: { status: string; message?: string }[] } }
      ).status?.conditions;
      expect(conditions?.[0]?.status).toBe('False');
      expect(conditions?.[0]?.message).toMatch(/no key could decrypt secret/);
    }, 60_000);
  });
});
