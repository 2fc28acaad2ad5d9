import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { freePort } from '../ports';
import { startServer, waitFor } from './server-process';

/** Whether this process may give a child its own mount namespace (root with unshare): else the test skips. */
export function canUnshareMounts(): boolean {
  return spawnSync('unshare', ['--mount', 'true']).status === 0;
}

/**
 * Starts the Sealed Secrets controller against the control plane of <kubeconfig>, keeping its keys in kube-system.
 * It only knows in-cluster configuration, read from /var/run/secrets/kubernetes.io/serviceaccount: it runs in a mount
 * namespace of its own whose /run is a fresh tmpfs holding the admin token and the server's CA, so nothing on this
 * machine changes. Returns the URL of its HTTP API (/v1/cert.pem) once it serves its certificate.
 */
export async function startSealedSecretsController(dir: string, binary: string, kubeconfig: string) {
  const config = JSON.parse(fs.readFileSync(kubeconfig, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority': string } }[];
    users: { user: { token: string } }[];
  };
  const { server, 'certificate-authority': caFile } = config.clusters[0]!.cluster;
  const account = path.join(dir, 'sealed-secrets-account');
  fs.mkdirSync(account, { recursive: true });
  fs.writeFileSync(path.join(account, 'token'), config.users[0]!.user.token, { mode: 0o600 });
  fs.copyFileSync(caFile, path.join(account, 'ca.crt'));
  fs.writeFileSync(path.join(account, 'namespace'), 'kube-system');
  const url = new URL(server);
  const [api, metrics] = [await freePort(), await freePort()];
  const mounted = '/run/secrets/kubernetes.io/serviceaccount';
  const script = [
    'set -e',
    'mount -t tmpfs tmpfs /run',
    `mkdir -p ${mounted}`,
    `cp "$ACCOUNT"/* ${mounted}/`,
    'exec "$@"',
  ].join('\n');
  const env = {
    ACCOUNT: account,
    KUBERNETES_SERVICE_HOST: url.hostname,
    KUBERNETES_SERVICE_PORT: url.port,
    POD_NAMESPACE: 'kube-system',
  };
  const controller = startServer(
    dir,
    'sealed-secrets-controller',
    'unshare',
    [
      '--mount',
      'sh',
      '-c',
      script,
      'sh',
      binary,
      `--listen-addr=127.0.0.1:${api}`,
      `--listen-metrics-addr=127.0.0.1:${metrics}`,
      '--key-renew-period=0',
    ],
    env,
  );
  const base = `http://127.0.0.1:${api}`;
  const servesCert = async () => (await fetch(`${base}/v1/cert.pem`)).ok;
  // Its first start generates a 4096-bit key pair.
  await waitFor(controller, 'serving its certificate', servesCert, 90_000);
  return { controller, base };
}
