import * as fs from 'node:fs';
import * as path from 'node:path';

import { UsageError } from './args';

/** The repository root: --root, else the nearest folder above `start` holding nx.json. */
export function findRoot(start: string, given?: string): string {
  if (given) return path.resolve(given);
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new UsageError(`no nx.json above ${start}; pass --root`);
  }
}
