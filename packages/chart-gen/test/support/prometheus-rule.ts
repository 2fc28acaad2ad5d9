import type { K8sObject } from './helm';

/** The Prometheus Operator's Duration pattern (monitoring.coreos.com/v1). */
const DURATION = /^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$/;
/** Prometheus metric and label names: what an alert name must be. */
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

const isStringMap = (value: unknown) =>
  value === undefined ||
  (typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string'));

function ruleProblems(rule: Record<string, unknown>, at: string): string[] {
  const problems: string[] = [];
  const isAlert = typeof rule.alert === 'string';
  const isRecord = typeof rule.record === 'string';
  if (isAlert === isRecord) problems.push(`${at}: needs exactly one of alert and record`);
  if (typeof rule.alert === 'string' && !METRIC_NAME.test(rule.alert))
    problems.push(`${at}.alert: ${rule.alert} is not a valid name`);
  if (typeof rule.expr !== 'string' || rule.expr.trim() === '') problems.push(`${at}.expr: must be a non-empty string`);
  if (rule.for !== undefined && (typeof rule.for !== 'string' || !DURATION.test(rule.for)))
    problems.push(`${at}.for: ${String(rule.for)} is not a duration`);
  if (!isStringMap(rule.labels)) problems.push(`${at}.labels: must map strings to strings`);
  if (!isStringMap(rule.annotations)) problems.push(`${at}.annotations: must map strings to strings`);
  return problems;
}

/**
 * PrometheusRule is a custom resource, so kubernetes-models has no schema for it: this checks the shape the
 * Prometheus Operator's CRD requires (groups of named rules, each an alert or a recording rule with an expression,
 * durations in its syntax, string labels and annotations). Throws listing every problem.
 */
export function validatePrometheusRule(object: K8sObject): void {
  const problems: string[] = [];
  if (object.apiVersion !== 'monitoring.coreos.com/v1') problems.push(`apiVersion: ${object.apiVersion}`);
  if (object.kind !== 'PrometheusRule') problems.push(`kind: ${object.kind}`);
  const groups = (object.spec as { groups?: unknown } | undefined)?.groups;
  if (!Array.isArray(groups) || groups.length === 0) problems.push('spec.groups: must be a non-empty list');
  const names = new Set<string>();
  for (const [i, group] of (Array.isArray(groups) ? groups : []).entries()) {
    const { name, rules } = group as { name?: unknown; rules?: unknown };
    if (typeof name !== 'string' || name === '' || names.has(name))
      problems.push(`spec.groups[${i}].name: must be a unique non-empty string`);
    names.add(String(name));
    if (!Array.isArray(rules) || rules.length === 0) problems.push(`spec.groups[${i}].rules: must be a non-empty list`);
    for (const [j, rule] of (Array.isArray(rules) ? rules : []).entries())
      problems.push(...ruleProblems(rule, `spec.groups[${i}].rules[${j}]`));
  }
  if (problems.length) throw new Error(`PrometheusRule/${object.metadata?.name}: ${problems.join('; ')}`);
}
