/**
 * The small vocabulary every values spec is written in. Each helper returns a TypeBox schema, so one definition
 * yields both the JSON Schema (the schema object itself) and the TypeScript type (`Static<typeof spec>`).
 * Every helper takes a description first: values.yaml comments and README tables are generated from it.
 */
import { type Static, type TObject, type TProperties, type TSchema, Type } from '@sinclair/typebox';

export { type Static, type TObject, type TProperties, type TSchema, Type };

/** An object the chart owns: unknown keys are rejected so a typo fails before it reaches a cluster. */
export function obj<P extends TProperties>(description: string, properties: P): TObject<P> {
  return Type.Object(properties, { description, additionalProperties: false });
}

export interface StringOptions {
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  /** Values that match the pattern but are still refused (e.g. the tag `latest`). */
  not?: { enum: string[] };
}

export function str(description: string, options: StringOptions = {}) {
  return Type.String({ description, ...options });
}

export function bool(description: string) {
  return Type.Boolean({ description });
}

export function int(description: string, options: { minimum?: number; maximum?: number } = {}) {
  return Type.Integer({ description, ...options });
}

/** A string restricted to a fixed set; an enum (not anyOf) keeps Helm's error message short. */
export function oneOf<const T extends readonly string[]>(description: string, values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
}

export function list<T extends TSchema>(
  description: string,
  items: T,
  options: { uniqueItems?: boolean; minItems?: number } = {},
) {
  return Type.Array(items, { description, ...options });
}

/** A map of free string keys to string values (labels, annotations, nodeSelector). */
export function stringMap(description: string) {
  return Type.Unsafe<Record<string, string>>({ type: 'object', additionalProperties: { type: 'string' }, description });
}

/** A Kubernetes object passed through to the manifest as-is (affinity, a toleration); the API server checks it. */
export function k8sObject(description: string) {
  return Type.Unsafe<Record<string, unknown>>({ type: 'object', description });
}

export const optional = Type.Optional;

/** Kubernetes resource quantity syntax, as the API server accepts it (e.g. 250m, 0.5, 512Mi, 1e3). */
export const QUANTITY_PATTERN = '^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][0-9]+)?$';

export function quantity(description: string) {
  return Type.Unsafe<string | number>({
    type: ['string', 'number'],
    pattern: QUANTITY_PATTERN,
    minimum: 0,
    description: `${description} (Kubernetes quantity, e.g. 250m, 512Mi)`,
  });
}

export function port(description: string) {
  return int(description, { minimum: 1, maximum: 65535 });
}

/** DNS-1123 label: names of Secrets, ConfigMaps, PVCs and the like. */
/** Secret and ConfigMap data keys: what a Secret's `data` accepts. */
export const DATA_KEY_PATTERN = '^[-._a-zA-Z0-9]+$';

/** S3 bucket naming rules (lowercase letters, digits, dots and hyphens; 3 to 63 characters). */
export const BUCKET_NAME_PATTERN = '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$';

export const DNS_NAME_PATTERN = '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)?$';

/** A Prometheus duration as the Prometheus Operator's CRDs accept it (its Duration pattern). */
export const DURATION_PATTERN =
  '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$';

export function duration(description: string) {
  return str(`${description} (Prometheus duration, e.g. 5m)`, { minLength: 1, pattern: DURATION_PATTERN });
}

export function resourceName(description: string) {
  return str(description, { pattern: DNS_NAME_PATTERN, maxLength: 253 });
}

export type Values<S extends TSchema> = Static<S>;
