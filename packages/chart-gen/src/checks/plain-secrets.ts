import { isPlainObject } from '../emit/schema-walk';

/**
 * Keys whose value is a credential. `secretKeys` entries and `existingSecret` name where a secret lives, not
 * what it is, so they are allowed.
 */
const SECRET_KEY =
  /(password|passwd|secret|token|accesskey|secretkey|apikey|api_key|privatekey|private_key|credentials?)$/i;
const NAMES_A_SECRET = /^(existingSecret|existingClaim|secretName|secretRef|secretKeyRef|secretKeys|imagePullSecrets)$/;

/** Key paths of `values` that hold a secret in clear, e.g. `auth.rootPassword`. */
export function findPlainSecrets(values: unknown, prefix = ''): string[] {
  if (Array.isArray(values)) return values.flatMap((item, i) => findPlainSecrets(item, `${prefix}[${i}]`));
  if (!isPlainObject(values)) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (NAMES_A_SECRET.test(key)) continue;
    if (SECRET_KEY.test(key) && (typeof value === 'string' ? value !== '' : typeof value === 'number'))
      found.push(path);
    else found.push(...findPlainSecrets(value, path));
  }
  return found;
}
