import { spawnSync } from 'node:child_process';

import type { K8sObject } from './helm';
import { isKserveObject, validateKserveObject } from './kserve-crds';
import { isPrometheusOperatorObject, validatePrometheusOperatorObject } from './prometheus-operator-crds';

interface Model {
  new (data: unknown): { validate(): void };
}

/** The kubernetes-models class of an object's apiVersion and kind (e.g. apps/v1 Deployment). */
function modelOf(object: K8sObject): Model {
  const modulePath = `kubernetes-models/${object.apiVersion}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const models = require(modulePath) as Record<string, Model | undefined>;
  const model = models[object.kind];
  if (!model) throw new Error(`no Kubernetes schema for ${object.apiVersion} ${object.kind}`);
  return model;
}

/** Whether kubernetes-models knows the object's kind: built-in kinds do, custom resources (CRD kinds) do not. */
export function hasKubernetesSchema(object: K8sObject): boolean {
  try {
    modelOf(object);
    return true;
  } catch {
    return false;
  }
}

/** Custom resources the tests validate against their CRDs: kube-strict, which knows built-in kinds only, skips them. */
export const isCustomResource = (object: K8sObject) => isKserveObject(object) || isPrometheusOperatorObject(object);

/** Validates against the Kubernetes API schema; throws naming the object and the failing field. */
export function validateKubernetesObject(object: K8sObject): void {
  // Custom resources: KServe's against its CRDs kept as a fixture, the Prometheus Operator's against its pinned CRDs.
  if (isKserveObject(object)) return validateKserveObject(object);
  if (isPrometheusOperatorObject(object)) return validatePrometheusOperatorObject(object);
  try {
    new (modelOf(object))(object).validate();
  } catch (error) {
    throw new Error(`${object.kind}/${object.metadata?.name}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Decodes rendered manifests as the API server does, strictly (tools/kube-strict): an unknown or duplicated field
 * fails, naming the object and field. kubernetes-models alone lets unknown fields through.
 */
export function checkStrictly(manifests: string): { checked: number; skipped: number } {
  const bin = process.env.KUBE_STRICT;
  if (!bin) throw new Error('KUBE_STRICT is not set: run the tests through jest (its global setup builds the tools)');
  const result = spawnSync(bin, ['-'], { input: manifests, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kube-strict refused the manifests:\n${result.stderr}${result.stdout}`);
  const counts = /(\d+) checked, (\d+) skipped, 0 invalid/.exec(result.stdout);
  if (!counts) throw new Error(`kube-strict printed no summary:\n${result.stdout}`);
  return { checked: Number(counts[1]), skipped: Number(counts[2]) };
}
