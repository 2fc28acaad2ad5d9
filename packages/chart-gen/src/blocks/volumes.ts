import type { IVolume } from 'kubernetes-models/v1/Volume';

import { typedMap } from '../template/k8s';
import { choose, entry, map, mapOf } from '../template/nodes';
import { type ChartContext, claimName, credentialsSecretName } from './context';

/** The data volume: the chart's claim when persistence is on, else an emptyDir. */
export function dataVolume(ctx: ChartContext, name: string) {
  return map(
    entry('name', name),
    choose(
      ['.Values.persistence.enabled', [entry('persistentVolumeClaim', mapOf({ claimName: claimName(ctx) }))]],
      [undefined, [entry('emptyDir', map())]],
    ),
  );
}

/** A scratch volume for paths a read-only root filesystem cannot hold. */
export function emptyDirVolume(name: string, medium?: 'Memory') {
  return typedMap<IVolume>({ name, emptyDir: medium ? { medium } : map() });
}

/**
 * A ConfigMap as files. defaultMode is a number written in decimal: YAML 1.1 (Kubernetes, Argo CD) reads `0555` as
 * octal and YAML 1.2 as 555, so only a decimal means the same everywhere.
 */
export function configMapVolume(name: string, configMapName: string, defaultMode?: number) {
  return typedMap<IVolume>({ name, configMap: { name: configMapName, defaultMode } });
}

/**
 * The chart's credentials Secret as files, readable by the pod's group (fsGroup) only: programs that read a password
 * from a file get it without an environment variable, which `kubectl describe`, crash dumps and child processes see.
 * The keys are listed (expressions of key names), so a Secret lacking one keeps the Pod from starting, naming the key,
 * as an env var reference would. Mode 288 is 0440 written in decimal.
 */
export function credentialsVolume(ctx: ChartContext, name: string, keys: string[]) {
  const items = keys.map((key) => ({ key: `{{ ${key} }}`, path: `{{ ${key} }}` }));
  return typedMap<IVolume>({ name, secret: { secretName: credentialsSecretName(ctx), defaultMode: 288, items } });
}
