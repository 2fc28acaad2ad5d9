import * as fs from 'node:fs';
import * as path from 'node:path';

import Ajv, { type ValidateFunction } from 'ajv';
import yaml from 'js-yaml';

import type { K8sObject } from './helm';

/** KServe v0.20.0's CRDs, kept in the repository (see SOURCE.md there). */
export const KSERVE_CRDS = path.join(__dirname, '..', 'fixtures', 'kserve-v0.20.0');
export const KSERVE_GROUP = 'serving.kserve.io';

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

let validators: Map<string, ValidateFunction> | undefined;

function load(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const map = new Map<string, ValidateFunction>();
  for (const file of fs.readdirSync(KSERVE_CRDS).filter((f) => f.endsWith('.yaml'))) {
    const crd = yaml.load(fs.readFileSync(path.join(KSERVE_CRDS, file), 'utf8')) as Crd;
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const key = `${crd.spec.group}/${version.name} ${crd.spec.names.kind}`;
      map.set(key, ajv.compile(withOpenMetadata(strict(version.schema.openAPIV3Schema))));
    }
  }
  return map;
}

/** Whether an object is one of KServe's custom resources. */
export const isKserveObject = (object: K8sObject) => object.apiVersion.startsWith(`${KSERVE_GROUP}/`);

/** Validates a KServe object against its v0.20.0 CRD schema; throws naming the object and every failing field. */
export function validateKserveObject(object: K8sObject): void {
  validators ??= load();
  const validate = validators.get(`${object.apiVersion} ${object.kind}`);
  if (!validate) throw new Error(`no KServe v0.20.0 CRD serves ${object.apiVersion} ${object.kind}`);
  const valid: boolean = validate(object as unknown);
  if (!valid) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`${object.kind}/${object.metadata?.name}: ${problems.join('; ')}`);
  }
}
