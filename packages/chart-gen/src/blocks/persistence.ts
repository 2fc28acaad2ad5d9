import { type ChartContext, claimName, helper } from './context';
import { metadata } from './metadata';
import { generatedHeader, includeBlock, indent, lines } from './text';

/**
 * The data PersistentVolumeClaim, unless persistence is off or an existing claim is used. With keepOnUninstall
 * Helm leaves it (and the data) behind on uninstall, and Argo CD does not prune it.
 */
export function persistentVolumeClaim(ctx: ChartContext, options: { component: string }): string {
  return lines(
    generatedHeader(),
    '{{- if and .Values.persistence.enabled (not .Values.persistence.existingClaim) }}',
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    metadata(ctx, {
      name: claimName(ctx),
      component: options.component,
      conditionalAnnotations: [
        { when: '.Values.persistence.keepOnUninstall', key: 'helm.sh/resource-policy', value: 'keep' },
      ],
      annotationsFrom: '.Values.persistence.annotations',
    }),
    'spec:',
    '  accessModes:',
    '    {{- toYaml .Values.persistence.accessModes | nindent 4 }}',
    indent(includeBlock(`include "${helper(ctx, 'persistence', 'storageClass')}" $`, 0), 2),
    '  resources:',
    '    requests:',
    '      storage: {{ .Values.persistence.size | quote }}',
    '{{- end }}',
  );
}
