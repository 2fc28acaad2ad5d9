import { listIn } from './api';

interface Owned {
  metadata: { name: string; ownerReferences?: { kind: string; name: string }[] };
}
interface Workload extends Owned {
  spec: { replicas?: number };
}
interface Event {
  reason: string;
  message: string;
  involvedObject: { kind: string; name: string };
}

export interface WorkloadPods {
  /** Pods per workload (Deployment/x, StatefulSet/x, Job/x), found through their owners. */
  pods: Record<string, number>;
  /** FailedCreate events: a controller could not create a Pod (Pod Security, quota, a missing ServiceAccount …). */
  failures: string[];
}

const ownerOf = (object: Owned) => object.metadata.ownerReferences?.[0];

async function snapshot(kubeconfig: string, namespace: string): Promise<WorkloadPods & { expected: string[] }> {
  const list = <T>(group: string, resource: string) => listIn<T>(kubeconfig, group, resource, namespace);
  const [deployments, statefulSets, jobs, replicaSets, pods, events] = await Promise.all([
    list<Workload>('apis/apps/v1', 'deployments'),
    list<Workload>('apis/apps/v1', 'statefulsets'),
    list<Workload>('apis/batch/v1', 'jobs'),
    list<Owned>('apis/apps/v1', 'replicasets'),
    list<Owned>('api/v1', 'pods'),
    list<Event>('api/v1', 'events'),
  ]);
  const workloads = [
    ...deployments.map((w) => ({ ...w, kind: 'Deployment' })),
    ...statefulSets.map((w) => ({ ...w, kind: 'StatefulSet' })),
    ...jobs.map((w) => ({ ...w, kind: 'Job' })),
  ];
  const deploymentOf = new Map(replicaSets.map((rs) => [rs.metadata.name, ownerOf(rs)?.name]));
  const counts: Record<string, number> = {};
  for (const pod of pods) {
    const owner = ownerOf(pod);
    if (!owner) continue;
    const key =
      owner.kind === 'ReplicaSet' ? `Deployment/${deploymentOf.get(owner.name)}` : `${owner.kind}/${owner.name}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return {
    pods: counts,
    failures: events
      .filter((event) => event.reason === 'FailedCreate')
      .map((event) => `${event.involvedObject.kind}/${event.involvedObject.name}: ${event.message}`),
    // A workload scaled to 0 has no Pod to wait for.
    expected: workloads.filter((w) => w.spec.replicas !== 0).map((w) => `${w.kind}/${w.metadata.name}`),
  };
}

/**
 * Waits until the controller-manager has created a Pod for every Deployment, StatefulSet and Job of the namespace
 * (they stay Pending: there is no kubelet), or has reported that it could not. Pod Security is enforced when a Pod
 * is created, not when its Deployment is, so this is where a restricted namespace refuses a workload.
 */
export async function waitForWorkloadPods(kubeconfig: string, namespace: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await snapshot(kubeconfig, namespace);
    const missing = state.expected.filter((workload) => !state.pods[workload]);
    if (state.failures.length || !missing.length || Date.now() > deadline) {
      return { pods: state.pods, failures: state.failures, missing } as WorkloadPods & { missing: string[] };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
