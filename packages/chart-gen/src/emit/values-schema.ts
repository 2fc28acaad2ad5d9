import type { ChartDefinition } from '../model';

export const JSON_SCHEMA_DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * values.schema.json: the values spec as JSON Schema draft-07. `$schema` is explicit because Helm >= 3.18.5 reads
 * a schema without one as 2020-12. JSON.stringify drops TypeBox's symbol keys, leaving plain JSON Schema.
 */
export function valuesSchema(def: ChartDefinition): object {
  const { $schema: _ignored, ...spec } = JSON.parse(JSON.stringify(def.values.spec)) as Record<string, unknown>;
  return { $schema: JSON_SCHEMA_DRAFT_07, title: `Values of the ${def.name} chart`, ...spec };
}

export function valuesSchemaJson(def: ChartDefinition): string {
  return `${JSON.stringify(valuesSchema(def), null, 2)}\n`;
}
