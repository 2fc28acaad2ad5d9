import yaml from 'js-yaml';

import { type Application, applications } from './argocd';
import { type K8sObject, run } from './helm';

/** The Kubernetes version the wrapper charts' renders assume (their upstream charts gate templates on it). */
export const KUBE_VERSION = '1.32.0';

/** The generated Application of that name, typed with the fields its chart sets beyond what support/argocd types. */
export const applicationNamed = <T extends Application>(name: string) =>
  applications().find(({ app }) => app.metadata.name === name)!.app as T;

export const syncWave = (app: Application) => Number(app.metadata.annotations?.['argocd.argoproj.io/sync-wave']);

/** `helm template` of a wrapper chart as its Application installs it (release named like the chart). */
export function templateWrapper(helm: string, release: string, namespace: string, chartDir: string, args: string[]) {
  const result = run(helm, [
    'template',
    release,
    chartDir,
    '--namespace',
    namespace,
    '--kube-version',
    KUBE_VERSION,
    ...args,
  ]);
  if (result.status !== 0) throw new Error(`helm template ${chartDir} failed:\n${result.stderr}`);
  return result.stdout;
}

export const objectsOf = (text: string) => yaml.loadAll(text).filter(Boolean) as K8sObject[];
