import type { Static } from '../kit';
import { bool, int, obj } from '../kit';

/** Timing of one probe; what it checks is the chart's business. */
export function probeSpec(description: string) {
  return obj(description, {
    enabled: bool('Enable this probe.'),
    initialDelaySeconds: int('Seconds after start before the first probe.', { minimum: 0 }),
    periodSeconds: int('Seconds between probes.', { minimum: 1 }),
    timeoutSeconds: int('Seconds before a probe times out.', { minimum: 1 }),
    failureThreshold: int('Failed probes in a row before the container is considered failed.', { minimum: 1 }),
    successThreshold: int('Successful probes in a row before the container is considered healthy again.', {
      minimum: 1,
    }),
  });
}

export function probesSpec() {
  return obj('Container health probes.', {
    liveness: probeSpec('Liveness probe: a failing container is restarted.'),
    readiness: probeSpec('Readiness probe: a failing pod receives no Service traffic.'),
  });
}

/**
 * A failing readiness probe only takes the pod out of its Service, so it reacts fast (15 s); a failing liveness probe
 * restarts the container, so it waits a minute: a slow dependency must not turn into a restart loop.
 */
export function standardProbes(): Static<ReturnType<typeof probesSpec>> {
  return {
    liveness: {
      enabled: true,
      initialDelaySeconds: 30,
      periodSeconds: 10,
      timeoutSeconds: 5,
      failureThreshold: 6,
      successThreshold: 1,
    },
    readiness: {
      enabled: true,
      initialDelaySeconds: 5,
      periodSeconds: 5,
      timeoutSeconds: 5,
      failureThreshold: 3,
      successThreshold: 1,
    },
  };
}
