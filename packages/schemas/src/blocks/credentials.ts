import type { TObject, TOptional, TString } from '@sinclair/typebox';

import { DATA_KEY_PATTERN, obj, optional, resourceName, str, type TSchema } from '../kit';

type CredentialProperties<K extends string> = {
  existingSecret: TString;
  secretKeys: TObject<{ [P in K]: TString }>;
} & { [P in K]: TOptional<TString> };

/**
 * Credentials read from a Secret. Either `existingSecret` names a Secret made outside the chart (kubectl, a
 * SealedSecret, an ExternalSecret) with the key names in `secretKeys`, or the chart creates one from the values,
 * which are then given at install time and never committed.
 */
export interface CredentialField {
  /** What the value is, e.g. "root password"; the descriptions are built from it. */
  description: string;
  /** Shortest value the application accepts. */
  minLength: number;
}

export function credentialsSpec<K extends string>(description: string, fields: Record<K, CredentialField>) {
  const keys: Record<string, TSchema> = {};
  const values: Record<string, TSchema> = {};
  for (const [name, field] of Object.entries<CredentialField>(fields)) {
    keys[name] = str(`Key of the Secret that holds the ${field.description}.`, {
      pattern: DATA_KEY_PATTERN,
      minLength: 1,
    });
    values[name] = optional(
      str(`The ${field.description}; used only when existingSecret is empty. Pass it at install time.`, {
        minLength: field.minLength,
      }),
    );
  }
  const properties = {
    existingSecret: resourceName(
      'Name of an existing Secret holding the credentials; empty creates one from the values.',
    ),
    secretKeys: obj('Key names inside the Secret.', keys),
    ...values,
  };
  return obj(description, properties as unknown as CredentialProperties<K>);
}
