import type { Environment } from '../environments';
import type { ChartDefinition } from '../model';
import type { GitopsSettings } from './settings';

/**
 * Cascading deletion in the foreground: the Application goes only once its resources are gone (what the bare
 * finalizer name did, which a Kubernetes 1.35 API server warns about: finalizers must be domain-qualified with a path).
 */
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io/foreground';

/** The Application's name in the Argo CD namespace: one per chart and environment. */
export const applicationName = (chart: ChartDefinition, env: Environment) => `${chart.name}-${env.name}`;

/** Value files of a chart's source, relative to the chart folder: its defaults, then the environment's. */
export const valueFiles = (env: Environment) => ['values.yaml', `values-${env.name}.yaml`];

export function syncPolicy(chart: Pick<ChartDefinition, 'argocd'>, env: Environment) {
  const labels = chart.argocd?.namespaceLabels;
  return {
    ...(env.sync.automated ? { automated: { prune: env.sync.prune, selfHeal: env.sync.selfHeal } } : {}),
    syncOptions: ['CreateNamespace=true', 'PruneLast=true', ...(chart.argocd?.syncOptions ?? [])],
    ...(labels ? { managedNamespaceMetadata: { labels } } : {}),
    retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
  };
}

/** A chart with a namespace of its own (an operator) is cluster-wide: one release per cluster. */
export const isClusterWide = (chart: ChartDefinition) => chart.argocd?.namespace !== undefined;

/**
 * The environments that deploy a chart: all of them, except for a cluster-wide chart, which only the environments
 * giving it values deploy.
 */
export function deployingEnvironments(chart: ChartDefinition, environments: readonly Environment[]): Environment[] {
  return environments.filter((env) => !isClusterWide(chart) || chart.name in env.values);
}

/** The namespace a chart is installed in: its own for cluster-wide components, else the environment's. */
export const destinationNamespace = (chart: ChartDefinition, env: Environment) =>
  chart.argocd?.namespace ?? env.namespace;

/** The `spec` of an Application deploying one chart of this repository into one environment. */
export function applicationSpec(chart: ChartDefinition, env: Environment, settings: GitopsSettings) {
  return {
    project: settings.project,
    source: {
      repoURL: settings.repoURL,
      targetRevision: env.targetRevision ?? settings.targetRevision,
      path: `charts/${chart.name}`,
      helm: {
        // Explicit, so objects keep their names (minio, postgresql-external …) whatever the Application is called.
        releaseName: chart.name,
        valueFiles: valueFiles(env),
      },
    },
    destination: {
      server: env.destinationServer ?? settings.destinationServer,
      namespace: destinationNamespace(chart, env),
    },
    ...(chart.argocd?.ignoreDifferences ? { ignoreDifferences: chart.argocd.ignoreDifferences } : {}),
    syncPolicy: syncPolicy(chart, env),
  };
}

export function application(chart: ChartDefinition, env: Environment, settings: GitopsSettings) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: applicationName(chart, env),
      namespace: settings.argocdNamespace,
      labels: {
        'app.kubernetes.io/name': chart.name,
        'app.kubernetes.io/part-of': chart.partOf,
        'app.kubernetes.io/managed-by': 'chart-gen',
        'chart-gen/environment': env.name,
      },
      annotations: { 'argocd.argoproj.io/sync-wave': String(chart.syncWave) },
      // Deleting the Application deletes what it deployed (claims marked keep stay).
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: applicationSpec(chart, env, settings),
  };
}
