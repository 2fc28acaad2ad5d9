import * as fs from 'node:fs';
import * as path from 'node:path';

import { Application as ApplicationModel } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import yaml from 'js-yaml';

import { gpuOperator } from '../src/charts/gpu-operator';
import { type Application, argocdFiles, argocdTemplateArgs } from './support/argocd';
import { type ChartCopy, copyWithoutDependencies } from './support/chart-copy';
import { externalCases } from './support/charts';
import { buildExternalDependencies } from './support/external-dependencies';
import { helms, type K8sObject, kindAndName, REPO_ROOT, run } from './support/helm';
import { checkStrictly, hasKubernetesSchema, validateKubernetesObject } from './support/kube-schema';
import { isPrometheusOperatorObject } from './support/prometheus-operator-crds';
import {
  applicationNamed as applicationOf,
  KUBE_VERSION,
  objectsOf,
  syncWave,
  templateWrapper,
} from './support/wrapper-chart';

const chart = externalCases.find((c) => c.name === 'gpu-operator')!;
const NAMESPACE = 'gpu-operator';
/** The environments that deploy the operator: prod, for the cluster dev shares (see environments/dev.ts). */
const ENVIRONMENTS = ['prod'];
const ciFile = (name: string) => `${chart.dir}/ci/${name}-values.yaml`;
const envFile = (env: string) => `${chart.dir}/values-${env}.yaml`;

/** The Application fields this chart sets beyond what support/argocd types. */
type GpuApplication = Application & {
  spec: {
    ignoreDifferences?: { group: string; kind: string; jsonPointers?: string[] }[];
    syncPolicy: { managedNamespaceMetadata?: { labels?: Record<string, string> } };
  };
};
const applicationNamed = (name: string) => applicationOf<GpuApplication>(name);

const template = (helm: string, chartDir: string, args: string[]) =>
  templateWrapper(helm, 'gpu-operator', NAMESPACE, chartDir, args);

/** Built-in kinds against the Kubernetes API schema; the PrometheusRule against the Prometheus Operator's CRD. */
const validateObject = validateKubernetesObject;

describe('gpu-operator Argo CD Applications', () => {
  it('are generated per environment beside the umbrella, not under components/ (the umbrella does not install it)', () => {
    const files = argocdFiles().map((f) => f.file);
    expect(files).toEqual(expect.arrayContaining(ENVIRONMENTS.map((env) => `argocd-apps/${env}/gpu-operator.yaml`)));
    // One release per cluster: dev, sharing prod's cluster, has none of its own.
    expect(files).not.toContain('argocd-apps/dev/gpu-operator.yaml');
    expect(files.filter((file) => file.includes('components/gpu-operator'))).toEqual([]);
  });

  describe.each(ENVIRONMENTS)('%s', (env) => {
    const app = () => applicationNamed(`gpu-operator-${env}`);

    it('installs into namespace gpu-operator, created with the privileged Pod Security level', () => {
      expect(app().spec.destination.namespace).toBe(NAMESPACE);
      expect(app().spec.syncPolicy.syncOptions).toContain('CreateNamespace=true');
      expect(app().spec.syncPolicy.managedNamespaceMetadata).toEqual({
        labels: { 'pod-security.kubernetes.io/enforce': 'privileged' },
      });
    });

    it('syncs server-side', () => expect(app().spec.syncPolicy.syncOptions).toContain('ServerSideApply=true'));

    it('syncs in wave -1, before the MLOps stack of the same environment', () => {
      expect(syncWave(app())).toBe(-1);
      expect(syncWave(app())).toBeLessThan(syncWave(applicationNamed(`mlops-stack-${env}`)));
    });

    it("ignores exactly the definition's rewritten fields, each a JSON pointer", () => {
      const ignored = app().spec.ignoreDifferences ?? [];
      expect(ignored).toEqual(gpuOperator.argocd?.ignoreDifferences);
      expect(ignored.map((entry) => `${entry.group}/${entry.kind}`)).toEqual([
        'nvidia.com/ClusterPolicy',
        'apiextensions.k8s.io/CustomResourceDefinition',
      ]);
      for (const entry of ignored)
        for (const pointer of entry.jsonPointers ?? []) expect(pointer).toMatch(/^(\/[^/]+)+$/);
    });

    it('validates against the Argo CD CRD schema, which rejects a malformed ignoreDifferences', () => {
      expect(() => new ApplicationModel(app() as never).validate()).not.toThrow();
      const broken = JSON.parse(JSON.stringify(app()));
      broken.spec.ignoreDifferences[0].jsonPointers = '/spec/cdi/default';
      expect(() => new ApplicationModel(broken).validate()).toThrow(/jsonPointers/);
    });
  });
});

