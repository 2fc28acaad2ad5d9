import type { Static, TProperties } from '../kit';
import { extraEnvSpec } from './env';
import { networkPolicySpec } from './network-policy';
import { podDisruptionBudgetSpec } from './pdb';
import { standardProbes } from './probes';
import { probesSpec } from './probes';
import { type EphemeralStorage, type ResourceDefaults, SMALL_SCRATCH, withEphemeralStorage } from './resources';
import { resourcesSpec } from './resources';
import { schedulingDefaults } from './scheduling';
import { schedulingProperties } from './scheduling';
import { restrictedSecurity } from './security';
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

/** The values of a set of properties, each typed by its spec. */
export type ValuesOf<P extends TProperties> = { [K in keyof P]: Static<P[K]> };

/**
 * Defaults of the keys `workloadProperties()` adds to a spec: the given resources (with ephemeral storage), restricted
 * security for the given uid, standard probe timings, and no extra env, NetworkPolicy, PodDisruptionBudget or
 * scheduling constraint.
 */
export function workloadDefaults(
  uid: number,
  resources: ResourceDefaults,
  storage: EphemeralStorage = SMALL_SCRATCH,
): ValuesOf<ReturnType<typeof workloadProperties>> {
  return {
    resources: withEphemeralStorage(resources, storage),
    ...restrictedSecurity(uid),
    probes: standardProbes(),
    extraEnv: [],
    networkPolicy: { enabled: false, allowSameNamespace: true, extraFrom: [], extraEgress: [] },
    // Neither bound by default (the template falls back to maxUnavailable: 1), so setting one alone works.
    podDisruptionBudget: { enabled: false },
    ...schedulingDefaults(),
  };
}
