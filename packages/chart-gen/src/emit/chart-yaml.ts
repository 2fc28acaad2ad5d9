import type { ChartDefinition } from '../model';
import { artifactHubAnnotations } from './artifacthub';
import { yamlHeader } from './header';
import { toYaml } from './yaml';

/** Chart.yaml `dependencies`: in-repository subcharts (each switchable) and pinned external charts. */
export function chartDependencies(
  def: ChartDefinition,
): { name: string; version: string; repository: string; condition?: string }[] {
  const local = (def.dependencies ?? []).map((dep) => ({
    name: dep.name,
    version: dep.version,
    repository: `file://../${dep.name}`,
    condition: `${dep.name}.enabled`,
  }));
  const external = (def.externalDependencies ?? []).map(({ name, version, repository, condition }) => ({
    name,
    version,
    repository,
    ...(condition ? { condition } : {}),
  }));
  return [...local, ...external];
}

/** Chart.yaml: apiVersion v2 (Helm 3 and 4), semver version, quoted appVersion. */
export function chartYaml(def: ChartDefinition): string {
  const chart = {
    apiVersion: 'v2',
    name: def.name,
    description: def.description,
    type: 'application',
    version: def.version,
    appVersion: def.appVersion,
    kubeVersion: '>=1.25.0-0',
    keywords: def.keywords,
    home: def.home,
    sources: def.sources,
    ...(chartDependencies(def).length ? { dependencies: chartDependencies(def) } : {}),
    annotations: artifactHubAnnotations(def),
  };
  // js-yaml leaves a version such as 17.6 unquoted only when it is a string that cannot be read as a number;
  // Helm wants appVersion quoted either way, so force it.
  const text = toYaml(chart).replace(/^appVersion: .*$/m, `appVersion: ${JSON.stringify(def.appVersion)}`);
  return yamlHeader + text;
}
