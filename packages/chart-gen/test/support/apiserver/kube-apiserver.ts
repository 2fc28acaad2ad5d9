import * as fs from 'node:fs';
import * as path from 'node:path';

import { freePort } from '../ports';
import { writeCredentials } from './credentials';
import { httpsStatus } from './https-probe';
import { startServer, waitFor } from './server-process';

export const SERVICE_CIDR = '10.96.0.0/16';

/** Starts kube-apiserver on a free loopback port; resolves once /readyz answers 200. */
export async function startApiserver(dir: string, binary: string, etcdUrl: string) {
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
