import * as fs from 'node:fs';
import * as path from 'node:path';

import { apiRequest } from './api';
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
  for (const name of names) await waitForEstablished(kubeconfig, name.replace(/^.*\//, ''));
  return names;
}

/**
 * The Prometheus Operator's CRDs of the objects the charts render with monitoring on (ServiceMonitor, PrometheusRule),
 * as the monitoring chart brings them before the stack's wave.
 */
/** The resources of those CRDs, for listing what a namespace holds. */
export const MONITORING_KINDS = ['servicemonitors', 'prometheusrules'];

export const installMonitoringCrds = (kubeconfig: string, dir: string) =>
  installCrds(kubeconfig, dir, /_(prometheusrules|servicemonitors)\.yaml$/);

interface Crd {
  status?: { conditions?: { type: string; status: string }[] };
}

/**
 * Polls the CRD until its Established condition is True. (`kubectl wait --for=condition=Established` fails at once
 * when the CRD has no conditions yet, as right after its creation.)
 */
async function waitForEstablished(kubeconfig: string, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  const path = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`;
  for (;;) {
    const crd = await apiRequest<Crd>(kubeconfig, 'GET', path);
    if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) return;
    if (Date.now() > deadline) throw new Error(`CRD ${name} not established within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
