import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { charts } from '../charts';
import { main, type Writer } from './main';

const allNames = charts.map((c) => c.name).join(', ');

/** Runs the CLI in-process, capturing what it prints. */
function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = { write: (text: string) => ((stdout += text), true) } as Writer;
  const err = { write: (text: string) => ((stderr += text), true) } as Writer;
  const code = main(args, out, err);
  return { code, stdout, stderr };
}

/** The same for commands that answer with a promise (publish). */
async function runAsync(args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = { write: (text: string) => ((stdout += text), true) } as Writer;
  const err = { write: (text: string) => ((stderr += text), true) } as Writer;
  const code = await main(args, out, err);
  return { code, stdout, stderr };
}

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-cli-'));
  fs.copyFileSync(path.join(__dirname, '../../../../chart-gen.config.json'), path.join(root, 'chart-gen.config.json'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('chart-gen generate', () => {
  it('writes every chart, then reports them up to date', () => {
    expect(run(['generate', '--root', root])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`${allNames}: `),
    });
    expect(fs.existsSync(path.join(root, 'charts/minio/values.schema.json'))).toBe(true);
    expect(run(['generate', '--root', root])).toMatchObject({ code: 0, stdout: expect.stringContaining('up to date') });
  });

  it('generates only the named chart', () => {
    expect(run(['generate', 'postgresql', '--root', root]).code).toBe(0);
    expect(fs.readdirSync(path.join(root, 'charts'))).toEqual(['postgresql']);
  });

  it('takes the Argo CD repository from --repo-url over the settings file', () => {
    expect(run(['generate', 'minio', '--root', root, '--repo-url', 'https://git.example.com/other.git']).code).toBe(0);
    const app = fs.readFileSync(path.join(root, 'argocd-apps/dev/components/minio.yaml'), 'utf8');
    expect(app).toContain('repoURL: https://git.example.com/other.git');
  });

  it('says which setting is missing when there is no settings file', () => {
    fs.rmSync(path.join(root, 'chart-gen.config.json'));
    const result = run(['generate', '--root', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/gitops setting repoURL is not set/);
  });
});

describe('chart-gen generate --check', () => {
  beforeEach(() => run(['generate', '--root', root]));

  it('exits 0 and writes nothing when up to date', () => {
    expect(run(['generate', '--check', '--root', root])).toMatchObject({ code: 0 });
  });

  it('exits 1 listing changed and stale files, and writes nothing', () => {
    const values = path.join(root, 'charts/minio/values.yaml');
    fs.writeFileSync(values, 'edited: by hand\n');
    fs.writeFileSync(path.join(root, 'charts/postgresql/templates/extra.yaml'), 'kind: ConfigMap\n');
    const result = run(['generate', '--check', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('changed  charts/minio/values.yaml');
    expect(result.stderr).toContain('stale    charts/postgresql/templates/extra.yaml');
    expect(fs.readFileSync(values, 'utf8')).toBe('edited: by hand\n');
    expect(fs.existsSync(path.join(root, 'charts/postgresql/templates/extra.yaml'))).toBe(true);
  });

  it('on a run over every chart, removes what a removed chart left behind, except hand-written files', () => {
    const orphan = path.join(root, 'charts/retired');
    fs.cpSync(path.join(root, 'charts/minio'), orphan, { recursive: true });
    fs.mkdirSync(path.join(orphan, 'tests'));
    fs.writeFileSync(path.join(orphan, 'tests/deployment_test.yaml'), 'suite: hand-written\n');
    fs.copyFileSync(
      path.join(root, 'argocd-apps/dev/components/minio.yaml'),
      path.join(root, 'argocd-apps/dev/retired.yaml'),
    );
    const check = run(['generate', '--check', '--root', root]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale    argocd-apps/dev/retired.yaml');
    expect(check.stderr).toContain('stale    charts/retired/templates/deployment.yaml');
    expect(run(['generate', 'minio', '--check', '--root', root]).code).toBe(0);
    expect(run(['generate', '--root', root]).code).toBe(0);
    expect(fs.existsSync(path.join(root, 'argocd-apps/dev/retired.yaml'))).toBe(false);
    expect(fs.existsSync(path.join(orphan, 'Chart.yaml'))).toBe(false);
    expect(fs.existsSync(path.join(orphan, 'templates'))).toBe(false);
    expect(fs.readFileSync(path.join(orphan, 'tests/deployment_test.yaml'), 'utf8')).toBe('suite: hand-written\n');
  });

  it('keeps hand-written files outside the generated folders', () => {
    const suite = path.join(root, 'charts/minio/tests/deployment_test.yaml');
    fs.mkdirSync(path.dirname(suite), { recursive: true });
    fs.writeFileSync(suite, 'suite: hand-written\n');
    expect(run(['generate', '--check', '--root', root]).code).toBe(0);
    run(['generate', '--root', root]);
    expect(fs.readFileSync(suite, 'utf8')).toBe('suite: hand-written\n');
  });
});

describe('chart-gen usage errors', () => {
  it.each([
    [['generate', 'nope', '--root', '.'], new RegExp(`unknown chart nope; known charts: ${allNames}`)],
    [['new'], /new takes exactly one chart name/],
    [['new', 'svc', '--port', '80'], /--image is required/],
    [['deploy'], /unknown command deploy/],
    [['publish', 'ftp://charts.example.com'], /give an oci:\/\/ registry or an http\(s\):\/\/ chart repository/],
    [['publish', 'https://admin:secret@charts.example.com'], /not in the URL/],
    [['verify', 'https://charts.example.com'], /verify <https:\/\/…> needs --keyring <public keyring>/],
    [['verify', 'oci://registry.example.com/charts'], /verify <oci:\/\/…> needs --key <cosign public key>/],
    [['publish', 'https://charts.example.com', '--sign-key', 'charts', '--root', '.'], /needs a keyring/],
    [[], /missing command/],
    [['generate', '--force'], /unknown option --force/],
    [['generate', '--root'], /--root needs a value/],
    [['generate', '--repo-url', '--check'], /--repo-url needs a value/],
  ])('%j exits 2 saying what is wrong', async (args, message) => {
    const result = await runAsync(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('secret');
  });

  it('prints usage on --help', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('chart-gen generate [chart...]');
    expect(help.stdout).toContain('chart-gen new <name> --image');
  });
});

describe('chart-gen new', () => {
  beforeEach(() => {
    const charts = path.join(root, 'packages/chart-gen/src/charts');
    fs.mkdirSync(charts, { recursive: true });
    for (const file of fs.readdirSync(path.join(__dirname, '../charts')).filter((name) => name.endsWith('.ts'))) {
      fs.copyFileSync(path.join(__dirname, '../charts', file), path.join(charts, file));
    }
  });

  it('writes the definition, registers it, and adds the Nx project and a smoke suite', () => {
    const result = run([
      'new',
      'feature-store',
      '--image',
      'ghcr.io/acme/feast:0.40.1',
      '--port',
      '6566',
      '--persistence',
      '5Gi',
      '--credentials',
      'apiKey',
      '--root',
      root,
    ]);
    expect(result).toMatchObject({ code: 0 });
    const definition = fs.readFileSync(path.join(root, 'packages/chart-gen/src/charts/feature-store.ts'), 'utf8');
    expect(definition).toContain('export const featureStore: ChartDefinition = webApplication({');
    expect(definition).toContain("image: { registry: 'ghcr.io', repository: 'acme/feast', tag: '0.40.1' },");
    expect(definition).toContain("persistence: { size: '5Gi', mountPath: '/data' },");
    expect(definition).toContain("apiKey: { description: 'api key', minLength: 8, env: 'API_KEY', key: 'api-key' },");
    const registry = fs.readFileSync(path.join(root, 'packages/chart-gen/src/charts/index.ts'), 'utf8');
    expect(registry).toContain("import { featureStore } from './feature-store';");
    // Rewritten whole from the folder's modules, in name order, one chart a line; the others are kept.
    expect(registry).toMatch(/\[\n {2}featureStore,\n {2}gpuOperator,\n(?: {2}[a-zA-Z]+,\n)* {2}minio,\n/);
    expect(registry.indexOf("from './feature-store'")).toBeLessThan(registry.indexOf("from './gpu-operator'"));
    expect(
      JSON.parse(fs.readFileSync(path.join(root, 'charts/feature-store/project.json'), 'utf8')).targets.generate
        .command,
    ).toBe('node packages/chart-gen/dist/cli.js generate feature-store');
    expect(fs.readFileSync(path.join(root, 'charts/feature-store/tests/smoke_test.yaml'), 'utf8')).toContain(
      'value: ghcr.io/acme/feast:0.40.1',
    );
  });

  it.each([
    [['BadName', '--image', 'a/b:1', '--port', '80'], /name BadName: use lowercase letters/],
    [['minio', '--image', 'a/b:1', '--port', '80'], /name minio: a chart of that name exists/],
    [['svc', '--image', 'acme/svc:latest', '--port', '80'], /pin a version/],
    [['svc', '--image', 'acme/svc', '--port', '80'], /expected \[registry\/\]repository:tag/],
    [['svc', '--image', 'a/b:1', '--port', '70000'], /--port 70000: expected 1-65535/],
    [['svc', '--image', 'a/b:1', '--port', '80', '--persistence', '10GB'], /--persistence 10GB: expected a size/],
    [
      ['svc', '--image', 'a/b:1', '--port', '80', '--credentials', 'API_KEY'],
      /--credentials API_KEY: use a camelCase name/,
    ],
  ])('refuses %j, naming the option, and writes nothing', (args, message) => {
    const before = fs.readFileSync(path.join(root, 'packages/chart-gen/src/charts/index.ts'), 'utf8');
    const result = run(['new', ...args, '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(fs.readFileSync(path.join(root, 'packages/chart-gen/src/charts/index.ts'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(root, 'charts'))).toBe(false);
  });

  it('--kind model writes a short model definition, its registration, Nx project and smoke suite', () => {
    const uri = 's3://mlflow-artifacts/1/0a1b2c/artifacts/model';
    const args = ['new', 'churn', '--kind', 'model', '--format', 'mlflow', '--storage-uri', uri, '--gpu', '1'];
    expect(run([...args, '--root', root])).toMatchObject({ code: 0 });
    const definition = fs.readFileSync(path.join(root, 'packages/chart-gen/src/charts/churn.ts'), 'utf8');
    expect(definition).toContain('export const churn: ChartDefinition = model({');
    expect(definition).toContain(`storageUri: '${uri}',`);
    expect(definition).toContain('gpu: 1,');
    expect(definition.split('\n').length).toBeLessThanOrEqual(15);
    const registry = fs.readFileSync(path.join(root, 'packages/chart-gen/src/charts/index.ts'), 'utf8');
    expect(registry).toContain("import { churn } from './churn';");
    expect(fs.readFileSync(path.join(root, 'charts/churn/tests/smoke_test.yaml'), 'utf8')).toContain(`value: ${uri}`);
  });

  it.each([
    [['m', '--kind', 'model', '--format', 'mlflow', '--storage-uri', 's3://b/m'], /name m: use lowercase/],
    [['mod', '--kind', 'model', '--format', 'caffe', '--storage-uri', 's3://b/m'], /--format caffe: expected one of/],
    [['mod', '--kind', 'model', '--format', 'mlflow', '--storage-uri', 'ftp://b/m'], /--storage-uri ftp:\/\/b\/m/],
    [['mod', '--kind', 'model', '--format', 'mlflow', '--storage-uri', 's3://b/m', '--gpu', '9'], /--gpu 9: expected/],
  ])('--kind model refuses %j, naming the option, and writes nothing', (args, message) => {
    const result = run(['new', ...args, '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(fs.existsSync(path.join(root, 'charts'))).toBe(false);
  });
});
