import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

import { isPlainObject } from './emit/schema-walk';

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

// Unoptimised code compiles about twice as fast and validates a values file just as well: a schema is compiled once
// per run and used a handful of times, so compile time is what counts. The schemas are built by the specs' kit and
// checked against the meta-schema by the tests (values.schema.json under helm), so Ajv need not check them again.
const ajv = new Ajv({ allErrors: true, strict: false, code: { optimize: false }, validateSchema: false });
const bySchema = new WeakMap<object, ValidateFunction>();
const byShape = new Map<string, ValidateFunction>();

const SUBSCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else', 'contains'];

/** A schema without its annotations (descriptions, titles): two schemas of one shape validate alike. */
function shapeOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(shapeOf);
  if (!isPlainObject(schema)) return schema;
  const shape: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description' || key === 'title') continue;
    if (SUBSCHEMA_MAPS.includes(key) && isPlainObject(value)) {
      shape[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, shapeOf(child)]));
    } else if (SUBSCHEMA_LISTS.includes(key) || SUBSCHEMAS.includes(key)) {
      shape[key] = shapeOf(value);
    } else {
      shape[key] = value;
    }
  }
  return shape;
}

/** The compiled validator of a schema; charts of one shape (a kind's) share one compilation. */
function validator(schema: object): ValidateFunction {
  let validate = bySchema.get(schema);
  if (!validate) {
    const shape = JSON.stringify(shapeOf(schema));
    validate = byShape.get(shape) ?? ajv.compile(JSON.parse(shape) as object);
    byShape.set(shape, validate);
    bySchema.set(schema, validate);
  }
  return validate;
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
