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
