import * as path from 'node:path';

import yaml from 'js-yaml';

import { installCrds, installMonitoringCrds } from './support/apiserver/crds';
import { kubectl } from './support/apiserver/kubectl';
import { createNamespace, type PodSecurityLevel } from './support/apiserver/namespaces';
import { describeWithControlPlane, tools, useControlPlane } from './support/apiserver/suite';
import { waitForWorkloadPods } from './support/apiserver/workload-pods';
import {
  type Application,
  applications,
  argocdFiles,
  argocdTemplateArgs,
  hasExternalDependencies,
} from './support/argocd';
import { copyWithoutDependencies } from './support/chart-copy';
import { helms, REPO_ROOT, run } from './support/helm';
import { KSERVE_CRDS } from './support/kserve-crds';

// Argo CD's view of this repository against a real API server: its CRDs (argo-cd's manifests/crds, pinned in
// tools/versions.env) judge every generated Application and ApplicationSet, and what each Application renders is
// applied as Argo CD applies it with ServerSideApply=true (field manager argocd-controller, strict validation).
const KUBE_VERSION = '1.35.4';
/**
 * kubectl --validate=strict has the server validate fields strictly (fieldValidation=Strict), as Argo CD does unless
 * an Application sets Validate=false.
 */
const SERVER_SIDE = ['apply', '--server-side', '--validate=strict', '--field-manager=argocd-controller'];

type SyncedApplication = Application & {
  spec: { syncPolicy: { managedNamespaceMetadata?: { labels?: Record<string, string> } } };
};

/** The Pod Security level of the Application's namespace: what it declares, else restricted like every namespace. */
const levelOf = (app: SyncedApplication) =>
  (app.spec.syncPolicy.managedNamespaceMetadata?.labels?.['pod-security.kubernetes.io/enforce'] ??
    'restricted') as PodSecurityLevel;

const isUmbrella = (app: Application) => app.spec.source.path === 'charts/mlops-stack';

/**
 * What Argo CD renders for the Application (support/argocd.ts). A chart wrapping an external chart renders its own
 * templates only, from a copy without the dependency, which needs network to download.
 */
function render(helm: string, app: Application): string {
  const copy = hasExternalDependencies(app) ? copyWithoutDependencies(app.spec.source.path) : undefined;
  const source = copy ? { ...app.spec.source, path: copy.dir } : app.spec.source;
  const rendered = run(helm, argocdTemplateArgs({ ...app, spec: { ...app.spec, source } }, KUBE_VERSION));
  copy?.remove();
  if (rendered.status !== 0) throw new Error(`helm template for ${app.metadata.name} failed:\n${rendered.stderr}`);
  // A wrapper may have no object of its own (kserve: every object comes from KServe's charts), nothing to apply here.
  if (!copy) expect(yaml.loadAll(rendered.stdout).filter(Boolean).length).toBeGreaterThan(0);
  return rendered.stdout;
}

