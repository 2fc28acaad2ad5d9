import { charts } from '../charts';
import type { GeneratedFile } from '../model';
import { checkNewChartOptions, newChartFiles, type NewChartOptions } from '../scaffold/new-chart';
import { checkNewModelOptions, newModelFiles } from '../scaffold/new-model';
import { applyDrift } from '../write';
import { parseArgs, UsageError } from './args';
import { findRoot } from './root';
import type { Writer } from './writer';

type Flags = Record<string, string | undefined>;

export function newCommand(argv: string[], out: Writer, err: Writer): number {
  const { positionals, flags } = parseArgs(argv, {
    switches: [],
    values: [
      ...['image', 'port', 'persistence', 'data-path', 'credentials', 'health-path', 'metrics-path', 'description'],
      'root',
      ...['kind', 'format', 'storage-uri', 'gpu'],
    ],
  });
  if (positionals.length !== 1) throw new UsageError('new takes exactly one chart name');
  const kind = flags.kind ?? 'web-application';
  if (kind === 'model') return newModel(positionals[0]!, flags, out, err);
  if (kind !== 'web-application') throw new UsageError(`--kind ${kind}: expected web-application or model`);
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
    metricsPath: flags['metrics-path'],
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
  return write(root, options.name, newChartFiles(root, options), out);
}

/** `--kind model`: a model served by KServe. */
function newModel(name: string, flags: Flags, out: Writer, err: Writer): number {
  if (!flags.format) throw new UsageError('--format is required with --kind model');
  if (!flags['storage-uri']) throw new UsageError('--storage-uri is required with --kind model');
  const root = findRoot(process.cwd(), flags.root);
  const options = {
    name,
    format: flags.format,
    storageUri: flags['storage-uri'],
    gpu: flags.gpu === undefined ? 0 : Number(flags.gpu),
    description: flags.description,
  };
  const problems = checkNewModelOptions(
    options,
    charts.map((c) => c.name),
  );
  if (problems.length) {
    err.write(`chart-gen: nothing written:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  return write(root, name, newModelFiles(root, options), out);
}

function write(root: string, name: string, files: GeneratedFile[], out: Writer): number {
  applyDrift(root, { changed: files, stale: [] });
  for (const file of files) out.write(`  wrote  ${file.path}\n`);
  out.write(`chart-gen: ${name} defined; run \`npm run generate\` to generate charts/${name}, then commit.\n`);
  return 0;
}
