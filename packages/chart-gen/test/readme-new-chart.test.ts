import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { type Application, argocdTemplateArgs } from './support/argocd';
import { helms, helmUnittest, REPO_ROOT } from './support/helm';

/**
 * The README's "Adding a new application" commands, run exactly as written in a copy of the repository, must leave
 * it green: the new chart generates, the committed output is current, lint passes, every environment's Application
 * renders as Argo CD renders it, and the chart's smoke suite passes.
 */

/** The shell commands of the README's example (continuation lines joined, comments dropped). */
function readmeCommands(): string[] {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Adding a new application'));
  const block = /```bash\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+# .*$/, '').trim())
    .filter(Boolean);
}

const COPIED = [
  'packages',
  'charts',
  'argocd-apps',
  'scripts',
  'nx.json',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'chart-gen.config.json',
  'eslint.config.mjs',
  '.prettierrc.json',
  '.prettierignore',
  '.editorconfig',
];

let workspace: string;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const shell = (command: string) =>
  execFileSync('bash', ['-c', command], { cwd: workspace, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const commands = readmeCommands();

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-readme-'));
  for (const entry of COPIED) {
    // Timestamps kept: a lock newer than node_modules would make `npm run generate` reinstall.
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(workspace, entry), {
      recursive: true,
      preserveTimestamps: true,
      filter: (source) => !/\/(node_modules|\.nx)(\/|$)/.test(source),
    });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(workspace, 'node_modules'));
  // Define and generate, exactly as the README says; the third line is this suite's own checks.
  shell(commands[0]!);
  shell(commands[1]!);
}, 300_000);

afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

it('is define, generate, then npm test and commit', () => {
  expect(commands).toHaveLength(3);
  expect(commands[0]).toMatch(/^npx nx run chart-gen:new feature-store /);
  expect(commands[1]).toBe('npm run generate');
  expect(commands[2]).toMatch(/^npm test /);
});

it('leaves the committed output current and the code lint-clean', () => {
  expect(shell('node packages/chart-gen/dist/cli.js generate --check')).toMatch(/up to date/);
  expect(shell('npx eslint . && npx prettier --check . 2>&1')).toMatch(/All matched files use Prettier code style/);
});

describe.each(helms())('%s', (_, helm) => {
  const files = () =>
    fs
      .readdirSync(path.join(workspace, 'argocd-apps'))
      .map((env) => `argocd-apps/${env}/feature-store.yaml`)
      .filter((file) => fs.existsSync(path.join(workspace, file)));

  it('renders the new chart as every environment’s Application asks, credentials from the existing Secret', () => {
    expect(files().length).toBeGreaterThan(0);
    for (const file of files()) {
      const app = yaml.load(fs.readFileSync(path.join(workspace, file), 'utf8')) as Application;
      const rendered = execFileSync(helm, argocdTemplateArgs(app, '1.32.0'), { cwd: workspace, encoding: 'utf8' });
      expect({ file, readsSecret: rendered.includes('name: feature-store-credentials') }).toEqual({
        file,
        readsSecret: true,
      });
      expect({ file, createsSecret: /kind: Secret\n/.test(rendered) }).toEqual({ file, createsSecret: false });
    }
  });
});

it('passes the new chart’s smoke suite', () => {
  expect(shell(`${helmUnittest()} --strict --color=false charts/feature-store`)).toMatch(/Tests:\s+\d+ passed/);
});
