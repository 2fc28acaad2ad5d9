#!/usr/bin/env node
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidValuesError } from './generate';
import { generate, selectCharts, UnknownChartError } from './generate-all';
import { resolveSettings, SETTINGS_ENV, SETTINGS_FILE, type GitopsSettings } from './gitops/settings';
import { hasDrift } from './write';

const USAGE = `usage: chart-gen generate [chart...] [--check] [--root <dir>] [--repo-url <url>] [--target-revision <rev>] [--project <name>]

  generate                 write charts/<name>/ and argocd-apps/*/<name>.yaml for the named charts (all when none is)
  --check                  write nothing; exit 1 and list the files that differ from what would be generated
  --root <dir>             repository root (default: the nearest folder above the working directory holding nx.json)
  --repo-url <url>         Git URL in the Argo CD Applications (default: ${SETTINGS_FILE}, or $${SETTINGS_ENV.repoURL})
  --target-revision <rev>  Git revision they deploy (default: ${SETTINGS_FILE}, or $${SETTINGS_ENV.targetRevision})
  --project <name>         Argo CD project (default: ${SETTINGS_FILE}, or $${SETTINGS_ENV.project})`;

const SETTING_FLAGS: Record<string, keyof GitopsSettings> = {
  '--repo-url': 'repoURL',
  '--target-revision': 'targetRevision',
  '--project': 'project',
};

class UsageError extends Error {}

/** Where the CLI prints: process.stdout/stderr, or a buffer in tests. */
export interface Writer {
  write(text: string): unknown;
}

interface Options {
  command: string;
  charts: string[];
  check: boolean;
  root?: string;
  settings: Partial<GitopsSettings>;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { command: '', charts: [], check: false, settings: {} };
  const valueOf = (flag: string, i: number) => {
    const value = argv[i];
    if (!value || value.startsWith('-')) throw new UsageError(`${flag} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--check') options.check = true;
    else if (arg === '--root') options.root = valueOf(arg, ++i);
    else if (arg in SETTING_FLAGS) options.settings[SETTING_FLAGS[arg]!] = valueOf(arg, ++i); else if (arg === '--help' || arg === '-h') options.command = 'help';
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (!options.command) options.command = arg;
    else options.charts.push(arg);
  }
  return options;
}

class SettingsError extends Error {}

/** Argo CD settings: chart-gen.config.json at the root, then environment variables, then flags. */
function loadSettings(root: string, flags: Partial<GitopsSettings>): GitopsSettings {
  const file = path.join(root, SETTINGS_FILE);
  let fromFile: unknown = {};
  if (fs.existsSync(file)) {
    try {
      fromFile = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new SettingsError(`${SETTINGS_FILE}: ${(error as Error).message}`);
    }
  }
  try {
    return resolveSettings(fromFile, process.env, flags);
  } catch (error) {
    throw new SettingsError((error as Error).message);
  }
}

function findRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new UsageError(`no nx.json above ${start}; pass --root`);
  }
}

/** Runs the CLI; returns the exit code (0 ok, 1 drift or invalid values, 2 usage). */
export function main(argv: string[], out: Writer = process.stdout, err: Writer = process.stderr): number {
  try {
    const options = parseArgs(argv);
    if (options.command === 'help') {
      out.write(`${USAGE}\n`);
      return 0;
    }
    if (options.command !== 'generate') throw new UsageError(options.command ? `unknown command ${options.command}` : 'missing command');
    const root = options.root ? path.resolve(options.root) : findRoot(process.cwd());
    const charts = selectCharts(options.charts);
    const settings = loadSettings(root, options.settings);
    const { drift } = generate(root, charts, { check: options.check, settings });
    const names = charts.map((c) => c.name).join(', ');
    if (options.check) {
      if (!hasDrift(drift)) {
        out.write(`chart-gen: ${names}: up to date\n`);
        return 0;
      }
      err.write('chart-gen: generated files differ from the chart definitions; run `npx nx run-many -t generate`:\n');
      for (const file of drift.changed) err.write(`  changed  ${file.path}\n`);
      for (const file of drift.stale) err.write(`  stale    ${file}\n`);
      return 1;
    }
    const count = drift.changed.length + drift.stale.length;
    out.write(`chart-gen: ${names}: ${count === 0 ? 'up to date' : `${drift.changed.length} written, ${drift.stale.length} removed`}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`chart-gen: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof UnknownChartError || error instanceof SettingsError) {
      err.write(`chart-gen: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InvalidValuesError) {
      err.write(`chart-gen: nothing written; ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
