// Prints how long generation takes: in-process per chart and for all charts (median of repeated runs after a
// warm-up); `chart-gen generate <one chart>` as a process; 200 synthetic charts in-process, to show the time per chart
// stays flat; each chart's render overhead (`helm template` over `helm version`, paired runs, and again without the
// values schema check, which shows that check's share); and the wall time of
// `nx run-many -t generate` cold (cache skipped) and warm (cache hit).
// Targets: all charts in-process under 100 ms; one chart as a process under 300 ms; 200 synthetic charts under 2 s;
// render overhead at most 1.10x; warm Nx run under 2 s.
// `--quick` runs each measurement once, scales to 20 charts and skips the Nx runs (the tests keep the script working).
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

execSync('bash scripts/ensure-deps.sh && node packages/chart-gen/scripts/build.mjs', {
  cwd: root,
  stdio: 'inherit',
  env,
});
const { charts, environments, renderChart, resolveSettings, webApplication } = require(
  `${root}packages/chart-gen/dist/index.js`,
);
const settings = resolveSettings(require(`${root}chart-gen.config.json`), process.env, {});
const render = (chart) => renderChart(chart, environments, settings, charts);

const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 25;
function once(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
function median(fn) {
  fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const ms = (value) => `${value.toFixed(1)} ms`;
const first = once(() => charts.forEach(render));
console.log(
  `in-process generation (median of ${RUNS} runs; the first run, loading each schema's validator, took ${ms(first)})`,
);
for (const chart of charts) console.log(`  ${chart.name.padEnd(16)} ${ms(median(() => render(chart)))}`);
const all = median(() => charts.forEach(render));
console.log(`  ${'all charts'.padEnd(16)} ${ms(all)}   (target < 100 ms)`);

const cli = `${root}packages/chart-gen/dist/cli.js`;
const processRun = median(() => execFileSync('node', [cli, 'generate', 'minio'], { cwd: root, stdio: 'ignore' }));
console.log('chart-gen generate minio (a process: start, load, validate, write nothing new)');
console.log(`  ${'wall'.padEnd(16)} ${ms(processRun)}   (target < 300 ms)`);

/** Synthetic webApplication charts, each with credentials and storage (the kind's largest shape). */
const synthetic = (count) =>
  Array.from({ length: count }, (_, i) =>
    webApplication({
      name: `synthetic-${i}`,
      description: `Synthetic chart ${i}.`,
      version: '0.1.0',
      image: { registry: 'registry.example.com', repository: `team/app-${i}`, tag: '1.0.0' },
      port: 8080,
      healthPath: '/healthz',
      persistence: { size: '1Gi', mountPath: '/data' },
      credentials: { apiKey: { description: 'API key', minLength: 8, env: 'API_KEY', key: 'api-key' } },
    }),
  );
const SCALE = quick ? [10, 20] : [50, 100, 200];
console.log('synthetic charts in-process (define, validate, render; each count once, fresh definitions)');
for (const count of SCALE) {
  const time = once(() => synthetic(count).forEach(render));
  console.log(`  ${`${count} charts`.padEnd(16)} ${ms(time)}   ${(time / count).toFixed(2)} ms per chart`);
}

/** helm, for the render overhead: $HELM4 (set by the tests), else the pinned one from tools/install-tools.sh. */
const helm =
  process.env.HELM4 ||
  execFileSync('bash', ['tools/install-tools.sh', '--print', 'helm4'], { cwd: root, encoding: 'utf8' }).trim();
const credentials = (chart) =>
  Object.keys(chart.values.defaults.auth?.secretKeys ?? {}).flatMap((f) => ['--set', `auth.${f}=bench-only-${f}`]);
const PAIRS = quick ? 1 : 25;
const mid = (times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
/**
 * The median of `helm template` over the median of `helm version`, run in alternation, and the same with
 * --skip-schema-validation: the difference is what checking the values against values.schema.json costs.
 */
function overhead(args, cwd) {
  const version = [];
  const template = [];
  const unchecked = [];
  for (let i = 0; i < PAIRS; i++) {
    version.push(once(() => execFileSync(helm, ['version'], { stdio: 'ignore' })));
    template.push(once(() => execFileSync(helm, args, { cwd, stdio: 'ignore' })));
    unchecked.push(once(() => execFileSync(helm, [...args, '--skip-schema-validation'], { cwd, stdio: 'ignore' })));
  }
  const ratio = (times) => `${(mid(times) / mid(version)).toFixed(2)}x`;
  return `${ratio(template)}   (${ratio(unchecked)} without the schema check)`;
}
console.log(`render overhead: helm template / helm version (medians of ${PAIRS} paired runs; target <= 1.10x)`);
// The floor: a chart with one empty template and no schema costs about what helm costs to start.
const floor = mkdtempSync(join(tmpdir(), 'chart-gen-bench-'));
mkdirSync(join(floor, 'templates'));
writeFileSync(join(floor, 'Chart.yaml'), 'apiVersion: v2\nname: floor\nversion: 0.1.0\n');
writeFileSync(join(floor, 'templates', 'empty.yaml'), '');
console.log(`  ${'(empty chart)'.padEnd(16)} ${overhead(['template', 'floor', floor], root)}`);
rmSync(floor, { recursive: true });
for (const chart of charts.filter((c) => !c.dependencies?.length && !c.externalDependencies?.length)) {
  const args = ['template', chart.name, `charts/${chart.name}`, ...credentials(chart)];
  console.log(`  ${chart.name.padEnd(16)} ${overhead(args, root)}`);
}

if (quick) process.exit(0);

function wall(args) {
  const start = performance.now();
  execFileSync('npx', ['nx', 'run-many', '-t', 'generate', ...args], { cwd: root, env, stdio: 'ignore' });
  return performance.now() - start;
}
console.log('nx run-many -t generate (wall time)');
console.log(`  ${'cold'.padEnd(16)} ${ms(wall(['--skip-nx-cache']))}`);
wall([]);
console.log(`  ${'warm'.padEnd(16)} ${ms(wall([]))}   (target < 2000 ms)`);
