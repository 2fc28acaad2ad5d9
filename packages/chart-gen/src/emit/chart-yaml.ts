import type { ChartDefinition } from '../model';
import { entry, quoted, type YamlMap } from '../template/nodes';
import { renderTemplate } from '../template/render';
import { artifactHubAnnotations } from './artifacthub';
import { yamlHeader } from './header';
import { yamlNodes } from './yaml';

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
  // A dumper leaves a version such as 17.6 unquoted when it is a string that cannot be read as a number; Helm wants
  // appVersion quoted either way.
  const nodes = yamlNodes(chart) as YamlMap;
  const children = nodes.children.map((child) =>
    child.kind === 'entry' && child.key === 'appVersion' ? entry('appVersion', quoted(def.appVersion)) : child,
  );
  return yamlHeader + renderTemplate(children);
}
