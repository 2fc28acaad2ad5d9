import * as fs from 'node:fs';
import * as path from 'node:path';

import { QUANTITY_PATTERN } from '@chart-gen/schemas';

import type { GeneratedFile } from '../model';
import { type ImageParts, parseImageRef } from './image-ref';

export interface NewChartOptions {
  name: string;
  /** `[registry/]repository:tag` */
  image: string;
  port: number;
  /** Size of a data volume (Kubernetes quantity), when the application keeps data. */
  persistence?: string;
  /** Mount path of the data volume. */
  dataPath: string;
  /** Credential value names, e.g. apiKey. */
  credentials: string[];
  healthPath: string;
  /** Where the application serves Prometheus metrics, when it does. */
  metricsPath?: string;
  description?: string;
}

const CHART_NAME = /^[a-z][a-z0-9-]{0,40}[a-z0-9]$/;
const CREDENTIAL_NAME = /^[a-z][A-Za-z0-9]*$/;
const QUANTITY = new RegExp(QUANTITY_PATTERN);

export const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const constantCase = (name: string) => name.replace(/([A-Z])/g, '_$1').toUpperCase();
const kebabCase = (name: string) => name.replace(/([A-Z])/g, '-$1').toLowerCase();

/** Problems with the options, each naming the option. */
export function checkNewChartOptions(options: NewChartOptions, existingCharts: string[]): string[] {
  const problems: string[] = [];
  if (!CHART_NAME.test(options.name))
    problems.push(`name ${options.name}: use lowercase letters, digits and hyphens (a DNS label)`);
  if (existingCharts.includes(options.name)) problems.push(`name ${options.name}: a chart of that name exists`);
  try {
    parseImageRef(options.image);
  } catch (error) {
    problems.push(`--image: ${(error as Error).message}`);
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535)
    problems.push(`--port ${options.port}: expected 1-65535`);
  if (options.persistence !== undefined && !QUANTITY.test(options.persistence)) {
    problems.push(`--persistence ${options.persistence}: expected a size such as 10Gi`);
  }
  if (!options.dataPath.startsWith('/')) problems.push(`--data-path ${options.dataPath}: expected an absolute path`);
  if (!options.healthPath.startsWith('/'))
    problems.push(`--health-path ${options.healthPath}: expected a path starting with /`);
  if (options.metricsPath !== undefined && !options.metricsPath.startsWith('/'))
    problems.push(`--metrics-path ${options.metricsPath}: expected a path starting with /`);
  for (const credential of options.credentials) {
    if (!CREDENTIAL_NAME.test(credential))
      problems.push(`--credentials ${credential}: use a camelCase name such as apiKey`);
  }
  return problems;
}