describe('gpu-operator Chart.yaml and Chart.lock', () => {
  const read = (file: string) =>
    yaml.load(fs.readFileSync(path.join(REPO_ROOT, chart.dir, file), 'utf8')) as Record<string, unknown>;

  it("pin NVIDIA's chart to an exact version, behind gpu-operator.enabled", () => {
    const pinned = { name: 'gpu-operator', version: 'v25.10.1', repository: 'https://helm.ngc.nvidia.com/nvidia' };
    expect(read('Chart.yaml').dependencies).toEqual([{ ...pinned, condition: 'gpu-operator.enabled' }]);
    expect(read('Chart.lock').dependencies).toEqual([pinned]);
    expect(read('Chart.lock').digest).toMatch(/^sha256:[a-f0-9]{64}$/);
  });
});

// helm template and helm lint refuse a chart whose declared dependency is missing from charts/ (whatever its
// condition), and NVIDIA's chart cannot be downloaded offline. These tests render a temporary copy with the
// dependency taken out of Chart.yaml and Chart.lock: the chart's own templates, checked by its own schema.
describe.each(helms())("%s: gpu-operator's own templates", (_, helm) => {
  let copy: ChartCopy;
  beforeAll(() => {
    copy = copyWithoutDependencies(chart.dir);
  });
  afterAll(() => copy.remove());

  const objects = (args: string[] = []) => objectsOf(template(helm, copy.dir, args));

  it('lints --strict with the defaults', () => {
    const result = run(helm, ['lint', '--strict', copy.dir]);
    expect(result.stderr + result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it.each(chart.valuesFiles)('lints --strict with %s', (file) => {
    const result = run(helm, ['lint', '--strict', copy.dir, '--values', file]);
    expect(result.stderr + result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it.each([
    ['the defaults', [], ['Pod/gpu-operator-smoke-test']],
    [
      ciFile('time-slicing'),
      [ciFile('time-slicing')],
      ['ConfigMap/time-slicing-config', 'Pod/gpu-operator-smoke-test'],
    ],
    [ciFile('alerts'), [ciFile('alerts')], ['Pod/gpu-operator-smoke-test', 'PrometheusRule/gpu-operator-gpu-health']],
    [ciFile('preinstalled-driver'), [ciFile('preinstalled-driver')], ['Pod/gpu-operator-smoke-test']],
    [
      envFile('prod'),
      [envFile('prod')],
      ['ConfigMap/gpu-operator-dashboard', 'Pod/gpu-operator-smoke-test', 'PrometheusRule/gpu-operator-gpu-health'],
    ],
  ] as [string, string[], string[]][])('renders exactly its objects with %s', (_, files, expected) => {
    expect(kindAndName(objects(files.flatMap((file) => ['--values', file])))).toEqual(expected);
  });

  it('renders the same bytes twice', () => {
    const args = ['--values', ciFile('time-slicing'), '--values', ciFile('alerts')];
    expect(template(helm, copy.dir, args)).toBe(template(helm, copy.dir, args));
  });

  it.each(['defaults', ...chart.valuesFiles])(
    'renders valid objects in namespace gpu-operator with the standard labels (%s)',
    (file) => {
      const args = file === 'defaults' ? [] : ['--values', file];
      const rendered = objects(args);
      expect(rendered.length).toBeGreaterThan(0);
      const customResources = rendered.filter((o) => o.kind === 'PrometheusRule').length;
      expect(checkStrictly(template(helm, copy.dir, args))).toEqual({
        checked: rendered.length - customResources,
        skipped: customResources,
      });
      for (const object of rendered) {
        validateObject(object);
        expect({ object: object.metadata.name, namespace: object.metadata.namespace }).toEqual({
          object: object.metadata.name,
          namespace: NAMESPACE,
        });
        expect(object.metadata.labels).toMatchObject({
          'app.kubernetes.io/name': 'gpu-operator',
          'app.kubernetes.io/instance': 'gpu-operator',
        });
      }
    },
  );

  it("the PrometheusRule check rejects what the Prometheus Operator's CRD rejects", () => {
    const rule = objects(['--values', ciFile('alerts')]).find((o) => o.kind === 'PrometheusRule')!;
    const broken = JSON.parse(JSON.stringify(rule));
    broken.spec.groups[0].rules[0].for = 'ten minutes';
    delete broken.spec.groups[0].rules[1].expr;
    expect(() => validateKubernetesObject(broken)).toThrow(
      /rules\/0\/for must match pattern.*rules\/1 must have required property 'expr'/,
    );
  });

  it.each(ENVIRONMENTS)(
    'renders the %s Application as Argo CD does: identical twice, valid, in its destination namespace',
    (env) => {
      const app = applicationNamed(`gpu-operator-${env}`);
      const local = { ...app, spec: { ...app.spec, source: { ...app.spec.source, path: copy.dir } } };
      const renderAsArgo = () => {
        const result = run(helm, argocdTemplateArgs(local, KUBE_VERSION));
        if (result.status !== 0) throw new Error(result.stderr);
        return result.stdout;
      };
      const text = renderAsArgo();
      expect(renderAsArgo()).toBe(text);
      for (const object of objectsOf(text)) {
        validateObject(object);
        expect(object.metadata.namespace).toBe(app.spec.destination.namespace);
      }
    },
  );

  describe('its schema, through helm', () => {
    it.each([
      [
        'a wrong MIG strategy',
        ['--set', 'gpu-operator.mig.strategy=auto'],
        /at '\/gpu-operator\/mig\/strategy'.*'none', 'single', 'mixed'/,
      ],
      [
        'a negative replica count',
        ['--set', 'timeSlicing.replicasPerGpu=-2'],
        /at '\/timeSlicing\/replicasPerGpu'.*minimum/,
      ],
      [
        'one replica per GPU (no sharing)',
        ['--set', 'timeSlicing.replicasPerGpu=1'],
        /at '\/timeSlicing\/replicasPerGpu'.*minimum/,
      ],
      ['an unknown key of ours', ['--set', 'replicaCount=2'], /additional properties 'replicaCount' not allowed/],
      [
        'an unknown nested key of ours',
        ['--set', 'smokeTest.imagee.tag=x'],
        /at '\/smokeTest'.*additional properties 'imagee' not allowed/,
      ],
      [
        'a wrong type for a typed upstream key',
        ['--set', 'gpu-operator.driver.enabled=maybe'],
        /at '\/gpu-operator\/driver\/enabled'.*want boolean/,
      ],
      [
        'a driver that is not pinned',
        ['--set', 'gpu-operator.driver.version=latest'],
        /at '\/gpu-operator\/driver\/version'.*does not match pattern/,
      ],
      ['the smoke test image tag latest', ['--set', 'smokeTest.image.tag=latest'], /at '\/smokeTest\/image\/tag'/],
    ])('refuses %s, naming the key', (_, args, message) => {
      const result = run(helm, ['template', 'gpu-operator', copy.dir, ...args]);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("values don't meet the specifications of the schema");
      expect(result.stderr).toMatch(message);
    });

    it("passes NVIDIA's keys it does not type through unvalidated, at the top and under typed keys", () => {
      const upstreamOnly = [
        'gpu-operator.cdi.enabled=true',
        'gpu-operator.validator.plugin.env[0].name=WITH_WORKLOAD',
        'gpu-operator.driver.useOpenKernelModules=true',
        'gpu-operator.devicePlugin.config.data.extra=version: v1',
        'gpu-operator.operator.upgradeCRD=false',
      ];
      const result = run(helm, [
        'template',
        'gpu-operator',
        copy.dir,
        ...upstreamOnly.flatMap((value) => ['--set', value]),
      ]);
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    });

    it('refuses time-slicing the device plugin would not read, saying what to set', () => {
      const result = run(helm, ['template', 'gpu-operator', copy.dir, '--set', 'timeSlicing.enabled=true']);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(
        'gpu-operator: timeSlicing.enabled needs gpu-operator.devicePlugin.config.name=time-slicing-config',
      );
    });
  });
});

// The full wrapper, NVIDIA's chart included, needs helm.ngc.nvidia.com. Offline the download fails at the network
// and these tests are skipped, saying so; any other build failure (a Chart.lock helm refuses) fails the suite.
describe("gpu-operator with NVIDIA's chart", () => {
  const [, firstHelm] = helms()[0]!;
  const build = buildExternalDependencies(firstHelm, chart.dir);
  const canDownload = build.built;
  if (!canDownload && build.offline) {
    console.log(
      `skipped: the full gpu-operator render, because NVIDIA's chart cannot be downloaded here (no network):\n${build.output.trim()}`,
    );
  }
  afterAll(() => build.copy.remove());

  it('builds its dependency from the committed Chart.lock, unless the repository is unreachable', () => {
    if (build.built) expect(fs.readdirSync(path.join(build.copy.dir, 'charts'))).toEqual(['gpu-operator-v25.10.1.tgz']);
    else
      expect({ offline: build.offline, output: build.output }).toEqual({ offline: true, output: expect.any(String) });
  });

  describe.each(helms())('%s', (_, helm) => {
    const full = (env: string) =>
      objectsOf(template(helm, build.copy.dir, ['--values', envFile(env), '--include-crds']));

    (canDownload ? it : it.skip)(
      'preinstalled drivers and time-slicing: the ClusterPolicy reads the ConfigMap and installs no driver',
      () => {
        const objects = objectsOf(
          template(helm, build.copy.dir, [
            '--values',
            ciFile('time-slicing'),
            '--values',
            ciFile('preinstalled-driver'),
            '--include-crds',
          ]),
        );
        const policy = objects.find((o) => o.kind === 'ClusterPolicy') as K8sObject & {
          spec: { driver: { enabled: boolean }; devicePlugin: { config?: { name: string; default: string } } };
        };
        expect(policy).toBeDefined();
        expect(policy.spec.driver.enabled).toBe(false);
        expect(policy.spec.devicePlugin.config).toEqual({ name: 'time-slicing-config', default: 'any' });
        expect(kindAndName(objects)).toEqual(
          expect.arrayContaining(['ConfigMap/time-slicing-config', 'Deployment/gpu-operator']),
        );
      },
    );

    (canDownload ? it : it.skip)(
      'prod: every object valid where a schema is known, the pinned driver in the ClusterPolicy',
      () => {
        const objects = full('prod');
        const policy = objects.find((o) => o.kind === 'ClusterPolicy') as K8sObject & {
          spec: { driver: { enabled: boolean; version: string } };
        };
        expect(policy.spec.driver).toMatchObject({ enabled: true, version: '580.95.05' });
        for (const object of objects) {
          if (hasKubernetesSchema(object) || isPrometheusOperatorObject(object)) validateKubernetesObject(object);
          else expect(object.metadata.name).toMatch(/^[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/);
        }
      },
    );
  });
});
