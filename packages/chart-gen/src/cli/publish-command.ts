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

export const PUBLISH_USAGE = `chart-gen publish <oci://registry/path | https://chart-repository> [--charts <a,b>] [--force] [--packages <dir>]
                  [--plain-http] [--helm <path>] [--timeout <seconds>]
                  [--sign-key <user id> --keyring <secring.gpg> [--passphrase-file <file>]] [--cosign-key <key>]

  Publishes each chart at the version its Chart.yaml names, from --packages (dist/charts, made by \`npx nx run-many -t
  package\`): to an OCI registry with \`helm push\`, or to a repository with ChartMuseum's upload API (ChartMuseum,
  Gitea's <server>/api/packages/<owner>/helm, ...), with basic auth from HELM_REPO_USERNAME and HELM_REPO_PASSWORD or a
  bearer token from HELM_REPO_ACCESS_TOKEN. A version already published with the same files is skipped (and not signed
  again); with other files it is refused unless --force.
  --charts <a,b>           only these charts (default: every chart under charts/)
  --plain-http             talk HTTP to the OCI registry (a registry on localhost)
  --helm <path>            helm binary (default: $HELM, else helm on PATH)
  --timeout <seconds>      per request to a chart repository (default 60); transient failures are retried twice
  Signing, for a chart repository: helm provenance (.prov) by \`helm package --sign\`, uploaded with the package.
  --sign-key <user id>     the PGP key (or CHART_GEN_SIGNING_KEY); signing is on when set
  --keyring <file>         its keyring, legacy format (or CHART_GEN_SIGNING_KEYRING); or the armored key itself in
                           CHART_GEN_SIGNING_PRIVATE_KEY
  --passphrase-file <file> the key's passphrase (or CHART_GEN_SIGNING_PASSPHRASE_FILE, or CHART_GEN_SIGNING_PASSPHRASE)
  Signing, for an OCI registry: cosign, with a key pair and no transparency log.
  --cosign-key <key>       cosign's private key (or COSIGN_KEY: a path, env://VAR, a KMS URI); password in COSIGN_PASSWORD
  --cosign <path>          cosign binary (default: $COSIGN, else cosign on PATH)`;

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
