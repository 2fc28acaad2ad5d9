import { apiRequest, listIn } from './api';

interface Meta {
  metadata: {
    name: string;
    annotations?: Record<string, string>;
    ownerReferences?: { kind: string; name: string }[];
  };
  status?: { phase?: string };
}

/** A hook Pod the runner saw created (so admitted) and then marked Succeeded. */
export interface HookRun {
  /** Job/<name> for a hook Job's Pod, Pod/<name> for a hook Pod (helm test). */
  hook: string;
  /** Its helm.sh/hook annotation: post-install, test … */
  event: string;
  pod: string;
}

export interface HookRunner {
  /** Every hook Pod marked Succeeded, in the order they appeared. */
  stop(): Promise<HookRun[]>;
}

/**
 * Stands in for a kubelet, for hook Pods only. helm waits for every hook Job to complete and every `helm test` Pod
 * to succeed, and without a kubelet no Pod ever runs, so helm would wait until its timeout. While helm runs, this
 * polls the namespace and marks each hook Pod that the controller-manager (or helm) created as Succeeded through the
 * status subresource, as a kubelet reports a container that exited 0. Creating the Pod is the part the server
 * judges (admission, Pod Security); helm then sees the hook finish and goes on in its own order (hook weights,
 * delete policies, the release's objects before post-install hooks).
 */
export function startHookRunner(kubeconfig: string, namespace: string): HookRunner {
  const runs: HookRun[] = [];
  const marked = new Set<string>();
  let stopped = false;
  const tick = async () => {
    const [jobs, pods] = await Promise.all([
      listIn<Meta>(kubeconfig, 'apis/batch/v1', 'jobs', namespace),
      listIn<Meta>(kubeconfig, 'api/v1', 'pods', namespace),
    ]);
    const hookJobs = new Map(
      jobs
        .filter((job) => job.metadata.annotations?.['helm.sh/hook'])
        .map((job) => [job.metadata.name, job.metadata.annotations!['helm.sh/hook']!]),
    );
    for (const pod of pods) {
      const { name } = pod.metadata;
      if (marked.has(name) || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      const owner = pod.metadata.ownerReferences?.find((ref) => ref.kind === 'Job');
      const event = owner ? hookJobs.get(owner.name) : pod.metadata.annotations?.['helm.sh/hook'];
      if (!event) continue;
      const status = `/api/v1/namespaces/${namespace}/pods/${name}/status`;
      await apiRequest(kubeconfig, 'PATCH', status, { status: { phase: 'Succeeded' } });
      marked.add(name);
      runs.push({ hook: owner ? `Job/${owner.name}` : `Pod/${name}`, event, pod: name });
    }
  };
  // Errors are kept for stop(): a rejected loop nobody awaits yet would end the test process.
  let failure: Error | undefined;
  const loop = (async () => {
    while (!stopped && !failure) {
      await tick().catch((error: Error) => (failure = error));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      if (failure) throw failure;
      return runs;
    },
  };
}
