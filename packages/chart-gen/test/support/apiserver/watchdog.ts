import { spawn } from 'node:child_process';
import * as path from 'node:path';

/**
 * Starts a detached shell that waits for this process to end, then kills the servers recorded in <dir>/pids (those
 * still running their binary) and removes <dir>. An interrupted run (Ctrl-C, a CI timeout, a killed jest worker) runs
 * no afterAll and no exit handler of the test environment; this runs anyway. After a normal stop() it finds the folder
 * gone and just ends.
 */
export function startWatchdog(dir: string): void {
  const script = `
    while kill -0 "$1" 2>/dev/null && [ -d "$2" ]; do sleep 1; done
    [ -f "$2/pids" ] || exit 0
    while read -r pid binary; do
      [ "$(tr '\\0' '\\n' < "/proc/$pid/cmdline" 2>/dev/null | head -n 1)" = "$binary" ] && kill -9 "$pid"
    done < "$2/pids"
    rm -rf "$2"`;
  const child = spawn('sh', ['-c', script, 'watchdog', String(process.pid), path.resolve(dir)], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}
