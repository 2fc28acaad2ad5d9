import { bool, int, obj, optional } from '../kit';

export function podDisruptionBudgetSpec() {
  return obj('PodDisruptionBudget for voluntary disruptions such as node drains.', {
    enabled: bool('Create a PodDisruptionBudget.'),
    maxUnavailable: optional(
      int('Pods that may be unavailable during a disruption; with neither bound set, 1.', { minimum: 0 }),
    ),
    minAvailable: optional(
      int('Pods that must stay available during a disruption (instead of maxUnavailable).', { minimum: 0 }),
    ),
  });
}
