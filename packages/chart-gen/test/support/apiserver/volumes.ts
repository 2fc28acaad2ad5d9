import { kubectl, kubectlOk } from './kubectl';

/** A StorageClass that allows expansion; nothing provisions it, so claims bind only to the volumes made for them. */
export const EXPANDABLE_CLASS = 'expandable';

export async function createExpandableClass(kubeconfig: string): Promise<void> {
  const storageClass = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: EXPANDABLE_CLASS },
    provisioner: 'chart-gen.test/none',
    allowVolumeExpansion: true,
    volumeBindingMode: 'Immediate',
  };
  await kubectlOk(kubeconfig, ['apply', '--server-side', '-f', '-'], JSON.stringify(storageClass));
}

/**
 * A PersistentVolume reserved (claimRef) for <namespace>/<claim>, so the controller-manager binds the claim when the
 * chart creates it. Only a bound claim may grow: the server refuses a size change on a Pending one.
 */
export async function reserveVolume(kubeconfig: string, namespace: string, claim: string): Promise<void> {
  const volume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: `${namespace}-${claim}` },
    spec: {
      capacity: { storage: '1Ti' },
      accessModes: ['ReadWriteOnce'],
      storageClassName: EXPANDABLE_CLASS,
      persistentVolumeReclaimPolicy: 'Retain',
      hostPath: { path: `/nonexistent/${namespace}/${claim}` },
      claimRef: { namespace, name: claim },
    },
  };
  await kubectlOk(kubeconfig, ['create', '-f', '-'], JSON.stringify(volume));
}

/** Waits until the claim is Bound (the controller-manager's volume binder). */
export async function waitForBound(kubeconfig: string, namespace: string, claim: string): Promise<void> {
  const args = ['wait', '--for=jsonpath={.status.phase}=Bound', '--timeout=60s', '-n', namespace, `pvc/${claim}`];
  const result = await kubectl(kubeconfig, args);
  if (result.status !== 0) throw new Error(`PVC ${namespace}/${claim} not bound:\n${result.stderr}`);
}
