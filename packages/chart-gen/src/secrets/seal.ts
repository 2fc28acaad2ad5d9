import { constants, createCipheriv, type KeyObject, publicEncrypt, randomBytes, X509Certificate } from 'node:crypto';

import type { SealingScope } from './sources';

/**
 * The label the ciphertext is bound to (sealed-secrets EncryptionLabel): `<namespace>/<name>` under strict scope,
 * `<namespace>` namespace-wide. The controller decrypts with the label of where the SealedSecret is, so a copy
 * elsewhere fails to unseal.
 */
export function encryptionLabel(namespace: string, name: string, scope: SealingScope): string {
  return scope === 'strict' ? `${namespace}/${name}` : namespace;
}

/** The RSA key of a PEM certificate (the controller's, from `kubeseal --fetch-cert`), refusing an expired one. */
export function certificateKey(pem: string, now = new Date()): KeyObject {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw new Error('the certificate is not a PEM X.509 certificate');
  }
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') throw new Error('the certificate does not hold an RSA key');
  if (new Date(certificate.validTo) < now) throw new Error(`the certificate expired on ${certificate.validTo}`);
  return certificate.publicKey;
}

/**
 * sealed-secrets' HybridEncrypt (pkg/crypto/crypto.go): a random 32-byte session key encrypted with RSA-OAEP
 * (SHA-256, the label above), then the value with AES-256-GCM under that key and a zero nonce (each key seals one
 * value). Output, base64: 2-byte big-endian length of the RSA ciphertext, the RSA ciphertext, the AES-GCM output
 * (ciphertext then 16-byte tag, as Go's Seal appends it).
 */
export function seal(key: KeyObject, value: Buffer, label: string): string {
  const sessionKey = randomBytes(32);
  const rsa = publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from(label) },
    sessionKey,
  );
  const cipher = createCipheriv('aes-256-gcm', sessionKey, Buffer.alloc(12));
  const body = Buffer.concat([cipher.update(value), cipher.final(), cipher.getAuthTag()]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(rsa.length);
  return Buffer.concat([length, rsa, body]).toString('base64');
}
