import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Environment } from './model';

export * from './model';

/**
 * Every environment: each module of this folder that default-exports one (dev.ts, prod.ts …), so adding an
 * environment is adding a file. Sorted by name for stable output.
 */
function discover(): Environment[] {
  const modules = fs
    .readdirSync(__dirname)
    .filter((file) => /\.(js|ts)$/.test(file) && !/\.d\.ts$|\.test\.|^index\.|^model\./.test(file));
  const environments = modules.map((file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = (require(path.join(__dirname, file)) as { default?: Environment }).default;
    if (!exported?.name) throw new Error(`environments/${file} must default-export defineEnvironment({...})`);
    return exported;
  });
  const names = environments.map((e) => e.name);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length) throw new Error(`environment ${repeated.join(', ')} is defined twice`);
  return environments.sort((a, b) => a.name.localeCompare(b.name));
}

export const environments: readonly Environment[] = discover();
