import { entry, list, map, scalar, type Value, type YamlMap } from './nodes';

const NODE_KINDS = new Set(['scalar', 'literal', 'placed', 'map', 'list']);

/**
 * A Kubernetes type whose values may also be template text (`{{ .Values.port }}`) or builder nodes (a conditional
 * list item): the keys stay those of the API type, so a misspelt field is a TypeScript error.
 */
export type Templated<T> = T extends readonly (infer Item)[]
  ? readonly Templated<Item>[] | Value
  : T extends object
    ? { [K in keyof T]: Templated<T[K]> } | Value
    : T | string | Value;

const isNode = (value: object): value is Value =>
  'kind' in value && typeof value.kind === 'string' && NODE_KINDS.has(value.kind) && !('apiVersion' in value);

function toNode(value: unknown): Value {
  if (Array.isArray(value)) return list(...value.map(toNode));
  if (value !== null && typeof value === 'object') {
    if (isNode(value)) return value;
    return map(
      ...Object.entries(value)
        .filter(([, child]) => child !== undefined)
        .map(([key, child]) => entry(key, toNode(child))),
    );
  }
  return scalar(String(value));
}

/**
 * A fixed part of a manifest, typed by its Kubernetes API type (from kubernetes-models), as builder nodes in the order
 * written: `typed<IContainerPort>({ name: 'http', containerPort: '{{ .Values.port }}', protocol: 'TCP' })`.
 */
export const typed = <T>(value: Templated<T>): Value => toNode(value);

/** `typed` for an object type: its nodes as a map (what a map entry's value or a list item takes). */
export function typedMap<T extends object>(value: Templated<T>): YamlMap {
  const node = toNode(value);
  if (node.kind !== 'map') throw new Error('typedMap takes an object');
  return node;
}
