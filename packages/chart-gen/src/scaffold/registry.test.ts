import * as fs from 'node:fs';
import * as path from 'node:path';

import { definitionModules, registrySource } from './new-chart';

describe('the chart registry (charts/index.ts)', () => {
  const chartsDir = path.join(__dirname, '..', 'charts');

  it('lists exactly the definition modules of the folder, as chart-gen new writes it', () => {
    expect(fs.readFileSync(path.join(chartsDir, 'index.ts'), 'utf8')).toBe(
      registrySource(definitionModules(chartsDir)),
    );
  });

  it('imports each module by its camelCase name, in name order', () => {
    const source = registrySource(['model-server', 'minio']);
    expect(source).toContain("import { modelServer } from './model-server';");
    expect(source).toContain('  modelServer,\n  minio,\n];');
  });
});
