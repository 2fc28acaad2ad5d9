import { execFileSync } from 'node:child_process';

import { charts } from '../src/charts';
import { REPO_ROOT } from './support/helm';

// Keeps `npm run bench` working; the numbers themselves are read by people, never asserted.
it('the benchmark prints a generation time for every chart and for all of them', () => {
  const output = execFileSync('node', ['scripts/bench.mjs', '--quick'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const name of [...charts.map((c) => c.name), 'all charts'])
    expect(output).toMatch(new RegExp(`^  ${name}\\s+\\d+\\.\\d ms`, 'm'));
});
