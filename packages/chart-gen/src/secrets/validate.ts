import type { Environment } from '../environments/model';
import type { ChartDefinition } from '../model';
import { secretReads } from './reads';
import { looksSealed } from './sealed-format';

/** A Go duration, as the operator parses refreshInterval (0 turns refreshing off). */
const DURATION = /^(0|(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+)$/;

/**
 * Problems of an environment's secret sources against what its charts read, each naming the environment file and
 * the key: a source for a Secret no chart reads, a key a chart reads that the source does not provide, a key it
 * provides that no chart reads (the Secret must hold exactly the charts' keys), a malformed sealed value.
 */
export function validateSecretSources(env: Environment, charts: readonly ChartDefinition[]): string[] {
  const file = `environments/${env.name}.ts`;
  const reads = secretReads(env, charts);
  const problems: string[] = [];
  for (const [secret, source] of Object.entries(env.secrets ?? {})) {
    const where = `${file}: secrets.${secret}`;
    const needed = reads.filter((read) => read.secret === secret);
    if (needed.length === 0) {
      const known = [...new Set(reads.map((read) => read.secret))].join(', ') || 'none';
      problems.push(`${where}: no chart of ${env.name} reads a Secret ${secret} (they read: ${known})`);
      continue;
    }
    if (source.type === 'existingSecret') continue;
    const field = source.type === 'externalSecret' ? 'data' : 'encryptedData';
    const given = source.type === 'externalSecret' ? source.data : source.encryptedData;
    for (const read of needed) {
      if (!(read.key in given))
        problems.push(`${where}.${field}: key ${read.key} is missing (read by ${read.readers.join(', ')})`);
    }
    for (const key of Object.keys(given)) {
      if (!needed.some((read) => read.key === key))
        problems.push(
          `${where}.${field}.${key}: no chart reads this key (they read: ${needed.map((r) => r.key).join(', ')})`,
        );
    }
    if (source.type === 'externalSecret') {
      if (!DURATION.test(source.refreshInterval))
        problems.push(`${where}.refreshInterval: not a duration like 1h or 15m`);
      for (const [key, remote] of Object.entries(source.data)) {
        if (remote.key.trim() === '') problems.push(`${where}.data.${key}.key: empty remote key`);
      }
    } else {
      for (const [key, value] of Object.entries(source.encryptedData)) {
        if (!looksSealed(value))
          problems.push(`${where}.encryptedData.${key}: not a sealed value; make one with chart-gen seal`);
      }
    }
  }
  return problems;
}
