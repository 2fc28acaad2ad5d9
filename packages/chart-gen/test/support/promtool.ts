import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Prometheus's promtool and this repository's promql-check (tools/prometheus), as scripts/tool-env.sh exports them. */
export interface PrometheusTools {
  promtool: string;
  promqlCheck: string;
}

/** What promql-check says of one expression. */
export interface ExprMetrics {
  expr: string;
  /** The metric names its vector selectors name, sorted and unique; empty when it does not parse. */
  metrics: string[];
  /** Prometheus's parse error, only when it does not parse. */
  error?: string;
}

const VARIABLES = { promtool: 'PROMTOOL', promqlCheck: 'PROMQL_CHECK' } as const;

/**
 * The tools, or why the tests that need them cannot run here: scripts/tool-env.sh sets PROMETHEUS_TOOLS_UNAVAILABLE to
 * install-tools' reason when they cannot be had (its exit 3, no Go); a bare `npx jest` without it sets nothing.
 */
export function prometheusTools(): PrometheusTools | { unavailable: string } {
  if (process.env.PROMETHEUS_TOOLS_UNAVAILABLE) return { unavailable: process.env.PROMETHEUS_TOOLS_UNAVAILABLE };
  const tools: Partial<PrometheusTools> = {};
  for (const [key, variable] of Object.entries(VARIABLES) as [keyof PrometheusTools, string][]) {
    const value = process.env[variable];
    if (!value)
      return { unavailable: `${variable} is not set: run through npm test, or source scripts/tool-env.sh first` };
    if (!fs.existsSync(value)) return { unavailable: `${variable}=${value} does not exist` };
    tools[key] = value;
  }
  return tools as PrometheusTools;
}

const available = prometheusTools();

/** `describe` when promtool and promql-check are here, else `describe.skip` with the reason printed once per file. */
export function describeWithPrometheusTools(name: string, body: () => void): void {
  if ('unavailable' in available) {
    console.warn(`skipped: ${name} (${available.unavailable})`);
    describe.skip(name, body);
  } else describe(name, body);
}

function tools(): PrometheusTools {
  if ('unavailable' in available) throw new Error(available.unavailable);
  return available;
}

function promtool(args: string[]): string {
  const result = spawnSync(tools().promtool, args, { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0)
    throw new Error(`promtool ${args.join(' ')} failed (${result.status ?? result.signal}):\n${output}`);
  return output;
}

/**
 * `promtool check rules` on Prometheus rule files (groups: …, not PrometheusRule objects: their spec is such a file).
 * Returns its output; throws with it when a file is refused.
 */
export function checkRules(ruleFiles: string[]): string {
  return promtool(['check', 'rules', ...ruleFiles]);
}

/** `promtool test rules` on a unit test file. Returns its output; throws with it if a test fails. */
export function testRules(testFile: string): string {
  return promtool(['test', 'rules', testFile]);
}

/** What Prometheus's PromQL parser makes of each expression, in order: its metric names, or its parse error. */
export function metricNamesOf(exprs: string[]): ExprMetrics[] {
  const result = spawnSync(tools().promqlCheck, [], { input: JSON.stringify(exprs), encoding: 'utf8' });
  // 1: some expression does not parse, which its entry says.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`promql-check failed (${result.status ?? result.signal}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as ExprMetrics[];
}
