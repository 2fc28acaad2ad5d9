import { verifyInChartRepository } from '../publish/verify-chart-repository';
import { verifyInOci } from '../publish/verify-oci';
import { type VerifyResult, verifySummary } from '../publish/verify-result';
import { parseArgs, UsageError } from './args';
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

export const VERIFY_USAGE = `chart-gen verify <https://chart-repository | oci://registry/path> [--charts <a,b>] [--packages <dir>]
                 (--keyring <pubring.gpg> | --key <cosign.pub>) [--plain-http] [--helm <path>] [--cosign <path>]

  Checks each chart published at the version its Chart.yaml names: its signature (a chart repository: the .prov with
  \`helm verify\` against --keyring; an OCI registry: the pulled digest's cosign signature against --key), and that the
  signed package holds the same files as the package in --packages (dist/charts), what this repository builds now.
  Exits 1 naming each chart that is missing, unsigned, signed by another key, or different.`;

export async function verifyCommand(argv: string[], out: Writer, err: Writer): Promise<number> {
  const { positionals, flags } = parseArgs(argv, {
    switches: ['plain-http'],
    values: ['packages', 'charts', 'helm', 'cosign', 'root', 'timeout', 'keyring', 'key'],
  });
  const { url, http } = repositoryUrl(positionals, 'verify');
  if (http && !flags.keyring) throw new UsageError('verify <https://…> needs --keyring <public keyring>');
  if (!http && !flags.key) throw new UsageError('verify <oci://…> needs --key <cosign public key>');
  const root = findRoot(process.cwd(), flags.root);
  const packages = selectedPackages(root, flags);
  const results: VerifyResult[] = [];
  if (http) {
    const options = { ...chartRepositoryHttp(url, flags), keyring: flags.keyring!, helm: helmBinary(flags) };
    for (const pkg of packages) results.push(await verifyInChartRepository(pkg, options));
  } else {
    const helm = toolRunner(helmBinary(flags));
    const cosign = toolRunner(cosignBinary(flags));
    const options = { url, plainHttp: flags['plain-http'] === 'true', publicKey: flags.key! };
    for (const pkg of packages) results.push(verifyInOci(helm, cosign, pkg, options));
  }
  const failed = results.some((r) => !r.verified);
  (failed ? err : out).write(verifySummary(results));
  return failed ? 1 : 0;
}
