import { QUANTITY_PATTERN } from '@chart-gen/schemas';

import { isPlainObject } from '../emit/schema-walk';

const SUFFIXES: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const QUANTITY = new RegExp(QUANTITY_PATTERN);

/** A Kubernetes quantity in base units (cores, bytes): 250m is 0.25, 1Gi is 2^30, 1e3 is 1000; undefined if not one. */
export function quantityValue(quantity: unknown): number | undefined {
  if (typeof quantity === 'number') return quantity >= 0 ? quantity : undefined;
  if (typeof quantity !== 'string' || !QUANTITY.test(quantity)) return undefined;
  // The schema's pattern has matched: digits and a dot, then nothing, a suffix, or an exponent (e3, E3).
  const number = /^[0-9.]+/.exec(quantity)![0];
  const suffix = quantity.slice(number.length);
  const scale = Object.hasOwn(SUFFIXES, suffix) ? SUFFIXES[suffix]! : 10 ** Number(suffix.slice(1) || 0);
  return Number(number) * scale;
}

/**
 * Each request of a resources block (`requests` beside `limits`) that is more than its limit, as "<key path>:
 * <reason>". The API server refuses such a container, so a chart whose values hold one would fail only at sync.
 */
export function findRequestsOverLimits(values: unknown, prefix = ''): string[] {
  if (Array.isArray(values)) return values.flatMap((item, i) => findRequestsOverLimits(item, `${prefix}[${i}]`));
  if (!isPlainObject(values)) return [];
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const found: string[] = [];
  const { requests, limits } = values;
  if (isPlainObject(requests) && isPlainObject(limits)) {
    for (const [resource, request] of Object.entries(requests)) {
      const [wanted, allowed] = [quantityValue(request), quantityValue(limits[resource])];
      if (wanted !== undefined && allowed !== undefined && wanted > allowed) {
        found.push(
          `${at(`requests.${resource}`)}: ${String(request)} is more than its limit ${String(limits[resource])} ` +
            `(${at(`limits.${resource}`)}), which Kubernetes refuses`,
        );
      }
    }
  }
  for (const [key, value] of Object.entries(values)) found.push(...findRequestsOverLimits(value, at(key)));
  return found;
}
