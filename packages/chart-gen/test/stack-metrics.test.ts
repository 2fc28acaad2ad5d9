import type { K8sObject } from './support/helm';
import { monitoredCharts, usedMetricNames } from './support/monitored-charts';
import { LocalCluster } from './support/pods/cluster';
import type { Pod } from './support/pods/pod';
import { describeWithPrometheusTools } from './support/promtool';
import {
  describeWithPods,
  localPrograms,
  mcOutside,
  NAMESPACE,
  renderStack,
  scratchDir,
  testObjects,
} from './support/stack';

interface ServiceMonitor {
  spec: { endpoints: { port: string; path: string }[] };
}

/** The metric names of a Prometheus text exposition (histograms as their _bucket, _sum and _count series). */
function exposedNames(text: string): Set<string> {
  const names = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)![0]);
  return new Set(names);
}

/**
 * MinIO and MLflow run from the umbrella's render with their metrics on; each is scraped where its rendered
 * ServiceMonitor says (port and path), as Prometheus would, and every metric name its alerts and dashboard use must be
 * in what it really exports.
 */
describeWithPrometheusTools('metrics of the running stack', () => {
  describeWithPods('scraped from the rendered ServiceMonitors', () => {
    let objects: K8sObject[];
    let cluster: LocalCluster;
    const pods: Record<string, Pod> = {};
    const charts = Object.fromEntries(monitoredCharts().map((chart) => [chart.name, chart]));

    /** Where the ServiceMonitor of a component points at its pod: the Service port's target, and the path. */
    function scrapeUrl(component: 'minio' | 'mlflow', pod: Pod): string {
      const monitor = objects.find((o) => o.kind === 'ServiceMonitor' && o.metadata.name === `${component}-metrics`);
      const endpoint = (monitor as unknown as ServiceMonitor).spec.endpoints[0]!;
      const container = pod.spec.containers[0]!;
      const port = container.ports!.find((p) => p.name === endpoint.port)!.containerPort;
      return `http://${pod.identity.ip}:${port}${endpoint.path}`;
    }

    beforeAll(async () => {
      const programs = localPrograms();
      objects = [
        ...renderStack([
          '--set',
          'minio.metrics.enabled=true',
          '--set',
          'minio.metrics.bearerTokenSecret.name=minio-metrics-token',
          '--set',
          'mlflow.metrics.enabled=true',
        ]),
        ...testObjects(),
      ];
      cluster = new LocalCluster({ namespace: NAMESPACE, objects, programs, dir: scratchDir('stack-metrics') });
      pods.postgresql = await cluster.startPod('StatefulSet', 'postgresql');
      pods.minio = await cluster.startPod('Deployment', 'minio');
      await Promise.all([pods.postgresql.waitReady(60), pods.minio.waitReady(60)]);
      await cluster.runJob('minio-create-buckets');
      pods.mlflow = await cluster.startPod('Deployment', 'mlflow');
      await pods.mlflow.waitReady(90);
    }, 600_000);

    afterAll(async () => {
      await cluster?.stopAll();
    }, 120_000);

    it('MinIO refuses a scrape without the bearer token, and exports every metric its alerts and dashboard use', async () => {
      const url = scrapeUrl('minio', pods.minio!);
      expect((await fetch(url)).status).toBe(403);
      const mc = mcOutside(localPrograms(), `http://${pods.minio!.identity.ip}:9000`);
      // What the README says to put in the bearerTokenSecret.
      const token = /bearer_token:\s*(\S+)/.exec(mc('admin', 'prometheus', 'generate', 'stack', 'cluster'))![1]!;
      const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const exported = exposedNames(await response.text());
      const used = usedMetricNames(charts.minio!);
      expect(used.length).toBeGreaterThan(5);
      expect(used.filter((name) => !exported.has(name))).toEqual([]);
    });

    it('MLflow answers a scrape by its pod IP and exports every metric its alerts and dashboard use', async () => {
      const url = scrapeUrl('mlflow', pods.mlflow!);
      const base = url.replace(/\/metrics$/, '');
      // Requests to count: one that succeeds and one MLflow answers with an error status.
      expect((await fetch(`${base}/api/2.0/mlflow/experiments/search?max_results=1`)).status).toBe(200);
      expect((await fetch(`${base}/api/2.0/mlflow/experiments/get?experiment_id=999999`)).status).toBe(404);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toMatch(/^mlflow_http_request_total\{.*status="404".*\} 1\.0$/m);
      const exported = exposedNames(body);
      const used = usedMetricNames(charts.mlflow!);
      expect(used.length).toBeGreaterThan(2);
      expect(used.filter((name) => !exported.has(name))).toEqual([]);
    });
  });
});
