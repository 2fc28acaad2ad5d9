import { type Child, entry, map, when } from '../template/nodes';
import { type ChartContext } from './context';
import { metadata } from './metadata';
import { templateFile } from './text';

/** A ConfigMap whose `data` holds the given entries; with `when` (a condition) it exists only when that holds. */
export function configMap(
  ctx: ChartContext,
  options: { name: string; component: string; data: Child[]; when?: string },
): string {
  const body = [
    entry('apiVersion', 'v1'),
    entry('kind', 'ConfigMap'),
    metadata(ctx, { name: options.name, component: options.component }),
    entry('data', map(...options.data)),
  ];
  return options.when ? templateFile(when(options.when, ...body)) : templateFile(...body);
}
