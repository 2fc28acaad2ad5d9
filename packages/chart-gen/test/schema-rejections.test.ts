import { chartCases } from './support/charts';
import { helms, run } from './support/helm';

/** Values that must never reach a cluster: helm itself refuses them, naming the key. */
const badValues: [string, string[], RegExp][] = [
  ['an unknown key', ['--set', 'replicaCount=2'], /additional properties 'replicaCount' not allowed/],
  [
    'an unknown nested key',
    ['--set', 'resources.requestz.cpu=1'],
    /at '\/resources'.*additional properties 'requestz' not allowed/,
  ],
  ['a wrong type', ['--set', 'probes.liveness.enabled=maybe'], /at '\/probes\/liveness\/enabled'.*want boolean/],
  [
    'a bad quantity',
    ['--set', 'resources.requests.memory=lots'],
    /at '\/resources\/requests\/memory'.*'lots' does not match pattern/,
  ],
  ['the image tag latest', ['--set', 'image.tag=latest'], /at '\/image\/tag'/],
  ['an unknown pull policy', ['--set', 'image.pullPolicy=Sometimes'], /at '\/image\/pullPolicy'/],
  ['an unknown service type', ['--set', 'service.type=Ingress'], /at '\/service\/type'/],
];

/** The same, for charts that keep data on a claim. */
const badStorage: [string, string[], RegExp][] = [
  [
    'an unknown persistence key',
    ['--set', 'persistence.sizee=1Gi'],
    /at '\/persistence'.*additional properties 'sizee' not allowed/,
  ],
  ['a bad storage size', ['--set', 'persistence.size=100GB'], /at '\/persistence\/size'.*does not match pattern/],
  ['a wrong type', ['--set', 'persistence.enabled=maybe'], /at '\/persistence\/enabled'.*want boolean/],
];

/**
 * The bad values a chart's keys allow testing: a model chart has no image, probes or Service of its own (KServe's
 * runtime brings them); its own rejections are in kserve-model.test.ts. An unknown key applies to every chart.
 */
function applicable(chart: (typeof chartCases)[number]): [string, string[], RegExp][] {
  const keys = Object.keys((chart.definition.values.spec as { properties?: object }).properties ?? {});
  const cases = chart.hasPersistence ? [...badValues, ...badStorage] : badValues;
  return cases.filter(([, args]) => {
    const key = args[1]!.split(/[.=]/)[0]!;
    return key === 'replicaCount' || keys.includes(key);
  });
}

describe.each(helms())('%s refuses bad values', (_, helm) => {
  describe.each(chartCases.map((c) => [c.name, c] as const))('%s', (_, chart) => {
    it.each(applicable(chart))('%s', (_, args, message) => {
      const result = run(helm, ['template', chart.name, chart.dir, ...chart.credentials, ...args]);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("values don't meet the specifications of the schema");
      expect(result.stderr).toMatch(message);
    });
  });
});
