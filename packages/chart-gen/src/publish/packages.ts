import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A packaged chart: dist/charts/<name>-<version>.tgz. */
export interface ChartPackage {
  name: string;
  version: string;
  file: string;
}

/** The `helm package` files of a folder, by the name-version file names Helm gives them. */
export function findPackages(dir: string): ChartPackage[] {
  if (!fs.existsSync(dir)) throw new Error(`no packages in ${dir}: run \`npx nx run-many -t package\` first`);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.tgz'))
    .sort()
    .map((file) => {
      const match = /^(?<name>[a-z0-9][a-z0-9-]*?)-(?<version>v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)\.tgz$/.exec(file);
      if (!match?.groups) throw new Error(`${path.join(dir, file)}: not a <name>-<version>.tgz chart package`);
      return { name: match.groups.name!, version: match.groups.version!, file: path.join(dir, file) };
    });
}

export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
