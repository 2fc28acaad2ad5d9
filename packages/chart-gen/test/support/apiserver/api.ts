import * as fs from 'node:fs';
import * as https from 'node:https';

interface Kubeconfig {
  clusters: { cluster: { server: string; 'certificate-authority': string } }[];
  users: { user: { token: string } }[];
}

/**
 * Calls the API server of <kubeconfig> (one this harness wrote: a server, its CA file and a token) over HTTPS from
 * this process. For what runs many times a second (the hook runner, waits): a kubectl process per poll would cost more
 * CPU than the server itself on a small machine.
 */
export function apiRequest<T>(kubeconfig: string, method: string, path: string, patch?: object): Promise<T> {
  const config = JSON.parse(fs.readFileSync(kubeconfig, 'utf8')) as Kubeconfig;
  const { server, 'certificate-authority': caFile } = config.clusters[0]!.cluster;
  const body = patch ? JSON.stringify(patch) : undefined;
  const headers: Record<string, string> = { authorization: `Bearer ${config.users[0]!.user.token}` };
  if (body) headers['content-type'] = 'application/merge-patch+json';
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${server}${path}`,
      { method, ca: fs.readFileSync(caFile), headers, timeout: 10_000 },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          if ((response.statusCode ?? 0) >= 300) reject(new Error(`${method} ${path}: ${response.statusCode} ${text}`));
          else resolve(JSON.parse(text) as T);
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** The items of a namespaced list, e.g. listIn(kubeconfig, 'apis/apps/v1', 'deployments', 'mlops'). */
export async function listIn<T>(kubeconfig: string, group: string, resource: string, namespace: string) {
  const path = `/${group}/namespaces/${namespace}/${resource}`;
  return (await apiRequest<{ items: T[] }>(kubeconfig, 'GET', path)).items;
}
