import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as yaml from 'js-yaml';

import { type AlertRule, PROOF_RELEASE, runbookAnchor } from '../src/blocks/monitoring/alert';
import { chartReadmeUrl } from '../src/blocks/monitoring/runbooks';
import { type MonitoredChart, monitoredCharts } from './support/monitored-charts';
import { checkRules, describeWithPrometheusTools, testRules } from './support/promtool';

/** Minutes of a Prometheus duration as the charts render them (`90s` is not one they use). */
function minutes(duration: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(duration);
  if (!match || duration === '') throw new Error(`unexpected duration ${duration}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

interface RenderedRule {
  alert: string;
  for?: string;
}

/** promtool's unit tests of one alert, from its proof: fires at firesAt (not a minute before `for`), quiet never. */
function unitTests(chart: MonitoredChart, rule: AlertRule, rendered: RenderedRule) {
  const { proof } = rule;
  const expected = {
    exp_labels: { severity: rule.severity, ...proof.labels },
    exp_annotations: {
      summary: proof.summary,
      description: proof.description,
      runbook_url: `${chartReadmeUrl(chart.name)}#${runbookAnchor(rule.alert)}`,
    },
  };
  const pending = rendered.for && minutes(rendered.for) >= 2 ? [`${minutes(rendered.for) - 1}m`] : [];
  return [
    {
      name: `${rule.alert} fires`,
      interval: '1m',
      input_series: proof.fires,
      alert_rule_test: [
        ...pending.map((at) => ({ eval_time: at, alertname: rule.alert, exp_alerts: [] })),
        { eval_time: proof.firesAt, alertname: rule.alert, exp_alerts: [expected] },
      ],
    },
    {
      name: `${rule.alert} stays quiet`,
      interval: '1m',
      input_series: proof.quiet,
      alert_rule_test: [{ eval_time: proof.firesAt, alertname: rule.alert, exp_alerts: [] }],
    },
  ];
}

// Every alert of every chart, as the chart renders it, run by Prometheus's own rule engine: promtool check rules on
// the rendered groups, then promtool test rules on each alert's proof (see AlertProof).
describeWithPrometheusTools('alerts proven with promtool', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-alerts-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe.each(monitoredCharts().map((chart) => [chart.name, chart] as const))('%s', (name, chart) => {
    let rulesFile: string;
    let rendered: RenderedRule[];

    /** A unit test file over the rendered rules, from the given alerts' proofs. */
    function testFile(file: string, alerts: AlertRule[]): string {
      const byName = new Map(rendered.map((rule) => [rule.alert, rule]));
      const tests = alerts.flatMap((rule) => unitTests(chart, rule, byName.get(rule.alert)!));
      const target = path.join(dir, file);
      fs.writeFileSync(target, yaml.dump({ rule_files: [rulesFile], evaluation_interval: '1m', tests }));
      return target;
    }

    beforeAll(() => {
      const groups = chart.prometheusRule().spec.groups;
      rulesFile = path.join(dir, `${name}-rules.yaml`);
      fs.writeFileSync(rulesFile, yaml.dump({ groups }));
      rendered = groups.flatMap((group) => group.rules as RenderedRule[]);
    });

    it('renders exactly the alerts the definition proves, in the release namespace', () => {
      expect(rendered.map((rule) => rule.alert)).toEqual(chart.alerts.map((rule) => rule.alert));
      expect(chart.prometheusRule().metadata.namespace).toBe(PROOF_RELEASE.namespace);
    });

    it('passes promtool check rules', () => {
      expect(checkRules([rulesFile])).toMatch(/SUCCESS: \d+ rules found/);
    });

    it("passes promtool test rules: each alert fires on its proof's series, not before its for, never on quiet ones", () => {
      expect(testRules(testFile(`${name}-tests.yaml`, chart.alerts))).toMatch(/SUCCESS/);
    });

    it('the proofs can fail: with the firing and quiet series swapped, promtool test rules fails', () => {
      const swapped = chart.alerts.map((rule) => ({
        ...rule,
        proof: { ...rule.proof, fires: rule.proof.quiet, quiet: rule.proof.fires },
      }));
      expect(() => testRules(testFile(`${name}-swapped.yaml`, swapped))).toThrow(/FAILED/);
    });

    it('has a runbook section in the chart README for every alert, where its runbook_url points', () => {
      const readme = fs.readFileSync(path.join(chart.dir, 'README.md'), 'utf8');
      for (const rule of chart.alerts) expect(readme).toContain(`\n#### ${rule.alert}\n`);
    });
  });
});
