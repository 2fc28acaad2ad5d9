import { chartCases, defaultObjects } from './support/charts';
import { helms, kindAndName, render, renderText } from './support/helm';
import { checkStrictly, isCustomResource, validateKubernetesObject } from './support/kube-schema';

const STANDARD_LABELS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/version',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/managed-by',
  'helm.sh/chart',
];

describe.each(helms())('%s template', (_, helm) => {
  describe.each(chartCases.map((c) => [c.name, c] as const))('%s', (name, chart) => {
    const defaults = () => render(helm, name, chart.dir, chart.credentials);

    it('renders exactly its objects with their names (for minio and postgresql: the former Kustomize base)', () => {
      expect(kindAndName(defaults())).toEqual(defaultObjects[name]);
    });

    it('renders the same bytes twice', () => {
      expect(renderText(helm, name, chart.dir, chart.credentials)).toBe(
        renderText(helm, name, chart.dir, chart.credentials),
      );
    });

    it('puts every object in the release namespace with the standard labels', () => {
      for (const object of defaults()) {
        expect({ object: object.metadata.name, namespace: object.metadata.namespace }).toEqual({
          object: object.metadata.name,
          namespace: 'mlops',
        });
        expect(Object.keys(object.metadata.labels ?? {})).toEqual(expect.arrayContaining(STANDARD_LABELS));
      }
    });

    it('renames every object with fullnameOverride', () => {
      const names = defaults().map((o) => o.metadata.name);
      const renamed = render(helm, name, chart.dir, [...chart.credentials, '--set', 'fullnameOverride=renamed']).map(
        (o) => o.metadata.name,
      );
      expect(renamed).toEqual(names.map((n) => n.replace(name, 'renamed')));
    });

    it.each(['defaults', ...chart.valuesFiles])(
      'validates every object against the Kubernetes API schema (%s)',
      (file) => {
        const args = file === 'defaults' ? chart.credentials : [...chart.credentials, '--values', file];
        const objects = render(helm, name, chart.dir, args);
        expect(objects.length).toBeGreaterThan(0);
        for (const object of objects) validateKubernetesObject(object);
        // kube-strict knows the built-in kinds only; KServe's and the Prometheus Operator's were checked against their
        // CRDs above.
        const custom = objects.filter(isCustomResource).length;
        expect(checkStrictly(renderText(helm, name, chart.dir, args))).toEqual({
          checked: objects.length - custom,
          skipped: custom,
        });
      },
    );
  });
});

describe.each(helms())('%s credentials', (_, helm) => {
  describe.each(chartCases.filter((c) => c.hasCredentials).map((c) => [c.name, c] as const))('%s', (name, chart) => {
    it('uses the existing Secret and creates none when auth.existingSecret is set', () => {
      const objects = render(helm, name, chart.dir, ['--set', 'auth.existingSecret=cluster-made']);
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
      // Referenced by an env var's secretKeyRef or by a Secret volume (credentials as files).
      expect(JSON.stringify(objects)).toMatch(/"(name|secretName)":"cluster-made"/);
    });

    it('fails without credentials, saying what to set', () => {
      expect(() => render(helm, name, chart.dir)).toThrow(
        /set auth\.existingSecret to a Secret holding the credentials/,
      );
    });
  });
});

describe.each(helms())('%s PodDisruptionBudget', (_, helm) => {
  const withPdb = chartCases.filter((c) => 'podDisruptionBudget' in (c.definition.values.defaults as object));
  it.each(withPdb.map((c) => [c.name, c] as const))(
    '%s takes --set podDisruptionBudget.minAvailable=1 alone',
    (name, chart) => {
      const args = ['--set', 'podDisruptionBudget.enabled=true', '--set', 'podDisruptionBudget.minAvailable=1'];
      const pdb = render(helm, name, chart.dir, [...chart.credentials, ...args]).find(
        (o) => o.kind === 'PodDisruptionBudget',
      );
      expect((pdb as unknown as { spec: Record<string, unknown> }).spec).toMatchObject({ minAvailable: 1 });
      expect((pdb as unknown as { spec: Record<string, unknown> }).spec).not.toHaveProperty('maxUnavailable');
    },
  );
});

