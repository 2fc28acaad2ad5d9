import * as fs from 'node:fs';
import * as path from 'node:path';

import { Application as ApplicationModel } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import yaml from 'js-yaml';

import { monitoring } from '../src/charts/monitoring';
import { type Application, argocdFiles, argocdTemplateArgs } from './support/argocd';
import { type ChartCopy, copyWithoutDependencies } from './support/chart-copy';
import { externalCases } from './support/charts';
import { buildExternalDependencies } from './support/external-dependencies';
import { helms, type K8sObject, REPO_ROOT, run } from './support/helm';
import { hasKubernetesSchema, validateKubernetesObject } from './support/kube-schema';
import { isPrometheusOperatorObject } from './support/prometheus-operator-crds';
import {
  applicationNamed as applicationOf,
  KUBE_VERSION,
  objectsOf,
  syncWave,
  templateWrapper,
} from './support/wrapper-chart';

const chart = externalCases.find((c) => c.name === 'monitoring')!;
const NAMESPACE = 'monitoring';
/** The environments that deploy the stack: prod, for the cluster dev shares (see environments/dev.ts). */
const ENVIRONMENTS = ['prod'];
/** Upstream's name for the admission webhooks of the release `monitoring` (its fullname is cut at 26 characters). */
const ADMISSION_WEBHOOK = 'monitoring-kube-prometheus-admission';
const SECRETS = { grafana: 'monitoring-grafana-admin', alertmanager: 'monitoring-alertmanager-config' };
const ciFile = (name: string) => `${chart.dir}/ci/${name}-values.yaml`;
const envFile = (env: string) => `${chart.dir}/values-${env}.yaml`;

/** The Application fields this chart sets beyond what support/argocd types. */
type MonitoringApplication = Application & {
  spec: {
    ignoreDifferences?: { group: string; kind: string; name?: string; jqPathExpressions?: string[] }[];
    syncPolicy: { managedNamespaceMetadata?: { labels?: Record<string, string> } };
  };
};
const applicationNamed = (name: string) => applicationOf<MonitoringApplication>(name);

const template = (helm: string, chartDir: string, args: string[]) =>
  templateWrapper(helm, 'monitoring', NAMESPACE, chartDir, args);

describe('monitoring Argo CD Applications', () => {
  it('are generated per deploying environment beside the umbrella, not under components/', () => {
    const files = argocdFiles().map((f) => f.file);
    expect(files).toEqual(expect.arrayContaining(ENVIRONMENTS.map((env) => `argocd-apps/${env}/monitoring.yaml`)));
    // One release per cluster: dev, sharing prod's cluster, has none of its own.
    expect(files).not.toContain('argocd-apps/dev/monitoring.yaml');
    expect(files.filter((file) => file.includes('components/monitoring'))).toEqual([]);
  });

  describe.each(ENVIRONMENTS)('%s', (env) => {
    const app = () => applicationNamed(`monitoring-${env}`);

    it('installs release monitoring into namespace monitoring, created with the privileged Pod Security level', () => {
      expect(app().spec.source.helm.releaseName).toBe('monitoring');
      expect(app().spec.destination.namespace).toBe(NAMESPACE);
      expect(app().spec.syncPolicy.syncOptions).toContain('CreateNamespace=true');
      // node-exporter's hostNetwork, hostPID and hostPath volumes are refused at the baseline level.
      expect(app().spec.syncPolicy.managedNamespaceMetadata).toEqual({
        labels: { 'pod-security.kubernetes.io/enforce': 'privileged' },
      });
    });

    it('syncs server-side', () => expect(app().spec.syncPolicy.syncOptions).toContain('ServerSideApply=true'));

    it('syncs in wave -2: before the GPU Operator, whose ServiceMonitor and PrometheusRule need its CRDs, and the stack', () => {
      expect(syncWave(app())).toBe(-2);
      expect(syncWave(app())).toBeLessThan(syncWave(applicationNamed(`gpu-operator-${env}`)));
      expect(syncWave(app())).toBeLessThan(syncWave(applicationNamed(`mlops-stack-${env}`)));
    });

    it("ignores exactly the admission webhooks' CA bundle and failure policy, by name", () => {
      const ignored = app().spec.ignoreDifferences ?? [];
      expect(ignored).toEqual(monitoring.argocd?.ignoreDifferences);
      expect(ignored.map((entry) => `${entry.group}/${entry.kind}/${entry.name}`)).toEqual([
        `admissionregistration.k8s.io/MutatingWebhookConfiguration/${ADMISSION_WEBHOOK}`,
        `admissionregistration.k8s.io/ValidatingWebhookConfiguration/${ADMISSION_WEBHOOK}`,
      ]);
      for (const entry of ignored)
        expect(entry.jqPathExpressions).toEqual(['.webhooks[]?.clientConfig.caBundle', '.webhooks[]?.failurePolicy']);
    });

    it('validates against the Argo CD CRD schema, which rejects a malformed ignoreDifferences', () => {
      expect(() => new ApplicationModel(app() as never).validate()).not.toThrow();
      const broken = JSON.parse(JSON.stringify(app()));
      broken.spec.ignoreDifferences[0].jqPathExpressions = '.webhooks[]?.clientConfig.caBundle';
      expect(() => new ApplicationModel(broken).validate()).toThrow(/jqPathExpressions/);
    });

    it('reads Grafana and Alertmanager from the existing Secrets of the environment', () => {
      const values = yaml.load(fs.readFileSync(path.join(REPO_ROOT, envFile(env)), 'utf8')) as {
        'kube-prometheus-stack': {
          grafana: { admin: { existingSecret: string } };
          alertmanager: { alertmanagerSpec: { configSecret: string } };
        };
      };
      const stack = values['kube-prometheus-stack'];
      expect(stack.grafana.admin.existingSecret).toBe(SECRETS.grafana);
      expect(stack.alertmanager.alertmanagerSpec.configSecret).toBe(SECRETS.alertmanager);
    });
  });
});

