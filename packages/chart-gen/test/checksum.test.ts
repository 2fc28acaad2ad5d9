import * as fs from 'node:fs';
import * as path from 'node:path';

import { copyChart } from './support/chart-copy';
import { chartCases } from './support/charts';
import { helms, type K8sObject, render } from './support/helm';

/**
 * Pods roll when their Secret or ConfigMap data changes, and only then: the checksum annotations hash the rendered
 * data, not the labels, which carry the chart version.
 */
const checksums = (objects: K8sObject[]) => {
  const workload = objects.find((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet') as unknown as {
    spec: { template: { metadata: { annotations?: Record<string, string> } } };
  };
  const annotations = workload.spec.template.metadata.annotations ?? {};
  return Object.fromEntries(Object.entries(annotations).filter(([key]) => key.startsWith('checksum/')));
};

/** A value of each chart that changes the data of a checksummed object. */
const changes: Record<string, string[]> = {
  minio: ['--set', 'auth.rootPassword=another-root-password'],
  postgresql: ['--set', 'config.max_connections=222'],
};

describe.each(helms())('%s checksum annotations', (_, helm) => {
  describe.each(chartCases.filter((c) => c.name in changes).map((c) => [c.name, c] as const))('%s', (name, chart) => {
    it('stay the same when only the chart version changes', () => {
      const copy = copyChart(chart.dir);
      try {
        const chartYaml = path.join(copy.dir, 'Chart.yaml');
        fs.writeFileSync(chartYaml, fs.readFileSync(chartYaml, 'utf8').replace(/^version: .*$/m, 'version: 99.0.0'));
        const before = checksums(render(helm, name, chart.dir, chart.credentials));
        expect(Object.keys(before).length).toBeGreaterThan(0);
        expect(checksums(render(helm, name, copy.dir, chart.credentials))).toEqual(before);
      } finally {
        copy.remove();
      }
    });

    it('change when the data changes', () => {
      const before = checksums(render(helm, name, chart.dir, chart.credentials));
      const after = checksums(render(helm, name, chart.dir, [...chart.credentials, ...changes[name]!]));
      expect(Object.entries(after).filter(([key, sum]) => before[key] !== sum).length).toBeGreaterThan(0);
    });
  });
});
