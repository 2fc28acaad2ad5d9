import { crdValidator } from './crd-schemas';
import type { K8sObject } from './helm';

const GROUP = 'monitoring.coreos.com';

/** Whether an object is one of the Prometheus Operator's custom resources (ServiceMonitor, PrometheusRule …). */
export const isPrometheusOperatorObject = (object: K8sObject) => object.apiVersion.startsWith(`${GROUP}/`);

/**
 * Validates a ServiceMonitor, PodMonitor or PrometheusRule against the Prometheus Operator's own CRDs at the pinned
 * version (PROMETHEUS_OPERATOR_CRDS: tools/install-tools.sh fetches them; the tests' global setup sets it).
 */
export const validatePrometheusOperatorObject = crdValidator(
  'Prometheus Operator',
  () => {
    const folder = process.env.PROMETHEUS_OPERATOR_CRDS;
    if (!folder) throw new Error('PROMETHEUS_OPERATOR_CRDS is not set: run the tests through jest (its global setup)');
    return folder;
  },
  /_(servicemonitors|podmonitors|prometheusrules)\.yaml$/,
);