describe('monitoring Chart.yaml and Chart.lock', () => {
  const read = (file: string) =>
    yaml.load(fs.readFileSync(path.join(REPO_ROOT, chart.dir, file), 'utf8')) as Record<string, unknown>;

  it('pin kube-prometheus-stack to an exact version, behind kube-prometheus-stack.enabled', () => {
    const pinned = {
      name: 'kube-prometheus-stack',
      version: '77.11.1',
      repository: 'https://prometheus-community.github.io/helm-charts',
    };
    expect(read('Chart.yaml').dependencies).toEqual([{ ...pinned, condition: 'kube-prometheus-stack.enabled' }]);
    expect(read('Chart.lock').dependencies).toEqual([pinned]);
    expect(read('Chart.lock').digest).toMatch(/^sha256:[a-f0-9]{64}$/);
  });

  it('states the Prometheus Operator it bundles, the version whose CRDs the tests install', () => {
    const pinned = fs.readFileSync(path.join(REPO_ROOT, 'tools/versions.env'), 'utf8');
    const operator = pinned.match(/^PROMETHEUS_OPERATOR_VERSION=(\S+)$/m)![1];
    expect(read('Chart.yaml').appVersion).toBe(operator);
  });
});

// helm template and helm lint refuse a chart whose declared dependency is missing from charts/, and
// kube-prometheus-stack cannot be downloaded offline. These tests render a temporary copy with the dependency taken
// out of Chart.yaml and Chart.lock: the chart's own templates (its value checks), checked by its own schema.
describe.each(helms())("%s: monitoring's own templates", (_, helm) => {
  let copy: ChartCopy;
  beforeAll(() => {
    copy = copyWithoutDependencies(chart.dir);
  });
  afterAll(() => copy.remove());

  const lint = (args: string[]) => {
    const result = run(helm, ['lint', '--strict', copy.dir, ...args]);
    return result.stderr + result.stdout;
  };

  it.each(chart.valuesFiles)('lints --strict with %s', (file) => {
    expect(lint(['--values', file])).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it('lints --strict with the defaults (helm lint reports a value check as information only)', () => {
    expect(lint([])).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it('refuses to render the bare defaults, naming the Secrets to give: no Grafana with upstream default password', () => {
    const result = run(helm, ['template', 'monitoring', copy.dir]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      "monitoring: kube-prometheus-stack.grafana.admin.existingSecret must name the Secret holding Grafana's admin " +
        'user (key admin-user) and password (key admin-password)',
    );
  });

  it.each(chart.valuesFiles)('renders no object of its own with %s (everything is upstream)', (file) => {
    expect(objectsOf(template(helm, copy.dir, ['--values', file]))).toEqual([]);
  });

  it('renders the same bytes twice', () => {
    const args = ['--values', ciFile('storage-class'), '--show-only', 'templates/validate-values.yaml'];
    const once = run(helm, ['template', 'monitoring', copy.dir, ...args]);
    expect(run(helm, ['template', 'monitoring', copy.dir, ...args])).toEqual(once);
  });

  it.each(ENVIRONMENTS)('renders the %s Application as Argo CD does: identical twice, no error', (env) => {
    const app = applicationNamed(`monitoring-${env}`);
    const local = { ...app, spec: { ...app.spec, source: { ...app.spec.source, path: copy.dir } } };
    const renderAsArgo = () => {
      const result = run(helm, argocdTemplateArgs(local, KUBE_VERSION));
      if (result.status !== 0) throw new Error(result.stderr);
      return result.stdout;
    };
    const text = renderAsArgo();
    expect(renderAsArgo()).toBe(text);
    expect(objectsOf(text)).toEqual([]);
  });

  describe('its value checks, through helm', () => {
    const refused = (args: string[]) => {
      const result = run(helm, ['template', 'monitoring', copy.dir, ...args]);
      expect(result.status).not.toBe(0);
      return result.stderr;
    };
    const secrets = ['--values', ciFile('secrets')];

    it('refuses Alertmanager configured from values: upstream would render alertmanager.config', () => {
      expect(
        refused([...secrets, '--set', 'kube-prometheus-stack.alertmanager.alertmanagerSpec.useExistingSecret=false']),
      ).toContain('monitoring: kube-prometheus-stack.alertmanager.alertmanagerSpec.useExistingSecret must be true');
    });

    it('refuses Alertmanager without the Secret of its configuration', () => {
      expect(
        refused([...secrets, '--set', 'kube-prometheus-stack.alertmanager.alertmanagerSpec.configSecret=']),
      ).toContain('monitoring: kube-prometheus-stack.alertmanager.alertmanagerSpec.configSecret must name the Secret');
    });

    it('asks for no Secret when kube-prometheus-stack is off', () => {
      expect(objectsOf(template(helm, copy.dir, ['--set', 'kube-prometheus-stack.enabled=false']))).toEqual([]);
    });
  });

  describe('its schema, through helm', () => {
    const prometheusSpec = 'kube-prometheus-stack.prometheus.prometheusSpec';
    it.each([
      ['a retention that is not a duration', [`${prometheusSpec}.retention=ten days`], /prometheusSpec\/retention'/],
      ['a retention size without its unit B', [`${prometheusSpec}.retentionSize=45G`], /retentionSize'.*pattern/],
      [
        'a volume size that is not a quantity',
        [`${prometheusSpec}.storageSpec.volumeClaimTemplate.spec.resources.requests.storage=lots`],
        /requests\/storage'/,
      ],
      [
        'an access mode that does not exist',
        [`${prometheusSpec}.storageSpec.volumeClaimTemplate.spec.accessModes[0]=ReadWriteSometimes`],
        /accessModes\/0'/,
      ],
      [
        'a resource the container spec does not know',
        [`${prometheusSpec}.resources.requests.gpus=1`],
        /additional properties 'gpus' not allowed/,
      ],
      ['an unknown key of ours', ['replicaCount=2'], /additional properties 'replicaCount' not allowed/],
      [
        'a wrong type for a typed upstream key',
        ['kube-prometheus-stack.grafana.enabled=maybe'],
        /grafana\/enabled'.*want boolean/,
      ],
      [
        'a Secret name that is not a Kubernetes name',
        ['kube-prometheus-stack.grafana.admin.existingSecret=Grafana_Admin'],
        /admin\/existingSecret'/,
      ],
      [
        'a dashboard search that is neither ALL nor namespaces',
        ['kube-prometheus-stack.grafana.sidecar.dashboards.searchNamespace=all namespaces'],
        /dashboards\/searchNamespace'/,
      ],
    ])('refuses %s, naming the key', (_, sets, message) => {
      const result = run(helm, [
        'template',
        'monitoring',
        copy.dir,
        '--values',
        ciFile('secrets'),
        ...sets.flatMap((value) => ['--set', value]),
      ]);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("values don't meet the specifications of the schema");
      expect(result.stderr).toMatch(message);
    });

    it("passes upstream's keys it does not type through unvalidated, at the top and under typed keys", () => {
      const upstreamOnly = [
        'kube-prometheus-stack.nodeExporter.enabled=false',
        'kube-prometheus-stack.defaultRules.rules.etcd=false',
        'kube-prometheus-stack.grafana.persistence.enabled=true',
        'kube-prometheus-stack.prometheus.prometheusSpec.replicas=2',
        'kube-prometheus-stack.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.selector.matchLabels.a=b',
        'kube-prometheus-stack.alertmanager.alertmanagerSpec.retention=240h',
      ];
      const result = run(helm, [
        'template',
        'monitoring',
        copy.dir,
        '--values',
        ciFile('secrets'),
        ...upstreamOnly.flatMap((value) => ['--set', value]),
      ]);
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    });
  });
});

// The full wrapper, kube-prometheus-stack included, needs prometheus-community.github.io. Offline the download fails
// at the network and these tests are skipped, saying so; any other build failure (a Chart.lock helm refuses) fails.
describe('monitoring with kube-prometheus-stack', () => {
  const [, firstHelm] = helms()[0]!;
  const build = buildExternalDependencies(firstHelm, chart.dir);
  const canDownload = build.built;
  if (!canDownload && build.offline) {
    console.log(
      `skipped: the full monitoring render, because kube-prometheus-stack cannot be downloaded here (no network):\n${build.output.trim()}`,
    );
  }
  afterAll(() => build.copy.remove());

  it('builds its dependency from the committed Chart.lock, unless the repository is unreachable', () => {
    if (build.built)
      expect(fs.readdirSync(path.join(build.copy.dir, 'charts'))).toEqual(['kube-prometheus-stack-77.11.1.tgz']);
    else
      expect({ offline: build.offline, output: build.output }).toEqual({ offline: true, output: expect.any(String) });
  });

  describe.each(helms())('%s', (_, helm) => {
    const prod = () => objectsOf(template(helm, build.copy.dir, ['--values', envFile('prod'), '--include-crds']));
    const named = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);

    (canDownload ? it : it.skip)(
      'prod: Prometheus keeps 30d / 90GB on 100Gi and selects every ServiceMonitor, PodMonitor and PrometheusRule',
      () => {
        const [prometheus] = named(prod(), 'Prometheus') as (K8sObject & { spec: Record<string, unknown> })[];
        expect(prometheus!.spec).toMatchObject({
          retention: '30d',
          retentionSize: '90GB',
          serviceMonitorSelector: {},
          podMonitorSelector: {},
          ruleSelector: {},
          storage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '100Gi' } } } } },
        });
      },
    );

    (canDownload ? it : it.skip)(
      "prod: Alertmanager reads its Secret, no Secret renders upstream's alertmanager.config, Grafana's admin comes from its Secret",
      () => {
        const objects = prod();
        const [alertmanager] = named(objects, 'Alertmanager') as (K8sObject & { spec: { configSecret?: string } })[];
        expect(alertmanager!.spec.configSecret).toBe(SECRETS.alertmanager);
        const secrets = named(objects, 'Secret') as (K8sObject & { data?: Record<string, string> })[];
        expect(secrets.filter((s) => Object.keys(s.data ?? {}).includes('alertmanager.yaml'))).toEqual([]);
        expect(secrets.filter((s) => Object.keys(s.data ?? {}).includes('admin-password'))).toEqual([]);
        expect(JSON.stringify(named(objects, 'Deployment'))).toContain(`"name":"${SECRETS.grafana}"`);
      },
    );

    (canDownload ? it : it.skip)(
      'prod: the admission webhooks carry the name the Application ignores; every object valid where a schema is known',
      () => {
        const objects = prod();
        for (const kind of ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'])
          expect(named(objects, kind).map((o) => o.metadata.name)).toEqual([ADMISSION_WEBHOOK]);
        for (const object of objects) {
          if (hasKubernetesSchema(object) || isPrometheusOperatorObject(object)) validateKubernetesObject(object);
          else expect(object.metadata.name).toMatch(/^[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/);
        }
      },
    );
  });
});
