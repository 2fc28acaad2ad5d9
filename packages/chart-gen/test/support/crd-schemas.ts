import * as fs from 'node:fs';
import * as path from 'node:path';

import Ajv, { type ValidateFunction } from 'ajv';
import yaml from 'js-yaml';

import type { K8sObject } from './helm';

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: unknown;
  items?: SchemaNode;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  [key: string]: unknown;
}

interface Crd {
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; served: boolean; schema: { openAPIV3Schema: SchemaNode } }[];
  };
}

/**
 * As the API server with strict field validation: a field the schema does not declare is an error, unless the node
 * preserves unknown fields. (A plain JSON schema would let it through; the server would drop or refuse it.)
 */
function strict(node: SchemaNode): SchemaNode {
  const copy: SchemaNode = { ...node };
  if (copy.properties) {
    copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([key, child]) => [key, strict(child)]));
    if (copy.additionalProperties === undefined && !copy['x-kubernetes-preserve-unknown-fields'])
      copy.additionalProperties = false;
  }
  if (copy.items) copy.items = strict(copy.items);
  if (copy.additionalProperties && typeof copy.additionalProperties === 'object')
    copy.additionalProperties = strict(copy.additionalProperties as SchemaNode);
  return copy;
}

/** The served object's metadata is checked by the API server itself, not by the CRD schema: leave it open here. */
function withOpenMetadata(schema: SchemaNode): SchemaNode {
  return { ...schema, properties: { ...schema.properties, metadata: { type: 'object' } } };
}

/**
 * CRD patterns are Go regular expressions: a `(?i)` (case-insensitive), which JavaScript cannot write inline,
 * becomes the `i` flag (the CRDs use it only for a whole pattern).
 */
const goRegExp = Object.assign(
  (pattern: string, flags: string) =>
    pattern.includes('(?i)') ? new RegExp(pattern.replace('(?i)', ''), `${flags}i`) : new RegExp(pattern, flags),
  { code: 'new RegExp' },
);

/** A validator per served `<group>/<version> <kind>` of the CRDs in a folder (the files matching `only`). */
function load(folder: string, only: RegExp): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });
  const map = new Map<string, ValidateFunction>();
  for (const file of fs.readdirSync(folder).filter((f) => only.test(f))) {
    const crd = yaml.load(fs.readFileSync(path.join(folder, file), 'utf8')) as Crd;
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const key = `${crd.spec.group}/${version.name} ${crd.spec.names.kind}`;
      map.set(key, ajv.compile(withOpenMetadata(strict(version.schema.openAPIV3Schema))));
    }
  }
  return map;
}

/**
 * Validation of custom resources against the CRDs of one folder, compiled on first use: `validate` throws naming
 * the object and every failing field, or that no CRD there serves its kind.
 */
export function crdValidator(name: string, folder: () => string, only = /\.yaml$/) {
  let validators: Map<string, ValidateFunction> | undefined;
  return (object: K8sObject): void => {
    validators ??= load(folder(), only);
    const validate = validators.get(`${object.apiVersion} ${object.kind}`);
    if (!validate) throw new Error(`no ${name} CRD serves ${object.apiVersion} ${object.kind}`);
    if (!validate(object as unknown)) {
      const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
      throw new Error(`${object.kind}/${object.metadata?.name}: ${problems.join('; ')}`);
    }
  };
}
