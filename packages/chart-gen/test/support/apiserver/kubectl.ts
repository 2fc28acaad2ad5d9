import { spawn } from 'node:child_process';
import * as path from 'node:path';

import { REPO_ROOT, type Run } from '../helm';

/**
 * Runs a program against the control plane of <kubeconfig> without blocking the event loop: the hook runner must
 * act while helm waits for its hooks. <input> goes to stdin.
 */
export function runAsync(bin: string, args: string[], kubeconfig: string, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, KUBECONFIG: kubeconfig, HELM_CACHE_HOME: path.join(REPO_ROOT, '.nx/helm-cache') },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    // A program that exits before reading all its input (EPIPE) reports the reason by its status and stderr.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/**
 * The pinned kubectl (KUBECTL, built with the control plane by tools/install-tools.sh), so the client is the server's
 * release rather than whatever the machine has on PATH. Its --validate=strict is server-side strict field validation.
 */
export async function kubectl(kubeconfig: string, args: string[], input?: string): Promise<Run> {
  const bin = process.env.KUBECTL;
  if (!bin) throw new Error('KUBECTL is not set: run through npm test, or source scripts/tool-env.sh first');
  return runAsync(bin, args, kubeconfig, input);
}

/** kubectl that must succeed; its JSON output parsed. */
export async function kubectlJson<T>(kubeconfig: string, args: string[]): Promise<T> {
  const result = await kubectl(kubeconfig, [...args, '-o', 'json']);
  if (result.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** kubectl that must succeed; its output. */
export async function kubectlOk(kubeconfig: string, args: string[], input?: string): Promise<string> {
  const result = await kubectl(kubeconfig, args, input);
  if (result.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}
