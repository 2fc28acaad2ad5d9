import { choose, entry, map, mapOf, statement, when, withValue } from '../template/nodes';
import { type ChartContext, selectorLabels } from './context';
import { metadata } from './metadata';
import { templateFile } from './text';

export function podDisruptionBudget(ctx: ChartContext, options: { name: string; component: string }): string {
  const bothSet =
    'and (hasKey .Values.podDisruptionBudget "minAvailable") (hasKey .Values.podDisruptionBudget "maxUnavailable")';
  const message =
    `${ctx.chart}: set only one of podDisruptionBudget.minAvailable and podDisruptionBudget.maxUnavailable ` +
    '(set the other to null)';
  return templateFile(
    when(
      '.Values.podDisruptionBudget.enabled',
      when(bothSet, statement(`fail "${message}"`)),
      entry('apiVersion', 'policy/v1'),
      entry('kind', 'PodDisruptionBudget'),
      metadata(ctx, { name: options.name, component: options.component }),
      entry(
        'spec',
        map(
          withValue(
            '.Values.podDisruptionBudget',
            choose(
              ['hasKey . "minAvailable"', [entry('minAvailable', '{{ .minAvailable }}')]],
              ['hasKey . "maxUnavailable"', [entry('maxUnavailable', '{{ .maxUnavailable }}')]],
              [undefined, [entry('maxUnavailable', 1)]],
            ),
          ),
          entry('selector', mapOf({ matchLabels: selectorLabels(ctx, options.component) })),
        ),
      ),
    ),
  );
}
