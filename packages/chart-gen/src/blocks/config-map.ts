import { type ChartContext } from './context';
import { metadata } from './metadata';
import { generatedHeader, indent, lines } from './text';

/** A ConfigMap whose `data` is template text (YAML mapping lines at indent 0). */
export function configMap(ctx: ChartContext, options: { name: string; component: string; data: string }): string {
  return lines(
    generatedHeader(),
    'apiVersion: v1',
    'kind: ConfigMap',
    metadata(ctx, { name: options.name, component: options.component }),
    'data:',
    indent(options.data, 2),
  );
}
