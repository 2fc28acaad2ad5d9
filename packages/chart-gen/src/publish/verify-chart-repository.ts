import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { fetchProvenance, findPublished } from './chart-repository';
import { explainStatus, type HttpOptions, RepositoryError, request } from './http';
import { type ChartPackage, samePackageContent } from './packages';
import type { VerifyResult } from './verify-result';

export interface VerifyRepositoryOptions extends HttpOptions {
  url: string;
  /** A public keyring holding the publisher's key (`gpg --export <key> > pubring.gpg`). */
  keyring: string;
  helm: string;
}

/**
 * Checks one chart in a classic repository as `helm install --verify` would, and then some: the package and its
 * `.prov` are downloaded, `helm verify` checks the signature against the keyring and the package's sha256 against the
 * signed one, and the signed package must hold the same files as the package this repository builds now.
 */
export async function verifyInChartRepository(
  pkg: ChartPackage,
  options: VerifyRepositoryOptions,
): Promise<VerifyResult> {
  const base = { chart: pkg.name, version: pkg.version };
  const fail = (detail: string) => ({ ...base, verified: false, detail });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-verify-'));
  try {
    const published = await findPublished(pkg, options);
    if (!published) return fail(`not published at ${options.url}`);
    const prov = await fetchProvenance(published, options);
    if (!prov) return fail(`unsigned: ${published.url}.prov is not served`);
    const response = await request('GET', published.url, options);
    if (response.status !== 200) throw explainStatus('GET', published.url, response, options.credentials);
    const file = path.join(dir, path.basename(new URL(published.url).pathname));
    fs.writeFileSync(file, response.body);
    fs.writeFileSync(`${file}.prov`, prov);
    const checked = spawnSync(options.helm, ['verify', file, '--keyring', options.keyring], { encoding: 'utf8' });
    if (checked.error) return fail(`cannot run ${options.helm}: ${checked.error.message}`);
    if (checked.status !== 0)
      return fail(`the signature does not verify: ${checked.stderr.trim().replace(/^Error: /, '')}`);
    if (!samePackageContent(file, pkg.file))
      return fail('signed, but its files differ from what this repository builds now');
    const signer = /^Signed by: (.*)$/m.exec(checked.stdout)?.[1];
    return { ...base, verified: true, detail: `signed${signer ? ` by ${signer}` : ''}, same files as built here` };
  } catch (error) {
    if (error instanceof RepositoryError) return fail(error.message);
    throw error;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
