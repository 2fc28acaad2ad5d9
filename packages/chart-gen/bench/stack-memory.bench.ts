import type { K8sObject } from '../test/support/helm';
import { LocalCluster, runnerNeedsRoot } from '../test/support/pods/cluster';
import type { Pod } from '../test/support/pods/pod';
import {
  DEFAULT_VALUES,
  localPrograms,
  mlflowClient,
  NAMESPACE,
  renderStack,
  scratchDir,
  testObjects,
} from '../test/support/stack';

/**
 * Memory of each component under the end-to-end scenario, with the charts' default values: PostgreSQL, MinIO and
 * MLflow started from the umbrella's render, a client tracking three runs with artifacts and a registered model.
 * Prints each container's peak memory (the proportional set size of all its processes, sampled every 200 ms) beside the
 * requests and limits the chart renders. Numbers only: nothing here passes or fails on them.
 */
const skip = runnerNeedsRoot();
(skip ? it.skip : it)(
  'prints the memory of each component under the scenario',
  async () => {
    const programs = localPrograms();
    const objects = [...renderStack([], DEFAULT_VALUES), ...testObjects()];
    const cluster = new LocalCluster({ namespace: NAMESPACE, objects, programs, dir: scratchDir('bench-stack') });
    const peaks = new Map<string, number>();
    const pods: Pod[] = [];
    const sample = () => {
      for (const pod of pods) {
        for (const [name, container] of pod.containers) {
          const key = `${pod.identity.name.replace(/-\d+$/, '')}/${name}`;
          peaks.set(key, Math.max(peaks.get(key) ?? 0, container.memoryKiB()));
        }
      }
    };
    const sampler = setInterval(sample, 200);
    try {
      pods.push(await cluster.startPod('StatefulSet', 'postgresql'), await cluster.startPod('Deployment', 'minio'));
      await Promise.all(pods.map((pod) => pod.waitReady(60)));
      await cluster.runJob('minio-create-buckets');
      pods.push(await cluster.startPod('Deployment', 'mlflow'));
      await pods[2]!.waitReady(90);
      const image = pods[2]!.spec.containers[0]!.image;
      for (let run = 1; run <= 3; run++) await mlflowClient(cluster, image, 'track', `bench-${run}`);
      sample();
    } finally {
      clearInterval(sampler);
      await cluster.stopAll();
    }
    const resources = (kind: string, name: string) => {
      const workload = objects.find((o: K8sObject) => o.kind === kind && o.metadata.name === name) as unknown as {
        spec: {
          template: {
            spec: {
              containers: {
                name: string;
                resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
              }[];
            };
          };
        };
      };
      return workload.spec.template.spec.containers[0]!.resources ?? {};
    };
    const rows = [
      ['postgresql/postgresql', resources('StatefulSet', 'postgresql')],
      ['minio/minio', resources('Deployment', 'minio')],
      ['mlflow/mlflow', resources('Deployment', 'mlflow')],
    ] as const;
    const lines = rows.map(
      ([key, r]) =>
        `  ${key.padEnd(24)} ${`${Math.round((peaks.get(key) ?? 0) / 1024)} MiB`.padStart(9)}   request ${r.requests?.memory ?? '-'}, limit ${r.limits?.memory ?? '-'}`,
    );
    console.log(
      `peak memory (PSS) under the stack scenario (chart defaults; MLflow ${JSON.stringify(objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'mlflow')!.spec).match(/--workers=\d+/)?.[0] ?? ''})\n${lines.join('\n')}`,
    );
  },
  600_000,
);
