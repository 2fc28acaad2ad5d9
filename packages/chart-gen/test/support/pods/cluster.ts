import * as fs from 'node:fs';
import * as path from 'node:path';

import type { K8sObject } from '../helm';
import type { LocalPrograms } from './images';
import { ContainerFailed, Pod, type PodHost } from './pod';
import { type PodIdentity, PodRefused, type PodSpec } from './pod-spec';
import { within } from './process';

/**
 * A namespace's rendered objects run as a kubelet and a few controllers would run them, for tests: Deployments,
 * StatefulSets and Jobs become Pods (see pod.ts), Services resolve through each Pod's /etc/hosts to the address of
 * the Pod they select, claims are folders that outlive Pods. Needs root: Pods run in mount and PID namespaces as
 * their own users.
 */
export interface LocalClusterOptions {
  namespace: string;
  objects: K8sObject[];
  programs: LocalPrograms;
  /** Host folder for claims, Pods and logs; claims in it survive a new LocalCluster on the same folder. */
  dir: string;
}

interface Workload {
  kind: 'Deployment' | 'StatefulSet' | 'Job';
  name: string;
  labels: Record<string, string>;
  spec: PodSpec;
  job?: { backoffLimit?: number; activeDeadlineSeconds?: number };
}

export interface JobResult {
  /** Complete, BackoffLimitExceeded or DeadlineExceeded, the Job condition's reason. */
  reason: 'Complete' | 'BackoffLimitExceeded' | 'DeadlineExceeded';
  attempts: number;
  seconds: number;
  /** Each attempt's log of the Job's container. */
  logs: string[];
  /** When the deadline ended a running Pod: whether its container stopped within the grace period. */
  podStop?: { exitedInGrace: boolean; seconds: number };
}

/** Each cluster draws its Pod addresses from its own 127.x.y.0/24, so test files running at once do not collide. */
function addressBlock(): string {
  return `127.${100 + Math.floor(Math.random() * 150)}.${1 + Math.floor(Math.random() * 250)}`;
}

export function runnerNeedsRoot(): string | undefined {
  return process.getuid?.() === 0
    ? undefined
    : "the Pod runner needs root (mount and PID namespaces, running as the Pods' users); CI runs as root";
}

export class LocalCluster implements PodHost {
  readonly namespace: string;
  readonly programs: LocalPrograms;
  /** Every substitution the runner made to run these Pods here, once each. */
  readonly substitutions = new Set<string>();
  private readonly objects: K8sObject[];
  private readonly dir: string;
  private readonly block = addressBlock();
  private readonly addresses = new Map<string, string>();
  private readonly pods = new Set<Pod>();
  private podCount = 0;

  constructor(options: LocalClusterOptions) {
    const reason = runnerNeedsRoot();
    if (reason) throw new Error(reason);
    this.namespace = options.namespace;
    this.objects = [...options.objects];
    this.programs = options.programs;
    this.dir = options.dir;
    fs.mkdirSync(path.join(this.dir, 'claims'), { recursive: true });
    for (const line of [
      'Pod network: each Pod on its own address in 127.0.0.0/8 of this machine; a Service name resolves (through /etc/hosts) to the address of the first Pod it selects, so a Service port must equal its target port',
      'listen addresses: 0.0.0.0 and ":port" in arguments become the Pod\'s address; 127.0.0.1 and localhost in exec probes too',
      "root filesystem: this machine's /usr read-only under an empty tmpfs root (read-only with readOnlyRootFilesystem), the image's programs at their paths, generated /etc/hosts, /etc/passwd and /etc/group naming the Pod's user",
      'runAsUser, runAsGroup, fsGroup: honoured (chroot --userspec, volumes group-owned by fsGroup); seccomp, capabilities and resource limits are not enforced',
      'volumes: emptyDir and claims are host folders (claims kept across Pods), medium Memory is a tmpfs, ConfigMap and Secret volumes are files with their modes',
      'probes: readiness probes gate "ready"; liveness probes are not run',
    ]) {
      this.substitutions.add(line);
    }
  }

  substitute(line: string): void {
    this.substitutions.add(line);
  }

  /** Creates or replaces an object, as `kubectl apply` would; Pods started afterwards see it. */
  apply(object: K8sObject): void {
    const index = this.objects.findIndex((o) => o.kind === object.kind && o.metadata.name === object.metadata.name);
    if (index >= 0) this.objects[index] = object;
    else this.objects.push(object);
  }

  object(kind: string, name: string): K8sObject | undefined {
    return this.objects.find((object) => object.kind === kind && object.metadata.name === name);
  }

