import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  expectOnlyManifest,
  hooksOn,
  install,
  type Installed,
  manifestOf,
  SERVER_WARNINGS,
  uninstall,
  valuesArgs,
} from './support/apiserver/chart-install';
import { installMonitoringCrds, MONITORING_KINDS } from './support/apiserver/crds';
import { helmWithHooks, succeeded } from './support/apiserver/helm-release';
import { kubectlJson } from './support/apiserver/kubectl';
import { type PreviousRelease, previousRelease } from './support/apiserver/previous-release';
import { describeWithControlPlane, tools, useControlPlane } from './support/apiserver/suite';
import { createExpandableClass, EXPANDABLE_CLASS, reserveVolume, waitForBound } from './support/apiserver/volumes';
import { type ChartCase, chartCases, umbrellaCases } from './support/charts';
import { helms, run } from './support/helm';

// Upgrades as a cluster sees them: from the chart's previous release (prometheus-community's upgrade test), and with
// the values users change. Each installs with its environment's prod values, as they are deployed.
// The models (KServe's CRDs) are upgraded in apiserver-kserve.test.ts.
const charts = [...chartCases.filter((c) => !c.servesModel), ...umbrellaCases];
const PROD = (chart: ChartCase) => `${chart.dir}/values-prod.yaml`;
let namespaces = 0;
const namespaceFor = (chart: ChartCase, label: string, what: string) =>
  `${what}-${chart.name}-${label.replace(' ', '')}-${++namespaces}`;

/** Values users change on an upgrade, per chart; persistence sizes are in SIZES (they need a bound claim). */
const CHANGES: Record<string, string[]> = {
  minio: ['replicas=0', 'image.tag=RELEASE.2025-10-15T17-29-55Z', 'podDisruptionBudget.enabled=true'],
  postgresql: ['image.tag=17.7', 'podDisruptionBudget.enabled=true'],
  mlflow: [
    'replicas=3',
    'image.tag=v3.17.3-full',
    'podDisruptionBudget.enabled=true',
    'ingress.enabled=true',
    'ingress.host=mlflow.example.com',
  ],
};
const COMMON_CHANGES = ['resources.requests.cpu=750m', 'resources.limits.memory=32Gi', 'networkPolicy.enabled=true'];
const SIZES: Record<string, { claim: string; size: string }> = {
  minio: { claim: 'minio-storage', size: '200Gi' },
  postgresql: { claim: 'postgresql-storage', size: '40Gi' },
};

async function upgrade(helm: string, kubeconfig: string, installed: Installed, chartDir: string, args: string[]) {
  const result = succeeded(
    await helmWithHooks(helm, kubeconfig, installed.namespace, ['upgrade', installed.release, chartDir, ...args]),
    `helm upgrade ${installed.release} ${chartDir} ${args.join(' ')}`,
  );
  expect(result.stderr).not.toMatch(SERVER_WARNINGS);
  const after = { ...installed, ...(await manifestOf(helm, kubeconfig, installed.namespace, installed.release)) };
  // Every post-upgrade hook ran; nothing of the previous revision is left beside the new manifest.
  const ran = result.hooks.map((run) => run.hook).sort();
  expect(ran).toEqual((await hooksOn(helm, kubeconfig, after, 'post-upgrade')).sort());
  await expectOnlyManifest(kubeconfig, after, MONITORING_KINDS);
  return after;
}

async function rollback(helm: string, kubeconfig: string, installed: Installed, revision: number) {
  const args = ['rollback', installed.release, String(revision)];
  succeeded(await helmWithHooks(helm, kubeconfig, installed.namespace, args), `helm rollback to ${revision}`);
  const after = { ...installed, ...(await manifestOf(helm, kubeconfig, installed.namespace, installed.release)) };
  await expectOnlyManifest(kubeconfig, after, MONITORING_KINDS);
  return after;
}

