import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Environment } from './model';

export * from './model';

/** The package's source folder of environments, found from wherever this module runs (src under jest, dist built). */
function sourceFolder(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src', 'environments'))) {
      return path.join(dir, 'src', 'environments');
    }
  }
  throw new Error(`no src/environments above ${__dirname}`);
}

/**
 * The folder of the environments' runnable modules: this module's own (src/environments under jest,
 * dist/environments compiled), or dist/environments beside the bundled CLI (dist/cli.js), which inlines this module.
 */
function moduleFolder(): string {
  return path.basename(__dirname) === 'environments' ? __dirname : path.join(__dirname, 'environments');
}

/**
 * Every environment: each module of src/environments that default-exports one (dev.ts, prod.ts …), so adding an
 * environment is adding a file. The source folder is listed, not the build output: a deleted environment's stale
 * compiled file must not live on. Sorted by name for stable output.
 */
function discover(): Environment[] {
  const modules = fs
    .readdirSync(sourceFolder())
    .filter((file) => file.endsWith('.ts') && !/\.d\.ts$|\.test\.|^index\.|^model\./.test(file))
    .map((file) => file.replace(/\.ts$/, ''));
  const folder = moduleFolder();
  const environments = modules.map((name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = (require(path.join(folder, name)) as { default?: Environment }).default;
    if (!exported?.name) throw new Error(`environments/${name}.ts must default-export defineEnvironment({...})`);
    return exported;
  });
  const names = environments.map((e) => e.name);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length) throw new Error(`environment ${repeated.join(', ')} is defined twice`);
  return environments.sort((a, b) => a.name.localeCompare(b.name));
}

export const environments: readonly Environment[] = discover();
