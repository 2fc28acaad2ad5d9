import { parseAllDocuments } from 'yaml';

import type { K8sObject } from '../helm';

/**
 * Rendered manifests read as the API server reads them: YAML 1.1, where an unquoted `0555` is octal (365). A YAML 1.2
 * reader sees 555 and would give a mounted file other permissions than the cluster does.
 */
export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text, { version: '1.1' })
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`rendered manifest is not valid YAML: ${doc.errors[0]!.message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((object): object is K8sObject => object !== null && object !== undefined);
}

/** A Secret or ConfigMap's entries as text: `data` (base64 for Secrets), then `stringData`. */
export function entriesOf(object: K8sObject): Record<string, string> {
  const data = (object.data ?? {}) as Record<string, string>;
  const decoded = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      object.kind === 'Secret' ? Buffer.from(value, 'base64').toString('utf8') : value,
    ]),
  );
  return { ...decoded, ...((object.stringData ?? {}) as Record<string, string>) };
}
