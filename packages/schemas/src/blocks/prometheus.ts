import { str } from '../kit';

/** A Prometheus duration as the Prometheus Operator's CRDs accept it (e.g. 5m, 1h30m, 15d). */
export function prometheusDuration(description: string) {
  return str(`${description} (Prometheus duration, e.g. 5m)`, {
    minLength: 1,
    pattern: '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$',
  });
}
