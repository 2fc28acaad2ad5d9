import * as fs from 'node:fs';
import * as path from 'node:path';

import { kubectlOk } from './kubectl';

/**
 * Installs every CRD file of a folder (server-side: Argo CD's Application CRD is too large for the annotation of a
 * client-side apply) and waits until the server serves them.
 */
export async function installCrds(kubeconfig: string, dir: string, only?: RegExp): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml' && (!only || only.test(file)))
    .map((file) => path.join(dir, file));
  const names: string[] = [];
  for (const file of files) {
    const out = await kubectlOk(kubeconfig, ['apply', '--server-side', '-f', file, '-o', 'name']);
    names.push(...out.split('\n').filter(Boolean));
  }
  await kubectlOk(kubeconfig, ['wait', '--for=condition=Established', '--timeout=60s', ...names]);
  return names;
}
