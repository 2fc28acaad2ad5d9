import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { startControlPlane } from './support/apiserver/control-plane';
import { startEtcd } from './support/apiserver/etcd';
import { kubectlOk } from './support/apiserver/kubectl';
import { DIR_PREFIX, removeLeftovers } from './support/apiserver/leftovers';
import { startServer, waitFor } from './support/apiserver/server-process';
import { describeWithControlPlane, tools } from './support/apiserver/suite';

// The control plane's own behaviour: it says what went wrong when it cannot start, and leaves nothing running.
describeWithControlPlane('the test control plane', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-control-plane-test-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names a missing binary', async () => {
    await expect(startControlPlane({ ...tools(), etcd: '/nonexistent/etcd' })).rejects.toThrow(
      /etcd could not be started \(\/nonexistent\/etcd\): spawn \/nonexistent\/etcd ENOENT/,
    );
  });

  it('reports a port already taken, with the server’s last log lines', async () => {
    const taken = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      await expect(startEtcd(dir, tools().etcd, port)).rejects.toThrow(
        /etcd exited 1 before healthy at .*\n--- last lines of .*etcd\.log:\n[^]*address already in use/,
      );
    } finally {
      taken.close();
    }
  });

  it('gives up after its timeout, naming it and showing the log', async () => {
    const sleeper = startServer(dir, 'sleeper', '/bin/sh', ['-c', 'echo starting; exec sleep 60']);
    try {
      await expect(waitFor(sleeper, 'ready', async () => false, 1_000)).rejects.toThrow(
        /sleeper: not ready within 1 s\n--- last lines of .*sleeper\.log:\nstarting/,
      );
    } finally {
      await sleeper.stop();
    }
  });

  it('serves the API, then stops every server and removes its folder', async () => {
    const plane = await startControlPlane(tools());
    const lines = fs.readFileSync(path.join(plane.dir, 'pids'), 'utf8').split('\n').filter(Boolean);
    const pids = lines.map((line) => Number(line.split(' ')[0]));
    expect(pids).toHaveLength(3);
    expect(await kubectlOk(plane.kubeconfig, ['version', '-o', 'json'])).toContain('"gitVersion": "v1.35.4"');
    await plane.stop();
    expect(fs.existsSync(plane.dir)).toBe(false);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 120_000);

  it('stops and removes what a killed test process left behind', async () => {
    // A folder as a control plane of a process that is gone leaves it: its owner is dead, a server still runs.
    const left = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
    const owner = spawn('true');
    await new Promise((resolve) => owner.once('exit', resolve));
    fs.writeFileSync(path.join(left, 'owner'), String(owner.pid));
    const orphan = spawn('/bin/sleep', ['60'], { detached: true, stdio: 'ignore' });
    const gone = new Promise((resolve) => orphan.once('exit', resolve));
    fs.writeFileSync(path.join(left, 'pids'), `${orphan.pid} /bin/sleep\n`);
    removeLeftovers();
    await gone;
    expect(fs.existsSync(left)).toBe(false);
  });
});
