import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { checkRules, describeWithPrometheusTools, metricNamesOf, testRules } from './support/promtool';

// The rule and query tests trust these tools: they must name what an expression uses, and refuse what Prometheus would.
const RULES = `groups:
  - name: errors
    rules:
      - record: job:errors:rate5m
        expr: sum by (job) (rate(errors_total[5m]))
      - alert: HighErrors
        expr: job:errors:rate5m > 1
        for: 2m
        labels:
          severity: warning
        annotations:
          summary: "{{ $labels.job }} fails {{ $value }} times a second"
`;

/** A unit test of RULES: errors_total grows by <perMinute> a minute for 15 minutes; HighErrors is expected at 10m. */
const unitTest = (perMinute: number) => `rule_files: [rules.yml]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'errors_total{job="api", instance="a"}'
        values: '0+${perMinute}x15'
    alert_rule_test:
      - eval_time: 10m
        alertname: HighErrors
        exp_alerts:
          - exp_labels: { job: api, severity: warning }
            exp_annotations: { summary: "api fails 2 times a second" }
`;

describeWithPrometheusTools('the Prometheus tools', () => {
  let work: string;
  const file = (name: string, content: string) => {
    const at = path.join(work, name);
    fs.writeFileSync(at, content);
    return at;
  };
  beforeAll(() => (work = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-promtool-'))));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('promql-check names the metrics of each expression and reports one that does not parse', () => {
    expect(metricNamesOf(['rate(a_total[5m]) / on(x) b', 'absent(c)', '{__name__="d"}', 'sum('])).toEqual([
      { expr: 'rate(a_total[5m]) / on(x) b', metrics: ['a_total', 'b'] },
      { expr: 'absent(c)', metrics: ['c'] },
      { expr: '{__name__="d"}', metrics: ['d'] },
      { expr: 'sum(', metrics: [], error: expect.stringMatching(/parse error/) },
    ]);
  });

  it('promtool check rules accepts valid rules and refuses a bad expression', () => {
    expect(checkRules([file('rules.yml', RULES)])).toMatch(/SUCCESS: 2 rules found/);
    const bad = file('bad.yml', RULES.replace('job:errors:rate5m > 1', 'sum(job:errors:rate5m > 1'));
    expect(() => checkRules([bad])).toThrow(/bad\.yml[\s\S]*parse error/);
  });

  it('promtool test rules passes a right unit test and fails one expecting an alert that does not fire', () => {
    file('rules.yml', RULES);
    expect(testRules(file('fires.test.yml', unitTest(120)))).toMatch(/SUCCESS/);
    expect(() => testRules(file('quiet.test.yml', unitTest(30)))).toThrow(
      /FAILED[\s\S]*alertname: HighErrors[\s\S]*got:\[\]/,
    );
  });
});
