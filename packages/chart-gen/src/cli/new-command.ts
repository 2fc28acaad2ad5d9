import { charts } from '../charts';
import { checkNewChartOptions, newChartFiles, type NewChartOptions } from '../scaffold/new-chart';
import { applyDrift } from '../write';
import { parseArgs, UsageError } from './args';
import { findRoot } from './root';
import type { Writer } from './writer';

export function newCommand(argv: string[], out: Writer, err: Writer): number {
  const { positionals, flags } = parseArgs(argv, {
    switches: [],
    values: ['image', 'port', 'persistence', 'data-path', 'credentials', 'health-path', 'description', 'root'],
  });
  if (positionals.length !== 1) throw new UsageError('new takes exactly one chart name');
  if (!flags.image) throw new UsageError('--image is required');
  if (!flags.port) throw new UsageError('--port is required');
  const root = findRoot(process.cwd(), flags.root);
  const options: NewChartOptions = {
    name: positionals[0]!,
    image: flags.image,
    port: Number(flags.port),
    persistence: flags.persistence,
    dataPath: flags['data-path'] ?? '/data',
    credentials: flags.credentials
      ? flags.credentials
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
      : [],
    healthPath: flags['health-path'] ?? '/',
    description: flags.description,
  };
  const problems = checkNewChartOptions(
    options,
    charts.map((c) => c.name),
  );
  if (problems.length) {
    err.write(`chart-gen: nothing written:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  const files = newChartFiles(root, options);
  applyDrift(root, { changed: files, stale: [] });
  for (const file of files) out.write(`  wrote  ${file.path}\n`);
  out.write(
    `chart-gen: ${options.name} defined; run \`npm run generate\` to generate charts/${options.name}, then commit.\n`,
  );
  return 0;
}
