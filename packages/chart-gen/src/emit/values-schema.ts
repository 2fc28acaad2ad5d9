import type { ChartDefinition } from '../model';
import { GENERATED_NOTICE } from './header';

export const JSON_SCHEMA_DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * values.schema.json: the values spec as JSON Schema draft-07. `$schema` is explicit because Helm >= 3.18.5 reads
 * a schema without one as 2020-12. JSON.stringify drops TypeBox's symbol keys, leaving plain JSON Schema.
 */
export function valuesSchema(def: ChartDefinition): object {
  let schema = schemas.get(def.values.spec);
  if (!schema) {
    const { $schema: _ignored, ...spec } = JSON.parse(JSON.stringify(def.values.spec)) as Record<string, unknown>;
    schema = {
      $schema: JSON_SCHEMA_DRAFT_07,
      $comment: GENERATED_NOTICE,
      title: `Values of the ${def.name} chart`,
      ...spec,
    };
    schemas.set(def.values.spec, schema);
  }
  return schema;
}

/** One schema object per spec, so its compiled validator is reused across runs. */
const schemas = new WeakMap<object, object>();

export function valuesSchemaJson(def: ChartDefinition): string {
  return `${JSON.stringify(valuesSchema(def), null, 2)}\n`;
}
