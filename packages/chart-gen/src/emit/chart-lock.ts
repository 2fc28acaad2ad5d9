import { createHash } from 'node:crypto';

import type { ChartDefinition } from '../model';
import { chartDependencies } from './chart-yaml';
import { yamlHeader } from './header';
import { toYaml } from './yaml';

/**
 * Chart.lock of an umbrella, written the way `helm dependency update` writes it, so `helm dependency build`
 * accepts it. Helm's digest is sha256 over the Go JSON encoding of [Chart.yaml dependencies, locked
 * dependencies]; the struct field order (name, version, repository, condition) is Helm's. `generated` is fixed:
 * a timestamp would change the file on every run.
 */
export function chartLock(def: ChartDefinition): string {
  const requested = chartDependencies(def);
  const locked = requested.map(({ name, version, repository }) => ({ name, repository, version }));
  const goJson = JSON.stringify([
    // Go omits an empty condition (json:"condition,omitempty").
    requested.map(({ name, version, repository, condition }) => ({
      name,
      version,
      repository,
      ...(condition ? { condition } : {}),
    })),
    locked.map(({ name, version, repository }) => ({ name, version, repository })),
  ]);
  const digest = `sha256:${createHash('sha256').update(goJson).digest('hex')}`;
  return yamlHeader + toYaml({ dependencies: locked, digest, generated: '1970-01-01T00:00:00Z' });
}
