import { bool, k8sObject, list, obj } from '../kit';

export function networkPolicySpec() {
  return obj(
    "NetworkPolicy restricting the pods' ingress to the chart's ports and their egress to DNS and the Services they use.",
    {
      enabled: bool('Create a NetworkPolicy for the pods.'),
      allowSameNamespace: bool('Allow ingress from every pod in the release namespace.'),
      extraFrom: list(
        'More allowed peers (NetworkPolicyPeer objects: podSelector, namespaceSelector, ipBlock).',
        k8sObject('A NetworkPolicyPeer.'),
      ),
      extraEgress: list(
        'More allowed egress rules (NetworkPolicyEgressRule objects: ports and to), e.g. for a webhook the application calls.',
        k8sObject('A NetworkPolicyEgressRule.'),
      ),
    },
  );
}