  claimDir(claimName: string): string {
    const dir = path.join(this.dir, 'claims', claimName);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  private workload(kind: Workload['kind'], name: string): Workload {
    const object = this.object(kind, name);
    if (!object) throw new Error(`no ${kind} ${name} in the rendered manifests`);
    const spec = object.spec as {
      template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
      backoffLimit?: number;
      activeDeadlineSeconds?: number;
    };
    return {
      kind,
      name,
      labels: spec.template.metadata?.labels ?? {},
      spec: spec.template.spec,
      ...(kind === 'Job'
        ? { job: { backoffLimit: spec.backoffLimit, activeDeadlineSeconds: spec.activeDeadlineSeconds } }
        : {}),
    };
  }

  /** A Pod's address, the same for the same Pod name (a StatefulSet Pod keeps its identity across restarts). */
  private address(podName: string): string {
    let ip = this.addresses.get(podName);
    if (!ip) {
      ip = `${this.block}.${this.addresses.size + 2}`;
      this.addresses.set(podName, ip);
    }
    return ip;
  }

  /** /etc/hosts of a Pod: itself, then every Service of the namespace by its DNS names. */
  hostsFile(pod: PodIdentity): string {
    const lines = ['127.0.0.1 localhost', `${pod.ip} ${pod.name}`];
    const workloads = ['Deployment', 'StatefulSet'].flatMap((kind) =>
      this.objects.filter((o) => o.kind === kind).map((o) => this.workload(kind as Workload['kind'], o.metadata.name)),
    );
    for (const service of this.objects.filter((object) => object.kind === 'Service')) {
      const spec = service.spec as {
        selector?: Record<string, string>;
        ports?: { port: number; targetPort?: number | string }[];
      };
      const selected = workloads.find((workload) =>
        Object.entries(spec.selector ?? {}).every(([key, value]) => workload.labels[key] === value),
      );
      if (!selected) continue;
      for (const port of spec.ports ?? []) {
        const target = port.targetPort ?? port.port;
        const containerPort =
          typeof target === 'number'
            ? target
            : selected.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === target)?.containerPort;
        if (containerPort !== port.port) {
          throw new PodRefused(
            'Unsupported',
            `Service ${service.metadata.name} port ${port.port} targets ${target} (${containerPort}); the runner needs them equal`,
          );
        }
      }
      const name = service.metadata.name;
      const ns = this.namespace;
      const podName = `${selected.name}-0`;
      lines.push(`${this.address(podName)} ${name} ${name}.${ns} ${name}.${ns}.svc ${name}.${ns}.svc.cluster.local`);
      if (selected.kind === 'StatefulSet')
        lines.push(`${this.address(podName)} ${podName}.${name}.${ns}.svc.cluster.local ${podName}.${name}`);
    }
    return `${lines.join('\n')}\n`;
  }

  private newPod(spec: PodSpec, podName: string): Pod {
    const identity = {
      name: podName,
      ip: this.address(podName),
      dir: path.join(this.dir, 'pods', `${++this.podCount}-${podName}`),
    };
    fs.mkdirSync(identity.dir, { recursive: true });
    const pod = new Pod(this, identity, spec);
    this.pods.add(pod);
    return pod;
  }

  /** Starts replica `replica` of a Deployment or StatefulSet: init containers to completion, then its containers. */
  async startPod(kind: 'Deployment' | 'StatefulSet', name: string, replica = 0): Promise<Pod> {
    const pod = this.newPod(this.workload(kind, name).spec, `${name}-${replica}`);
    await pod.start();
    return pod;
  }

  /** A Pod of the test's own (`kubectl run --restart=Never`), run until its container exits. */
  async runPod(name: string, spec: PodSpec, timeoutSeconds = 120): Promise<{ code: number | null; log: string }> {
    const pod = this.newPod({ enableServiceLinks: false, restartPolicy: 'Never', ...spec }, name);
    try {
      await pod.start();
      const container = pod.containers.get(spec.containers[0]!.name)!;
      const ended = await within(container.exited, timeoutSeconds);
      if (ended === null) throw new Error(`Pod ${name} did not end within ${timeoutSeconds} s:\n${container.log}`);
      return { code: ended.code, log: container.log };
    } finally {
      await this.stopPod(pod);
    }
  }

  /**
   * Runs a Job as the Job controller does: a new Pod per attempt until one succeeds or backoffLimit is exceeded, all
   * ended by activeDeadlineSeconds, counted from the Job's start.
   */
  async runJob(name: string): Promise<JobResult> {
    const workload = this.workload('Job', name);
    const backoffLimit = workload.job?.backoffLimit ?? 6;
    const deadlineSeconds = workload.job?.activeDeadlineSeconds;
    const start = Date.now();
    const logs: string[] = [];
    const result = (reason: JobResult['reason']): JobResult => ({
      reason,
      attempts: logs.length,
      seconds: (Date.now() - start) / 1000,
      logs,
    });
    for (let attempt = 0; attempt <= backoffLimit; attempt++) {
      const pod = this.newPod(workload.spec, `${name}-${attempt}`);
      await pod.start();
      const container = pod.containers.get(workload.spec.containers[0]!.name)!;
      const remaining = deadlineSeconds === undefined ? Infinity : deadlineSeconds - (Date.now() - start) / 1000;
      const ended = await within(container.exited, remaining);
      logs.push(container.log);
      if (ended === null) {
        // The Job fails at its deadline; its Pod is then deleted with the usual grace period.
        const failed = result('DeadlineExceeded');
        failed.podStop = (await this.stopPod(pod))[container.name];
        return failed;
      }
      this.pods.delete(pod);
      if (ended.code === 0) return result('Complete');
    }
    return result('BackoffLimitExceeded');
  }

  /** Stops every Pod still running (claims stay). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.pods].map((pod) => pod.stop()));
    this.pods.clear();
  }

  /** Stops one Pod as a kubelet does (see Pod.stop) and drops it from the Pods stopAll stops. */
  async stopPod(pod: Pod): Promise<Awaited<ReturnType<Pod['stop']>>> {
    const result = await pod.stop();
    this.pods.delete(pod);
    return result;
  }
}

export { ContainerFailed, PodRefused };
