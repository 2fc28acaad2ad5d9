/** Reading a values spec (a JSON Schema object) the way the emitters need it. */

export interface SchemaNode {
  description?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  enum?: unknown[];
  [keyword: string]: unknown;
}

/** An object whose keys the chart owns: values.yaml and the README walk into it key by key. */
export function isOwnedObject(node: SchemaNode): boolean {
  return node.type === 'object' && node.properties !== undefined;
}

/** A short type name for the README table. */
export function typeName(node: SchemaNode): string {
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const type = Array.isArray(node.type) ? node.type.join(' \\| ') : (node.type ?? 'any');
  if (type === 'array' && node.items) return `${typeName(node.items)}[]`;
  return type;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
