import { extraEnvSpec } from './env';
import { networkPolicySpec } from './network-policy';
import { podDisruptionBudgetSpec } from './pdb';
import { probesSpec } from './probes';
import { resourcesSpec } from './resources';
import { schedulingProperties } from './scheduling';
import { containerSecurityContextSpec, podSecurityContextSpec } from './security';

/**
 * What every chart's main workload has: resources, security contexts, probe timings, extra env, NetworkPolicy,
 * PodDisruptionBudget and scheduling. Spread into a chart's top-level values.
 */
export function workloadProperties() {
  return {
    resources: resourcesSpec(),
    podSecurityContext: podSecurityContextSpec(),
    containerSecurityContext: containerSecurityContextSpec(),
    probes: probesSpec(),
    extraEnv: extraEnvSpec(),
    networkPolicy: networkPolicySpec(),
    podDisruptionBudget: podDisruptionBudgetSpec(),
    ...schedulingProperties(),
  };
}
