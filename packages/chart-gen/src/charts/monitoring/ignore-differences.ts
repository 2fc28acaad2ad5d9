/** The name kube-prometheus-stack gives its admission webhooks for the release `monitoring` (fullname, 26 chars). */
const ADMISSION_WEBHOOK = 'monitoring-kube-prometheus-admission';

/**
 * Fields of kube-prometheus-stack's objects that change after Argo CD applies them, so the live copy never equals the
 * rendered one and the Application would stay OutOfSync. Each entry is as narrow as its cause.
 */
export const monitoringIgnoreDifferences = [
  // The admission webhooks' certificate is made by the chart's own patch Job (a PostSync hook under Argo CD), which
  // writes the CA bundle into both webhook configurations, and their failurePolicy where
  // prometheusOperator.admissionWebhooks.failurePolicy is set (prometheus-community/helm-charts#2516, #4914).
  {
    group: 'admissionregistration.k8s.io',
    kind: 'MutatingWebhookConfiguration',
    name: ADMISSION_WEBHOOK,
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle', '.webhooks[]?.failurePolicy'],
  },
  {
    group: 'admissionregistration.k8s.io',
    kind: 'ValidatingWebhookConfiguration',
    name: ADMISSION_WEBHOOK,
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle', '.webhooks[]?.failurePolicy'],
  },
];
