#!/usr/bin/env node
import { UsageError } from './cli/args';
import { CHECK_VERSIONS_USAGE, checkVersionsCommand } from './cli/check-versions-command';
import { GENERATE_USAGE, generateCommand } from './cli/generate-command';
import { NEW_USAGE, newCommand } from './cli/new-command';
import { PUBLISH_USAGE, publishCommand } from './cli/publish-command';
import { SettingsError } from './cli/settings-file';
import type { Writer } from './cli/writer';
import { InvalidValuesError } from './generate';
import { UnknownChartError } from './generate-all';

export type { Writer } from './cli/writer';

const USAGE = `usage:\n  ${[GENERATE_USAGE, NEW_USAGE, PUBLISH_USAGE, CHECK_VERSIONS_USAGE].join('\n\n  ')}`;

const COMMANDS: Record<string, (argv: string[], out: Writer, err: Writer) => number> = {
  generate: generateCommand,
  new: newCommand,
  publish: publishCommand,
  'check-versions': checkVersionsCommand,
};

/** Runs the CLI; returns the exit code (0 ok, 1 drift or invalid input, 2 usage). */
export function main(argv: string[], out: Writer = process.stdout, err: Writer = process.stderr): number {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      out.write(`${USAGE}\n`);
      return 0;
    }
    const run = command ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(command ? `unknown command ${command}` : 'missing command');
    return run(rest, out, err);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`chart-gen: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof UnknownChartError || error instanceof SettingsError) {
      err.write(`chart-gen: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InvalidValuesError) {
      err.write(`chart-gen: nothing written; ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
