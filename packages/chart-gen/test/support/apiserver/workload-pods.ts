import { kubectlJson } from './kubectl';

interface Owned {
  metadata: { name: string; ownerReferences?: { kind: string; name: string }[] };
}
interface Workload extends Owned {
  kind: string;
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

/** One list of workloads, ReplicaSets, Pods and Events (one request): each item has the fields of its kind. */
type Listed = Workload & Event;

const ownerOf = (object: Owned) => object.metadata.ownerReferences?.[0];

async function snapshot(kubeconfig: string, namespace: string): Promise<WorkloadPods & { expected: string[] }> {
  const kinds = 'deployments,statefulsets,jobs,replicasets,pods,events';
  const { items } = await kubectlJson<{ items: Listed[] }>(kubeconfig, ['get', kinds, '-n', namespace]);
  const of = (kind: string) => items.filter((item) => item.kind === kind);
  const workloads = [...of('Deployment'), ...of('StatefulSet'), ...of('Job')];
  const [replicaSets, pods, events] = [of('ReplicaSet'), of('Pod'), of('Event')];
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
