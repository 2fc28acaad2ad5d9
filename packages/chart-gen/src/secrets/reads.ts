import { isPlainObject } from '../emit/schema-walk';
import type { Environment } from '../environments/model';
import { environmentValues } from '../generate';
import { deployingEnvironments } from '../gitops/application';
import type { ChartDefinition } from '../model';
import { mergeValues } from '../validate';

/** A Secret key some chart reads, and which charts read it. */
export interface SecretRead {
  secret: string;
  key: string;
  readers: string[];
}

type Values = Record<string, unknown>;

const at = (values: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), values);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** `auth.existingSecret` with `auth.secretKeys`: how the charts owning credentials read them (blocks/credentials). */
function authReads(values: Values): { secret: string; key: string }[] {
  const secret = text(at(values, 'auth.existingSecret'));
  const keys = at(values, 'auth.secretKeys');
  if (!secret || !isPlainObject(keys)) return [];
  return Object.values(keys).flatMap((key) => (text(key) ? [{ secret, key: key as string }] : []));
}

/** Charts that read Secrets owned by others, by the values naming them (a Secret value and its key values). */
const FOREIGN_READS: Record<string, { secret: string; keys: string[] }[]> = {
  mlflow: [
    { secret: 'backendStore.existingSecret', keys: ['backendStore.passwordKey'] },
    { secret: 'artifacts.s3.existingSecret', keys: ['artifacts.s3.accessKeyKey', 'artifacts.s3.secretKeyKey'] },
  ],
};

function chartReads(chart: ChartDefinition, values: Values): { secret: string; key: string }[] {
  const foreign = (FOREIGN_READS[chart.name] ?? []).flatMap(({ secret, keys }) => {
    const name = text(at(values, secret));
    return name
      ? keys.flatMap((key) => (text(at(values, key)) ? [{ secret: name, key: at(values, key) as string }] : []))
      : [];
  });
  return [...authReads(values), ...foreign];
}

/** The values a chart renders with in an environment: its defaults under the environment's values. */
function renderedValues(chart: ChartDefinition, env: Environment): Values {
  return mergeValues(chart.values.defaults, environmentValues(chart, env)) as Values;
}

/**
 * Every Secret key the environment's charts read, sorted: each chart that the environment deploys on its own or
 * through an umbrella, with the values it renders with there.
 */
export function secretReads(env: Environment, charts: readonly ChartDefinition[]): SecretRead[] {
  const found = new Map<string, SecretRead>();
  const add = (chart: string, reads: { secret: string; key: string }[]) => {
    for (const { secret, key } of reads) {
      const id = `${secret}\u0000${key}`;
      const read = found.get(id) ?? { secret, key, readers: [] };
      if (!read.readers.includes(chart)) read.readers.push(chart);
      found.set(id, read);
    }
  };
  for (const chart of charts) {
    if (deployingEnvironments(chart, [env]).length === 0) continue;
    if (chart.dependencies?.length) {
      const umbrella = renderedValues(chart, env);
      for (const dep of chart.dependencies) {
        const own = umbrella[dep.name];
        if (isPlainObject(own) && own.enabled === false) continue;
        add(dep.name, chartReads(dep, mergeValues(dep.values.defaults, own) as Values));
      }
    } else if (!charts.some((other) => other.dependencies?.some((dep) => dep.name === chart.name))) {
      add(chart.name, chartReads(chart, renderedValues(chart, env)));
    }
  }
  return [...found.values()].sort((a, b) => a.secret.localeCompare(b.secret) || a.key.localeCompare(b.key));
}
