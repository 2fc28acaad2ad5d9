// Prints how long generation takes: in-process per chart and for all charts (median of repeated runs after a
// warm-up), and the wall time of `nx run-many -t generate` cold (cache skipped) and warm (cache hit).
// Targets: all charts in-process under 100 ms; warm Nx run under 2 s.
// `--quick` runs each measurement once and skips the Nx runs (the tests use it to keep this script working).
import { execFileSync, execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

execSync('bash scripts/ensure-deps.sh && npx tsc -b', { cwd: root, stdio: 'inherit', env });
const { charts, environments, renderChart, resolveSettings } = require(`${root}packages/chart-gen/dist/index.js`);
const settings = resolveSettings(require(`${root}chart-gen.config.json`), process.env, {});
const render = (chart) => renderChart(chart, environments, settings);

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
console.log(`in-process generation (median of ${RUNS} runs; the first run, compiling schemas, took ${ms(first)})`);
for (const chart of charts) console.log(`  ${chart.name.padEnd(16)} ${ms(median(() => render(chart)))}`);
const all = median(() => charts.forEach(render));
console.log(`  ${'all charts'.padEnd(16)} ${ms(all)}   (target < 100 ms)`);

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
