import { type Environment, environments as allEnvironments } from './environments';
import { InvalidValuesError, renderChart } from './generate';
import type { GitopsSettings } from './gitops/settings';
import type { ChartDefinition, GeneratedFile } from './model';
import { orphanedPaths, ownedPaths } from './ownership';
import { SECRETS_PATH, secretsFiles } from './secrets/files';
import { validateSecretSources } from './secrets/validate';
import { applyDrift, type Drift, findDrift, hasDrift } from './write';

export class UnknownChartError extends Error {
  constructor(
    readonly unknown: string[],
    known: string[],
  ) {
    super(`unknown chart${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known charts: ${known.join(', ')}`);
    this.name = 'UnknownChartError';
  }
}

/** The definitions named (all when none is), in the order given. */
export function selectCharts(names: string[], charts: readonly ChartDefinition[]): ChartDefinition[] {
  if (names.length === 0) return [...charts];
  const byName = new Map(charts.map((chart) => [chart.name, chart]));
  const unknown = names.filter((name) => !byName.has(name));
  if (unknown.length) throw new UnknownChartError(unknown, [...byName.keys()]);
  return [...new Set(names)].map((name) => byName.get(name)!);
}

export interface GenerateOptions {
  check: boolean;
  settings: GitopsSettings;
  /** Every chart of the repository (the generator knows none itself): umbrellas, and what removed charts left. */
  known: readonly ChartDefinition[];
  environments?: readonly Environment[];
}

export interface GenerateResult {
  drift: Drift;
  files: GeneratedFile[];
}

/**
 * Renders the selected charts, all in memory first: a problem in any chart stops the run before a single file
 * is touched. With `check`, nothing is written and the drift is returned for the caller to report.
 */
export function generate(root: string, charts: ChartDefinition[], options: GenerateOptions): GenerateResult {
  const environments = options.environments ?? allEnvironments;
  const files: GeneratedFile[] = [];
  const problems: string[] = [];
  for (const chart of charts) {
    try {
      files.push(...renderChart(chart, environments, options.settings, options.known));
    } catch (error) {
      if (!(error instanceof InvalidValuesError)) throw error;
      problems.push(...error.problems);
    }
  }
  // Secret sources depend on every chart the environment deploys, so they are checked and written on every run.
  for (const env of environments) {
    problems.push(...validateSecretSources(env, options.known));
    files.push(...secretsFiles(env, options.settings, options.known));
  }
  if (problems.length) throw new InvalidValuesError(problems);
  const owned = [...charts.map(ownedPaths), { scan: ['argocd-apps'], owns: (path: string) => SECRETS_PATH.test(path) }];
  // A run over every chart also owns what removed charts left behind.
  const names = charts.map((chart) => chart.name);
  if (options.known.every((chart) => names.includes(chart.name))) owned.push(orphanedPaths(root, names));
  const drift = findDrift(root, files, owned);
  if (!options.check && hasDrift(drift)) applyDrift(root, drift);
  return { drift, files };
}
