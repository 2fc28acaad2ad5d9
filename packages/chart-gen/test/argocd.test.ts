import * as fs from 'node:fs';
import * as path from 'node:path';

import { Application as ApplicationModel, ApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import yaml from 'js-yaml';

import {
  type Application,
  applications,
  argocdFiles,
  argocdTemplateArgs,
  hasExternalDependencies,
} from './support/argocd';
import { helms, type K8sObject, REPO_ROOT, run } from './support/helm';
import { checkStrictly, validateKubernetesObject } from './support/kube-schema';

const KUBE_VERSION = '1.32.0';
const byName = (name: string) => applications().find(({ app }) => app.metadata.name === name)!.app;
/** Applications whose charts build offline; gpu-operator.test.ts renders the ones wrapping an external chart. */
const buildableApplications = () => applications().filter(({ app }) => !hasExternalDependencies(app));

describe('generated Argo CD objects', () => {
  it('exist for every environment: the umbrella per environment, each component, one ApplicationSet', () => {
    expect(argocdFiles().map((f) => f.file)).toEqual(
      expect.arrayContaining([
        'argocd-apps/dev/mlops-stack.yaml',
        'argocd-apps/dev/components/minio.yaml',
        'argocd-apps/dev/components/postgresql.yaml',
        'argocd-apps/prod/mlops-stack.yaml',
        'argocd-apps/prod/components/minio.yaml',
        'argocd-apps/prod/components/postgresql.yaml',
        'argocd-apps/applicationsets/mlops-stack.yaml',
      ]),
    );
  });

  // Argo CD's kinds; an environment's ExternalSecrets and SealedSecrets are judged by their CRDs (apiserver-secrets).
  it.each(
    argocdFiles()
      .filter(({ object }) => String(object.apiVersion).startsWith('argoproj.io/'))
      .map(({ file, object }) => [file, object] as const),
  )('%s validates against the Argo CD CRD schema', (_, object) => {
    const Model = object.kind === 'ApplicationSet' ? ApplicationSet : ApplicationModel;
    expect(() => new Model(object as never).validate()).not.toThrow();
  });

  it('the CRD validation rejects what Argo CD would reject', () => {
    const app = JSON.parse(JSON.stringify(byName('minio-dev')));
    app.spec.syncPolicy.automated.prune = 'yes';
    expect(() => new ApplicationModel(app).validate()).toThrow(/prune/);
  });

  it.each(applications().map(({ file, app }) => [file, app] as const))(
    '%s points at a chart path with value files that exist',
    (_, app) => {
      const chartPath = path.resolve(REPO_ROOT, app.spec.source.path);
      expect(chartPath.startsWith(REPO_ROOT + path.sep)).toBe(true);
      expect(fs.existsSync(path.join(chartPath, 'Chart.yaml'))).toBe(true);
      for (const file of app.spec.source.helm.valueFiles) {
        const resolved = path.resolve(chartPath, file);
        expect(resolved.startsWith(REPO_ROOT + path.sep)).toBe(true);
        expect({ file, exists: fs.existsSync(resolved) }).toEqual({ file, exists: true });
      }
    },
  );

  it.each(applications().map(({ file, app }) => [file, app] as const))(
    '%s carries the finalizer, a stable release name and a sync wave',
    (_, app) => {
      expect(app.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io/foreground']);
      expect(app.spec.source.helm.releaseName).toBe(path.basename(app.spec.source.path));
      expect(app.metadata.annotations?.['argocd.argoproj.io/sync-wave']).toMatch(/^-?\d+$/);
      expect(app.spec.syncPolicy.syncOptions).toContain('CreateNamespace=true');
      expect(app.spec.syncPolicy.retry).toBeDefined();
    },
  );

  it('syncs dev automatically with prune and self-heal, and never prunes prod on its own', () => {
    expect(byName('mlops-stack-dev').spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
    expect(byName('mlops-stack-prod').spec.syncPolicy.automated).toEqual({ prune: false, selfHeal: true });
  });

  it('deploys each environment to its own namespace', () => {
    expect(byName('mlops-stack-dev').spec.destination.namespace).toBe('mlops-dev');
    expect(byName('mlops-stack-prod').spec.destination.namespace).toBe('mlops');
  });
});

describe.each(helms())('%s renders every Application that builds offline as Argo CD does', (_, helm) => {
  const render = (app: Application) => {
    const result = run(helm, argocdTemplateArgs(app, KUBE_VERSION));
    if (result.status !== 0) throw new Error(`${app.metadata.name}: ${result.stderr}`);
    return result.stdout;
  };

  beforeAll(() => {
    // Argo CD runs `helm dependency build` when an umbrella's charts/ lacks its subcharts.
    for (const { app } of buildableApplications()) {
      const result = run(helm, ['dependency', 'build', app.spec.source.path]);
      if (result.status !== 0) throw new Error(result.stderr);
    }
  });

  it.each(buildableApplications().map(({ file, app }) => [file, app] as const))(
    '%s: identical twice, valid, in the destination namespace',
    (_, app) => {
      const text = render(app);
      expect(render(app)).toBe(text);
      const objects = yaml.loadAll(text).filter(Boolean) as K8sObject[];
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) {
        validateKubernetesObject(object);
        expect(object.metadata.namespace).toBe(app.spec.destination.namespace);
      }
      expect(checkStrictly(text).checked).toBeGreaterThan(0);
    },
  );

  it('renders dev MinIO like the former dev overlay: namespace mlops-dev, one replica, 250m / 512Mi', () => {
    const objects = yaml.loadAll(render(byName('minio-dev'))).filter(Boolean) as K8sObject[];
    const deployment = objects.find((o) => o.kind === 'Deployment') as K8sObject & {
      spec: {
        replicas: number;
        template: { spec: { containers: { resources: { requests: Record<string, string> } }[] } };
      };
    };
    expect(deployment.metadata).toMatchObject({ name: 'minio', namespace: 'mlops-dev' });
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.template.spec.containers[0]!.resources.requests).toMatchObject({
      cpu: '250m',
      memory: '512Mi',
    });
  });
});
