import { charts as allCharts } from '../charts';
import { generate, selectCharts } from '../generate-all';
import type { GitopsSettings } from '../gitops/settings';
import { hasDrift } from '../write';
import { parseArgs } from './args';
import { findRoot } from './root';
import { loadSettings } from './settings-file';
import type { Writer } from './writer';

const SETTING_FLAGS: Record<string, keyof GitopsSettings> = {
  'repo-url': 'repoURL',
  'target-revision': 'targetRevision',
  project: 'project',
};

export function generateCommand(argv: string[], out: Writer, err: Writer): number {
  const { positionals, flags } = parseArgs(argv, {
    switches: ['check'],
    values: ['root', ...Object.keys(SETTING_FLAGS)],
  });
  const root = findRoot(process.cwd(), flags.root);
  const charts = selectCharts(positionals, allCharts);
  const settingFlags = Object.fromEntries(
    Object.entries(SETTING_FLAGS)
      .filter(([flag]) => flag in flags)
      .map(([flag, key]) => [key, flags[flag]]),
  );
  const check = flags.check === 'true';
  const { drift } = generate(root, charts, { check, settings: loadSettings(root, settingFlags), known: allCharts });
  const names = charts.map((c) => c.name).join(', ');
  if (!hasDrift(drift)) {
    out.write(`chart-gen: ${names}: up to date\n`);
    return 0;
  }
  if (check) {
    err.write(
      'chart-gen: generated files differ from the chart definitions; run `node packages/chart-gen/dist/cli.js generate` (or `npx nx run-many -t generate --skip-nx-cache`):\n',
    );
    for (const file of drift.changed) err.write(`  changed  ${file.path}\n`);
    for (const file of drift.stale) err.write(`  stale    ${file}\n`);
    return 1;
  }
  out.write(`chart-gen: ${names}: ${drift.changed.length} written, ${drift.stale.length} removed\n`);
  return 0;
}
