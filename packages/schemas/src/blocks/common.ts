import { bool, list, obj, optional, resourceName, str, stringMap, Type } from '../kit';
import type { ValuesOf } from './workload';

/** Pull secrets, as the pod spec lists them. */
export function pullSecretsSpec(description: string) {
  return list(
    description,
    obj('A Secret of type kubernetes.io/dockerconfigjson.', { name: resourceName('Secret name.') }),
  );
}

/**
 * `global`: values Helm shares with every subchart. Helm injects it, so it is always allowed; the keys the charts
 * read are typed, and keys of other charts pass through.
 */
export function globalSpec() {
  return Type.Object(
    {
      imageRegistry: optional(str('Registry that replaces every image registry of the chart.')),
      imagePullSecrets: optional(pullSecretsSpec('Pull secrets added to every pod.')),
      storageClass: optional(str('StorageClass for claims that set none.')),
    },
    { description: 'Values shared with subcharts (set by an umbrella chart).', additionalProperties: true },
  );
}

/** The naming and labelling keys every chart has. Spread into a chart's top-level values. */
export function commonProperties() {
  return {
    global: optional(globalSpec()),
    enabled: optional(bool('Whether an umbrella chart that depends on this chart installs it.')),
    nameOverride: resourceName('Replaces the chart name in object names and the app.kubernetes.io/name label.'),
    fullnameOverride: resourceName('Replaces the full object name prefix (release-chart by default).'),
    commonLabels: stringMap('Labels added to every object.'),
    imagePullSecrets: pullSecretsSpec('Pull secrets for the pods.'),
    podAnnotations: stringMap('Annotations added to the pods.'),
    podLabels: stringMap('Labels added to the pods.'),
  };
}

/** The keys every chart has, at their neutral defaults. */
export function commonDefaults(): Omit<ValuesOf<ReturnType<typeof commonProperties>>, 'global' | 'enabled'> {
  return {
    nameOverride: '',
    fullnameOverride: '',
    commonLabels: {},
    imagePullSecrets: [],
    podAnnotations: {},
    podLabels: {},
  };
}

/**
 * The common keys a wrapper of an external chart has: naming, labels and pull secrets, but no pod keys (its pods are
 * the external chart's).
 */
export function wrapperProperties() {
  const { global, enabled, nameOverride, fullnameOverride, commonLabels, imagePullSecrets } = commonProperties();
  return { global, enabled, nameOverride, fullnameOverride, commonLabels, imagePullSecrets };
}
