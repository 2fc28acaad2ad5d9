import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from './support/helm';

/**
 * The build's output as users run it (packages/chart-gen/scripts/build.mjs): the bundled CLI in dist/cli.js and each
 * chart's values validator built as code in dist/validators, so that a run compiles no schema.
 */
const DIST = path.join(REPO_ROOT, 'packages/chart-gen/dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = require(path.join(DIST, 'index.js')) as typeof import('../src');

let preload: string;
beforeAll(() => {
  // Ajv compiles a schema with `new Function`; code built ahead never does. This preload makes that a failure.
  preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-built-')), 'no-compile.js');
  fs.writeFileSync(
    preload,
    "globalThis.Function = new Proxy(Function, { construct() { throw new Error('a schema was compiled'); } });\n",
  );
});
afterAll(() => fs.rmSync(path.dirname(preload), { recursive: true, force: true }));

const cli = (args: string[], nodeOptions: string[] = []) =>
  spawnSync('node', [...nodeOptions, path.join(DIST, 'cli.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

it('the bundled CLI checks every chart with the built validators, compiling none', () => {
  const run = cli(['generate', '--check'], ['--require', preload]);
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/up to date/);
  expect(run.status).toBe(0);
});

it('the guard above is real: a schema nobody built is compiled, and the preload stops it', () => {
  const script = `require(${JSON.stringify(path.join(DIST, 'schema-validator.js'))}).validator({ type: 'object' })`;
  const run = spawnSync('node', ['--require', preload, '-e', script], { encoding: 'utf8' });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('a schema was compiled');
  expect(spawnSync('node', ['-e', script]).status).toBe(0);
});

it('a built validator rejects what the schema forbids, naming the key', () => {
  for (const chart of built.charts.filter((c) => !c.dependencies?.length)) {
    const schema = built.valuesSchema(chart);
    expect(built.validateValues(schema, chart.values.defaults)).toEqual([]);
    expect(built.validateValues(schema, { ...chart.values.defaults, notAKey: 1 })).toEqual([
      'notAKey: is not a known key',
    ]);
  }
});

it('the bundled CLI prints its usage and names an unknown command', () => {
  expect(cli(['--help']).stdout).toMatch(/^usage:/);
  const unknown = cli(['frobnicate']);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/^chart-gen: unknown command frobnicate/);
});
