import * as fs from 'node:fs';
import * as path from 'node:path';

import { MODEL_FORMATS, type ModelFormat, STORAGE_URI_PATTERN } from '@chart-gen/schemas';

import type { GeneratedFile } from '../model';
import { camelCase, definitionModules, projectJson, registrySource } from './new-chart';

export interface NewModelOptions {
  name: string;
  format: string;
  /** e.g. s3://mlflow-artifacts/<experiment>/<run>/artifacts/model */
  storageUri: string;
  /** GPUs per replica. */
  gpu: number;
  description?: string;
}

/** An InferenceService name becomes a DNS label with `-predictor` appended: keep room for it. */
const MODEL_NAME = /^[a-z][a-z0-9-]{0,34}[a-z0-9]$/;
const STORAGE_URI = new RegExp(STORAGE_URI_PATTERN);

/** Problems with the options, each naming the option. */
export function checkNewModelOptions(options: NewModelOptions, existingCharts: string[]): string[] {
  const problems: string[] = [];
  if (!MODEL_NAME.test(options.name))
    problems.push(`name ${options.name}: use lowercase letters, digits and hyphens, at most 36 characters`);
  if (existingCharts.includes(options.name)) problems.push(`name ${options.name}: a chart of that name exists`);
  if (!(MODEL_FORMATS as readonly string[]).includes(options.format))
    problems.push(`--format ${options.format}: expected one of ${MODEL_FORMATS.join(', ')}`);
  if (!STORAGE_URI.test(options.storageUri))
    problems.push(`--storage-uri ${options.storageUri}: expected s3://bucket/path (or gs://, pvc://, hf://, https://)`);
  if (!Number.isInteger(options.gpu) || options.gpu < 0 || options.gpu > 8)
    problems.push(`--gpu ${options.gpu}: expected a whole number of GPUs, 0 to 8`);
  return problems;
}

const escaped = (text: string) => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

function definitionSource(options: NewModelOptions): string {
  const description = escaped(options.description ?? `Serves the model ${options.name} with KServe.`);
  return `import { model } from '../kinds/model';
import type { ChartDefinition } from '../model';

/** ${description} Written by \`chart-gen new --kind model\`; edit freely and regenerate. */
export const ${camelCase(options.name)}: ChartDefinition = model({
  name: '${options.name}',
  description: '${description}',
  version: '0.1.0',
  format: '${options.format as ModelFormat}',
  storageUri: '${escaped(options.storageUri)}',${options.gpu ? `\n  gpu: ${options.gpu},` : ''}
});
`;
}

function smokeSuite(options: NewModelOptions): string {
  const gpu = options.gpu
    ? `
      - equal:
          path: spec.predictor.model.resources.limits["nvidia.com/gpu"]
          value: ${options.gpu}`
    : '';
  return `# Smoke tests written by \`chart-gen new\`. Yours: the generator never touches charts/<name>/tests.
suite: ${options.name} smoke
templates:
  - inferenceservice.yaml
  - serviceaccount.yaml
release:
  name: ${options.name}
  namespace: mlops
tests:
  - it: serves the ${options.format} model from its storage URI in Standard mode
    template: inferenceservice.yaml
    asserts:
      - isKind:
          of: InferenceService
      - equal:
          path: spec.predictor.model.modelFormat.name
          value: ${options.format}
      - equal:
          path: spec.predictor.model.storageUri
          value: ${options.storageUri}
      - equal:
          path: metadata.annotations["serving.kserve.io/deploymentMode"]
          value: Standard${gpu}
  - it: downloads the model with the credentials its ServiceAccount lists
    template: serviceaccount.yaml
    asserts:
      - equal:
          path: secrets[0].name
          value: ${options.name}-credentials
`;
}

/** The files `chart-gen new --kind model` writes: the definition, its registration, its Nx project, a smoke suite. */
export function newModelFiles(root: string, options: NewModelOptions): GeneratedFile[] {
  const registry = 'packages/chart-gen/src/charts/index.ts';
  const definition = `packages/chart-gen/src/charts/${options.name}.ts`;
  for (const file of [definition, `charts/${options.name}`]) {
    if (fs.existsSync(path.join(root, file))) throw new Error(`${file} exists already; pick another name`);
  }
  return [
    { path: definition, content: definitionSource(options) },
    {
      path: registry,
      content: registrySource([...definitionModules(path.join(root, path.dirname(registry))), options.name].sort()),
    },
    { path: `charts/${options.name}/project.json`, content: projectJson(options.name) },
    { path: `charts/${options.name}/tests/smoke_test.yaml`, content: smokeSuite(options) },
  ];
}
