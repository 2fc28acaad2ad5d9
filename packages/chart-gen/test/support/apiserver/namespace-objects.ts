import yaml from 'js-yaml';

import type { K8sObject } from '../helm';
import { kubectlJson } from './kubectl';

/**
 * The namespaced kinds the charts create. Pods, ReplicaSets, Events and EndpointSlices are the controllers' work,
 * not the chart's, and are left out.
 */
const KINDS = [
  'deployments',
  'statefulsets',
  'jobs',
  'services',
  'configmaps',
  'secrets',
  'persistentvolumeclaims',
  'serviceaccounts',
  'roles',
  'rolebindings',
  'networkpolicies',
  'poddisruptionbudgets',
  'ingresses',
].join(',');

/** What every namespace holds before any chart: the controller-manager's ServiceAccount and root CA ConfigMap. */
const PLATFORM = new Set(['ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

interface Listed {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  type?: string;
}

/**
 * Kind/name of every object of the charts' kinds in the namespace, except the platform's own and helm's release
 * records (Secrets of type helm.sh/release.v1); extra kinds (e.g. prometheusrules) may be added.
 */
export async function namespaceObjects(kubeconfig: string, namespace: string, extraKinds: string[] = []) {
  const kinds = [KINDS, ...extraKinds].join(',');
  const { items } = await kubectlJson<{ items: Listed[] }>(kubeconfig, ['get', kinds, '--namespace', namespace]);
  return items
    .filter((o) => o.type !== 'helm.sh/release.v1')
    .map((o) => `${o.kind}/${o.metadata.name}`)
    .filter((name) => !PLATFORM.has(name))
    .sort();
}

const parse = (manifest: string) => yaml.loadAll(manifest).filter(Boolean) as K8sObject[];
const names = (objects: K8sObject[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();

/** Kind/name of every object in a rendered manifest (helm get manifest, helm template). */
export const manifestObjects = (manifest: string) => names(parse(manifest));

/** Kind/name of the manifest's objects that helm leaves behind on uninstall (helm.sh/resource-policy: keep). */
export const keptObjects = (manifest: string) =>
  names(parse(manifest).filter((o) => o.metadata.annotations?.['helm.sh/resource-policy'] === 'keep'));
