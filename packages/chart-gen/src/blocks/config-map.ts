import { type ChartContext } from './context';
import { metadata } from './metadata';
import { generatedHeader, indent, lines } from './text';

/**
 * A ConfigMap whose `data` is template text (YAML mapping lines at indent 0); with `when` (a condition
 * expression) it exists only when that holds.
 */
export function configMap(
  ctx: ChartContext,
  options: { name: string; component: string; data: string; when?: string },
): string {
  return lines(
    generatedHeader(),
    options.when && `{{- if ${options.when} }}`,
    'apiVersion: v1',
    'kind: ConfigMap',
    metadata(ctx, { name: options.name, component: options.component }),
    'data:',
    indent(options.data, 2),
    options.when && '{{- end }}',
  );
}
