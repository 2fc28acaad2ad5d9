import { expectOnlyManifest, hooksOn, install, SERVER_WARNINGS, uninstall } from './support/apiserver/chart-install';
import { installMonitoringCrds, MONITORING_KINDS } from './support/apiserver/crds';
import { helmWithHooks, succeeded } from './support/apiserver/helm-release';
import { kubectlOk } from './support/apiserver/kubectl';
import { describeWithControlPlane, tools, useControlPlane } from './support/apiserver/suite';
import { type ChartCopy, copyWithoutDependencies } from './support/chart-copy';
import { externalCases } from './support/charts';
import { helms } from './support/helm';

// The gpu-operator wrapper's own templates (time-slicing ConfigMap, alerts, the `helm test` smoke Pod): NVIDIA's
// chart needs network to download, so a copy without it is installed, into a namespace enforcing `privileged` as
// its Argo CD Application declares.
const chart = externalCases.find((c) => c.name === 'gpu-operator')!;
const cases = ['defaults', ...chart.valuesFiles].map((file) => [file] as const);
/** The PrometheusRule of the alerts is a custom resource: the server needs the Prometheus Operator's CRD. */
const EXTRA_KINDS = MONITORING_KINDS;
let namespaces = 0;

describeWithControlPlane('gpu-operator on a real API server', () => {
  const plane = useControlPlane(async ({ kubeconfig }) => {
    await installMonitoringCrds(kubeconfig, tools().prometheusOperatorCrds);
    // What the operator's toolkit (or a preinstalled driver) provides on a GPU cluster; ci/preinstalled-driver
    // names it for the smoke test, and the server refuses a Pod naming a RuntimeClass that does not exist.
    const runtimeClass = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'nvidia' } };
    await kubectlOk(kubeconfig, ['create', '-f', '-'], JSON.stringify({ ...runtimeClass, handler: 'nvidia' }));
  });
  let copy: ChartCopy;
  beforeAll(() => (copy = copyWithoutDependencies(chart.dir)));
  afterAll(() => copy?.remove());

  describe.each(helms())('%s', (label, helm) => {
    it.each(cases)(
      'with %s: installs in a privileged namespace; `helm test` creates its smoke Pod, which is admitted',
      async (file) => {
        const { kubeconfig } = plane();
        const values = file === 'defaults' ? [] : ['--values', file.replace(chart.dir, copy.dir)];
        const namespace = `gpu-operator-${label.replace(' ', '')}-${++namespaces}`;
        const installed = await install(helm, kubeconfig, namespace, 'privileged', 'gpu-operator', copy.dir, values);
        expect(installed.warnings).not.toMatch(SERVER_WARNINGS);
        await expectOnlyManifest(kubeconfig, installed, EXTRA_KINDS);
        // The smoke Pod needs a GPU node to run; here it is created and admitted, then marked Succeeded by the
        // hook runner so that helm reports the test as passed.
        const tested = succeeded(
          await helmWithHooks(helm, kubeconfig, namespace, ['test', 'gpu-operator']),
          'helm test gpu-operator',
        );
        expect(tested.hooks.map((run) => run.hook)).toEqual(await hooksOn(helm, kubeconfig, installed, 'test'));
        expect(tested.hooks.length).toBeGreaterThan(0);
        expect(await uninstall(helm, kubeconfig, installed, EXTRA_KINDS)).toEqual(installed.kept);
      },
      120_000,
    );
  });
});
