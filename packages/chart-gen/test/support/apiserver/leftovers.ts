import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Every control plane lives in a folder with this prefix; its `owner` file names the test process that started it. */
export const DIR_PREFIX = 'chart-gen-apiserver-';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Whether <pid> is still the program the control plane started (a pid can be reused by another program). */
function runs(pid: number, binary: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === binary;
  } catch {
    return false;
  }
}

/** SIGKILLs every server recorded in <dir>/pids that still runs its binary. */
export function killRecorded(dir: string): void {
  const file = path.join(dir, 'pids');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const [pid, binary] = [Number(line.split(' ')[0]), line.slice(line.indexOf(' ') + 1)];
    if (runs(pid, binary)) process.kill(pid, 'SIGKILL');
  }
}

/**
 * Stops and removes the control planes of test processes that are gone: a worker killed with SIGKILL runs no
 * clean-up, and its etcd and kube-apiserver would otherwise keep running.
 */
export function removeLeftovers(): void {
  for (const name of fs.readdirSync(os.tmpdir()).filter((entry) => entry.startsWith(DIR_PREFIX))) {
    const dir = path.join(os.tmpdir(), name);
    const ownerFile = path.join(dir, 'owner');
    // A folder without its owner yet may be another worker's, created a moment ago.
    if (!fs.existsSync(ownerFile)) {
      if (Date.now() - fs.statSync(dir).mtimeMs < 60_000) continue;
    } else if (alive(Number(fs.readFileSync(ownerFile, 'utf8')))) continue;
    killRecorded(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
