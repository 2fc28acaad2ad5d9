import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type Writer } from './cli';

/** Runs the CLI in-process, capturing what it prints. */
function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = { write: (text: string) => ((stdout += text), true) } as Writer;
  const err = { write: (text: string) => ((stderr += text), true) } as Writer;
  const code = main(args, out, err);
  return { code, stdout, stderr };
}

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-cli-'));
  fs.copyFileSync(path.join(__dirname, '../../../chart-gen.config.json'), path.join(root, 'chart-gen.config.json'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('chart-gen generate', () => {
  it('writes every chart, then reports them up to date', () => {
    expect(run(['generate', '--root', root])).toMatchObject({ code: 0, stdout: expect.stringMatching(/minio, postgresql, mlops-stack: \d+ written/) });
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
    [['generate', 'nope', '--root', '.'], /unknown chart nope; known charts: minio, postgresql, mlops-stack/],
    [['publish'], /unknown command publish/],
    [[], /missing command/],
    [['generate', '--force'], /unknown option --force/],
    [['generate', '--root'], /--root needs a value/],
    [['generate', '--repo-url', '--check'], /--repo-url needs a value/],
  ])('%j exits 2 saying what is wrong', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('prints usage on --help', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('usage: chart-gen generate') });
  });
});
