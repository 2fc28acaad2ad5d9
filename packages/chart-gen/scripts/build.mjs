// The package's build (`nx run chart-gen:build`, or `node packages/chart-gen/scripts/build.mjs`):
// 1. tsc -b: type-checks and compiles src to dist (the library, the tests' CLI modules, the environments);
// 2. dist/validators: each chart's values schema as validator code, so a run loads it instead of compiling it;
// 3. dist/cli.js: the CLI bundled into one file, so a run reads and compiles one module instead of some three hundred
//    (TypeBox's, Ajv's and this package's own).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', packageDir], { stdio: 'inherit' });

const { charts, valuesSchema } = require(`${packageDir}dist/index.js`);
const { writePrecompiledValidators } = require(`${packageDir}dist/schema-validator.js`);
writePrecompiledValidators(charts.map((chart) => valuesSchema(chart)));

await build({
  entryPoints: [`${packageDir}src/cli/main.ts`],
  outfile: `${packageDir}dist/cli.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The environments (dist/environments) and the built validators (dist/validators) are found at run time.
  logLevel: 'warning',
});
