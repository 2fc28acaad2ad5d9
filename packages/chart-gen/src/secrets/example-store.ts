/**
 * The SecretStore of the README's ExternalSecrets example: the operator's Kubernetes provider reading Secrets of a
 * source namespace (mlops-secrets) with a ServiceAccount of the environment's namespace. A store is cluster
 * configuration, made once per cluster by whoever runs the operator; chart-gen only references it by name.
 */
export function kubernetesSecretStore(namespace: string, name = 'mlops-source') {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'SecretStore',
    metadata: { name, namespace },
    spec: {
      provider: {
        kubernetes: {
          remoteNamespace: 'mlops-secrets',
          server: { caProvider: { type: 'ConfigMap', name: 'kube-root-ca.crt', key: 'ca.crt' } },
          auth: { serviceAccount: { name: 'external-secrets-reader' } },
        },
      },
    },
  };
}
