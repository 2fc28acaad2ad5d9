import { chartCases } from './support/charts';
import { helms, run } from './support/helm';

describe.each(helms())('%s lint --strict', (_, helm) => {
  describe.each(chartCases.map((c) => [c.name, c] as const))('%s', (_, chart) => {
    it('passes with the defaults and credentials given at install time', () => {
      const result = run(helm, ['lint', '--strict', chart.dir, ...chart.credentials]);
      expect(result.stderr + result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
      expect(result.status).toBe(0);
    });

    it.each(chart.valuesFiles)('passes with %s', (file) => {
      const result = run(helm, ['lint', '--strict', chart.dir, '--values', file, ...chart.credentials]);
      expect(result.stderr + result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
      expect(result.status).toBe(0);
    });
  });
});
