import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { default as Ajv, ValidateFunction } from 'ajv';

import { isPlainObject } from './emit/schema-walk';

/**
 * Where the build writes each chart's values validator as code (scripts/build.mjs), so that a run loads it instead
 * of compiling the schema: beside the compiled modules and the bundled CLI, both in dist/. Absent under jest.
 */
export const PRECOMPILED_FOLDER = path.join(__dirname, 'validators');

// The schemas are built by the specs' kit and checked against the meta-schema by the tests (values.schema.json under
// helm), so Ajv need not check them again.
const OPTIONS = { allErrors: true, strict: false, validateSchema: false };

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Ajv is loaded only when a schema has to be compiled here: a run whose validators were built never needs it. Code
 * compiled at run time is left unoptimised, which compiles about twice as fast and validates a values file just as
 * well (a schema is compiled once per run and used a handful of times); built code is optimised, being smaller to load.
 */
function newAjv(forBuild: boolean): Ajv {
  const { default: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass({ ...OPTIONS, code: forBuild ? { source: true } : { optimize: false } });
}

let runtimeAjv: Ajv | undefined;
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

/** The file name of a shape's built validator: its hash, so a changed schema never meets a stale validator. */
function precompiledName(shape: string): string {
  return `${createHash('sha256').update(shape).digest('hex').slice(0, 32)}.js`;
}

function precompiled(shape: string): ValidateFunction | undefined {
  const file = path.join(PRECOMPILED_FOLDER, precompiledName(shape));
  return fs.existsSync(file) ? (require(file) as ValidateFunction) : undefined;
}

/** The validator of a schema: built (dist/validators) or compiled once; charts of one shape (a kind's) share one. */
export function validator(schema: object): ValidateFunction {
  let validate = bySchema.get(schema);
  if (!validate) {
    const shape = JSON.stringify(shapeOf(schema));
    validate = byShape.get(shape) ?? precompiled(shape);
    if (!validate) {
      runtimeAjv ??= newAjv(false);
      validate = runtimeAjv.compile(JSON.parse(shape) as object);
    }
    byShape.set(shape, validate);
    bySchema.set(schema, validate);
  }
  return validate;
}

/**
 * Writes one validator module per distinct shape of `schemas` into `folder`, replacing what was there: Ajv's
 * standalone code, which needs only Ajv's small runtime helpers to run. Returns the files written.
 */
export function writePrecompiledValidators(schemas: object[], folder: string = PRECOMPILED_FOLDER): string[] {
  const { default: standaloneCode } = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone');
  const ajv = newAjv(true);
  const modules = new Map<string, string>();
  for (const schema of schemas) {
    const shape = JSON.stringify(shapeOf(schema));
    const name = precompiledName(shape);
    if (!modules.has(name)) modules.set(name, standaloneCode(ajv, ajv.compile(JSON.parse(shape) as object)));
  }
  // Written aside and swapped in, so a failed build leaves the previous validators whole.
  const next = `${folder}.next`;
  fs.rmSync(next, { recursive: true, force: true });
  fs.mkdirSync(next, { recursive: true });
  for (const [name, code] of modules) fs.writeFileSync(path.join(next, name), code);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(next, folder);
  return [...modules.keys()].map((name) => path.join(folder, name));
}
/* eslint-enable @typescript-eslint/no-require-imports */
