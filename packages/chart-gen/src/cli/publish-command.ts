import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import yaml from 'js-yaml';
import { publishToOci, summary, type HelmRunner } from '../publish/oci';
import { findPackages } from '../publish/packages';
import { parseArgs, UsageError } from './args';
import { findRoot } from './root';
import type { Writer } from './writer';

export const PUBLISH_USAGE = `chart-gen publish <oci://registry/path> [--charts <a,b>] [--plain-http] [--force] [--packages <dir>] [--helm <path>]

  Pushes each chart at the version its Chart.yaml names, from --packages (dist/charts, made by \`npx nx run-many -t
  package\`), with \`helm push\`. A version already published with the same files is skipped; with other files it is
  refused unless --force.
  --charts <a,b>           only these charts (default: every chart under charts/)
  --plain-http             talk HTTP to the registry (a registry on localhost)
  --helm <path>            helm binary (default: $HELM, else helm on PATH)`;

/** Charts and their versions as Chart.yaml says now, by the chart folders (all, or --charts a,b). */
function currentCharts(root: string, only: string[] | null): { name: string; version: string }[] {
  const names = fs.readdirSync(path.join(root, 'charts')).filter((name) => fs.existsSync(path.join(root, 'charts', name, 'Chart.yaml')));
  const unknown = (only ?? []).filter((name) => !names.includes(name));
  if (unknown.length) throw new UsageError(`--charts: no chart ${unknown.join(', ')} under charts/`);
  return names
    .filter((name) => !only || only.includes(name))
    .sort()
    .map((name) => {
      const chart = yaml.load(fs.readFileSync(path.join(root, 'charts', name, 'Chart.yaml'), 'utf8')) as { version: string };
      return { name, version: String(chart.version) };
    });
}

const chartsFlag = (flags: Record<string, string>) => (flags.charts ? flags.charts.split(',').map((c) => c.trim()).filter(Boolean) : null);

export function publishCommand(argv: string[], out: Writer, err: Writer): number {
  const { positionals, flags } = parseArgs(argv, { switches: ['plain-http', 'force'], values: ['packages', 'charts', 'helm', 'root'] });
  if (positionals.length !== 1) throw new UsageError('publish takes exactly one registry URL');
  const url = positionals[0]!.replace(/\/+$/, '');
  if (!url.startsWith('oci://')) throw new UsageError(`${url}: only oci:// registries are supported`);
  const root = findRoot(process.cwd(), flags.root);
  const packages = findPackages(path.resolve(root, flags.packages ?? 'dist/charts'), currentCharts(root, chartsFlag(flags)));
  const bin = flags.helm ?? process.env.HELM ?? 'helm';
  const helm: HelmRunner = (args) => {
    const result = spawnSync(bin, args, { encoding: 'utf8' });
    if (result.error) return { status: null, stdout: '', stderr: `cannot run ${bin}: ${result.error.message}` };
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const options = { url, plainHttp: flags['plain-http'] === 'true', force: flags.force === 'true' };
  const results = packages.map((pkg) => publishToOci(helm, pkg, options));
  const failed = results.some((r) => r.outcome === 'failed');
  (failed ? err : out).write(summary(results));
  return failed ? 1 : 0;
}
