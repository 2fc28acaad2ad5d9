import * as fs from 'node:fs';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { type ChartCopy, copyChart } from './chart-copy';
import { run } from './helm';

/** How helm reports a repository it cannot reach (DNS, TCP, TLS). */
const NETWORK_ERROR =
  /no such host|dial tcp|cannot be reached|i\/o timeout|connection refused|network is unreachable|TLS handshake timeout/i;

export interface DependencyBuild {
  /** The copied chart; its charts/ holds the dependencies when `built`. */
  copy: ChartCopy;
  built: boolean;
  /** The build failed because a repository could not be reached: no network, not a broken chart. */
  offline: boolean;
  /** helm's output of the step that failed. */
  output: string;
}

/**
 * A copy of a chart with its external dependencies downloaded the way a person would (helm repo add, then
 * helm dependency build against the committed Chart.lock), with a Helm repository config of its own so no test
 * touches the user's.
 */
export function buildExternalDependencies(helm: string, chartDir: string): DependencyBuild {
  const copy = copyChart(chartDir);
  const config = path.join(path.dirname(copy.dir), 'helm-repositories');
  const isolated = [
    '--repository-config',
    path.join(config, 'repositories.yaml'),
    '--repository-cache',
    path.join(config, 'cache'),
  ];
  const chart = yaml.load(fs.readFileSync(path.join(copy.dir, 'Chart.yaml'), 'utf8')) as {
    dependencies?: { repository: string }[];
  };
  const repositories = [
    ...new Set((chart.dependencies ?? []).map((dep) => dep.repository).filter((url) => /^https?:\/\//.test(url))),
  ];
  const steps = [
    ...repositories.map((url, i) => ['repo', 'add', `dependency-${i}`, url, ...isolated]),
    ['dependency', 'build', copy.dir, ...isolated],
  ];
  for (const step of steps) {
    const result = run(helm, step);
    if (result.status !== 0) {
      const output = result.stderr + result.stdout;
      return { copy, built: false, offline: NETWORK_ERROR.test(output), output };
    }
  }
  return { copy, built: true, offline: false, output: '' };
}
