import type { K8sObject } from './support/helm';
import { ContainerFailed, LocalCluster, PodRefused } from './support/pods/cluster';
import type { LocalPrograms } from './support/pods/images';
import {
  CREDENTIALS,
  describeWithPods,
  localPrograms,
  NAMESPACE,
  renderStack,
  scratchDir,
  secret,
  testObjects,
} from './support/stack';

/**
 * What a user sees when the stack is misconfigured or a dependency is down: the Pod's own error, quickly, never a
 * hang. Each case starts only what it needs.
 */
describeWithPods('the stack failing as a user would see it', () => {
  let programs: LocalPrograms;
  const clusters: LocalCluster[] = [];

  beforeAll(() => {
    programs = localPrograms();
  }, 600_000);

  afterAll(() => Promise.all(clusters.map((cluster) => cluster.stopAll())), 60_000);

  function clusterWith(objects: K8sObject[]): LocalCluster {
    const cluster = new LocalCluster({ namespace: NAMESPACE, objects, programs, dir: scratchDir('failures') });
    clusters.push(cluster);
    return cluster;
  }

  /** The failure a Pod start ends with, and how long it took. */
  async function failureOf(start: () => Promise<unknown>): Promise<{ error: Error; seconds: number }> {
    const begin = Date.now();
    try {
      await start();
    } catch (error) {
      return { error: error as Error, seconds: (Date.now() - begin) / 1000 };
    }
    throw new Error('the Pod started');
  }

  it('a Secret without the key the chart reads: the kubelet refuses the Pod, naming the key and the volume', async () => {
    const renamed = secret('postgresql-credentials', { 'postgres-password': 'x', 'mlflow-password': 'y' });
    const objects = [
      ...renderStack(),
      ...testObjects().filter((o) => o.metadata.name !== 'postgresql-credentials'),
      renamed,
    ];
    const { error } = await failureOf(() => clusterWith(objects).startPod('StatefulSet', 'postgresql'));
    expect(error).toBeInstanceOf(PodRefused);
    // The passwords are mounted as files from the listed keys: the volume cannot be set up without one.
    expect(error.message).toBe(
      'FailedMount: MountVolume.SetUp failed for volume "credentials" : references non-existent secret key: password',
    );
  });

  it("a password that no longer matches the database: the migrate container fails at once with PostgreSQL's answer", async () => {
    const cluster = clusterWith([...renderStack(), ...testObjects()]);
    const postgresql = await cluster.startPod('StatefulSet', 'postgresql');
    await postgresql.waitReady(60);
    // The Secret changes after the database was created with the old password (a rotation done halfway).
    cluster.apply(secret('postgresql-credentials', { ...CREDENTIALS.postgresql, password: 'a-rotated-password' }));
    const { error, seconds } = await failureOf(() => cluster.startPod('Deployment', 'mlflow'));
    expect(error).toBeInstanceOf(ContainerFailed);
    expect((error as ContainerFailed).container).toBe('migrate');
    expect((error as ContainerFailed).log).toMatch(
      /cannot connect to PostgreSQL at postgresql-external:5432: .*password authentication failed for user "mlflow"/,
    );
    expect(seconds).toBeLessThan(30);
  }, 120_000);

  it('PostgreSQL down: the migrate container waits its timeout, then fails saying what it waited for', async () => {
    const cluster = clusterWith([...renderStack(['--set', 'mlflow.migration.waitTimeoutSeconds=4']), ...testObjects()]);
    const { error, seconds } = await failureOf(() => cluster.startPod('Deployment', 'mlflow'));
    expect(error).toBeInstanceOf(ContainerFailed);
    expect((error as ContainerFailed).log).toMatch(/waiting for PostgreSQL at postgresql-external:5432/);
    expect((error as ContainerFailed).log).toMatch(
      /PostgreSQL at postgresql-external:5432 is not reachable: .*Connection refused/,
    );
    expect(seconds).toBeLessThan(30);
  }, 120_000);

  it('MinIO never comes up: the bucket Job ends at its activeDeadlineSeconds, its log saying what it waited for', async () => {
    const cluster = clusterWith([...renderStack(['--set', 'minio.buckets.activeDeadlineSeconds=8']), ...testObjects()]);
    const job = await cluster.runJob('minio-create-buckets');
    expect(job.reason).toBe('DeadlineExceeded');
    expect(job.seconds).toBeLessThan(8 + 5);
    expect(job.logs.join('')).toMatch(/waiting for MinIO at http:\/\/minio:9000/);
    // Deleted at the deadline, the script stops on SIGTERM (as PID 1 it must trap it) instead of waiting for SIGKILL.
    expect(job.podStop).toMatchObject({ exitedInGrace: true });
    // The trap runs once the loop's current `sleep 3` ends: seconds, far below the 30 s grace a SIGKILL would take
    // (a loaded machine adds a little).
    expect(job.podStop!.seconds).toBeLessThan(10);
  }, 120_000);
});
