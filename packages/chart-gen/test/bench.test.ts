import { execFileSync } from 'node:child_process';

import { charts } from '../src/charts';
import { REPO_ROOT } from './support/helm';

// Keeps `npm run bench` working; the numbers themselves are read by people, never asserted.
it('the benchmark prints generation times, the scale run and the render overhead of every chart', () => {
  const output = execFileSync('node', ['scripts/bench.mjs', '--quick'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const name of [...charts.map((c) => c.name), 'all charts'])
    expect(output).toMatch(new RegExp(`^  ${name}\\s+\\d+\\.\\d ms`, 'm'));
  expect(output).toMatch(/^ {2}wall\s+\d+\.\d ms/m);
  expect(output).toMatch(/^ {2}20 charts\s+\d+\.\d ms\s+\d+\.\d\d ms per chart/m);
  for (const name of ['minio', 'mlflow', 'postgresql'])
    expect(output).toMatch(
      new RegExp(`^  ${name}\\s+\\d+\\.\\d\\dx\\s+\\(\\d+\\.\\d\\dx without the schema check\\)$`, 'm'),
    );
});
