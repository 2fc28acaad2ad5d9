import { spawnSync } from 'node:child_process';

/** Runs git in `root`; throws with git's message on failure. */
export function git(root: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.error) throw new Error(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout;
}

/** The file at a revision, or null when it does not exist there. */
export function showFile(root: string, revision: string, file: string): string | null {
  const result = spawnSync('git', ['show', `${revision}:${file}`], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : null;
}
