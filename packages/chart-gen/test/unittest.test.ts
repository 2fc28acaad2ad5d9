import * as fs from 'node:fs';
import * as path from 'node:path';

import { chartCases, externalCases } from './support/charts';
import { helmUnittest, REPO_ROOT, run } from './support/helm';

// The helm-unittest suites (charts/<name>/tests) assert the resources of each chart in detail; this runs them.
// Unlike helm template, helm-unittest renders a chart whose dependencies are missing from charts/, so charts
// wrapping an external chart (not downloadable offline) run as they are.
describe.each([...chartCases, ...externalCases].map((c) => [c.name, c] as const))('helm-unittest %s', (_, chart) => {
  it('has suites', () => {
    const suites = fs.readdirSync(path.join(REPO_ROOT, chart.dir, 'tests')).filter((f) => f.endsWith('_test.yaml'));
    expect(suites.length).toBeGreaterThan(0);
  });

  it('passes every suite', () => {
    const result = run(helmUnittest(), ['--strict', '--color=false', chart.dir]);
    expect({ status: result.status, output: result.status === 0 ? '' : result.stdout + result.stderr }).toEqual({
      status: 0,
      output: '',
    });
    const suites = (result.stdout + result.stderr).match(/Test Suites:\s+(\d+) passed, (\d+) total/);
    expect(suites).not.toBeNull();
    expect(Number(suites![1])).toBeGreaterThan(0);
    expect(suites![1]).toBe(suites![2]);
  });
});
