import type { Static } from '../kit';
import { obj, optional, quantity } from '../kit';

function cpuAndMemory(description: string) {
  return obj(description, {
    cpu: optional(quantity('CPU')),
    memory: optional(quantity('Memory')),
    'ephemeral-storage': optional(quantity('Ephemeral storage')),
  });
}

/** Container resource requests and limits. */
export function resourcesSpec(description = 'Container resource requests and limits.') {
  return obj(description, {
    requests: cpuAndMemory('Resources the scheduler reserves for the container.'),
    limits: cpuAndMemory('Resources the container may not exceed.'),
  });
}

/** Requests and limits of a container. */
export interface ResourceDefaults {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/** Requested and allowed local disk of a container: its logs and writable layer, and its emptyDir volumes. */
export interface EphemeralStorage {
  request: string;
  limit: string;
}

/** Enough for logs and small scratch files; a container that spools more says so. */
export const SMALL_SCRATCH: EphemeralStorage = { request: '64Mi', limit: '1Gi' };

/**
 * Resources with ephemeral-storage set as well, so the scheduler places the pod where the disk is and the kubelet
 * evicts a container that fills the node's disk instead of the node failing.
 */
export function withEphemeralStorage(
  resources: ResourceDefaults,
  storage: EphemeralStorage = SMALL_SCRATCH,
): Static<ReturnType<typeof resourcesSpec>> {
  return {
    requests: { ...resources.requests, 'ephemeral-storage': storage.request },
    limits: { ...resources.limits, 'ephemeral-storage': storage.limit },
  };
}
