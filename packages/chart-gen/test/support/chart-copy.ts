import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { REPO_ROOT } from './helm';

export interface ChartCopy {
  /** Absolute path of the copied chart folder. */
  dir: string;
  remove: () => void;
}

/**
 * A copy of a chart (relative to the repository root) in a fresh temporary folder, so a test never writes into
 * charts/.
 */
export function copyChart(chartDir: string): ChartCopy {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-'));
  const dir = path.join(root, path.basename(chartDir));
  fs.cpSync(path.join(REPO_ROOT, chartDir), dir, { recursive: true, filter: (source) => !source.endsWith('.tgz') });
  return { dir, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/**
 * A copy of a chart with its dependencies taken out: `dependencies` removed from Chart.yaml, Chart.lock deleted.
 * `helm template` and `helm lint` refuse a chart whose declared dependency is missing from charts/, whatever its
 * condition, and an external chart cannot be downloaded without network. The copy renders the chart's own templates
 * against its own values.schema.json, which still covers the dependency's values.
 */
export function copyWithoutDependencies(chartDir: string): ChartCopy {
  const copy = copyChart(chartDir);
  const chartYaml = path.join(copy.dir, 'Chart.yaml');
  const { dependencies: _dropped, ...chart } = yaml.load(fs.readFileSync(chartYaml, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(chartYaml, yaml.dump(chart));
  fs.rmSync(path.join(copy.dir, 'Chart.lock'), { force: true });
  return copy;
}