function definitionSource(options: NewChartOptions, image: ImageParts): string {
  const credentials = options.credentials.length
    ? `\n  credentials: {\n${options.credentials
        .map(
          (c) =>
            `    ${c}: { description: '${kebabCase(c).replace(/-/g, ' ')}', minLength: 8, env: '${constantCase(c)}', key: '${kebabCase(c)}' },`,
        )
        .join('\n')}\n  },`
    : '';
  const persistence = options.persistence
    ? `\n  persistence: { size: '${options.persistence}', mountPath: '${options.dataPath}' },`
    : '';
  const metrics = options.metricsPath ? `\n  metricsPath: '${options.metricsPath}',` : '';
  const description = (options.description ?? `${options.name}, deployed on the MLOps cluster.`).replace(/'/g, "\\'");
  return `import { webApplication } from '../kinds/web-application';
import type { ChartDefinition } from '../model';

/** ${description} Written by \`chart-gen new\`; edit freely and regenerate. */
export const ${camelCase(options.name)}: ChartDefinition = webApplication({
  name: '${options.name}',
  description: '${description}',
  version: '0.1.0',
  image: { registry: '${image.registry}', repository: '${image.repository}', tag: '${image.tag}' },
  port: ${options.port},
  healthPath: '${options.healthPath}',${metrics}${persistence}${credentials}
});
`;
}

/** The chart definition modules of packages/chart-gen/src/charts: one `<name>.ts` exporting the camelCase name. */
export function definitionModules(chartsDir: string): string[] {
  return fs
    .readdirSync(chartsDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /^[a-z][a-z0-9-]*\.ts$/.test(entry.name) && entry.name !== 'index.ts')
    .map((entry) => entry.name.replace(/\.ts$/, ''))
    .sort();
}

/** charts/index.ts listing every definition module, written whole (never edited in place). */
export function registrySource(modules: string[]): string {
  const imports = modules.map((name) => `import { ${camelCase(name)} } from './${name}';`);
  return `import type { ChartDefinition } from '../model';
${imports.join('\n')}

/** Every chart the generator knows: one module per chart in this folder (chart-gen new rewrites this list). */
export const charts: readonly ChartDefinition[] = [
${modules.map((name) => `  ${camelCase(name)},`).join('\n')}
];
`;
}

export function projectJson(name: string): string {
  const project = {
    name,
    $schema: '../../node_modules/nx/schemas/project-schema.json',
    projectType: 'application',
    implicitDependencies: ['chart-gen'],
    targets: { generate: { command: `node packages/chart-gen/dist/cli.js generate ${name}` }, package: {} },
  };
  return `${JSON.stringify(project, null, 2)}\n`;
}

function smokeSuite(options: NewChartOptions, image: ImageParts): string {
  const set = options.credentials.map((c) => `  auth.${c}: test-only-${kebabCase(c)}`).join('\n');
  const templates = [
    'deployment.yaml',
    'service.yaml',
    ...(options.persistence ? ['pvc.yaml'] : []),
    ...(options.credentials.length ? ['secret.yaml'] : []),
  ];
  const tests = [
    `  - it: runs the pinned image as non-root on port ${options.port}
    template: deployment.yaml
    asserts:
      - isKind:
          of: Deployment
      - equal:
          path: metadata.name
          value: ${options.name}
      - equal:
          path: spec.template.spec.containers[0].image
          value: ${image.registry}/${image.repository}:${image.tag}
      - equal:
          path: spec.template.spec.containers[0].ports[0].containerPort
          value: ${options.port}
      - equal:
          path: spec.template.spec.containers[0].securityContext.runAsNonRoot
          value: true
      - equal:
          path: spec.template.spec.containers[0].readinessProbe.httpGet.path
          value: ${options.healthPath}`,
    `  - it: exposes the HTTP port
    template: service.yaml
    asserts:
      - equal:
          path: spec.ports[0].port
          value: ${options.port}`,
  ];
  if (options.persistence) {
    tests.push(`  - it: keeps its data on a claim of ${options.persistence} that outlives the release
    template: pvc.yaml
    asserts:
      - equal:
          path: spec.resources.requests.storage
          value: ${options.persistence}
      - equal:
          path: metadata.annotations["helm.sh/resource-policy"]
          value: keep`);
  }
  for (const c of options.credentials) {
    tests.push(`  - it: reads ${c} from the credentials Secret
    template: deployment.yaml
    asserts:
      - contains:
          path: spec.template.spec.containers[0].env
          content:
            name: ${constantCase(c)}
            valueFrom:
              secretKeyRef:
                name: ${options.name}-credentials
                key: ${kebabCase(c)}`);
  }
  return `# Smoke tests written by \`chart-gen new\`. This file is yours: the generator never touches charts/<name>/tests.
suite: ${options.name} smoke
templates:
${templates.map((t) => `  - ${t}`).join('\n')}
release:
  name: ${options.name}
  namespace: mlops
capabilities:
  majorVersion: 1
  minorVersion: 32
${set ? `set:\n${set}\n` : ''}tests:
${tests.join('\n')}
`;
}

/** The files `chart-gen new` writes: the definition, its registration, its Nx project and a smoke suite. */
export function newChartFiles(root: string, options: NewChartOptions): GeneratedFile[] {
  const image = parseImageRef(options.image);
  const registry = 'packages/chart-gen/src/charts/index.ts';
  const definition = `packages/chart-gen/src/charts/${options.name}.ts`;
  for (const file of [definition, `charts/${options.name}`]) {
    if (fs.existsSync(path.join(root, file))) throw new Error(`${file} exists already; pick another name`);
  }
  return [
    { path: definition, content: definitionSource(options, image) },
    {
      path: registry,
      content: registrySource([...definitionModules(path.join(root, path.dirname(registry))), options.name].sort()),
    },
    { path: `charts/${options.name}/project.json`, content: projectJson(options.name) },
    { path: `charts/${options.name}/tests/smoke_test.yaml`, content: smokeSuite(options, image) },
  ];
}
