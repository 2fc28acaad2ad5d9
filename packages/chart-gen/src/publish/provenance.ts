import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { type ChartPackage, packageTime, samePackageContent } from './packages';

/**
 * Helm provenance (a `.prov` beside the package, PGP clear-signed): made by `helm package --sign`, checked by
 * `helm verify` and `helm install --verify`. Helm reads keys from legacy-format keyrings only (not gpg 2's keybox).
 */
export interface ProvenanceKey {
  /** A user ID of the key, or part of one: what `helm package --key` matches. */
  name: string;
  /** A legacy secret keyring (`gpg --export-secret-keys > secring.gpg`). */
  keyring: string;
  /** A file holding the key's passphrase, for a key that has one. */
  passphraseFile?: string;
}

export interface SignedPackage extends ChartPackage {
  /** The package's provenance file. */
  prov: string;
  /** A temporary folder holding both; remove it when done. */
  dir: string;
}

/**
 * Signs a built package: its files are packaged again by `helm package --sign` with the time the package carries, so
 * the signed package holds exactly the built files (checked), and for a chart without subcharts the same bytes; helm
 * orders an umbrella's subcharts as it loads them, from a map. Signing happens when publishing rather than in the
 * cached `package` target, so no signature or key ever sits in a build cache.
 */
export function signPackage(helm: string, pkg: ChartPackage, key: ProvenanceKey): SignedPackage {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-sign-'));
  try {
    const unpacked = path.join(dir, 'unpacked');
    fs.mkdirSync(unpacked);
    const untar = spawnSync('tar', ['-xzf', pkg.file, '-C', unpacked], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`cannot unpack ${pkg.file}: ${untar.stderr.trim()}`);
    const args = ['package', path.join(unpacked, pkg.name), '--destination', dir, '--sign', '--key', key.name];
    args.push('--keyring', key.keyring, ...(key.passphraseFile ? ['--passphrase-file', key.passphraseFile] : []));
    const result = spawnSync(helm, args, {
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: String(packageTime(pkg.file)) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (result.error) throw new Error(`cannot run ${helm}: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`helm package --sign failed: ${result.stderr.trim()}`);
    const file = path.join(dir, path.basename(pkg.file));
    // The signature covers these bytes: they must hold exactly the files that were built.
    if (!samePackageContent(file, pkg.file)) throw new Error(`signing ${pkg.file} changed its content`);
    return { ...pkg, file, prov: `${file}.prov`, dir };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
