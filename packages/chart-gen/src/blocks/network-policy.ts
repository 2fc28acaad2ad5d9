import { type ChartContext, helper, selectorLabels } from './context';
import { metadata } from './metadata';
import { generatedHeader, lines } from './text';

/** A NetworkPolicy's opening, up to its ingress rules: rendered when `when`, selecting one component's pods. */
function ingressPolicyHead(ctx: ChartContext, options: { name: string; component: string; when: string }): string[] {
  return [
    generatedHeader(),
    `{{- if ${options.when} }}`,
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    metadata(ctx, { name: options.name, component: options.component }),
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    `      ${selectorLabels(ctx, options.component, 6)}`,
    '  policyTypes:',
    '    - Ingress',
  ];
}

/**
 * Ingress to one component's ports from the release's own pods, the release namespace (optional) and the configured
 * peers.
 */
export function networkPolicy(
  ctx: ChartContext,
  options: { name: string; component: string; ports: string[] },
): string {
  return lines(
    ...ingressPolicyHead(ctx, { ...options, when: '.Values.networkPolicy.enabled' }),
    '  ingress:',
    '    - ports:',
    ...options.ports.map((p) => `        - port: {{ ${p} }}\n          protocol: TCP`),
    '      from:',
    "        # The release's own pods, such as its hook Jobs.",
    '        - podSelector:',
    '            matchLabels:',
    `              app.kubernetes.io/name: {{ include "${helper(ctx, 'names', 'name')}" $ }}`,
    '              app.kubernetes.io/instance: {{ .Release.Name }}',
    '        {{- if .Values.networkPolicy.allowSameNamespace }}',
    '        - podSelector: {}',
    '        {{- end }}',
    '        {{- with .Values.networkPolicy.extraFrom }}',
    '        {{- toYaml . | nindent 8 }}',
    '        {{- end }}',
    '{{- end }}',
  );
}

/**
 * A NetworkPolicy that selects one component's pods and admits no ingress: for pods that serve nothing (hook Jobs),
 * so that with policies enabled every pod of the chart is covered by one.
 */
export function noIngressPolicy(ctx: ChartContext, options: { name: string; component: string; when: string }): string {
  return lines(
    ...ingressPolicyHead(ctx, { ...options, when: `and .Values.networkPolicy.enabled ${options.when}` }),
    '  ingress: []',
    '{{- end }}',
  );
}
