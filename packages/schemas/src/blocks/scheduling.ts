import { k8sObject, list, resourceName, stringMap } from '../kit';
import type { ValuesOf } from './workload';

/** Where pods may run. Spread into a chart's top-level values. */
export function schedulingProperties() {
  return {
    nodeSelector: stringMap('Node labels the pods must match.'),
    tolerations: list('Tolerations of the pods (Kubernetes Toleration objects).', k8sObject('A Toleration.')),
    affinity: k8sObject('Affinity of the pods (a Kubernetes Affinity object).'),
    priorityClassName: resourceName('PriorityClass of the pods; empty uses the cluster default.'),
  };
}

export function schedulingDefaults(): ValuesOf<ReturnType<typeof schedulingProperties>> {
  return { nodeSelector: {}, tolerations: [], affinity: {}, priorityClassName: '' };
}
