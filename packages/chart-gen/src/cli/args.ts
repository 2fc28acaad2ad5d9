/** A usage mistake: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  /** Flags given, by name without dashes; a boolean flag holds 'true'. */
  flags: Record<string, string>;
}

/** Parses `--flag value` and `--switch` arguments, refusing flags the command does not know. */
export function parseArgs(argv: string[], known: { switches: string[]; values: string[] }): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      parsed.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (known.switches.includes(name)) parsed.flags[name] = 'true';
    else if (known.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('-')))
        throw new UsageError(`--${name} needs a value`);
      parsed.flags[name] = value;
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return parsed;
}
