import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import type { K8sObject } from './support/helm';
import { LocalCluster } from './support/pods/cluster';
import type { LocalPrograms } from './support/pods/images';
import type { Pod } from './support/pods/pod';
import {
  describeWithPods,
  localPrograms,
  mcOutside,
  mlflowClient,
  NAMESPACE,
  psqlOutside,
  renderStack,
  scratchDir,
  testObjects,
} from './support/stack';

/**
 * The stack runs: PostgreSQL, MinIO, the bucket Job and MLflow started from the umbrella's dev render (see
 * support/pods for how Pods run without a container runtime), then a real MLflow client's run is found in PostgreSQL
 * and MinIO; an upgrade and a restart on the storage the first install left keep it.
 */
describeWithPods('the MLOps stack from its rendered manifests', () => {
  let programs: LocalPrograms;
  let objects: K8sObject[];
  let dir: string;
  let cluster: LocalCluster;
  const pods: Record<string, Pod> = {};
  let tracked: {
    experiment_id: string;
    run_id: string;
    artifact_uri: string;
    artifact_text: string;
    model_version: string;
  };

  const ipOf = (pod: Pod) => pod.identity.ip;
  /** The client runs on the image the chart deploys MLflow with. */
  const mlflowImage = () => pods.mlflow!.spec.containers[0]!.image;
  /** What a first install brings up, in the order Argo CD's sync waves and Helm's hooks give. */
  async function install(target: LocalCluster) {
    pods.postgresql = await target.startPod('StatefulSet', 'postgresql');
    pods.minio = await target.startPod('Deployment', 'minio');
    await Promise.all([pods.postgresql.waitReady(60), pods.minio.waitReady(60)]);
    const buckets = await target.runJob('minio-create-buckets');
    expect({ reason: buckets.reason, log: buckets.logs.at(-1) }).toMatchObject({ reason: 'Complete' });
    pods.mlflow = await target.startPod('Deployment', 'mlflow');
    await pods.mlflow.waitReady(90);
  }

  beforeAll(async () => {
    programs = localPrograms();
    objects = [...renderStack(), ...testObjects()];
    dir = scratchDir('stack');
    cluster = new LocalCluster({ namespace: NAMESPACE, objects, programs, dir });
    await install(cluster);
  }, 600_000);

  afterAll(async () => {
    await cluster?.stopAll();
    if (cluster) console.log(`Pod runner substitutions:\n- ${[...cluster.substitutions].join('\n- ')}`);
  }, 120_000);

  it("runs the MLflow version of the chart's image", () => {
    const reported = spawnSync(path.join(programs.mlflowBin, 'mlflow'), ['--version'], {
      encoding: 'utf8',
    }).stdout.trim();
    const tag = /:v(\d+\.\d+\.\d+)-full$/.exec(mlflowImage())?.[1];
    expect(tag).toBeDefined();
    expect(reported).toBe(`mlflow, version ${tag}`);
  });

  it('creates the MLflow role and database from the rendered init script, refusing a wrong password over TCP', () => {
    expect(psqlOutside(programs, ipOf(pods.postgresql!), 'SELECT current_user, current_database()')).toBe(
      'mlflow|mlflow',
    );
    expect(() => psqlOutside(programs, ipOf(pods.postgresql!), 'SELECT 1', 'mlflow', 'not-the-password')).toThrow(
      /password authentication failed/,
    );
  });

  it('runs the bucket Job to completion and every bucket it names exists', () => {
    const job = objects.find(
      (object) => object.kind === 'Job' && object.metadata.name === 'minio-create-buckets',
    ) as unknown as {
      spec: { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } };
    };
    const named = job.spec.template.spec.containers[0]!.env.find(
      (variable) => variable.name === 'BUCKETS',
    )!.value!.split(' ');
    expect(named).toHaveLength(4);
    const mc = mcOutside(programs, `http://${ipOf(pods.minio!)}:9000`);
    const buckets = mc('ls', 'stack')
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).pop()!.replace(/\/$/, ''));
    expect(buckets.sort()).toEqual([...named].sort());
  });

  it('migrates the database before the server starts, and the server answers /health', async () => {
    expect(pods.mlflow!.initLogs.get('migrate')).toMatch(/Creating initial MLflow database tables/);
    expect(psqlOutside(programs, ipOf(pods.postgresql!), 'SELECT count(*) FROM alembic_version')).toBe('1');
    const response = await fetch(`http://${ipOf(pods.mlflow!)}:5000/health`);
    expect(response.status).toBe(200);
  });

  it('tracks a run: metadata land in PostgreSQL, the artifact in the mlflow-artifacts bucket', async () => {
    tracked = (await mlflowClient(cluster, mlflowImage(), 'track', 'stack-test')) as typeof tracked;
    const db = (sql: string) => psqlOutside(programs, ipOf(pods.postgresql!), sql);
    expect(db(`SELECT name FROM experiments WHERE experiment_id = ${Number(tracked.experiment_id)}`)).toBe(
      'stack-test',
    );
    expect(db(`SELECT status FROM runs WHERE run_uuid = '${tracked.run_id}'`)).toBe('FINISHED');
    expect(db(`SELECT key || '=' || value FROM params WHERE run_uuid = '${tracked.run_id}' ORDER BY key`)).toBe(
      'epochs=3\nlearning_rate=0.01',
    );
    expect(
      db(
        `SELECT string_agg(value::text, ',' ORDER BY step) FROM metrics WHERE run_uuid = '${tracked.run_id}' AND key = 'loss'`,
      ),
    ).toBe('0.9,0.5,0.25');
    expect(db(`SELECT name || ':' || version || ':' || run_id FROM model_versions`)).toBe(
      `stack-test-model:${tracked.model_version}:${tracked.run_id}`,
    );

    const mc = mcOutside(programs, `http://${ipOf(pods.minio!)}:9000`);
    const objectsInBucket = mc('ls', '--recursive', 'stack/mlflow-artifacts').trim().split('\n');
    const artifact = objectsInBucket
      .map((line) => line.trim().split(/\s+/).pop()!)
      .find((key) => key.endsWith(`${tracked.run_id}/artifacts/model/weights.txt`));
    expect(artifact).toBeDefined();
    expect(mc('cat', `stack/mlflow-artifacts/${artifact}`)).toBe(tracked.artifact_text);
  }, 120_000);

  it('upgrades: the bucket Job runs again and exits 0, a new MLflow Pod still lists the run', async () => {
    const again = await cluster.runJob('minio-create-buckets');
    expect(again.reason).toBe('Complete');
    const stopped = await cluster.stopPod(pods.mlflow!);
    expect(stopped.mlflow!.exitedInGrace).toBe(true);
    pods.mlflow = await cluster.startPod('Deployment', 'mlflow');
    await pods.mlflow.waitReady(90);
    expect(pods.mlflow.initLogs.get('migrate')).not.toMatch(/Creating initial MLflow database tables|Running upgrade/);
    const shown = await mlflowClient(cluster, mlflowImage(), 'show', tracked.run_id);
    expect(shown).toMatchObject({
      status: 'FINISHED',
      params: { epochs: '3', learning_rate: '0.01' },
      metrics: { loss: 0.25 },
    });
  }, 180_000);

  it('stops every long-running container on its stop signal within the grace period, as PID 1', async () => {
    const results = Object.fromEntries(
      await Promise.all(Object.entries(pods).map(async ([name, pod]) => [name, await cluster.stopPod(pod)] as const)),
    );
    console.log(`stop times: ${JSON.stringify(results)}`);
    for (const [name, containers] of Object.entries(results)) {
      for (const [container, result] of Object.entries(containers)) {
        expect({ pod: name, container, exitedInGrace: result.exitedInGrace }).toEqual({
          pod: name,
          container,
          exitedInGrace: true,
        });
      }
    }
  }, 120_000);

  it('starts again on the storage the first install left: no second initialisation, the run is still there', async () => {
    cluster = new LocalCluster({ namespace: NAMESPACE, objects, programs, dir });
    await install(cluster);
    expect(pods.postgresql!.log('postgresql')).not.toMatch(/initialisation complete/);
    expect(
      psqlOutside(programs, ipOf(pods.postgresql!), `SELECT status FROM runs WHERE run_uuid = '${tracked.run_id}'`),
    ).toBe('FINISHED');
    const shown = await mlflowClient(cluster, mlflowImage(), 'show', tracked.run_id);
    expect(shown).toMatchObject({ status: 'FINISHED' });
  }, 300_000);
});
