import yaml from 'js-yaml';

import {
  expectOnlyManifest,
  install,
  type Installed,
  manifestOf,
  SERVER_WARNINGS,
  uninstall,
} from './support/apiserver/chart-install';
import { installCrds } from './support/apiserver/crds';
import { helmWithHooks, succeeded } from './support/apiserver/helm-release';
import { kubectl } from './support/apiserver/kubectl';
import { createNamespace } from './support/apiserver/namespaces';
import { describeWithControlPlane, useControlPlane } from './support/apiserver/suite';
import { chartCases } from './support/charts';
import { helms, run } from './support/helm';
import { KSERVE_CRDS } from './support/kserve-crds';

// The model charts against KServe v0.20.0's own CRDs (the repository's fixtures) on a real API server: installed,
// upgraded and uninstalled by helm in a restricted namespace, and KServe's runtime kinds applied as Argo CD applies
// them. KServe's controller does not run here (its images need a cluster): no Deployment is made from them.
const SERVER_SIDE = ['apply', '--server-side', '--validate=strict', '--field-manager=argocd-controller'];
/** KServe's kinds are custom resources: namespaceObjects must list them too. */
const KSERVE_KINDS = ['inferenceservices.serving.kserve.io', 'servingruntimes.serving.kserve.io'];
const models = chartCases.filter((c) => c.servesModel);
const cases = models.flatMap((chart) =>
  ['defaults', ...chart.valuesFiles].map((file) => [chart.name, file, chart] as const),
);
let namespaces = 0;

const valuesFor = (chart: (typeof models)[number], file: string) =>
  file === 'defaults' ? chart.credentials : [...chart.credentials, '--values', file];

/** A runtime serving mlflow models with MLServer, shaped like KServe's kserve-mlserver (its exact fields unchecked). */
const runtime = (kind: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'serving.kserve.io/v1alpha1',
  kind,
  metadata: { name: 'mlserver-mlflow' },
  spec: {
    supportedModelFormats: [{ name: 'mlflow', version: '2', autoSelect: true }],
    protocolVersions: ['v2'],
    containers: [
      {
        name: 'kserve-container',
        image: 'docker.io/seldonio/mlserver:1.7.1',
        env: [{ name: 'MLSERVER_MODEL_IMPLEMENTATION', value: 'mlserver_mlflow.MLflowRuntime' }],
        resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
      },
    ],
    ...extra,
  },
});

describeWithControlPlane('models on a real API server with KServe v0.20.0 CRDs', () => {
  const plane = useControlPlane(async ({ kubeconfig }) => {
    await installCrds(kubeconfig, KSERVE_CRDS);
  });

  describe.each(helms())('%s', (label, helm) => {
    it.each(cases)(
      '%s with %s: installs in a restricted namespace, upgrades, uninstalls',
      async (name, file, chart) => {
        const { kubeconfig } = plane();
        const namespace = `${name}-${label.replace(' ', '')}-${++namespaces}`;
        const values = valuesFor(chart, file);
        const installed = await install(helm, kubeconfig, namespace, 'restricted', name, chart.dir, values);
        expect(installed.warnings).not.toMatch(SERVER_WARNINGS);
        await expectOnlyManifest(kubeconfig, installed, KSERVE_KINDS);
        const changes = ['replicas.max=5', 'gpu.count=1', 'autoscaling.target=60', 'resources.limits.memory=8Gi'];
        const upgraded = succeeded(
          await helmWithHooks(helm, kubeconfig, namespace, [
            'upgrade',
            name,
            chart.dir,
            ...values,
            ...changes.flatMap((c) => ['--set', c]),
          ]),
          `helm upgrade ${name}`,
        );
        expect(upgraded.stderr).not.toMatch(SERVER_WARNINGS);
        const after: Installed = { ...installed, ...(await manifestOf(helm, kubeconfig, namespace, name)) };
        await expectOnlyManifest(kubeconfig, after, KSERVE_KINDS);
        expect(await uninstall(helm, kubeconfig, after, KSERVE_KINDS)).toEqual([]);
      },
      180_000,
    );
  });

  it.each(['ClusterServingRuntime', 'ServingRuntime'])(
    'an MLServer %s for mlflow models is accepted server-side with strict validation',
    async (kind) => {
      const { kubeconfig } = plane();
      const namespace = `runtime-${++namespaces}`;
      await createNamespace(kubeconfig, namespace, 'restricted');
      const args = [...SERVER_SIDE, '--namespace', namespace, '-f', '-'];
      const applied = await kubectl(kubeconfig, args, JSON.stringify(runtime(kind)));
      expect({ stderr: applied.stderr, status: applied.status }).toEqual({ stderr: '', status: 0 });
      // The check can fail: a misspelt field is refused.
      const misspelt = await kubectl(kubeconfig, args, JSON.stringify(runtime(kind, { multiModels: true })));
      expect(misspelt.status).not.toBe(0);
      expect(misspelt.stderr).toMatch(/multiModels: field not declared in schema/);
    },
  );

  it('refuses an InferenceService scaling on a metric KServe has no autoscaler for', async () => {
    const { kubeconfig } = plane();
    const namespace = `refused-${++namespaces}`;
    await createNamespace(kubeconfig, namespace, 'restricted');
    const [, helm] = helms()[0]!;
    const chart = models[0]!;
    const rendered = run(helm, ['template', chart.name, chart.dir, '--namespace', namespace, ...chart.credentials]);
    const isvc = yaml.loadAll(rendered.stdout).find((o) => (o as { kind?: string })?.kind === 'InferenceService') as {
      spec: { predictor: Record<string, unknown> };
    };
    isvc.spec.predictor.scaleMetric = 'gpu';
    const applied = await kubectl(kubeconfig, [...SERVER_SIDE, '-f', '-'], JSON.stringify(isvc));
    expect(applied.status).not.toBe(0);
    expect(applied.stderr).toMatch(/scaleMetric: Unsupported value: "gpu"/);
  });
});
