import { monitoringValuesSpec } from '@chart-gen/schemas';

import type { ValueCheck } from '../../blocks/value-checks';
import { valuesOf } from '../../template/values-path';

const values = valuesOf(monitoringValuesSpec);
const stack = values['kube-prometheus-stack'];
const grafana = stack.grafana;
const alertmanager = stack.alertmanager;

/**
 * Credentials and receivers come from existing Secrets, never from values: without these names Grafana would start
 * with kube-prometheus-stack's well-known default password, and Alertmanager with upstream's receivers (which send
 * nothing anywhere).
 */
export const secretChecks: ValueCheck[] = [
  {
    refuseWhen: `and ${stack.enabled} ${grafana.enabled} (not ${grafana.admin.existingSecret})`,
    message:
      "kube-prometheus-stack.grafana.admin.existingSecret must name the Secret holding Grafana's admin user (key %s) " +
      "and password (key %s); without it Grafana's admin password would be upstream's default",
    args: [`${grafana.admin.userKey}`, `${grafana.admin.passwordKey}`],
  },
  {
    refuseWhen: `and ${stack.enabled} ${alertmanager.enabled} (not ${alertmanager.alertmanagerSpec.useExistingSecret})`,
    message:
      'kube-prometheus-stack.alertmanager.alertmanagerSpec.useExistingSecret must be true: the receivers come from ' +
      'the Secret configSecret names, not from alertmanager.config',
  },
  {
    refuseWhen: `and ${stack.enabled} ${alertmanager.enabled} (not ${alertmanager.alertmanagerSpec.configSecret})`,
    message:
      'kube-prometheus-stack.alertmanager.alertmanagerSpec.configSecret must name the Secret whose key ' +
      'alertmanager.yaml holds the receivers and routes',
  },
];
