import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { dearmor, SigningError, signingSettings } from './signing-config';

const packets = Buffer.from(Array.from({ length: 200 }, (_, i) => i));
const armored = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  'Comment: made for a test',
  '',
  ...(packets.toString('base64').match(/.{1,64}/g) ?? []),
  '=AbCd',
  '-----END PGP PRIVATE KEY BLOCK-----',
  '',
].join('\n');

describe('signing settings', () => {
  it('reads an armored key as the binary packets of a legacy keyring', () => {
    expect(dearmor(armored)).toEqual(packets);
    expect(() => dearmor('not a key')).toThrow(SigningError);
  });

  it('signs nothing when no key is named', () => {
    const settings = signingSettings({}, {});
    expect(settings.provenance).toBeUndefined();
    expect(settings.cosignKey).toBeUndefined();
  });

  it('refuses a key without a keyring, and a keyring without a key', () => {
    expect(() => signingSettings({}, { CHART_GEN_SIGNING_KEY: 'charts' })).toThrow(/needs a keyring/);
    expect(() => signingSettings({ keyring: '/k' }, {})).toThrow(/no key: name it with --sign-key/);
  });

  it('writes a key and passphrase from the environment to private files, removed by cleanup', () => {
    const settings = signingSettings(
      {},
      { CHART_GEN_SIGNING_KEY: 'charts', CHART_GEN_SIGNING_PRIVATE_KEY: armored, CHART_GEN_SIGNING_PASSPHRASE: 'pw' },
    );
    const { keyring, passphraseFile } = settings.provenance!;
    expect(fs.readFileSync(keyring)).toEqual(packets);
    expect(fs.readFileSync(passphraseFile!, 'utf8')).toBe('pw');
    expect(fs.statSync(keyring).mode & 0o077).toBe(0);
    expect(fs.statSync(path.dirname(keyring)).mode & 0o077).toBe(0);
    settings.cleanup();
    expect(fs.existsSync(path.dirname(keyring))).toBe(false);
  });

  it('prefers flags to the environment, and takes files as given', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-signing-test-'));
    try {
      const keyring = path.join(dir, 'secring.gpg');
      fs.writeFileSync(keyring, packets);
      const settings = signingSettings(
        { 'sign-key': 'flag key', keyring, 'cosign-key': 'env://COSIGN_PRIVATE_KEY' },
        { CHART_GEN_SIGNING_KEY: 'env key', COSIGN_KEY: 'cosign.key' },
      );
      expect(settings.provenance).toEqual({ name: 'flag key', keyring });
      expect(settings.cosignKey).toBe('env://COSIGN_PRIVATE_KEY');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