describe.each(helms())('%s ephemeral storage', (_, helm) => {
  it.each(chartCases.map((c) => [c.name, c] as const))(
    '%s requests and limits it for every container',
    (name, chart) => {
      const podSpecs = render(helm, name, chart.dir, chart.credentials).flatMap((object) => {
        const spec = object.spec as
          { template?: { spec: unknown }; containers?: unknown; predictor?: { model: object } } | undefined;
        // An InferenceService's model container becomes the predictor pod's kserve-container.
        if (spec?.predictor) return [{ containers: [{ name: 'kserve-container', ...spec.predictor.model }] }];
        return spec?.template ? [spec.template.spec] : spec?.containers ? [spec] : [];
      }) as { containers: Container[]; initContainers?: Container[] }[];
      expect(podSpecs.length).toBeGreaterThan(0);
      for (const pod of podSpecs) {
        for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
          expect({ container: container.name, requests: container.resources?.requests?.['ephemeral-storage'] }).toEqual(
            {
              container: container.name,
              requests: expect.any(String),
            },
          );
          expect({ container: container.name, limits: container.resources?.limits?.['ephemeral-storage'] }).toEqual({
            container: container.name,
            limits: expect.any(String),
          });
        }
      }
    },
  );
});

interface Container {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/** KServe makes a model's pods and probes: a model chart writes no pod template (see ChartCase.servesModel). */
const withPods = chartCases.filter((c) => !c.servesModel);

describe.each(helms())('%s probes', (_, helm) => {
  it.each(withPods.map((c) => [c.name, c] as const))(
    '%s: liveness and readiness differ, and liveness gives up later (a restart costs more)',
    (name, chart) => {
      const probed = render(helm, name, chart.dir, chart.credentials)
        .flatMap(
          (object) =>
            (object.spec as { template?: { spec: { containers: ProbedContainer[] } } })?.template?.spec.containers ??
            [],
        )
        .filter((container) => container.livenessProbe && container.readinessProbe);
      expect(probed.length).toBeGreaterThan(0);
      for (const { name: container, livenessProbe: live, readinessProbe: ready } of probed) {
        const patience = (probe: Probe) => (probe.periodSeconds ?? 10) * (probe.failureThreshold ?? 3);
        expect({ container, same: JSON.stringify(live) === JSON.stringify(ready) }).toEqual({ container, same: false });
        expect(patience(live!)).toBeGreaterThan(patience(ready!));
      }
    },
  );
});

interface Probe {
  periodSeconds?: number;
  failureThreshold?: number;
}
interface ProbedContainer {
  name: string;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
}

describe.each(helms())('%s NetworkPolicies', (_, helm) => {
  it.each(withPods.map((c) => [c.name, c] as const))(
    '%s: with networkPolicy.enabled, every pod (Jobs included) is selected by one',
    (name, chart) => {
      const objects = render(helm, name, chart.dir, [...chart.credentials, '--set', 'networkPolicy.enabled=true']);
      const selectors = objects
        .filter((o) => o.kind === 'NetworkPolicy')
        .map(
          (o) => (o.spec as { podSelector: { matchLabels?: Record<string, string> } }).podSelector.matchLabels ?? {},
        );
      const pods = objects.flatMap((o) => {
        const template = (o.spec as { template?: { metadata: { labels: Record<string, string> } } } | undefined)
          ?.template;
        return template ? [{ pod: `${o.kind}/${o.metadata.name}`, labels: template.metadata.labels }] : [];
      });
      expect(pods.length).toBeGreaterThan(0);
      for (const { pod, labels } of pods) {
        const selected = selectors.some((selector) =>
          Object.entries(selector).every(([key, value]) => labels[key] === value),
        );
        expect({ pod, selected }).toEqual({ pod, selected: true });
      }
    },
  );
});