describeWithControlPlane('Argo CD objects on a real API server', () => {
  const plane = useControlPlane(async ({ kubeconfig }) => {
    await installCrds(kubeconfig, tools().argocdCrds);
    await installMonitoringCrds(kubeconfig, tools().prometheusOperatorCrds);
    // The models' InferenceServices: KServe's Application (wave -1) brings these CRDs before the models (wave 2).
    await installCrds(kubeconfig, KSERVE_CRDS);
    await createNamespace(kubeconfig, 'argocd', 'restricted');
  });

  const namespaces = new Set<string>();
  const ensureNamespace = async (kubeconfig: string, app: SyncedApplication) => {
    const namespace = app.spec.destination.namespace;
    if (namespaces.has(namespace)) return;
    await createNamespace(kubeconfig, namespace, levelOf(app));
    namespaces.add(namespace);
  };

  // Argo CD's own objects; an environment's ExternalSecrets and SealedSecrets are judged by apiserver-secrets.test.ts.
  it.each(
    argocdFiles()
      .filter(({ object }) => String(object.apiVersion).startsWith('argoproj.io/'))
      .map(({ file }) => [file]),
  )('%s is accepted by the Argo CD CRDs with strict validation', async (file) => {
    const { kubeconfig } = plane();
    const result = await kubectl(kubeconfig, [...SERVER_SIDE, '-f', path.join(REPO_ROOT, file)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses a misspelt Application field, so the check above can fail', async () => {
    const { kubeconfig } = plane();
    const app = JSON.parse(JSON.stringify(applications()[0]!.app));
    app.metadata.name = 'misspelt';
    app.spec.syncPolicy.automated.prunee = true;
    const result = await kubectl(kubeconfig, [...SERVER_SIDE, '-f', '-'], JSON.stringify(app));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/\.spec\.syncPolicy\.automated\.prunee: field not declared in schema/);
  });

  describe.each(helms())('%s renders as Argo CD does', (_, helm) => {
    beforeAll(() => {
      for (const { app } of applications().filter(({ app }) => !hasExternalDependencies(app))) {
        const result = run(helm, ['dependency', 'build', app.spec.source.path]);
        if (result.status !== 0) throw new Error(result.stderr);
      }
    });

    // A dry run: the umbrella and the per-component Applications of an environment are alternatives deploying the
    // same objects into one namespace, so only one of them can be applied for real (see the last test).
    it.each(applications().map(({ file, app }) => [file, app as SyncedApplication] as const))(
      '%s: every rendered object passes a server-side apply dry run with strict validation',
      async (_, app) => {
        const { kubeconfig } = plane();
        await ensureNamespace(kubeconfig, app);
        const manifests = render(helm, app);
        if (!yaml.loadAll(manifests).some(Boolean)) return;
        const applied = await kubectl(kubeconfig, [...SERVER_SIDE, '--dry-run=server', '-f', '-'], manifests);
        // Empty: no error, and no warning (Pod Security, an unknown or duplicate field).
        expect(applied.stderr).toBe('');
        expect(applied.status).toBe(0);
      },
      120_000,
    );
  });

  describe("each environment's umbrella, applied as Argo CD syncs it (helm 4, as Argo CD 3.5 bundles)", () => {
    const umbrellas = applications().filter(({ app }) => isUmbrella(app));

    it.each(umbrellas.map(({ file, app }) => [file, app as SyncedApplication] as const))(
      '%s: applied server-side, every Pod admitted; a second sync is accepted too',
      async (_, app) => {
        const { kubeconfig } = plane();
        const [, helm] = helms()[0]!;
        const manifests = render(helm, app);
        await ensureNamespace(kubeconfig, app);
        for (const sync of [1, 2]) {
          const applied = await kubectl(kubeconfig, [...SERVER_SIDE, '-f', '-'], manifests);
          expect({ sync, stderr: applied.stderr, status: applied.status }).toEqual({ sync, stderr: '', status: 0 });
        }
        const pods = await waitForWorkloadPods(kubeconfig, app.spec.destination.namespace);
        expect({ failures: pods.failures, missing: pods.missing }).toEqual({ failures: [], missing: [] });
      },
      120_000,
    );

    // The README says to pick one per environment; this is why the pick is made once. Under the umbrella every
    // object carries app.kubernetes.io/instance: mlops-stack, under a component Application its own release name,
    // and selectors are immutable: switching an environment in place is refused until its workloads are deleted.
    it('a component Application cannot take over the objects the umbrella deployed: the server refuses it', async () => {
      const { kubeconfig } = plane();
      const [, helm] = helms()[0]!;
      const component = applications().find(({ file }) => file === 'argocd-apps/dev/components/minio.yaml')!.app;
      const applied = await kubectl(kubeconfig, [...SERVER_SIDE, '-f', '-'], render(helm, component));
      expect(applied.status).not.toBe(0);
      expect(applied.stderr).toMatch(/Deployment.apps "minio" is invalid: spec.selector: .*field is immutable/);
    });
  });
});
