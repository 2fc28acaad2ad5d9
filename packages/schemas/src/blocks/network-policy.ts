import { bool, k8sObject, list, obj } from '../kit';

export function networkPolicySpec() {
  return obj("NetworkPolicy restricting ingress to the chart's ports.", {
    enabled: bool('Create a NetworkPolicy for the pods.'),
    allowSameNamespace: bool('Allow ingress from every pod in the release namespace.'),
    extraFrom: list(
      'More allowed peers (NetworkPolicyPeer objects: podSelector, namespaceSelector, ipBlock).',
      k8sObject('A NetworkPolicyPeer.'),
    ),
  });
}
