import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from './model';

export interface Drift {
  /** Files whose content would change, or that do not exist yet. */
  changed: GeneratedFile[];
  /** Files in generated folders that the generator no longer emits. */
  stale: string[];
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Paths (relative to the root) that a generation owns: under `scan`, those for which `owns` is true. */
export interface Ownership {
  scan: string[];
  owns: (relativePath: string) => boolean;
}

/** Compares generated files with what `root` holds; an owned file that is not generated any more is stale. */
export function findDrift(root: string, files: GeneratedFile[], owned: Ownership[]): Drift {
  const changed = files.filter((file) => readOrNull(path.join(root, file.path)) !== file.content);
  const expected = new Set(files.map((file) => file.path));
  const stale = new Set<string>();
  for (const { scan, owns } of owned) {
    for (const file of scan.flatMap((dir) => listFiles(path.join(root, dir)))) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      if (owns(relative) && !expected.has(relative)) stale.add(relative);
    }
  }
  return { changed, stale: [...stale].sort() };
}

export const hasDrift = (drift: Drift) => drift.changed.length > 0 || drift.stale.length > 0;

/**
 * Applies a drift in two phases so a failure never leaves a chart half-written: every changed file is first
 * written to a temporary file beside its target (any error removes them all and changes nothing), then each is
 * renamed over its target, which is atomic per file. Stale files go last.
 */
export function applyDrift(root: string, drift: Drift): void {
  const suffix = `.chart-gen-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of drift.changed) {
      const target = path.join(root, file.path);
      if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
        throw new Error(`cannot write ${file.path}: a folder is in the way`);
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = target + suffix;
      staged.push({ temp, target });
      fs.writeFileSync(temp, file.content, { flag: 'wx' });
    }
  } catch (error) {
    for (const { temp } of staged) fs.rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) fs.renameSync(temp, target);
  for (const file of drift.stale) fs.rmSync(path.join(root, file));
}
