import type { Environment } from '../environments';
import type { ChartDefinition } from '../model';
import { applicationSpec, destinationNamespace, RESOURCES_FINALIZER } from './application';
import type { GitopsSettings } from './settings';

/**
 * One ApplicationSet producing the chart's Application in every environment: the same Applications as
 * argocd-apps/<env>/<chart>.yaml, for teams that prefer one object. What differs between environments comes from
 * the list generator's elements; the sync policy, which differs in shape, from a template patch.
 */
export function applicationSet(chart: ChartDefinition, environments: readonly Environment[], settings: GitopsSettings) {
  const elements = environments.map((env) => ({
    env: env.name,
    namespace: destinationNamespace(chart, env),
    targetRevision: env.targetRevision ?? settings.targetRevision,
    automated: env.sync.automated ? 'true' : 'false',
    prune: env.sync.prune ? 'true' : 'false',
    selfHeal: env.sync.selfHeal ? 'true' : 'false',
  }));
  const template = applicationSpec(chart, environments[0]!, settings);
  const { automated: _automated, ...sharedSyncPolicy } = template.syncPolicy as { automated?: unknown };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: {
      name: chart.name,
      namespace: settings.argocdNamespace,
      labels: {
        'app.kubernetes.io/name': chart.name,
        'app.kubernetes.io/part-of': chart.partOf,
        'app.kubernetes.io/managed-by': 'chart-gen',
      },
    },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [{ list: { elements } }],
      // Deleting the ApplicationSet, or dropping an environment from it, must not cascade into deleting what its
      // Applications deployed (prod included): that takes deleting an Application on purpose.
      syncPolicy: { preserveResourcesOnDeletion: true },
      template: {
        metadata: {
          name: `${chart.name}-{{ .env }}`,
          labels: {
            'app.kubernetes.io/name': chart.name,
            'app.kubernetes.io/part-of': chart.partOf,
            'chart-gen/environment': '{{ .env }}',
          },
          annotations: { 'argocd.argoproj.io/sync-wave': String(chart.syncWave) },
          finalizers: [RESOURCES_FINALIZER],
        },
        spec: {
          ...template,
          source: {
            ...template.source,
            targetRevision: '{{ .targetRevision }}',
            helm: { ...template.source.helm, valueFiles: ['values.yaml', 'values-{{ .env }}.yaml'] },
          },
          destination: { ...template.destination, namespace: '{{ .namespace }}' },
          syncPolicy: sharedSyncPolicy,
        },
      },
      templatePatch: [
        '{{- if eq .automated "true" }}',
        'spec:',
        '  syncPolicy:',
        '    automated:',
        '      prune: {{ .prune }}',
        '      selfHeal: {{ .selfHeal }}',
        '{{- end }}',
        '',
      ].join('\n'),
    },
  };
}
