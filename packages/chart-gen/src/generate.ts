import { helpersTemplate } from './blocks/helpers-tpl';
import { findPlainSecrets } from './checks/plain-secrets';
import { findRequestsOverLimits } from './checks/resource-requests';
import { chartLock } from './emit/chart-lock';
import { chartDependencies, chartYaml } from './emit/chart-yaml';
import { yamlHeader } from './emit/header';
import { helmignore } from './emit/helmignore';
import { readme } from './emit/readme';
import { valuesSchema, valuesSchemaJson } from './emit/values-schema';
import { valuesYaml } from './emit/values-yaml';
import { toYaml } from './emit/yaml';
import type { Environment } from './environments';
import { application, deployingEnvironments, destinationNamespace, isClusterWide } from './gitops/application';
import { applicationSet } from './gitops/application-set';
import type { GitopsSettings } from './gitops/settings';
import type { ChartDefinition, GeneratedFile } from './model';
import { CHART_FILE_FOLDERS, chartDir } from './ownership';
import { layerValues, mergeValues, validateValues } from './validate';

/** Values that fail their chart's schema, or hold a secret in clear: generation stops before anything is written. */
export class InvalidValuesError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid values:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'InvalidValuesError';
  }
}

/** An environment's values file of a chart: the chart's own values, or, for an umbrella, each subchart's. */
export function environmentValues(def: ChartDefinition, env: Environment): Record<string, unknown> {
  const values = env.values as Record<string, unknown>;
  const own = (chart: ChartDefinition) => layerValues(chart.values.environmentDefaults ?? {}, values[chart.name] ?? {});
  const body = def.dependencies?.length
    ? Object.fromEntries(def.dependencies.map((dep) => [dep.name, own(dep)]))
    : own(def);
  return env.global && Object.keys(env.global).length ? { global: env.global, ...body } : body;
}

function checkValues(def: ChartDefinition, file: string, values: unknown): string[] {
  const merged = mergeValues(def.values.defaults, values);
  const invalid = [...validateValues(valuesSchema(def), merged), ...findRequestsOverLimits(merged)].map(
    (p) => `${file}: ${p}`,
  );
  const secrets = findPlainSecrets(values).map(
    (key) => `${file}: ${key}: holds a secret in clear; reference an existing Secret instead`,
  );
  return [...invalid, ...secrets];
}

/**
 * Checks the defaults, every example and every environment against the chart's schema, naming the file and key
 * of each problem.
 */
export function validateChart(def: ChartDefinition, environments: readonly Environment[]): string[] {
  const dir = chartDir(def);
  const defaults = def.values.defaults;
  const problems = [...validateValues(valuesSchema(def), defaults), ...findRequestsOverLimits(defaults)].map(
    (p) => `${dir}/values.yaml: ${p}`,
  );
  for (const [name, example] of Object.entries(def.values.examples)) {
    problems.push(...checkValues(def, `${dir}/ci/${name}-values.yaml`, example));
  }
  for (const env of environments) {
    const file = `${dir}/values-${env.name}.yaml (from environments/${env.name}.ts)`;
    problems.push(...checkValues(def, file, environmentValues(def, env)));
  }
  return problems;
}

/** A chart's `files` entry that the generator will not write, with the reason; the chart's folder is named too. */
export class InvalidChartFilesError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid chart files:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'InvalidChartFilesError';
  }
}

/** Why a `files` path cannot be written, or undefined when it can. */
export function chartFileProblem(path: string): string | undefined {
  const segments = path.split('/');
  if (path.startsWith('/') || path.includes('\\') || segments.includes('..')) {
    return 'escapes the chart folder: give a path relative to it, without ".." or "\\"';
  }
  if (segments.some((segment) => segment === '' || segment === '.')) return 'is not a normalised relative path';
  if (segments[0] === 'templates') {
    return 'is under templates/, where Helm would render it as a template (a Grafana legend {{pod}} included)';
  }
  if (!(CHART_FILE_FOLDERS as readonly string[]).includes(segments[0]!) || segments.length < 2) {
    return `must be a file under ${CHART_FILE_FOLDERS.map((folder) => `${folder}/`).join(' or ')}, the folders the generator owns`;
  }
  return undefined;
}

function shippedFiles(def: ChartDefinition): GeneratedFile[] {
  const entries = Object.entries(def.files ?? {});
  const problems = entries.flatMap(([path]) => {
    const problem = chartFileProblem(path);
    return problem ? [`${chartDir(def)}: files "${path}" ${problem}`] : [];
  });
  if (problems.length) throw new InvalidChartFilesError(problems);
  return entries.map(([path, content]) => ({ path: `${chartDir(def)}/${path}`, content }));
}

