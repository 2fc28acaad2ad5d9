import * as path from 'node:path';

import { freePort } from '../ports';
import { type ServerProcess, startServer, waitFor } from './server-process';

/**
 * Starts etcd with its data in <dir>, on free loopback ports unless <client> names the client port; resolves once
 * /health answers.
 */
export async function startEtcd(
  dir: string,
  etcd: string,
  client?: number,
): Promise<{ server: ServerProcess; url: string }> {
  client ??= await freePort();
  const peer = await freePort();
  const url = `http://127.0.0.1:${client}`;
  const peerUrl = `http://127.0.0.1:${peer}`;
  const server = startServer(dir, 'etcd', etcd, [
    `--data-dir=${path.join(dir, 'etcd-data')}`,
    `--listen-client-urls=${url}`,
    `--advertise-client-urls=${url}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=default=${peerUrl}`,
    '--log-level=warn',
    // Throwaway data: no fsync per write.
    '--unsafe-no-fsync',
  ]);
  const healthy = async () => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200;
  await waitFor(server, `healthy at ${url}/health`, healthy, 20_000);
  return { server, url };
}
