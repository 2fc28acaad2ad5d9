#!/usr/bin/env node
import { InvalidChartFilesError, InvalidValuesError } from '../generate';
import { UnknownChartError } from '../generate-all';
import { UsageError } from './args';
import { SettingsError } from './settings-file';
import { CHECK_VERSIONS_USAGE, GENERATE_USAGE, NEW_USAGE, PUBLISH_USAGE, SEAL_USAGE, VERIFY_USAGE } from './usage';
import type { Writer } from './writer';

export type { Writer } from './writer';

const USAGE = `usage:\n  ${[GENERATE_USAGE, NEW_USAGE, PUBLISH_USAGE, VERIFY_USAGE, SEAL_USAGE, CHECK_VERSIONS_USAGE].join('\n\n  ')}`;

type Command = (argv: string[], out: Writer, err: Writer) => number | Promise<number>;

/* eslint-disable @typescript-eslint/no-require-imports */
/** Each command's code is loaded when it runs: generating one chart does not load publishing (startup time). */
const COMMANDS: Record<string, () => Command> = {
  generate: () => (require('./generate-command') as typeof import('./generate-command')).generateCommand,
  new: () => (require('./new-command') as typeof import('./new-command')).newCommand,
  publish: () => (require('./publish-command') as typeof import('./publish-command')).publishCommand,
  'check-versions': () =>
    (require('./check-versions-command') as typeof import('./check-versions-command')).checkVersionsCommand,
  verify: () => (require('./verify-command') as typeof import('./verify-command')).verifyCommand,
  seal: () => (require('./seal-command') as typeof import('./seal-command')).sealCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

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
    const load = command ? COMMANDS[command] : undefined;
    if (!load) throw new UsageError(command ? `unknown command ${command}` : 'missing command');
    const code = load()(rest, out, err);
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
  if (error instanceof Error && error.name === 'SealError') {
    err.write(`chart-gen seal: ${error.message}\n`);
    return 1;
  }
  if (error instanceof InvalidValuesError || error instanceof InvalidChartFilesError) {
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
