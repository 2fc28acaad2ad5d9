import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { REPO_ROOT } from '../helm';

export interface PreviousRelease {
  version: string;
  /** The commit whose charts/ holds that version. */
  commit: string;
  /** The chart folder as it was at that commit (with its file:// neighbours beside it). */
  dir: string;
  remove(): void;
}

const git = (args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
const versionAt = (commit: string, chartDir: string) =>
  (yaml.load(git(['show', `${commit}:${chartDir}/Chart.yaml`])) as { version: string }).version;

/**
 * The chart's previous release: the newest commit that changed its Chart.yaml and still carries an older version
 * (check-versions makes every content change bump the version, so that commit's chart is what was released as that
 * version). Like prometheus-community's upgrade test, the current chart must upgrade a release of it. Undefined for a
 * chart that has no earlier version yet.
 */
export function previousRelease(chartDir: string): PreviousRelease | undefined {
  const current = (yaml.load(fs.readFileSync(path.join(REPO_ROOT, chartDir, 'Chart.yaml'), 'utf8')) as Chart).version;
  const commits = git(['log', '--format=%H', '--', `${chartDir}/Chart.yaml`])
    .split('\n')
    .filter(Boolean);
  const commit = commits.find((c) => versionAt(c, chartDir) !== current);
  if (!commit) return undefined;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-previous-'));
  // All of charts/: an umbrella's subcharts are file:// neighbours.
  execFileSync('bash', ['-c', `git archive "${commit}" charts | tar -x -C "${root}"`], { cwd: REPO_ROOT });
  return {
    version: versionAt(commit, chartDir),
    commit,
    dir: path.join(root, chartDir),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

interface Chart {
  version: string;
}
