import { freePort } from '../ports';
import { SERVICE_CIDR } from './kube-apiserver';
import { kubectl } from './kubectl';
import { startServer, waitFor } from './server-process';

/** Starts kube-controller-manager; ready once it has given namespace `default` its ServiceAccount. */
export async function startControllerManager(
  dir: string,
  binary: string,
  kubeconfig: string,
  serviceAccountKey: string,
) {
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
