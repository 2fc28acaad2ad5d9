import yaml from 'js-yaml';

/**
 * YAML as Helm reads it. js-yaml quotes strings that YAML 1.1 would read as something else (on, no, y, 0755),
 * keeps key order, never wraps lines and never emits anchors, so output is byte-stable.
 */
export function toYaml(value: unknown): string {
  return yaml.dump(value, { lineWidth: -1, noRefs: true, sortKeys: false, quotingType: '"' });
}
