import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Environment } from '../environments/model';
import { placeholderReason } from '../secrets/placeholder';
import { certificateKey, encryptionLabel, seal } from '../secrets/seal';
import type { SealingScope } from '../secrets/sources';
import { parseArgs, UsageError } from './args';
import { findRoot } from './root';
import type { Writer } from './writer';

const SCOPES: SealingScope[] = ['strict', 'namespace-wide'];

/** A refusal: printed without the usage, exit 1. Never carries the value. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

/** Runs a step whose failure is the user's input (a file, the certificate): a refusal, not a crash. */
function refusing<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw error instanceof SealError || error instanceof UsageError ? error : new SealError((error as Error).message);
  }
}

export interface SealInput {
  /** The value's bytes: a file, or standard input when it is not a terminal (typing would echo the value). */
  stdin: () => Promise<Buffer>;
  stdinIsTerminal: boolean;
  fetchText: (url: string) => Promise<string>;
}

const defaultInput: SealInput = {
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  stdinIsTerminal: Boolean(process.stdin.isTTY),
  fetchText: async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new SealError(`${url} answered ${response.status}`);
    return response.text();
  },
};

function findEnvironment(name: string): Environment {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { environments } = require('../environments') as typeof import('../environments');
  const env = environments.find((e) => e.name === name);
  if (!env) throw new UsageError(`unknown environment ${name}; known: ${environments.map((e) => e.name).join(', ')}`);
  return env;
}

/** With an environment, the Secret and key must be ones its charts read: a typo would seal a value nobody reads. */
function checkRead(env: Environment, name: string, key: string | undefined): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { charts } = require('../charts') as typeof import('../charts');
  const { secretReads } = require('../secrets/reads') as typeof import('../secrets/reads');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const reads = secretReads(env, charts).filter((read) => read.secret === name);
  if (reads.length === 0) throw new SealError(`no chart of ${env.name} reads a Secret ${name}`);
  if (key !== undefined && !reads.some((read) => read.key === key))
    throw new SealError(
      `the charts of ${env.name} read ${name} keys ${reads.map((r) => r.key).join(', ')}, not ${key}`,
    );
}

async function readCertificate(where: string, root: string, input: SealInput): Promise<string> {
  if (/^https:\/\//.test(where)) return input.fetchText(where);
  if (/^[a-z]+:\/\//i.test(where)) throw new SealError(`${where}: only https URLs or paths are accepted`);
  const file = path.resolve(root, where);
  if (!fs.existsSync(file)) throw new SealError(`certificate ${where} not found`);
  return fs.readFileSync(file, 'utf8');
}

/** The value without the one line ending a file or `echo` adds: a password never ends in a newline by intent. */
const withoutFinalNewline = (value: Buffer) =>
  value.subarray(0, value.length - (value.at(-1) === 10 ? (value.at(-2) === 13 ? 2 : 1) : 0));

export async function sealCommand(argv: string[], out: Writer, err: Writer, input = defaultInput): Promise<number> {
  const { positionals, flags } = parseArgs(argv, {
    switches: [],
    values: ['environment', 'namespace', 'name', 'key', 'scope', 'cert', 'from-file', 'root'],
  });
  if (positionals.length)
    throw new UsageError('the value is read from --from-file or standard input, never an argument');
  const root = findRoot(process.cwd(), flags.root);
  const env = flags.environment ? findEnvironment(flags.environment) : undefined;
  const name = flags.name;
  if (!name) throw new UsageError('--name <Secret name> is required');
  const source = env?.secrets?.[name];
  const namespace = flags.namespace ?? env?.namespace;
  if (!namespace) throw new UsageError('--namespace (or --environment) is required');
  const scope = (flags.scope ?? (source?.type === 'sealedSecret' ? source.scope : undefined)) as SealingScope;
  if (!SCOPES.includes(scope))
    throw new UsageError(`--scope must be ${SCOPES.join(' or ')} (or come from the environment's sealedSecret source)`);
  if (source?.type === 'sealedSecret' && source.scope !== scope)
    throw new SealError(`environments/${env!.name}.ts seals ${name} with ${source.scope} scope, not ${scope}`);
  if (env) checkRead(env, name, flags.key);
  const certificate = flags.cert ?? env?.sealedSecrets?.certificate;
  if (!certificate) throw new UsageError('--cert (or an environment with sealedSecrets.certificate) is required');

  let value: Buffer;
  const file = flags['from-file'];
  if (file) value = refusing(() => fs.readFileSync(path.resolve(file)));
  else if (input.stdinIsTerminal)
    throw new SealError('standard input is a terminal, which would echo the value: pipe it in or use --from-file');
  else value = await input.stdin();
  value = withoutFinalNewline(value);
  const refusal = placeholderReason(value.toString('utf8'));
  if (refusal) throw new SealError(`nothing sealed: ${refusal}`);

  const pem = await readCertificate(certificate, root, input);
  const key = refusing(() => certificateKey(pem));
  out.write(`${seal(key, value, encryptionLabel(namespace, name, scope))}\n`);
  const target = env
    ? ` into environments/${env.name}.ts secrets.${name}.encryptedData${flags.key ? `.${flags.key}` : ''}`
    : '';
  err.write(`chart-gen: sealed for Secret ${name} in namespace ${namespace} (${scope} scope); paste it${target}\n`);
  return 0;
}
