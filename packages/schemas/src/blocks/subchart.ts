import { bool, type Static, type TObject, Type } from '../kit';

/** Every key optional, deeply: what an umbrella may set of a subchart, whose own values.yaml fills in the rest. */
export type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | null }
    : T;

type JsonSchema = Record<string, unknown>;

function withoutRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (typeof node !== 'object' || node === null) return node;
  const copy: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'required') copy[key] = withoutRequired(value);
  }
  return copy;
}

/**
 * A subchart's values as an umbrella sees them: the same keys and types (unknown keys still rejected), none
 * required, plus `enabled`, the switch of the dependency's condition. Helm validates the subchart's own schema
 * against its merged values as well.
 */
export function subchartSpec<S extends TObject>(description: string, spec: S) {
  const schema = withoutRequired(JSON.parse(JSON.stringify(spec))) as JsonSchema;
  const properties = { ...(schema.properties as JsonSchema), enabled: bool('Install this subchart.') };
  return Type.Unsafe<DeepPartial<Static<S>> & { enabled: boolean }>({
    ...schema,
    description,
    properties,
    required: ['enabled'],
  });
}
