/**
 * The shape of a sealed value (sealed-secrets pkg/crypto HybridEncrypt), base64: a 2-byte big-endian length, an
 * RSA-OAEP ciphertext of that length (the size of the RSA key), then AES-256-GCM output (at least its 16-byte tag).
 */
export function looksSealed(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < 2) return false;
  const rsaLength = bytes.readUInt16BE(0);
  return rsaLength >= 256 && rsaLength % 128 === 0 && bytes.length >= 2 + rsaLength + 16;
}
