import { yamlHeader } from '../emit/header';
import { toYaml } from '../emit/yaml';
import type { Environment } from '../environments/model';
import { deployingEnvironments, RESOURCES_FINALIZER, syncPolicy } from '../gitops/application';
import type { GitopsSettings } from '../gitops/settings';
import type { ChartDefinition, GeneratedFile } from '../model';
import { externalSecret, sealedSecret } from './objects';

/** Folder of an environment's secret objects, which its secrets Application deploys. */
export const secretsDir = (env: Environment) => `argocd-apps/${env.name}/secrets`;

/** Files this generation owns: the secrets Application of each environment and the folder it deploys. */
export const SECRETS_PATH = /^argocd-apps\/[^/]+\/(secrets\.yaml|secrets\/[^/]+\.yaml)$/;

/**
 * One wave before the earliest chart the environment deploys: Argo CD creates the Secrets before any workload that
 * reads them (and a Pod started before its Secret would wait for it, not fail).
 */
export function secretsSyncWave(env: Environment, charts: readonly ChartDefinition[]): number {
  const waves = charts.filter((chart) => deployingEnvironments(chart, [env]).length).map((chart) => chart.syncWave);
  return Math.min(0, ...waves) - 1;
}

function secretsApplication(env: Environment, settings: GitopsSettings, wave: number) {
  // The charts' policy without any chart's options: no server-side sync, no namespace metadata of its own.
  const policy = syncPolicy({}, env);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `secrets-${env.name}`,
      namespace: settings.argocdNamespace,
      labels: { 'app.kubernetes.io/managed-by': 'chart-gen', 'chart-gen/environment': env.name },
      annotations: { 'argocd.argoproj.io/sync-wave': String(wave) },
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: {
      project: settings.project,
      source: {
        repoURL: settings.repoURL,
        targetRevision: env.targetRevision ?? settings.targetRevision,
        path: secretsDir(env),
        directory: { recurse: false },
      },
      destination: { server: env.destinationServer ?? settings.destinationServer, namespace: env.namespace },
      syncPolicy: policy,
    },
  };
}

/**
 * An environment's ExternalSecrets and SealedSecrets, one file each, and the Application deploying them; nothing
 * for an environment whose Secrets all exist already.
 */
export function secretsFiles(
  env: Environment,
  settings: GitopsSettings,
  charts: readonly ChartDefinition[],
): GeneratedFile[] {
  const objects = Object.entries(env.secrets ?? {}).flatMap(
    ([name, source]): { name: string; object: object & { kind: string } }[] => {
      if (source.type === 'externalSecret') return [{ name, object: externalSecret(env, name, source) }];
      if (source.type === 'sealedSecret') return [{ name, object: sealedSecret(env, name, source) }];
      return [];
    },
  );
  if (objects.length === 0) return [];
  return [
    {
      path: `argocd-apps/${env.name}/secrets.yaml`,
      content: yamlHeader + toYaml(secretsApplication(env, settings, secretsSyncWave(env, charts))),
    },
    ...objects.map(({ name, object }) => ({
      path: `${secretsDir(env)}/${name}.yaml`,
      content: `${yamlHeader}# ${object.kind} of the ${env.name} environment, from packages/chart-gen/src/environments/${env.name}.ts.\n${toYaml(object)}`,
    })),
  ];
}
