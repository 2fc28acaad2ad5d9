import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { stopProcess } from '../ports';

/** A server the control plane runs: its output goes to <dir>/<name>.log, its pid to <dir>/pids (see leftovers.ts). */
export interface ServerProcess {
  name: string;
  child: ChildProcess;
  /** The last lines of its output, for error messages. */
  tail(lines?: number): string;
  /** Why it is not running, or undefined while it runs. */
  exited(): string | undefined;
  stop(): Promise<void>;
}

export function startServer(
  dir: string,
  name: string,
  binary: string,
  args: string[],
  /** Variables added to this process's environment. */
  env: Record<string, string> = {},
): ServerProcess {
  const logFile = path.join(dir, `${name}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(binary, args, { stdio: ['ignore', log, log], env: { ...process.env, ...env } });
  fs.closeSync(log);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  if (child.pid !== undefined) fs.appendFileSync(path.join(dir, 'pids'), `${child.pid} ${binary}\n`);
  const tail = (lines = 30) => {
    const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    return `--- last lines of ${logFile}:\n${text.trimEnd().split('\n').slice(-lines).join('\n')}`;
  };
  const exited = () => {
    if (spawnError) return `${name} could not be started (${binary}): ${spawnError.message}`;
    if (child.exitCode !== null || child.signalCode !== null)
      return `${name} exited ${child.exitCode ?? child.signalCode}`;
    return undefined;
  };
  return { name, child, tail, exited, stop: () => stopProcess(child, 15_000) };
}

/**
 * Polls `probe` until it resolves true; rejects with the server's last log lines when the server exits first or
 * `timeoutMs` passes.
 */
export async function waitFor(
  server: ServerProcess,
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = server.exited();
    if (exited) throw new Error(`${exited} before ${what}\n${server.tail()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${server.name}: not ${what} within ${timeoutMs / 1000} s\n${server.tail()}`);
}
