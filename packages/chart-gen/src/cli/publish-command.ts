import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { publishToOci, summary, type HelmRunner } from '../publish/oci';
import { findPackages } from '../publish/packages';
import { parseArgs, UsageError } from './args';
import { findRoot } from './root';
import type { Writer } from './writer';

export const PUBLISH_USAGE = `chart-gen publish <oci://registry/path> [--plain-http] [--force] [--packages <dir>] [--helm <path>]

  Pushes every package of --packages (dist/charts, made by \`npx nx run-many -t package\`) with \`helm push\`. A version
  already published with the same content is skipped; with different content it is refused unless --force.
  --plain-http             talk HTTP to the registry (a registry on localhost)
  --helm <path>            helm binary (default: $HELM, else helm on PATH)`;

export function publishCommand(argv: string[], out: Writer, err: Writer): number {
  const { positionals, flags } = parseArgs(argv, { switches: ['plain-http', 'force'], values: ['packages', 'helm', 'root'] });
  if (positionals.length !== 1) throw new UsageError('publish takes exactly one registry URL');
  const url = positionals[0]!.replace(/\/+$/, '');
  if (!url.startsWith('oci://')) throw new UsageError(`${url}: only oci:// registries are supported`);
  const root = findRoot(process.cwd(), flags.root);
  const packages = findPackages(path.resolve(root, flags.packages ?? 'dist/charts'));
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
