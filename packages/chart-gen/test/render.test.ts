import { chartCases, defaultObjects } from './support/charts';
import { helms, kindAndName, render, renderText } from './support/helm';
import { checkStrictly, validateKubernetesObject } from './support/kube-schema';

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
        expect(checkStrictly(renderText(helm, name, chart.dir, args))).toEqual({ checked: objects.length, skipped: 0 });
      },
    );
  });
});

describe.each(helms())('%s credentials', (_, helm) => {
  describe.each(chartCases.filter((c) => c.hasCredentials).map((c) => [c.name, c] as const))('%s', (name, chart) => {
    it('uses the existing Secret and creates none when auth.existingSecret is set', () => {
      const objects = render(helm, name, chart.dir, ['--set', 'auth.existingSecret=cluster-made']);
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
      expect(JSON.stringify(objects)).toContain('"name":"cluster-made"');
    });

    it('fails without credentials, saying what to set', () => {
      expect(() => render(helm, name, chart.dir)).toThrow(
        /set auth\.existingSecret to a Secret holding the credentials/,
      );
    });
  });
});
