import { entry, list, map, mapOf, statement, when, withValue } from '../template/nodes';
import { type ChartContext } from './context';
import { metadata } from './metadata';
import { templateFile } from './text';

/** An Ingress routing `.Values.ingress.host` and path to a named Service port, when enabled. */
export function ingress(ctx: ChartContext, options: { name: string; component: string; servicePort: string }): string {
  const host = '{{ .Values.ingress.host | quote }}';
  const tlsSecret = `{{ required "${ctx.chart}: ingress.tls.enabled needs ingress.tls.secretName" .Values.ingress.tls.secretName }}`;
  const backend = mapOf({ service: mapOf({ name: options.name, port: mapOf({ name: options.servicePort }) }) });
  return templateFile(
    when(
      '.Values.ingress.enabled',
      when('not .Values.ingress.host', statement(`fail "${ctx.chart}: ingress.enabled needs ingress.host"`)),
      entry('apiVersion', 'networking.k8s.io/v1'),
      entry('kind', 'Ingress'),
      metadata(ctx, {
        name: options.name,
        component: options.component,
        annotationsFrom: '.Values.ingress.annotations',
      }),
      entry(
        'spec',
        map(
          withValue('.Values.ingress.className', entry('ingressClassName', '{{ . }}')),
          when('.Values.ingress.tls.enabled', entry('tls', list(mapOf({ hosts: list(host), secretName: tlsSecret })))),
          entry(
            'rules',
            list(
              mapOf({
                host,
                http: mapOf({
                  paths: list(
                    mapOf({ path: '{{ .Values.ingress.path }}', pathType: '{{ .Values.ingress.pathType }}', backend }),
                  ),
                }),
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
