import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { cosignBinary } from './cosign';

/**
 * Signing keys made for one test run, in a folder of the test's: nothing is committed. A PGP key by gpg 2.x in a
 * private GNUPGHOME, exported as the legacy keyrings helm reads; a cosign key pair by `cosign generate-key-pair`.
 */
export interface PgpKey {
  /** The key's user ID, what `--sign-key` names. */
  name: string;
  passphrase: string;
  /** A file holding the passphrase. */
  passphraseFile: string;
  /** Legacy secret keyring (gpg --export-secret-keys). */
  secring: string;
  /** Public keyring (gpg --export), what verifiers use. */
  pubring: string;
  /** The secret key, ASCII-armored, as CI would hold it in a secret variable. */
  armored: string;
}

export function makePgpKey(dir: string, name: string): PgpKey {
  const home = path.join(dir, 'gnupg');
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const passphrase = crypto.randomBytes(12).toString('hex');
  const passphraseFile = path.join(dir, 'passphrase');
  fs.writeFileSync(passphraseFile, passphrase, { mode: 0o600 });
  const batch = ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase-file', passphraseFile];
  const gpg = (args: string[]) => execFileSync('gpg', [...batch, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    gpg(['--quick-gen-key', name, 'ed25519', 'sign', 'never']);
    const secring = path.join(dir, 'secring.gpg');
    const pubring = path.join(dir, 'pubring.gpg');
    fs.writeFileSync(secring, gpg(['--export-secret-keys', name]), { mode: 0o600 });
    fs.writeFileSync(pubring, gpg(['--export', name]));
    const armored = gpg(['--armor', '--export-secret-keys', name]).toString('utf8');
    return { name, passphrase, passphraseFile, secring, pubring, armored };
  } finally {
    // gpg started an agent for this home: stop it, so no process outlives the test.
    execFileSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'], { stdio: 'ignore' });
  }
}

export interface CosignKey {
  /** cosign.key (encrypted with password). */
  key: string;
  /** cosign.pub */
  pub: string;
  password: string;
}

export function makeCosignKey(dir: string): CosignKey {
  fs.mkdirSync(dir, { recursive: true });
  const password = crypto.randomBytes(12).toString('hex');
  execFileSync(cosignBinary(), ['generate-key-pair'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir, COSIGN_PASSWORD: password },
    stdio: 'ignore',
  });
  return { key: path.join(dir, 'cosign.key'), pub: path.join(dir, 'cosign.pub'), password };
}
