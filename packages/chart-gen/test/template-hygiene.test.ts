import * as fs from 'node:fs';
import * as path from 'node:path';

import { charts } from '../src/charts';
import { REPO_ROOT } from './support/helm';

/** The generated template files of a chart, by name. */
function templates(chart: string): Map<string, string> {
  const dir = path.join(REPO_ROOT, 'charts', chart, 'templates');
  return new Map(fs.readdirSync(dir).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
}

/** Templates read like hand-written ones: none of the traces a text-pasting generator leaves. */
describe.each(charts.map((chart) => chart.name))('templates of %s', (chart) => {
  const files = templates(chart);

  it('hold no constant in braces (a constant is written as it is, or comes from a value)', () => {
    for (const [file, text] of files)
      expect({ file, constants: text.match(/\{\{-? *[0-9]+ *-?\}\}/g) }).toEqual({ file, constants: null });
  });

  it('never nest a condition inside the same condition', () => {
    for (const [file, text] of files) {
      const lines = text.split('\n').map((line) => line.trim());
      const repeated = lines.filter((line, i) => line.startsWith('{{- if ') && lines[i + 1] === line);
      expect({ file, repeated }).toEqual({ file, repeated: [] });
    }
  });

  it('build an annotations dict only when something can add to it or leave it empty', () => {
    for (const [file, text] of files) {
      if (!text.includes('$annotations :=')) continue;
      expect({ file, adds: /set \$annotations|merge \$annotations/.test(text) }).toEqual({ file, adds: true });
    }
  });

  it('define only helpers some template of the chart uses', () => {
    const all = [...files.values()].join('\n');
    const defined = [...all.matchAll(/define "([^"]+)"/g)].map((match) => match[1]!);
    const unused = defined.filter((name) => !all.includes(`include "${name}"`));
    expect(unused).toEqual([]);
  });
});
