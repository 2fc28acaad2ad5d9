import { k8sObject, list, obj, optional, str } from '../kit';

/** Extra environment variables, as Kubernetes EnvVar objects. */
export function extraEnvSpec() {
  return list(
    'Extra environment variables of the main container.',
    obj('An environment variable.', {
      name: str('Variable name.', { pattern: '^[-._a-zA-Z][-._a-zA-Z0-9]*$' }),
      value: optional(str('Literal value. Put secrets in a Secret and use valueFrom.')),
      valueFrom: optional(k8sObject('Source of the value (secretKeyRef, configMapKeyRef, fieldRef).')),
    }),
  );
}
