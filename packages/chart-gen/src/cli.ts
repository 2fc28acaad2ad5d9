#!/usr/bin/env node
import { UsageError } from './cli/args';
import { CHECK_VERSIONS_USAGE, checkVersionsCommand } from './cli/check-versions-command';
import { GENERATE_USAGE, generateCommand } from './cli/generate-command';
import { NEW_USAGE, newCommand } from './cli/new-command';
import { PUBLISH_USAGE, publishCommand } from './cli/publish-command';
import { SettingsError } from './cli/settings-file';
import { VERIFY_USAGE, verifyCommand } from './cli/verify-command';
import type { Writer } from './cli/writer';
import { InvalidValuesError } from './generate';
import { UnknownChartError } from './generate-all';

export type { Writer } from './cli/writer';

const USAGE = `usage:\n  ${[GENERATE_USAGE, NEW_USAGE, PUBLISH_USAGE, VERIFY_USAGE, CHECK_VERSIONS_USAGE].join('\n\n  ')}`;

const COMMANDS: Record<string, (argv: string[], out: Writer, err: Writer) => number | Promise<number>> = {
  generate: generateCommand,
  new: newCommand,
  publish: publishCommand,
  verify: verifyCommand,
  'check-versions': checkVersionsCommand,
};

/**
 * Runs the CLI; returns the exit code (0 ok, 1 drift or invalid input, 2 usage), as a promise for the commands that
 * talk to a server.
 */
export function main(
  argv: string[],
  out: Writer = process.stdout,
  err: Writer = process.stderr,
): number | Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      out.write(`${USAGE}\n`);
      return 0;
    }
    const run = command ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(command ? `unknown command ${command}` : 'missing command');
    const code = run(rest, out, err);
    return typeof code === 'number' ? code : code.catch((error: unknown) => failure(error, err));
  } catch (error) {
    return failure(error, err);
  }
}

/** An error as the exit code and message the CLI gives it; anything unexpected is rethrown. */
function failure(error: unknown, err: Writer): number {
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

if (require.main === module) {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
