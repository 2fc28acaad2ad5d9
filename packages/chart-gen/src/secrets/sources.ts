/** Where an environment's Secrets come from: the Secret names the charts read, each with its source. */

/** The Secret is created in the cluster by other means (kubectl, a platform team): today's behaviour, the default. */
export interface ExistingSecretSource {
  type: 'existingSecret';
}

/** One key of the Secret, read from the external store. */
export interface RemoteKey {
  /** Key (path) of the entry in the store. */
  key: string;
  /** Field inside that entry, for stores holding structured entries (JSON, a Kubernetes Secret's key). */
  property?: string;
}

/** External Secrets Operator: an ExternalSecret (external-secrets.io/v1) makes the Secret from a store. */
export interface ExternalSecretSource {
  type: 'externalSecret';
  /** The SecretStore (in the environment's namespace) or ClusterSecretStore to read from. */
  store: { kind: 'SecretStore' | 'ClusterSecretStore'; name: string };
  /** How often the operator re-reads the store, e.g. 1h. */
  refreshInterval: string;
  /** Each key of the Secret, by the name the charts read it under. */
  data: Record<string, RemoteKey>;
}

/**
 * strict: only a Secret of this name in this namespace can be unsealed; namespace-wide: any name in the namespace
 * (the SealedSecret may be renamed). Cluster-wide is not offered: it would unseal in any namespace.
 */
export type SealingScope = 'strict' | 'namespace-wide';

/** Sealed Secrets: a SealedSecret (bitnami.com/v1alpha1) committed in Git, unsealed by the cluster's controller. */
export interface SealedSecretSource {
  type: 'sealedSecret';
  scope: SealingScope;
  /** Each key of the Secret, as `chart-gen seal` prints it (encrypted for the cluster's certificate). */
  encryptedData: Record<string, string>;
}

export type SecretSource = ExistingSecretSource | ExternalSecretSource | SealedSecretSource;
