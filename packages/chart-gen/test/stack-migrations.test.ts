import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { LocalCluster } from './support/pods/cluster';
import type { LocalPrograms } from './support/pods/images';
import type { Pod } from './support/pods/pod';
import {
  CREDENTIALS,
  describeWithPods,
  localPrograms,
  NAMESPACE,
  psqlOutside,
  renderStack,
  scratchDir,
  testObjects,
} from './support/stack';

/**
 * Migrations run once per install or upgrade, not once per replica: two MLflow replicas started together take turns
 * on the migrate init container's lock, against an empty database and against one a migration behind.
 */
describeWithPods('MLflow replicas starting together', () => {
  let programs: LocalPrograms;
  let cluster: LocalCluster;
  let postgresql: Pod;

  const superuser = (sql: string) =>
    psqlOutside(
      programs,
      postgresql.identity.ip,
      sql,
      'postgres',
      CREDENTIALS.postgresql['postgres-password'],
      'postgres',
    );
  const migrateLogs = (replicas: Pod[]) => replicas.map((replica) => replica.initLogs.get('migrate') ?? '');

  async function startTwoReplicas(): Promise<Pod[]> {
    const replicas = await Promise.all([
      cluster.startPod('Deployment', 'mlflow', 0),
      cluster.startPod('Deployment', 'mlflow', 1),
    ]);
    await Promise.all(replicas.map((replica) => replica.waitReady(90)));
    return replicas;
  }

  async function stop(replicas: Pod[]) {
    for (const replica of replicas) {
      await cluster.stopPod(replica);
    }
  }

  beforeAll(async () => {
    programs = localPrograms();
    cluster = new LocalCluster({
      namespace: NAMESPACE,
      objects: [...renderStack(), ...testObjects()],
      programs,
      dir: scratchDir('migrations'),
    });
    postgresql = await cluster.startPod('StatefulSet', 'postgresql');
    await postgresql.waitReady(60);
  }, 300_000);

  afterAll(() => cluster?.stopAll(), 60_000);

  it('on an empty database, one replica creates the schema and the other finds it current', async () => {
    const replicas = await startTwoReplicas();
    const logs = migrateLogs(replicas);
    const head = psqlOutside(programs, postgresql.identity.ip, 'SELECT version_num FROM alembic_version');
    expect(logs.filter((log) => log.includes('schema upgraded from revision none (empty database)'))).toHaveLength(1);
    expect(logs.filter((log) => log.includes(`schema already at revision ${head}`))).toHaveLength(1);
    expect(logs.join('').match(/Creating initial MLflow database tables/g)).toHaveLength(1);
    await stop(replicas);
  }, 240_000);

  it('on a database one migration behind, one replica applies it and the other finds the schema current', async () => {
    superuser('DROP DATABASE mlflow WITH (FORCE)');
    superuser('CREATE DATABASE mlflow OWNER mlflow');
    const url = `postgresql+psycopg2://mlflow:${CREDENTIALS.postgresql.password}@${postgresql.identity.ip}:5432/mlflow`;
    const older = spawnSync(
      path.join(programs.mlflowBin, 'python'),
      [path.join(__dirname, 'support/mlflow-older-schema.py'), url],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (older.status !== 0) throw new Error(`could not make the older schema:\n${older.stderr}`);
    const { head, previous } = JSON.parse(older.stdout.trim().split('\n').pop()!) as { head: string; previous: string };
    expect(psqlOutside(programs, postgresql.identity.ip, 'SELECT version_num FROM alembic_version')).toBe(previous);

    const logs = migrateLogs(await startTwoReplicas());
    expect(logs.filter((log) => log.includes(`schema upgraded from revision ${previous} to ${head}`))).toHaveLength(1);
    expect(logs.filter((log) => log.includes(`schema already at revision ${head}`))).toHaveLength(1);
    expect(psqlOutside(programs, postgresql.identity.ip, 'SELECT version_num FROM alembic_version')).toBe(head);
  }, 240_000);
});
