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
