import * as fs from 'node:fs';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { type ChartRevision, versionProblems } from '../checks/version-bump';
import { parseArgs, UsageError } from './args';
import { git, showFile } from './git';
import { findRoot } from './root';
import type { Writer } from './writer';

/** Paths of a chart folder that `helm package` leaves out (.helmignore of the generated charts). */
const NOT_PACKAGED = /^charts\/[^/]+\/(tests\/|ci\/|project\.json$|charts\/)/;

const versionOf = (chartYaml: string) => String((yaml.load(chartYaml) as { version?: unknown }).version);

function chartRevision(root: string, base: string, name: string): ChartRevision {
  const dir = `charts/${name}`;
  const baseChart = showFile(root, base, `${dir}/Chart.yaml`);
  const changed = [
    ...git(root, ['diff', '--name-only', base, '--', dir]).split('\n'),
    ...git(root, ['ls-files', '--others', '--exclude-standard', '--', dir]).split('\n'),
  ].filter((file) => file && !NOT_PACKAGED.test(file));
  return {
    name,
    baseVersion: baseChart === null ? null : versionOf(baseChart),
    version: versionOf(fs.readFileSync(path.join(root, dir, 'Chart.yaml'), 'utf8')),
    changedFiles: [...new Set(changed)].map((file) => file.slice(dir.length + 1)).sort(),
  };
}

export function checkVersionsCommand(argv: string[], out: Writer, err: Writer): number {
  const { positionals, flags } = parseArgs(argv, { switches: [], values: ['base', 'root'] });
  if (positionals.length) throw new UsageError('check-versions takes no positional argument');
  const root = findRoot(process.cwd(), flags.root);
  const base = flags.base ?? 'HEAD~1';
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  } catch {
    throw new UsageError(`--base ${base}: no such revision`);
  }
  const names = fs
    .readdirSync(path.join(root, 'charts'))
    .filter((name) => fs.existsSync(path.join(root, 'charts', name, 'Chart.yaml')))
    .sort();
  const problems = versionProblems(names.map((name) => chartRevision(root, base, name)));
  if (problems.length === 0) {
    out.write(`chart-gen: every changed chart has a higher version than at ${base}\n`);
    return 0;
  }
  err.write(
    `chart-gen: charts changed against ${base} without a version bump:\n${problems.map((p) => `  ${p}\n`).join('')}`,
  );
  return 1;
}
