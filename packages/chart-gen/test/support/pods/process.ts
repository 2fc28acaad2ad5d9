import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** `promise`'s value, or null when `seconds` pass first; the timer never outlives the race (it would hold jest). */
export async function within<T>(promise: Promise<T>, seconds: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, Math.min(seconds * 1000, 2 ** 31 - 1)));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One container's process: its sandbox's PID 1, its log, how it ended. */
export class ContainerProcess {
  private output = '';
  private readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly name: string,
    command: { file: string; args: string[] },
    logFile: string,
  ) {
    const log = fs.createWriteStream(logFile);
    this.child = spawn(command.file, command.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
    });
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      log.write(chunk);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) =>
      this.child.once('close', (code, signal) => {
        log.end();
        resolve({ code, signal });
      }),
    );
  }

  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The host pid of the container's PID 1 (the child `unshare --fork` made), once it exists. */
  async initPid(): Promise<number> {
    const pid = this.child.pid!;
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
        if (children) return Number(children.split(/\s+/)[0]);
      } catch {
        // unshare has exited
      }
      if (!this.running) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`container ${this.name} has no PID 1 (it exited: ${this.log.slice(-2000)})`);
  }

  /**
   * As a kubelet stops a container: the stop signal to PID 1, SIGKILL after the grace period. Says whether it exited
   * on its own and how long it took.
   */
  async stop(signal: NodeJS.Signals, graceSeconds: number): Promise<{ exitedInGrace: boolean; seconds: number }> {
    const start = Date.now();
    if (!this.running) return { exitedInGrace: true, seconds: 0 };
    try {
      process.kill(await this.initPid(), signal);
    } catch {
      // already gone
    }
    const inGrace = (await within(this.exited, graceSeconds)) !== null;
    if (!inGrace) await this.kill();
    return { exitedInGrace: inGrace, seconds: (Date.now() - start) / 1000 };
  }

  /**
   * SIGKILL to PID 1, which ends every process of its PID namespace. Killing `unshare` would not: its child dropped
   * the parent-death signal when it switched to the container's user.
   */
  async kill(): Promise<void> {
    if (!this.running) return;
    try {
      process.kill(await this.initPid(), 'SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
    await this.exited;
  }

  /**
   * Memory of every process of the container, in KiB: the sum of their proportional set sizes (a page shared by n
   * processes counts 1/n in each), close to what the container's memory cgroup is charged. Summing RSS would count
   * forked workers' shared pages once per worker.
   */
  memoryKiB(): number {
    const root = this.child.pid!;
    const parents = new Map<number, number>();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // exited meanwhile
      }
    }
    const inContainer = (pid: number): boolean => {
      for (
        let current: number | undefined = parents.get(pid);
        current !== undefined && current > 1;
        current = parents.get(current)
      ) {
        if (current === root) return true;
      }
      return false;
    };
    let total = 0;
    for (const pid of parents.keys()) {
      if (!inContainer(pid)) continue;
      try {
        const pss = /^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
        total += pss ? Number(pss[1]) : 0;
      } catch {
        // exited meanwhile
      }
    }
    return total;
  }
}
