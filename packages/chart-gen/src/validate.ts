import type { ErrorObject } from 'ajv';

import { isPlainObject } from './emit/schema-walk';
import { validator } from './schema-validator';

/**
 * Merges values the way Helm does: maps merge key by key, anything else (lists included) replaces, and null
 * deletes the key.
 */
export function mergeValues(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key];
    else merged[key] = mergeValues(base[key], value);
  }
  return merged;
}

/**
 * Layers one values file's content over another's, as two files given to Helm in order would be: maps merge key by
 * key, anything else replaces, and a null is kept (Helm reads it as "delete the chart's default").
 */
export function layerValues(base: unknown, override: unknown): Record<string, unknown> {
  const layered: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(isPlainObject(override) ? override : {})) {
    layered[key] = isPlainObject(value) && isPlainObject(layered[key]) ? layerValues(layered[key], value) : value;
  }
  return layered;
}

/** `auth.rootPassword`, or `(root)` for the document itself. */
function keyPath(error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  // A failing propertyNames subschema reports the offending key in propertyName.
  if (error.propertyName !== undefined) segments.push(error.propertyName);
  return segments.length ? segments.join('.') : '(root)';
}

function reason(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'is not a known key';
    case 'required':
      return 'is required';
    case 'not':
      return error.propertyName !== undefined ? 'is a reserved name' : 'has a value that is not allowed';
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** Problems of `values` against `schema`, each as "<key path>: <reason>"; empty when valid. */
export function validateValues(schema: object, values: unknown): string[] {
  const validate = validator(schema);
  if (validate(values)) return [];
  // A propertyNames failure is also reported, with the key named, by the subschema that failed; keep only that one.
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'propertyNames');
  const problems = errors.map((error) => `${keyPath(error)}: ${reason(error)}`);
  return [...new Set(problems)].sort();
}
