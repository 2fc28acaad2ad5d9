import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { cosignReference, type CosignRunner, cosignVerify } from './cosign';
import type { HelmRunner } from './oci';
import { type ChartPackage, samePackageContent } from './packages';
import type { VerifyResult } from './verify-result';

export interface VerifyOciOptions {
  /** oci://host[:port]/path */
  url: string;
  plainHttp: boolean;
  /** cosign's public key (cosign.pub), or a reference cosign resolves. */
  publicKey: string;
}

/**
 * Checks one chart in an OCI registry: the version is pulled (helm checks the layer against the manifest and names
 * the manifest digest), that digest must carry a cosign signature verifying with the public key, and the pulled
 * package must hold the same files as the package this repository builds now. The signature is checked on the digest
 * pulled, never on the tag again, so a tag moved in between cannot pass.
 */
export function verifyInOci(
  helm: HelmRunner,
  cosign: CosignRunner,
  pkg: ChartPackage,
  options: VerifyOciOptions,
): VerifyResult {
  const base = { chart: pkg.name, version: pkg.version };
  const fail = (detail: string) => ({ ...base, verified: false, detail });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-verify-'));
  try {
    const args = ['pull', `${options.url}/${pkg.name}`, '--version', pkg.version, '--destination', dir];
    const pulled = helm(options.plainHttp ? [...args, '--plain-http'] : args);
    if (pulled.status !== 0) return fail(`cannot pull it: ${pulled.stderr.trim() || `helm exited ${pulled.status}`}`);
    const digest = /Digest: (sha256:[a-f0-9]+)/.exec(pulled.stdout + pulled.stderr)?.[1];
    const file = fs.readdirSync(dir).find((name) => name.endsWith('.tgz'));
    if (!digest || !file) return fail('helm pulled no package with a digest');
    const reference = cosignReference(options.url, pkg.name, digest);
    const refused = cosignVerify(cosign, options.publicKey, reference, options.plainHttp);
    if (refused) return fail(`no cosign signature of ${digest} verifies with ${options.publicKey}: ${refused}`);
    if (!samePackageContent(path.join(dir, file), pkg.file))
      return fail(`signed (${digest}), but its files differ from what this repository builds now`);
    return { ...base, verified: true, detail: `${digest} signed, same files as built here` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
