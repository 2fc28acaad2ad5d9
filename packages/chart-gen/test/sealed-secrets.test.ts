import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { charts } from '../src/charts';
import { sealCommand, type SealInput } from '../src/cli/seal-command';
import type { Writer } from '../src/cli/writer';
import dev from '../src/environments/dev';
import { EXAMPLE_SETTINGS } from '../src/gitops/example-settings';
import { devWithSealedSecrets } from '../src/secrets/example-environments';
import { secretsFiles } from '../src/secrets/files';
import type { SealingScope } from '../src/secrets/sources';

// What `chart-gen seal` writes, unsealed by the sealed-secrets project's own code at the pinned version
// (tools/sealed-secrets: pkg/apis/sealedsecrets/v1alpha1 Unseal, as the controller calls it), with a
// key pair made by its own key generation. The values below are test values, made up here, never printed.
const unsealCheck = process.env.UNSEAL_CHECK;
const describeWithUnseal = unsealCheck && fs.existsSync(unsealCheck) ? describe : describe.skip;
if (!unsealCheck)
  console.warn('skipped: sealed-secrets round trip (UNSEAL_CHECK is not set: source scripts/tool-env.sh)');

const settings = EXAMPLE_SETTINGS;

const VALUES: Record<string, Record<string, string>> = {
  'postgresql-credentials': { password: 'Dev-app-9f2c!x', 'postgres-password': 'Dev-su-41d7#q' },
  'minio-credentials': { accesskey: 'mlops-root', secretkey: 'Dev-minio-77ab$' },
};

const quiet = { write: () => true } as unknown as Writer;

describeWithUnseal('chart-gen seal and the real sealed-secrets code', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-unseal-'));
    execFileSync(unsealCheck!, ['keygen', dir]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Seals every test value through the command (half from a file, half from standard input). */
  async function sealAll(scope: SealingScope) {
    const sealed: Record<string, Record<string, string>> = {};
    let n = 0;
    for (const [name, keys] of Object.entries(VALUES)) {
      sealed[name] = {};
      for (const [key, value] of Object.entries(keys)) {
        let printed = '';
        const out = { write: (text: string) => ((printed += text), true) } as Writer;
        const args = ['--namespace', 'mlops-dev', '--name', name, '--key', key, '--scope', scope];
        const cert = ['--cert', path.join(dir, 'tls.crt'), '--root', dir];
        const input: SealInput = {
          stdin: async () => Buffer.from(`${value}\n`),
          stdinIsTerminal: false,
          fetchText: fetch as never,
        };
        if (n++ % 2) {
          fs.writeFileSync(path.join(dir, 'value'), `${value}\n`, { mode: 0o600 });
          await sealCommand([...args, ...cert, '--from-file', path.join(dir, 'value')], out, quiet, input);
        } else await sealCommand([...args, ...cert], out, quiet, input);
        expect(printed).not.toContain(value);
        sealed[name][key] = printed.trim();
      }
    }
    return sealed;
  }

  /** Writes the generated SealedSecrets and unseals each, optionally as a copy in another namespace or name. */
  function unseal(
    scope: SealingScope,
    sealed: Record<string, Record<string, string>>,
    move?: { namespace?: string; name?: string },
  ) {
    const env = devWithSealedSecrets(dev, sealed, scope);
    return secretsFiles(env, settings, charts)
      .filter((file) => file.path.includes('/secrets/'))
      .map((file) => {
        let content = file.content;
        if (move?.name) content = content.replace(/^ {2}name: .*$/m, `  name: ${move.name}`);
        const target = path.join(dir, path.basename(file.path));
        fs.writeFileSync(target, content);
        const args = move?.namespace
          ? ['unseal-as', path.join(dir, 'tls.key'), target, move.namespace]
          : ['unseal', path.join(dir, 'tls.key'), target];
        const result = spawnSync(unsealCheck!, args, { encoding: 'utf8' });
        return { file: path.basename(file.path), status: result.status, stdout: result.stdout, stderr: result.stderr };
      });
  }

  it('unseals to exactly the input, in the right namespace and name (strict scope)', async () => {
    const results = unseal('strict', await sealAll('strict'));
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(result.status).toBe(0);
      const secret = JSON.parse(result.stdout) as { name: string; namespace: string; data: Record<string, string> };
      expect(secret.namespace).toBe('mlops-dev');
      expect(secret.data).toEqual(VALUES[secret.name]);
    }
  });

  it('fails to unseal a copy in another namespace or under another name (strict scope), printing no value', async () => {
    const sealed = await sealAll('strict');
    for (const result of [
      ...unseal('strict', sealed, { namespace: 'mlops' }),
      ...unseal('strict', sealed, { name: 'renamed' }),
    ]) {
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/no key could decrypt secret/);
      for (const value of Object.values(VALUES).flatMap(Object.values))
        expect(result.stdout + result.stderr).not.toContain(value);
    }
  });

  it('namespace-wide scope: a renamed copy unseals, a copy in another namespace does not', async () => {
    const sealed = await sealAll('namespace-wide');
    expect(unseal('namespace-wide', sealed, { name: 'renamed' }).map((r) => r.status)).toEqual([0, 0]);
    expect(unseal('namespace-wide', sealed, { namespace: 'mlops' }).map((r) => r.status)).toEqual([1, 1]);
  });
});
