import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { stopProcess } from '../ports';
import { startControllerManager } from './controller-manager';
import { writeKubeconfig } from './credentials';
import { startEtcd } from './etcd';
import { startApiserver } from './kube-apiserver';
import { DIR_PREFIX, killRecorded, removeLeftovers } from './leftovers';
import type { ServerProcess } from './server-process';
import type { ControlPlaneTools } from './tools';
import { startWatchdog } from './watchdog';

/** A throwaway etcd + kube-apiserver + kube-controller-manager on loopback ports, all in one temporary folder. */
export interface ControlPlane {
  /** https://127.0.0.1:<port> */
  server: string;
  /** For helm and kubectl (KUBECONFIG): the admin user, allowed everything. */
  kubeconfig: string;
  dir: string;
  stop(): Promise<void>;
}

/**
 * Starts a control plane in a fresh folder under the system temporary folder, or fails saying which server did not
 * come up and with its last log lines. The folder and every server go when stop() runs, else when this process ends
 * (the watchdog), or at the latest when the next control plane starts.
 */
export async function startControlPlane(tools: ControlPlaneTools): Promise<ControlPlane> {
  removeLeftovers();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
  fs.writeFileSync(path.join(dir, 'owner'), String(process.pid));
  const servers: ServerProcess[] = [];
  startWatchdog(dir);
  const stop = async () => {
    for (const server of servers.reverse()) await stopProcess(server.child, 15_000);
    killRecorded(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const etcd = await startEtcd(dir, tools.etcd);
    servers.push(etcd.server);
    const apiserver = await startApiserver(dir, tools.kubeApiserver, etcd.url);
    servers.push(apiserver.server);
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeKubeconfig(kubeconfig, apiserver.url, apiserver.caFile, apiserver.credentials.token);
    servers.push(
      await startControllerManager(
        dir,
        tools.kubeControllerManager,
        kubeconfig,
        apiserver.credentials.serviceAccountKey,
      ),
    );
    return { server: apiserver.url, kubeconfig, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
