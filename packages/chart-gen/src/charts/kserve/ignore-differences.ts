/**
 * Fields of KServe's objects that change after Argo CD applies them, so the live copy never equals the rendered one
 * and the Application would stay OutOfSync. Each entry is as narrow as its cause.
 */
export const kserveIgnoreDifferences = [
  // cert-manager's CA injector writes the webhook CA bundle into the webhook configurations after every sync.
  {
    group: 'admissionregistration.k8s.io',
    kind: 'MutatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
  },
  {
    group: 'admissionregistration.k8s.io',
    kind: 'ValidatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
  },
];
