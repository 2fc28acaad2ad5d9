import type { ChildProcess } from 'node:child_process';
import * as net from 'node:net';

/** A TCP port free on 127.0.0.1 at the time of the call (the kernel picks it; the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface WaitOptions {
  /** The server's name in error messages. */
  name: string;
  /** The base URL named in error messages. */
  url: string;
  /** Appended to url for the probe (a GET that answers 200 once the server serves). */
  path: string;
  child: ChildProcess;
  /** The server's output so far, for error messages. */
  log: () => string;
  timeoutMs?: number;
}

/**
 * Resolves once `GET <url><path>` answers 200; rejects with the server's output when it exits (or could not be
 * started) first, or does not answer within the timeout (15 s by default).
 */
export async function waitUntilServing({
  name,
  url,
  path,
  child,
  log,
  timeoutMs = 15_000,
}: WaitOptions): Promise<void> {
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`${name} could not be started: ${spawnError.message}\n${log()}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited ${child.exitCode ?? child.signalCode}:\n${log()}`);
    }
    try {
      if ((await fetch(`${url}${path}`, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch {
      // not listening yet (or not answering within 2 s)
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000} s:\n${log()}`);
}

/**
 * Sends the signal (SIGTERM by default) and resolves when the process has exited; SIGKILL after graceMs, so a hung
 * server cannot hang a test.
 */
export async function stopProcess(
  child: ChildProcess,
  graceMs = 10_000,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
