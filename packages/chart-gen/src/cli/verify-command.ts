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
