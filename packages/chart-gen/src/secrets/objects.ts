import type { Environment } from '../environments/model';
import type { ExternalSecretSource, SealedSecretSource } from './sources';

const labels = (env: Environment) => ({
  'app.kubernetes.io/managed-by': 'chart-gen',
  'chart-gen/environment': env.name,
});

/**
 * The ExternalSecret making Secret `name` with exactly the given keys. creationPolicy Orphan: the Secret gets no
 * owner reference, so deleting the ExternalSecret (pruned by Argo CD, or removed from Git) leaves the Secret a running
 * database reads; Owner would have Kubernetes garbage-collect it. deletionPolicy Retain: an entry vanishing from the
 * store leaves the Secret as it was, instead of deleting it (Delete) under a running workload.
 */
export function externalSecret(env: Environment, name: string, source: ExternalSecretSource) {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name, namespace: env.namespace, labels: labels(env) },
    spec: {
      refreshInterval: source.refreshInterval,
      secretStoreRef: { kind: source.store.kind, name: source.store.name },
      target: { name, creationPolicy: 'Orphan', deletionPolicy: 'Retain' },
      data: Object.entries(source.data)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([secretKey, remote]) => ({
          secretKey,
          remoteRef: { key: remote.key, ...(remote.property ? { property: remote.property } : {}) },
        })),
    },
  };
}

/** Annotations of sealed-secrets (pkg/apis/sealedsecrets/v1alpha1/types.go). */
export const NAMESPACE_WIDE_ANNOTATION = 'sealedsecrets.bitnami.com/namespace-wide';
export const SKIP_OWNER_REFERENCES_ANNOTATION = 'sealedsecrets.bitnami.com/skip-set-owner-references';

/**
 * The SealedSecret unsealing into Secret `name`. The scope annotation sits on the SealedSecret (the controller's
 * decryption label comes from it) and on the template, as kubeseal writes it. skip-set-owner-references: the Secret
 * outlives its SealedSecret, for the same reason as the ExternalSecret's Orphan policy.
 */
export function sealedSecret(env: Environment, name: string, source: SealedSecretSource) {
  const scope = source.scope === 'namespace-wide' ? { [NAMESPACE_WIDE_ANNOTATION]: 'true' } : {};
  return {
    apiVersion: 'bitnami.com/v1alpha1',
    kind: 'SealedSecret',
    metadata: {
      name,
      namespace: env.namespace,
      labels: labels(env),
      ...(source.scope === 'namespace-wide' ? { annotations: scope } : {}),
    },
    spec: {
      encryptedData: Object.fromEntries(Object.entries(source.encryptedData).sort(([a], [b]) => a.localeCompare(b))),
      template: {
        metadata: {
          name,
          namespace: env.namespace,
          labels: labels(env),
          annotations: { ...scope, [SKIP_OWNER_REFERENCES_ANNOTATION]: 'true' },
        },
        type: 'Opaque',
      },
    },
  };
}
