import yaml from 'js-yaml';

import { list, literal, mapOf, scalar, type Value } from '../template/nodes';

/**
 * YAML as Helm reads it. js-yaml quotes strings that YAML 1.1 would read as something else (on, no, y, 0755),
 * keeps key order, never wraps lines and never emits anchors, so output is byte-stable.
 */
export function toYaml(value: unknown): string {
  return yaml.dump(value, { lineWidth: -1, noRefs: true, sortKeys: false, quotingType: '"' });
}

/**
 * Plain data as builder nodes, for a YAML file that needs one value written differently from what a dumper picks
 * (Chart.yaml's appVersion, always quoted): maps and lists as nodes, multi-line strings as literal blocks, other
 * scalars as the dumper writes them (quoted only when YAML would misread them).
 */
export function yamlNodes(value: unknown): Value {
  if (Array.isArray(value)) return list(...value.map(yamlNodes));
  if (value !== null && typeof value === 'object') {
    return mapOf(Object.fromEntries(Object.entries(value).map(([key, child]) => [key, yamlNodes(child)])));
  }
  if (typeof value === 'string' && value.includes('\n')) return literal(value);
  return scalar(toYaml(value).trimEnd());
}
