import type { Static } from '../kit';
import { bool, list, obj, oneOf, quantity, resourceName, str, stringMap } from '../kit';

export function persistenceSpec() {
  return obj('Persistent storage for the data directory.', {
    enabled: bool('Store data on a PersistentVolumeClaim; when false, an emptyDir loses data on every restart.'),
    size: quantity('Requested size of the volume'),
    storageClass: str(
      'StorageClass of the claim. Empty uses global.storageClass or the cluster default; "-" asks for no class.',
    ),
    accessModes: list(
      'Access modes of the claim.',
      oneOf('Access mode.', ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadOnlyMany', 'ReadWriteMany'] as const),
      { minItems: 1, uniqueItems: true },
    ),
    existingClaim: resourceName('Use this existing PersistentVolumeClaim instead of creating one.'),
    keepOnUninstall: bool('Keep the claim (and its data) when the release is uninstalled.'),
    annotations: stringMap('Annotations on the PersistentVolumeClaim.'),
  });
}

/** Defaults of `persistenceSpec()`: a ReadWriteOnce claim of `size`, kept on uninstall. */
export function persistenceDefaults(size: string): Static<ReturnType<typeof persistenceSpec>> {
  return {
    enabled: true,
    size,
    storageClass: '',
    accessModes: ['ReadWriteOnce' as const],
    existingClaim: '',
    keepOnUninstall: true,
    annotations: {},
  };
}
