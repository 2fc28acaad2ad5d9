import { isPlainObject } from '../emit/schema-walk';
import { looksSealed } from '../secrets/sealed-format';

/**
 * Keys whose value is a credential. `secretKeys` entries, `existingSecret` and `configSecret` (the Prometheus
 * Operator's Alertmanager) name where a secret lives, not what it is, so they are allowed.
 */
const SECRET_KEY =
  /(password|passwd|secret|token|accesskey|secretkey|apikey|api_key|privatekey|private_key|credentials?)$/i;
const NAMES_A_SECRET =
  /^(existingSecret|configSecret|existingClaim|secretName|secretRef|secretKeyRef|secretKeys|imagePullSecrets)$/;

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

const nonEmpty = (value: unknown) => isPlainObject(value) && Object.keys(value).length > 0;

/**
 * Key paths of a Kubernetes object in Git that hold a secret in clear. A Secret with data is one (base64 is not
 * encryption). A SealedSecret's encryptedData must each be a sealed value, and its template may carry no data (that
 * part is not encrypted). An ExternalSecret names remote keys, which are not secrets, but the Secret template it
 * renders must not hold one. Anything else is checked as values are.
 */
export function findPlainSecretsInManifest(doc: unknown): string[] {
  if (!isPlainObject(doc)) return [];
  const spec = isPlainObject(doc.spec) ? doc.spec : {};
  switch (doc.kind) {
    case 'Secret':
      return ['data', 'stringData'].filter((field) => nonEmpty(doc[field]));
    case 'SealedSecret': {
      const encrypted = isPlainObject(spec.encryptedData) ? spec.encryptedData : {};
      const template = isPlainObject(spec.template) ? spec.template : {};
      return [
        ...Object.entries(encrypted)
          .filter(([, value]) => typeof value !== 'string' || !looksSealed(value))
          .map(([key]) => `spec.encryptedData.${key}`),
        ...['data', 'stringData'].filter((field) => nonEmpty(template[field])).map((field) => `spec.template.${field}`),
      ];
    }
    case 'ExternalSecret': {
      const target = isPlainObject(spec.target) ? spec.target : {};
      const template = isPlainObject(target.template) ? target.template : {};
      const literal = isPlainObject(template.data)
        ? Object.entries(template.data).filter(([, value]) => typeof value === 'string' && !value.includes('{{'))
        : [];
      return literal.map(([key]) => `spec.target.template.data.${key}`);
    }
    default:
      return findPlainSecrets(doc);
  }
}