const previous = new Map<string, PreviousRelease | undefined>(charts.map((c) => [c.name, previousRelease(c.dir)]));
afterAll(() => previous.forEach((release) => release?.remove()));
const withPrevious = charts.filter((chart) => previous.get(chart.name));
for (const chart of charts.filter((c) => !previous.get(c.name))) {
  console.warn(`no upgrade from a previous release for ${chart.name}: it has no earlier version in git history`);
}

describeWithControlPlane('upgrades on a real API server', () => {
  const plane = useControlPlane(async (p) => {
    await createExpandableClass(p.kubeconfig);
    // values-prod.yaml turns monitoring on: its ServiceMonitors and PrometheusRules need the CRDs.
    await installMonitoringCrds(p.kubeconfig, tools().prometheusOperatorCrds);
  });

  beforeAll(() => {
    for (const [, helm] of helms()) {
      for (const dir of [...umbrellaCases.map((c) => c.dir), ...umbrellaCases.map((c) => previous.get(c.name)?.dir)]) {
        if (!dir) continue;
        const result = run(helm, ['dependency', 'build', dir]);
        if (result.status !== 0) throw new Error(`helm dependency build ${dir} failed:\n${result.stderr}`);
      }
    }
  });

  describe.each(helms())('%s', (label, helm) => {
    it.each(withPrevious.map((chart) => [chart.name, previous.get(chart.name)!.version, chart] as const))(
      '%s: upgrades from its previous release %s to the current one, rolls back, uninstalls',
      async (_, __, chart) => {
        const { kubeconfig } = plane();
        const old = previous.get(chart.name)!;
        const oldValues = path.join(old.dir, 'values-prod.yaml');
        const oldArgs = fs.existsSync(oldValues) ? [...chart.credentials, '--values', oldValues] : chart.credentials;
        const namespace = namespaceFor(chart, label, 'from-previous');
        const first = await install(helm, kubeconfig, namespace, 'restricted', chart.name, old.dir, oldArgs);
        const upgraded = await upgrade(helm, kubeconfig, first, chart.dir, valuesArgs(chart, PROD(chart)));
        const rolledBack = await rollback(helm, kubeconfig, upgraded, 1);
        expect(rolledBack.manifest).toEqual(first.manifest);
        expect(await uninstall(helm, kubeconfig, rolledBack, MONITORING_KINDS)).toEqual(rolledBack.kept);
      },
      240_000,
    );

    it.each(chartCases.filter((c) => !c.servesModel).map((chart) => [chart.name, chart] as const))(
      '%s: upgrades with the values users change, rolls back, then grows its volume',
      async (_, chart) => {
        const { kubeconfig } = plane();
        const namespace = namespaceFor(chart, label, 'changes');
        const sized = SIZES[chart.name];
        if (sized) await reserveVolume(kubeconfig, namespace, sized.claim);
        const base = [...valuesArgs(chart, PROD(chart))];
        if (sized) base.push('--set', `persistence.storageClass=${EXPANDABLE_CLASS}`);
        const first = await install(helm, kubeconfig, namespace, 'restricted', chart.name, chart.dir, base);
        const changes = [...COMMON_CHANGES, ...CHANGES[chart.name]!].flatMap((change) => ['--set', change]);
        const changed = await upgrade(helm, kubeconfig, first, chart.dir, [...base, ...changes]);
        await rollback(helm, kubeconfig, changed, 1);
        if (sized) {
          // A claim cannot shrink, so this step is not rolled back.
          await waitForBound(kubeconfig, namespace, sized.claim);
          const grown = ['--set', `persistence.size=${sized.size}`];
          await upgrade(helm, kubeconfig, first, chart.dir, [...base, ...grown]);
          const claim = await kubectlJson<{ spec: { resources: { requests: { storage: string } } } }>(kubeconfig, [
            'get',
            'pvc',
            sized.claim,
            '-n',
            namespace,
          ]);
          expect(claim.spec.resources.requests.storage).toBe(sized.size);
        }
        expect(await uninstall(helm, kubeconfig, first, MONITORING_KINDS)).toEqual(first.kept);
      },
      240_000,
    );
  });
});
