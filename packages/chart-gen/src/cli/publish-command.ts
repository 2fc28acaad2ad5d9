import { publishToChartRepository } from '../publish/chart-repository';
import { cosignPublicKey } from '../publish/cosign';
import { type OciOptions, publishToOci } from '../publish/oci';
import type { ChartPackage } from '../publish/packages';
import { signPackage } from '../publish/provenance';
import { type PublishResult, summary } from '../publish/result';
import { type SigningSettings, signingSettings } from '../publish/signing-config';
import { parseArgs } from './args';
import {
  chartRepositoryHttp,
  cosignBinary,
  helmBinary,
  repositoryUrl,
  selectedPackages,
  toolRunner,
} from './repository-args';
import { findRoot } from './root';
import type { Writer } from './writer';

function publishOci(
  url: string,
  packages: ChartPackage[],
  flags: Record<string, string>,
  signing: SigningSettings,
): PublishResult[] {
  const helm = toolRunner(helmBinary(flags));
  const options: OciOptions = { url, plainHttp: flags['plain-http'] === 'true', force: flags.force === 'true' };
  if (signing.cosignKey) {
    const run = toolRunner(cosignBinary(flags));
    try {
      const publicKey = signing.privateFile('cosign.pub', cosignPublicKey(run, signing.cosignKey));
      options.cosign = { run, key: signing.cosignKey, publicKey };
    } catch (error) {
      const detail = `nothing pushed: cosign cannot use the key ${signing.cosignKey}: ${(error as Error).message}`;
      return packages.map((pkg) => ({ chart: pkg.name, version: pkg.version, outcome: 'failed', detail }));
    }
  }
  return packages.map((pkg) => publishToOci(helm, pkg, options));
}

async function publishHttp(
  url: string,
  packages: ChartPackage[],
  flags: Record<string, string>,
  signing: SigningSettings,
): Promise<PublishResult[]> {
  const key = signing.provenance;
  const options = {
    ...chartRepositoryHttp(url, flags),
    force: flags.force === 'true',
    ...(key ? { sign: (pkg: ChartPackage) => signPackage(helmBinary(flags), pkg, key) } : {}),
  };
  const results: PublishResult[] = [];
  // One at a time: the summary lists charts in order, and a failing server is not hit by every chart at once.
  for (const pkg of packages) results.push(await publishToChartRepository(pkg, options));
  return results;
}

export async function publishCommand(argv: string[], out: Writer, err: Writer): Promise<number> {
  const { positionals, flags } = parseArgs(argv, {
    switches: ['plain-http', 'force'],
    values: [
      'packages',
      'charts',
      'helm',
      'root',
      'timeout',
      'sign-key',
      'keyring',
      'passphrase-file',
      'cosign-key',
      'cosign',
    ],
  });
  const { url, http } = repositoryUrl(positionals, 'publish');
  const root = findRoot(process.cwd(), flags.root);
  // Signing settings first: a mistake there is said before anything else is looked at.
  const signing = signingSettings(flags, process.env);
  let results: PublishResult[];
  try {
    const packages = selectedPackages(root, flags);
    results = http ? await publishHttp(url, packages, flags, signing) : publishOci(url, packages, flags, signing);
  } finally {
    signing.cleanup();
  }
  const failed = results.some((r) => r.outcome === 'failed');
  (failed ? err : out).write(summary(results));
  return failed ? 1 : 0;
}
