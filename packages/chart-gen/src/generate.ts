import { helpersTemplate } from './blocks/helpers-tpl';
import { chartYaml } from './emit/chart-yaml';
import { yamlHeader } from './emit/header';
import { helmignore } from './emit/helmignore';
import { readme } from './emit/readme';
import { valuesSchema, valuesSchemaJson } from './emit/values-schema';
import { valuesYaml } from './emit/values-yaml';
import { toYaml } from './emit/yaml';
import type { ChartDefinition, GeneratedFile } from './model';
import { mergeValues, validateValues } from './validate';

/** A chart's values that fail its own schema: generation stops before anything is written. */
export class InvalidValuesError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid values:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'InvalidValuesError';
  }
}

export const chartDir = (def: ChartDefinition) => `charts/${def.name}`;

/** Folders whose every file is generated: a file there that the generator no longer emits is stale. */
export function generatedDirs(def: ChartDefinition): string[] {
  return [`${chartDir(def)}/templates`, `${chartDir(def)}/ci`];
}

/** Checks the defaults and every example against the chart's schema, naming the file and key of each problem. */
export function validateChart(def: ChartDefinition): string[] {
  const schema = valuesSchema(def);
  const dir = chartDir(def);
  const problems = validateValues(schema, def.values.defaults).map((p) => `${dir}/values.yaml: ${p}`);
  for (const [name, example] of Object.entries(def.values.examples)) {
    const merged = mergeValues(def.values.defaults, example);
    problems.push(...validateValues(schema, merged).map((p) => `${dir}/ci/${name}-values.yaml: ${p}`));
  }
  return problems;
}

/** Every file of one chart, in memory. Throws InvalidValuesError before producing anything invalid. */
export function renderChart(def: ChartDefinition): GeneratedFile[] {
  const problems = validateChart(def);
  if (problems.length) throw new InvalidValuesError(problems);
  const dir = chartDir(def);
  const files: GeneratedFile[] = [
    { path: `${dir}/Chart.yaml`, content: chartYaml(def) },
    { path: `${dir}/values.yaml`, content: valuesYaml(def) },
    { path: `${dir}/values.schema.json`, content: valuesSchemaJson(def) },
    { path: `${dir}/README.md`, content: readme(def) },
    { path: `${dir}/.helmignore`, content: helmignore() },
    { path: `${dir}/templates/_helpers.tpl`, content: helpersTemplate({ chart: def.name }, def.partOf) },
    ...Object.entries(def.templates).map(([file, content]) => ({ path: `${dir}/templates/${file}`, content })),
    ...Object.entries(def.values.examples).map(([name, example]) => ({
      path: `${dir}/ci/${name}-values.yaml`,
      content: `${yamlHeader}# Representative values, rendered and linted by the tests.\n${toYaml(example)}`,
    })),
  ];
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
