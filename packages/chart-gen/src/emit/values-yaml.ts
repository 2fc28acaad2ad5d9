import type { ChartDefinition } from '../model';
import { yamlHeader } from './header';
import { isOwnedObject, isPlainObject, type SchemaNode } from './schema-walk';
import { toYaml } from './yaml';

const COMMENT_WIDTH = 110;

/** Wraps a description into `# ` comment lines at the given indent. */
function comment(text: string, pad: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && pad.length + 2 + line.length + 1 + word.length > COMMENT_WIDTH) {
      out.push(`${pad}# ${line}`);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(`${pad}# ${line}`);
  return out;
}

/** `key: value` as YAML at the given indent (a nested value continues on the following lines). */
function entry(key: string, value: unknown, pad: string): string[] {
  return toYaml({ [key]: value })
    .trimEnd()
    .split('\n')
    .map((line) => pad + line);
}

function emitObject(node: SchemaNode, value: Record<string, unknown>, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const out: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (depth === 0 && out.length > 0) out.push('');
    if (child.description) out.push(...comment(child.description, pad));
    if (!(key in value)) {
      // Optional and unset by default: shown commented out, so the key can be found.
      out.push(`${pad}# ${key}:`);
      continue;
    }
    const childValue = value[key];
    if (isOwnedObject(child) && isPlainObject(childValue) && Object.keys(childValue).length > 0) {
      out.push(`${pad}${key}:`, ...emitObject(child, childValue, depth + 1));
    } else {
      out.push(...entry(key, childValue, pad));
    }
  }
  return out;
}

/** values.yaml: the chart's defaults, every key preceded by its description from the spec. */
export function valuesYaml(def: ChartDefinition): string {
  const body = emitObject(def.values.spec as SchemaNode, def.values.defaults as Record<string, unknown>, 0);
  return `${yamlHeader}# Values of the ${def.name} chart. values.schema.json holds the same spec and rejects unknown keys.\n\n${body.join('\n')}\n`;
}
