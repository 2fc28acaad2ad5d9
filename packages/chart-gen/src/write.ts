import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
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
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
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
 * Applies a drift so that a failure leaves the tree as it was. Every changed file is first written to a temporary
 * file beside its target; then targets are swapped in, each old file (and each stale one) set aside as a backup.
 * Any error undoes the swaps in reverse, restores the backups and removes the temporary files; only a complete
 * run deletes the backups.
 */
export function applyDrift(root: string, drift: Drift): void {
  const suffix = `.chart-gen-${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged: { temp: string; target: string }[] = [];
  const done: { target: string; backup: string | null; replaced: boolean }[] = [];
  const createdFolders: string[] = [];
  const cleanUp = () => {
    for (const { temp } of staged) fs.rmSync(temp, { force: true });
    for (const folder of createdFolders.reverse()) fs.rmSync(folder, { recursive: true, force: true });
  };
  try {
    for (const file of drift.changed) {
      const target = path.join(root, file.path);
      if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
        throw new Error(`cannot write ${file.path}: a folder is in the way`);
      }
      const created = fs.mkdirSync(path.dirname(target), { recursive: true });
      if (created) createdFolders.push(created);
      const temp = `${target}${suffix}.tmp`;
      staged.push({ temp, target });
      fs.writeFileSync(temp, file.content, { flag: 'wx' });
    }
    for (const { temp, target } of staged) {
      const backup = fs.existsSync(target) ? `${target}${suffix}.bak` : null;
      if (backup) fs.renameSync(target, backup);
      done.push({ target, backup, replaced: false });
      fs.renameSync(temp, target);
      done[done.length - 1]!.replaced = true;
    }
    for (const file of drift.stale) {
      const target = path.join(root, file);
      const backup = `${target}${suffix}.bak`;
      fs.renameSync(target, backup);
      done.push({ target, backup, replaced: false });
    }
  } catch (error) {
    for (const { target, backup, replaced } of done.reverse()) {
      if (replaced) fs.rmSync(target, { force: true });
      if (backup) fs.renameSync(backup, target);
    }
    cleanUp();
    throw error;
  }
  for (const { backup } of done) if (backup) fs.rmSync(backup, { force: true });
  for (const file of drift.stale) removeEmptyFolders(root, path.dirname(path.join(root, file)));
}

/** Removes a folder a stale file left empty, and its parents up to the root while they are empty too. */
function removeEmptyFolders(root: string, dir: string): void {
  for (let current = dir; current.startsWith(root + path.sep); current = path.dirname(current)) {
    if (!fs.existsSync(current) || fs.readdirSync(current).length > 0) return;
    fs.rmdirSync(current);
  }
}
