import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import {
  argvOf,
  type ContainerSpec,
  imageOf,
  materializeVolumes,
  mountsOf,
  type PodEnvironment,
  type PodIdentity,
  PodRefused,
  type PodSpec,
  type Probe,
  resolveEnv,
  securityOf,
} from './pod-spec';
import { ContainerProcess } from './process';
import { sandboxCommand } from './sandbox';

/** What a Pod needs from the cluster besides its objects: the /etc/hosts that resolves Services. */
export interface PodHost extends PodEnvironment {
  hostsFile(pod: PodIdentity): string;
}

/** A container ended badly: its name, how, and its log (what `kubectl logs` shows). */
export class ContainerFailed extends Error {
  constructor(
    readonly container: string,
    readonly code: number | null,
    readonly log: string,
  ) {
    super(`container ${container} exited with ${code}:\n${log.slice(-3000)}`);
  }
}

/**
 * Every Pod shares this machine's network, each on an address of its own in 127.0.0.0/8. A server told to listen on
 * all addresses (`0.0.0.0`, `:port`) is told to listen on the Pod's address instead.
 */
function listenOnPodAddress(arg: string, ip: string): string {
  return arg.replace(/\b0\.0\.0\.0\b/g, ip).replace(/=:(\d+)\b/g, `=${ip}:$1`);
}

/** In a Pod, 127.0.0.1 is the Pod itself; here that is the Pod's own address. */
function loopbackIsPod(arg: string, ip: string): string {
  return arg.replace(/\b127\.0\.0\.1\b|\blocalhost\b/g, ip);
}

function etcFiles(host: PodHost, pod: PodIdentity, user: { uid?: number; gid?: number; fsGroup?: number }) {
  const passwd = ['root:x:0:0:root:/root:/bin/sh'];
  const group = ['root:x:0:'];
  if (user.uid !== undefined && user.uid !== 0)
    passwd.push(`container:x:${user.uid}:${user.gid ?? user.uid}:container user:/:/usr/sbin/nologin`);
  for (const [name, gid] of [
    ['container', user.gid],
    ['fsgroup', user.fsGroup],
  ] as const) {
    if (gid !== undefined && gid !== 0 && !group.some((line) => line.split(':')[2] === String(gid)))
      group.push(`${name}:x:${gid}:`);
  }
  return {
    hosts: host.hostsFile(pod),
    hostname: `${pod.name}\n`,
    passwd: `${passwd.join('\n')}\n`,
    group: `${group.join('\n')}\n`,
  };
}

export class Pod {
  readonly containers = new Map<string, ContainerProcess>();
  /** Logs of the init containers that ran, by name. */
  readonly initLogs = new Map<string, string>();
  private volumes = new Map<string, { source?: string; readOnly: boolean }>();

  constructor(
    private readonly host: PodHost,
    readonly identity: PodIdentity,
    readonly spec: PodSpec,
  ) {}

  /** What the kubelet works out before it creates a container: its image, environment and user. */
  private prepare(container: ContainerSpec) {
    const image = imageOf(container, this.host.programs);
    const vars = resolveEnv(container, this.host, this.identity);
    const security = securityOf(container, this.spec);
    // Only root can switch users; elsewhere the runner refuses to start (see cluster.ts).
    const user =
      security.uid !== undefined
        ? { uid: security.uid, gid: security.gid ?? security.uid, groups: security.groups }
        : undefined;
    return { image, vars, security, user, env: { PATH: image.path.join(':'), HOSTNAME: this.identity.name, ...vars } };
  }

  private command(container: ContainerSpec) {
    const { image, vars, security, user, env } = this.prepare(container);
    this.host.substitute(`image ${container.image.split('@')[0]} → ${image.stands}`);
    const argv = [
      ...argvOf(container, image, vars).map((arg) => listenOnPodAddress(arg, this.identity.ip)),
      ...(image.listenArgs?.(this.identity.ip) ?? []),
    ];
    const dir = path.join(this.identity.dir, 'sandboxes', container.name);
    fs.mkdirSync(dir, { recursive: true });
    return sandboxCommand({
      dir,
      mounts: [...image.binds.map((bind) => ({ ...bind, readOnly: true })), ...mountsOf(container, this.volumes)],
      etc: etcFiles(this.host, this.identity, { uid: security.uid, gid: security.gid, fsGroup: security.fsGroup }),
      readOnlyRoot: security.readOnlyRoot,
      ...(user ? { user } : {}),
      workingDir: container.workingDir ?? '/',
      argv,
      env,
    });
  }

