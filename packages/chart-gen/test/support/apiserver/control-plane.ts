import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort, stopProcess } from '../ports';
import { writeCredentials, writeKubeconfig } from './credentials';
import { httpsStatus } from './https-probe';
import { kubectl } from './kubectl';
import { DIR_PREFIX, killRecorded, removeLeftovers } from './leftovers';
import { type ServerProcess, startServer, waitFor } from './server-process';
import type { ControlPlaneTools } from './tools';

/** A throwaway etcd + kube-apiserver + kube-controller-manager on loopback ports, all in one temporary folder. */
export interface ControlPlane {
  /** https://127.0.0.1:<port> */
  server: string;
  /** For helm and kubectl (KUBECONFIG): the admin user, allowed everything. */
  kubeconfig: string;
  dir: string;
  stop(): Promise<void>;
}

const SERVICE_CIDR = '10.96.0.0/16';

async function startEtcd(dir: string, etcd: string): Promise<{ server: ServerProcess; url: string }> {
  const [client, peer] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${client}`;
  const peerUrl = `http://127.0.0.1:${peer}`;
  const server = startServer(dir, 'etcd', etcd, [
    `--data-dir=${path.join(dir, 'etcd-data')}`,
    `--listen-client-urls=${url}`,
    `--advertise-client-urls=${url}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=default=${peerUrl}`,
    '--log-level=warn',
    // Test data: no fsync per write, which makes etcd several times faster on a shared disk.
    '--unsafe-no-fsync',
  ]);
  const healthy = async () => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200;
  await waitFor(server, `healthy at ${url}/health`, healthy, 20_000);
  return { server, url };
}

async function startApiserver(dir: string, binary: string, etcdUrl: string) {
  const credentials = writeCredentials(dir);
  const port = await freePort();
  const certDir = path.join(dir, 'certs');
  const server = startServer(dir, 'kube-apiserver', binary, [
    `--etcd-servers=${etcdUrl}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${port}`,
    // No --tls-cert-file: the server writes a self-signed certificate (apiserver.crt, for 127.0.0.1) here.
    `--cert-dir=${certDir}`,
    `--service-account-issuer=https://127.0.0.1:${port}`,
    `--service-account-key-file=${credentials.serviceAccountPub}`,
    `--service-account-signing-key-file=${credentials.serviceAccountKey}`,
    `--token-auth-file=${credentials.tokenFile}`,
    '--authorization-mode=Node,RBAC',
    // As kubeadm and every managed cluster set it: without it the server refuses any privileged container outright,
    // and Pod Security admission, the check under test, would never be reached.
    '--allow-privileged=true',
    `--service-cluster-ip-range=${SERVICE_CIDR}`,
    // No kubelet and no real endpoints: nothing to reconcile for the kubernetes Service.
    '--endpoint-reconciler-type=none',
  ]);
  const url = `https://127.0.0.1:${port}`;
  const caFile = path.join(certDir, 'apiserver.crt');
  const ready = async () =>
    fs.existsSync(caFile) && (await httpsStatus(`${url}/readyz`, caFile, credentials.token)) === 200;
  await waitFor(server, `ready at ${url}/readyz`, ready, 60_000);
  return { server, url, caFile, credentials };
}

/** Starts kube-controller-manager; ready once it has given namespace `default` its ServiceAccount. */
async function startControllerManager(dir: string, binary: string, kubeconfig: string, serviceAccountKey: string) {
  const server = startServer(dir, 'kube-controller-manager', binary, [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${await freePort()}`,
    '--leader-elect=false',
    `--service-account-private-key-file=${serviceAccountKey}`,
    `--service-cluster-ip-range=${SERVICE_CIDR}`,
    '--controllers=*',
    '--use-service-account-credentials',
  ]);
  const hasDefaultAccount = async () =>
    (await kubectl(kubeconfig, ['get', 'serviceaccount', 'default', '--namespace', 'default'])).status === 0;
  await waitFor(server, 'creating ServiceAccount default/default', hasDefaultAccount, 60_000);
  return server;
}

/**
 * Starts a control plane in a fresh folder under the system temporary folder, or fails saying which server did not
 * come up and with its last log lines. The folder and every server go when stop() runs, when this process exits, or
 * (after a SIGKILL) when the next control plane starts.
 */
export async function startControlPlane(tools: ControlPlaneTools): Promise<ControlPlane> {
  removeLeftovers();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
  fs.writeFileSync(path.join(dir, 'owner'), String(process.pid));
  const servers: ServerProcess[] = [];
  const onExit = () => {
    killRecorded(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const stop = async () => {
    for (const server of servers.reverse()) await stopProcess(server.child, 15_000);
    process.removeListener('exit', onExit);
    onExit();
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
