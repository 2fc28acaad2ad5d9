import { constants, createDecipheriv, generateKeyPairSync, type KeyObject, privateDecrypt } from 'node:crypto';

import { placeholderReason } from './placeholder';
import { encryptionLabel, seal } from './seal';
import { looksSealed } from './sealed-format';

/** The controller's decryption (sealed-secrets singleDecrypt), to check the layout; the Go test is the proof. */
function open(privateKey: KeyObject, sealed: string, label: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64');
  const rsaLength = bytes.readUInt16BE(0);
  const sessionKey = privateDecrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from(label) },
    bytes.subarray(2, 2 + rsaLength),
  );
  const body = bytes.subarray(2 + rsaLength);
  const decipher = createDecipheriv('aes-256-gcm', sessionKey, Buffer.alloc(12));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
}

describe('seal', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it('binds the value to namespace/name under strict scope, to the namespace under namespace-wide', () => {
    expect(encryptionLabel('mlops-dev', 'pg', 'strict')).toBe('mlops-dev/pg');
    expect(encryptionLabel('mlops-dev', 'pg', 'namespace-wide')).toBe('mlops-dev');
    const sealed = seal(publicKey, Buffer.from('s3cr3t-value'), 'mlops-dev/pg');
    expect(looksSealed(sealed)).toBe(true);
    expect(open(privateKey, sealed, 'mlops-dev/pg').toString()).toBe('s3cr3t-value');
    expect(() => open(privateKey, sealed, 'mlops/pg')).toThrow();
  });

  it('never gives the same output twice (a fresh session key each time)', () => {
    expect(seal(publicKey, Buffer.from('x1y2z3'), 'a')).not.toBe(seal(publicKey, Buffer.from('x1y2z3'), 'a'));
  });
});

describe('placeholderReason', () => {
  it.each([
    '',
    '  ',
    'changeme',
    'CHANGE_ME',
    'password',
    'xxxx',
    '<password>',
    '${DB_PASSWORD}',
    'your-password',
    'aaaaaaaa',
  ])('refuses %p', (value) => expect(placeholderReason(value)).toBeDefined());
  it.each(['mlflow', 'root', 'q9V!t2#Lw7'])('accepts %p', (value) => expect(placeholderReason(value)).toBeUndefined());
});