  private startContainer(container: ContainerSpec): ContainerProcess {
    const command = this.command(container);
    const logs = path.join(this.identity.dir, 'logs');
    fs.mkdirSync(logs, { recursive: true });
    const started = new ContainerProcess(container.name, command, path.join(logs, `${container.name}.log`));
    this.containers.set(container.name, started);
    return started;
  }

  /** Volumes, then each init container to completion in order, then the containers. Refusals and failures throw. */
  async start(): Promise<void> {
    if (this.spec.enableServiceLinks !== false) {
      throw new PodRefused(
        'Unsupported',
        'enableServiceLinks is not false: the runner does not inject Service environment variables',
      );
    }
    this.volumes = materializeVolumes(this.spec, this.host, this.identity);
    for (const container of this.spec.initContainers ?? []) {
      const process = this.startContainer(container);
      const { code } = await process.exited;
      this.initLogs.set(container.name, process.log);
      this.containers.delete(container.name);
      if (code !== 0) throw new ContainerFailed(container.name, code, process.log);
    }
    for (const container of this.spec.containers) this.startContainer(container);
  }

  log(container: string): string {
    return this.containers.get(container)?.log ?? this.initLogs.get(container) ?? '';
  }

  private async probe(container: ContainerSpec, probe: Probe): Promise<boolean> {
    const port = (value: number | string) =>
      typeof value === 'number'
        ? value
        : (container.ports ?? []).find((candidate) => candidate.name === value)?.containerPort;
    if (probe.httpGet) {
      const target = port(probe.httpGet.port);
      try {
        const response = await fetch(`http://${this.identity.ip}:${target}${probe.httpGet.path ?? '/'}`, {
          signal: AbortSignal.timeout((probe.timeoutSeconds ?? 1) * 1000),
        });
        return response.status >= 200 && response.status < 400;
      } catch {
        return false;
      }
    }
    if (probe.tcpSocket) {
      const target = port(probe.tcpSocket.port)!;
      return new Promise((resolve) => {
        const socket = net.connect(target, this.identity.ip, () => (socket.end(), resolve(true)));
        socket.on('error', () => resolve(false));
      });
    }
    if (probe.exec)
      return (
        (
          await this.exec(
            container,
            probe.exec.command.map((arg) => loopbackIsPod(arg, this.identity.ip)),
          )
        ).status === 0
      );
    throw new PodRefused('Unsupported', `probe of container ${container.name} has no handler the runner knows`);
  }

  /** Runs a command in a running container's namespaces, as its user and with its environment (`kubectl exec`). */
  async exec(container: ContainerSpec, argv: string[]): Promise<{ status: number | null; output: string }> {
    const running = this.containers.get(container.name);
    if (!running) throw new Error(`container ${container.name} is not running`);
    const { user, env } = this.prepare(container);
    const as = user ? [`--setuid=${user.uid}`, `--setgid=${user.gid}`] : [];
    const vars = Object.entries(env).map(([name, value]) => `${name}=${value}`);
    const args = [
      `--target=${await running.initPid()}`,
      '--mount',
      '--pid',
      '--root',
      '--wd',
      ...as,
      '/usr/bin/env',
      '-i',
      ...vars,
      ...argv,
    ];
    const result = spawnSync('nsenter', args, { encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  /** Waits until every container with a readiness probe passes it; fails with the logs when one exits instead. */
  async waitReady(timeoutSeconds = 60): Promise<void> {
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (const container of this.spec.containers) {
      const probe = container.readinessProbe;
      if (!probe) continue;
      const running = this.containers.get(container.name)!;
      for (;;) {
        if (!running.running) {
          const { code } = await running.exited;
          throw new ContainerFailed(container.name, code, running.log);
        }
        if (await this.probe(container, probe)) break;
        if (Date.now() > deadline)
          throw new Error(
            `container ${container.name} of ${this.identity.name} not ready in ${timeoutSeconds} s:\n${running.log.slice(-3000)}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  /** Stops every container as a kubelet does; per container, whether it exited within the grace period. */
  async stop(): Promise<Record<string, { exitedInGrace: boolean; seconds: number }>> {
    const grace = this.spec.terminationGracePeriodSeconds ?? 30;
    const results: Record<string, { exitedInGrace: boolean; seconds: number }> = {};
    await Promise.all(
      this.spec.containers.map(async (container) => {
        const running = this.containers.get(container.name);
        if (!running) return;
        const signal = (container.lifecycle?.stopSignal ??
          imageOf(container, this.host.programs).stopSignal ??
          'SIGTERM') as NodeJS.Signals;
        results[container.name] = await running.stop(signal, grace);
      }),
    );
    return results;
  }
}