function chartFiles(def: ChartDefinition, environments: readonly Environment[]): GeneratedFile[] {
  const dir = chartDir(def);
  // Only the helpers the chart's templates call: an umbrella without templates of its own has none.
  const helpers = helpersTemplate({ chart: def.name }, def.partOf, Object.values(def.templates));
  return [
    { path: `${dir}/Chart.yaml`, content: chartYaml(def) },
    ...(chartDependencies(def).length ? [{ path: `${dir}/Chart.lock`, content: chartLock(def) }] : []),
    { path: `${dir}/values.yaml`, content: valuesYaml(def) },
    { path: `${dir}/values.schema.json`, content: valuesSchemaJson(def) },
    {
      path: `${dir}/README.md`,
      content: readme(
        def,
        deployingEnvironments(def, environments).map((env) => ({
          environment: env.name,
          namespace: destinationNamespace(def, env),
        })),
      ),
    },
    { path: `${dir}/.helmignore`, content: helmignore() },
    ...(helpers ? [{ path: `${dir}/templates/_helpers.tpl`, content: helpers }] : []),
    ...Object.entries(def.templates).map(([file, content]) => ({ path: `${dir}/templates/${file}`, content })),
    ...shippedFiles(def),
    ...Object.entries(def.values.examples).map(([name, example]) => ({
      path: `${dir}/ci/${name}-values.yaml`,
      content: `${yamlHeader}# Representative values, rendered and linted by the tests.\n${toYaml(example)}`,
    })),
    ...environments.map((env) => ({
      path: `${dir}/values-${env.name}.yaml`,
      content: `${yamlHeader}# Values of the ${env.name} environment (namespace ${destinationNamespace(def, env)}), from packages/chart-gen/src/environments/${env.name}.ts.\n${toYaml(environmentValues(def, env))}`,
    })),
  ];
}

/**
 * Where a chart's Application goes. A chart an umbrella also installs goes to components/, so that
 * `kubectl apply -f argocd-apps/<env>/` applies the umbrella without a second owner of the same objects.
 */
export function applicationPath(def: ChartDefinition, env: Environment, all: readonly ChartDefinition[]): string {
  const inUmbrella = all.some((chart) => chart.dependencies?.some((dep) => dep.name === def.name));
  return `argocd-apps/${env.name}/${inUmbrella ? 'components/' : ''}${def.name}.yaml`;
}

function argocdFiles(
  def: ChartDefinition,
  environments: readonly Environment[],
  settings: GitopsSettings,
  known: readonly ChartDefinition[],
): GeneratedFile[] {
  const files = environments.map((env) => ({
    path: applicationPath(def, env, known),
    content: yamlHeader + toYaml(application(def, env, settings)),
  }));
  if (def.applicationSet && environments.length) {
    files.push({
      path: `argocd-apps/applicationsets/${def.name}.yaml`,
      content: yamlHeader + toYaml(applicationSet(def, environments, settings)),
    });
  }
  return files;
}

/** Every file of one chart and its Argo CD objects, in memory. Throws InvalidValuesError before producing anything. */
export function renderChart(
  def: ChartDefinition,
  environments: readonly Environment[],
  settings: GitopsSettings,
  /** Every chart of the repository: where a chart's Applications go depends on whether an umbrella includes it. */
  known: readonly ChartDefinition[],
): GeneratedFile[] {
  const deploying = deployingEnvironments(def, environments);
  const problems = [...validateChart(def, deploying), ...clusterConflicts(def, deploying, settings)];
  if (problems.length) throw new InvalidValuesError(problems);
  const files = [...chartFiles(def, deploying), ...argocdFiles(def, deploying, settings, known)];
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** A cluster-wide chart deployed twice into one cluster: two Applications would fight over the same objects. */
function clusterConflicts(def: ChartDefinition, deploying: Environment[], settings: GitopsSettings): string[] {
  if (!isClusterWide(def)) return [];
  const byServer = new Map<string, string[]>();
  for (const env of deploying) {
    const server = env.destinationServer ?? settings.destinationServer;
    byServer.set(server, [...(byServer.get(server) ?? []), env.name]);
  }
  return [...byServer]
    .filter(([, names]) => names.length > 1)
    .map(
      ([server, names]) =>
        `environments/${names.join('.ts, environments/')}.ts: ${names.join(' and ')} all deploy ${def.name}, which is cluster-wide, to ${server}; ` +
        `give its values to one of them, or give each its own destinationServer`,
    );
}
