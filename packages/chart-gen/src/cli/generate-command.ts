import { generate, selectCharts } from '../generate-all';
import { type GitopsSettings, SETTINGS_ENV, SETTINGS_FILE } from '../gitops/settings';
import { hasDrift } from '../write';
import { parseArgs } from './args';
import { findRoot } from './root';
import { loadSettings } from './settings-file';
import type { Writer } from './writer';

export const GENERATE_USAGE = `chart-gen generate [chart...] [--check] [--root <dir>] [--repo-url <url>] [--target-revision <rev>] [--project <name>]

  Writes charts/<name>/ and the chart's Argo CD Applications (argocd-apps/) for the named charts, all when none is.
  --check                  write nothing; exit 1 and list the files that differ from what would be generated
  --root <dir>             repository root (default: the nearest folder above the working directory holding nx.json)
  --repo-url <url>         Git URL in the Argo CD Applications (default: ${SETTINGS_FILE}, or $${SETTINGS_ENV.repoURL})
  --target-revision <rev>  Git revision they deploy (default: ${SETTINGS_FILE}, or $${SETTINGS_ENV.targetRevision})
  --project <name>         Argo CD project (default: ${SETTINGS_FILE}, or $${SETTINGS_ENV.project})`;

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
  const charts = selectCharts(positionals);
  const settingFlags = Object.fromEntries(
    Object.entries(SETTING_FLAGS)
      .filter(([flag]) => flag in flags)
      .map(([flag, key]) => [key, flags[flag]]),
  );
  const check = flags.check === 'true';
  const { drift } = generate(root, charts, { check, settings: loadSettings(root, settingFlags) });
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
