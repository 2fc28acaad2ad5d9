import { kubectlOk } from './kubectl';

export type PodSecurityLevel = 'restricted' | 'baseline' | 'privileged';

/**
 * Creates a namespace that enforces a Pod Security level, and also warns and audits at it, so a workload whose
 * template would be refused makes helm print the server's warning.
 */
export async function createNamespace(kubeconfig: string, name: string, level: PodSecurityLevel): Promise<void> {
  const labels = Object.fromEntries(
    ['enforce', 'warn', 'audit'].map((mode) => [`pod-security.kubernetes.io/${mode}`, level]),
  );
  const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
  await kubectlOk(kubeconfig, ['create', '-f', '-'], JSON.stringify(namespace));
}

/** Deletes a namespace without waiting: the controller-manager finishes it while the next test runs. */
export async function deleteNamespace(kubeconfig: string, name: string): Promise<void> {
  await kubectlOk(kubeconfig, ['delete', 'namespace', name, '--wait=false']);
}
