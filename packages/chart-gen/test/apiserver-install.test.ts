import {
  expectOnlyManifest,
  hooksOn,
  install,
  SERVER_WARNINGS,
  UMBRELLA_CREDENTIALS,
  uninstall,
  valuesArgs,
} from './support/apiserver/chart-install';
import { installMonitoringCrds, MONITORING_KINDS } from './support/apiserver/crds';
import { helmWithHooks } from './support/apiserver/helm-release';
import { createNamespace } from './support/apiserver/namespaces';
import { describeWithControlPlane, tools, useControlPlane } from './support/apiserver/suite';
import { waitForWorkloadPods } from './support/apiserver/workload-pods';
import { type ChartCase, chartCases, umbrellaCases } from './support/charts';
import { helms, run } from './support/helm';

// Every chart that builds offline, with its defaults, each ci/ example and each environment's values, installed by
// helm into a namespace enforcing the restricted Pod Security Standard, then uninstalled. gpu-operator (its own
// templates, a privileged namespace) is in apiserver-gpu-operator.test.ts, the models (KServe's CRDs) in
// apiserver-kserve.test.ts.
const installed = [...chartCases.filter((c) => !c.servesModel), ...umbrellaCases];
const cases: [string, ChartCase, string][] = installed.flatMap((chart) =>
  ['defaults', ...chart.valuesFiles].map(
    (file) => [`${chart.name} with ${file}`, chart, file] as [string, ChartCase, string],
  ),
);
let namespaces = 0;
/** What each chart keeps on uninstall with its defaults, as its README says: the data claims (keepOnUninstall). */
const KEPT_BY_DEFAULT: Record<string, string[]> = {
  minio: ['PersistentVolumeClaim/minio-storage'],
  postgresql: ['PersistentVolumeClaim/postgresql-storage'],
  mlflow: [],
  'mlops-stack': ['PersistentVolumeClaim/minio-storage', 'PersistentVolumeClaim/postgresql-storage'],
};

describeWithControlPlane('charts on a real API server', () => {
  // values-prod.yaml turns monitoring on: its ServiceMonitors and PrometheusRules need the CRDs.
  const plane = useControlPlane(async ({ kubeconfig }) => {
    await installMonitoringCrds(kubeconfig, tools().prometheusOperatorCrds);
  });

  beforeAll(() => {
    for (const [, helm] of helms()) {
      for (const umbrella of umbrellaCases) {
        const result = run(helm, ['dependency', 'build', umbrella.dir]);
        if (result.status !== 0) throw new Error(`helm dependency build ${umbrella.dir} failed:\n${result.stderr}`);
      }
    }
  });

  describe.each(helms())('%s', (label, helm) => {
    it.each(cases)(
      '%s: installs in a restricted namespace, every Pod admitted, hooks run, uninstall keeps only what it says',
      async (_, chart, file) => {
        const { kubeconfig } = plane();
        const credentials = umbrellaCases.includes(chart) ? UMBRELLA_CREDENTIALS : chart.credentials;
        const namespace = `${chart.name}-${label.replace(' ', '')}-${++namespaces}`;
        const values = valuesArgs(chart, file, credentials);
        const installed = await install(helm, kubeconfig, namespace, 'restricted', chart.name, chart.dir, values);
        expect(installed.warnings).not.toMatch(SERVER_WARNINGS);
        // Every post-install hook ran (its Pod was created, so admitted); hook-succeeded then deleted it.
        expect(installed.hooks.sort()).toEqual((await hooksOn(helm, kubeconfig, installed, 'post-install')).sort());
        await expectOnlyManifest(kubeconfig, installed, MONITORING_KINDS);
        const left = await uninstall(helm, kubeconfig, installed, MONITORING_KINDS);
        expect(left).toEqual(installed.kept);
        if (file === 'defaults') expect(left).toEqual(KEPT_BY_DEFAULT[chart.name]);
      },
      180_000,
    );
  });

  it('the admission check fails when it should: a privileged container is refused in a restricted namespace', async () => {
    const { kubeconfig } = plane();
    const [, helm] = helms()[0]!;
    const minio = chartCases.find((c) => c.name === 'minio')!;
    const installed = await install(helm, kubeconfig, 'refused', 'restricted', 'minio', minio.dir, [
      ...minio.credentials,
      '--set',
      'containerSecurityContext.privileged=true',
      '--set',
      'containerSecurityContext.allowPrivilegeEscalation=true',
      '--set',
      'buckets.create=false',
    ]);
    // helm 4 logs the warning quoted, helm 3 as it is.
    expect(installed.warnings).toMatch(/would violate PodSecurity \W*restricted:latest\W*: privileged/);
    const pods = await waitForWorkloadPods(kubeconfig, 'refused');
    expect(pods.failures.join('\n')).toMatch(/Deployment\/minio|ReplicaSet\/minio-/);
    expect(pods.failures.join('\n')).toMatch(/violates PodSecurity "restricted:latest": privileged/);
  }, 120_000);

  // A gap the render-only tests cannot see: the values schema checks each quantity alone, so a memory request above
  // its limit renders, lints and validates, and only the server refuses it, at install time.
  it('the server refuses what the schema lets through: a memory request above its limit', async () => {
    const { kubeconfig } = plane();
    const [, helm] = helms()[0]!;
    const postgresql = chartCases.find((c) => c.name === 'postgresql')!;
    const values = [...postgresql.credentials, '--set', 'resources.requests.memory=2Gi'];
    values.push('--set', 'resources.limits.memory=1Gi');
    expect(run(helm, ['template', 'postgresql', postgresql.dir, ...values]).status).toBe(0);
    await createNamespace(kubeconfig, 'over-limit', 'restricted');
    const result = await helmWithHooks(helm, kubeconfig, 'over-limit', [
      'install',
      'postgresql',
      postgresql.dir,
      ...values,
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(
      /resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit/,
    );
  }, 120_000);
});
