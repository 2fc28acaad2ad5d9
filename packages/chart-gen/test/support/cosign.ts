import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

let binary: string | undefined;

/** The cosign binary (env COSIGN, else built or found by tools/install-tools.sh: a few minutes on first use). */
export function cosignBinary(): string {
  if (binary) return binary;
  if (process.env.COSIGN) return (binary = process.env.COSIGN);
  // The env is passed explicitly: under jest, child_process's default is the worker's environment, not process.env.
  const output = execFileSync('bash', [path.join(REPO_ROOT, 'tools/install-tools.sh'), '--print', 'cosign'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  return (binary = output.trim());
}
