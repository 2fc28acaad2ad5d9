import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { cosignReference, type CosignRunner, cosignSign, cosignVerify } from './cosign';
import { type ChartPackage, samePackageContent } from './packages';
import type { PublishResult } from './result';

/** Runs helm with arguments; returns its exit status and output. */
export type HelmRunner = (args: string[]) => { status: number | null; stdout: string; stderr: string };

export interface OciOptions {
  /** oci://host[:port]/path */
  url: string;
  /** Talk HTTP instead of HTTPS (a registry on localhost). */
  plainHttp: boolean;
  /** Replace a published version whose content differs. */
  force: boolean;
  /** Sign each pushed digest with cosign and this key; publicKey is its public half, in a file. */
  cosign?: { run: CosignRunner; key: string; publicKey: string };
}

const NOT_FOUND = /not found|manifest unknown|name unknown|404/i;

/**
 * The published package of a chart version, downloaded to a temporary folder, or null when the registry has no
 * such version. Any other failure (unreachable, unauthorized) is thrown with helm's own words.
 */
function fetchPublished(
  helm: HelmRunner,
  pkg: ChartPackage,
  options: OciOptions,
): { file: string; digest?: string } | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-oci-'));
  const args = ['pull', `${options.url}/${pkg.name}`, '--version', pkg.version, '--destination', dir];
  const result = helm(options.plainHttp ? [...args, '--plain-http'] : args);
  const file = fs.readdirSync(dir).map((name) => path.join(dir, name))[0];
  if (result.status === 0 && file) {
    const digest = /Digest: (sha256:[a-f0-9]+)/.exec(result.stdout + result.stderr)?.[1];
    return { file, ...(digest ? { digest } : {}) };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (NOT_FOUND.test(result.stderr)) return null;
  throw new Error(result.stderr.trim() || `helm pull exited ${result.status}`);
}

/**
 * A version published with the same content is skipped, and not signed again when a signature of our key is there.
 * Pushing and signing are two steps, so a run can stop between them (or a version was published before signing was
 * set up): such a digest, found without a signature of our key, is signed now, once.
 */
function signIfUnsigned(pkg: ChartPackage, digest: string | undefined, options: OciOptions): PublishResult {
  const base = { chart: pkg.name, version: pkg.version };
  const skipped = { ...base, outcome: 'skipped' as const, detail: 'already published with the same content' };
  if (!options.cosign || !digest) return skipped;
  const reference = cosignReference(options.url, pkg.name, digest);
  if (!cosignVerify(options.cosign.run, options.cosign.publicKey, reference, options.plainHttp)) return skipped;
  try {
    cosignSign(options.cosign.run, options.cosign.key, reference, options.plainHttp);
  } catch (error) {
    return {
      ...base,
      outcome: 'failed',
      detail: `${digest} is unsigned and cosign could not sign it: ${(error as Error).message}`,
    };
  }
  return {
    ...base,
    outcome: 'published',
    detail: `already published with the same content (${digest}), unsigned: signed now`,
  };
}

/**
 * Pushes one package with `helm push`, unless the same version is there already: identical content is skipped,
 * different content refused unless `force` (a version, once published, must keep meaning the same chart). A pushed
 * digest is then signed with cosign when a key is given; a skipped one keeps the one signature it was published with.
 */
export function publishToOci(helm: HelmRunner, pkg: ChartPackage, options: OciOptions): PublishResult {
  const base = { chart: pkg.name, version: pkg.version };
  if (!options.url.startsWith('oci://'))
    return { ...base, outcome: 'failed', detail: `${options.url} is not an oci:// URL` };
  let published: { file: string; digest?: string } | null;
  try {
    published = fetchPublished(helm, pkg, options);
  } catch (error) {
    return { ...base, outcome: 'failed', detail: `cannot read ${options.url}: ${(error as Error).message}` };
  }
  if (published) {
    const same = samePackageContent(published.file, pkg.file);
    fs.rmSync(path.dirname(published.file), { recursive: true, force: true });
    if (same) return signIfUnsigned(pkg, published.digest, options);
    if (!options.force) {
      return {
        ...base,
        outcome: 'failed',
        detail: `${pkg.version} is published with different content; bump the chart version (or --force)`,
      };
    }
  }
  const args = ['push', pkg.file, options.url];
  const result = helm(options.plainHttp ? [...args, '--plain-http'] : args);
  if (result.status !== 0)
    return { ...base, outcome: 'failed', detail: result.stderr.trim() || `helm push exited ${result.status}` };
  const digest = /Digest: (sha256:[a-f0-9]+)/.exec(result.stdout + result.stderr)?.[1];
  const pushed = `${options.url}/${pkg.name}:${pkg.version}${digest ? ` (${digest})` : ''}`;
  if (!options.cosign) return { ...base, outcome: 'published', detail: pushed };
  if (!digest) return { ...base, outcome: 'failed', detail: `pushed ${pushed}, but helm named no digest to sign` };
  try {
    cosignSign(
      options.cosign.run,
      options.cosign.key,
      cosignReference(options.url, pkg.name, digest),
      options.plainHttp,
    );
  } catch (error) {
    return {
      ...base,
      outcome: 'failed',
      detail: `pushed ${pushed}, but cosign could not sign it (sign that digest by hand): ${(error as Error).message}`,
    };
  }
  return { ...base, outcome: 'published', detail: `${pushed}, signed with cosign` };
}
