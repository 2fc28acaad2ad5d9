import { entry, map, mapOf, placed, when, withValue, yamlOf } from '../template/nodes';
import { type ChartContext, claimName, includeHelper } from './context';
import { metadata } from './metadata';
import { templateFile } from './text';

/**
 * The data PersistentVolumeClaim, unless persistence is off or an existing claim is used. With keepOnUninstall
 * Helm leaves it (and the data) behind on uninstall, and Argo CD does not prune it.
 */
export function persistentVolumeClaim(ctx: ChartContext, options: { component: string }): string {
  return templateFile(
    when(
      'and .Values.persistence.enabled (not .Values.persistence.existingClaim)',
      entry('apiVersion', 'v1'),
      entry('kind', 'PersistentVolumeClaim'),
      metadata(ctx, {
        name: claimName(ctx),
        component: options.component,
        conditionalAnnotations: [
          { when: '.Values.persistence.keepOnUninstall', key: 'helm.sh/resource-policy', value: 'keep' },
        ],
        annotationsFrom: '.Values.persistence.annotations',
      }),
      entry(
        'spec',
        map(
          entry('accessModes', yamlOf('.Values.persistence.accessModes')),
          withValue(`${includeHelper(ctx, 'persistence', 'storageClass')} | trim`, placed('.')),
          entry('resources', mapOf({ requests: mapOf({ storage: '{{ .Values.persistence.size | quote }}' }) })),
        ),
      ),
    ),
  );
}
