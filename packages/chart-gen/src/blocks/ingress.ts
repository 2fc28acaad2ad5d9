import { type ChartContext } from './context';
import { metadata } from './metadata';
import { generatedHeader, lines } from './text';

/** An Ingress routing `.Values.ingress.host` and path to a named Service port, when enabled. */
export function ingress(ctx: ChartContext, options: { name: string; component: string; servicePort: string }): string {
  return lines(
    generatedHeader(),
    '{{- if .Values.ingress.enabled }}',
    `{{- if not .Values.ingress.host }}{{ fail "${ctx.chart}: ingress.enabled needs ingress.host" }}{{ end }}`,
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    metadata(ctx, { name: options.name, component: options.component, annotationsFrom: '.Values.ingress.annotations' }),
    'spec:',
    '  {{- with .Values.ingress.className }}',
    '  ingressClassName: {{ . }}',
    '  {{- end }}',
    '  {{- if .Values.ingress.tls.enabled }}',
    '  tls:',
    '    - hosts:',
    '        - {{ .Values.ingress.host | quote }}',
    `      secretName: {{ required "${ctx.chart}: ingress.tls.enabled needs ingress.tls.secretName" .Values.ingress.tls.secretName }}`,
    '  {{- end }}',
    '  rules:',
    '    - host: {{ .Values.ingress.host | quote }}',
    '      http:',
    '        paths:',
    '          - path: {{ .Values.ingress.path }}',
    '            pathType: {{ .Values.ingress.pathType }}',
    '            backend:',
    '              service:',
    `                name: ${options.name}`,
    '                port:',
    `                  name: ${options.servicePort}`,
    '{{- end }}',
  );
}
