import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { UsageError } from '../cli/args';
import type { ProvenanceKey } from './provenance';

/**
 * Where the signing keys come from. Key material never travels as an argument or into a message: a keyring and a
 * passphrase are files (given by path), or environment variables (CI secrets) written to a private temporary folder
 * for the run. The cosign key is a reference cosign resolves itself (a path, `env://VAR`, a KMS URI), its password in
 * COSIGN_PASSWORD, which cosign reads from the environment.
 */
export interface SigningSettings {
  provenance?: ProvenanceKey;
  /** cosign's --key for OCI pushes. */
  cosignKey?: string;
  /** Writes a file only this user can read, in the run's private folder; returns its path. */
  privateFile(name: string, content: string | Buffer): string;
  /** Removes what was written for the run. */
  cleanup(): void;
}

/** A signing setting that cannot work: the CLI says it like a usage mistake (exit 2). */
export class SigningError extends UsageError {}

/** An ASCII-armored OpenPGP block as binary packets, the format of a legacy keyring. */
export function dearmor(armored: string): Buffer {
  const lines = armored.trim().split(/\r?\n/);
  const begin = lines.findIndex((line) => /^-----BEGIN PGP (PRIVATE|SECRET) KEY BLOCK-----$/.test(line));
  const end = lines.findIndex((line) => /^-----END PGP (PRIVATE|SECRET) KEY BLOCK-----$/.test(line));
  if (begin < 0 || end < begin)
    throw new SigningError('CHART_GEN_SIGNING_PRIVATE_KEY holds no armored secret key block');
  // Header lines ("Version: …") end at the first empty line; the last line may be the "=XXXX" checksum.
  const body = lines.slice(begin + 1, end);
  const blank = body.findIndex((line) => line.trim() === '');
  return Buffer.from(
    body
      .slice(blank + 1)
      .filter((line) => !line.startsWith('='))
      .join(''),
    'base64',
  );
}

type Flags = Record<string, string>;

/**
 * The signing settings of a publish run, from flags, else the environment:
 *   --sign-key / CHART_GEN_SIGNING_KEY                 user ID (or part) of the PGP key; signing is on when set
 *   --keyring / CHART_GEN_SIGNING_KEYRING              its legacy secret keyring, or instead
 *   CHART_GEN_SIGNING_PRIVATE_KEY                       the key itself (gpg --armor --export-secret-keys)
 *   --passphrase-file / CHART_GEN_SIGNING_PASSPHRASE_FILE, or CHART_GEN_SIGNING_PASSPHRASE
 *   --cosign-key / COSIGN_KEY                          cosign's key for OCI; COSIGN_PASSWORD its password
 */
export function signingSettings(flags: Flags, env: NodeJS.ProcessEnv): SigningSettings {
  let dir: string | undefined;
  const cleanup = () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
  const privateFile = (name: string, content: string | Buffer) => {
    dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-keys-'));
    fs.writeFileSync(path.join(dir, name), content, { mode: 0o600 });
    return path.join(dir, name);
  };
  try {
    const name = flags['sign-key'] ?? env.CHART_GEN_SIGNING_KEY;
    const cosignKey = flags['cosign-key'] ?? env.COSIGN_KEY;
    const settings: SigningSettings = { cleanup, privateFile, ...(cosignKey ? { cosignKey } : {}) };
    const keyring = flags.keyring ?? env.CHART_GEN_SIGNING_KEYRING;
    const secret = env.CHART_GEN_SIGNING_PRIVATE_KEY;
    if (!name) {
      if (keyring || secret)
        throw new SigningError(
          'a signing keyring is given but no key: name it with --sign-key or CHART_GEN_SIGNING_KEY',
        );
      return settings;
    }
    if (!keyring && !secret)
      throw new SigningError(
        `signing with "${name}" needs a keyring: --keyring or CHART_GEN_SIGNING_KEYRING, or CHART_GEN_SIGNING_PRIVATE_KEY`,
      );
    if (keyring && !fs.existsSync(keyring)) throw new SigningError(`no keyring at ${keyring}`);
    const given = flags['passphrase-file'] ?? env.CHART_GEN_SIGNING_PASSPHRASE_FILE;
    if (given && !fs.existsSync(given)) throw new SigningError(`no passphrase file at ${given}`);
    const passphraseFile =
      given ??
      (env.CHART_GEN_SIGNING_PASSPHRASE ? privateFile('passphrase', env.CHART_GEN_SIGNING_PASSPHRASE) : undefined);
    settings.provenance = {
      name,
      keyring: keyring ?? privateFile('secring.gpg', dearmor(secret!)),
      ...(passphraseFile ? { passphraseFile } : {}),
    };
    return settings;
  } catch (error) {
    cleanup();
    throw error;
  }
}
